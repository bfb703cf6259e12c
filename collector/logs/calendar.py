"""The error calendar: distinct ERROR/FATAL entries per day.

A day's count is of distinct entries: trace.log repeats what error.log holds, so entries are keyed
by (timestamp, level, call site, message) across the day's files.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from collector.errors import Cancelled
from collector.i18n import _
from collector.logs.encoding import detect_codec
from collector.logs.errors import LogsError
from collector.logs.folders import Found, crpt_files, day_files, day_folders, os_reason
from collector.logs.scan import Scanner
from collector.logs.text import ru_date
from collector.winsys.sharedfile import open_shared

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
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "errors": self.errors, "fatals": self.fatals,
                "files": self.files, "bytes": self.bytes, "unreadable": self.unreadable,
                "approximate": self.approximate, "problems": [str(p) for p in self.problems]}


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
    (Russian) about the folders themselves and ``days_outside`` (logs dated after ``today``:
    the PC's clock was wrong at some point)."""

    problems: list[str]
    days_outside: list[date]
    first: date
    last: date


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
        stats = DayStats(d)
        found, skipped = day_files(d, folders.get(d), crpt.get(d), [logs_dir, crpt_dir], show)
        for s in skipped:
            stats.unreadable += 1
            stats.problems.append(_("{path}: {reason}", path=s.path, reason=s.reason))
        total += sum(f.size for f in found)
        plan.append((stats, found))
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    for stats, found in plan:
        counter = DayCounter(stats)
        for f in found:
            try:
                with open_shared(f.path) as fh:
                    size = os.fstat(fh.fileno()).st_size
                    codec = detect_codec(fh.read(8) or b"")
                    Scanner(fh, size, codec, full=False, keys=counter.add, cancel=cancel,
                            advance=advance).run()
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
