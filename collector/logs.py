"""GBS.Market's logs: day folders, the error calendar, the files that belong to a chosen day.

Layout (GBS_MARKET.md): ``Logs\\yyyy-MM-dd\\{trace,error,performace,egais,ua_prro,backup}.log`` and
``CRPT_logs\\yyyy-MM-dd.log``. NLog lines ``dd.MM.yyyy HH:mm:ss.ffff | LEVEL | CallSite | message |
exception``; an entry may span lines (error.log serialises exceptions as multi-line JSON); a header
block per run. The running program keeps the day's files open and appends to them.

How files are read, and why:
- As bytes, in 1 MiB chunks cut at line ends: memory stays flat whatever the size. Only the
  analysis decodes; the bundle gets the file's bytes unchanged, or — when a file is cut to a size
  cap or a time window — byte ranges of it with marker lines between them.
- A file's size is taken once, when it is opened. What the program appends afterwards is left out,
  so the size announced to the bundle is exact and the counts match the bytes shipped.
- An entry counts as an error when a line *starts* with a timestamp followed by ``| ERROR |`` (or
  ``| FATAL |``): the same words inside an exception's JSON or a message do not count, and an
  entry spanning many lines counts once.
- Encodings: UTF-16 LE/BE with or without BOM (backup.log), UTF-8 with or without BOM, cp1251.
  The searched words are ASCII, so UTF-8 and cp1251 are searched as the same bytes, UTF-16 with
  its own; only preview lines and version lines are decoded.
- A day's error count is of distinct entries: trace.log repeats what error.log holds, so entries
  are keyed by (timestamp, level, call site) across the day's files.
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat as stat_mod
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from collector.errors import Cancelled, CollectorError, ExitCode
from collector.humanize import human_size, ru_date
from collector.i18n import _, plural
from collector.winsys.sharedfile import (
    NotARegularFile,
    file_identity,
    is_sharing_violation,
    open_shared,
)

if TYPE_CHECKING:
    from collector.installation import Installation

DAY_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
CRPT_FILE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.log$", re.IGNORECASE)
# A name that carries a date but is not the program's own: "2026-11-20 - копия", "20.11.2026".
ODD_DATE = re.compile(r"(?<!\d)(?:(\d{4})[-_. ](\d{1,2})[-_. ](\d{1,2})|(\d{1,2})[-_. ](\d{1,2})"
                      r"[-_. ](\d{4}))(?!\d)")
HEADER_VERSION = re.compile(r"Application ver\.\s*:\s*([0-9][0-9.]*[0-9])")
HEADER_BYTES = 4096

CHUNK = 1 << 20
MIN_CHUNK = 256  # an entry's timestamp and level (80 bytes in UTF-16) always fit in a chunk
PREVIEW_PER_FILE = 5
PREVIEW_TOTAL = 10
PREVIEW_BYTES = 64 * 1024
SNAP_BYTES = 64 * 1024  # how far to look for a line end when cutting a file
DEDUP_CAP = 100_000  # distinct error entries remembered per day (≈6 MB); beyond: approximate
MIN_FILE_CAP = 16 * 1024
MAX_AROUND = 7
MAX_DEPTH = 4
KIND_ORDER = ("trace", "error", "performace", "egais", "ua_prro", "backup")
MARKER_RESERVE = 1024  # characters kept free for the cut marker line

ProgressFn = Callable[[int, int], None]


class LogsError(CollectorError):
    """Bad input for the log functions (a date, a window, a size), explained in Russian."""

    exit_code = ExitCode.USAGE


class LogFileChanged(CollectorError):
    """A selected file was replaced or shortened between the selection and the bundle."""

    exit_code = ExitCode.STEP_FAILED


# --- encodings ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Patterns:
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


def _build_patterns(layout: str) -> _Patterns:
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
    return _Patterns(
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


_PATTERNS: dict[str, _Patterns] = {}


def _patterns(layout: str) -> _Patterns:
    if layout not in _PATTERNS:
        _PATTERNS[layout] = _build_patterns(layout)
    return _PATTERNS[layout]


@dataclass(frozen=True)
class _Codec:
    name: str  # as reported: utf-8, utf-8-sig, cp1251, utf-16-le, utf-16-be
    text: str  # Python codec for the content after the BOM
    bom: int
    pats: _Patterns

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


def _detect_codec(head: bytes) -> _Codec:
    if head.startswith(codecs.BOM_UTF16_LE):
        return _Codec("utf-16-le", "utf-16-le", 2, _patterns("le"))
    if head.startswith(codecs.BOM_UTF16_BE):
        return _Codec("utf-16-be", "utf-16-be", 2, _patterns("be"))
    if len(head) >= 4 and head[0] and not head[1] and head[2] and not head[3]:
        return _Codec("utf-16-le", "utf-16-le", 0, _patterns("le"))
    if len(head) >= 4 and not head[0] and head[1] and not head[2] and head[3]:
        return _Codec("utf-16-be", "utf-16-be", 0, _patterns("be"))
    if head.startswith(codecs.BOM_UTF8):
        return _Codec("utf-8-sig", "utf-8", 3, _patterns("8bit"))
    return _Codec("utf-8", "utf-8", 0, _patterns("8bit"))


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


# --- folders -----------------------------------------------------------------------------------
def day_folders(logs_dir: Path) -> dict[date, Path]:
    """Day folders by date; oddly named folders are ignored (see :func:`odd_folders`)."""
    days: dict[date, Path] = {}
    try:
        entries = list(os.scandir(logs_dir))
    except OSError:
        return days
    for entry in entries:
        m = DAY_FOLDER.match(entry.name)
        if not m:
            continue
        try:
            if not entry.is_dir():  # follows a link; a looping link is just not a folder
                continue
            days[date(int(m[1]), int(m[2]), int(m[3]))] = Path(entry.path)
        except (ValueError, OSError):
            continue
    return days


def crpt_files(crpt_dir: Path | None) -> dict[date, Path]:
    """``CRPT_logs\\yyyy-MM-dd.log`` by date."""
    found: dict[date, Path] = {}
    if crpt_dir is None:
        return found
    try:
        entries = list(os.scandir(crpt_dir))
    except OSError:
        return found
    for entry in entries:
        m = CRPT_FILE.match(entry.name)
        if not m:
            continue
        try:
            found[date(int(m[1]), int(m[2]), int(m[3]))] = Path(entry.path)
        except ValueError:
            continue
    return found


def odd_folders(logs_dir: Path) -> list[tuple[str, date | None]]:
    """Entries of ``Logs`` the program would not have made, with the date their name suggests."""
    odd: list[tuple[str, date | None]] = []
    try:
        entries = sorted(os.scandir(logs_dir), key=lambda e: e.name)
    except OSError:
        return odd
    for entry in entries:
        m = DAY_FOLDER.match(entry.name)
        if m:
            try:
                date(int(m[1]), int(m[2]), int(m[3]))
                if entry.is_dir():
                    continue
            except (ValueError, OSError):
                pass
        odd.append((entry.name, _date_in_name(entry.name)))
    return odd


def _date_in_name(name: str) -> date | None:
    m = ODD_DATE.search(name)
    if not m:
        return None
    try:
        if m[1]:
            return date(int(m[1]), int(m[2]), int(m[3]))
        return date(int(m[6]), int(m[5]), int(m[4]))
    except ValueError:
        return None


def days_with_logs(logs_dir: Path, crpt_dir: Path | None = None) -> list[date]:
    """Every day that has a day folder or a CRPT log, oldest first (a directory listing only)."""
    return sorted(set(day_folders(logs_dir)) | set(crpt_files(crpt_dir)))


def nearby_days(available: list[date], day: date, *, each_side: int = 3) -> list[date]:
    """The closest days with logs before and after ``day``."""
    before = [d for d in available if d < day][-each_side:]
    after = [d for d in available if d > day][:each_side]
    return before + after


# --- versions (used by installation.py) --------------------------------------------------------
def header_versions(path: Path) -> list[str]:
    """Versions named in the NLog header blocks at the start of a file."""
    try:
        with open_shared(path) as fh:
            head = fh.read(HEADER_BYTES) or b""
    except OSError:
        return []
    return HEADER_VERSION.findall(decode_head(head))


def newest_logged_version(logs_dir: Path) -> tuple[str, Path] | None:
    """The version written in the header of the newest log file, and that file."""
    for _day, folder in sorted(day_folders(logs_dir).items(), reverse=True):
        try:
            files = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            continue
        for f in files:
            versions = header_versions(f)
            if versions:
                return versions[-1], f
    return None


# --- formatting helpers ------------------------------------------------------------------------
def _key_of(dt: datetime) -> bytes:
    return f"{dt:%Y%m%d%H%M%S}{dt.microsecond * 10:07d}".encode("ascii")


def _ts_key(raw: bytes) -> bytes:
    """A matched timestamp (ASCII bytes, trailing space included) as ``YYYYMMDDhhmmssfffffff``,
    which sorts like the time it names."""
    dmy = raw[2:3] == b"."
    day = raw[6:10] + raw[3:5] + raw[0:2] if dmy else raw[0:4] + raw[5:7] + raw[8:10]
    frac = raw[20:-1] if len(raw) > 21 else b""
    return day + raw[11:13] + raw[14:16] + raw[17:19] + frac.ljust(7, b"0")[:7]


def _key_date(key: bytes) -> date | None:
    try:
        return date(int(key[0:4]), int(key[4:6]), int(key[6:8]))
    except ValueError:
        return None


def _key_text(key: bytes | None, day: date | None = None) -> str | None:
    """``14:03:12``, with the date in front when it is not ``day``."""
    if key is None:
        return None
    clock = f"{key[8:10].decode()}:{key[10:12].decode()}:{key[12:14].decode()}"
    kd = _key_date(key)
    if day is not None and kd is not None and kd != day:
        return f"{kd:%d.%m.%Y} {clock}"
    return clock


# --- chunked reading ---------------------------------------------------------------------------
def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def _rfind_aligned(buf: bytearray, needle: bytes, start: int, end: int, base: int,
                   unit: int) -> int:
    j = buf.rfind(needle, start, end)
    if unit == 1:
        return j
    while j >= 0 and (base + j) % 2:
        j = buf.rfind(needle, start, j + len(needle) - 1)
    return j


def _find_aligned(buf: bytearray | bytes, needle: bytes, start: int, end: int, base: int,
                  unit: int) -> int:
    j = buf.find(needle, start, end)
    if unit == 1:
        return j
    while j >= 0 and (base + j) % 2:
        j = buf.find(needle, j + 1, end)
    return j


@dataclass
class _Chunk:
    buf: bytearray
    base: int  # file offset of buf[0]
    end: int  # buf[:end] is valid
    starts_line: bool  # buf[0] begins a line (false only after a line longer than a chunk)
    last: bool


def _chunks(fh: BinaryIO, start: int, stop: int, codec: _Codec,
            cancel: threading.Event | None = None,
            advance: Callable[[int], None] | None = None) -> Iterator[_Chunk]:
    """The bytes ``[start, stop)`` of a file in chunks that end at a line end, reusing one buffer.
    A chunk is only valid until the next one is asked for."""
    unit, nl = codec.unit, codec.pats.nl
    size = max(CHUNK, MIN_CHUNK)
    buf = bytearray(size)
    view = memoryview(buf)
    fh.seek(start)
    pos = base = start
    carry = 0
    starts_line = True
    try:
        while True:
            _check_cancel(cancel)
            want = min(size - carry, stop - pos)
            got = 0
            while got < want:
                n = fh.readinto(view[carry + got: carry + want])
                if not n:
                    break
                got += n
            pos += got
            end = carry + got
            if advance is not None and got:
                advance(got)
            if pos >= stop or got < want:
                yield _Chunk(buf, base, end, starts_line, True)
                return
            j = _rfind_aligned(buf, nl, 0, end, base, unit)
            if j >= 0:
                cut, next_starts = j + len(nl), True
            else:  # one line longer than the whole chunk
                cut, next_starts = end - (end % unit), False
            yield _Chunk(buf, base, cut, starts_line, False)
            rest = end - cut
            if rest:
                buf[:rest] = buf[cut:end]
            carry, base, starts_line = rest, base + cut, next_starts
    finally:
        view.release()


def _line_start(ch: _Chunk, idx: int, codec: _Codec) -> int | None:
    """Index in the chunk where the line holding ``idx`` begins (after a BOM at the file start)."""
    nl = codec.pats.nl
    j = _rfind_aligned(ch.buf, nl, 0, idx, ch.base, codec.unit)
    if j >= 0:
        ls = j + len(nl)
    elif ch.starts_line:
        ls = 0
    else:
        return None
    if ch.base + ls < codec.bom:
        ls = codec.bom - ch.base
    return ls


# --- scanning one file -------------------------------------------------------------------------
KeySink = Callable[[str, str], None]


@dataclass
class _Gap:
    start: int
    end: int = -1
    entries: int = 0
    first: bytes | None = None
    last: bytes | None = None


@dataclass
class _Scan:
    size: int
    codec: _Codec
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
    gaps: list[_Gap] | None = None  # window: byte ranges left out, with what they held
    window_entries: int = 0


class _Scanner:
    """One pass over one file: counts, versions, preview positions, and for a time window the
    byte ranges inside it. ``full`` adds what a selection needs beyond the calendar's counts."""

    def __init__(self, fh: BinaryIO, size: int, codec: _Codec, *, full: bool,
                 window: tuple[bytes, bytes] | None = None, keys: KeySink | None = None,
                 preview: int = PREVIEW_PER_FILE, cancel: threading.Event | None = None,
                 advance: Callable[[int], None] | None = None) -> None:
        self.fh, self.codec, self.full, self.window = fh, codec, full, window
        self.keys, self.preview, self.cancel, self.advance = keys, preview, cancel, advance
        self.res = _Scan(size, codec)
        # window state: where the kept range being built began, a header block not yet decided
        self._open: int | None = 0
        self._pending_header: int | None = None
        self._gap: _Gap | None = None
        self._seen_entry = False  # header lines before the first entry stay with the file start

    def run(self) -> _Scan:
        res = self.res
        if res.size == 0:
            return res
        if self.window is not None:
            res.ranges, res.gaps = [], []
        for ch in _chunks(self.fh, 0, res.size, self.codec, self.cancel, self.advance):
            if self.window is None:
                self._fast(ch)
            else:
                self._windowed(ch)
            if self.full:
                self._versions(ch)
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
                    ls = _line_start(ch, ch.end, self.codec)
                    res.partial_entry = ls is not None and \
                        self.codec.pats.ts.match(ch.buf, ls, ch.end) is not None
        if self.window is not None:
            self._close(res.size)
        return res

    # counts without a window: the level words are rare, so a regex search over the chunk is
    # nearly as fast as grep, and each hit is checked to stand at a line start after a timestamp
    def _fast(self, ch: _Chunk) -> None:
        pats, unit = self.codec.pats, self.codec.unit
        buf = ch.buf
        for m in pats.level.finditer(buf, 0, ch.end):
            p = m.start()
            if unit == 2 and (ch.base + p) % 2:
                continue
            ls = _line_start(ch, p, self.codec)
            if ls is None:
                continue
            t = pats.ts.match(buf, ls, p)
            if t is None or t.end() != p:
                continue
            self._hit(ch, ls, m.end(), "ERROR" if m.group(1) == pats.error_word else "FATAL")

    def _hit(self, ch: _Chunk, ls: int, after_level: int, level: str) -> None:
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

    def _key(self, ch: _Chunk, ls: int, after_level: int) -> str:
        """Timestamp, level, call site and message: the same entry in trace.log and error.log
        (their lines differ only in how the exception is written, after the message)."""
        unit, pats, buf = self.codec.unit, self.codec.pats, ch.buf
        stop = min(ch.end, after_level + 1024 * unit)
        eol = _find_aligned(buf, pats.nl, after_level, stop, ch.base, unit)
        if eol >= 0:
            stop = eol
        end = after_level
        site = _find_aligned(buf, pats.sep, after_level + unit, stop, ch.base, unit)
        if site >= 0:
            message = _find_aligned(buf, pats.sep, site + len(pats.sep), stop, ch.base, unit)
            end = message if message >= 0 else site
        return self.codec.decode(buf[ls:end])

    # with a window every entry's time is read: entries are found by a newline followed by a
    # timestamp; lines between entries (exception JSON, footers) follow their entry
    def _windowed(self, ch: _Chunk) -> None:
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
            ls = _line_start(ch, h, self.codec)
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
            key = _ts_key(pats.ascii(raw))
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
                if buf.startswith(pats.error, end_ts):
                    self._hit(ch, pos, end_ts + len(pats.error), "ERROR")
                elif buf.startswith(pats.fatal, end_ts):
                    self._hit(ch, pos, end_ts + len(pats.fatal), "FATAL")
            else:
                if self._open is not None:
                    stop = self._pending_header if self._pending_header is not None else at
                    if stop > self._open:
                        res.ranges.append((self._open, stop))  # type: ignore[union-attr]
                    self._open = None
                    self._gap = _Gap(stop)
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

    def _versions(self, ch: _Chunk) -> None:
        pats, unit, res = self.codec.pats, self.codec.unit, self.res
        j = ch.buf.find(pats.version, 0, ch.end)
        while j >= 0:
            stop = min(ch.end, j + 200 * unit)
            e = _find_aligned(ch.buf, pats.nl, j, stop, ch.base, unit)
            m = HEADER_VERSION.search(self.codec.decode(ch.buf[j: e if e >= 0 else stop]))
            if m and m[1] not in res.versions:
                res.versions.append(m[1])
            j = ch.buf.find(pats.version, j + 1, ch.end)

    def _utf8(self, ch: _Chunk) -> None:
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

    def _first_last(self, ch: _Chunk) -> None:
        if self.window is not None:
            return
        pats, unit, res, buf = self.codec.pats, self.codec.unit, self.res, ch.buf
        if res.first_key is None:
            t = pats.ts.match(buf, max(0, self.codec.bom - ch.base), ch.end) \
                if ch.starts_line else None
            if t is not None:
                res.first_key = _ts_key(pats.ascii(t.group()))
            else:
                for m in pats.entry.finditer(buf, 0, ch.end):
                    if unit == 1 or (ch.base + m.start()) % 2 == 0:
                        res.first_key = _ts_key(pats.ascii(m.group(1)))
                        break
        # the last entry of the chunk: walk back line by line (usually one step)
        end = ch.end
        for _step in range(4096):
            j = _rfind_aligned(buf, pats.nl, 0, end, ch.base, unit)
            ls = j + len(pats.nl) if j >= 0 else (0 if ch.starts_line else -1)
            if ls < 0:
                break
            t = pats.ts.match(buf, max(ls, self.codec.bom - ch.base), ch.end)
            if t is not None:
                res.last_key = _ts_key(pats.ascii(t.group()))
                break
            if j < 0:
                break
            end = j


