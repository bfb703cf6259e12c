"""The error calendar: distinct ERROR/FATAL entries per day.

A day's count is of distinct entries: trace.log repeats what error.log holds, so entries are keyed
by (timestamp, level, call site, message) across the day's files.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from collector.errors import Cancelled
from collector.humanize import ru_date
from collector.i18n import _
from collector.logs.encoding import detect_codec
from collector.logs.errors import LogsError
from collector.logs.folders import Found, crpt_files, day_files, day_folders, os_reason
from collector.logs.layouts import LOGS_KEEP_DAYS, layout_of
from collector.logs.layouts.others import CRPT_KEEP_DAYS
from collector.logs.reading import open_content
from collector.logs.scan import Scanner

DEDUP_CAP = 100_000  # distinct error entries remembered per day (≈6 MB); beyond: approximate

ProgressFn = Callable[[int, int], None]


@dataclass
class DayStats:
    """One day of logs: distinct ERROR/FATAL entries, files and their bytes."""

    day: date
    errors: int = 0
    fatals: int = 0
    files: int = 0
    bytes: int = 0
    unreadable: int = 0
    approximate: bool = False  # more than DEDUP_CAP errors: duplicates may be counted
    crpt_only: bool = False  # the day folder is gone (kept 30 days), the CRPT log is left
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "errors": self.errors, "fatals": self.fatals,
                "files": self.files, "bytes": self.bytes, "unreadable": self.unreadable,
                "approximate": self.approximate, "crpt_only": self.crpt_only,
                "problems": [str(p) for p in self.problems]}


class DayCounter:
    def __init__(self, stats: DayStats) -> None:
        self.stats = stats
        self._seen: set[int] = set()

    def add(self, level: str, key: str) -> None:
        h = hash((level, key))
        if h in self._seen:
            return
        if len(self._seen) < DEDUP_CAP:
            self._seen.add(h)
        else:
            self.stats.approximate = True
        if level == "ERROR":
            self.stats.errors += 1
        else:
            self.stats.fatals += 1


class Calendar(dict[date, DayStats]):
    """``error_calendar``'s answer: a dict of the days that have logs, plus ``problems``
    (Russian) about the folders themselves, ``days_outside`` (logs dated after ``today``: the
    PC's clock was wrong at some point), and how far back the program keeps its logs
    (``logs_kept_since``: day folders, 30 days; ``crpt_kept_since``: CRPT logs, 90 days)."""

    problems: list[str]
    days_outside: list[date]
    first: date
    last: date
    logs_kept_since: date
    crpt_kept_since: date


def byte_counter(total: int, progress: ProgressFn | None) -> Callable[[int], None]:
    """``advance(n)`` for the scanners: adds up the bytes read and reports ``(done, total)``."""
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    return advance


def retention_hint(day: date, today: date, has_crpt: bool = False) -> str | None:
    """Why a day has no day folder when the program itself has deleted it (Russian), else None.

    Each start deletes the ``Logs`` day folders created over 30 days ago and the CRPT files over
    90 days old (GBS_MARKET.md §2, §4)."""
    if day >= today - timedelta(days=LOGS_KEEP_DAYS):
        return None
    if has_crpt:
        return _("Журналы за {date} программа уже удалила: папки журналов она хранит "
                 "{days} дней и удаляет более старые при запуске. Остался только журнал "
                 "«Честного знака» (CRPT): он хранится {crpt_days} дней.", date=ru_date(day),
                 days=LOGS_KEEP_DAYS, crpt_days=CRPT_KEEP_DAYS)
    if day >= today - timedelta(days=CRPT_KEEP_DAYS):
        return _("Журналы за {date} программа уже удалила: папки журналов она хранит "
                 "{days} дней и удаляет более старые при запуске.", date=ru_date(day),
                 days=LOGS_KEEP_DAYS)
    return _("Журналы за {date} программа уже удалила: папки журналов она хранит {days} "
             "дней, журналы «Честного знака» — {crpt_days} дней.", date=ru_date(day),
             days=LOGS_KEEP_DAYS, crpt_days=CRPT_KEEP_DAYS)


def counts_for_day(kind: str, has_folder: bool) -> bool:
    """Whether a file's errors count towards its day: a CRPT entry is also written to trace.log,
    so CRPT errors count only for a day whose folder is gone."""
    return kind != "crpt" or not has_folder


def error_calendar(logs_dir: Path, crpt_dir: Path | None, *, days: int = 30,
                   today: date | None = None, cancel: threading.Event | None = None,
                   progress: ProgressFn | None = None, show: Callable[[Path], str] = str
                   ) -> Calendar:
    """Distinct ERROR/FATAL entries per day for the ``days`` days ending ``today``.

    Only days that have logs are keys. Streams every file (1 MiB chunks); memory stays flat.
    ``progress(done_bytes, total_bytes)`` is called as files are read; ``cancel`` stops it
    (raises :class:`Cancelled`)."""
    if days < 1:
        raise LogsError(_("Число дней должно быть не меньше 1"))
    today = today or date.today()
    first = today - timedelta(days=days - 1)
    cal = Calendar()
    cal.problems, cal.days_outside, cal.first, cal.last = [], [], first, today
    cal.logs_kept_since = today - timedelta(days=LOGS_KEEP_DAYS)
    cal.crpt_kept_since = today - timedelta(days=CRPT_KEEP_DAYS)
    if not logs_dir.is_dir():
        cal.problems.append(_("Папка журналов {path} не найдена: программа ещё не запускалась "
                              "на этом компьютере, или журналы удалены.", path=show(logs_dir)))
    folders = day_folders(logs_dir)
    crpt = crpt_files(crpt_dir)
    cal.days_outside = sorted(d for d in set(folders) | set(crpt) if d > today)
    if cal.days_outside:
        cal.problems.append(_("Есть журналы с датами позже сегодняшней ({days}): часы компьютера "
                              "были переведены неверно.",
                              days=", ".join(ru_date(d) for d in cal.days_outside[:5])))
    plan: list[tuple[DayStats, list[Found]]] = []
    total = 0
    for d in sorted(set(folders) | set(crpt)):
        if not first <= d <= today:
            continue
        stats = DayStats(d, crpt_only=d not in folders)
        found, skipped = day_files(d, folders.get(d), crpt.get(d), [logs_dir, crpt_dir], show)
        for s in skipped:
            stats.unreadable += 1
            stats.problems.append(_("{path}: {reason}", path=s.path, reason=s.reason))
        total += sum(f.size for f in found)
        plan.append((stats, found))
    advance = byte_counter(total, progress)
    for stats, found in plan:
        counter = DayCounter(stats)
        for f in found:
            keys = counter.add if counts_for_day(f.kind, not stats.crpt_only) else None
            try:
                with open_content(f.path) as c:
                    size = c.stat.st_size
                    codec = detect_codec(c.fh.read(8) or b"")
                    Scanner(c.fh, c.size, codec, full=False, keys=keys, cancel=cancel,
                            advance=c.scaled(advance), layout=layout_of(f.kind)).run()
            except Cancelled:
                raise
            except OSError as exc:
                stats.unreadable += 1
                stats.problems.append(_("{path}: {reason}", path=show(f.path),
                                        reason=os_reason(exc)))
                continue
            stats.files += 1
            stats.bytes += size
        cal[stats.day] = stats
    return cal
