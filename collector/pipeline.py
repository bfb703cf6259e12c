"""The collection pipeline: runs the sources of ``collector.sources.REGISTRY`` into one bundle.

Each source is one step: entries in the bundle plus a status in the manifest. The order is the
registry's: cheap, vital sources first, the database last, so a slow or failing backup never
loses the rest, and the request text after all of them. Each step has a time limit: a step that
hits it is stopped cleanly and recorded with ``timeout_hit``; a step that fails is recorded with
its reason; the bundle is still written from what worked (exit code 4). Cancel stops everything
and leaves no files behind. With no GBS.Market found, a run that has a request form still makes a
bundle of what needs no installation (exit 4); without a form there is nothing to collect
(exit 3).
"""

from __future__ import annotations

import glob
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from collector import __version__
from collector.debris import WorkFolder, runs_folder
from collector.errors import Cancelled, CollectorError, ExitCode, NoInstallation
from collector.i18n import _
from collector.installation import Detection, Installation, detect
from collector.outdir import check_out_dir, remove_if_empty
from collector.redact import RedactingWriter, TextScrubber, TokenMap
from collector.sysroot import SystemRoot

log = logging.getLogger(__name__)

MANIFEST_SCHEMA = "gbs-support-bundle/1"



def step_titles() -> dict[str, str]:
    from collector import sources

    return sources.titles()


def default_time_limit(name: str) -> float:
    from collector import sources

    return sources.get(name).time_limit


class StepTimeout(CollectorError):
    """A step's own time limit fired (not the user's cancel)."""

    def __init__(self) -> None:
        super().__init__(_("Шаг остановлен: превышено отведённое время."))


@dataclass
class StepReport:
    name: str
    status: str = "ok"  # ok | skipped | failed
    message: str = ""
    seconds: float = 0.0
    timeout_s: float | None = None
    timeout_hit: bool = False
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["message"] = str(self.message)
        d["seconds"] = round(self.seconds, 3)
        return d


@dataclass
class ProgressEvent:
    step: str
    title: str
    step_fraction: float  # 0..1 within the step
    overall: float  # 0..1 over the whole collection
    message: str = ""


ProgressFn = Callable[[ProgressEvent], None]


class StepControl:
    """Handed to a step: progress reporting and one event that is set on cancel or time-out.

    Long operations (the database backup) take ``control.event`` as their cancel signal and
    :meth:`check` raises at safe points.
    """

    def __init__(self, name: str, limit: float | None, user_cancel: threading.Event,
                 report: Callable[[float, str], None]) -> None:
        self.name = name
        self.limit = limit
        self.event = threading.Event()
        self.timed_out = False
        self._user_cancel = user_cancel
        self._report = report
        self._timer: threading.Timer | None = None
        self._watch = threading.Thread(target=self._follow_user_cancel, daemon=True)

    def _follow_user_cancel(self) -> None:
        while not self.event.is_set():
            if self._user_cancel.wait(0.1):
                self.event.set()
                return

    def _expire(self) -> None:
        self.timed_out = True
        self.event.set()

    def __enter__(self) -> StepControl:
        if self.limit:
            self._timer = threading.Timer(self.limit, self._expire)
            self._timer.daemon = True
            self._timer.start()
        self._watch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer:
            self._timer.cancel()
        self.event.set()  # the watcher sees it within 0.1 s and ends; no need to wait for it

    @property
    def cancelled(self) -> bool:
        return self._user_cancel.is_set()

    def check(self) -> None:
        if self._user_cancel.is_set():
            raise Cancelled()
        if self.timed_out:
            raise StepTimeout()

    def progress(self, fraction: float, message: str = "") -> None:
        self.check()
        self._report(max(0.0, min(1.0, fraction)), message)


