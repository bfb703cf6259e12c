"""Streaming pieces under :mod:`collector.bundle`: py7zr fed from readers of unknown length.

Why not plain ``py7zr.SevenZipFile.writef``: it asks the file object for its size before
compressing (``getbuffer()`` or ``seek(0, SEEK_END)`` + ``tell()``) and refuses anything that is
not a ``BytesIO`` or a seekable ``BufferedIOBase``. A pipe from a running backup has no size and
cannot seek. Yet py7zr does not need the size: ``SevenZipCompressor.compress`` reads its input
until ``read()`` returns ``b""`` and the header records the byte count it actually read
(``Worker._after_write``). :class:`StreamingSevenZipFile` therefore repeats the four lines of
``_writef`` after the size probe and hands the reader to py7zr's own worker; everything else
(folders, substreams, CRCs, AES, encrypted headers) stays py7zr's.

Python's ``lzma`` compresses on one core while 7-Zip uses all of them. :class:`ParallelLzma2`
takes the place of py7zr's LZMA2 coder in the folder's chain and does what 7-Zip's own
multi-threaded LZMA2 encoder does: it cuts the input into blocks, compresses each block with a
fresh encoder on a worker thread (liblzma releases the GIL) and joins the results in order. Every
raw LZMA2 stream starts with a dictionary reset and ends with a single 0x00 end marker, so
dropping the marker from all but the last block yields one valid LZMA2 stream.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import hashlib
import io
import lzma
import os
import threading
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from pathlib import Path
from typing import Any, BinaryIO

import py7zr
from py7zr.compressor import AESDecompressor, LZMA1Compressor, SevenZipDecompressor
from py7zr.helpers import ArchiveTimestamp

from collector.errors import Cancelled

CHUNK = 1 << 20  # read/write granularity; py7zr's own default block size on 64-bit Python


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


# --- compression -------------------------------------------------------------------------------

def _compress_block(filters: list[dict[str, Any]], block: bytearray | memoryview) -> bytes:
    enc = lzma.LZMACompressor(format=lzma.FORMAT_RAW, filters=filters)
    head = enc.compress(block)
    tail = enc.flush()
    if not tail.endswith(b"\x00"):  # liblzma always ends a raw LZMA2 stream with the end marker
        raise RuntimeError("LZMA2 block without end marker")
    return head + tail[:-1]


class ParallelLzma2:
    """Drop-in for py7zr's LZMA2 coder (``compress(data) -> bytes``, ``flush() -> bytes``).

    Memory is fixed up front: ``workers`` encoders (liblzma, bt4: about 12 × dict_size each) and
    ``workers + 1`` block buffers, reused rather than reallocated so that the allocator has no
    churn to fragment. When every worker is busy the caller waits for the oldest block: that
    back-pressure reaches the producer through the pipe and keeps memory flat.
    """

    def __init__(self, filters: list[dict[str, Any]], *, block_size: int, workers: int,
                 cancel: threading.Event | None = None) -> None:
        self.filters = filters
        self.cancel = cancel
        self.block_size = block_size
        self.workers = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="lzma2")
        self._pending: collections.deque[tuple[Future[bytes], bytearray]] = collections.deque()
        self._free = [bytearray(block_size) for _ in range(self.workers)]
        self._block = bytearray(block_size)
        self._filled = 0
        self._out: list[bytes] = []

    def compress(self, data: bytes | bytearray | memoryview) -> bytes:
        view = memoryview(data).cast("B")
        pos = 0
        while pos < len(view):
            take = min(len(view) - pos, self.block_size - self._filled)
            self._block[self._filled:self._filled + take] = view[pos:pos + take]
            self._filled += take
            pos += take
            if self._filled == self.block_size:
                self._submit()
        return self._ready(wait=False)

    def flush(self) -> bytes:
        if self._filled:
            self._submit()
        out = self._ready(wait=True)
        self.close()
        return out + b"\x00"

    def close(self) -> None:
        """Stop the workers (also on failure: queued blocks are dropped)."""
        for fut, _buf in self._pending:
            fut.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()
        self._free.clear()

    def _submit(self) -> None:
        block = self._block
        data = block if self._filled == self.block_size else memoryview(block)[:self._filled]
        self._pending.append((self._pool.submit(_compress_block, self.filters, data), block))
        self._filled = 0
        if not self._free:  # all buffers in flight: the oldest must finish first
            self._wait(self._pending[0][0])
            self._recycle_done()
        self._block = self._free.pop()

    def _recycle_done(self) -> None:
        """Move finished blocks' output to ``_out`` (in order) and their buffers back."""
        while self._pending and self._pending[0][0].done():
            fut, buf = self._pending.popleft()
            self._out.append(fut.result())
            self._free.append(buf)

    def _ready(self, *, wait: bool) -> bytes:
        if wait:
            for fut, _buf in self._pending:
                self._wait(fut)
        self._recycle_done()
        out, self._out = b"".join(self._out), []
        return out

    def _wait(self, fut: Future[bytes]) -> None:
        while not futures_wait([fut], timeout=0.2).done:
            check_cancel(self.cancel)