def _count_ranges(fh: BinaryIO, codec: _Codec, ranges: list[tuple[int, int]],
                  cancel: threading.Event | None) -> tuple[int, int]:
    """ERROR and FATAL entries inside byte ranges that start at line starts."""
    errors = fatals = 0
    for a, b in ranges:
        if b <= a:
            continue
        sc = _Scanner(fh, b, codec, full=False, cancel=cancel)
        for ch in _chunks(fh, a, b, codec, cancel):
            sc._fast(ch)
        errors += sc.res.errors
        fatals += sc.res.fatals
    return errors, fatals


# --- the calendar --------------------------------------------------------------------------------
@dataclass
class DayStats:
    """One day of logs: distinct ERROR/FATAL entries, files and their bytes."""

    day: date
    errors: int = 0
    fatals: int = 0
    files: int = 0
    bytes: int = 0
    unreadable: int = 0
    approximate: bool = False  # more than DEDUP_CAP errors: duplicates may be counted
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "errors": self.errors, "fatals": self.fatals,
                "files": self.files, "bytes": self.bytes, "unreadable": self.unreadable,
                "approximate": self.approximate, "problems": [str(p) for p in self.problems]}


class _DayCounter:
    def __init__(self, stats: DayStats) -> None:
        self.stats = stats
        self._seen: set[int] = set()

    def add(self, level: str, key: str) -> None:
        h = hash((level, key))
        if h in self._seen:
            return
        if len(self._seen) < DEDUP_CAP:
            self._seen.add(h)
        else:
            self.stats.approximate = True
        if level == "ERROR":
            self.stats.errors += 1
        else:
            self.stats.fatals += 1


