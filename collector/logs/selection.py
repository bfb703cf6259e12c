"""Selecting a day's files (and the days around it, or a time window) for the bundle."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from collector.errors import Cancelled
from collector.humanize import human_size, ru_date
from collector.i18n import _
from collector.logs.calendar import (
    DayCounter,
    DayStats,
    ProgressFn,
    byte_counter,
    counts_for_day,
    retention_hint,
)
from collector.logs.cutting import (
    Piece,
    PlanReader,
    cut_head_tail,
    dt_text,
    plan_size,
    window_pieces,
)
from collector.logs.encoding import Codec, detect_codec
from collector.logs.errors import LogsError
from collector.logs.folders import (
    Found,
    SkippedFile,
    crpt_files,
    day_files,
    day_folders,
    nearby_days,
    odd_folders,
    os_reason,
)
from collector.logs.layouts import HEADER_BYTES, KIND_ORDER, key_of, key_text, layout_of
from collector.logs.preview import ErrorPreview, merge_previews, read_preview
from collector.logs.reading import open_content
from collector.logs.runs import TRACE_MARKS, Runs, runs_of
from collector.logs.scan import PREVIEW_PER_FILE, KeySink, Scan, Scanner
from collector.winsys.sharedfile import file_identity

if TYPE_CHECKING:
    from collector.installation import Installation

MIN_FILE_CAP = 16 * 1024
MAX_AROUND = 7


@dataclass
class LogFile:
    """One file of the selection; ``open_for_bundle()`` streams what goes into the bundle."""

    source: Path
    source_windows: str
    archive_path: str  # logs/2026-11-20/trace.log, logs/crpt/2026-11-20.log
    day: date
    kind: str  # trace | error | performace | egais | ua_prro | backup | crpt | other
    size: int  # bytes of the file when it was read
    bundle_size: int  # bytes open_for_bundle() yields: == size unless cut
    encoding: str
    lines: int
    errors: int  # ERROR entries in what was selected (the time window, when given)
    fatals: int
    versions: list[str]
    first_errors: list[ErrorPreview]
    first_time: str | None
    last_time: str | None
    modified: datetime | None
    cut: str | None = None  # Russian: what was left out and why
    notes: list[str] = field(default_factory=list)  # Russian: file still being written, …
    pieces: list[Piece] = field(default_factory=list, repr=False)
    identity: tuple[int, int] = (0, 0)
    runs: Runs | None = None  # trace.log: the day's runs of the program

    def open_for_bundle(self) -> BinaryIO:
        """A seekable binary stream of exactly ``bundle_size`` bytes, read with sharing: the
        file's own bytes, or for a cut file its kept ranges and marker lines. Raises
        :class:`LogFileChanged` if the file was replaced or shortened since it was selected."""
        return PlanReader(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source_windows, "archive_path": self.archive_path,
            "day": self.day.isoformat(), "kind": self.kind, "size": self.size,
            "bundle_size": self.bundle_size, "encoding": self.encoding, "lines": self.lines,
            "errors": self.errors, "fatals": self.fatals, "versions": self.versions,
            "first_time": self.first_time, "last_time": self.last_time,
            "modified": self.modified.isoformat(timespec="seconds") if self.modified else None,
            "cut": str(self.cut) if self.cut else None, "notes": [str(n) for n in self.notes],
            "first_errors": [e.to_json() for e in self.first_errors],
        }


@dataclass
class LogSelection:
    """The files that belong to a day (and the days around it), ready for the bundle."""

    day: date
    days: list[date]
    window: tuple[datetime, datetime] | None
    max_file_bytes: int | None
    files: list[LogFile]
    skipped: list[SkippedFile]
    problems: list[str]  # Russian, for the user
    nearby_days: list[date]  # days that do have logs, when ``day`` has none
    day_stats: dict[date, DayStats]
    first_errors: list[ErrorPreview]

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def bundle_bytes(self) -> int:
        return sum(f.bundle_size for f in self.files)

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.day_stats.values())

    @property
    def fatals(self) -> int:
        return sum(s.fatals for s in self.day_stats.values())

    @property
    def versions(self) -> list[str]:
        seen: list[str] = []
        for f in self.files:
            seen += [v for v in f.versions if v not in seen]
        return seen

    @property
    def found(self) -> bool:
        return bool(self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "days": [d.isoformat() for d in self.days],
            "window": None if self.window is None else {
                "from": self.window[0].isoformat(), "to": self.window[1].isoformat()},
            "max_file_bytes": self.max_file_bytes,
            "files": [f.to_json() for f in self.files],
            "skipped": [s.to_json() for s in self.skipped],
            "problems": [str(p) for p in self.problems],
            "nearby_days": [d.isoformat() for d in self.nearby_days],
            "day_stats": {d.isoformat(): s.to_json() for d, s in sorted(self.day_stats.items())},
            "total_bytes": self.total_bytes,
            "bundle_bytes": self.bundle_bytes,
            "errors": self.errors,
            "fatals": self.fatals,
            "versions": self.versions,
            "first_errors": [e.to_json() for e in self.first_errors],
        }


def window_interval(day: date, window: tuple[time, time]) -> tuple[datetime, datetime]:
    """Both ends inclusive; a window whose end is before its start runs past midnight."""
    start, end = datetime.combine(day, window[0]), datetime.combine(day, window[1])
    if end < start:
        end += timedelta(days=1)
    return start, end


def select_logs(inst: Installation, day: date, *, around: int = 0,
                window: tuple[time, time] | None = None, max_file_bytes: int | None = None,
                preview: int = PREVIEW_PER_FILE, cancel: threading.Event | None = None,
                progress: ProgressFn | None = None) -> LogSelection:
    """The log files of ``day`` (and ``around`` days each side) of an installation.

    ``window``: keep only entries between two times of ``day`` (both inclusive; an end before the
    start runs past midnight into the next day). ``max_file_bytes``: a larger file keeps its head
    and its tail with a marker line saying what was cut. Nothing is written anywhere."""
    root = getattr(inst, "_root", None)
    return select_day_logs(inst.logs_dir, inst.crpt_logs_dir, day, around=around, window=window,
                           max_file_bytes=max_file_bytes, preview=preview, cancel=cancel,
                           progress=progress, show=root.windows_path if root else str)


def select_day_logs(logs_dir: Path, crpt_dir: Path | None, day: date, *, around: int = 0,
                    window: tuple[time, time] | None = None,
                    max_file_bytes: int | None = None, preview: int = PREVIEW_PER_FILE,
                    cancel: threading.Event | None = None, progress: ProgressFn | None = None,
                    show: Callable[[Path], str] = str, today: date | None = None
                    ) -> LogSelection:
    """:func:`select_logs` for a logs folder and a CRPT folder given directly. ``today``: the
    PC's date, for what the program has already deleted (default: today)."""
    today = today or date.today()
    if not 0 <= around <= MAX_AROUND:
        raise LogsError(_("Дни вокруг выбранного: от 0 до {max}", max=MAX_AROUND))
    if max_file_bytes is not None and max_file_bytes < MIN_FILE_CAP:
        raise LogsError(_("Предел размера файла слишком мал: нужно не меньше {min}",
                          min=human_size(MIN_FILE_CAP)))
    interval = window_interval(day, window) if window else None
    days = {day + timedelta(days=k) for k in range(-around, around + 1)}
    windowed: set[date] = set()
    if interval is not None:
        d = interval[0].date()
        while d <= interval[1].date():
            windowed.add(d)
            d += timedelta(days=1)
        days |= windowed
    ordered = sorted(days)
    folders = day_folders(logs_dir)
    crpt = crpt_files(crpt_dir)
    problems: list[str] = []
    found: list[Found] = []
    skipped: list[SkippedFile] = []
    stats = {d: DayStats(d, crpt_only=d not in folders) for d in ordered
             if d in folders or d in crpt}
    for d in ordered:
        f, s = day_files(d, folders.get(d), crpt.get(d), [logs_dir, crpt_dir], show)
        found += f
        skipped += s
        if s:
            stats[d].unreadable += len(s)
        if d != day and d not in folders and d not in crpt:
            problems.append(_("За {date} журналов нет.", date=ru_date(d)))
    for name, suggested in odd_folders(logs_dir):
        if suggested in days:
            problems.append(_("В папке журналов есть «{name}» — похоже на журналы за {date}, "
                              "но программа так не называет свои папки (это копия?). Она не "
                              "включена.", name=name, date=ru_date(suggested)))
    nearby: list[date] = []
    if not logs_dir.is_dir():
        problems.insert(0, _("Папка журналов {path} не найдена: программа ещё не запускалась на "
                             "этом компьютере, или журналы удалены.", path=show(logs_dir)))
    elif day not in folders and day not in crpt:
        problems[:0] = _missing_day(logs_dir, day, folders, crpt, show, today)
    elif day not in folders:
        problems.insert(0, retention_hint(day, today, has_crpt=True) or _(
            "За {date} нет папки журналов {path}, есть только журнал «Честного знака» (CRPT).",
            date=ru_date(day), path=show(logs_dir / day.isoformat())))
    if day not in folders and day not in crpt:
        nearby = nearby_days(sorted(set(folders) | set(crpt)), day)
    counters = {d: DayCounter(s) for d, s in stats.items()}
    advance = byte_counter(sum(f.size for f in found), progress)
    files: list[LogFile] = []
    for f in sorted(found, key=_file_order):
        lo_hi = None
        if interval is not None and f.day in windowed:
            lo_hi = (key_of(interval[0]), key_of(interval[1]))
        try:
            counted = f.day in counters and counts_for_day(f.kind, f.day in folders)
            lf = _read_log_file(f, lo_hi, max_file_bytes, preview,
                                counters[f.day].add if counted else None,
                                cancel, advance, show, interval)
        except Cancelled:
            raise
        except OSError as exc:
            skipped.append(SkippedFile(show(f.path), os_reason(exc)))
            if f.day in stats:
                stats[f.day].unreadable += 1
            continue
        files.append(lf)
        if f.day in stats:
            stats[f.day].files += 1
            stats[f.day].bytes += lf.size
    for s in skipped:
        problems.append(_("{path} не включён: {reason}", path=s.path, reason=s.reason))
    if not files and not skipped and (day in folders or day in crpt):
        problems.append(_("Папка за {date} пуста.", date=ru_date(day)))
    return LogSelection(day, ordered, interval, max_file_bytes, files, skipped, problems, nearby,
                        stats, _merge_previews(files, set(folders)))


