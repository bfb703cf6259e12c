"""The bundle's view of a file: byte ranges of it and marker lines between them, for a time
window or a size cap, served as one seekable stream.

A file's size is taken once, when it is opened. What the program appends afterwards is left out,
so the size announced to the bundle is exact and the counts match the bytes shipped.
"""

from __future__ import annotations

import io
import os
import threading
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from collector.humanize import human_size
from collector.i18n import _, plural
from collector.logs.encoding import Codec
from collector.logs.errors import LogFileChanged
from collector.logs.folders import Found, os_reason
from collector.logs.layouts import key_text, layout_of, ts_key
from collector.logs.reading import CHUNK, find_aligned, read_at, rfind_aligned
from collector.logs.scan import Scan, count_ranges
from collector.seekable import SeekablePosition
from collector.winsys.sharedfile import file_identity, open_shared

if TYPE_CHECKING:
    from collector.logs.selection import LogFile

SNAP_BYTES = 64 * 1024  # how far to look for a line end when cutting a file
MARKER_RESERVE = 1024  # characters kept free for the cut marker line


Piece = tuple[int, int] | bytes  # a byte range of the source, or marker text


class PlanReader(SeekablePosition, io.BufferedIOBase):
    """Serves a file's plan: byte ranges of the source and marker texts, seekable (py7zr's
    ``writef`` asks for the size by seeking to the end)."""

    def __init__(self, lf: LogFile) -> None:
        super().__init__()
        self._lf = lf
        self._pos = 0
        self._fh: BinaryIO | None = None
        self._starts: list[int] = []
        total = 0
        for p in lf.pieces:
            self._starts.append(total)
            total += len(p) if isinstance(p, bytes) else p[1] - p[0]
        self._size = total
        if any(not isinstance(p, bytes) for p in lf.pieces):
            self._fh = self._open()

    def _open(self) -> BinaryIO:
        lf = self._lf
        try:
            fh = open_shared(lf.source)
        except OSError as exc:
            raise LogFileChanged(_("Файл {path} не удалось открыть снова: {reason}",
                                   path=lf.source_windows, reason=os_reason(exc))) from exc
        st = os.fstat(fh.fileno())
        if lf.identity != (0, 0) and file_identity(st) != lf.identity:
            fh.close()
            raise LogFileChanged(_("Файл {path} заменён новым после проверки (программа начала "
                                   "новый журнал); выберите журналы заново.",
                                   path=lf.source_windows))
        if st.st_size < lf.size:
            fh.close()
            raise LogFileChanged(_("Файл {path} стал короче после проверки ({was} → {now}); "
                                   "выберите журналы заново.", path=lf.source_windows,
                                   was=lf.size, now=st.st_size))
        return fh

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            size = self._size - self._pos
        out = bytearray()
        while len(out) < size and self._pos < self._size:
            out += self._read_some(size - len(out))
        return bytes(out)

    read1 = read

    def readinto(self, b: Any) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def _read_some(self, want: int) -> bytes:
        import bisect

        i = bisect.bisect_right(self._starts, self._pos) - 1
        piece, inner = self._lf.pieces[i], self._pos - self._starts[i]
        if isinstance(piece, bytes):
            data = piece[inner: inner + want]
        else:
            a, b = piece
            n = min(want, b - a - inner, CHUNK)
            assert self._fh is not None
            self._fh.seek(a + inner)
            data = self._fh.read(n) or b""
            if len(data) < n:
                raise LogFileChanged(_("Файл {path} стал короче во время упаковки; выберите "
                                       "журналы заново.", path=self._lf.source_windows))
        self._pos += len(data)
        return data

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        super().close()


def span_text(first: bytes | None, last: bytes | None, day: date) -> str:
    a, b = key_text(first, day), key_text(last, day)
    return a or "" if a == b else f"{a}–{b}"


def dt_text(dt: datetime, day: date) -> str:
    return dt.strftime("%H:%M:%S") if dt.date() == day else dt.strftime("%d.%m.%Y %H:%M:%S")


def plan_size(pieces: list[Piece]) -> int:
    return sum(len(p) if isinstance(p, bytes) else p[1] - p[0] for p in pieces)


def marker_line(codec: Codec, eol: str, text: str) -> bytes:
    return codec.encode(f"----- GBS Support Collector: {text} -----{eol}")


def window_pieces(res: Scan, codec: Codec, eol: str, day: date) -> list[Piece]:
    items: list[tuple[int, Piece]] = [(a, (a, b)) for a, b in res.ranges or []]
    for g in res.gaps or []:
        if g.end <= g.start:
            continue
        if g.entries:
            span = f" ({span_text(g.first, g.last, day)})"
            what = _("пропущено {entries} вне выбранного времени{span}, {size}",
                     entries=plural(g.entries, "запись", "записи", "записей"), span=span,
                     size=human_size(g.end - g.start))
        else:
            what = _("пропущено {size} вне выбранного времени", size=human_size(g.end - g.start))
        items.append((g.start, marker_line(codec, eol, what)))
    items.sort(key=lambda it: (it[0], not isinstance(it[1], bytes)))
    return [p for _pos, p in items]


