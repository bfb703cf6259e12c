"""GBS.Market's logs: day folders, the error calendar, the files that belong to a chosen day.

Layout (GBS_MARKET.md §3, §4, §7): ``Logs\\yyyy-MM-dd\\{trace,error,performace,egais,ua_prro,
backup}.log`` and ``CRPT_logs\\yyyy-MM-dd.log``. NLog lines ``dd.MM.yyyy HH:mm:ss.ffff | LEVEL |
CallSite | message | exception``; an entry may span lines (error.log serialises exceptions as
multi-line JSON); a header block per file. The running program keeps the day's files open and
appends to them.

The package, along its seams:
- :mod:`~collector.logs.encoding`: the bytes of UTF-8, cp1251 and UTF-16 files and what is searched;
- :mod:`~collector.logs.layouts`: what the program writes into each kind of file;
- :mod:`~collector.logs.reading`, :mod:`~collector.logs.scan`: one pass over one file, in chunks;
- :mod:`~collector.logs.folders`: day folders, CRPT files, a day's files;
- :mod:`~collector.logs.calendar`: distinct errors per day;
- :mod:`~collector.logs.selection`: the files of a chosen day, for the bundle;
- :mod:`~collector.logs.cutting`: a time window or a size cap as byte ranges and marker lines.

Files are read as bytes and only the analysis decodes; the bundle gets the file's bytes unchanged,
or, when a file is cut, byte ranges of it with marker lines between them.
"""

from __future__ import annotations

from collector.humanize import human_size, ru_date
from collector.i18n import plural
from collector.logs.calendar import Calendar, DayStats, error_calendar, retention_hint
from collector.logs.encoding import decode_head
from collector.logs.errors import LogFileChanged, LogsError
from collector.logs.folders import (
    SkippedFile,
    crpt_files,
    day_folders,
    nearby_days,
    newest_logged_version,
    odd_folders,
)
from collector.logs.layouts import KIND_ORDER, header_versions
from collector.logs.preview import ErrorPreview
from collector.logs.selection import (
    MAX_AROUND,
    MIN_FILE_CAP,
    LogFile,
    LogSelection,
    select_day_logs,
    select_logs,
    window_interval,
)

__all__ = [
    "KIND_ORDER", "MAX_AROUND", "MIN_FILE_CAP", "Calendar", "DayStats", "ErrorPreview",
    "LogFile", "LogFileChanged", "LogSelection", "LogsError", "SkippedFile", "crpt_files",
    "day_folders", "decode_head", "error_calendar", "header_versions", "human_size",
    "nearby_days", "newest_logged_version", "odd_folders", "plural", "retention_hint", "ru_date",
    "select_day_logs", "select_logs", "window_interval",
]
