"""The first ERROR/FATAL entries of a selection, for people: time, call site, message and the
exception's class and message (from the program's error JSON when the message holds one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from collector.logs.encoding import Codec
from collector.logs.layouts import layout_of, ts_key
from collector.logs.layouts.nlog import error_info
from collector.logs.reading import read_at

if TYPE_CHECKING:
    from collector.logs.folders import Found

PREVIEW_BYTES = 64 * 1024
PREVIEW_TOTAL = 10


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
    t = pats.ts.match(data)
    if t is None:
        return None
    stop = len(data)
    for m in pats.entry.finditer(data):
        if codec.unit == 1 or (offset + m.start()) % 2 == 0:
            stop = m.start()
            break
    cols = layout_of(f.kind).split(codec.decode(data[:stop]))
    info = error_info(cols.message) or error_info(cols.exception)
    if info is not None:
        log_message, exception = info
        message = log_message or exception.split(" ← ", 1)[0]
    else:
        message = cols.message.strip().splitlines()[0] if cols.message.strip() else ""
        exception = cols.exception.strip().splitlines()[0] if cols.exception.strip() else ""
    return ErrorPreview(file=f.rel.split("/", 1)[-1] if f.kind != "crpt" else f.rel,
                        line=line, time=cols.time, level=cols.level or level,
                        callsite=cols.callsite, message=_clip(message),
                        exception=_clip(exception) if exception and exception != message
                        else None, key=ts_key(pats.ascii(t.group())))


def merge_previews(previews: list[tuple[str, list[ErrorPreview]]]) -> list[ErrorPreview]:
    """The first errors of a selection, once each: trace.log and error.log hold the same entry
    (same time, level and message; error.log's call site names the source line), and every CRPT
    entry is in trace.log too."""
    best: dict[tuple[bytes, str, str], tuple[int, ErrorPreview]] = {}
    rank = {"error": 0, "egais": 1, "trace": 2}
    for kind, found in previews:
        for p in found:
            k = (p.key, p.level, p.message if kind != "crpt" else "")
            r = rank.get(kind, 3)
            if k not in best or r < best[k][0]:
                best[k] = (r, p)
    return sorted((p for _r, p in best.values()), key=lambda p: p.key)[:PREVIEW_TOTAL]


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
