"""Everything the wizard knows, outliving any one window (a language switch rebuilds the window).

Engine calls that read the disk or the network run as :mod:`ui.tasks`; their results land here
and :attr:`AppState.changed` tells the pages what changed (``"detection"``, ``"update"``,
``"calendar"``, ``"gbs"``, ``"form"``, ``"day"``, ``"extras"``, ``"outbox"``, ``"draft"``). The
request form is the engine's :class:`collector.request.RequestForm`; every change is saved as a
draft (:class:`collector.drafts.DraftStore`) a moment later, and at once on page changes and on
close, so a crash loses at most the last half-second of typing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from collector.errors import CollectorError
from collector.i18n import _
from ui import prefs, tasks

log = logging.getLogger(__name__)

CALENDAR_DAYS = 62  # two months back: the calendar shows the current and the previous month
DRAFT_DELAY_MS = 400


@dataclass
class Extras:
    """What the user chose besides the form (saved in the draft's ``ui`` part, no secrets)."""

    page: str = "start"
    logs_included: bool = True
    around_days: int = 0
    screenshots: list[str] = field(default_factory=list)  # files we made (also in attachments)
    exclude: list[str] = field(default_factory=list)  # archive paths unticked on the review page
    out_dir: str = ""
    volume_mb: int = 0
    time_limits: dict[str, float] = field(default_factory=dict)
    use_program_backup: bool = False  # the live backup failed: take the program's own one
    hide_personal: bool = False  # phone numbers, e-mails, card numbers in logs → tokens
    password: str = ""  # never saved

    def to_draft(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("password")
        return d

    @classmethod
    def from_draft(cls, data: dict[str, Any]) -> Extras:
        known = {f.name for f in dataclasses.fields(cls)} - {"password"}
        e = cls(**{k: v for k, v in data.items() if k in known})
        e.screenshots = [s for s in e.screenshots if isinstance(s, str)]
        e.exclude = [s for s in e.exclude if isinstance(s, str)]
        return e


class AppState(QObject):
    changed = Signal(str)
    notice = Signal(str)  # a short message for the status line ("GBS.ID получен из буфера")
    collect_progress = Signal(object)
    collect_done = Signal(object)
    collect_failed = Signal(object)
    upload_progress = Signal(object)
    upload_done = Signal(object)
    upload_failed = Signal(object)

    def __init__(self, root_arg: str | None, *, today: date | None = None,
                 out_dir: str | None = None, check_updates: bool = True) -> None:
        super().__init__()
        self.root_arg = root_arg
        self.today = today or date.today()
        self.check_updates = check_updates
        self.root = None
        self.root_error: str | None = None
        self.detection = None
        self.detecting = True  # until the first search has answered
        self.detect_error: str | None = None
        self.update = None
        self.update_checking = False
        self.calendar = None
        self.calendar_error: str | None = None
        self.calendar_progress = 0.0
        self.gbs_candidates: list = []
        self.gbs_id: str | None = None
        self.gbs_searching = False
        self.gbs_from_clipboard = False
        self.clipboard_id: str | None = None
        self.clipboard_rejection: str | None = None
        self.qr_images: dict[str, Any] = {}
        self.day_selection = None
        self.day_selection_for: tuple | None = None
        self.day_loading = False
        self._form = None
        self.extras = Extras(out_dir=out_dir or "")
        self._drafts = None
        self.draft_offer = None
        self.draft_decided = False
        self.offers_loaded = False  # the saved draft has been read (nothing is saved before)
        self._edited_early = False
        self._started = False
        self.outbox_pending: list = []
        self.last_code: str | None = None
        self.collecting = None  # the running collection Task
        self.result = None  # CollectResult of the last collection
        self.uploading = None
        self.upload_result = None
        self._base_ctx = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._watcher = None
        self._own_copy: str | None = None
        self._clip_timer = QTimer(self)
        self._clip_timer.setInterval(700)
        self._clip_timer.timeout.connect(self.poll_clipboard)
        self.draft_problem: str | None = None
        self.save_problem: str | None = None
        self.review = None  # ui.plan.Review: the engine's plan for the review page
        self.review_error: str | None = None
        self.review_task = None
        self._review_timer = QTimer(self)
        self._review_timer.setSingleShot(True)
        self._review_timer.setInterval(300)
        self._review_timer.timeout.connect(self._start_review)
        self._review_estimate_only = False

    # The engine's form and drafts modules pull in QR and imaging libraries: created on first use,
    # after the window is on screen, not before.
    @property
    def form(self):
        if self._form is None:
            from collector.request import RequestForm

            self._form = RequestForm()
        return self._form

    @form.setter
    def form(self, value) -> None:
        self._form = value

    @property
    def drafts(self):
        if self._drafts is None:
            from collector.drafts import DraftStore

            self._drafts = DraftStore()
        return self._drafts

    # --- start ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Find the installation (off the GUI thread), then everything that depends on it.
        Called once the window has been painted: nothing here delays the first picture."""
        if self._started:
            return
        self._started = True
        self.detect()
        self.load_offers()
        self.start_clipboard()

    def load_offers(self) -> None:
        """A draft to continue, the last request code, bundles waiting to be sent: read in a
        worker (the engine modules behind them are large to import)."""

        def work(task: tasks.Task) -> tuple:
            from collector.drafts import DraftStore

            store = DraftStore()
            try:
                offer, problem = store.offer(), store.problem
            except CollectorError as exc:
                offer, problem = None, exc.message
            try:
                from collector.delivery.state import last_request_code

                code = last_request_code()
            except Exception:  # history unreadable: the field just has no suggestion
                code = None
            return store, offer, problem, code

        def done(value: tuple) -> None:
            store, offer, problem, code = value
            if self._drafts is None:
                self._drafts = store
            self.offers_loaded = True
            self.draft_offer, self.draft_problem = offer, problem
            self.draft_decided = offer is None
            self.last_code = code
            if offer is not None and self._edited_early:
                self.decline_draft()  # typing already began: the old draft goes aside, kept
            self.changed.emit("draft")

        def failed(exc: BaseException) -> None:
            log.warning("drafts and outbox not read: %s", exc)
            self.offers_loaded = True
            self.draft_decided = True
            self.changed.emit("draft")

        tasks.start(work, on_done=done, on_error=failed, name="offers")
        self.refresh_outbox()

    def refresh_outbox(self) -> None:
        def work(task: tasks.Task) -> list:
            from collector.delivery import Outbox

            return Outbox().pending()

        def done(entries: list) -> None:
            self.outbox_pending = entries
            self.changed.emit("outbox")

        tasks.start(work, on_done=done, on_error=lambda e: None, name="outbox")

    def detect(self) -> None:
        self.detecting = True
        self.detect_error = None
        self.changed.emit("detection")
        root_arg = self.root_arg
        clip = self._clipboard_id_now()

        def work(task: tasks.Task) -> tuple:
            from collector.gbsid import find_gbs_ids
            from collector.installation import detect
            from collector.sysroot import SystemRoot

            root = SystemRoot.from_arg(root_arg)
            det = detect(root)
            cands = find_gbs_ids(root, det.installation, clip)
            return root, det, cands

        tasks.start(work, on_done=self._detected, on_error=self._detect_failed, name="detect")

    def _detected(self, value: tuple) -> None:
        self.root, self.detection, cands = value
        self.detecting = False
        self._base_ctx = None
        self.changed.emit("detection")
        self._set_candidates(cands, self.clipboard_id)
        if self.detection.installation is not None:
            self.check_update()
            self.load_calendar()
            if self.form.problem_date is not None:
                self.load_day()

    def _detect_failed(self, exc: BaseException) -> None:
        self.detecting = False
        self.detect_error = getattr(exc, "message", None) or _(
            "Не удалось найти GBS.Market: {error}", error=f"{type(exc).__name__}: {exc}")
        self.changed.emit("detection")

    @property
    def installation(self):
        return self.detection.installation if self.detection is not None else None

    # --- update check --------------------------------------------------------------------------
    def check_update(self) -> None:
        inst = self.installation
        if inst is None:
            return
        self.update_checking = True
        self.changed.emit("update")
        version = inst.version
        enabled = self.check_updates

        def work(task: tasks.Task):
            from collector.settings import load_settings
            from collector.updates import UpdateStatus, check_latest

            if not enabled:
                return UpdateStatus("unknown", version, None,
                                    _("Проверка обновлений отключена."))
            s = load_settings()
            return check_latest(version, s.latest_version_url, s.update_check_timeout)

        def done(status) -> None:
            self.update = status
            self.update_checking = False
            self._base_ctx = None
            self.changed.emit("update")

        def failed(exc: BaseException) -> None:
            from collector.updates import UpdateStatus

            done(UpdateStatus("unknown", version, None,
                              _("Не удалось проверить обновления: {error}", error=exc)))

        tasks.start(work, on_done=done, on_error=failed, name="update")

    # --- the error calendar --------------------------------------------------------------------
    def load_calendar(self) -> None:
        inst = self.installation
        if inst is None:
            return
        today = self.today
        self.calendar = None
        self.calendar_error = None
        self.calendar_progress = 0.0
        self.changed.emit("calendar")

        def work(task: tasks.Task):
            from collector.logs import error_calendar

            root = getattr(inst, "_root", None)
            return error_calendar(
                inst.logs_dir, inst.crpt_logs_dir, days=CALENDAR_DAYS, today=today,
                cancel=task.cancel, progress=lambda d, t: task.progress(d / t if t else 1.0),
                show=root.windows_path if root else str)

        def progress(fraction: float) -> None:
            self.calendar_progress = fraction
            self.changed.emit("calendar-progress")

        def done(cal) -> None:
            self.calendar = cal
            self.changed.emit("calendar")

        def failed(exc: BaseException) -> None:
            self.calendar_error = getattr(exc, "message", None) or str(exc)
            self.changed.emit("calendar")

        tasks.start(work, on_done=done, on_error=failed, on_progress=progress, name="calendar",
                    min_interval=0.1)

    # --- the chosen day's logs -----------------------------------------------------------------
    def load_day(self) -> None:
        inst = self.installation
        day = self.form.problem_date
        if inst is None or day is None:
            self.day_selection = None
            self.changed.emit("day")
            return
        key = (day, self.extras.around_days)
        if self.day_selection_for == key and self.day_selection is not None:
            return
        self.day_selection_for = key
        self.day_loading = True
        self.changed.emit("day")
        around = self.extras.around_days

        def work(task: tasks.Task):
            from collector.logs import select_logs

            return select_logs(inst, day, around=around, cancel=task.cancel)

        def done(sel) -> None:
            if self.day_selection_for != key:
                return  # the user picked another day meanwhile
            self.day_selection = sel
            self.day_loading = False
            self.changed.emit("day")

        def failed(exc: BaseException) -> None:
            if self.day_selection_for != key:
                return
            self.day_selection = None
            self.day_loading = False
            self.changed.emit("day")

        tasks.start(work, on_done=done, on_error=failed, name="day")

    # --- GBS.ID --------------------------------------------------------------------------------
    def _clipboard_text(self) -> str | None:
        cb = QGuiApplication.clipboard()
        return cb.text() if cb is not None else None

    def _clipboard_id_now(self) -> str | None:
        from collector.gbsid import extract_gbs_id

        with contextlib.suppress(Exception):
            found = extract_gbs_id(self._clipboard_text())
            if found:
                self.clipboard_id = found
        return self.clipboard_id

    def start_clipboard(self) -> None:
        from collector.gbsid import ClipboardIdWatcher

        self._watcher = ClipboardIdWatcher(self._clipboard_text, None, include_current=False)
        cb = QGuiApplication.clipboard()
        if cb is not None:
            cb.dataChanged.connect(self.poll_clipboard)
        self._clip_timer.start()

    def poll_clipboard(self) -> None:
        if self._watcher is None:
            return
        try:
            found = self._watcher.poll()
        except Exception:  # a clipboard held by another program: try again next tick
            return
        rejection = self._watcher.rejection
        if rejection != self.clipboard_rejection:
            self.clipboard_rejection = rejection
            self.changed.emit("gbs")
        if found and found != self._own_copy:
            self.take_clipboard_id(found)

    def copy_gbs_id(self) -> str | None:
        """Put the chosen ID on the clipboard (our own copy is not "the user copied an ID")."""
        from collector.gbsid import normalize_gbs_id

        value = normalize_gbs_id(self.gbs_id or "")
        if value:
            self._own_copy = value
            QGuiApplication.clipboard().setText(value)
        return value

    def take_clipboard_id(self, value: str) -> None:
        """The user copied the ID in GBS.Market: it is the one they mean."""
        self.clipboard_id = value
        self.clipboard_rejection = None
        if self.root is None:
            return
        root, inst = self.root, self.installation

        def work(task: tasks.Task):
            from collector.gbsid import find_gbs_ids

            return find_gbs_ids(root, inst, value)

        def done(cands) -> None:
            self._set_candidates(cands, value)
            self.notice.emit(_("GBS.ID получен из буфера обмена: {value}", value=value))
            self.edited("gbs_id")

        tasks.start(work, on_done=done, on_error=lambda e: None, name="gbs")

    def _set_candidates(self, cands: list, prefer: str | None) -> None:
        self.gbs_candidates = cands
        values = [c.value for c in cands]
        if prefer and prefer in values:
            self.gbs_id = prefer
        elif self.gbs_id not in values:
            self.gbs_id = values[0] if values else None
        self.gbs_from_clipboard = bool(self.gbs_id and self.gbs_id == self.clipboard_id)
        self._base_ctx = None
        self.make_qr()
        self.changed.emit("gbs")

    def choose_gbs_id(self, value: str) -> None:
        if value != self.gbs_id:
            self.gbs_id = value
            self._base_ctx = None
            self.make_qr()
            self.changed.emit("gbs")
            self.edited("gbs_id")

    def make_qr(self) -> None:
        """The QR of the chosen ID as a QImage (PIL → Qt, built off the GUI thread)."""
        value = self.gbs_id
        if not value or value in self.qr_images:
            return

        def work(task: tasks.Task):
            from PySide6.QtGui import QImage

            from collector.gbsid import qr_image

            img = qr_image(value, 1).convert("L")
            qimg = QImage(img.tobytes(), img.width, img.height, img.width,
                          QImage.Format.Format_Grayscale8)
            return qimg.copy()  # detach from the PIL buffer

        def done(qimg) -> None:
            self.qr_images[value] = qimg
            self.changed.emit("gbs")

        tasks.start(work, on_done=done, on_error=lambda e: log.warning("QR: %s", e), name="qr")

    # --- the form ------------------------------------------------------------------------------
    def edited(self, what: str = "form") -> None:
        """Something the user typed or chose changed: validate, save the draft soon."""
        if not self.offers_loaded:
            self._edited_early = True
        elif not self.draft_decided:
            self.decline_draft()
        if what in ("problem_date", "around_days"):
            self.load_day()
        self.changed.emit("form")
        self._draft_timer.start()

    def context(self, attached: list[str] | None = None):
        """The engine's RequestContext for validation and the request text."""
        from collector.request import RequestContext, planned_attachments

        if self._base_ctx is None:
            recent = []
            with contextlib.suppress(Exception):
                recent = self.drafts.recent_sent()
            self._base_ctx = RequestContext.from_installation(
                self.installation, update=self.update, gbs_id=self.gbs_id, today=self.today,
                recent_requests=recent)
        ctx = dataclasses.replace(self._base_ctx)
        ctx.attached = attached if attached is not None else planned_attachments(self.form, ctx)
        return ctx

    def problems(self) -> list:
        from collector.request import advise, validate

        ctx = self.context()
        return validate(self.form, ctx) + advise(self.form, ctx)

    def include_database(self) -> bool:
        from collector.request import effective_include_database

        db = self.installation.database if self.installation else None
        if db is None or db.networked or not db.exists:
            return False
        return effective_include_database(self.form)

    # --- drafts --------------------------------------------------------------------------------
    def has_content(self) -> bool:
        return not self.form.is_blank() or bool(self.extras.screenshots)

    def save_draft(self) -> None:
        self._draft_timer.stop()
        if not self.offers_loaded:
            self._draft_timer.start()  # the old draft is not read yet: never write over it
            return
        if not self.draft_decided or not self.has_content():
            return
        ui = self.extras.to_draft()
        ui["gbs_id"] = self.gbs_id
        try:
            self.drafts.save(self.form, ui)
            self.save_problem = None
        except CollectorError as exc:
            if exc.message != self.save_problem:
                self.save_problem = exc.message
                self.notice.emit(exc.message)

    def restore_draft(self) -> str:
        """Take the offered draft back; returns the page the user was on."""
        draft = self.draft_offer
        self.draft_decided = True
        self.draft_offer = None
        if draft is None:
            return "start"
        self.form = draft.form
        out_dir = self.extras.out_dir
        self.extras = Extras.from_draft(draft.ui or {})
        self.extras.out_dir = self.extras.out_dir or out_dir
        saved_id = (draft.ui or {}).get("gbs_id")
        if saved_id and saved_id in [c.value for c in self.gbs_candidates]:
            self.gbs_id = saved_id
        self.extras.screenshots = [s for s in self.extras.screenshots if Path(s).is_file()]
        self.day_selection_for = None
        self._base_ctx = None
        self.changed.emit("draft")
        self.changed.emit("form")
        self.load_day()
        return self.extras.page or "questions"

    def decline_draft(self) -> None:
        """Start a new request: the old draft is kept aside (drafts/old), never deleted."""
        self.draft_decided = True
        if self.draft_offer is not None:
            self.draft_offer = None
            with contextlib.suppress(CollectorError, OSError):
                self.drafts.discard()
            self.changed.emit("draft")

    def new_request(self) -> None:
        from collector.request import RequestForm

        self._draft_timer.stop()
        with contextlib.suppress(CollectorError, OSError):
            self.drafts.discard()
        out_dir = self.extras.out_dir
        self.form = RequestForm()
        self.extras = Extras(out_dir=out_dir)
        self.result = None
        self.upload_result = None
        self.day_selection = None
        self.day_selection_for = None
        self.draft_decided = True
        self._base_ctx = None
        self.changed.emit("draft")
        self.changed.emit("form")

    # --- collection ----------------------------------------------------------------------------
    def out_dir(self) -> Path:
        return Path(self.extras.out_dir) if self.extras.out_dir else prefs.default_out_dir()

    def problem_date(self) -> date:
        return self.form.problem_date or self.today

    def collect_options(self):
        from collector.steps import CollectOptions

        form = self.form.to_json()
        form["include_database"] = self.include_database()
        exclude = set(self.extras.exclude)
        if not self.extras.logs_included:
            exclude.add("logs")
        return CollectOptions(
            problem_date=self.problem_date(),
            out_dir=self.out_dir(),
            form=form,
            include_database=self.include_database(),
            password=self.extras.password or None,
            volume_size=self.extras.volume_mb * 2**20 if self.extras.volume_mb else None,
            around_days=self.extras.around_days,
            time_limits=dict(self.extras.time_limits),
            exclude=exclude,
            screens=screens_info(),
            command=["gui"],
            gbs_id=self.gbs_id,
            use_program_backup=self.extras.use_program_backup,
            hide_personal=self.extras.hide_personal,
        )

    def start_collection(self):
        from collector.redact import register_secret
        from collector.steps import Collection

        self.save_draft()
        options = self.collect_options()
        register_secret(options.password)
        root, detection = self.root, self.detection
        self.result = None
        self.upload_result = None

        def work(t: tasks.Task):
            last = {"step": None}

            def progress(ev) -> None:
                # A step's start and end always get through (a quick step would vanish between
                # two thinned-out events); the ticks in between are thinned.
                edge = ev.step != last["step"] or ev.step_fraction in (0.0, 1.0)
                last["step"] = ev.step
                t.progress(ev, force=edge)

            options.out_dir.mkdir(parents=True, exist_ok=True)
            job = Collection(root, options, progress=progress, cancel=t.cancel,
                             detection=detection)
            return job.run()

        def done(result) -> None:
            self.collecting = None
            self.result = result
            self.collect_done.emit(result)

        def failed(exc: BaseException) -> None:
            self.collecting = None
            self.collect_failed.emit(exc)

        task = tasks.start(work, on_done=done, on_error=failed,
                           on_progress=self.collect_progress.emit, name="collect",
                           min_interval=0.05)
        self.collecting = task
        return task

    def cancel_collection(self) -> None:
        if self.collecting is not None:
            self.collecting.cancel.set()

    # --- the plan (review list, estimates, free space) --------------------------------------------
    def plan_input(self):
        from collector.request import render_request_text
        from ui.plan import PlanInput

        return PlanInput(root=self.root, detection=self.detection,
                         options=self.collect_options(),
                         request_text=render_request_text(self.form, self.context()),
                         gbs_id=self.gbs_id, screens=screens_info())

    def refresh_review(self, *, estimate_only: bool = False, now: bool = False) -> None:
        """Ask the engine for the plan again soon (debounced: typing does not queue plans)."""
        if self.installation is None or self.root is None:
            return
        self._review_estimate_only = estimate_only and self.review is not None and (
            self._review_estimate_only or not self._review_timer.isActive())
        if now:
            self._start_review()
        else:
            self._review_timer.start()

    def _start_review(self) -> None:
        from ui.plan import build_review, estimate

        self._review_timer.stop()
        if self.review_task is not None:
            self.review_task.cancel.set()
        inp = self.plan_input()
        only = self._review_estimate_only and self.review is not None
        self._review_estimate_only = False

        def work(task: tasks.Task):
            return estimate(inp) if only else build_review(inp)

        def done(value) -> None:
            if task is not self.review_task:
                return
            self.review_task = None
            if only:
                self.review.estimate = value
            else:
                self.review = value
            self.review_error = None
            self.changed.emit("review")

        def failed(exc: BaseException) -> None:
            if task is not self.review_task:
                return
            self.review_task = None
            self.review_error = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
            self.changed.emit("review")

        task = tasks.start(work, on_done=done, on_error=failed, name="plan")
        self.review_task = task
        self.changed.emit("review-busy")

    # --- delivery ------------------------------------------------------------------------------
    def start_upload(self, paths: list[Path]):
        password = self.extras.password or None
        form = self.form
        holder: dict[str, Any] = {}

        def work(task: tasks.Task):
            from collector.delivery import Outbox, uploader_from_settings
            from collector.settings import load_settings

            up = uploader_from_settings(load_settings(), on_progress=task.progress)
            holder["uploader"] = up
            watch = _CancelBridge(task, up)
            try:
                outbox = Outbox()
                entry = outbox.add(paths[0])
                return outbox.send(entry, lambda files: up.upload(files, password=password))
            finally:
                watch.stop()
                up.close()

        def done(result) -> None:
            self.uploading = None
            self.upload_result = result
            with contextlib.suppress(Exception):
                self.drafts.mark_sent(form, result.code)
            self.refresh_outbox()
            self.upload_done.emit(result)

        def failed(exc: BaseException) -> None:
            self.uploading = None
            self.refresh_outbox()
            self.upload_failed.emit(exc)

        self.uploading = tasks.start(work, on_done=done, on_error=failed,
                                     on_progress=self.upload_progress.emit, name="upload",
                                     min_interval=0.1)
        return self.uploading

    def cancel_upload(self) -> None:
        if self.uploading is not None:
            self.uploading.cancel.set()

    def mark_mailed(self) -> None:
        with contextlib.suppress(Exception):
            self.drafts.mark_sent(self.form, "")


class _CancelBridge:
    """Turns the task's cancel event into ``Uploader.cancel()`` (the uploader has its own)."""

    def __init__(self, task: tasks.Task, uploader: Any) -> None:
        import threading

        self._stop = threading.Event()

        def follow() -> None:
            while not self._stop.is_set():
                if task.cancel.wait(0.1):
                    uploader.cancel()
                    return

        self._thread = threading.Thread(target=follow, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1)


def screens_info() -> list[dict[str, Any]]:
    """What Qt knows about the screens (for system.json): size, position, scale."""
    out = []
    app = QGuiApplication.instance()
    if app is None:
        return out
    primary = QGuiApplication.primaryScreen()
    for s in QGuiApplication.screens():
        g = s.geometry()
        dpr = s.devicePixelRatio()
        out.append({"name": s.name(), "primary": s is primary or s == primary,
                    "width": round(g.width() * dpr), "height": round(g.height() * dpr),
                    "x": g.x(), "y": g.y(), "scale": dpr,
                    "refresh_hz": round(s.refreshRate(), 1)})
    return out


def now_stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
