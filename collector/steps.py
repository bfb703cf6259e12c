"""The collection pipeline: each step → entries in the bundle + a status in the manifest.

Cheap, vital steps run first (installation, GBS.ID, the request form, the day's logs, configs,
system snapshot, attachments); the database backup runs last, so a slow or failing backup never
loses the rest. Each step has a time limit: a step that hits it is stopped cleanly and recorded
with ``timeout_hit``; a step that fails is recorded with its reason; the bundle is still written
from what worked (exit code 4). Cancel stops everything and leaves no files behind.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from collector import __version__
from collector.errors import Cancelled, CollectorError, ExitCode, NoInstallation
from collector.i18n import _
from collector.installation import Detection, Installation, detect
from collector.sysroot import SystemRoot

log = logging.getLogger(__name__)

MANIFEST_SCHEMA = "gbs-support-bundle/1"

# Order is the order they run in: cheap and vital first, the database last.
STEP_ORDER = ["installation", "gbs_id", "logs", "configs", "system", "attachments", "database",
              "request"]
STEP_TITLES = {
    "installation": _("Программа и версия"),
    "gbs_id": _("GBS.ID"),
    "logs": _("Журналы за день проблемы"),
    "configs": _("Настройки программы"),
    "system": _("Сведения о компьютере"),
    "attachments": _("Вложения"),
    "database": _("Резервная копия базы данных"),
    "request": _("Текст обращения"),
}
# Seconds; a technician overrides them with --time-limit STEP=SECONDS.
DEFAULT_TIME_LIMITS: dict[str, float] = {
    "installation": 60, "gbs_id": 30, "logs": 600, "configs": 60, "system": 60,
    "attachments": 600, "database": 3 * 3600, "request": 60,
}
# Share of the progress bar per step (the database dominates when it is included).
STEP_WEIGHTS = {"installation": 1, "gbs_id": 1, "logs": 8, "configs": 1, "system": 2,
                "attachments": 4, "database": 80, "request": 1}


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
        self.root = root
        self.options = options
        self.progress_fn = progress
        self.cancel = cancel or threading.Event()
        self.detection = detection
        self.reports: list[StepReport] = []
        self.included: list[str] = []  # what the request text lists as attached
        self.redactions: list[dict[str, Any]] = []
        self.excluded: list[str] = []
        self.extra: dict[str, Any] = {}
        self.writer = None
        self.compression = None  # collector.bundle.preset.Choice, from the plan
        self.work_dir: Path | None = None  # private temp folder, removed after the run
        self._done_weight = 0.0
        total = sum(STEP_WEIGHTS.values())
        self._total_weight = float(total)

    # --- helpers used by steps -------------------------------------------------------------------
    @property
    def installation(self) -> Installation:
        assert self.detection is not None and self.detection.installation is not None
        return self.detection.installation

    def wanted(self, arcname: str) -> bool:
        if arcname in self.options.exclude or any(
            arcname.startswith(x.rstrip("/") + "/") for x in self.options.exclude
        ):
            self.excluded.append(arcname)
            return False
        return True

    def _emit(self, step: str, fraction: float, message: str) -> None:
        if self.progress_fn is None:
            return
        weight = STEP_WEIGHTS.get(step, 1)
        overall = (self._done_weight + weight * fraction) / self._total_weight
        self.progress_fn(ProgressEvent(step, STEP_TITLES.get(step, step), fraction,
                                       min(1.0, overall), message))

    @contextmanager
    def _step(self, name: str) -> Iterator[tuple[StepReport, StepControl]]:
        limit = self.options.time_limits.get(name, DEFAULT_TIME_LIMITS.get(name))
        report = StepReport(name, timeout_s=limit)
        self.reports.append(report)
        started = time.monotonic()
        self._emit(name, 0.0, "")
        control = StepControl(name, limit, self.cancel,
                              lambda f, m: self._emit(name, f, m))
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
            report.status, report.message = "failed", exc.message
        except Exception as exc:  # a bug in one step must not sink the bundle
            if self.cancel.is_set():
                raise Cancelled() from None
            log.exception("step %s failed", name)
            report.status = "failed"
            report.message = _("Внутренняя ошибка: {error}", error=f"{type(exc).__name__}: {exc}")
        finally:
            report.seconds = time.monotonic() - started
            log.info("step %s: %s in %.1f s%s %s", name, report.status, report.seconds,
                     " (time limit hit)" if report.timeout_hit else "", report.message)
            self._done_weight += STEP_WEIGHTS.get(name, 1)
            self._emit(name, 1.0, report.message)

    # --- the run ---------------------------------------------------------------------------------
    def run(self) -> CollectResult:
        if self.cancel.is_set():
            raise Cancelled()
        self.work_dir = Path(tempfile.mkdtemp(prefix="gbs-collector-"))
        try:
            return self._run()
        finally:
            shutil.rmtree(self.work_dir, ignore_errors=True)

    def _run(self) -> CollectResult:
        from collector import pipeline_steps as ps

        log.info("collect %s", " ".join(self.options.command or []))
        with self._step("installation") as (report, control):
            ps.step_installation(self, report, control)
        if self.detection is None or self.detection.installation is None:
            raise NoInstallation(_(
                "GBS.Market на этом компьютере не найдена — собирать нечего. Убедитесь, что "
                "программа установлена, запустите её и повторите."))
        with self._step("gbs_id") as (report, control):
            ps.step_gbs_id(self, report, control)
        plan = self.plan()
        self.extra["estimate"] = {"archive_bytes": plan.archive_bytes,
                                  "seconds": round(plan.total_seconds, 1)}
        self.compression = plan.compression
        self.extra["compression"] = plan.compression.to_json()
        if not plan.space_ok:  # say it before writing anything, not half-way through
            raise CollectorError("\n".join(p for p in plan.problems if "места" in p)
                                 or plan.problems[0], exit_code=ExitCode.USAGE)
        self.writer = ps.open_writer(self)
        try:
            ps.write_early_entries(self)
            for name in ("logs", "configs", "system", "attachments", "database", "request"):
                if self.cancel.is_set():
                    raise Cancelled()
                with self._step(name) as (report, control):
                    getattr(ps, f"step_{name}")(self, report, control)
            if self.cancel.is_set():
                raise Cancelled()
            manifest = self.manifest()
            result = ps.finish_writer(self, manifest)
        except BaseException:
            ps.abort_writer(self)
            raise
        failed = any(r.status == "failed" for r in self.reports)
        return CollectResult(result.paths, result.manifest,
                             ExitCode.STEP_FAILED if failed else ExitCode.OK, self.reports)

    def plan(self):
        """What this collection will include, with sizes, estimates and the free-space check
        (for the review page and ``collect --review``); nothing is written."""
        from collector import pipeline_steps as ps
        from collector.plan import make_plan

        if self.detection is None:
            self.detection = detect(self.root)
        if self.detection.installation is None:
            raise NoInstallation(_("GBS.Market на этом компьютере не найдена."))
        return make_plan(self.root, self.installation, self.options, form=ps.form_of(self),
                         include_database=ps.include_database(self))

    def manifest(self) -> dict[str, Any]:
        inst = self.installation
        form = self.extra.get("form") or {}
        return {
            "schema": MANIFEST_SCHEMA,
            "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "collector_version": __version__,
            "gbs_market": {
                "product": str(inst.product),
                "version": inst.version,
                "version_source": inst.version_source,
                "path": inst.exe_windows,
                "data_path": inst.data_path_windows,
                "update": self.extra.get("update"),
            },
            "gbs_id": self.extra.get("gbs_id"),
            "topic": form.get("topic"),
            "problem_date": self.options.problem_date.isoformat(),
            "steps": [r.to_json() for r in self.reports],
            "redactions": self.redactions,
            "excluded": sorted(set(self.excluded)),
            **{k: v for k, v in self.extra.items() if k in (
                "database", "logs", "system_root", "command", "form_problems", "estimate",
                "compression")},
        }


def collect(root: SystemRoot, options: CollectOptions, **kwargs: Any) -> CollectResult:
    return Collection(root, options, **kwargs).run()


def detect_for(root: SystemRoot) -> Detection:
    return detect(root)
