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
    create_db_in_backup: bool | None
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
        create_db_in_backup=backup.get("CreateDbInBackup")
        if isinstance(backup.get("CreateDbInBackup"), bool) else None,
        storage_life_days=backup.get("StorageLifeDays"),
        images_path_windows=data.get("GoodsImagesPath"),
        correct_exit=correct if isinstance(correct, bool) else None,
    )


def read_country(configs_dir: Path) -> str:
    """``Interface.Country`` of Settings.json (GBS_MARKET.md §5)."""
    return settings_facts(configs_dir).country


# --- what Settings.json and DataBase.json say (GBS_MARKET.md §5) ---------------------------------
VERSION_UPDATE = {0: "Release", 1: "Beta", 2: "Develop"}
UPDATE_TYPE = {0: "NoUpdate", 1: "UpdateNotification", 2: "AutoUpdate"}
MODE_PROGRAM = {0: "Shop", 1: "Cafe", 2: "Home", 3: "None"}


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    return value if isinstance(value, dict) else {}


def _named(value: Any, names: dict[int, str]) -> Any:
    """An enum the program stores as a number, with its name when known."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return names.get(value, value)


@dataclass
class SettingsFacts:
    """What Settings.json and DataBase.json say about how the program runs."""

    country: str  # Russia when Settings.json is missing or broken (the program's default)
    language: str | None
    version_update: Any  # Release | Beta | Develop (stored as 0/1/2)
    update_type: Any  # NoUpdate | Notification | AutoUpdate
    mode: Any  # Shop | Cafe | Home | None
    test_servers: bool  # testing.json asks for the vendor's test servers
    problems: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"country": self.country, "language": self.language,
                "update_channel": self.version_update, "update_type": self.update_type,
                "program_mode": self.mode, "test_servers": self.test_servers,
                "problems": [str(p) for p in self.problems]}


def settings_facts(configs_dir: Path) -> SettingsFacts:
    problems: list[str] = []

    def load(name: str) -> dict[str, Any]:
        try:
            return read_json_config(configs_dir / name)
        except ConfigError as exc:
            if (configs_dir / name).exists():
                problems.append(_("{name}: {error} — программа работает с настройками по "
                                  "умолчанию", name=name, error=exc))
            return {}

    settings, database, testing = load("Settings.json"), load("DataBase.json"), \
        load("testing.json") if (configs_dir / "testing.json").exists() else {}
    interface, other = _section(settings, "Interface"), _section(settings, "Other")
    update = _section(other, "UpdateConfig")
    country = interface.get("Country")
    language = interface.get("Language")
    return SettingsFacts(
        country=country if isinstance(country, str) and country else "Russia",
        language=language if isinstance(language, str) and language else None,
        version_update=_named(update.get("VersionUpdate", 0), VERSION_UPDATE),
        update_type=_named(update.get("UpdateType", 2), UPDATE_TYPE),
        mode=_named(database.get("ModeProgram", 0), MODE_PROGRAM),
        test_servers=bool(testing.get("UseTestConfig") or testing.get("UseTestHosts")),
        problems=problems)