def _missing_day(logs_dir: Path, day: date, folders: dict[date, Path],
                 crpt: dict[date, list[Path]], show: Callable[[Path], str],
                 today: date) -> list[str]:
    available = sorted(set(folders) | set(crpt))
    hint = retention_hint(day, today)
    if not available:
        return [hint or _("В папке журналов {path} нет ни одного дня.", path=show(logs_dir))]
    if hint:
        return [hint + " " + _("Ближайшие дни с журналами: {days}.", days=", ".join(
            ru_date(d) for d in nearby_days(available, day)))]
    near = nearby_days(available, day)
    return [_("За {date} журналов нет (папки {path} нет): в этот день программа не запускалась "
              "или журналы уже удалены. Ближайшие дни с журналами: {days}.",
              date=ru_date(day), path=show(logs_dir / day.isoformat()),
              days=", ".join(ru_date(d) for d in near))]


def _file_order(f: Found) -> tuple:
    kind = f.kind
    rank = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER) + (kind == "crpt")
    return (f.day, kind == "crpt", rank, f.rel.casefold())


def _read_log_file(f: Found, window: tuple[bytes, bytes] | None, cap: int | None, preview: int,
                   keys: KeySink | None, cancel: threading.Event | None,
                   advance: Callable[[int], None], show: Callable[[Path], str],
                   interval: tuple[datetime, datetime] | None) -> LogFile:
    layout = layout_of(f.kind)
    with open_content(f.path) as content:
        fh, st, size = content.fh, content.stat, content.size
        head = fh.read(min(size, HEADER_BYTES)) or b""
        codec = detect_codec(head)
        zipped = content.member is not None
        res = Scanner(fh, size, codec, full=True, window=None if zipped else window, keys=keys,
                      preview=preview, cancel=cancel, advance=content.scaled(advance),
                      layout=layout, marks=TRACE_MARKS if f.kind == "trace" else None).run()
        if codec.unit == 1 and codec.bom == 0 and not res.utf8_ok:
            codec = Codec("cp1251", "cp1251", 0, codec.pats)
        notes: list[str] = []
        pieces: list[Piece] = [(0, st.st_size)] if st.st_size else []
        cut_notes: list[str] = []
        if zipped:
            notes.append(_("архив, который программа сделала из журнала прошлого дня: взят как "
                           "есть ({name} внутри)", name=content.member))
        else:
            _notes_on_reading(notes, res, size, os.fstat(fh.fileno()).st_size)
            eol = "\r\n" if codec.encode("\r\n") in head else "\n"
            if window is not None and res.ranges is not None and res.gaps is not None:
                pieces = window_pieces(res, codec, eol, f.day)
                kept = plan_size(pieces)
                if res.window_entries:
                    cut_notes.append(_("оставлены записи с {start} по {end}: {kept} из {size}",
                                       start=dt_text(interval[0], f.day),  # type: ignore[index]
                                       end=dt_text(interval[1], f.day),  # type: ignore[index]
                                       kept=human_size(kept), size=human_size(size)))
                else:
                    cut_notes.append(_("в выбранное время записей нет; оставлен только "
                                       "заголовок ({kept})", kept=human_size(kept)))
            if plan_size(pieces) >= size:  # the window held it all, or markers cost more
                pieces, cut_notes = ([(0, size)] if size else []), []
            if cap is not None and plan_size(pieces) > cap:
                pieces, note = cut_head_tail(fh, pieces, cap, codec, eol, res, f, cancel)
                cut_notes.append(note)
        previews = [read_preview(fh, codec, off, line, level, f, size)
                    for off, line, level in res.hits]
    mtime = datetime.fromtimestamp(st.st_mtime).astimezone()
    encoding = codec.name if size else "—"
    return LogFile(
        source=f.path, source_windows=show(f.path), archive_path=f"logs/{f.rel}", day=f.day,
        kind=f.kind, size=st.st_size, bundle_size=plan_size(pieces),
        encoding=f"zip: {encoding}" if zipped else encoding, lines=res.lines,
        errors=res.errors, fatals=res.fatals, versions=res.versions,
        first_errors=[p for p in previews if p],
        first_time=key_text(res.first_key, f.day), last_time=key_text(res.last_key, f.day),
        modified=mtime, cut="; ".join(cut_notes) or None, notes=notes, pieces=pieces,
        identity=file_identity(st),
        runs=runs_of(f.day, res.marks, size) if f.kind == "trace" else None,
    )


def _notes_on_reading(notes: list[str], res: Scan, size: int, grown: int) -> None:
    if size == 0:
        notes.append(_("пустой файл (0 байт): программа ещё ничего в него не записала"))
    if grown > size:
        notes.append(_("файл дописывается программой прямо сейчас: взято {size} на момент "
                       "чтения", size=human_size(size)))
    elif res.shrank:
        notes.append(_("файл стал короче во время чтения"))
    if size and res.partial_entry:
        notes.append(_("последняя запись не дописана: программа писала в файл в момент "
                       "чтения"))


def _merge_previews(files: list[LogFile], folders: set[date]) -> list[ErrorPreview]:
    """The first errors of the selection, once each; a CRPT entry is a copy of a trace.log one
    unless its day folder is gone."""
    return merge_previews([(f.kind, f.first_errors) for f in files
                           if counts_for_day(f.kind, f.day in folders)])