class Calendar(dict[date, DayStats]):
    """``error_calendar``'s answer: a dict of the days that have logs, plus ``problems``
    (Russian) about the folders themselves and ``days_outside`` (logs dated after ``today``:
    the PC's clock was wrong at some point)."""

    problems: list[str]
    days_outside: list[date]
    first: date
    last: date


def error_calendar(logs_dir: Path, crpt_dir: Path | None, *, days: int = 30,
                   today: date | None = None, cancel: threading.Event | None = None,
                   progress: ProgressFn | None = None, show: Callable[[Path], str] = str
                   ) -> Calendar:
    """Distinct ERROR/FATAL entries per day for the ``days`` days ending ``today``.

    Only days that have logs are keys. Streams every file (1 MiB chunks); memory stays flat.
    ``progress(done_bytes, total_bytes)`` is called as files are read; ``cancel`` stops it
    (raises :class:`Cancelled`)."""
    if days < 1:
        raise LogsError(_("Число дней должно быть не меньше 1"))
    today = today or date.today()
    first = today - timedelta(days=days - 1)
    cal = Calendar()
    cal.problems, cal.days_outside, cal.first, cal.last = [], [], first, today
    if not logs_dir.is_dir():
        cal.problems.append(_("Папка журналов {path} не найдена: программа ещё не запускалась "
                              "на этом компьютере, или журналы удалены.", path=show(logs_dir)))
    folders = day_folders(logs_dir)
    crpt = crpt_files(crpt_dir)
    cal.days_outside = sorted(d for d in set(folders) | set(crpt) if d > today)
    if cal.days_outside:
        cal.problems.append(_("Есть журналы с датами позже сегодняшней ({days}): часы компьютера "
                              "были переведены неверно.",
                              days=", ".join(ru_date(d) for d in cal.days_outside[:5])))
    plan: list[tuple[DayStats, list[_Found]]] = []
    total = 0
    for d in sorted(set(folders) | set(crpt)):
        if not first <= d <= today:
            continue
        stats = DayStats(d)
        found, skipped = _day_files(d, folders.get(d), crpt.get(d), [logs_dir, crpt_dir], show)
        for s in skipped:
            stats.unreadable += 1
            stats.problems.append(_("{path}: {reason}", path=s.path, reason=s.reason))
        total += sum(f.size for f in found)
        plan.append((stats, found))
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    for stats, found in plan:
        counter = _DayCounter(stats)
        for f in found:
            try:
                with open_shared(f.path) as fh:
                    size = os.fstat(fh.fileno()).st_size
                    codec = _detect_codec(fh.read(8) or b"")
                    _Scanner(fh, size, codec, full=False, keys=counter.add, cancel=cancel,
                             advance=advance).run()
            except Cancelled:
                raise
            except OSError as exc:
                stats.unreadable += 1
                stats.problems.append(_("{path}: {reason}", path=show(f.path),
                                        reason=_os_reason(exc)))
                continue
            stats.files += 1
            stats.bytes += size
        cal[stats.day] = stats
    return cal


