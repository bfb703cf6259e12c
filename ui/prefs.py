"""The app's own remembered settings (window geometry, language, output folder, technician
options) in ``ui.ini`` inside the collector's user data folder (``GBS_COLLECTOR_DATA_DIR``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from collector.userdata import user_data_dir

_settings: QSettings | None = None
_path: Path | None = None


def settings() -> QSettings:
    """One QSettings per data folder (tests move the folder between runs)."""
    global _settings, _path
    path = user_data_dir() / "ui.ini"
    if _settings is None or path != _path:
        _settings = QSettings(str(path), QSettings.Format.IniFormat)
        _path = path
    return _settings


def get(key: str, default: Any = None, kind: type | None = None) -> Any:
    s = settings()
    if not s.contains(key):
        return default
    value = s.value(key)
    if kind is bool:
        return value in (True, "true", "1", 1)
    if kind is not None:
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default
    return value


def put(key: str, value: Any) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()


def default_out_dir() -> Path:
    from PySide6.QtCore import QStandardPaths  # (not needed before the first picture)

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(docs) if docs else Path.home()
    return base / "GBS Support"
