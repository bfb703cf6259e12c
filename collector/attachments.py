"""The user's own files for the bundle (screenshots, receipts): safe names, checked sizes.

A name from the user's disk becomes an archive path under ``attachments/``: no path traversal,
no characters or names Windows refuses (``CON``, ``COM1``…), no collisions, bounded length.
Folders are added with their contents, by the same rules as single files: a link or a Windows
shortcut is shown as what it points to and taken only when the person confirmed it (then the
target is what goes); pipes and devices are refused with the reason; the folder the bundle is
written to is never part of it.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from collector.i18n import _
from collector.linktargets import LinkTarget, link_target, special_reason
from collector.oserrors import os_error_text

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
    link: str | None = None  # "ярлык на …": what the person attached was a link to source


@dataclass
class PendingLink:
    """A link or shortcut that waits for the person's yes: ``path`` as given, its target."""

    path: Path
    target: LinkTarget

    def to_json(self) -> dict[str, str]:
        return {"path": str(self.path), "target": self.target.target, "kind": self.target.kind}


@dataclass
class AttachmentPlan:
    items: list[Attachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    pending_links: list[PendingLink] = field(default_factory=list)

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


def plan_attachments(paths: list[Path | str], *, confirmed_links: bool | set[str] = False,
                     exclude: list[Path] | tuple[Path, ...] = ()) -> AttachmentPlan:
    """What of ``paths`` goes into the bundle. ``confirmed_links``: the links (their paths as
    given, or True for all) the person agreed to attach as their targets; ``exclude``: folders
    never taken from (the output folder)."""
    plan = AttachmentPlan()
    used: set[str] = set()
    skip = [Path(os.path.realpath(p)) for p in exclude]

    def excluded(src: Path) -> bool:
        real = Path(os.path.realpath(src))
        return any(real == x or x in real.parents for x in skip)

    def confirmed(path: Path) -> bool:
        return confirmed_links is True or (
            isinstance(confirmed_links, set) and str(path) in confirmed_links)

    def add(src: Path, rel_parts: list[str], link: LinkTarget | None = None) -> None:
        if len(plan.items) >= MAX_FILES:
            if not any("слишком много" in p for p in plan.problems):
                plan.problems.append(_("Слишком много файлов во вложениях: добавлены первые {n}.",
                                       n=MAX_FILES))
            return
        reason = special_reason(src)
        if reason is not None:
            plan.problems.append(_("Вложение {name} не добавлено: {reason}.", name=src.name,
                                   reason=reason))
            return
        if excluded(src):
            plan.problems.append(_("Файл {name} лежит в папке для архивов и не добавлен: архив "
                                   "не включает сам себя.", name=src.name))
            return
        try:
            size = src.stat().st_size
        except OSError as exc:
            plan.problems.append(_("Файл {name} не прочитан: {error}", name=src.name,
                                   error=os_error_text(exc)))
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
        plan.items.append(Attachment(src, arc, size, str(link.describe()) if link else None))

    def follow(path: Path) -> tuple[Path | None, LinkTarget | None]:
        """The path to read for ``path``: itself, a confirmed link's target, or None."""
        link = link_target(path)
        if link is None:
            return path, None
        if not confirmed(path):
            plan.pending_links.append(PendingLink(path, link))
            plan.problems.append(_("Вложение {name} — {what}: приложите этот файл, если он "
                                   "нужен (подтвердите в окне или параметром --attach-links).",
                                   name=path.name, what=link.describe()))
            return None, link
        if link.path is None:
            plan.problems.append(_("Вложение {name} — {what}, но такого файла здесь нет.",
                                   name=path.name, what=link.describe()))
            return None, link
        return link.path, link

    def walk(top: Path, name: str) -> None:
        if excluded(top):
            plan.problems.append(_("Папка {name} — это папка для архивов: архив не включает "
                                   "сам себя.", name=name))
            return
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            here = Path(dirpath)
            for d in sorted(dirnames):
                if (here / d).is_symlink():
                    plan.problems.append(_("Ссылка на папку {path} не открывается: приложите "
                                           "саму папку.", path=here / d))
            if any(excluded(here / d) for d in dirnames):
                plan.problems.append(_("Папка для архивов внутри {name} не включена: архив не "
                                       "включает сам себя.", name=name))
            dirnames[:] = sorted(d for d in dirnames
                                 if not (here / d).is_symlink() and not excluded(here / d))
            for fname in sorted(filenames):
                source, link = follow(here / fname)
                if source is None:
                    continue
                if source.is_dir():
                    plan.problems.append(_("{name} указывает на папку: приложите саму папку.",
                                           name=fname))
                    continue
                rel = [name, *here.relative_to(top).parts,
                       source.name if link else fname]
                add(source, rel, link)

    for raw in paths:
        given = Path(raw)
        if not given.exists() and not given.is_symlink():
            plan.problems.append(_("Вложение {path} не найдено.", path=given))
            continue
        path, link = follow(given)
        if path is None:
            continue
        if path.is_dir():
            walk(Path(os.path.realpath(path)), path.name)
        elif path.exists():
            add(path, [path.name], link)
        else:
            plan.problems.append(_("Вложение {path} не найдено.", path=given))
    return plan
