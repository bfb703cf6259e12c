"""Firebird's own ``firebird.log`` (GBS_MARKET.md §8: its location is not stated by the program;
it sits in the server's folder): entries of a chosen day.

An entry is a header line ``<host>\\t<ctime>`` (``vm\\tTue Dec  1 09:37:20 2026``) followed by
lines indented with a tab, entries separated by blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from collector.winsys.sharedfile import open_shared

HEADER = re.compile(r"^(?P<host>[^\t\r\n]+)\t(?P<when>[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} "
                    r"\d\d:\d\d:\d\d \d{4})\r?$", re.M)
TAIL_BYTES = 32 * 1024 * 1024  # a firebird.log grows for years: its end holds the recent days
LOG_NAMES = ("firebird.log",)


@dataclass(frozen=True)
class FirebirdLogEntry:
    when: datetime
    host: str
    text: str  # the indented lines, tabs removed

    @property
    def first_line(self) -> str:
        return next((ln.strip() for ln in self.text.splitlines() if ln.strip()), "")


def parse_firebird_log(text: str) -> list[FirebirdLogEntry]:
    entries = []
    heads = list(HEADER.finditer(text))
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        try:
            when = datetime.strptime(" ".join(m["when"].split()), "%a %b %d %H:%M:%S %Y")
        except ValueError:
            continue
        body = "\n".join(ln[1:] if ln.startswith("\t") else ln
                         for ln in text[m.end():end].splitlines()).strip("\n")
        entries.append(FirebirdLogEntry(when, m["host"], body))
    return entries


def read_firebird_log(path: Path) -> str:
    """The log's text (its last 32 MiB), read with sharing: the server keeps it open."""
    with open_shared(path) as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - TAIL_BYTES))
        raw = fh.read() or b""
    return raw.decode("utf-8", errors="replace")


def entries_of_days(entries: list[FirebirdLogEntry], days: set[date]) -> list[FirebirdLogEntry]:
    return [e for e in entries if e.when.date() in days]
