"""py7zr streaming: py7zr fed from readers of unknown length.

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
:class:`ParallelDeflate` does the same for the light preset of fast lines (7z method Deflate,
which every 7-Zip reads), the way pigz makes one Deflate stream on several cores.
"""

from __future__ import annotations

import collections
import hashlib
import lzma
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any, BinaryIO

import py7zr
from py7zr.compressor import DeflateCompressor, LZMA1Compressor
from py7zr.helpers import ArchiveTimestamp

from collector.bundle import aeskey  # noqa: F401 - one key derivation per password
from collector.bundle.errors import check_cancel
from collector.bundle.names import CHUNK, DEFLATE, LZMA2
from collector.errors import Cancelled

# --- compression -------------------------------------------------------------------------------

DEFLATE_WINDOW = 32 << 10


FIRST_BLOCK = 1 << 20


def coder_filters(method: str, level: int, *, dict_size: int = 0,
                  nice_len: int | None = None) -> list[dict[str, Any]]:
    """py7zr's filter list of one coder (without AES). Deflate has no 7z properties: its level
    travels in the dict for :class:`ParallelDeflate` only (py7zr ignores it)."""
    if method == DEFLATE:
        return [{"id": py7zr.FILTER_DEFLATE, "level": level}]
    if method != LZMA2:
        raise ValueError(f"unknown method {method!r}")
    f: dict[str, Any] = {"id": py7zr.FILTER_LZMA2, "preset": level, "dict_size": dict_size}
    if nice_len is not None:
        f["nice_len"] = nice_len
    return [f]


def _lzma2_block(filters: list[dict[str, Any]], block: bytearray | memoryview) -> bytes:
    enc = lzma.LZMACompressor(format=lzma.FORMAT_RAW, filters=filters)
    head = enc.compress(block)
    tail = enc.flush()
    if not tail.endswith(b"\x00"):  # liblzma always ends a raw LZMA2 stream with the end marker
        raise RuntimeError("LZMA2 block without end marker")
    return head + tail[:-1]


def _deflate_block(level: int, block: bytearray | memoryview, history: bytes) -> bytes:
    enc = (zlib.compressobj(level, zlib.DEFLATED, -15, zdict=history) if history
           else zlib.compressobj(level, zlib.DEFLATED, -15))
    return enc.compress(block) + enc.flush(zlib.Z_SYNC_FLUSH)


class ParallelBlocks:
    """Drop-in for one of py7zr's coders (``compress(data) -> bytes``, ``flush() -> bytes``)
    that compresses blocks of the input on worker threads and joins them in order.

    Memory is fixed up front: ``workers`` encoders and ``workers + 1`` block buffers, reused
    rather than reallocated so that the allocator has no churn to fragment. When every worker
    is busy the caller waits for the oldest block: that back-pressure reaches the producer
    through the pipe and keeps memory flat.
    """

    history = 0      # bytes of the previous block each block may refer back to
    end = b""        # what ends the joined stream
    thread_name = "blocks"

    def _block(self, data: bytearray | memoryview, history: bytes) -> bytes:
        raise NotImplementedError

    def __init__(self, *, block_size: int, workers: int,
                 cancel: threading.Event | None = None) -> None:
        self.cancel = cancel
        self.block_size = block_size
        self.workers = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self.workers,
                                        thread_name_prefix=self.thread_name)
        self._pending: collections.deque[tuple[Future[bytes], bytearray]] = collections.deque()
        self._free = [bytearray(block_size) for _ in range(self.workers)]
        self._buf = bytearray(block_size)
        self._filled = 0
        # The first blocks are small and double up to block_size: the first compressed bytes
        # are out within a fraction of a second instead of after a whole block (8 s for 16 MiB
        # at the strong preset), which is when a bundle sent as it is made reaches the line.
        self._limit = min(block_size, FIRST_BLOCK)
        self._tail = b""  # the end of the previous block (``history`` bytes)
        self._out: list[bytes] = []

    def compress(self, data: bytes | bytearray | memoryview) -> bytes:
        view = memoryview(data).cast("B")
        pos = 0
        while pos < len(view):
            take = min(len(view) - pos, self._limit - self._filled)
            self._buf[self._filled:self._filled + take] = view[pos:pos + take]
            self._filled += take
            pos += take
            if self._filled == self._limit:
                self._submit()
        return self._ready(wait=False)

    def flush(self) -> bytes:
        if self._filled:
            self._submit()
        out = self._ready(wait=True)
        self.close()
        return out + self.end

    def close(self) -> None:
        """Stop the workers (also on failure: queued blocks are dropped)."""
        for fut, _buf in self._pending:
            fut.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()
        self._free.clear()

    def _submit(self) -> None:
        block = self._buf
        data = block if self._filled == len(block) else memoryview(block)[:self._filled]
        history, self._tail = self._tail, (bytes(data[-self.history:]) if self.history else b"")
        self._pending.append((self._pool.submit(self._block, data, history), block))
        self._filled = 0
        self._limit = min(self.block_size, 2 * self._limit)
        if not self._free:  # all buffers in flight: the oldest must finish first
            self._wait(self._pending[0][0])
            self._recycle_done()
        self._buf = self._free.pop()

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


