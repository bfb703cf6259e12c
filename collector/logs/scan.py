"""One pass over one file: ERROR/FATAL entries, versions, preview positions, and for a time
window the byte ranges inside it.

An entry counts as an error when a line *starts* with a timestamp followed by ``| ERROR |`` (or
``| FATAL |``): the same words inside an exception's JSON or a message do not count, and an entry
spanning many lines counts once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from collector.logs.encoding import Codec
from collector.logs.layouts import HEADER_VERSION, TRACE, Layout, ts_key
from collector.logs.reading import Chunk, chunks, find_aligned, line_start, rfind_aligned

PREVIEW_PER_FILE = 5
MAX_MARKS = 500  # occurrences of one marked text remembered per file


@dataclass(frozen=True)
class Mark:
    """Where a marked text (a footer, a start-up line) stands in a file."""

    offset: int
    key: bytes | None  # the time of the entry whose line holds it (None: not an entry's line)
    rest: str  # the rest of that line after the marked text (up to 120 characters)


KeySink = Callable[[str, str], None]


@dataclass
class Gap:
    start: int
    end: int = -1
    entries: int = 0
    first: bytes | None = None
    last: bytes | None = None


@dataclass
class Scan:
    size: int
    codec: Codec
    errors: int = 0
    fatals: int = 0
    lines: int = 0
    versions: list[str] = field(default_factory=list)
    hits: list[tuple[int, int, str]] = field(default_factory=list)  # offset, line, level
    first_key: bytes | None = None
    last_key: bytes | None = None
    utf8_ok: bool = True
    ends_with_newline: bool = True
    partial_entry: bool = False  # the last line is an entry the program is still writing
    shrank: bool = False
    ranges: list[tuple[int, int]] | None = None  # window: byte ranges kept
    gaps: list[Gap] | None = None  # window: byte ranges left out, with what they held
    window_entries: int = 0
    marks: dict[str, list[Mark]] = field(default_factory=dict)


class Scanner:
    """One pass over one file: counts, versions, preview positions, and for a time window the
    byte ranges inside it. ``full`` adds what a selection needs beyond the calendar's counts."""

    def __init__(self, fh: BinaryIO, size: int, codec: Codec, *, full: bool,
                 window: tuple[bytes, bytes] | None = None, keys: KeySink | None = None,
                 preview: int = PREVIEW_PER_FILE, cancel: threading.Event | None = None,
                 advance: Callable[[int], None] | None = None, layout: Layout = TRACE,
                 marks: dict[str, str] | None = None) -> None:
        self.fh, self.codec, self.full, self.window = fh, codec, full, window
        self.keys, self.preview, self.cancel, self.advance = keys, preview, cancel, advance
        self.layout = layout
        self.res = Scan(size, codec)
        self._needles = {name: codec.encode(text) for name, text in (marks or {}).items()}
        self.res.marks = {name: [] for name in self._needles}
        # window state: where the kept range being built began, a header block not yet decided
        self._open: int | None = 0
        self._pending_header: int | None = None
        self._gap: Gap | None = None
        self._seen_entry = False  # header lines before the first entry stay with the file start

    def run(self) -> Scan:
        res = self.res
        if res.size == 0:
            return res
        if self.window is not None:
            res.ranges, res.gaps = [], []
        for ch in chunks(self.fh, 0, res.size, self.codec, self.cancel, self.advance):
            if self.window is None:
                self._fast(ch)
            else:
                self._windowed(ch)
            if self.full:
                self._versions(ch)
                if self._needles:
                    self._marks(ch)
                self._utf8(ch)
                self._first_last(ch)
                res.lines += ch.buf.count(self.codec.pats.nl, 0, ch.end)
            if ch.last:
                res.shrank = ch.base + ch.end < res.size
                nl = self.codec.pats.nl
                res.ends_with_newline = ch.end == 0 or \
                    bytes(ch.buf[max(0, ch.end - len(nl)): ch.end]) == nl
                if not res.ends_with_newline and self.full:
                    res.lines += 1
                    ls = line_start(ch, ch.end, self.codec)
                    res.partial_entry = ls is not None and \
                        self.codec.pats.ts.match(ch.buf, ls, ch.end) is not None
        if self.window is not None:
            self._close(res.size)
        return res

    # counts without a window: the level words are rare, so a regex search over the chunk is
    # nearly as fast as grep, and each hit is checked to stand at a line start after a timestamp
    def _fast(self, ch: Chunk) -> None:
        if not self.layout.has_level:
            return
        pats, unit = self.codec.pats, self.codec.unit
        buf = ch.buf
        for m in pats.level.finditer(buf, 0, ch.end):
            p = m.start()
            if unit == 2 and (ch.base + p) % 2:
                continue
            ls = line_start(ch, p, self.codec)
            if ls is None:
                continue
            t = pats.ts.match(buf, ls, p)
            if t is None or t.end() != p:
                continue
            self._hit(ch, ls, m.end(), "ERROR" if m.group(1) == pats.error_word else "FATAL")

    def _hit(self, ch: Chunk, ls: int, after_level: int, level: str) -> None:
        res = self.res
        if level == "ERROR":
            res.errors += 1
        else:
            res.fatals += 1
        if self.full and len(res.hits) < self.preview:
            line = res.lines + ch.buf.count(self.codec.pats.nl, 0, ls) + 1
            res.hits.append((ch.base + ls, line, level))
        if self.keys is not None:
            self.keys(level, self._key(ch, ls, after_level))

    def _key(self, ch: Chunk, ls: int, after_level: int) -> str:
        """Timestamp, level and message: the same entry in trace.log and error.log, whose call
        sites differ (error.log skips one frame fewer and may add the source line)."""
        unit, pats, buf = self.codec.unit, self.codec.pats, ch.buf
        stop = min(ch.end, after_level + 1024 * unit)
        eol = find_aligned(buf, pats.nl, after_level, stop, ch.base, unit)
        if eol >= 0:
            stop = eol
        start = after_level
        if self.layout.has_callsite:
            site = find_aligned(buf, pats.sep, after_level + unit, stop, ch.base, unit)
            start = site + len(pats.sep) if site >= 0 else stop
        end = find_aligned(buf, pats.sep, start + unit, stop, ch.base, unit) if start < stop \
            else -1
        return self.codec.decode(buf[ls:after_level]) + self.codec.decode(
            buf[start: end if end >= 0 else stop])

    # with a window every entry's time is read: entries are found by a newline followed by a
    # timestamp; lines between entries (exception JSON, footers) follow their entry
    def _windowed(self, ch: Chunk) -> None:
        pats, unit, buf = self.codec.pats, self.codec.unit, ch.buf
        events: list[tuple[int, Any]] = []
        if ch.starts_line:
            first = max(0, self.codec.bom - ch.base)
            t = pats.ts.match(buf, first, ch.end)
            if t is not None:
                events.append((first, t))
        for m in pats.entry.finditer(buf, 0, ch.end):
            if unit == 2 and (ch.base + m.start()) % 2:
                continue
            events.append((m.start(1), m))
        h = buf.find(pats.header, 0, ch.end)
        headers = False
        while h >= 0:
            ls = line_start(ch, h, self.codec)
            if ls == h:
                events.append((h, None))
                headers = True
            h = buf.find(pats.header, h + 1, ch.end)
        if headers:
            events.sort(key=lambda e: e[0])
        lo, hi = self.window  # type: ignore[misc]
        res = self.res
        for pos, m in events:
            at = ch.base + pos
            if m is None:
                if self._pending_header is None and self._seen_entry:
                    self._pending_header = at
                continue
            self._seen_entry = True
            raw = m.group(1) if m.re is pats.entry else m.group(0)
            key = ts_key(pats.ascii(raw))
            end_ts = m.end(1) if m.re is pats.entry else m.end()
            if lo <= key <= hi:
                if self._open is None:
                    start = self._pending_header if self._pending_header is not None else at
                    if self._gap is not None:
                        self._gap.end = start
                        res.gaps.append(self._gap)  # type: ignore[union-attr]
                        self._gap = None
                    self._open = start
                res.window_entries += 1
                res.first_key = res.first_key or key
                res.last_key = key
                if not self.layout.has_level:
                    pass
                elif buf.startswith(pats.error, end_ts):
                    self._hit(ch, pos, end_ts + len(pats.error), "ERROR")
                elif buf.startswith(pats.fatal, end_ts):
                    self._hit(ch, pos, end_ts + len(pats.fatal), "FATAL")
            else:
                if self._open is not None:
                    stop = self._pending_header if self._pending_header is not None else at
                    if stop > self._open:
                        res.ranges.append((self._open, stop))  # type: ignore[union-attr]
                    self._open = None
                    self._gap = Gap(stop)
                gap = self._gap
                if gap is not None:
                    gap.entries += 1
                    gap.first = gap.first or key
                    gap.last = key
            self._pending_header = None

    def _close(self, size: int) -> None:
        res = self.res
        if self._open is not None:
            if size > self._open:
                res.ranges.append((self._open, size))  # type: ignore[union-attr]
        elif self._pending_header is not None:  # a run that had only started: keep its header
            if self._gap is not None:
                self._gap.end = self._pending_header
                res.gaps.append(self._gap)  # type: ignore[union-attr]
                self._gap = None
            res.ranges.append((self._pending_header, size))  # type: ignore[union-attr]
        if self._gap is not None:
            self._gap.end = size
            res.gaps.append(self._gap)  # type: ignore[union-attr]
            self._gap = None

    def _versions(self, ch: Chunk) -> None:
        pats, unit, res = self.codec.pats, self.codec.unit, self.res
        j = ch.buf.find(pats.version, 0, ch.end)
        while j >= 0:
            stop = min(ch.end, j + 200 * unit)
            e = find_aligned(ch.buf, pats.nl, j, stop, ch.base, unit)
            m = HEADER_VERSION.search(self.codec.decode(ch.buf[j: e if e >= 0 else stop]))
            if m and m[1] not in res.versions:
                res.versions.append(m[1])
            j = ch.buf.find(pats.version, j + 1, ch.end)

    def _marks(self, ch: Chunk) -> None:
        pats, unit, buf, codec = self.codec.pats, self.codec.unit, ch.buf, self.codec
        for name, needle in self._needles.items():
            found = self.res.marks[name]
            j = buf.find(needle, 0, ch.end)
            while j >= 0 and len(found) < MAX_MARKS:
                if unit == 1 or (ch.base + j) % 2 == 0:
                    ls = line_start(ch, j, codec)
                    t = pats.ts.match(buf, ls, ch.end) if ls is not None else None
                    after = j + len(needle)
                    stop = min(ch.end, after + 120 * unit)
                    eol = find_aligned(buf, pats.nl, after, stop, ch.base, unit)
                    found.append(Mark(ch.base + j, ts_key(pats.ascii(t.group())) if t else None,
                                      codec.decode(buf[after: eol if eol >= 0 else stop])
                                      .rstrip("\r")))
                j = buf.find(needle, j + 1, ch.end)

    def _utf8(self, ch: Chunk) -> None:
        res = self.res
        if self.codec.unit != 1 or not res.utf8_ok:
            return
        lo = 0
        if not ch.starts_line:  # a line longer than a chunk was cut, maybe inside a character
            while lo < min(3, ch.end) and 0x80 <= ch.buf[lo] <= 0xBF:
                lo += 1
        try:
            with memoryview(ch.buf)[lo: ch.end] as view:
                str(view, "utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason != "unexpected end of data":  # only a character cut at the end is ok
                res.utf8_ok = False

    def _first_last(self, ch: Chunk) -> None:
        if self.window is not None:
            return
        pats, unit, res, buf = self.codec.pats, self.codec.unit, self.res, ch.buf
        if res.first_key is None:
            t = pats.ts.match(buf, max(0, self.codec.bom - ch.base), ch.end) \
                if ch.starts_line else None
            if t is not None:
                res.first_key = ts_key(pats.ascii(t.group()))
            else:
                for m in pats.entry.finditer(buf, 0, ch.end):
                    if unit == 1 or (ch.base + m.start()) % 2 == 0:
                        res.first_key = ts_key(pats.ascii(m.group(1)))
                        break
        # the last entry of the chunk: walk back line by line (usually one step)
        end = ch.end
        for _step in range(4096):
            j = rfind_aligned(buf, pats.nl, 0, end, ch.base, unit)
            ls = j + len(pats.nl) if j >= 0 else (0 if ch.starts_line else -1)
            if ls < 0:
                break
            t = pats.ts.match(buf, max(ls, self.codec.bom - ch.base), ch.end)
            if t is not None:
                res.last_key = ts_key(pats.ascii(t.group()))
                break
            if j < 0:
                break
            end = j


def count_ranges(fh: BinaryIO, codec: Codec, ranges: list[tuple[int, int]],
                 cancel: threading.Event | None, layout: Layout = TRACE) -> tuple[int, int]:
    """ERROR and FATAL entries inside byte ranges that start at line starts."""
    errors = fatals = 0
    for a, b in ranges:
        if b <= a:
            continue
        sc = Scanner(fh, b, codec, full=False, cancel=cancel, layout=layout)
        for ch in chunks(fh, a, b, codec, cancel):
            sc._fast(ch)
        errors += sc.res.errors
        fatals += sc.res.fatals
    return errors, fatals