def _snap_back(fh: BinaryIO, pos: int, floor: int, codec: Codec) -> int:
    """The last line end at or before ``pos`` (not before ``floor``)."""
    lo = max(floor, pos - SNAP_BYTES)
    data = bytearray(read_at(fh, lo, pos))
    j = rfind_aligned(data, codec.pats.nl, 0, len(data), lo, codec.unit)
    if j >= 0:
        return lo + j + len(codec.pats.nl)
    return pos - (pos % codec.unit)


def _snap_forward(fh: BinaryIO, pos: int, ceiling: int, codec: Codec) -> int:
    """The next entry start at or after ``pos`` (else the next line start), before ``ceiling``."""
    hi = min(ceiling, pos + SNAP_BYTES)
    data = read_at(fh, pos, hi)
    for m in codec.pats.entry.finditer(data):
        if codec.unit == 1 or (pos + m.start()) % 2 == 0:
            return pos + m.start(1)
    j = find_aligned(data, codec.pats.nl, 0, len(data), pos, codec.unit)
    if j >= 0:
        return pos + j + len(codec.pats.nl)
    return min(ceiling, pos + (pos % codec.unit))


def _edge_key(fh: BinaryIO, start: int, end: int, codec: Codec, last: bool) -> bytes | None:
    if last:
        start = max(start, end - SNAP_BYTES)
    else:
        end = min(end, start + SNAP_BYTES)
    data = read_at(fh, start, end)
    keys = []
    t = codec.pats.ts.match(data)
    if t is not None:
        keys.append(ts_key(codec.pats.ascii(t.group())))
    for m in codec.pats.entry.finditer(data):
        if codec.unit == 1 or (start + m.start()) % 2 == 0:
            keys.append(ts_key(codec.pats.ascii(m.group(1))))
            if not last:
                break
    if not keys:
        return None
    return keys[-1] if last else keys[0]


def cut_head_tail(fh: BinaryIO, pieces: list[Piece], cap: int, codec: Codec, eol: str,
                   res: Scan, f: Found, cancel: threading.Event | None
                   ) -> tuple[list[Piece], str]:
    """Keep about half of ``cap`` from the start and half from the end, at line boundaries, and
    put one marker line between them saying what was cut (and how many errors it held)."""
    budget = cap - MARKER_RESERVE * codec.unit * 2
    head_budget = budget // 2
    tail_budget = budget - head_budget
    sizes = [len(p) if isinstance(p, bytes) else p[1] - p[0] for p in pieces]
    # pieces[:i] go whole into the head, piece i is split (or dropped, a marker)
    acc_h = i = 0
    while i < len(pieces) and acc_h + sizes[i] <= head_budget:
        acc_h += sizes[i]
        i += 1
    # pieces[j+1:] go whole into the tail, piece j is split
    acc_t, j = 0, len(pieces) - 1
    while j > i and acc_t + sizes[j] <= tail_budget:
        acc_t += sizes[j]
        j -= 1
    head, tail = list(pieces[:i]), list(pieces[j + 1:])
    h = t = None
    pi = pieces[i]
    if not isinstance(pi, bytes):
        h = _snap_back(fh, pi[0] + head_budget - acc_h, pi[0], codec)
        if h > pi[0]:
            head.append((pi[0], h))
    pj = pieces[j]
    if not isinstance(pj, bytes):
        floor = h if (j == i and h is not None) else pj[0]
        t = _snap_forward(fh, max(floor, pj[1] - (tail_budget - acc_t)), pj[1], codec)
        if t < pj[1]:
            tail.insert(0, (t, pj[1]))
    cut_ranges: list[tuple[int, int]] = []
    for k in range(i, j + 1):
        p = pieces[k]
        if isinstance(p, bytes):
            continue
        a, b = p
        if k == i and h is not None:
            a = h
        if k == j and t is not None:
            b = t
        if b > a:
            cut_ranges.append((a, b))
    cut_bytes = sum(b - a for a, b in cut_ranges)
    errors, fatals = count_ranges(fh, codec, cut_ranges, cancel, layout_of(f.kind))
    first = _edge_key(fh, cut_ranges[0][0], cut_ranges[0][1], codec, False) if cut_ranges \
        else None
    last = _edge_key(fh, cut_ranges[-1][0], cut_ranges[-1][1], codec, True) if cut_ranges \
        else None
    span = f" ({span_text(first, last, f.day)})" if first and last else ""
    hint = _("; все ошибки дня есть в error.log") if f.kind == "trace" and errors + fatals else ""
    marker = marker_line(codec, eol, _(
        "файл больше {cap}, поэтому вырезана середина: {cut}{span}; в ней ошибок ERROR: "
        "{errors}, FATAL: {fatals}{hint}. Исходный размер {size}.",
        cap=human_size(cap), cut=human_size(cut_bytes), span=span, errors=errors,
        fatals=fatals, hint=hint, size=human_size(res.size)))
    plan = [*head, marker, *tail]
    note = _("файл больше {cap}: оставлены начало и конец, вырезано {cut}{span}, в том числе "
             "ошибок: {errors}", cap=human_size(cap), cut=human_size(cut_bytes), span=span,
             errors=errors + fatals)
    return plan, note
