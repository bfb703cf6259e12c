"""Scrubbing a log while it streams into the archive: constant memory, cut at line ends.

Logs can be hundreds of megabytes and are held open by the program, so they are never read
whole. :class:`ScrubbingReader` reads the source in pieces, decodes them incrementally (UTF-8,
or UTF-16 for backup.log: a character split across two pieces is carried over), scrubs only
complete lines (the unfinished last line waits for the next piece, so a secret is never cut in
two) and encodes the result back in the source's own encoding. Bytes that are not valid in that
encoding pass through unchanged, so a file with nothing secret leaves byte for byte as it was.
"""

from __future__ import annotations

import codecs
import io
from typing import Any, BinaryIO

from collector.redact.text import TextScrubber

PIECE = 1 << 20
SNIFF = 4096  # bytes looked at to tell UTF-16 from UTF-8
MAX_LINE = 1 << 20  # a "line" longer than this is cut at its last space (or here, if none)


def sniff_encoding(head: bytes) -> str:
    """``utf-16-le``/``utf-16-be`` by BOM (or by the zero bytes of UTF-16 text without one),
    else ``utf-8``."""
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = head[:4096]
    if len(sample) >= 64:
        odd_zero = sample[1::2].count(0)
        even_zero = sample[0::2].count(0)
        half = len(sample) // 2
        if odd_zero > half * 0.3 and even_zero < half * 0.05:
            return "utf-16-le"
        if even_zero > half * 0.3 and odd_zero < half * 0.05:
            return "utf-16-be"
    return "utf-8"


class ScrubbingReader(io.RawIOBase):
    """``read()`` gives ``source``'s bytes with secrets replaced (see module doc)."""

    def __init__(self, source: BinaryIO, scrubber: TextScrubber, where: str, *,
                 encoding: str | None = None, personal: bool | None = None,
                 piece: int = PIECE) -> None:
        super().__init__()
        self._src = source
        self._scrubber = scrubber
        self._where = where
        self._personal = personal
        self._piece = piece
        self._head = b""
        if encoding is None:
            head = bytearray()
            while len(head) < SNIFF and (more := source.read(SNIFF - len(head))):
                head += more
            self._head = bytes(head)
            encoding = sniff_encoding(self._head)
        self.encoding = encoding
        self._errors = "surrogateescape" if encoding == "utf-8" else "surrogatepass"
        self._decoder = codecs.getincrementaldecoder(encoding)(errors=self._errors)
        self._pending = ""
        self._out = bytearray()
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        view = memoryview(b).cast("B")
        while not self._out and not self._eof:
            self._fill()
        n = min(len(view), len(self._out))
        view[:n] = self._out[:n]
        del self._out[:n]
        return n

    def _fill(self) -> None:
        if self._head:
            raw, self._head = self._head, b""
        else:
            raw = self._src.read(self._piece)
        if not raw:
            self._eof = True
            if self.encoding == "utf-8":
                tail_bytes, self._raw_pending = self._raw_pending, b""
                self._out += self._scrubber.scrub_bytes(tail_bytes, self._where,
                                                        personal=self._personal)
                return
            tail = self._pending + self._decode_final()
            self._pending = ""
            if tail:
                self._emit(tail)
            self._out += self._leftover
            return
        if self.encoding == "utf-8":
            self._fill_utf8(raw)
            return
        text = self._pending + self._decoder.decode(raw)
        cut = text.rfind("\n") + 1
        if not cut and len(text) > MAX_LINE:
            space = max(text.rfind(" ", 0, MAX_LINE), text.rfind("\t", 0, MAX_LINE))
            cut = space + 1 if space > 0 else MAX_LINE
        if cut:
            self._pending = text[cut:]
            self._emit(text[:cut])
        else:
            self._pending = text

    _leftover = b""
    _raw_pending = b""

    def _fill_utf8(self, raw: bytes) -> None:
        # UTF-8 is scrubbed as bytes: a line break byte is never part of another character, and
        # lines without anything secret are copied without decoding them at all.
        buf = self._raw_pending + raw
        cut = buf.rfind(b"\n") + 1
        if not cut and len(buf) > MAX_LINE:
            space = buf.rfind(b" ", 0, MAX_LINE)
            cut = space + 1 if space > 0 else MAX_LINE
        if cut:
            self._raw_pending = buf[cut:]
            self._out += self._scrubber.scrub_bytes(buf[:cut], self._where,
                                                    personal=self._personal)
        else:
            self._raw_pending = buf

    def _decode_final(self) -> str:
        try:
            return self._decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            # An odd trailing byte of UTF-16 (a file cut mid-character): keep it as it was.
            self._leftover = self._decoder.getstate()[0]
            return ""

    def _emit(self, text: str) -> None:
        # Other encodings go through UTF-8 to share the fast path for lines with no secret.
        utf8 = text.encode("utf-8", "surrogatepass")
        clean = self._scrubber.scrub_bytes(utf8, self._where, personal=self._personal)
        if clean is utf8:
            self._out += text.encode(self.encoding, self._errors)
        else:
            self._out += clean.decode("utf-8", "surrogatepass").encode(self.encoding,
                                                                       self._errors)
