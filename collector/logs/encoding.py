"""How a log file's bytes are laid out: UTF-16 LE/BE with or without BOM (backup.log), UTF-8 with
or without BOM, cp1251.

The searched words are ASCII, so UTF-8 and cp1251 are searched as the same bytes, UTF-16 with its
own; only preview lines and version lines are decoded.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Patterns:
    """What the scanner looks for, as bytes of one encoding layout (8-bit, UTF-16 LE or BE)."""

    unit: int
    nl: bytes
    ts: re.Pattern[bytes]  # a timestamp and the space after it, at a line start
    entry: re.Pattern[bytes]  # a newline followed by a timestamp (group 1)
    level: re.Pattern[bytes]  # "| ERROR |" or "| FATAL |"; group 1 is the word
    error: bytes
    fatal: bytes
    error_word: bytes
    version: bytes
    header: bytes
    sep: bytes
    le: bool | None

    def ascii(self, raw: bytes) -> bytes:
        """Matched UTF-16 text of ASCII characters back to one byte per character."""
        if self.unit == 1:
            return bytes(raw)
        return bytes(raw[0::2] if self.le else raw[1::2])


def _build_patterns(layout: str) -> Patterns:
    pre, post = {"8bit": (b"", b""), "le": (b"", b"\x00"), "be": (b"\x00", b"")}[layout]
    enc = {"8bit": "ascii", "le": "utf-16-le", "be": "utf-16-be"}[layout]

    def a(atom: bytes) -> bytes:  # one character of the pattern as this layout stores it
        return (b"(?:" + pre + atom + post + b")") if pre or post else atom

    def word(text: str) -> bytes:
        return b"".join(a(re.escape(c.encode("ascii"))) for c in text)

    d = a(rb"\d")
    dmy = d + d + a(rb"\.") + d + d + a(rb"\.") + d * 4
    ymd = d * 4 + a(b"-") + d + d + a(b"-") + d + d
    clock = d + d + a(b":") + d + d + a(b":") + d + d
    frac = b"(?:" + a(rb"[.,]") + b"(?:" + d + b"){1,7})?"
    ts = b"(?:" + dmy + b"|" + ymd + b")" + a(b"[ T]") + clock + frac + a(b" ")
    nl = "\n".encode(enc)
    return Patterns(
        unit=1 if layout == "8bit" else 2,
        nl=nl,
        ts=re.compile(ts),
        entry=re.compile(re.escape(nl) + b"(" + ts + b")"),
        level=re.compile(word("| ") + b"(" + word("ERROR") + b"|" + word("FATAL") + b")"
                         + word(" |")),
        error="| ERROR |".encode(enc),
        fatal="| FATAL |".encode(enc),
        error_word="ERROR".encode(enc),
        version="Application ver.".encode(enc),
        header="----------NLog Starting".encode(enc),
        sep=" |".encode(enc),
        le={"8bit": None, "le": True, "be": False}[layout],
    )


_PATTERNS: dict[str, Patterns] = {}


def patterns(layout: str) -> Patterns:
    if layout not in _PATTERNS:
        _PATTERNS[layout] = _build_patterns(layout)
    return _PATTERNS[layout]


@dataclass(frozen=True)
class Codec:
    name: str  # as reported: utf-8, utf-8-sig, cp1251, utf-16-le, utf-16-be
    text: str  # Python codec for the content after the BOM
    bom: int
    pats: Patterns

    @property
    def unit(self) -> int:
        return self.pats.unit

    def decode(self, raw: bytes | bytearray | memoryview) -> str:
        raw = bytes(raw)
        if self.unit == 2:
            return raw.decode(self.text, errors="replace")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1251", errors="replace")

    def encode(self, text: str) -> bytes:
        return text.encode(self.text, errors="replace")


def detect_codec(head: bytes) -> Codec:
    if head.startswith(codecs.BOM_UTF16_LE):
        return Codec("utf-16-le", "utf-16-le", 2, patterns("le"))
    if head.startswith(codecs.BOM_UTF16_BE):
        return Codec("utf-16-be", "utf-16-be", 2, patterns("be"))
    if len(head) >= 4 and head[0] and not head[1] and head[2] and not head[3]:
        return Codec("utf-16-le", "utf-16-le", 0, patterns("le"))
    if len(head) >= 4 and not head[0] and head[1] and not head[2] and head[3]:
        return Codec("utf-16-be", "utf-16-be", 0, patterns("be"))
    if head.startswith(codecs.BOM_UTF8):
        return Codec("utf-8-sig", "utf-8", 3, patterns("8bit"))
    return Codec("utf-8", "utf-8", 0, patterns("8bit"))


def decode_head(raw: bytes) -> str:
    """Decode the start of a log file: UTF-16 (backup.log), UTF-8 with/without BOM, cp1251."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    if len(raw) >= 4 and raw[1] == 0 and raw[3] == 0:
        return raw.decode("utf-16-le", errors="replace")
    if len(raw) >= 4 and raw[0] == 0 and raw[2] == 0:
        return raw.decode("utf-16-be", errors="replace")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start > len(raw) - 4:  # cut in the middle of a character
            return raw[: exc.start].decode("utf-8")
        return raw.decode("cp1251", errors="replace")
