"""What an attached path really is: a link or a Windows shortcut (``.lnk``) and what it points
to, or something that is not a file at all (a pipe, a device, a socket).

A link or shortcut is shown as its target and added only when the person confirms it: the file
that goes to support is then the target, never the 1-KB shortcut. Pipes and devices are refused:
reading one may never end or may read a whole disk.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from collector.i18n import Text, _


@dataclass(frozen=True)
class LinkTarget:
    kind: str  # symlink | shortcut
    target: str  # as the link says it (a Windows path for shortcuts)
    path: Path | None  # the file on this machine, when it can be reached

    def describe(self) -> Text:
        if self.kind == "shortcut":
            return _("ярлык на {target}", target=self.target)
        return _("ссылка на {target}", target=self.target)


def special_reason(path: Path) -> Text | None:
    """Why ``path`` cannot be attached as a file, or None for a regular file or folder."""
    try:
        mode = os.stat(path).st_mode  # the target's type, for a link
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return _("это канал (FIFO), а не файл: чтение из него может не закончиться")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("это устройство, а не файл")
    if stat.S_ISSOCK(mode):
        return _("это сокет, а не файл")
    return None


def link_target(path: Path) -> LinkTarget | None:
    """The target of a symbolic link or a Windows shortcut; None for anything else."""
    if path.is_symlink():
        try:
            raw = os.readlink(path)
        except OSError:
            raw = ""
        resolved = Path(os.path.realpath(path))
        return LinkTarget("symlink", raw or str(resolved), resolved if resolved.exists() else None)
    if path.suffix.lower() == ".lnk" and path.is_file():
        target = shortcut_target(path)
        if target is None:
            return None
        local = Path(target) if os.name == "nt" else None
        return LinkTarget("shortcut", target, local if local and local.exists() else None)
    return None


def shortcut_target(path: Path) -> str | None:
    """The Windows path a ``.lnk`` file points to (LnkParse3): its LinkInfo's local base path,
    else the path spelled by its item ID list."""
    import LnkParse3

    try:
        with open(path, "rb") as f:
            info = LnkParse3.lnk_file(f).get_json()
    except Exception:
        return None
    link = info.get("link_info") or {}
    base = link.get("local_base_path") or link.get("local_base_path_unicode")
    if base:
        suffix = link.get("common_path_suffix") or link.get("common_path_suffix_unicode") or ""
        return str(PureWindowsPath(base, suffix)) if suffix else str(base)
    items = (info.get("target") or {}).get("items") or []
    parts: list[str] = []
    for item in items:
        if item.get("class") == "Volume Item" and item.get("volume_name"):
            parts = [str(item["volume_name"])]
        elif item.get("class") == "File entry" and item.get("primary_name") and parts:
            parts.append(str(item["primary_name"]))
    return str(PureWindowsPath(*parts)) if len(parts) > 1 else None
