"""The user's own files for the bundle (screenshots, receipts): safe names, checked sizes.

A name from the user's disk becomes an archive path under ``attachments/``: no path traversal,
no characters or names Windows refuses (``CON``, ``COM1``…), no collisions, bounded length.
Folders are added with their contents; links are not followed out of the folder.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from collector.i18n import _

MAX_FILE_BYTES = 200 * 2**20  # one screenshot video is fine; a whole disk image is not
MAX_TOTAL_BYTES = 1024 * 2**20
MAX_FILES = 500
MAX_NAME = 120
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
            *(f"LPT{i}" for i in range(1, 10)), "CONIN$", "CONOUT$"}
AUDIO_SUFFIXES = {".ogg", ".oga", ".opus", ".mp3", ".m4a", ".wav", ".amr", ".aac", ".wma",
                  ".flac", ".3gp"}


@dataclass
class Attachment:
    source: Path
    arcname: str  # attachments/<safe name>
    size: int


@dataclass
class AttachmentPlan:
    items: list[Attachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(a.size for a in self.items)


def safe_name(name: str) -> str:
    """One path component that every OS and 7-Zip accept, readable (Cyrillic is kept)."""
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r'[<>:"/\\|?*]', "_", name)
    name = name.strip().strip(". ")  # no hidden files, no "..", no trailing dots (Windows)
    name = re.sub(r"\s+", " ", name)
    if name in ("", ".", ".."):
        name = "file"
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.split(".")[0].upper() in RESERVED:
        stem = "_" + stem
    ext = ext[:16]
    stem = stem[: MAX_NAME - len(ext) - 1] if ext else stem[:MAX_NAME]
    return f"{stem}.{ext}" if ext else stem


def plan_attachments(paths: list[Path | str]) -> AttachmentPlan:
    plan = AttachmentPlan()
    used: set[str] = set()

    def add(src: Path, rel_parts: list[str]) -> None:
        if len(plan.items) >= MAX_FILES:
            if not any("слишком много" in p for p in plan.problems):
                plan.problems.append(_("Слишком много файлов во вложениях: добавлены первые {n}.",
                                       n=MAX_FILES))
            return
        try:
            size = src.stat().st_size
        except OSError as exc:
            plan.problems.append(_("Файл {name} не прочитан: {error}", name=src.name,
                                   error=exc.strerror or exc))
            return
        if src.suffix.lower() in AUDIO_SUFFIXES:
            plan.problems.append(_("Голосовое сообщение {name} не добавлено: поддержка принимает "
                                   "вопросы только текстом. Если нужно поговорить — позвоните.",
                                   name=src.name))
            return
        if size > MAX_FILE_BYTES:
            plan.problems.append(_("Файл {name} слишком большой ({mb} МБ, можно до {limit} МБ): "
                                   "не добавлен.", name=src.name, mb=size // 2**20,
                                   limit=MAX_FILE_BYTES // 2**20))
            return
        if plan.total + size > MAX_TOTAL_BYTES:
            plan.problems.append(_("Вложения превышают {limit} МБ: файл {name} не добавлен.",
                                   limit=MAX_TOTAL_BYTES // 2**20, name=src.name))
            return
        arc = "/".join(["attachments", *[safe_name(p) for p in rel_parts]])
        base, n = arc, 1
        while arc.casefold() in used:
            n += 1
            stem, dot, ext = base.rpartition(".")
            arc = f"{stem} ({n}).{ext}" if dot and "/" not in ext else f"{base} ({n})"
        used.add(arc.casefold())
        plan.items.append(Attachment(src, arc, size))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            top = path.resolve()
            for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
                dirnames.sort()
                for fname in sorted(filenames):
                    f = Path(dirpath) / fname
                    if f.is_symlink() and not _inside(f, top):
                        continue  # a link pointing out of the folder is not the user's file
                    add(f, [path.name, *Path(dirpath).relative_to(top).parts, fname])
        elif path.is_file():
            add(path, [path.name])
        else:
            plan.problems.append(_("Вложение {path} не найдено.", path=path))
    return plan


def _inside(path: Path, top: Path) -> bool:
    try:
        path.resolve().relative_to(top)
        return True
    except (ValueError, OSError):
        return False
