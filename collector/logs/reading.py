"""Reading a file as bytes, in 1 MiB chunks cut at line ends: memory stays flat whatever the
size. A chunk's positions stay aligned to the encoding's code unit (two bytes in UTF-16)."""

from __future__ import annotations

import os
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from collector.errors import Cancelled
from collector.logs.encoding import Codec
from collector.winsys.sharedfile import open_shared

CHUNK = 1 << 20
MIN_CHUNK = 256  # an entry's timestamp and level (80 bytes in UTF-16) always fit in a chunk


@dataclass
class Content:
    """A log file opened for reading: the stream of its text's bytes and their size. For the zip
    the program makes of a past day's CRPT log, the log inside it (``member``)."""

    fh: BinaryIO
    size: int
    stat: os.stat_result
    member: str | None = None

    def scaled(self, advance: Callable[[int], None] | None) -> Callable[[int], None] | None:
        """``advance`` in bytes of the file on disk while the text inside a zip is read."""
        if advance is None or self.member is None or not self.size:
            return advance
        ratio = self.stat.st_size / self.size
        return lambda n: advance(round(n * ratio))


class NotALogZip(OSError):
    """A ``.zip`` in CRPT_logs that holds no log."""


@contextmanager
def open_content(path: Path) -> Iterator[Content]:
    """Open a log file with sharing (the program keeps it open); a ``.zip`` is read inside."""
    with open_shared(path) as raw:
        st = os.fstat(raw.fileno())
        if not path.name.lower().endswith(".zip"):
            yield Content(raw, st.st_size, st)
            return
        try:
            z = zipfile.ZipFile(raw)
        except zipfile.BadZipFile as exc:
            raise NotALogZip(0, str(exc)) from exc
        with z:
            infos = [i for i in z.infolist() if not i.is_dir()]
            info = next((i for i in infos if "log" in i.filename.rsplit(".", 1)[-1].lower()),
                        infos[0] if infos else None)
            if info is None:
                raise NotALogZip(0, "empty zip")
            with z.open(info) as member:
                yield Content(member, info.file_size, st, info.filename)


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def rfind_aligned(buf: bytearray, needle: bytes, start: int, end: int, base: int,
                  unit: int) -> int:
    j = buf.rfind(needle, start, end)
    if unit == 1:
        return j
    while j >= 0 and (base + j) % 2:
        j = buf.rfind(needle, start, j + len(needle) - 1)
    return j


def find_aligned(buf: bytearray | bytes, needle: bytes, start: int, end: int, base: int,
                 unit: int) -> int:
    j = buf.find(needle, start, end)
    if unit == 1:
        return j
    while j >= 0 and (base + j) % 2:
        j = buf.find(needle, j + 1, end)
    return j


@dataclass
class Chunk:
    buf: bytearray
    base: int  # file offset of buf[0]
    end: int  # buf[:end] is valid
    starts_line: bool  # buf[0] begins a line (false only after a line longer than a chunk)
    last: bool


def chunks(fh: BinaryIO, start: int, stop: int, codec: Codec,
           cancel: threading.Event | None = None,
           advance: Callable[[int], None] | None = None) -> Iterator[Chunk]:
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
            check_cancel(cancel)
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
                yield Chunk(buf, base, end, starts_line, True)
                return
            j = rfind_aligned(buf, nl, 0, end, base, unit)
            if j >= 0:
                cut, next_starts = j + len(nl), True
            else:  # one line longer than the whole chunk
                cut, next_starts = end - (end % unit), False
            yield Chunk(buf, base, cut, starts_line, False)
            rest = end - cut
            if rest:
                buf[:rest] = buf[cut:end]
            carry, base, starts_line = rest, base + cut, next_starts
    finally:
        view.release()


def line_start(ch: Chunk, idx: int, codec: Codec) -> int | None:
    """Index in the chunk where the line holding ``idx`` begins (after a BOM at the file start)."""
    nl = codec.pats.nl
    j = rfind_aligned(ch.buf, nl, 0, idx, ch.base, codec.unit)
    if j >= 0:
        ls = j + len(nl)
    elif ch.starts_line:
        ls = 0
    else:
        return None
    if ch.base + ls < codec.bom:
        ls = codec.bom - ch.base
    return ls


def read_at(fh: BinaryIO, start: int, end: int) -> bytes:
    fh.seek(start)
    return fh.read(max(0, end - start)) or b""
