"""The "system root": where the PC is read from.

On Windows it is the machine itself. Elsewhere (the demo, tests, a technician looking at a copy of
a customer's disk) it is a folder that stands for ``C:\\``; Windows paths found in configs and the
registry are mapped onto it. Everything that reads the PC goes through one :class:`SystemRoot`.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PureWindowsPath

from collector.i18n import _

ROOT_ENV = "GBS_COLLECTOR_ROOT"
_DRIVE = re.compile(r"^([A-Za-z]):[\\/]?")


class RootError(Exception):
    pass


@dataclass(frozen=True)
class SystemRoot:
    """``base`` is the folder that stands for ``C:\\``; ``None`` means the real Windows machine."""

    base: Path | None = None

    @classmethod
    def from_arg(cls, root: str | os.PathLike[str] | None) -> SystemRoot:
        root = root or os.environ.get(ROOT_ENV) or None
        if root is None:
            return cls(None)
        base = Path(root).expanduser().absolute()
        if not base.is_dir():
            raise RootError(_("Папка системного корня не найдена: {path}", path=base))
        return cls(base)

    @property
    def native(self) -> bool:
        return self.base is None

    # --- paths ---------------------------------------------------------------------------------
    def path(self, windows_path: str | PureWindowsPath) -> Path:
        """Map a Windows path (``C:\\ProgramData\\…``) onto this root.

        Other drives become ``<root>/drives/<letter>``; names are matched case-insensitively, as
        Windows does, so a config saying ``c:\\programdata`` still finds ``ProgramData``.
        """
        text = str(windows_path).strip().strip('"')
        if self.base is None:
            return Path(text)
        m = _DRIVE.match(text)
        if m:
            letter = m.group(1).upper()
            rest = text[m.end():]
            start = self.base if letter == "C" else self.base / "drives" / letter
        elif text.startswith(("\\\\", "//")):
            raise RootError(_("Сетевой путь {path} недоступен в системном корне", path=text))
        else:
            start, rest = self.base, text
        parts: list[str] = []
        for p in re.split(r"[\\/]+", rest):
            if p in ("", "."):
                continue
            if p == "..":
                if not parts:  # C:\..\outside: above the drive, i.e. out of the root
                    raise RootError(_("Путь {path} выходит за пределы системного корня — "
                                      "он не читается", path=text))
                parts.pop()
                continue
            parts.append(p)
        mapped = _resolve_case_insensitive(start, parts)
        if not _within(mapped, self.base):  # a link inside the copy pointing out of it
            raise RootError(_("Путь {path} ведёт за пределы системного корня (через ссылку) — "
                              "он не читается", path=text))
        return mapped

    def windows_path(self, path: Path) -> str:
        """The Windows form of a path under this root, for people and manifests."""
        if self.base is None:
            return str(path)
        try:
            rel = Path(path).absolute().relative_to(self.base)
        except ValueError:
            return str(path)
        parts = rel.parts
        if len(parts) >= 2 and parts[0] == "drives" and len(parts[1]) == 1:
            return str(PureWindowsPath(f"{parts[1].upper()}:\\", *parts[2:]))
        return str(PureWindowsPath("C:\\", *parts))

    def contains(self, path: Path) -> bool:
        if self.base is None:
            return True
        try:
            Path(path).absolute().relative_to(self.base)
            return True
        except ValueError:
            return False

    # --- well-known folders ----------------------------------------------------------------------
    def known_folder(self, name: str) -> Path:
        """One of ``ProgramData``, ``ProgramFiles``, ``ProgramFiles(x86)``, ``UserProfile``,
        ``Documents``."""
        if self.base is None:
            env = {
                "ProgramData": os.environ.get("PROGRAMDATA", r"C:\ProgramData"),
                "ProgramFiles": os.environ.get("PROGRAMFILES", r"C:\Program Files"),
                "ProgramFiles(x86)": os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                "UserProfile": os.environ.get("USERPROFILE", str(Path.home())),
            }
            if name == "Documents":
                return _windows_documents() or Path(env["UserProfile"]) / "Documents"
            return Path(env[name])
        fixed = {
            "ProgramData": r"C:\ProgramData",
            "ProgramFiles": r"C:\Program Files",
            "ProgramFiles(x86)": r"C:\Program Files (x86)",
        }
        if name in fixed:
            return self.path(fixed[name])
        profile = self.user_profiles()
        home = profile[0] if profile else self.path(r"C:\Users\Default")
        return home / "Documents" if name == "Documents" else home

    def user_profiles(self) -> list[Path]:
        """Profiles of people on this PC (under a root: every folder in ``Users`` but the
        system ones), the current user first when known."""
        if self.base is None:
            current = Path(os.environ.get("USERPROFILE", str(Path.home())))
            users_dir = current.parent
        else:
            current = None
            users_dir = self.path(r"C:\Users")
        skip = {"default", "default user", "public", "all users", "defaultapppool"}
        found: list[Path] = []
        try:
            for entry in sorted(users_dir.iterdir()):
                if entry.is_dir() and entry.name.lower() not in skip:
                    found.append(entry)
        except OSError:
            pass
        if current is not None:
            found = [current] + [p for p in found if p != current]
        return found

    # --- system access ---------------------------------------------------------------------------
    @cached_property
    def registry(self):  # -> winsys.registry.Registry, imported lazily to keep startup light
        from collector.winsys.registry import open_registry

        return open_registry(self)


def _within(path: Path, base: Path) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(base)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _resolve_case_insensitive(start: Path, parts: list[str]) -> Path:
    current = start
    for i, part in enumerate(parts):
        candidate = current / part
        if candidate.exists() or not current.is_dir():
            current = candidate
            continue
        lowered = part.lower()
        try:
            match = next((e for e in current.iterdir() if e.name.lower() == lowered), None)
        except OSError:
            match = None
        if match is None:
            return current.joinpath(*parts[i:])
        current = match
    return current


def _windows_documents() -> Path | None:
    if sys.platform != "win32":
        return None
    try:  # the real Documents folder may be redirected (OneDrive, another drive)
        import platformdirs

        return Path(platformdirs.user_documents_dir())
    except Exception:
        return None
