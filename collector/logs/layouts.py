"""What the program writes into its log files: the file kinds, the NLog timestamp, the header's
version line, and one entry's fields (``date | LEVEL | CallSite | message | exception``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from collector.logs.encoding import Codec, decode_head
from collector.logs.reading import find_aligned, read_at
from collector.winsys.sharedfile import open_shared

if TYPE_CHECKING:
    from collector.logs.folders import Found

HEADER_VERSION = re.compile(r"Application ver\.\s*:\s*([0-9][0-9.]*[0-9])")
HEADER_BYTES = 4096
PREVIEW_BYTES = 64 * 1024
KIND_ORDER = ("trace", "error", "performace", "egais", "ua_prro", "backup")


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


def kind_of(name: str) -> str:
    stem = name.rsplit(".", 1)[0].lower()
    return stem if stem in KIND_ORDER else "other"


@dataclass
class ErrorPreview:
    """The start of one ERROR/FATAL entry, for people."""

    file: str
    line: int
    time: str  # as written in the log
    level: str
    callsite: str
    message: str
    exception: str | None
    key: bytes = field(default=b"", repr=False)

    def text(self) -> str:
        head = f"{self.time} {self.level} {self.callsite}: {self.message}".strip()
        return f"{head} — {self.exception}" if self.exception else head

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "time": self.time, "level": self.level,
                "callsite": self.callsite, "message": self.message,
                "exception": self.exception}


def read_preview(fh: BinaryIO, codec: Codec, offset: int, line: int, level: str, f: Found,
                 size: int) -> ErrorPreview | None:
    data = read_at(fh, offset, min(size, offset + PREVIEW_BYTES))
    pats = codec.pats
    stop = len(data)
    for m in pats.entry.finditer(data):
        if codec.unit == 1 or (offset + m.start()) % 2 == 0:
            stop = m.start()
            break
    nl = find_aligned(data, pats.nl, 0, stop, offset, codec.unit)
    first = codec.decode(data[: nl if nl >= 0 else stop]).rstrip("\r\n")
    rest = codec.decode(data[nl + len(pats.nl): stop]) if nl >= 0 else ""
    t = pats.ts.match(data)
    if t is None:
        return None
    key = ts_key(pats.ascii(t.group()))
    fields = first.split(" | ", 4)
    while len(fields) < 5:
        fields.append("")
    stamp, lvl, callsite, message, tail = (x.strip() for x in fields)
    exception = _exception_text(tail.rstrip("|").strip(), rest)
    return ErrorPreview(file=f.rel.split("/", 1)[-1] if f.kind != "crpt" else f.rel,
                        line=line, time=stamp, level=lvl or level, callsite=callsite,
                        message=_clip(message.rstrip("|").strip()),
                        exception=_clip(exception) if exception else None, key=key)


_JSON_FIELD = re.compile(r'"(ClassName|Message)"\s*:\s*"((?:\\.|[^"\\])*)"')


def _exception_text(inline: str, rest: str) -> str | None:
    """``Class: message`` of the entry's exception, from NLog's JSON or from the inline text."""
    text = (inline + "\n" + rest).strip()
    brace = text.find("{")
    if brace >= 0:
        try:
            obj, _end = json.JSONDecoder().raw_decode(text[brace:])
        except ValueError:
            obj = None
        if isinstance(obj, dict):
            parts = []
            while isinstance(obj, dict) and len(parts) < 4:
                cls, msg = obj.get("ClassName") or obj.get("Type"), obj.get("Message")
                if cls or msg:
                    parts.append(": ".join(str(x) for x in (cls, msg) if x))
                obj = obj.get("InnerException")
            if parts:
                return " ← ".join(parts)
        found = dict(_JSON_FIELD.findall(text))
        if found:
            return ": ".join(found[k] for k in ("ClassName", "Message") if k in found)
    if inline:
        return inline
    line = next((x.strip() for x in rest.splitlines() if x.strip()), "")
    return line or None


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