class StreamingSevenZipFile(py7zr.SevenZipFile):
    """py7zr's writer with :meth:`write_reader` for inputs of unknown length."""

    def __init__(self, fp: BinaryIO, *, filters: list[dict[str, Any]], password: str | None,
                 block_size: int, workers: int, cancel: threading.Event | None = None) -> None:
        super().__init__(fp, "w", filters=filters, password=password,
                         header_encryption=password is not None)
        if password is None:
            # py7zr would LZMA-compress the header with preset 7 (a 33 MB encoder for a few KB of
            # file names); a plain header is just as valid 7z. Encrypted headers use AES only.
            self.set_encoded_header_mode(False)
        self._lzma_filters = [f for f in filters if f["id"] == py7zr.FILTER_LZMA2]
        self._block_size = block_size
        self._workers = workers
        self._cancel = cancel
        self.parallel: ParallelLzma2 | None = None

    def write_reader(self, reader: Any, arcname: str, mtime: float | None = None) -> None:
        """Compress ``reader.read()`` until it returns ``b""``; sizes come from what was read."""
        folder = self.header.initialize()
        self._install_parallel(folder)
        info = self._make_file_info_from_name(reader, 0, arcname)
        if mtime is not None:
            info["lastwritetime"] = ArchiveTimestamp.from_datetime(mtime)
        self.header.files_info.files.append(info)
        self.header.files_info.emptyfiles.append(info["emptystream"])
        self.files.append(info)
        self.worker.archive(self.fp, self.files, folder, deref=False)
        info.pop("data", None)  # the reader is done with; do not keep it (and its buffers) alive

    def rename_last(self, arcname: str) -> None:
        """Names are written with the header at the end, so the last entry can still be renamed."""
        self.header.files_info.files[-1]["filename"] = arcname

    def _install_parallel(self, folder: Any) -> None:
        if self.parallel is not None:
            return
        chain = folder.get_compressor().chain
        if not chain or not isinstance(chain[0], LZMA1Compressor) or not self._lzma_filters:
            raise RuntimeError("py7zr folder layout changed: expected LZMA2 first in the chain")
        self.parallel = ParallelLzma2(self._lzma_filters, block_size=self._block_size,
                                      workers=self._workers, cancel=self._cancel)
        chain[0] = self.parallel

    def discard(self) -> None:
        """Give up without writing a header (the caller deletes the files)."""
        if self.parallel is not None:
            self.parallel.close()


# --- readers -----------------------------------------------------------------------------------