@dataclass
class CollectOptions:
    problem_date: date
    out_dir: Path
    form: dict[str, Any] | None = None  # FORM.json as given (DESIGN.md contract)
    include_database: bool | None = None  # None: as the form says / as recommended
    password: str | None = None
    volume_size: int | None = None
    fb_server: str | None = None
    db_user: str | None = None
    db_password: str | None = None
    around_days: int = 0
    max_log_file_bytes: int | None = None
    time_limits: dict[str, float] = field(default_factory=dict)
    exclude: set[str] = field(default_factory=set)  # archive paths the user unticked
    attachments: list[Path] = field(default_factory=list)
    screens: list[dict[str, Any]] | None = None
    command: list[str] | None = None  # recorded in the manifest, secrets removed
    gbs_id: str | None = None  # the one the user picked in the GUI; None: the best candidate
    clipboard_text: str | None = None  # what the GUI saw in the clipboard (may hold the ID)
    check_updates: bool = True
    use_program_backup: bool = False  # live backup failed → take the program's newest own one
    hide_personal: bool = False  # phone numbers, e-mails, card numbers in logs → tokens
    confirmed_links: set[str] | bool = False  # attached links to take as their targets
    # Sent while it is made (collector.delivery.overlap.SendWhileCollecting): the line's speed,
    # volumes sized for it, the writer's volume sink. None: the bundle only.
    delivery: Any = None


@dataclass
class CollectResult:
    paths: list[Path]
    manifest: dict[str, Any]
    exit_code: ExitCode
    steps: list[StepReport]

    def to_json(self) -> dict[str, Any]:
        return {"bundle": [str(p) for p in self.paths], "manifest": self.manifest,
                "exit_code": int(self.exit_code)}


