"""How the program's runs went on a day, from the marks trace.log holds (GBS_MARKET.md §3, §5):
``Запуск программы.`` starts a run, the NLog footer ends one that closed normally (a crash
leaves none), ``Работа восстановлена после аварийного завершения`` follows a start after an
unclean exit, and ``GBS.ID:`` names the licence the run used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from collector.logs.encoding import detect_codec
from collector.logs.layouts import key_text, ts_key
from collector.logs.layouts.nlog import FOOTER_LINE, GBS_ID, HEADER_LINE, RECOVERED, STARTED
from collector.logs.reading import chunks, find_aligned, line_start
from collector.logs.scan import Mark
from collector.winsys.sharedfile import open_shared

TRACE_MARKS = {"started": STARTED, "footer": FOOTER_LINE, "header": HEADER_LINE,
               "recovered": RECOVERED, "gbs_id": GBS_ID}


@dataclass
class Runs:
    day: date
    starts: list[str] = field(default_factory=list)  # HH:MM:SS of each «Запуск программы.»
    unclean: list[str] = field(default_factory=list)  # starts of runs that left no footer
    recovered: list[str] = field(default_factory=list)  # times of «Работа восстановлена…»
    last_open: bool = False  # the last run has no footer yet: still running, or it crashed
    gbs_ids: list[tuple[str, str]] = field(default_factory=list)  # (HH:MM:SS, what follows)

    def to_json(self) -> dict[str, Any]:
        return {"starts": self.starts, "unclean": self.unclean, "recovered": self.recovered,
                "last_open": self.last_open,
                "gbs_ids": [{"time": t, "value": v} for t, v in self.gbs_ids]}


def runs_of(day: date, marks: dict[str, list[Mark]], size: int) -> Runs:
    runs = Runs(day)
    starts = [m for m in marks.get("started", []) if m.key is not None]
    footers = [m.offset for m in marks.get("footer", []) if m.key is None]
    for i, s in enumerate(starts):
        end = starts[i + 1].offset if i + 1 < len(starts) else size
        clock = key_text(s.key, day) or ""
        runs.starts.append(clock)
        if not any(s.offset < f < end for f in footers):
            if i + 1 < len(starts):
                runs.unclean.append(clock)
            else:
                runs.last_open = True
    runs.recovered = [key_text(m.key, day) or "" for m in marks.get("recovered", [])
                      if m.key is not None]
    runs.gbs_ids = [(key_text(m.key, day) or "", m.rest.strip().removesuffix("|").strip())
                    for m in marks.get("gbs_id", []) if m.key is not None]
    return runs


def last_mark(path: Path, text: str) -> tuple[bytes | None, str] | None:
    """The last line of a UTF-8 log file holding ``text``: its entry's time key and what follows
    ``text`` on that line. One pass in chunks (memory flat), no decoding but of the hit."""

    with open_shared(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        codec = detect_codec(fh.read(8) or b"")
        needle, pats = codec.encode(text), codec.pats
        found: tuple[bytes | None, str] | None = None
        for ch in chunks(fh, 0, size, codec):
            j = ch.buf.rfind(needle, 0, ch.end)
            while j >= 0 and codec.unit == 2 and (ch.base + j) % 2:
                j = ch.buf.rfind(needle, 0, j + len(needle) - 1)
            if j < 0:
                continue
            ls = line_start(ch, j, codec)
            t = pats.ts.match(ch.buf, ls, ch.end) if ls is not None else None
            after = j + len(needle)
            eol = find_aligned(ch.buf, pats.nl, after, ch.end, ch.base, codec.unit)
            rest = codec.decode(ch.buf[after: eol if eol >= 0 else ch.end]).rstrip("\r")
            found = (ts_key(pats.ascii(t.group())) if t else None, rest)
    return found


def crash_hints(runs: Runs, *, still_running: bool) -> list[str]:
    """What a day's runs say about crashes (Russian), for «Что известно»."""
    from collector.humanize import ru_date
    from collector.i18n import _

    day = ru_date(runs.day)
    out = []
    if runs.recovered:
        out.append(_("{date}: программа записала «Работа восстановлена после аварийного "
                     "завершения» при запуске в {times}.", date=day,
                     times=", ".join(runs.recovered)))
    closed = list(runs.unclean)
    if runs.last_open and runs.starts and not still_running:
        closed.append(runs.starts[-1])
    if closed:
        out.append(_("{date}: работа, начатая в {times}, закончилась без записи о завершении "
                     "(сбой, снятие задачи или выключение компьютера).", date=day,
                     times=", ".join(closed)))
    return out
