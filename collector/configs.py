"""GBS.Market's own settings files: ``AppConfig.conf`` and ``Configs\\<TypeName>.json``.

The program writes them with Newtonsoft.Json (sometimes with a BOM, enums as numbers). A file
half-written by a crash is common on shop PCs, so every reader reports what is wrong instead of
failing the whole detection.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collector.i18n import _
from collector.oserrors import json_error_text, os_error_text

CONNECTION_TYPES = {0: "NotSet", 1: "Local", 2: "NetWork"}
DEFAULT_FB_PORT = 3060


class ConfigError(Exception):
    pass


def decode_text(raw: bytes) -> str:
    """A settings file's text: UTF-16 when it says so with a BOM, else UTF-8 (with or without
    a BOM), else the Russian ANSI code page, which decodes anything."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def read_json_config(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(_("Нет файла {name}", name=path.name)) from exc
    except OSError as exc:
        raise ConfigError(
            _("Не удалось прочитать {name}: {error}", name=path.name, error=os_error_text(exc))
        ) from exc
    if not raw.strip(b"\0 \r\n\t\xef\xbb\xbf"):
        raise ConfigError(_("Файл {name} пуст (возможно, программа не успела его записать)",
                            name=path.name))
    try:
        data = json.loads(decode_text(raw).strip("\0"))
    except ValueError as exc:
        raise ConfigError(
            _("Файл {name} повреждён: {detail}", name=path.name, detail=json_error_text(exc))
        ) from exc
    if not isinstance(data, dict):
        raise ConfigError(_("Файл {name} имеет неожиданный формат", name=path.name))
    return data


@dataclass
class DatabaseConfig:
    path_windows: str | None
    connection_type: str  # NotSet | Local | NetWork | Unknown(n)
    server: str
    port: int
    has_credentials: bool  # encrypted Login/Password present (never decrypted, never shown)
    backup_path_windows: str | None
    create_backup: bool | None
    storage_life_days: int | None
    images_path_windows: str | None
    correct_exit: bool | None

    @property
    def networked(self) -> bool:
        return self.connection_type == "NetWork"


def parse_database_config(data: dict[str, Any]) -> DatabaseConfig:
    conn = data.get("Connection") if isinstance(data.get("Connection"), dict) else {}
    backup = data.get("BackUp") if isinstance(data.get("BackUp"), dict) else {}
    raw_type = conn.get("ConnectionType", 0)
    if isinstance(raw_type, str):  # StringEnumConverter, if a build ever uses it
        ctype = raw_type if raw_type in CONNECTION_TYPES.values() else f"Unknown({raw_type})"
    else:
        ctype = CONNECTION_TYPES.get(raw_type, f"Unknown({raw_type})")
    try:
        port = int(conn.get("ServerPort") or DEFAULT_FB_PORT)
    except (TypeError, ValueError):
        port = DEFAULT_FB_PORT
    correct = data.get("CorrectExit")
    return DatabaseConfig(
        path_windows=conn.get("Path") or None,
        connection_type=ctype,
        server=str(conn.get("ServerUrl") or "localhost"),
        port=port,
        has_credentials=bool(conn.get("Login") or conn.get("Password")),
        backup_path_windows=backup.get("Path") or None,
        create_backup=backup.get("CreateBackup"),
        storage_life_days=backup.get("StorageLifeDays"),
        images_path_windows=data.get("GoodsImagesPath"),
        correct_exit=correct if isinstance(correct, bool) else None,
    )
