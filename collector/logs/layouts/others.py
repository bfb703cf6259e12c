"""The program's other log files (GBS_MARKET.md §3, §4, §7).

- ``performace.log`` (sic): ``date | CallSite | message `` — no level, no header, no footer.
- ``ua_prro.log``: ``\\r\\n\\r\\ndate \\r\\n message ``; nothing in the program writes it today.
- ``CRPT_logs\\yyyy-MM-dd.log`` («Честный знак», Russia only): ``date | LEVEL | message |
  exception`` — no call site; every message also goes to trace.log. Each start zips the files of
  past days into ``yyyy-MM-dd.zip`` (the log inside) and deletes files created over 90 days ago.
- ``backup.log``: not NLog. Each backup run appends, in UTF-16 LE (BOM when the file is new) with
  CRLF: 64 dashes, ``start HH:mm:ss``, gbak's verbose lines, ``finish HH:mm:ss``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from collector.logs.layouts.base import Layout

PERFORMANCE = Layout("performace", ("callsite", "message"), framed=False)
UA_PRRO = Layout("ua_prro", ("message",))
CRPT = Layout("crpt", ("level", "message", "exception"))
BACKUP = Layout("backup", (), framed=False, encoding="utf-16-le")
OTHER = Layout("other", ("level", "callsite", "message", "exception"))

CRPT_KEEP_DAYS = 90
CRPT_FILE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.(log|zip)$", re.IGNORECASE)

BACKUP_RULE = "-" * 64
_START = re.compile(r"^start (\d{2}:\d{2}:\d{2})$")
_FINISH = re.compile(r"^finish (\d{2}:\d{2}:\d{2})$")
_GBAK_DONE = "gbak:closing file, committing, and finishing"


@dataclass
class BackupRun:
    """One run of the program's backup, as backup.log records it."""

    start: str | None = None  # HH:mm:ss
    finish: str | None = None
    lines: list[str] = field(default_factory=list)  # gbak's own lines

    @property
    def completed(self) -> bool:
        """gbak reached its last step (the program decides success by the .fbk existing)."""
        return any(line.startswith(_GBAK_DONE) for line in self.lines)

    @property
    def errors(self) -> list[str]:
        return [line for line in self.lines if line.startswith("gbak: ERROR")]


def backup_runs(text: str) -> list[BackupRun]:
    """The runs in backup.log's text, oldest first."""
    runs: list[BackupRun] = []
    for raw in text.splitlines():
        line = raw.strip("\ufeff")
        if line == BACKUP_RULE:
            runs.append(BackupRun())
            continue
        if not runs:
            runs.append(BackupRun())
        run = runs[-1]
        if (m := _START.match(line)) and run.start is None and not run.lines:
            run.start = m.group(1)
        elif m := _FINISH.match(line):
            run.finish = m.group(1)
        elif line:
            run.lines.append(line)
    return runs
