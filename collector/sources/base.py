"""One collected source: the interface every module in ``collector/sources/`` implements.

A source is what sos calls a plugin: it knows where its part of the evidence is on the PC, what it
would add to the bundle (``plan``, writing nothing), how to add it (``collect``), and how the
request text names what it added (``describe``). The pipeline (``collector/pipeline.py``), the
review list (``collector/plan.py``), the GUI's review grouping and preview and ``request.txt`` all
take their list of sources, and their order, from ``collector.sources.REGISTRY``. Adding a source
is one new module here, one line in the registry, and its translations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from collector.i18n import Text, _

if TYPE_CHECKING:
    from collector.installation import Installation
    from collector.pipeline import Collection, CollectOptions, StepControl, StepReport
    from collector.plan import PlanItem
    from collector.sysroot import SystemRoot

COMPRESS_RATE = 40 * 2**20  # bytes per second into the archive, logs and files (lab, 2 cores)
TEXT_SUFFIXES = frozenset({".log", ".txt", ".json", ".xml", ".conf", ".config", ".ini", ".csv"})


@dataclass
class PlanContext:
    """What a source may look at to say what it would add (``Collection.plan``)."""

    root: SystemRoot
    installation: Installation | None
    options: CollectOptions
    form: Any  # collector.request.RequestForm
    include_database: bool
    gbs_id: str | None = None
    problems: list[str] = field(default_factory=list)  # what a source could not look at


@dataclass
class PreviewContext:
    """What the review page knows when a person double-clicks an item to read it."""

    root: SystemRoot
    options: CollectOptions
    request_text: str = ""
    gbs_id: str | None = None
    screens: list[dict[str, Any]] = field(default_factory=list)


class Source:
    """Base class of a collected source. Subclasses set the class attributes and override what
    they need; every method has a sensible default."""

    name: ClassVar[str]  # step name in the manifest and in ``--time-limit NAME=SECONDS``
    title: ClassVar[Text]  # the step as people see it («Журналы за день проблемы»)
    group: ClassVar[str]  # review group this source's items are listed under
    group_title: ClassVar[Text]
    weight: ClassVar[float] = 1.0  # share of the progress bar
    time_limit: ClassVar[float] = 60.0  # seconds; a technician overrides it
    archive_ratio: ClassVar[float] = 0.5  # archived size / original size, for the estimate
    prefixes: ClassVar[tuple[str, ...]] = ()  # archive paths this source writes
    # "identify": runs before the archive exists (its entries wait; the bundle's name needs the
    # GBS.ID); "collect": the main run, cheap and vital first; "finish": after all others.
    stage: ClassVar[str] = "collect"
    needs_installation: ClassVar[bool] = True
    icon: ClassVar[str] = "text-file"  # the review group's icon, by name (ui/theme.py draws it)

    def owns(self, arcname: str) -> bool:
        return any(arcname == p or arcname.startswith(p) for p in self.prefixes)

    def plan(self, ctx: PlanContext) -> list[PlanItem]:
        """What ``collect`` would add, with sizes (estimated where not known); writes nothing."""
        return []

    def estimate_seconds(self, items: list[PlanItem], ctx: PlanContext) -> float:
        return sum(i.size for i in items) / COMPRESS_RATE

    def collect(self, step: Step) -> None:
        raise NotImplementedError

    def describe(self, files: list[str]) -> list[str]:
        """Lines for «Приложено» naming the entries this source added (or plans to)."""
        return []

    def preview(self, item: PlanItem, ctx: PreviewContext) -> Callable[[], str] | None:
        """How a person reads ``item`` before it is sent: exactly as it will be sent."""
        if item.text and item.source:
            path = Path(item.source)
            return lambda: read_text_head(path)
        return None


class Step:
    """Handed to :meth:`Source.collect`: the archive, progress, cancel, the report.

    Entries added before the archive exists (sources of the ``identify`` stage) wait in memory or
    in the run's work folder and are written as soon as it opens, in the order they were added.
    """

    def __init__(self, job: Collection, source: Source, report: StepReport,
                 control: StepControl) -> None:
        self.job = job
        self.source = source
        self.report = report
        self.control = control

    # --- what the source reads -------------------------------------------------------------------
    @property
    def root(self) -> SystemRoot:
        return self.job.root

    @property
    def options(self) -> CollectOptions:
        return self.job.options

    @property
    def installation(self) -> Installation:
        inst = self.job.installation
        assert inst is not None, "a source that needs no installation asked for one"
        return inst

    @property
    def work_dir(self) -> Path:
        assert self.job.work_dir is not None
        return self.job.work_dir

    # --- the archive -----------------------------------------------------------------------------
    def wanted(self, arcname: str) -> bool:
        return self.job.wanted(arcname)

    def add_bytes(self, data: bytes, arcname: str) -> bool:
        return self._add("bytes", arcname, data)

    def add_file(self, path: Path, arcname: str) -> bool:
        return self._add("file", arcname, path)

    def add_fileobj(self, stream: BinaryIO, arcname: str, *, mtime: float | None = None) -> bool:
        if not self.wanted(arcname):
            return False
        self.job.writer.add_fileobj(stream, arcname, mtime=mtime)
        self.report.files.append(arcname)
        return True

    def add_stream(self, arcname: str, producer: Callable[[BinaryIO], Any]) -> bool:
        """``producer(out)`` writes the entry while it is compressed (the database backup)."""
        if not self.wanted(arcname):
            return False
        self.job.writer.add_stream(arcname, producer)
        self.report.files.append(arcname)
        return True

    def _add(self, kind: str, arcname: str, payload: Any) -> bool:
        if not self.wanted(arcname):
            return False
        if self.job.writer is None:
            self.job.staged.append((kind, arcname, payload))
        elif kind == "bytes":
            self.job.writer.add_bytes(payload, arcname)
        else:
            self.job.writer.add_file(payload, arcname)
        self.report.files.append(arcname)
        return True

    # --- progress, cancel, the report ------------------------------------------------------------
    def progress(self, fraction: float, message: str = "") -> None:
        self.control.progress(fraction, message)

    def check(self) -> None:
        self.control.check()

    def fail(self, message: str) -> None:
        self.report.status, self.report.message = "failed", message

    def skip(self, message: str) -> None:
        self.report.status, self.report.message = "skipped", message

    def say(self, message: str) -> None:
        self.report.message = message

    def known(self, text: str) -> None:
        """A fact for the «Что известно» block at the top of request.txt (and the manifest)."""
        self.job.known.append(text)

    def manifest(self, key: str, value: Any) -> None:
        """A top-level manifest fact of this source (``logs``, ``database``…)."""
        self.job.manifest_facts[key] = value


def json_bytes(data: Any) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


PREVIEW_BYTES = 2 * 2**20


def read_text_head(path: Path) -> str:
    """The start of a text file as the review page shows it (the program may hold it open)."""
    from collector.logs import decode_head
    from collector.winsys.sharedfile import read_head

    raw = read_head(path, PREVIEW_BYTES + 1)
    return decode_head(raw[:PREVIEW_BYTES]) + ("\n…" if len(raw) > PREVIEW_BYTES else "")


def parts_of(arcname: str) -> tuple[str, ...]:
    return PurePosixPath(arcname.replace("\\", "/")).parts


def not_found_installation() -> Text:
    return _("программа не найдена на этом компьютере")
