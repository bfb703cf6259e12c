"""The folder the bundle goes to: never GBS.Market's own, always one we can really write to.

Checked before anything is estimated or written, so a person hears the real reason (inside the
program's folder, read-only, a file in the way, a path that cannot exist) instead of «Мало места»
or an error half-way through. Every refusal names a folder that would do.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Any

from collector.errors import CollectorError, ExitCode
from collector.i18n import _
from collector.oserrors import os_error_text

SUGGESTED_NAME = "GBS Support"


class OutDirError(CollectorError):
    exit_code = ExitCode.USAGE


def suggested_out_dir() -> Path:
    """Where the GUI puts bundles by default: ``Documents\\GBS Support`` of this user."""
    docs = None
    with contextlib.suppress(Exception):
        import platformdirs

        docs = Path(platformdirs.user_documents_dir())
    return (docs or Path.home()) / SUGGESTED_NAME


def program_folders(installation: Any, root: Any = None) -> list[tuple[Path, str]]:
    """GBS.Market's folders, which the tool only reads: install folder, data folder, the
    database's folder and the program's own backup folder."""
    from collector.branding import product_name

    found: list[tuple[Path, str]] = []
    product = product_name(installation)
    exe = getattr(installation, "exe", None)
    if exe is not None:
        found.append((Path(exe).parent, _("папка установки {product}", product=product)))
    data = getattr(installation, "data_path", None)
    if data is not None:
        found.append((Path(data), _("папка данных {product}", product=product)))
    db = getattr(installation, "database", None)
    if db is not None and getattr(db, "path", None) is not None:
        found.append((Path(db.path).parent, _("папка базы данных {product}", product=product)))
    if db is not None and getattr(db, "backup_path", None) is not None:
        found.append((Path(db.backup_path), _("папка резервных копий {product}",
                                              product=product)))
    if root is not None and getattr(root, "base", None) is not None:
        found.append((Path(root.base), _("системный корень (диск клиента, только для чтения)")))
    return found


def _inside(path: Path, folder: Path) -> bool:
    try:
        a = Path(os.path.realpath(path))
        b = Path(os.path.realpath(folder))
    except OSError:
        return False
    if os.name == "nt":
        a, b = Path(str(a).casefold()), Path(str(b).casefold())
    return a == b or b in a.parents


def check_out_dir(out: Path, *, installation: Any = None, root: Any = None,
                  probe: bool = True) -> None:
    """Raise :class:`OutDirError` (exit code 2) with a Russian reason and a suggestion when
    ``out`` will not do. ``probe``: create the folder and a test file in it (and remove what
    was created), the only sure test of being able to write there."""
    out = Path(out).absolute()
    suggestion = suggested_out_dir()
    for folder, label in program_folders(installation, root):
        if _inside(out, folder):
            raise OutDirError(_(
                "Папка {path} находится внутри: {what}. Сборщик ничего не пишет в папки "
                "программы. Выберите другую папку, например {suggestion}.",
                path=out, what=label, suggestion=suggestion))
    if out.exists() and not out.is_dir():
        raise OutDirError(_("{path} — это файл, а не папка. Выберите папку, например "
                            "{suggestion}.", path=out, suggestion=suggestion))
    existing = out
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        raise OutDirError(_("Папку {path} нельзя создать: {part} — файл, а не папка. Выберите "
                            "другую папку, например {suggestion}.", path=out, part=existing,
                            suggestion=suggestion))
    if _read_only(existing):
        raise OutDirError(_("Папка {path} доступна только для чтения (диск защищён от записи "
                            "или подключён только для чтения). Выберите другую папку, "
                            "например {suggestion}.", path=out, suggestion=suggestion))
    if probe:
        _probe(out, existing, suggestion)


def _read_only(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
                return True
        except OSError:
            return False
    return False


def _probe(out: Path, existing: Path, suggestion: Path) -> None:
    created: list[Path] = []
    probe = out / f".gbs-collector-probe-{os.getpid()}"
    try:
        missing = []
        p = out
        while p != existing:
            missing.append(p)
            p = p.parent
        for p in reversed(missing):
            p.mkdir()
            created.append(p)
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink()
        for p in reversed(created):
            with contextlib.suppress(OSError):
                p.rmdir()
        if exc.errno in (errno.EROFS,) or getattr(exc, "winerror", None) == 19:
            raise OutDirError(_("Папка {path} доступна только для чтения. Выберите другую "
                                "папку, например {suggestion}.", path=out,
                                suggestion=suggestion)) from exc
        if isinstance(exc, PermissionError):
            raise OutDirError(_("Нет прав на запись в папку {path}. Выберите другую папку, "
                                "например {suggestion}.", path=out,
                                suggestion=suggestion)) from exc
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            raise OutDirError(_("На диске с папкой {path} не осталось места. Выберите другую "
                                "папку, например {suggestion}.", path=out,
                                suggestion=suggestion)) from exc
        raise OutDirError(_("В папку {path} нельзя записать архив: {error}. Выберите другую "
                            "папку, например {suggestion}.", path=out,
                            error=os_error_text(exc), suggestion=suggestion)) from exc
    finally:
        # What the probe created stays only as the (empty) output folder itself.
        pass


def remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()
