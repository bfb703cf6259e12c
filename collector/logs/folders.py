"""Where the program keeps its logs: ``Logs\\yyyy-MM-dd\\`` day folders and ``CRPT_logs``
day files, names it would not have made, and the files that belong to one day."""

from __future__ import annotations

import errno
import os
import re
import stat as stat_mod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from collector.i18n import _
from collector.logs.layouts import header_versions, kind_of
from collector.logs.layouts.others import CRPT_FILE
from collector.winsys.sharedfile import NotARegularFile, is_sharing_violation

DAY_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A name that carries a date but is not the program's own: "2026-11-20 - копия", "20.11.2026".
ODD_DATE = re.compile(r"(?<!\d)(?:(\d{4})[-_. ](\d{1,2})[-_. ](\d{1,2})|(\d{1,2})[-_. ](\d{1,2})"
                      r"[-_. ](\d{4}))(?!\d)")
MAX_DEPTH = 4


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


def crpt_files(crpt_dir: Path | None) -> dict[date, list[Path]]:
    """``CRPT_logs\\yyyy-MM-dd.log`` and the ``yyyy-MM-dd.zip`` the program made of a past day's
    log, by date (the .log first when a day has both: the zip was made, the delete failed)."""
    found: dict[date, list[Path]] = {}
    if crpt_dir is None:
        return found
    try:
        entries = list(os.scandir(crpt_dir))
    except OSError:
        return found
    for entry in sorted(entries, key=lambda e: (e.name.lower().endswith(".zip"), e.name)):
        m = CRPT_FILE.match(entry.name)
        if not m:
            continue
        try:
            found.setdefault(date(int(m[1]), int(m[2]), int(m[3])), []).append(Path(entry.path))
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


def nearby_days(available: list[date], day: date, *, each_side: int = 3) -> list[date]:
    """The closest days with logs before and after ``day``."""
    before = [d for d in available if d < day][-each_side:]
    after = [d for d in available if d > day][:each_side]
    return before + after


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


@dataclass
class Found:
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


def os_reason(exc: OSError) -> str:
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


def day_files(day: date, folder: Path | None, crpt: list[Path] | None,
              allowed: list[Path | None], show: Callable[[Path], str]
              ) -> tuple[list[Found], list[SkippedFile]]:
    found: list[Found] = []
    skipped: list[SkippedFile] = []
    if folder is not None:
        if folder.is_symlink() and not _inside(Path(os.path.realpath(folder)), allowed):
            skipped.append(SkippedFile(show(folder), _(
                "ссылка ведёт за пределы папки журналов ({target}) — не включена",
                target=os.path.realpath(folder))))
        else:
            _walk(folder, f"{day.isoformat()}/", day, 0, set(), found, skipped, allowed, show)
    for path in crpt or ():
        _consider(Path(path), f"crpt/{_archive_name(path.name)}", day, "crpt", found, skipped,
                  allowed, show)
    return found, skipped


def _walk(folder: Path, rel: str, day: date, depth: int, seen: set[tuple[int, int]],
          found: list[Found], skipped: list[SkippedFile], allowed: list[Path | None],
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
        skipped.append(SkippedFile(show(folder), os_reason(exc)))
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
            skipped.append(SkippedFile(show(path), os_reason(exc)))
            continue
        _consider(path, rel + name, day, kind_of(entry.name), found, skipped, allowed, show)


def _consider(path: Path, rel: str, day: date, kind: str, found: list[Found],
              skipped: list[SkippedFile], allowed: list[Path | None],
              show: Callable[[Path], str]) -> None:
    try:
        link = path.is_symlink()
        st = os.stat(path)  # follows a link; ELOOP for a loop
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and path.is_symlink():
            reason = _("ссылка ведёт на несуществующий файл")
        else:
            reason = os_reason(exc)
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
    found.append(Found(path, rel, day, kind, st.st_size))


def _archive_name(name: str) -> str:
    """A file name safe inside a 7z on Windows: no separators, no control characters."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in name).strip()
    return cleaned.rstrip(". ") or "_"