class HashingReader:
    """``read()`` through to a source while counting and hashing; cancel is checked per chunk.

    A read error of the *source* does not propagate into py7zr (that would leave its folder
    half-written); the reader ends the entry early and keeps the error in :attr:`error`.
    """

    def __init__(self, source: Any, *, cancel: threading.Event | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.source = source
        self.cancel = cancel
        self.progress = progress
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None

    def read(self, n: int = -1) -> bytes:
        check_cancel(self.cancel)
        if self.error is not None:
            return b""
        try:
            data = self.source.read(n if n and n > 0 else CHUNK)
        except Cancelled:
            raise
        except Exception as exc:  # any source failure ends this entry only
            self.error = exc
            return b""
        if data:
            self.sha256.update(data)
            self.size += len(data)
            if self.progress is not None:
                self.progress(self.size)
        return data


class _PipeClosed(BrokenPipeError):
    pass


class ProducerPipe:
    """A bounded in-memory pipe: a producer thread writes, the compressor reads.

    A fixed ring of ``capacity`` bytes: a faster producer blocks in ``write`` until the
    compressor has taken data out, so memory does not grow with the stream. ``abort()`` wakes
    both sides: the producer's next ``write`` raises ``BrokenPipeError``, so a backup stops soon
    after the archive failed or was cancelled.
    """

    def __init__(self, capacity: int = 4 * CHUNK, cancel: threading.Event | None = None) -> None:
        self.capacity = capacity
        self.cancel = cancel
        self._ring = bytearray(capacity)
        self._start = 0  # first unread byte
        self._count = 0  # unread bytes
        self._eof = False
        self._aborted = False
        self._cond = threading.Condition()
        self.error: BaseException | None = None
        self.writer = _PipeWriter(self)

    # producer side
    def put(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            with self._cond:
                while (self._count == self.capacity and not self._aborted
                       and not self._cancelled()):
                    self._cond.wait(0.2)
                if self._aborted or self._cancelled() or self._eof:
                    raise _PipeClosed("архив больше не принимает данные")
                end = (self._start + self._count) % self.capacity
                room = min(self.capacity - self._count, self.capacity - end, len(view) - done)
                self._ring[end:end + room] = view[done:done + room]
                self._count += room
                done += room
                self._cond.notify_all()
        return done

    @property
    def finished(self) -> bool:
        """The producer has returned (or raised)."""
        return self._eof

    def finish(self, error: BaseException | None = None) -> None:
        with self._cond:
            self.error = error
            self._eof = True
            self._cond.notify_all()

    # consumer side
    def read(self, n: int = -1) -> bytes:
        with self._cond:
            while not self._count and not self._eof:
                if self._cancelled():
                    raise Cancelled()
                self._cond.wait(0.2)
            if not self._count:
                return b""
            n = self._count if n is None or n < 0 else min(n, self._count)
            first = min(n, self.capacity - self._start)
            out = bytes(self._ring[self._start:self._start + first])
            if first < n:
                out += self._ring[:n - first]
            self._start = (self._start + n) % self.capacity
            self._count -= n
            self._cond.notify_all()
            return out

    def abort(self) -> None:
        with self._cond:
            self._aborted = True
            self._count = 0
            self._cond.notify_all()

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()


class _PipeWriter(io.RawIOBase):
    """The file object a producer writes into."""

    def __init__(self, pipe: ProducerPipe) -> None:
        super().__init__()
        self._pipe = pipe

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:  # type: ignore[override]
        return self._pipe.put(b)


def run_producer(pipe: ProducerPipe, producer: Callable[[BinaryIO], Any]) -> threading.Thread:
    """Start ``producer(pipe.writer)`` on its own thread; its end or failure ends the stream."""

    def target() -> None:
        try:
            producer(pipe.writer)  # type: ignore[arg-type]
        except BaseException as exc:  # handed over to the consumer
            pipe.finish(exc)
        else:
            pipe.finish(None)

    thread = threading.Thread(target=target, name="bundle-producer", daemon=True)
    thread.start()
    return thread


# --- files: volumes written as .part, volumes read back as one --------------------------------

class VolumeWriter(io.RawIOBase):
    """A seekable write-only file spread over ``<base>.001.part``, ``<base>.002.part`` …

    With ``volume_size=None`` it is the single file ``<base>.part``. py7zr writes sequentially
    except for the 32-byte signature header at offset 0, rewritten at the end, so the first
    volume stays open and the others are opened one at a time.
    """

    def __init__(self, base: Path, volume_size: int | None,
                 cancel: threading.Event | None = None) -> None:
        super().__init__()
        self.base = base
        self.volume_size = volume_size
        self.cancel = cancel
        self.parts: list[Path] = []
        self._files: dict[int, BinaryIO] = {}
        self._pos = 0
        self._open(0)

    def part_path(self, index: int) -> Path:
        if self.volume_size is None:
            return self.base.with_name(self.base.name + ".part")
        return self.base.with_name(f"{self.base.name}.{index + 1:03d}.part")

    def _open(self, index: int) -> BinaryIO:
        f = self._files.get(index)
        if f is not None:
            return f
        if index == len(self.parts):
            path = self.part_path(index)
            f = open(path, "x+b")  # noqa: SIM115 - kept open across calls, closed in close()
            self.parts.append(path)
        else:
            f = open(self.parts[index], "r+b")  # noqa: SIM115
        for other in [i for i in self._files if i not in (0, index)]:
            self._files.pop(other).close()
        self._files[index] = f
        return f

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            self._pos = offset
        elif whence == os.SEEK_CUR:
            self._pos += offset
        else:
            self._pos = self.size + offset
        return self._pos

    @property
    def size(self) -> int:
        if not self.parts:
            return 0
        last = len(self.parts) - 1
        f = self._files.get(last)
        tail = f.seek(0, os.SEEK_END) if f is not None else self.parts[last].stat().st_size
        return (self.volume_size or 0) * last + tail

    def write(self, b: Any) -> int:  # type: ignore[override]
        check_cancel(self.cancel)
        view = memoryview(b).cast("B")
        done = 0
        while done < len(view):
            if self.volume_size is None:
                index, offset, room = 0, self._pos, len(view) - done
            else:
                index, offset = divmod(self._pos, self.volume_size)
                room = self.volume_size - offset
            while len(self.parts) <= index:
                self._open(len(self.parts))
            f = self._open(index)
            f.seek(offset)
            n = min(room, len(view) - done)
            f.write(view[done:done + n])
            done += n
            self._pos += n
        return done

    def flush(self) -> None:
        for f in self._files.values():
            f.flush()

    def sync(self) -> None:
        """Flush every volume to the disk (before the rename that publishes them)."""
        self.close_files()
        for path in self.parts:
            with open(path, "r+b") as f:
                os.fsync(f.fileno())

    def close_files(self) -> None:
        files, self._files = self._files, {}
        error: BaseException | None = None
        for f in files.values():
            try:
                f.close()
            except OSError as exc:  # a delayed ENOSPC can surface on close
                error = error or exc
        if error is not None:
            raise error

    def close(self) -> None:
        try:
            self.close_files()
        finally:
            super().close()

    def remove(self) -> None:
        """Delete every volume written so far (after a failure or a cancel)."""
        with contextlib.suppress(OSError):
            self.close_files()
        for path in self.parts:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


class JoinedReader(io.RawIOBase):
    """Several volume files read as one seekable file (read-only)."""

    def __init__(self, paths: list[Path], cancel: threading.Event | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.cancel = cancel
        self.sizes = [p.stat().st_size for p in paths]
        self.starts = [sum(self.sizes[:i]) for i in range(len(paths))]
        self.total = sum(self.sizes)
        self._pos = 0
        self._index = -1
        self._file: BinaryIO | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self.total}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, b: Any) -> int:  # type: ignore[override]
        check_cancel(self.cancel)
        view = memoryview(b).cast("B")
        done = 0
        while done < len(view) and self._pos < self.total:
            index = bisect.bisect_right(self.starts, self._pos) - 1
            while self.sizes[index] == 0:  # an empty volume holds nothing to read
                index += 1
            if index != self._index:
                if self._file is not None:
                    self._file.close()
                self._file = open(self.paths[index], "rb")  # noqa: SIM115
                self._index = index
            assert self._file is not None
            offset = self._pos - self.starts[index]
            self._file.seek(offset)
            want = min(len(view) - done, self.sizes[index] - offset)
            n = self._file.readinto(view[done:done + want])
            if not n:
                break
            done += n
            self._pos += n
        return done

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()


def sha256_of_file(path: Path, cancel: threading.Event | None = None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            check_cancel(cancel)
            h.update(chunk)
    return h.hexdigest()


# --- reading back: decompress with bounded memory ----------------------------------------------

class UnsupportedLayout(Exception):
    """An archive this reader does not decode itself (another coder chain): use py7zr's own."""


def _decode_folder(fp: BinaryIO, folder: Any, start: int, packsize: int, password: str | None,
                   cancel: threading.Event | None) -> Iterator[bytes]:
    """The unpacked bytes of one 7z folder, at most 1 MiB at a time.

    py7zr's extraction asks its decoders for up to 128 MB per call (and would buffer the packed
    input without limit if asked for less); here the LZMA decoder is driven by ``needs_input``,
    so memory stays at one chunk whatever the archive's size.
    """
    dec = SevenZipDecompressor(folder.coders, packsize, folder.unpacksizes, folder.crc, password)
    *stages, last = dec.chain
    if not isinstance(last, lzma.LZMADecompressor) or any(
            not isinstance(s, AESDecompressor) for s in stages):
        raise UnsupportedLayout
    fp.seek(start)
    left = packsize
    while not last.eof:
        check_cancel(cancel)
        data = fp.read(min(CHUNK, left)) if left > 0 else b""
        left -= len(data)
        if not data and left > 0:
            raise py7zr.Bad7zFile("archive ends inside packed data")
        for stage in stages:
            data = stage.decompress(data)
        yield last.decompress(data, CHUNK)
        while not last.eof and not last.needs_input:
            check_cancel(cancel)
            yield last.decompress(b"", CHUNK)
        if left <= 0 and not last.eof and last.needs_input:
            raise py7zr.Bad7zFile("LZMA2 stream ends early")


def hash_entries(archive: py7zr.SevenZipFile, fp: BinaryIO, password: str | None,
                 cancel: threading.Event | None = None, keep: tuple[str, ...] = (),
                 keep_limit: int = 64 * CHUNK,
                 ) -> tuple[list[tuple[str, int, str]], dict[str, bytes]]:
    """``(name, size, sha256)`` of every file in archive order, each checked against its CRC,
    and the contents of the (small) files named in ``keep``."""
    results: dict[int, tuple[str, int, str]] = {}
    kept: dict[str, bytearray] = {}
    streams = getattr(archive.header, "main_streams", None)
    if streams is not None:
        positions = streams.packinfo.packpositions
        for i, folder in enumerate(streams.unpackinfo.folders):
            chunks = _decode_folder(fp, folder, archive.afterheader + positions[i],
                                    positions[i + 1] - positions[i], password, cancel)
            buf = memoryview(b"")
            for f in folder.files or []:
                remaining, h, crc = f.uncompressed, hashlib.sha256(), 0
                store = kept.setdefault(f.filename, bytearray()) if f.filename in keep else None
                while remaining:
                    if not buf:
                        buf = memoryview(next(chunks, b""))
                        if not buf:
                            raise py7zr.Bad7zFile("folder ends before its files")
                    piece, buf = buf[:remaining], buf[remaining:]
                    h.update(piece)
                    crc = zlib.crc32(piece, crc)
                    if store is not None and len(store) < keep_limit:
                        store += piece
                    remaining -= len(piece)
                if f.crc32 is not None and crc != f.crc32:
                    raise py7zr.exceptions.CrcError(crc, f.crc32, f.filename)
                results[f.id] = (f.filename, f.uncompressed, h.hexdigest())
            if buf or any(chunks):
                raise py7zr.Bad7zFile("folder holds more data than its files")
    empty = hashlib.sha256().hexdigest()
    found = [results.get(f.id, (f.filename, 0, empty)) for f in archive.files
             if not f.is_directory]
    return found, {name: bytes(data) for name, data in kept.items()}
