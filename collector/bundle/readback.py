"""Reading an archive back with bounded memory: every entry's size and sha256, CRCs checked."""

from __future__ import annotations

import hashlib
import lzma
import threading
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

import py7zr
from py7zr.compressor import AESDecompressor, DeflateDecompressor, SevenZipDecompressor
from py7zr.io import Py7zIO, WriterFactory

from collector.bundle import aeskey  # noqa: F401 - one key derivation per password
from collector.bundle.errors import check_cancel
from collector.bundle.names import CHUNK, MANIFEST_NAME, MiB


class UnsupportedLayout(Exception):
    """An archive this reader does not decode itself (another coder chain): use py7zr's own."""


class _Inflater:
    """Raw Deflate behind the interface of ``lzma.LZMADecompressor`` that :func:`_decode_folder`
    drives (``eof``, ``needs_input``, ``decompress(data, max_length)``): zlib keeps what it did
    not use in ``unconsumed_tail``; a full output may leave more to come even without input."""

    def __init__(self) -> None:
        self._z = zlib.decompressobj(-15)
        self._full = False

    @property
    def eof(self) -> bool:
        return self._z.eof

    @property
    def needs_input(self) -> bool:
        return not self._z.unconsumed_tail and not self._full

    def decompress(self, data: bytes, max_length: int) -> bytes:
        tail = self._z.unconsumed_tail
        out = self._z.decompress(tail + data if tail else data, max_length)
        self._full = len(out) == max_length
        return out


def _decode_folder(fp: BinaryIO, folder: Any, start: int, packsize: int, password: str | None,
                   cancel: threading.Event | None) -> Iterator[bytes]:
    """The unpacked bytes of one 7z folder, at most 1 MiB at a time.

    py7zr's extraction asks its decoders for up to 128 MB per call (and would buffer the packed
    input without limit if asked for less); here the LZMA2 or Deflate decoder is driven by
    ``needs_input``, so memory stays at one chunk whatever the archive's size.
    """
    dec = SevenZipDecompressor(folder.coders, packsize, folder.unpacksizes, folder.crc, password)
    *stages, last = dec.chain
    if isinstance(last, DeflateDecompressor):
        last = _Inflater()
    if not isinstance(last, lzma.LZMADecompressor | _Inflater) or any(
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
            raise py7zr.Bad7zFile("compressed stream ends early")


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


class _HashSink(Py7zIO):
    """Where py7zr "extracts" to in the fallback: only the hash (and the manifest) is kept."""

    def __init__(self, keep: bool) -> None:
        self.hash = hashlib.sha256()
        self.length = 0
        self.kept = bytearray() if keep else None

    def write(self, s: bytes | bytearray) -> int:
        self.hash.update(s)
        self.length += len(s)
        if self.kept is not None and len(self.kept) < 64 * MiB:
            self.kept += s
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        pass

    def size(self) -> int:
        return self.length


class _SinkFactory(WriterFactory):
    def __init__(self, cancel: threading.Event | None) -> None:
        self.sinks: dict[str, _HashSink] = {}
        self.cancel = cancel

    def create(self, filename: str) -> Py7zIO:
        check_cancel(self.cancel)
        sink = self.sinks[filename] = _HashSink(keep=filename == MANIFEST_NAME)
        return sink


def hash_with_py7zr(archive: py7zr.SevenZipFile, cancel: threading.Event | None,
                     ) -> tuple[list[tuple[str, int, str]], dict[str, bytes]]:
    """For 7z archives made by other tools (other coders): py7zr's own extraction, which holds
    up to 128 MB per read; never used for the collector's own bundles."""
    factory = _SinkFactory(cancel)
    archive.extractall(factory=factory)
    empty = hashlib.sha256()
    found = []
    for f in archive.files:
        if f.is_directory:
            continue
        sink = factory.sinks.get(f.filename)
        found.append((f.filename, sink.length if sink else 0,
                      (sink.hash if sink else empty).hexdigest()))
    kept = factory.sinks.get(MANIFEST_NAME)
    return found, {MANIFEST_NAME: bytes(kept.kept or b"")} if kept else {}


