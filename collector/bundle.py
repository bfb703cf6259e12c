"""The bundle: one verified ``.7z`` (or volumes ``.7z.001`` …) for the support desk.

:class:`BundleWriter` streams every entry into a solid LZMA2 archive (py7zr; AES-256 with
encrypted file names when a password is set), hashes each entry on the way, adds
``manifest.json`` last, checks the finished archive by reading it back and only then renames
the ``.part`` files to their real names and writes ``<bundle>.sha256`` beside them. Anything
that goes wrong (full disk, cancel, an exception in the caller) removes every file it made.
:func:`verify_bundle` is the same check for a bundle on disk (``collector verify``).

Layout and manifest schema: DESIGN.md, "The bundle". Streaming details: :mod:`bundle_stream`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import lzma
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import py7zr
from py7zr.io import Py7zIO, WriterFactory

from collector.bundle_stream import (
    CHUNK,
    HashingReader,
    JoinedReader,
    ProducerPipe,
    StreamingSevenZipFile,
    UnsupportedLayout,
    VolumeWriter,
    check_cancel,
    hash_entries,
    run_producer,
    sha256_of_file,
)
from collector.errors import Cancelled, CollectorError, ExitCode
from collector.i18n import _

MiB = 1 << 20
MANIFEST_NAME = "manifest.json"
INCOMPLETE_SUFFIX = ".incomplete"

# Mail servers check the size of the *encoded* message: base64 turns 57 bytes into a 76-character
# line plus CRLF, ×1.368. 17 MiB of archive becomes 24.4 MB on the wire and leaves ~0.6 MB of a
# 25 000 000-byte limit (Gmail, Yandex, Mail.ru: "25 МБ") for the letter itself.
DEFAULT_VOLUME_SIZE = 17 * MiB
MIN_VOLUME_SIZE = 64 * 1024

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


# --- errors ------------------------------------------------------------------------------------

class BundleError(CollectorError):
    """The archive could not be written or does not check out."""

    exit_code = ExitCode.STEP_FAILED


class OutputError(BundleError):
    """The output folder cannot take the archive (full, read-only, no rights): the writer is
    aborted, nothing of it is left, and another folder is the remedy."""

    exit_code = ExitCode.USAGE


class DiskFull(OutputError):
    pass


class SourceError(BundleError):
    """A file to add could not be opened; nothing was written, the writer is still usable."""


class EntryIncomplete(BundleError):
    """A source failed midway; its bytes so far are in the archive as ``<name>.incomplete``.

    The writer is still usable. ``entry`` is the recorded entry, ``__cause__`` the original
    error (e.g. the database backup's own :class:`CollectorError`).
    """

    def __init__(self, message: str, entry: FileEntry) -> None:
        super().__init__(message)
        self.entry = entry


# --- sizes and names ---------------------------------------------------------------------------

_UNITS = {"": 1, "b": 1, "б": 1,
          "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "к": 1 << 10, "кб": 1 << 10,
          "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "м": 1 << 20, "мб": 1 << 20,
          "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30, "г": 1 << 30, "гб": 1 << 30}


def parse_size(text: str | int) -> int:
    """``"17M"``, ``"100MB"``, ``"1.5 ГБ"``, ``"65536"`` → bytes.

    Units are binary (1M = 1024 × 1024), as in 7-Zip's ``-v17m``; case and a space before the
    unit do not matter. Raises :class:`CollectorError` (exit code 2) with a Russian message.
    """
    if isinstance(text, int):
        value = text
    else:
        m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([a-zа-яё]*)\s*", str(text).lower())
        if not m or m.group(2) not in _UNITS:
            raise CollectorError(
                _("Непонятный размер тома «{text}»: укажите число с единицей, например 17M, "
                  "100MB или 1G.", text=text), exit_code=ExitCode.USAGE)
        value = int(float(m.group(1).replace(",", ".")) * _UNITS[m.group(2)])
    if value < MIN_VOLUME_SIZE:
        raise CollectorError(
            _("Слишком маленький размер тома «{text}»: нужно не меньше 64 КБ.", text=text),
            exit_code=ExitCode.USAGE)
    return value


def bundle_name(gbs_id: str | None, problem_date: date, created: datetime) -> str:
    """``GBS-Support_<first 8 of GBS.ID or NOID>_<problem date>_<YYYYMMDD-HHMMSS>`` (no ``.7z``).

    The ``6:`` version prefix of a GBS.ID is skipped: a colon cannot be in a Windows file name.
    """
    short = "NOID"
    if gbs_id:
        hexpart = re.sub(r"[^0-9A-Za-z]", "", gbs_id.split(":", 1)[-1])
        short = hexpart[:8] or "NOID"
    return f"GBS-Support_{short}_{problem_date.isoformat()}_{created:%Y%m%d-%H%M%S}"


def check_arcname(arcname: str) -> str:
    """A relative POSIX path without ``..``: what the bundle layout allows inside the archive."""
    parts = arcname.split("/")
    if (not arcname or "\\" in arcname or "\x00" in arcname or arcname.startswith("/")
            or re.match(r"^[A-Za-z]:", arcname) or any(p in ("", ".", "..") for p in parts)):
        raise ValueError(f"bad name inside the bundle: {arcname!r}")
    return arcname


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


# --- writer ------------------------------------------------------------------------------------

class BundleWriter:
    """Writes one bundle; use as a context manager and end with :meth:`finish`.

    ``with BundleWriter(out, name, password=p, volume_size=parse_size("17M")) as w:``
    ``w.add_file(path, "logs/…")``; ``w.add_stream("database/main.fbk", producer)``;
    ``result = w.finish(manifest)``. Leaving the block without ``finish`` (an exception, a cancel)
    deletes every file the writer made. Entries are added from the calling thread only;
    ``cancel`` may be set from any thread at any time.
    """

    def __init__(self, out_dir: Path, name: str, *, password: str | None = None,
                 volume_size: int | None = None, preset: int = DEFAULT_PRESET,
                 dict_size: int = DEFAULT_DICT_SIZE, nice_len: int | None = DEFAULT_NICE_LEN,
                 workers: int | None = None,
                 block_size: int | None = None, cancel: threading.Event | None = None,
                 progress: Callable[[str, int], None] | None = None) -> None:
        if password is not None and password == "":
            raise ValueError("empty password")
        if volume_size is not None and volume_size < MIN_VOLUME_SIZE:
            raise ValueError(f"volume_size below {MIN_VOLUME_SIZE}")
        self.out_dir = Path(out_dir)
        self.archive_path = self.out_dir / (name if name.endswith(".7z") else f"{name}.7z")
        self.sha256_path = self.archive_path.with_name(self.archive_path.name + ".sha256")
        self.password = password
        self.volume_size = volume_size
        self.cancel = cancel
        self.progress = progress
        self.workers = max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1)) if workers is None \
            else max(1, workers)
        self.block_size = block_size or 4 * dict_size
        lzma2: dict[str, Any] = {"id": py7zr.FILTER_LZMA2, "preset": preset,
                                 "dict_size": dict_size}
        if nice_len is not None:
            lzma2["nice_len"] = nice_len
        self.filters: list[dict[str, Any]] = [lzma2]
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
            self._volumes = VolumeWriter(self.archive_path, self.volume_size, self.cancel)
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
                                path=src, error=_os_error_text(exc))) from exc
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
            whole = hashlib.sha256()
            volume_hashes = []
            for part in parts:
                h = hashlib.sha256()
                with open(part, "rb") as f:
                    while chunk := f.read(CHUNK):
                        check_cancel(self.cancel)
                        h.update(chunk)
                        whole.update(chunk)
                volume_hashes.append(h.hexdigest())
            expected = {e.path: e for e in self.entries}
            expected[MANIFEST_NAME] = FileEntry(MANIFEST_NAME, len(data),
                                                hashlib.sha256(data).hexdigest())
            report = verify_volumes(parts, self.password, cancel=self.cancel,
                                    expected=expected)
            if not report.ok:
                raise BundleError(_("Архив не прошёл проверку после записи: {problem}",
                                    problem="; ".join(report.problems)))
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
        return BundleResult(
            paths=finals, sha256_of_archive=whole.hexdigest(),
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
            self._archive.write_reader(reader, arcname, mtime)
        except BaseException as exc:
            self._fail(exc)
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
        reason = error.message if isinstance(error, CollectorError) else _os_error_text(error)
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
                                dir=self.out_dir,
                                error=_os_error_text(exc))) from exc
        raise exc


def _os_error_text(exc: BaseException) -> str:
    from collector.oserrors import os_error_text

    return os_error_text(exc)


# --- verification ------------------------------------------------------------------------------

@dataclass
class EntryCheck:
    path: str
    size: int
    sha256: str
    expected_size: int | None = None
    expected_sha256: str | None = None

    @property
    def ok(self) -> bool:
        return self.expected_sha256 == self.sha256 and self.expected_size == self.size

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256, "ok": self.ok}


_STATUS_RANK = {"ok": 0, "damaged": 1, "missing": 2, "password": 3, "not_found": 4}
STATUS_EXIT = {"ok": ExitCode.OK, "password": ExitCode.USAGE, "not_found": ExitCode.USAGE,
               "damaged": ExitCode.STEP_FAILED, "missing": ExitCode.STEP_FAILED}


@dataclass
class VerifyReport:
    """What :func:`verify_bundle` found. ``status``: ok | damaged | missing | password |
    not_found; ``problems`` are Russian sentences for people."""

    path: Path
    volumes: list[Path] = field(default_factory=list)
    status: str = "ok"
    problems: list[str] = field(default_factory=list)
    entries: list[EntryCheck] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    sha256_file: Path | None = None
    sha256_file_ok: bool | None = None
    encrypted: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def exit_code(self) -> ExitCode:
        return STATUS_EXIT[self.status]

    def problem(self, status: str, message: str) -> None:
        if _STATUS_RANK[status] > _STATUS_RANK[self.status]:
            self.status = status
        self.problems.append(message)

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "ok": self.ok, "status": self.status,
                "problems": list(self.problems), "volumes": [str(p) for p in self.volumes],
                "encrypted": self.encrypted,
                "sha256_file": str(self.sha256_file) if self.sha256_file else None,
                "sha256_file_ok": self.sha256_file_ok,
                "entries": [e.to_json() for e in self.entries]}

    def format(self) -> str:
        parts = f" ({len(self.volumes)} тома)" if len(self.volumes) > 1 else ""
        lines = [f"Архив: {self.path}{parts}"]
        if self.ok:
            total = sum(e.size for e in self.entries)
            lines.append(f"Архив в порядке: {len(self.entries)} файлов ({total} байт), "
                         "контрольные суммы совпадают с manifest.json.")
            if self.sha256_file_ok:
                lines.append(f"Контрольная сумма архива совпадает с {self.sha256_file.name}."
                             if self.sha256_file else "")
            if self.encrypted:
                lines.append("Архив зашифрован (AES-256, имена файлов скрыты).")
        else:
            lines.append("Архив НЕ прошёл проверку:")
            lines += [f"  ! {p}" for p in self.problems]
        return "\n".join(line for line in lines if line)


_VOLUME_RE = re.compile(r"^(?P<base>.+\.7z)\.(?P<num>\d{3})(?:\.part)?$", re.IGNORECASE)


def find_volumes(path: Path) -> tuple[Path, list[Path], list[str]]:
    """The archive's base name (``….7z``), its volume files in order and names of missing ones."""
    m = _VOLUME_RE.match(path.name)
    if m is None:
        base = path
        if path.exists() or not path.with_name(path.name + ".001").exists():
            return base, [path], []
    else:
        base = path.with_name(m.group("base"))
    numbers = sorted(int(mm.group("num")) for p in base.parent.glob(base.name + ".*")
                     if (mm := _VOLUME_RE.match(p.name)) and mm.group("base") == base.name
                     and not p.name.endswith(".part"))
    if not numbers:
        return base, [path], []
    last = numbers[-1]
    volumes = [base.with_name(f"{base.name}.{i:03d}") for i in range(1, last + 1)]
    missing = [v.name for v in volumes if not v.exists()]
    return base, volumes, missing


def verify_bundle(path: Path, password: str | None = None, *,
                  cancel: threading.Event | None = None) -> VerifyReport:
    """Check a bundle on disk: every volume there, ``.sha256`` beside it (when present), the
    archive opens, every entry's size and sha256 match ``manifest.json`` (the last entry)."""
    path = Path(path)
    if path.name.lower().endswith(".7z.sha256"):  # the checksum file stands for its archive
        path = path.with_name(path.name[:-len(".sha256")])
    base, volumes, missing = find_volumes(path)
    report = VerifyReport(path=base if len(volumes) > 1 else volumes[0], volumes=volumes)
    if not any(v.exists() for v in volumes):
        report.problem("not_found", _("Файл {path} не найден.", path=path))
        return report
    sha_file = base.with_name(base.name + ".sha256")
    listed: dict[str, str] = {}
    if sha_file.exists():
        report.sha256_file = sha_file
        listed = _read_sha256_file(sha_file)
        for name in listed:
            candidate = base.with_name(name)
            if candidate not in volumes and not candidate.exists():
                missing.append(name)
            elif candidate not in volumes:
                volumes.append(candidate)
        volumes.sort(key=lambda p: p.name)
    for name in sorted(set(missing)):
        report.problem("missing", _("Не хватает части архива: {name}. Положите все части "
                                    "(.001, .002, …) в одну папку.", name=name))
    if missing:
        return report
    if listed:
        report.sha256_file_ok = True
        for volume in volumes:
            want = listed.get(volume.name)
            if want is None:
                continue
            check_cancel(cancel)
            if sha256_of_file(volume, cancel) != want:
                report.sha256_file_ok = False
                report.problem("damaged", _("Контрольная сумма {name} не совпадает с {sha}: "
                                            "файл изменён или повреждён при передаче.",
                                            name=volume.name, sha=sha_file.name))
    content = verify_volumes(volumes, password, cancel=cancel)
    report.entries = content.entries
    report.manifest = content.manifest
    report.encrypted = content.encrypted
    for status, message in zip(content.statuses, content.problems, strict=True):
        report.problem(status, message)
    return report


@dataclass
class _ContentReport:
    entries: list[EntryCheck] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    encrypted: bool = False
    problems: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    manifest_text: bytes = b""

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, status: str, message: str) -> None:
        self.statuses.append(status)
        self.problems.append(message)


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