class Collection:
    """One run of the pipeline. ``run()`` returns the result or raises Cancelled/NoInstallation."""

    def __init__(
        self,
        root: SystemRoot,
        options: CollectOptions,
        *,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        detection: Detection | None = None,
    ) -> None:
        from collector import sources

        self.root = root
        self.options = options
        self.progress_fn = progress
        self.cancel = cancel or threading.Event()
        self.detection = detection
        self.sources = sources.ordered()
        self.reports: list[StepReport] = []
        # Every entry goes through one scrubber: the same secret, the same token in each file.
        self.scrubber = TextScrubber(TokenMap(), personal=options.hide_personal)
        self.excluded: list[str] = []
        # What sources learn for each other and for the manifest and request.txt.
        self.gbs_id: str | None = None
        self.update: Any = None  # collector.updates.UpdateStatus
        self.known: list[str] = []  # «Что известно» lines
        self.manifest_facts: dict[str, Any] = {}
        self.form_problems: list[dict[str, Any]] = []
        self._form: Any = None
        self.writer: Any = None  # collector.bundle.BundleWriter, once open
        self.compression: Any = None  # collector.bundle.preset.Choice, from the plan
        self.staged: list[tuple[str, str, Any]] = []  # entries added before the writer opened
        self.expected_archive = 0  # bytes, from the plan
        self.work_dir: Path | None = None  # private temp folder, removed after the run
        self.work: WorkFolder | None = None  # the same, with its owner record (debris)
        self._done_weight = 0.0
        self._total_weight = float(sum(s.weight for s in self.sources))

    # --- what sources share ----------------------------------------------------------------------
    @property
    def installation(self) -> Installation | None:
        return self.detection.installation if self.detection is not None else None

    @property
    def form(self) -> Any:
        """The request form of this run (parsed once): the given FORM.json, or a minimal one."""
        from collector.request import RequestForm, parse_form

        if self._form is None:
            if self.options.form is not None:
                form, problems = parse_form(self.options.form)
                self.form_problems += [p.to_json() for p in problems]
            else:
                form = RequestForm(topic="errors")
            if form.problem_date is None:
                form.problem_date = self.options.problem_date
            self._form = form
        return self._form

    def wanted(self, arcname: str) -> bool:
        if arcname in self.options.exclude or any(
            arcname.startswith(x.rstrip("/") + "/") for x in self.options.exclude
        ):
            self.excluded.append(arcname)
            return False
        return True

    def _emit(self, source: Any, fraction: float, message: str) -> None:
        if self.progress_fn is None:
            return
        overall = (self._done_weight + source.weight * fraction) / self._total_weight
        self.progress_fn(ProgressEvent(source.name, source.title, fraction, min(1.0, overall),
                                       message))

    @contextmanager
    def _step(self, source: Any) -> Iterator[tuple[StepReport, StepControl]]:
        name = source.name
        limit = self.options.time_limits.get(name, source.time_limit)
        report = StepReport(name, timeout_s=limit)
        self.reports.append(report)
        started = time.monotonic()
        self._emit(source, 0.0, "")
        control = StepControl(name, limit, self.cancel,
                              lambda f, m: self._emit(source, f, m))
        try:
            with control:
                yield report, control  # a step that ends on its own, even late, counts as done
        except Cancelled:
            if self.cancel.is_set() or not control.timed_out:
                raise
            report.status, report.timeout_hit = "failed", True  # the step's own limit fired
            report.message = _("Шаг остановлен: превышено время {limit:.0f} с.", limit=limit or 0)
        except StepTimeout:
            if self.cancel.is_set():
                raise Cancelled() from None
            report.status, report.timeout_hit = "failed", True
            report.message = _("Шаг остановлен: превышено время {limit:.0f} с.", limit=limit or 0)
        except CollectorError as exc:
            if self.cancel.is_set():
                raise Cancelled() from None
            if self.writer is not None and self.writer.aborted:
                raise  # the archive itself is gone (a full disk): no later step may write
            report.status, report.message = "failed", exc.message
        except Exception as exc:  # a bug in one step must not sink the bundle
            if self.cancel.is_set():
                raise Cancelled() from None
            if self.writer is not None and self.writer.aborted:
                raise
            log.exception("step %s failed", name)
            report.status = "failed"
            report.message = _("Внутренняя ошибка: {error}", error=f"{type(exc).__name__}: {exc}")
        finally:
            report.seconds = time.monotonic() - started
            log.info("step %s: %s in %.1f s%s %s", name, report.status, report.seconds,
                     " (time limit hit)" if report.timeout_hit else "", report.message)
            self._done_weight += source.weight
            self._emit(source, 1.0, report.message)

    def _run_source(self, source: Any) -> None:
        from collector.sources import Step

        if self.cancel.is_set():
            raise Cancelled()
        if source.needs_installation and self.installation is None:
            report = StepReport(source.name, status="skipped",
                                message=_("программа не найдена на этом компьютере"))
            self.reports.append(report)
            self._done_weight += source.weight
            return
        with self._step(source) as (report, control):
            source.collect(Step(self, source, report, control))

    # --- the run ---------------------------------------------------------------------------------
    def run(self) -> CollectResult:
        if self.cancel.is_set():
            raise Cancelled()
        out_existed = self.options.out_dir.exists()
        self.work = WorkFolder(runs=runs_folder(create=True))
        self.work_dir = self.work.path
        try:
            return self._run()
        except BaseException:
            if not out_existed:
                remove_if_empty(self.options.out_dir)  # the folder this run made, if empty
            raise
        finally:
            self.work.remove()

    def _run(self) -> CollectResult:
        log.info("collect %s", " ".join(self.options.command or []))
        identify = [s for s in self.sources if s.stage == "identify"]
        rest = [s for s in self.sources if s.stage != "identify"]
        for source in identify:
            self._run_source(source)
        if self.installation is None and self.options.form is None:
            raise NoInstallation(_(
                "GBS.Market на этом компьютере не найдена — собирать нечего. Убедитесь, что "
                "программа установлена, запустите её и повторите. Если программа не "
                "запускается или переустановлена, опишите проблему в обращении: с формой "
                "обращения (--form) архив соберётся и без неё."))
        check_out_dir(self.options.out_dir, installation=self.installation, root=self.root)
        if self.options.delivery is not None:  # before the plan: the preset depends on it
            self.options.delivery.prepare({**self.manifest_facts, "gbs_id": self.gbs_id})
        plan = self.plan()
        self.expected_archive = plan.archive_bytes
        self.manifest_facts["estimate"] = {"archive_bytes": plan.archive_bytes,
                                           "seconds": round(plan.total_seconds, 1)}
        self.compression = plan.compression
        self.manifest_facts["compression"] = plan.compression.to_json()
        if not plan.space_ok:  # say it before writing anything, not half-way through
            raise CollectorError("\n".join(p for p in plan.problems if "места" in p)
                                 or plan.problems[0], exit_code=ExitCode.USAGE)
        self._learn_secrets()
        self.writer = self._open_writer()
        try:
            self._flush_staged()
            for source in rest:
                self._run_source(source)
            if self.cancel.is_set():
                raise Cancelled()
            result = self.writer.finish(self.manifest())
        except BaseException:
            self.writer.abort()
            raise
        failed = any(r.status == "failed" for r in self.reports)
        return CollectResult(result.paths, result.manifest,
                             ExitCode.STEP_FAILED if failed else ExitCode.OK, self.reports)

    def _open_writer(self):
        from collector.bundle import BundleWriter, bundle_name

        # Two collections within one second (a retry with the program's own backup) must not
        # collide: take the next free second rather than change the contract's name format.
        out_dir = self.options.out_dir
        moment = datetime.now().replace(microsecond=0)
        while True:
            name = bundle_name(self.gbs_id, self.options.problem_date, moment)
            taken = list(out_dir.glob(glob.escape(name) + ".7z*")) if out_dir.is_dir() else []
            if not taken:
                break
            moment += timedelta(seconds=1)
        preset = self.compression.preset.writer_args() if self.compression else {}
        volume, sink, delivery = self.options.volume_size, None, self.options.delivery
        first: tuple[int, ...] = ()
        if delivery is not None:
            if volume is None:  # sized for sending: small ones first (a size asked is kept)
                volume = delivery.volume_size(self.expected_archive)
                first = delivery.first_volumes(volume)
            sink = delivery.sink(f"{name}.7z") if volume else None
        writer = BundleWriter(out_dir, name, password=self.options.password, volume_size=volume,
                              cancel=self.cancel, volume_sink=sink, first_volumes=first,
                              **preset)
        if self.work is not None:
            self.work.expect_parts(out_dir, name)  # a killed run's .part: the next start
        writer.open()
        return RedactingWriter(writer, self.scrubber, map_folder=_map_folder())

    def _learn_secrets(self) -> None:
        """Before the first entry: the configs' secrets (the logs go in before the configs)
        and the passwords typed for this run, to replace them wherever they recur."""
        from collector.redact.logfilter import registered_secrets
        from collector.redact.prime import learn_config_secrets

        if self.gbs_id:
            self.scrubber.keep = self.scrubber.keep | {self.gbs_id.split(":")[-1]}
        for typed in [self.options.password, self.options.db_password, *registered_secrets()]:
            if typed:
                self.scrubber.tokens.learn(typed, kind="typed")
        inst = self.installation
        if inst is not None:
            learn_config_secrets(self.scrubber, [inst.configs_dir,
                                                 inst.exe.parent if inst.exe else None,
                                                 inst.data_path])

    def _flush_staged(self) -> None:
        for kind, arcname, payload in self.staged:
            if kind == "bytes":
                self.writer.add_bytes(payload, arcname)
            else:
                self.writer.add_file(payload, arcname)
        self.staged.clear()

    def plan(self):
        """What this collection will include, with sizes, estimates and the free-space check
        (for the review page and ``collect --review``); nothing is written."""
        from collector.plan import make_plan
        from collector.sources.database import wanted_database

        if self.detection is None:
            self.detection = detect(self.root)
        if self.installation is None and self.options.form is None:
            raise NoInstallation(_("GBS.Market на этом компьютере не найдена."))
        return make_plan(self.root, self.installation, self.options, form=self.form,
                         include_database=wanted_database(self),
                         gbs_id=self.gbs_id or self.options.gbs_id)

    def manifest(self) -> dict[str, Any]:
        inst = self.installation
        form = self.form.to_json()
        return {
            "schema": MANIFEST_SCHEMA,
            "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "collector_version": __version__,
            "gbs_market": None if inst is None else {
                "product": str(inst.product),
                "version": inst.version,
                "version_source": inst.version_source,
                "path": inst.exe_windows,
                "data_path": inst.data_path_windows,
                "update": self.update.to_json() if self.update is not None else None,
            },
            "gbs_id": self.gbs_id,
            "topic": form.get("topic"),
            "problem_date": self.options.problem_date.isoformat(),
            "steps": [r.to_json() for r in self.reports],
            "redactions": self.scrubber.tokens.redactions(),
            "excluded": sorted(set(self.excluded)),
            "command": list(self.options.command or []),
            "known": [str(k) for k in self.known],
            "form_problems": self.form_problems,
            **self.manifest_facts,
        }


def _map_folder() -> Path | None:
    from collector.userdata import user_data_dir

    try:
        return user_data_dir()
    except CollectorError:
        return None  # a read-only profile: the bundle is still scrubbed, the map not kept


def collect(root: SystemRoot, options: CollectOptions, **kwargs: Any) -> CollectResult:
    return Collection(root, options, **kwargs).run()