class ParallelLzma2(ParallelBlocks):
    """7-Zip's multi-threaded LZMA2 (module doc); liblzma, bt4: about 12 × dict_size per
    encoder."""

    end = b"\x00"
    thread_name = "lzma2"

    def __init__(self, filters: list[dict[str, Any]], *, block_size: int, workers: int,
                 cancel: threading.Event | None = None) -> None:
        super().__init__(block_size=block_size, workers=workers, cancel=cancel)
        self.filters = filters

    def _block(self, data: bytearray | memoryview, history: bytes) -> bytes:
        return _lzma2_block(self.filters, data)


class ParallelDeflate(ParallelBlocks):
    """One Deflate stream made on several threads, as pigz makes it: each block is compressed
    by a fresh encoder primed with the previous block's last 32 KiB (so matches reach back as
    far as in one encoder) and ends with a sync flush (an empty stored block: byte-aligned, not
    final); the stream ends with an empty final block. zlib releases the GIL while it works."""

    history = DEFLATE_WINDOW
    end = zlib.compressobj(1, zlib.DEFLATED, -15).flush()  # an empty final block
    thread_name = "deflate"

    def __init__(self, level: int, *, block_size: int, workers: int,
                 cancel: threading.Event | None = None) -> None:
        super().__init__(block_size=block_size, workers=workers, cancel=cancel)
        self.level = level

    def _block(self, data: bytearray | memoryview, history: bytes) -> bytes:
        return _deflate_block(self.level, data, history)


def parallel_coder(filters: list[dict[str, Any]], *, block_size: int, workers: int,
                   cancel: threading.Event | None = None) -> ParallelBlocks:
    """The block-parallel coder for the compressing filter of ``filters``."""
    for f in filters:
        if f["id"] == py7zr.FILTER_LZMA2:
            return ParallelLzma2([f], block_size=block_size, workers=workers, cancel=cancel)
        if f["id"] == py7zr.FILTER_DEFLATE:
            return ParallelDeflate(f.get("level", 6), block_size=block_size, workers=workers,
                                   cancel=cancel)
    raise ValueError("no LZMA2 or Deflate among the filters")


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
        self._coder_filters = [f for f in filters if f["id"] != py7zr.FILTER_CRYPTO_AES256_SHA256]
        self._block_size = block_size
        self._workers = workers
        self._cancel = cancel
        self.parallel: ParallelBlocks | None = None

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

    def new_folder(self) -> None:
        """End the current 7z folder (solid block): the next entry starts a folder of its own,
        so a reader that wants only later entries never decodes this one. py7zr's own append
        mode adds folders the same way (``Header.initialize`` with streams present)."""
        if not self.header._initialized:
            return
        self.worker.flush_archive(self.fp, self.header.main_streams.unpackinfo.folders[-1])
        self.header._initialized = False
        self.parallel = None  # flushed and closed: the next folder gets encoders of its own

    def rename_last(self, arcname: str) -> None:
        """Names are written with the header at the end, so the last entry can still be renamed."""
        self.header.files_info.files[-1]["filename"] = arcname

    def _install_parallel(self, folder: Any) -> None:
        if self.parallel is not None:
            return
        chain = folder.get_compressor().chain
        if not chain or not isinstance(chain[0], (LZMA1Compressor, DeflateCompressor)):
            raise RuntimeError("py7zr folder layout changed: expected LZMA2 or Deflate first "
                               "in the chain")
        self.parallel = parallel_coder(self._coder_filters, block_size=self._block_size,
                                       workers=self._workers, cancel=self._cancel)
        chain[0] = self.parallel

    def discard(self) -> None:
        """Give up without writing a header (the caller deletes the files)."""
        if self.parallel is not None:
            self.parallel.close()



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


