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
"""

from __future__ import annotations

import collections
import hashlib
import lzma
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any, BinaryIO

import py7zr
from py7zr.compressor import LZMA1Compressor
from py7zr.helpers import ArchiveTimestamp

from collector.bundle import aeskey  # noqa: F401 - one key derivation per password
from collector.bundle.errors import check_cancel
from collector.bundle.names import CHUNK
from collector.errors import Cancelled

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
        if not chain or not isinstance(chain[0], LZMA1Compressor) or not self._lzma_filters:
            raise RuntimeError("py7zr folder layout changed: expected LZMA2 first in the chain")
        self.parallel = ParallelLzma2(self._lzma_filters, block_size=self._block_size,
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


