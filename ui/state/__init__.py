"""Everything the wizard knows, outliving any one window (a language switch rebuilds the window).

:class:`AppState` holds one controller per thing the wizard keeps track of, each a ``QObject``
with its own typed signals; it wires them together and builds what needs several of them (the
engine's request context, the collection's options). Pages and widgets connect to the signals of
the controllers whose data they show:

=================  =========================================  ===================================
attribute          controller                                  signals
=================  =========================================  ===================================
``install``        :class:`.installation.InstallationSearch`   ``changed()``, ``found(Found)``
``updates``        :class:`.updates.UpdateCheck`               ``changed()``
``calendar``       :class:`.logs.LogCalendar`                  ``changed()``, ``progress(float)``
``day``            :class:`.logs.DayLogs`                      ``changed()``
``gbs``            :class:`.gbsid.GbsIds`                      ``changed()``, ``chosen(str)``
``request``        :class:`.request.RequestDraft`              ``edited(str)``, ``draft_changed()``
``outbox``         :class:`.outbox.OutboxQueue`                ``changed()``
``plan``           :class:`.review.ReviewPlan`                 ``changed()``, ``busy()``
``collection``     :class:`.collection.CollectionRun`          ``progress``, ``done``, ``failed``
``upload``         :class:`.upload.UploadRun`                  ``progress``, ``done``, ``failed``
=================  =========================================  ===================================

Engine calls that read the disk or the network run as :mod:`ui.tasks` inside the controllers.
"""

from __future__ import annotations

import contextlib
import dataclasses
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from ui import prefs
from ui.state.collection import CollectionRun
from ui.state.gbsid import GbsIds
from ui.state.installation import Found, InstallationSearch
from ui.state.logs import DayLogs, LogCalendar
from ui.state.options import Extras
from ui.state.outbox import OutboxQueue
from ui.state.request import RequestDraft
from ui.state.review import ReviewPlan
from ui.state.updates import UpdateCheck
from ui.state.upload import UploadRun

__all__ = ["AppState", "Extras", "now_stamp", "screens_info"]



