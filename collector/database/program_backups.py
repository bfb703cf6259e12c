"""The program's own automatic backups, a fallback offered when no fresh copy can be made.

GBS.Market zips a gbak backup with ``Configs\\``, ``TemplatesFR\\`` and recent ``Logs\\`` into
``<BackUp.Path>\\<GBS.ID>\\yyyy-MM-dd_HH-mm-ss.zip`` (GBS_MARKET.md §7). The backup is
``<db name>.fbk`` — the database file's name with its extension replaced, ``main.fbk`` only for
``main.fdb``. A zip holds none when the program works as a network client, when
``CreateDbInBackup`` is off, or when gbak failed; :func:`no_fbk_reason` says which. Backups are
listed newest first with their age in words, so the person can decide whether a copy that old is
worth sending.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import BinaryIO

from collector.i18n import _

# The program's backup file name (GBS_MARKET.md §7): yyyy-MM-dd_HH-mm-ss.zip, local time.
BACKUP_ZIP = re.compile(r"^(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})\.zip$", re.IGNORECASE)
_GBS_FOLDER = re.compile(r"^[0-9A-Fa-f]{32}$")


@dataclass
class ProgramBackup:
    path: Path
    created: datetime  # local time, from the file name (the program's clock)
    size: int
    age_seconds: float
    age_text: str  # "3 дня назад"
    fbk_name: str | None  # the backup inside the zip, if there is one
    fbk_size: int | None

    def open_fbk(self) -> BinaryIO:
        """The backup inside the zip as a stream (for the bundle writer); close it after use."""
        if self.fbk_name is None:
            raise FileNotFoundError(f"{self.path}: no .fbk inside")
        with zipfile.ZipFile(self.path) as z:
            return z.open(self.fbk_name)  # keeps the zip file open until it is closed itself

    def to_json(self) -> dict:
        return {"path": str(self.path), "created": self.created.isoformat(sep=" "),
                "size": self.size, "age_text": str(self.age_text), "fbk": self.fbk_name,
                "fbk_size": self.fbk_size}


def fbk_name_for(db_path_windows: str | None) -> str:
    """The name the program gives its backup of a database file: ``MAGAZ.FDB`` → ``MAGAZ.fbk``."""
    name = PureWindowsPath(db_path_windows or "main.fdb").name
    stem, dot, ext = name.rpartition(".")
    return name.replace("." + ext, ".fbk") if dot and stem else name + ".fbk"


def no_fbk_reason(connection_type: str | None, create_db_in_backup: bool | None,
                  product: str = "GBS.Market") -> str:
    """Why the program's backup zips hold no database (Russian), from its settings."""
    if connection_type not in (None, "Local"):
        return _("{product} на этом компьютере подключается к базе на другом компьютере "
                 "(сетевой клиент): копию базы делает только компьютер, где база лежит.",
                 product=product)
    if create_db_in_backup is False:
        return _("в настройках резервного копирования {product} выключено «Сохранять базу "
                 "данных» (CreateDbInBackup): копии содержат только настройки и журналы.",
                 product=product)
    return _("программа {product} не смогла сделать копию базы (gbak завершился с ошибкой; в "
             "журнале программы это «Резервная копия БД не была создана», подробности в "
             "backup.log).",
             product=product)


def find_program_backups(backup_path: Path | None, gbs_id: str | None, *,
                         now: datetime | None = None,
                         db_name: str | None = None) -> list[ProgramBackup]:
    """Backups in ``<backup_path>/<GBS.ID>/``, newest first. ``gbs_id`` may carry the ``6:``
    prefix; without it every GBS.ID folder under ``backup_path`` is looked at. ``db_name``: the
    backup's name to look for (:func:`fbk_name_for`), else any ``.fbk`` at the zip's root."""
    if backup_path is None or not backup_path.is_dir():
        return []
    now = now or datetime.now()
    if gbs_id:
        hex_id = gbs_id.split(":", 1)[-1].strip().upper()
        folders = [p for p in backup_path.iterdir()
                   if p.is_dir() and p.name.upper() == hex_id]
    else:
        folders = [p for p in backup_path.iterdir() if p.is_dir() and _GBS_FOLDER.match(p.name)]
    found: list[ProgramBackup] = []
    for folder in folders:
        for f in folder.iterdir():
            m = BACKUP_ZIP.match(f.name)
            if not m or not f.is_file():
                continue
            try:
                created = datetime.strptime(m.group(1), "%Y-%m-%d_%H-%M-%S")
            except ValueError:
                continue
            fbk_name, fbk_size = _fbk_inside(f, db_name)
            age = max(0.0, (now - created).total_seconds())
            found.append(ProgramBackup(f, created, f.stat().st_size, age, age_text(age),
                                       fbk_name, fbk_size))
    found.sort(key=lambda b: b.created, reverse=True)
    return found


def _fbk_inside(zip_path: Path, expected: str | None) -> tuple[str | None, int | None]:
    """The database backup at the zip's root: ``expected`` (any case) first, else any .fbk."""
    try:
        with zipfile.ZipFile(zip_path) as z:
            root = [i for i in z.infolist() if "/" not in i.filename.strip("/")
                    and i.filename.lower().endswith(".fbk")]
    except (OSError, zipfile.BadZipFile):
        return None, None
    if expected:
        for info in root:
            if info.filename.casefold() == expected.casefold():
                return info.filename, info.file_size
    return (root[0].filename, root[0].file_size) if root else (None, None)


def _form(n: int) -> int:
    """Russian plural form: 0 — 1, 21 (день); 1 — 2..4 (дня); 2 — 5..20 (дней)."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def age_text(seconds: float) -> str:
    """Russian "how long ago": «только что», «5 минут назад», «1 день назад», «3 дня назад»."""
    # Every form is spelled out as a literal so the translation tools find it.
    minutes = int(seconds // 60)
    if minutes < 1:
        return _("только что")
    if minutes < 60:
        n = minutes
        return (_("{n} минуту назад", n=n), _("{n} минуты назад", n=n),
                _("{n} минут назад", n=n))[_form(n)]
    if minutes < 24 * 60:
        n = minutes // 60
        return (_("{n} час назад", n=n), _("{n} часа назад", n=n),
                _("{n} часов назад", n=n))[_form(n)]
    days = minutes // (24 * 60)
    if days < 60:
        n = days
        return (_("{n} день назад", n=n), _("{n} дня назад", n=n),
                _("{n} дней назад", n=n))[_form(n)]
    if days < 365:
        n = days // 30
        return (_("{n} месяц назад", n=n), _("{n} месяца назад", n=n),
                _("{n} месяцев назад", n=n))[_form(n)]
    n = days // 365
    return (_("{n} год назад", n=n), _("{n} года назад", n=n),
            _("{n} лет назад", n=n))[_form(n)]