# --- selecting a day's files ------------------------------------------------------------------
@dataclass
class _Found:
    path: Path
    rel: str  # path inside the bundle's logs/ folder
    day: date
    kind: str
    size: int


@dataclass
class SkippedFile:
    path: str  # as the user knows it (Windows form)
    reason: str  # Russian

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": str(self.reason)}


def _os_reason(exc: OSError) -> str:
    if is_sharing_violation(exc):
        return _("файл занят другой программой и не даёт себя читать; закройте её и повторите")
    if isinstance(exc, NotARegularFile):
        return _("это не обычный файл (канал или устройство) — пропущен")
    if isinstance(exc, PermissionError):
        return _("нет доступа к файлу; запустите сборщик от имени администратора")
    if isinstance(exc, FileNotFoundError):
        return _("файл исчез во время чтения (программа его переименовала или удалила)")
    if exc.errno == errno.ELOOP:
        return _("ссылка зациклена (указывает сама на себя)")
    if isinstance(exc, IsADirectoryError):
        return _("это папка, а не файл")
    return _("файл не прочитан: {error}", error=exc.strerror or exc)


def _kind(name: str) -> str:
    stem = name.rsplit(".", 1)[0].lower()
    return stem if stem in KIND_ORDER else "other"


def _inside(target: Path, allowed: list[Path | None]) -> bool:
    for base in allowed:
        if base is None:
            continue
        try:
            if target.is_relative_to(Path(os.path.realpath(base))):
                return True
        except OSError:
            continue
    return False


