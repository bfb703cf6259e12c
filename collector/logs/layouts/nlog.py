"""The NLog files of the main logger (GBS_MARKET.md §3): ``trace.log`` (every level),
``error.log`` (Error and Fatal) and ``egais.log`` (Russia only), all ``date | LEVEL | CallSite |
message | exception`` in UTF-8.

The same event reaches trace.log and error.log with the same time, level and message, but not the
same call site: error.log skips one frame fewer and may add ``(file:line)``. So an entry is known
across files by its time, level and message, never by its call site.

An error the program logs itself has a message column of indented Newtonsoft JSON
``{"Exception": {…}, "Message": "…"}`` with the ``\\r\\n`` escapes turned back into line breaks,
and an empty exception column; the exception is .NET's own serialised form (``ClassName``,
``Message``, ``InnerException``, ``StackTraceString``…).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

from collector.logs.encoding import decode_head
from collector.logs.layouts.base import Layout
from collector.winsys.sharedfile import open_shared

HEADER_LINE = "----------NLog Starting---------"
VERSION_LINE = "Application ver.: {version}"
FOOTER_LINE = "----------NLog  Ending-----------"  # two spaces, as NLog's layout has it
HEADER_VERSION = re.compile(r"Application ver\.\s*:\s*([0-9][0-9.]*[0-9])")
HEADER_BYTES = 4096
TIME_FORMAT = "%d.%m.%Y %H:%M:%S"  # + four digits of the fraction: dd.MM.yyyy HH:mm:ss.ffff

# trace.log's start-up lines (Debug), in the order the program writes them
STARTED = "Запуск программы. "  # + the displayed version
RECOVERED = "Работа восстановлена после аварийного завершения"  # CorrectExit was false
GBS_ID = "GBS.ID: "  # + 32 hex, a line break, "Date end: dd.MM.yyyy"

COLUMNS = ("level", "callsite", "message", "exception")
TRACE = Layout("trace", COLUMNS)  # every level
ERROR = Layout("error", COLUMNS)  # Error and Fatal
EGAIS = Layout("egais", COLUMNS)  # the EGAIS exchange, Russia only


def stamp(t: datetime) -> str:
    """A time as the program's layout writes it: ``20.11.2026 14:03:12.0457``."""
    return t.strftime(TIME_FORMAT) + f".{t.microsecond // 100:04d}"


def header_versions(path: Path) -> list[str]:
    """Versions named in the NLog header blocks at the start of a file."""
    try:
        with open_shared(path) as fh:
            head = fh.read(HEADER_BYTES) or b""
    except OSError:
        return []
    return HEADER_VERSION.findall(decode_head(head))


def key_of(dt: datetime) -> bytes:
    return f"{dt:%Y%m%d%H%M%S}{dt.microsecond * 10:07d}".encode("ascii")


def ts_key(raw: bytes) -> bytes:
    """A matched timestamp (ASCII bytes, trailing space included) as ``YYYYMMDDhhmmssfffffff``,
    which sorts like the time it names."""
    dmy = raw[2:3] == b"."
    day = raw[6:10] + raw[3:5] + raw[0:2] if dmy else raw[0:4] + raw[5:7] + raw[8:10]
    frac = raw[20:-1] if len(raw) > 21 else b""
    return day + raw[11:13] + raw[14:16] + raw[17:19] + frac.ljust(7, b"0")[:7]


def key_date(key: bytes) -> date | None:
    try:
        return date(int(key[0:4]), int(key[4:6]), int(key[6:8]))
    except ValueError:
        return None


def key_text(key: bytes | None, day: date | None = None) -> str | None:
    """``14:03:12``, with the date in front when it is not ``day``."""
    if key is None:
        return None
    clock = f"{key[8:10].decode()}:{key[10:12].decode()}:{key[12:14].decode()}"
    kd = key_date(key)
    if day is not None and kd is not None and kd != day:
        return f"{kd:%d.%m.%Y} {clock}"
    return clock


# --- an error's JSON ---------------------------------------------------------------------------
_CLASS = re.compile(r'"ClassName"\s*:\s*"((?:\\.|[^"\\])*)"', re.DOTALL)
_MESSAGE = re.compile(r'"Message"\s*:\s*"((?:\\.|[^"\\])*)"', re.DOTALL)
_DECODER = json.JSONDecoder(strict=False)  # the program turned \r\n escapes into line breaks


def error_info(message: str) -> tuple[str, str] | None:
    """``(log message, "Class: message ← inner class: message")`` of a message column that holds
    an exception as JSON, else None: the program's ``{"Exception": {…}, "Message": "…"}``, or (the
    CRPT log) a message followed by the bare exception ``{"ClassName": …}``."""
    text = message.strip()
    brace = text.find("{")
    if brace < 0:
        return None
    prefix = text[:brace].strip()
    try:
        obj, _end = _DECODER.raw_decode(text[brace:])
    except ValueError:
        obj = None
    if isinstance(obj, dict):
        if "Exception" in obj:
            exc, log_message = obj.get("Exception"), str(obj.get("Message") or prefix)
        elif "ClassName" in obj:
            exc, log_message = obj, prefix
        else:
            return None
        chain = []
        while isinstance(exc, dict) and len(chain) < 4:
            cls, msg = exc.get("ClassName"), exc.get("Message")
            if cls or msg:
                chain.append(": ".join(str(x) for x in (cls, msg) if x))
            exc = exc.get("InnerException")
        return log_message, " ← ".join(chain)
    # not valid JSON any more (a backslash before a replaced line break): the fields by pattern
    cls = _CLASS.search(text)
    if cls is None:
        return None
    msg = _MESSAGE.search(text, cls.end())
    log_message = prefix
    if '"Exception"' in text:
        matches = list(_MESSAGE.finditer(text))
        last = matches[-1] if matches else None
        if last is not None and (msg is None or last.start() != msg.start()):
            log_message = last.group(1)
    return log_message, ": ".join(x for x in (cls.group(1), msg.group(1) if msg else "") if x)
