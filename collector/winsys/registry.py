"""Read-only registry access: the real one on Windows, a ``registry.reg`` export under a root."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from collector.i18n import _
from collector.winsys.regfile import RegFileError, RegValue, normalize_key, parse_reg

if TYPE_CHECKING:
    from collector.sysroot import SystemRoot

REGISTRY_FILE = "registry.reg"


class Registry(Protocol):
    """What the collector asks of a registry. Keys like ``HKLM\\SOFTWARE\\…``."""

    problem: str | None  # why the registry could not be read, for the report

    def values(self, key: str) -> dict[str, RegValue] | None: ...

    def subkeys(self, key: str) -> list[str]: ...


class RegFileRegistry:
    """A regedit export standing for the registry of the PC under a system root."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None
        self._keys: dict[str, object] = {}
        if not path.exists():
            self.problem = _("Нет файла {name} в системном корне", name=path.name)
            return
        try:
            self._keys = parse_reg(path.read_bytes())
        except RegFileError as exc:
            self.problem = str(exc)
        except OSError as exc:
            self.problem = _("Не удалось прочитать {path}: {error}", path=path, error=exc.strerror)

    def values(self, key: str) -> dict[str, RegValue] | None:
        found = self._keys.get(normalize_key(key))
        return dict(found.values) if found is not None else None  # type: ignore[attr-defined]

    def subkeys(self, key: str) -> list[str]:
        prefix = normalize_key(key) + "\\"
        names: dict[str, str] = {}
        for norm, regkey in self._keys.items():
            if norm.startswith(prefix):
                original = regkey.path.replace("/", "\\").strip("\\")  # type: ignore[attr-defined]
                tail = original.split("\\")[prefix.count("\\"):]
                if tail:
                    names.setdefault(tail[0].casefold(), tail[0])
        return sorted(names.values(), key=str.casefold)


class WinRegistry:  # pragma: no cover - exercised on Windows only
    """The live registry through ``winreg``; 64-bit view first, as Explorer shows it."""

    problem: str | None = None

    def __init__(self) -> None:
        import winreg

        self._winreg = winreg
        self._hives = {
            "hkey_local_machine": winreg.HKEY_LOCAL_MACHINE,
            "hkey_current_user": winreg.HKEY_CURRENT_USER,
            "hkey_classes_root": winreg.HKEY_CLASSES_ROOT,
            "hkey_users": winreg.HKEY_USERS,
        }

    def _open(self, key: str):
        wr = self._winreg
        hive, _sep, sub = normalize_key(key).partition("\\")
        return wr.OpenKey(self._hives[hive], sub, 0, wr.KEY_READ | wr.KEY_WOW64_64KEY)

    def values(self, key: str) -> dict[str, RegValue] | None:
        try:
            handle = self._open(key)
        except OSError:
            return None
        out: dict[str, RegValue] = {}
        with handle:
            i = 0
            while True:
                try:
                    name, data, kind = self._winreg.EnumValue(handle, i)
                except OSError:
                    break
                out[name.casefold()] = RegValue(kind, data)
                i += 1
        return out

    def subkeys(self, key: str) -> list[str]:
        try:
            handle = self._open(key)
        except OSError:
            return []
        names = []
        with handle:
            i = 0
            while True:
                try:
                    names.append(self._winreg.EnumKey(handle, i))
                except OSError:
                    break
                i += 1
        return names


def open_registry(root: SystemRoot) -> Registry:
    if root.base is not None:
        return RegFileRegistry(root.base / REGISTRY_FILE)
    if sys.platform == "win32":  # pragma: no cover
        return WinRegistry()
    reg = RegFileRegistry(Path("/nonexistent") / REGISTRY_FILE)
    reg.problem = _("Реестр Windows недоступен в этой системе")
    return reg