def _day_files(day: date, folder: Path | None, crpt: Path | None,
               allowed: list[Path | None], show: Callable[[Path], str]
               ) -> tuple[list[_Found], list[SkippedFile]]:
    found: list[_Found] = []
    skipped: list[SkippedFile] = []
    if folder is not None:
        if folder.is_symlink() and not _inside(Path(os.path.realpath(folder)), allowed):
            skipped.append(SkippedFile(show(folder), _(
                "ссылка ведёт за пределы папки журналов ({target}) — не включена",
                target=os.path.realpath(folder))))
        else:
            _walk(folder, f"{day.isoformat()}/", day, 0, set(), found, skipped, allowed, show)
    if crpt is not None:
        _consider(Path(crpt), f"crpt/{day.isoformat()}.log", day, "crpt", found, skipped,
                  allowed, show)
    return found, skipped


def _walk(folder: Path, rel: str, day: date, depth: int, seen: set[tuple[int, int]],
          found: list[_Found], skipped: list[SkippedFile], allowed: list[Path | None],
          show: Callable[[Path], str]) -> None:
    try:
        st = os.stat(folder)
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        skipped.append(SkippedFile(show(folder), _("нет доступа к папке; запустите сборщик от "
                                                   "имени администратора")))
        return
    except OSError as exc:
        skipped.append(SkippedFile(show(folder), _os_reason(exc)))
        return
    for entry in entries:
        path = Path(entry.path)
        name = _archive_name(entry.name)
        try:
            if not entry.is_symlink() and entry.is_dir(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                if (st.st_dev, st.st_ino) in seen or depth + 1 >= MAX_DEPTH:
                    skipped.append(SkippedFile(show(path), _("вложенная папка пропущена: "
                                                             "слишком глубоко или по кругу")))
                    continue
                _walk(path, f"{rel}{name}/", day, depth + 1, seen, found, skipped, allowed,
                      show)
                continue
        except OSError as exc:
            skipped.append(SkippedFile(show(path), _os_reason(exc)))
            continue
        _consider(path, rel + name, day, _kind(entry.name), found, skipped, allowed, show)


def _consider(path: Path, rel: str, day: date, kind: str, found: list[_Found],
              skipped: list[SkippedFile], allowed: list[Path | None],
              show: Callable[[Path], str]) -> None:
    try:
        link = path.is_symlink()
        st = os.stat(path)  # follows a link; ELOOP for a loop
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and path.is_symlink():
            reason = _("ссылка ведёт на несуществующий файл")
        else:
            reason = _os_reason(exc)
        skipped.append(SkippedFile(show(path), reason))
        return
    if stat_mod.S_ISDIR(st.st_mode):
        skipped.append(SkippedFile(show(path), _("ссылка на папку не открывается (защита от "
                                                 "зацикливания)")))
        return
    if not stat_mod.S_ISREG(st.st_mode):
        skipped.append(SkippedFile(show(path), _("это не обычный файл (канал или устройство) — "
                                                 "пропущен")))
        return
    if link:
        target = Path(os.path.realpath(path))
        if not _inside(target, allowed):
            skipped.append(SkippedFile(show(path), _("ссылка ведёт за пределы папки журналов "
                                                     "({target}) — не включена",
                                                     target=target)))
            return
    found.append(_Found(path, rel, day, kind, st.st_size))


def _archive_name(name: str) -> str:
    """A file name safe inside a 7z on Windows: no separators, no control characters."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in name).strip()
    return cleaned.rstrip(". ") or "_"


# --- the bundle's view of a file ---------------------------------------------------------------
Piece = tuple[int, int] | bytes  # a byte range of the source, or marker text


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


@dataclass
class LogFile:
    """One file of the selection; ``open_for_bundle()`` streams what goes into the bundle."""

    source: Path
    source_windows: str
    archive_path: str  # logs/2026-11-20/trace.log, logs/crpt/2026-11-20.log
    day: date
    kind: str  # trace | error | performace | egais | ua_prro | backup | crpt | other
    size: int  # bytes of the file when it was read
    bundle_size: int  # bytes open_for_bundle() yields: == size unless cut
    encoding: str
    lines: int
    errors: int  # ERROR entries in what was selected (the time window, when given)
    fatals: int
    versions: list[str]
    first_errors: list[ErrorPreview]
    first_time: str | None
    last_time: str | None
    modified: datetime | None
    cut: str | None = None  # Russian: what was left out and why
    notes: list[str] = field(default_factory=list)  # Russian: file still being written, …
    pieces: list[Piece] = field(default_factory=list, repr=False)
    identity: tuple[int, int] = (0, 0)

    def open_for_bundle(self) -> BinaryIO:
        """A seekable binary stream of exactly ``bundle_size`` bytes, read with sharing: the
        file's own bytes, or for a cut file its kept ranges and marker lines. Raises
        :class:`LogFileChanged` if the file was replaced or shortened since it was selected."""
        return _PlanReader(self)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source_windows, "archive_path": self.archive_path,
            "day": self.day.isoformat(), "kind": self.kind, "size": self.size,
            "bundle_size": self.bundle_size, "encoding": self.encoding, "lines": self.lines,
            "errors": self.errors, "fatals": self.fatals, "versions": self.versions,
            "first_time": self.first_time, "last_time": self.last_time,
            "modified": self.modified.isoformat(timespec="seconds") if self.modified else None,
            "cut": str(self.cut) if self.cut else None, "notes": [str(n) for n in self.notes],
            "first_errors": [e.to_json() for e in self.first_errors],
        }


class _PlanReader(io.BufferedIOBase):
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
                                   path=lf.source_windows, reason=_os_reason(exc))) from exc
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

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

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


# --- the selection -------------------------------------------------------------------------------
@dataclass
class LogSelection:
    """The files that belong to a day (and the days around it), ready for the bundle."""

    day: date
    days: list[date]
    window: tuple[datetime, datetime] | None
    max_file_bytes: int | None
    files: list[LogFile]
    skipped: list[SkippedFile]
    problems: list[str]  # Russian, for the user
    nearby_days: list[date]  # days that do have logs, when ``day`` has none
    day_stats: dict[date, DayStats]
    first_errors: list[ErrorPreview]

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def bundle_bytes(self) -> int:
        return sum(f.bundle_size for f in self.files)

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.day_stats.values())

    @property
    def fatals(self) -> int:
        return sum(s.fatals for s in self.day_stats.values())

    @property
    def versions(self) -> list[str]:
        seen: list[str] = []
        for f in self.files:
            seen += [v for v in f.versions if v not in seen]
        return seen

    @property
    def found(self) -> bool:
        return bool(self.files)

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "days": [d.isoformat() for d in self.days],
            "window": None if self.window is None else {
                "from": self.window[0].isoformat(), "to": self.window[1].isoformat()},
            "max_file_bytes": self.max_file_bytes,
            "files": [f.to_json() for f in self.files],
            "skipped": [s.to_json() for s in self.skipped],
            "problems": [str(p) for p in self.problems],
            "nearby_days": [d.isoformat() for d in self.nearby_days],
            "day_stats": {d.isoformat(): s.to_json() for d, s in sorted(self.day_stats.items())},
            "total_bytes": self.total_bytes,
            "bundle_bytes": self.bundle_bytes,
            "errors": self.errors,
            "fatals": self.fatals,
            "versions": self.versions,
            "first_errors": [e.to_json() for e in self.first_errors],
        }


def window_interval(day: date, window: tuple[time, time]) -> tuple[datetime, datetime]:
    """Both ends inclusive; a window whose end is before its start runs past midnight."""
    start, end = datetime.combine(day, window[0]), datetime.combine(day, window[1])
    if end < start:
        end += timedelta(days=1)
    return start, end


def select_logs(inst: Installation, day: date, *, around: int = 0,
                window: tuple[time, time] | None = None, max_file_bytes: int | None = None,
                preview: int = PREVIEW_PER_FILE, cancel: threading.Event | None = None,
                progress: ProgressFn | None = None) -> LogSelection:
    """The log files of ``day`` (and ``around`` days each side) of an installation.

    ``window``: keep only entries between two times of ``day`` (both inclusive; an end before the
    start runs past midnight into the next day). ``max_file_bytes``: a larger file keeps its head
    and its tail with a marker line saying what was cut. Nothing is written anywhere."""
    root = getattr(inst, "_root", None)
    return select_day_logs(inst.logs_dir, inst.crpt_logs_dir, day, around=around, window=window,
                           max_file_bytes=max_file_bytes, preview=preview, cancel=cancel,
                           progress=progress, show=root.windows_path if root else str)


def select_day_logs(logs_dir: Path, crpt_dir: Path | None, day: date, *, around: int = 0,
                    window: tuple[time, time] | None = None,
                    max_file_bytes: int | None = None, preview: int = PREVIEW_PER_FILE,
                    cancel: threading.Event | None = None, progress: ProgressFn | None = None,
                    show: Callable[[Path], str] = str) -> LogSelection:
    """:func:`select_logs` for a logs folder and a CRPT folder given directly."""
    if not 0 <= around <= MAX_AROUND:
        raise LogsError(_("Дни вокруг выбранного: от 0 до {max}", max=MAX_AROUND))
    if max_file_bytes is not None and max_file_bytes < MIN_FILE_CAP:
        raise LogsError(_("Предел размера файла слишком мал: нужно не меньше {min}",
                          min=human_size(MIN_FILE_CAP)))
    interval = window_interval(day, window) if window else None
    days = {day + timedelta(days=k) for k in range(-around, around + 1)}
    windowed: set[date] = set()
    if interval is not None:
        d = interval[0].date()
        while d <= interval[1].date():
            windowed.add(d)
            d += timedelta(days=1)
        days |= windowed
    ordered = sorted(days)
    folders = day_folders(logs_dir)
    crpt = crpt_files(crpt_dir)
    problems: list[str] = []
    found: list[_Found] = []
    skipped: list[SkippedFile] = []
    stats = {d: DayStats(d) for d in ordered if d in folders or d in crpt}
    for d in ordered:
        f, s = _day_files(d, folders.get(d), crpt.get(d), [logs_dir, crpt_dir], show)
        found += f
        skipped += s
        if s:
            stats[d].unreadable += len(s)
        if d != day and d not in folders and d not in crpt:
            problems.append(_("За {date} журналов нет.", date=ru_date(d)))
    for name, suggested in odd_folders(logs_dir):
        if suggested in days:
            problems.append(_("В папке журналов есть «{name}» — похоже на журналы за {date}, "
                              "но программа так не называет свои папки (это копия?). Она не "
                              "включена.", name=name, date=ru_date(suggested)))
    nearby: list[date] = []
    if not logs_dir.is_dir():
        problems.insert(0, _("Папка журналов {path} не найдена: программа ещё не запускалась на "
                             "этом компьютере, или журналы удалены.", path=show(logs_dir)))
    elif day not in folders and day not in crpt:
        problems[:0] = _missing_day(logs_dir, day, folders, crpt, show)
    if day not in folders and day not in crpt:
        nearby = nearby_days(sorted(set(folders) | set(crpt)), day)
    counters = {d: _DayCounter(s) for d, s in stats.items()}
    total = sum(f.size for f in found)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    files: list[LogFile] = []
    for f in sorted(found, key=_file_order):
        lo_hi = None
        if interval is not None and f.day in windowed:
            lo_hi = (_key_of(interval[0]), _key_of(interval[1]))
        try:
            lf = _read_log_file(f, lo_hi, max_file_bytes, preview,
                                counters[f.day].add if f.day in counters else None,
                                cancel, advance, show, interval)
        except Cancelled:
            raise
        except OSError as exc:
            skipped.append(SkippedFile(show(f.path), _os_reason(exc)))
            if f.day in stats:
                stats[f.day].unreadable += 1
            continue
        files.append(lf)
        if f.day in stats:
            stats[f.day].files += 1
            stats[f.day].bytes += lf.size
    for s in skipped:
        problems.append(_("{path} не включён: {reason}", path=s.path, reason=s.reason))
    if not files and not skipped and (day in folders or day in crpt):
        problems.append(_("Папка за {date} пуста.", date=ru_date(day)))
    return LogSelection(day, ordered, interval, max_file_bytes, files, skipped, problems, nearby,
                        stats, _merge_previews(files))


def _missing_day(logs_dir: Path, day: date, folders: dict[date, Path], crpt: dict[date, Path],
                 show: Callable[[Path], str]) -> list[str]:
    available = sorted(set(folders) | set(crpt))
    if not available:
        return [_("В папке журналов {path} нет ни одного дня.", path=show(logs_dir))]
    near = nearby_days(available, day)
    return [_("За {date} журналов нет (папки {path} нет): в этот день программа не запускалась "
              "или журналы уже удалены. Ближайшие дни с журналами: {days}.",
              date=ru_date(day), path=show(logs_dir / day.isoformat()),
              days=", ".join(ru_date(d) for d in near))]


def _file_order(f: _Found) -> tuple:
    kind = f.kind
    rank = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER) + (kind == "crpt")
    return (f.day, kind == "crpt", rank, f.rel.casefold())


def _read_log_file(f: _Found, window: tuple[bytes, bytes] | None, cap: int | None, preview: int,
                   keys: KeySink | None, cancel: threading.Event | None,
                   advance: Callable[[int], None], show: Callable[[Path], str],
                   interval: tuple[datetime, datetime] | None) -> LogFile:
    with open_shared(f.path) as fh:
        st = os.fstat(fh.fileno())
        size = st.st_size
        head = fh.read(min(size, HEADER_BYTES)) or b""
        codec = _detect_codec(head)
        res = _Scanner(fh, size, codec, full=True, window=window, keys=keys, preview=preview,
                       cancel=cancel, advance=advance).run()
        if codec.unit == 1 and codec.bom == 0 and not res.utf8_ok:
            codec = _Codec("cp1251", "cp1251", 0, codec.pats)
        grown = os.fstat(fh.fileno()).st_size
        notes: list[str] = []
        if size == 0:
            notes.append(_("пустой файл (0 байт): программа ещё ничего в него не записала"))
        if grown > size:
            notes.append(_("файл дописывается программой прямо сейчас: взято {size} на момент "
                           "чтения", size=human_size(size)))
        elif res.shrank:
            notes.append(_("файл стал короче во время чтения"))
        if size and res.partial_entry:
            notes.append(_("последняя запись не дописана: программа писала в файл в момент "
                           "чтения"))
        eol = "\r\n" if codec.encode("\r\n") in head else "\n"
        pieces: list[Piece] = [(0, size)] if size else []
        cut_notes: list[str] = []
        if window is not None and res.ranges is not None and res.gaps is not None:
            pieces = _window_pieces(res, codec, eol, f.day)
            kept = _plan_size(pieces)
            if res.window_entries:
                cut_notes.append(_("оставлены записи с {start} по {end}: {kept} из {size}",
                                   start=_dt_text(interval[0], f.day),  # type: ignore[index]
                                   end=_dt_text(interval[1], f.day),  # type: ignore[index]
                                   kept=human_size(kept), size=human_size(size)))
            else:
                cut_notes.append(_("в выбранное время записей нет; оставлен только заголовок "
                                   "({kept})", kept=human_size(kept)))
        if _plan_size(pieces) >= size:  # the window held it all, or markers cost more
            pieces, cut_notes = ([(0, size)] if size else []), []
        if cap is not None and _plan_size(pieces) > cap:
            pieces, note = _cut_head_tail(fh, pieces, cap, codec, eol, res, f, cancel)
            cut_notes.append(note)
        previews = [_preview(fh, codec, off, line, level, f, size)
                    for off, line, level in res.hits]
    mtime = datetime.fromtimestamp(st.st_mtime).astimezone()
    return LogFile(
        source=f.path, source_windows=show(f.path), archive_path=f"logs/{f.rel}", day=f.day,
        kind=f.kind, size=size, bundle_size=_plan_size(pieces),
        encoding=codec.name if size else "—", lines=res.lines, errors=res.errors,
        fatals=res.fatals, versions=res.versions, first_errors=[p for p in previews if p],
        first_time=_key_text(res.first_key, f.day), last_time=_key_text(res.last_key, f.day),
        modified=mtime, cut="; ".join(cut_notes) or None, notes=notes, pieces=pieces,
        identity=file_identity(st),
    )


def _span(first: bytes | None, last: bytes | None, day: date) -> str:
    a, b = _key_text(first, day), _key_text(last, day)
    return a or "" if a == b else f"{a}–{b}"


def _dt_text(dt: datetime, day: date) -> str:
    return dt.strftime("%H:%M:%S") if dt.date() == day else dt.strftime("%d.%m.%Y %H:%M:%S")


def _plan_size(pieces: list[Piece]) -> int:
    return sum(len(p) if isinstance(p, bytes) else p[1] - p[0] for p in pieces)


def _marker(codec: _Codec, eol: str, text: str) -> bytes:
    return codec.encode(f"----- GBS Support Collector: {text} -----{eol}")


def _window_pieces(res: _Scan, codec: _Codec, eol: str, day: date) -> list[Piece]:
    items: list[tuple[int, Piece]] = [(a, (a, b)) for a, b in res.ranges or []]
    for g in res.gaps or []:
        if g.end <= g.start:
            continue
        if g.entries:
            span = f" ({_span(g.first, g.last, day)})"
            what = _("пропущено {entries} вне выбранного времени{span}, {size}",
                     entries=plural(g.entries, "запись", "записи", "записей"), span=span,
                     size=human_size(g.end - g.start))
        else:
            what = _("пропущено {size} вне выбранного времени", size=human_size(g.end - g.start))
        items.append((g.start, _marker(codec, eol, what)))
    items.sort(key=lambda it: (it[0], not isinstance(it[1], bytes)))
    return [p for _pos, p in items]


def _read_at(fh: BinaryIO, start: int, end: int) -> bytes:
    fh.seek(start)
    return fh.read(max(0, end - start)) or b""


def _snap_back(fh: BinaryIO, pos: int, floor: int, codec: _Codec) -> int:
    """The last line end at or before ``pos`` (not before ``floor``)."""
    lo = max(floor, pos - SNAP_BYTES)
    data = bytearray(_read_at(fh, lo, pos))
    j = _rfind_aligned(data, codec.pats.nl, 0, len(data), lo, codec.unit)
    if j >= 0:
        return lo + j + len(codec.pats.nl)
    return pos - (pos % codec.unit)


def _snap_forward(fh: BinaryIO, pos: int, ceiling: int, codec: _Codec) -> int:
    """The next entry start at or after ``pos`` (else the next line start), before ``ceiling``."""
    hi = min(ceiling, pos + SNAP_BYTES)
    data = _read_at(fh, pos, hi)
    for m in codec.pats.entry.finditer(data):
        if codec.unit == 1 or (pos + m.start()) % 2 == 0:
            return pos + m.start(1)
    j = _find_aligned(data, codec.pats.nl, 0, len(data), pos, codec.unit)
    if j >= 0:
        return pos + j + len(codec.pats.nl)
    return min(ceiling, pos + (pos % codec.unit))


def _edge_key(fh: BinaryIO, start: int, end: int, codec: _Codec, last: bool) -> bytes | None:
    if last:
        start = max(start, end - SNAP_BYTES)
    else:
        end = min(end, start + SNAP_BYTES)
    data = _read_at(fh, start, end)
    keys = []
    t = codec.pats.ts.match(data)
    if t is not None:
        keys.append(_ts_key(codec.pats.ascii(t.group())))
    for m in codec.pats.entry.finditer(data):
        if codec.unit == 1 or (start + m.start()) % 2 == 0:
            keys.append(_ts_key(codec.pats.ascii(m.group(1))))
            if not last:
                break
    if not keys:
        return None
    return keys[-1] if last else keys[0]


def _cut_head_tail(fh: BinaryIO, pieces: list[Piece], cap: int, codec: _Codec, eol: str,
                   res: _Scan, f: _Found, cancel: threading.Event | None
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
    errors, fatals = _count_ranges(fh, codec, cut_ranges, cancel)
    first = _edge_key(fh, cut_ranges[0][0], cut_ranges[0][1], codec, False) if cut_ranges \
        else None
    last = _edge_key(fh, cut_ranges[-1][0], cut_ranges[-1][1], codec, True) if cut_ranges \
        else None
    span = f" ({_span(first, last, f.day)})" if first and last else ""
    hint = _("; все ошибки дня есть в error.log") if f.kind == "trace" and errors + fatals else ""
    marker = _marker(codec, eol, _(
        "файл больше {cap}, поэтому вырезана середина: {cut}{span}; в ней ошибок ERROR: "
        "{errors}, FATAL: {fatals}{hint}. Исходный размер {size}.",
        cap=human_size(cap), cut=human_size(cut_bytes), span=span, errors=errors,
        fatals=fatals, hint=hint, size=human_size(res.size)))
    plan = [*head, marker, *tail]
    note = _("файл больше {cap}: оставлены начало и конец, вырезано {cut}{span}, в том числе "
             "ошибок: {errors}", cap=human_size(cap), cut=human_size(cut_bytes), span=span,
             errors=errors + fatals)
    return plan, note


def _preview(fh: BinaryIO, codec: _Codec, offset: int, line: int, level: str, f: _Found,
             size: int) -> ErrorPreview | None:
    data = _read_at(fh, offset, min(size, offset + PREVIEW_BYTES))
    pats = codec.pats
    stop = len(data)
    for m in pats.entry.finditer(data):
        if codec.unit == 1 or (offset + m.start()) % 2 == 0:
            stop = m.start()
            break
    nl = _find_aligned(data, pats.nl, 0, stop, offset, codec.unit)
    first = codec.decode(data[: nl if nl >= 0 else stop]).rstrip("\r\n")
    rest = codec.decode(data[nl + len(pats.nl): stop]) if nl >= 0 else ""
    t = pats.ts.match(data)
    if t is None:
        return None
    key = _ts_key(pats.ascii(t.group()))
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


def _merge_previews(files: list[LogFile]) -> list[ErrorPreview]:
    """The first errors of the selection, once each (error.log's copy has the exception)."""
    best: dict[tuple[bytes, str, str], ErrorPreview] = {}
    for f in sorted(files, key=lambda f: f.kind != "error"):
        for p in f.first_errors:
            k = (p.key, p.level, p.callsite)
            if k not in best or (p.exception and len(p.exception) > len(best[k].exception or "")):
                best[k] = p
    return sorted(best.values(), key=lambda p: p.key)[:PREVIEW_TOTAL]
