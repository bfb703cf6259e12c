"""Checking a bundle: right after writing it, and on disk (``collector verify``)."""

from __future__ import annotations

import json
import lzma
import re
import threading
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import py7zr

from collector.bundle.errors import check_cancel
from collector.bundle.hashing import sha256_of_file
from collector.bundle.names import MANIFEST_NAME, find_volumes
from collector.bundle.readback import UnsupportedLayout, hash_entries, hash_with_py7zr
from collector.bundle.volumes import JoinedReader
from collector.errors import Cancelled, ExitCode
from collector.i18n import _

if TYPE_CHECKING:
    from collector.bundle.writer import FileEntry


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
                    found, kept = hash_with_py7zr(archive, cancel)
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
        except (py7zr.Bad7zFile, py7zr.exceptions.ArchiveError, lzma.LZMAError, zlib.error,
                EOFError, ValueError, KeyError, IndexError, TypeError, AttributeError, UnicodeError,
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