class AppState(QObject):
    notice = Signal(str)  # a short message for the status line ("GBS.ID получен из буфера")

    def __init__(self, root_arg: str | None, *, today: date | None = None,
                 out_dir: str | None = None, check_updates: bool = True) -> None:
        super().__init__()
        self.today = today or date.today()
        self.install = InstallationSearch(root_arg, remembered_folders())
        self.updates = UpdateCheck(check_updates)
        self.calendar = LogCalendar(self.today)
        self.day = DayLogs()
        self.gbs = GbsIds(self.install)
        self.request = RequestDraft(out_dir, lambda: self.gbs.value)
        self.outbox = OutboxQueue()
        self.plan = ReviewPlan(self.plan_input)
        self.collection = CollectionRun()
        self.upload = UploadRun()
        self._started = False
        self._base_ctx = None
        self._sending = None
        self.send_pending = False  # sent as soon as it is collected (the result page starts it)

        self.install.found.connect(self._found)
        for signal in (self.install.changed, self.updates.changed, self.gbs.changed,
                       self.request.draft_changed):
            signal.connect(self._forget_context)
        self.gbs.chosen.connect(lambda _v: self.request.edit("gbs_id"))
        self.request.edited.connect(self._edited)
        for source in (self.gbs, self.request):
            source.notice.connect(self.notice.emit)
        self.upload.done.connect(self._sent)
        self.upload.failed.connect(lambda _e: self.outbox.refresh())

    # --- shortcuts to the request being written ------------------------------------------------
    @property
    def form(self):
        """The engine's RequestForm (replaced when a draft is restored or a request begins)."""
        return self.request.form

    @property
    def extras(self) -> Extras:
        return self.request.extras

    @property
    def installation(self):
        return self.install.installation

    @property
    def product(self) -> str:
        """What to call the program: the found build's name («HiPos»), GBS.Market until then."""
        from collector.branding import product_name

        return product_name(self.installation)

    @property
    def busy(self) -> bool:
        """A collection or an upload is running (the language and a new request wait)."""
        return self.collection.running or self.upload.running

    # --- start ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Find the installation (off the GUI thread), then everything that depends on it.
        Called once the window has been painted: nothing here delays the first picture."""
        if self._started:
            return
        self._started = True
        from collector.applog import setup_logging

        setup_logging()  # the tool's own log file (what "details in the log" refers to)
        self.detect()
        self.request.load_offers()
        self.outbox.refresh()
        self.gbs.watch_clipboard()

    def detect(self) -> None:
        self.install.search(self.gbs.clipboard_now())

    def point_to(self, folder: Path) -> None:
        """The user showed where GBS.Market (or its data) is: look there too, from now on."""
        if folder not in self.install.folders:
            self.install.folders.insert(0, folder)
            # one string: an ini file gives a one-element list back as a plain string
            prefs.put("program_folders", "\n".join(str(f) for f in self.install.folders[:3]))
        self.detect()

    def _found(self, found: Found) -> None:
        self.gbs.set_candidates(found.gbs_candidates)
        inst = found.detection.installation
        if inst is not None:
            self.updates.check(inst)
            self.calendar.load(inst)
            if self.form.problem_date is not None:
                self.load_day()
        else:
            self.calendar.none()

    def _edited(self, what: str) -> None:
        if what in ("problem_date", "around_days"):
            self.load_day()

    def load_day(self) -> None:
        self.day.load(self.installation, self.form.problem_date, self.extras.around_days)

    def _forget_context(self) -> None:
        self._base_ctx = None

    # --- the request ---------------------------------------------------------------------------
    def context(self, attached: list[str] | None = None):
        """The engine's RequestContext for validation and the request text."""
        from collector.request import RequestContext, planned_attachments

        if self._base_ctx is None:
            recent = []
            with contextlib.suppress(Exception):  # the history is advice only
                recent = self.request.drafts.recent_sent()
            self._base_ctx = RequestContext.from_installation(
                self.installation, update=self.updates.status, gbs_id=self.gbs.value,
                today=self.today, recent_requests=recent)
        ctx = dataclasses.replace(self._base_ctx)
        if attached is None:
            # the day's logs are only listed when they go (a payment question without them)
            form = self.form if self.logs_going() else dataclasses.replace(self.form,
                                                                          problem_date=None)
            attached = planned_attachments(form, ctx)
        ctx.attached = attached
        return ctx

    def logs_going(self) -> bool:
        """The day's logs go into the bundle: ticked, and for payment or cooperation asked for."""
        if self.form.topic in ("licensing", "cooperation") and not self.extras.logs_wanted:
            return False
        return self.extras.logs_included

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

    def restore_draft(self) -> str:
        """Take the offered draft back; returns the page the user was on."""
        page, gbs_id = self.request.restore()
        if gbs_id:
            self.gbs.prefer(gbs_id)
        self.day.forget()
        self.load_day()
        return page

    def new_request(self) -> None:
        self.collection.result = None
        self.upload.result = None
        self.day.clear()
        self._base_ctx = None
        self.request.new()

    # --- collection ----------------------------------------------------------------------------
    def out_dir(self) -> Path:
        return Path(self.extras.out_dir) if self.extras.out_dir else prefs.default_out_dir()

    def problem_date(self) -> date:
        return self.form.problem_date or self.today

    def collect_options(self):
        from collector.pipeline import CollectOptions

        extras = self.extras
        form = self.form.to_json()
        form["include_database"] = self.include_database()
        exclude = set(extras.exclude)
        if not self.logs_going():
            exclude.add("logs")
        return CollectOptions(
            problem_date=self.problem_date(),
            out_dir=self.out_dir(),
            form=form,
            include_database=self.include_database(),
            password=extras.password or None,
            volume_size=extras.volume_mb * 2**20 if extras.volume_mb else None,
            around_days=extras.around_days,
            time_limits=dict(extras.time_limits),
            exclude=exclude,
            screens=screens_info(),
            command=["gui"],
            gbs_id=self.gbs.value,
            use_program_backup=extras.use_program_backup,
            hide_personal=extras.hide_personal,
            confirmed_links=set(extras.confirmed_links),
        )

    def can_send(self) -> bool:
        """The desk can be reached from here: an intake or an upload server is set."""
        from collector.settings import load_settings

        s = load_settings()
        return bool(s.intake_url or s.upload_url)

    def send_after_collecting(self) -> bool:
        """The person chose «Собрать и отправить» (review page) and there is a desk to send to."""
        return prefs.get("send_after", False, bool) and self.can_send()

    def start_collection(self):
        self.request.save()
        self.upload.result = None
        self.send_pending = self.send_after_collecting()
        return self.collection.start(self.install.root, self.install.detection,
                                     self.collect_options(), send=self.send_pending)

    def plan_input(self):
        """A snapshot of everything the plan depends on; None before the first search."""
        if self.install.root is None:
            return None
        from collector.request import render_request_text
        from ui.plan import PlanInput

        return PlanInput(root=self.install.root, detection=self.install.detection,
                         options=self.collect_options(),
                         request_text=render_request_text(self.form, self.context()),
                         gbs_id=self.gbs.value, screens=screens_info())

    # --- delivery ------------------------------------------------------------------------------
    def start_upload(self, paths: list[Path]):
        self._sending = self.form  # the request the code will belong to
        return self.upload.start(paths, self.extras.password or None)

    def _sent(self, result) -> None:
        self.request.mark_sent(result.code, self._sending)
        self.outbox.refresh()

    def mark_mailed(self) -> None:
        self.request.mark_sent("")


def remembered_folders() -> list[Path]:
    """Folders the user pointed to before (still there)."""
    saved = prefs.get("program_folders", "", str) or ""
    return [Path(f) for f in saved.splitlines() if f.strip() and Path(f).is_dir()]


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
