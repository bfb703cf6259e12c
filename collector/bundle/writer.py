"""Writing the bundle: :class:`BundleWriter` (package overview in :mod:`collector.bundle`)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import py7zr

from collector.bundle.errors import (
    BundleError,
    DiskFull,
    EntryIncomplete,
    OutputError,
    SourceError,
    check_cancel,
    os_error_text,
)
from collector.bundle.names import (
    CHUNK,
    INCOMPLETE_SUFFIX,
    LZMA2,
    MANIFEST_NAME,
    MIN_VOLUME_SIZE,
    MiB,
    check_arcname,
)
from collector.bundle.pipe import ProducerPipe, run_producer
from collector.bundle.streaming import HashingReader, StreamingSevenZipFile, coder_filters
from collector.bundle.verify import verify_volumes
from collector.bundle.volumes import VolumeWriter
from collector.errors import Cancelled, CollectorError
from collector.i18n import _

# Chosen by measurement with bench/bundle (numbers in bench/bundle_bench.py): xz preset 5 (bt4
# match finder) with nice_len 48 instead of 32 and a 3 MiB dictionary, on two worker threads, in
# blocks of 4 × the dictionary (7-Zip's own rule for LZMA2 blocks). On the 1 GB demo backup:
# nice_len 32 → 40 → 48 → 64 gives 1.060 → 1.008 → 1.003 → 1.000 × 7z's size for 51 → 51 → 54
# → 64 CPU seconds. Two ~37 MB encoders keep the whole process near 150 MB.
DEFAULT_PRESET = 5
DEFAULT_DICT_SIZE = 3 * MiB
DEFAULT_NICE_LEN = 48
DEFAULT_WORKERS = 2
DEFAULT_BLOCK_SIZE = 4 * DEFAULT_DICT_SIZE
PRODUCER_JOIN_SECONDS = 2.0
# An entry at least this big (or streamed, whose size is unknown until it ends) closes its 7z
# folder, and manifest.json has one of its own: whoever reads the small entries (the manifest,
# the request text, the configs; delivery reads them before every send) decodes only their
# folders, not the database. Small entries still share one solid folder.
FOLDER_AFTER = 4 * MiB
log = logging.getLogger(__name__)


# --- results -----------------------------------------------------------------------------------

@dataclass
class FileEntry:
    path: str
    size: int
    sha256: str
    complete: bool = True

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "size": self.size, "sha256": self.sha256}
        if not self.complete:
            data["incomplete"] = True
        return data


@dataclass
class BundleResult:
    paths: list[Path]             # the archive: one .7z or the volumes .7z.001 … in order
    sha256_of_archive: str        # of the whole archive (the volumes joined)
    size: int                     # bytes, all volumes together
    volumes: int                  # 1 for a single .7z
    sha256_path: Path             # <bundle>.sha256 beside it (sha256sum format)
    volume_sha256: list[str]      # one per path
    manifest: dict[str, Any]      # as written into the archive (with "files")
    encrypted: bool

    def to_json(self) -> dict[str, Any]:
        return {"paths": [str(p) for p in self.paths], "sha256": self.sha256_of_archive,
                "size": self.size, "volumes": self.volumes, "sha256_file": str(self.sha256_path),
                "volume_sha256": self.volume_sha256, "encrypted": self.encrypted}


def _volume_hashes(parts: list[Path], cancel: threading.Event | None) -> tuple[str, list[str]]:
    """sha256 of the whole archive and of each volume (one read; one hash for one volume)."""
    whole = hashlib.sha256() if len(parts) > 1 else None
    out = []
    for part in parts:
        h = hashlib.sha256()
        with open(part, "rb") as f:
            while chunk := f.read(CHUNK):
                check_cancel(cancel)
                h.update(chunk)
                if whole is not None:
                    whole.update(chunk)
        out.append(h.hexdigest())
    return (whole.hexdigest() if whole is not None else out[0]), out


class VolumeSink(Protocol):
    """Takes each volume as soon as it is final, while the next is still being compressed
    (the overlap of making and sending: ``collector.delivery.overlap``).

    ``volume_final(index, path)`` is called on the writer's thread with a ``.part`` file that
    no longer changes (index from 0; never the first volume, whose start is rewritten at the
    end, nor the last); it must not block for long. ``release()`` is called after the archive
    checked out and before its files are renamed: from then on the sink must not hold any
    ``.part`` open (Windows cannot rename an open file). ``published(paths, sha256s)``: the
    bundle is whole under its final names. ``abort()``: the bundle is being deleted. None of
    them may raise but :class:`Cancelled`: sending is on top of the bundle, never a reason to
    lose it.
    """

    def volume_final(self, index: int, path: Path) -> None: ...

    def release(self) -> None: ...

    def published(self, paths: list[Path], sha256s: list[str]) -> None: ...

    def abort(self) -> None: ...


# --- writer ------------------------------------------------------------------------------------

class BundleWriter:
    """Writes one bundle; use as a context manager and end with :meth:`finish`.

    ``with BundleWriter(out, name, password=p, volume_size=parse_size("17M")) as w:``
    ``w.add_file(path, "logs/…")``; ``w.add_stream("database/main.fbk", producer)``;
    ``result = w.finish(manifest)``. Leaving the block without ``finish`` (an exception, a cancel)
    deletes every file the writer made. Entries are added from the calling thread only;
    ``cancel`` may be set from any thread at any time. ``method`` is the coder: LZMA2 (``preset``
    is the xz level) or Deflate (``preset`` is zlib's level; the light preset of fast lines,
    ``collector.bundle.preset``). ``first_volumes``: the sizes of the first volumes, before
    ``volume_size`` applies (:class:`VolumeWriter`; a bundle sent as it is made).
    """

    def __init__(self, out_dir: Path, name: str, *, password: str | None = None,
                 volume_size: int | None = None, preset: int = DEFAULT_PRESET,
                 dict_size: int = DEFAULT_DICT_SIZE, nice_len: int | None = DEFAULT_NICE_LEN,
                 method: str = LZMA2, workers: int | None = None,
                 block_size: int | None = None, cancel: threading.Event | None = None,
                 progress: Callable[[str, int], None] | None = None,
                 volume_sink: VolumeSink | None = None,
                 first_volumes: tuple[int, ...] = ()) -> None:
        if password is not None and password == "":
            raise ValueError("empty password")
        if volume_size is not None and min((volume_size, *first_volumes)) < MIN_VOLUME_SIZE:
            raise ValueError(f"volume_size below {MIN_VOLUME_SIZE}")
        self.out_dir = Path(out_dir)
        self.archive_path = self.out_dir / (name if name.endswith(".7z") else f"{name}.7z")
        self.sha256_path = self.archive_path.with_name(self.archive_path.name + ".sha256")
        self.password = password
        self.volume_size = volume_size
        self.cancel = cancel
        self.progress = progress
        self.volume_sink = volume_sink
        self.first_volumes = first_volumes
        self.workers = max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1)) if workers is None \
            else max(1, workers)
        self.block_size = block_size or 4 * dict_size
        self.method = method
        self.filters: list[dict[str, Any]] = coder_filters(method, preset, dict_size=dict_size,
                                                           nice_len=nice_len)
        if password is not None:
            self.filters.append({"id": py7zr.FILTER_CRYPTO_AES256_SHA256})
        self.entries: list[FileEntry] = []
        self._names: set[str] = set()
        self._state = "new"  # new → open → finished | aborted
        self._volumes: VolumeWriter | None = None
        self._archive: StreamingSevenZipFile | None = None
        self._published: list[Path] = []
        self._sha_part = self.sha256_path.with_name(self.sha256_path.name + ".part")
        self._pipe: ProducerPipe | None = None
        self._folder_open = False  # the current 7z folder holds an entry
        self._close_folder = False  # the next entry starts a new folder

    # context manager
    def __enter__(self) -> BundleWriter:
        self.open()
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        if self._state != "finished":
            self.abort()
        return False

    def open(self) -> None:
        if self._state != "new":
            raise RuntimeError("BundleWriter.open() twice")
        self._state = "open"
        try:
            check_cancel(self.cancel)
            self.out_dir.mkdir(parents=True, exist_ok=True)
            for taken in (self.archive_path, self._volume_path(0), self.sha256_path):
                if taken.exists():
                    raise BundleError(_("Файл {path} уже существует: выберите другую папку или "
                                        "удалите старый архив.", path=taken))
            self._volumes = VolumeWriter(
                self.archive_path, self.volume_size, self.cancel,
                on_final=self.volume_sink.volume_final if self.volume_sink else None,
                first_sizes=self.first_volumes)
            self._archive = StreamingSevenZipFile(
                self._volumes, filters=self.filters, password=self.password,
                block_size=self.block_size, workers=self.workers, cancel=self.cancel)
        except BaseException as exc:
            self._fail(exc)

    # adding entries
    def add_file(self, src: Path, arcname: str) -> FileEntry:
        """Stream a file from disk (read in 1 MiB pieces; its mtime is kept)."""
        self._check_open(arcname)
        try:
            f = open(src, "rb")  # noqa: SIM115 - closed below
            mtime = os.fstat(f.fileno()).st_mtime
        except OSError as exc:
            raise SourceError(_("Не удалось прочитать файл {path}: {error}",
                                path=src, error=os_error_text(exc))) from exc
        with f:
            return self._add(f, arcname, mtime=mtime)

    def add_bytes(self, data: bytes, arcname: str) -> FileEntry:
        self._check_open(arcname)
        return self._add(io.BytesIO(data), arcname)

    def add_fileobj(self, fileobj: BinaryIO, arcname: str, *,
                    mtime: float | None = None) -> FileEntry:
        """Read ``fileobj`` until it ends (any length; it need not be seekable)."""
        self._check_open(arcname)
        return self._add(fileobj, arcname, mtime=mtime)

    def add_stream(self, arcname: str, producer: Callable[[BinaryIO], Any]) -> FileEntry:
        """Compress what ``producer(out)`` writes into ``out`` while it is writing it.

        The producer runs on its own thread and may take as long as it likes; at most 4 MiB wait
        between it and the compressor (its ``write`` blocks until there is room). If it raises,
        the bytes it wrote stay as ``<arcname>.incomplete`` and :class:`EntryIncomplete` is
        raised with its error as the cause; the writer is still usable. If the archive fails or
        is cancelled, the producer's next ``write`` raises ``BrokenPipeError``.
        """
        self._check_open(arcname)
        pipe = self._pipe = ProducerPipe(cancel=self.cancel)
        thread = run_producer(pipe, producer)
        try:
            return self._add(pipe, arcname, producer_error=lambda: pipe.error)
        finally:
            # After the end of its stream the producer has returned. After a failure or a
            # cancel its next write raises; one stuck elsewhere (a database call) is not waited
            # for long: it writes nowhere but into the aborted pipe.
            pipe.abort()
            thread.join(None if pipe.finished else PRODUCER_JOIN_SECONDS)
            self._pipe = None

    # finishing
    def finish(self, manifest: dict[str, Any]) -> BundleResult:
        """Add ``manifest.json`` (with ``files``) last, close, verify, publish (module doc)."""
        self._check_open(None)
        manifest = dict(manifest)
        manifest["files"] = [e.to_json() for e in self.entries]
        data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        self._add(io.BytesIO(data), MANIFEST_NAME)
        assert self._archive is not None and self._volumes is not None
        try:
            self._archive.close()  # py7zr: flush the folder, write the (encrypted) header
            self._volumes.sync()
            parts = list(self._volumes.parts)
            finals = self._final_paths(len(parts))
            expected = {e.path: e for e in self.entries}
            expected[MANIFEST_NAME] = FileEntry(MANIFEST_NAME, len(data),
                                                hashlib.sha256(data).hexdigest())
            # The checksums and the read-back check both read the whole archive: on two
            # threads (hashlib and lzma let go of the GIL) the wait is the longer, not the sum.
            with ThreadPoolExecutor(1, thread_name_prefix="bundle-hash") as pool:
                hashing = pool.submit(_volume_hashes, parts, self.cancel)
                report = verify_volumes(parts, self.password, cancel=self.cancel,
                                        expected=expected)
                whole_hex, volume_hashes = hashing.result()
            if not report.ok:
                raise BundleError(_("Архив не прошёл проверку после записи: {problem}",
                                    problem="; ".join(report.problems)))
            if self.volume_sink is not None:
                self.volume_sink.release()
            lines = "".join(f"{h}  {p.name}\n" for h, p in zip(volume_hashes, finals, strict=True))
            with open(self._sha_part, "x", encoding="utf-8", newline="\n") as f:
                f.write(lines)
                f.flush()
                os.fsync(f.fileno())
            check_cancel(self.cancel)
            for part, final in zip(parts, finals, strict=True):
                if final.exists():
                    raise BundleError(_("Файл {path} уже существует.", path=final))
                os.replace(part, final)
                self._published.append(final)
            os.replace(self._sha_part, self.sha256_path)
            self._published.append(self.sha256_path)
        except BaseException as exc:
            self._fail(exc)
        self._state = "finished"
        if self.volume_sink is not None:
            try:
                self.volume_sink.published(finals, volume_hashes)
            except Exception:  # the bundle is whole: sending starts over rather than lose it
                log.exception("the volume sink failed to take the published bundle")
        return BundleResult(
            paths=finals, sha256_of_archive=whole_hex,
            size=sum(f.stat().st_size for f in finals), volumes=len(finals),
            sha256_path=self.sha256_path, volume_sha256=volume_hashes, manifest=manifest,
            encrypted=self.password is not None)

    @property
    def aborted(self) -> bool:
        """The archive was given up (full disk, cancel): no entry can be added any more."""
        return self._state == "aborted"

    def abort(self) -> None:
        """Stop and delete every file made so far (idempotent)."""
        if self._state in ("aborted", "finished"):
            return
        self._state = "aborted"
        if self._pipe is not None:
            self._pipe.abort()
        if self.volume_sink is not None:
            with contextlib.suppress(Exception):
                self.volume_sink.abort()
        if self._archive is not None:
            with contextlib.suppress(Exception):  # cleanup goes on whatever the workers did
                self._archive.discard()
        if self._volumes is not None:
            self._volumes.remove()
        for path in [self._sha_part, *self._published]:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    # internals
    def _volume_path(self, index: int) -> Path:
        return self.archive_path.with_name(f"{self.archive_path.name}.{index + 1:03d}")

    def _final_paths(self, count: int) -> list[Path]:
        # One volume is just the archive: a single file needs no .001 (DESIGN: volumes only
        # "when larger than the chosen size").
        if self.volume_size is None or count == 1:
            return [self.archive_path]
        return [self._volume_path(i) for i in range(count)]

    def _check_open(self, arcname: str | None) -> None:
        if self._state != "open":
            raise RuntimeError(f"BundleWriter is {self._state}")
        if arcname is not None:
            check_arcname(arcname)
            if arcname == MANIFEST_NAME:
                raise ValueError("manifest.json is written by finish()")
            if arcname in self._names or arcname + INCOMPLETE_SUFFIX in self._names:
                raise ValueError(f"duplicate name inside the bundle: {arcname!r}")

    def _add(self, source: Any, arcname: str, *, mtime: float | None = None,
             producer_error: Callable[[], BaseException | None] | None = None) -> FileEntry:
        assert self._archive is not None
        progress = None
        if self.progress is not None:
            report = self.progress

            def progress(n: int) -> None:
                report(arcname, n)

        reader = HashingReader(source, cancel=self.cancel, progress=progress)
        try:
            check_cancel(self.cancel)
            if self._folder_open and (self._close_folder or arcname == MANIFEST_NAME):
                self._archive.new_folder()
            self._archive.write_reader(reader, arcname, mtime)
        except BaseException as exc:
            self._fail(exc)
        self._folder_open = True
        self._close_folder = producer_error is not None or reader.size >= FOLDER_AFTER
        error = reader.error or (producer_error() if producer_error else None)
        if error is not None and (isinstance(error, Cancelled)
                                  or (self.cancel is not None and self.cancel.is_set())):
            self._fail(Cancelled())
        if error is None:
            entry = FileEntry(arcname, reader.size, reader.sha256.hexdigest())
            self._names.add(arcname)
            self.entries.append(entry)
            return entry
        name = arcname + INCOMPLETE_SUFFIX
        self._archive.rename_last(name)
        entry = FileEntry(name, reader.size, reader.sha256.hexdigest(), complete=False)
        self._names.add(name)
        self.entries.append(entry)
        reason = error.message if isinstance(error, CollectorError) else os_error_text(error)
        raise EntryIncomplete(_("{path} записан не полностью ({size} байт): {error}",
                                path=arcname, size=reader.size, error=reason),
                              entry) from error

    def _fail(self, exc: BaseException) -> Any:
        """Delete everything and raise ``exc`` as a message a person can act on."""
        self.abort()
        if isinstance(exc, OSError) and (
                exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))
                or getattr(exc, "winerror", None) in (39, 112)):  # ERROR_(HANDLE_)DISK_FULL
            raise DiskFull(_("Недостаточно места на диске для архива в папке {dir}. Освободите "
                             "место или выберите другую папку (например, флешку) и повторите. "
                             "Недописанный архив удалён.", dir=self.out_dir)) from exc
        if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
            raise OutputError(_("Архив слишком велик для файловой системы в папке {dir} "
                                "(например, FAT32 — не больше 4 ГБ на файл). Выберите другую "
                                "папку или разбейте архив на тома.", dir=self.out_dir)) from exc
        if isinstance(exc, PermissionError):
            raise OutputError(_("Нет прав на запись в папку {dir}. Выберите другую папку.",
                                dir=self.out_dir)) from exc
        if isinstance(exc, OSError) and (exc.errno == errno.EROFS
                                         or getattr(exc, "winerror", None) == 19):
            raise OutputError(_("Папка {dir} доступна только для чтения. Выберите другую "
                                "папку. Недописанный архив удалён.", dir=self.out_dir)) from exc
        if isinstance(exc, BrokenPipeError) and self.cancel is not None and self.cancel.is_set():
            raise Cancelled() from exc
        if isinstance(exc, OSError):
            raise OutputError(_("Не удалось записать архив в папку {dir}: {error}. "
                                "Выберите другую папку. Недописанный архив удалён.",
                                dir=self.out_dir, error=os_error_text(exc))) from exc
        raise exc