def _hash_with_py7zr(archive: py7zr.SevenZipFile, cancel: threading.Event | None,
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


def verify_volumes(volumes: list[Path], password: str | None, *,
                   cancel: threading.Event | None = None,
                   expected: dict[str, FileEntry] | None = None) -> _ContentReport:
    """Decompress everything (nothing written to disk) and compare with the manifest inside
    and, right after writing, with what the writer recorded (``expected``)."""
    out = _ContentReport()
    reader = JoinedReader(volumes, cancel)
    try:
        head = reader.read(32)
        if len(head) < 32 or not head.startswith(b"7z\xbc\xaf\x27\x1c"):
            out.add("damaged", _("Это не архив 7z или его начало повреждено."))
            return out
        declared = 32 + int.from_bytes(head[12:20], "little") + int.from_bytes(head[20:28],
                                                                               "little")
        if declared > reader.total:
            out.add("missing", _("Архив неполный: не хватает {n} байт в конце — скорее всего, "
                                 "не все части (тома) скачаны или файл обрезан.",
                                 n=declared - reader.total))
            return out
        reader.seek(0)
        try:
            with py7zr.SevenZipFile(reader, "r", password=password) as archive:
                out.encrypted = archive.needs_password()
                try:
                    found, kept = hash_entries(archive, reader, password, cancel,
                                               keep=(MANIFEST_NAME,))
                except UnsupportedLayout:  # not one of ours: let py7zr decode it
                    archive.reset()
                    found, kept = _hash_with_py7zr(archive, cancel)
        except Cancelled:
            raise
        except py7zr.PasswordRequired:
            out.add("password", _("Архив защищён паролем: укажите пароль (--password)."))
            return out
        except py7zr.exceptions.CrcError as exc:
            if password is not None:
                out.add("password", _("Неверный пароль, или архив повреждён "
                                      "(7z не различает эти случаи)."))
            else:
                name = exc.args[2] if len(exc.args) > 2 else "?"
                out.add("damaged", _("Архив повреждён: не сходится контрольная сумма файла "
                                     "{name}.", name=name))
            return out
        except (py7zr.Bad7zFile, py7zr.exceptions.ArchiveError, lzma.LZMAError, EOFError,
                ValueError, KeyError, IndexError, TypeError, AttributeError, UnicodeError,
                OSError) as exc:
            if password is not None:
                out.add("password", _("Неверный пароль, или архив повреждён "
                                      "(7z не различает эти случаи)."))
            else:
                out.add("damaged", _("Архив повреждён и не открывается: {error}",
                                     error=str(exc) or type(exc).__name__))
            return out
    finally:
        reader.close()
    out.manifest_text = kept.get(MANIFEST_NAME, b"")
    _compare(out, found, expected)
    return out


def _compare(out: _ContentReport, found: list[tuple[str, int, str]],
             expected: dict[str, FileEntry] | None) -> None:
    out.entries = [EntryCheck(name, size, sha) for name, size, sha in found]
    names = [name for name, _size, _sha in found]
    if not names or names[-1] != MANIFEST_NAME:
        out.add("damaged", _("В архиве нет manifest.json последним файлом — это не архив "
                             "сборщика или он недописан."))
        return
    try:
        manifest = json.loads(out.manifest_text.decode("utf-8"))
        listed = {f["path"]: f for f in manifest["files"]}
    except (ValueError, KeyError, TypeError):
        out.add("damaged", _("manifest.json в архиве повреждён."))
        return
    out.manifest = manifest
    for entry in out.entries:
        if entry.path == MANIFEST_NAME:
            entry.expected_size, entry.expected_sha256 = entry.size, entry.sha256
            if expected is not None:
                want = expected[MANIFEST_NAME]
                entry.expected_size, entry.expected_sha256 = want.size, want.sha256
            if not entry.ok:
                out.add("damaged", _("manifest.json в архиве не тот, что был записан."))
            continue
        info = listed.get(entry.path)
        if info is None:
            out.add("damaged", _("Файла {name} нет в manifest.json.", name=entry.path))
            continue
        entry.expected_size, entry.expected_sha256 = info.get("size"), info.get("sha256")
        if not entry.ok:
            out.add("damaged", _("Файл {name} не совпадает с manifest.json (размер или "
                                 "sha256).", name=entry.path))
        if expected is not None:
            want = expected.get(entry.path)
            if want is None or (want.size, want.sha256) != (entry.size, entry.sha256):
                out.add("damaged", _("Файл {name} в архиве не тот, что был записан.",
                                     name=entry.path))
    in_archive = {e.path for e in out.entries}
    for path in listed:
        if path not in in_archive:
            out.add("damaged", _("Файла {name} из manifest.json нет в архиве.", name=path))


def _read_sha256_file(path: Path) -> dict[str, str]:
    listed = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.fullmatch(r"\s*([0-9a-fA-F]{64})\s+\*?(.+?)\s*", line)
        if m:
            listed[Path(m.group(2)).name] = m.group(1).lower()
    return listed


