"""Deployment settings: the settings file shipped beside the exe, overridable at every level.

Order (later wins): built-in defaults → ``collector_settings.json`` beside the exe (or the one in
``packaging/`` when running from source) → the file named by ``GBS_COLLECTOR_SETTINGS`` →
environment variables ``GBS_COLLECTOR_<KEY>`` (upper case; a list as JSON or comma-separated) →
the command line (``--set KEY=VALUE`` for any key, and the commands' own options such as
``upload --intake URL``).

The shipped file carries the desk's real addresses (GBS_MARKET.md §9, §11, §13); tests override
every network address with loopback ones (``tests/netguard.py``). The built-in defaults have no
address at all, so nothing is contacted when no file is found.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from collector.errors import CollectorError
from collector.i18n import _

SETTINGS_FILE = "collector_settings.json"
ENV_PREFIX = "GBS_COLLECTOR_"

@dataclass
class Settings:
    # The desk's intake (GBS_MARKET.md §11): multipart message/email/file → {"task": N}.
    intake_url: str = ""
    intake_max_mb: float = 50.0  # bigger bundles: text + a small bundle here, the rest apart
    intake_reply_timeout_s: float = 180.0  # the program waits as long for the task number
    # Builds whose desk is not GBS's (partner, vendor, Country Ukraine or Kazakhstan: the program
    # hides its own form for them, collector.desk) go to the intake only when every reason is
    # listed here: "partner", "vendor", a program name (HiPos), a CodeName, a Uid, a country.
    intake_also_for: list[str] = field(default_factory=list)
    # The large-file and partner channel (tus 1.0).
    upload_url: str = ""
    upload_token: str = ""
    upload_chunk_mb: float = 16  # the most one request carries; smaller on slow lines
    upload_retries: int = 8
    upload_retry_delay_s: float = 1.0
    # Every HTTP request (intake, tus, update feed): extra trusted roots (PEM) for a
    # TLS-inspecting proxy whose root is not in the system store, timeouts, and the most a
    # transfer may go without progress, retries included.
    ca_bundle: str = ""
    connect_timeout_s: float = 15.0
    read_timeout_s: float = 60.0
    stall_timeout_s: float = 120.0
    # The program's update feed (§9): mirrors in order; Ukraine uses the last one only.
    update_mirrors: list[str] = field(default_factory=list)
    update_check_timeout: float = 4.0
    # Links to the desk (§13); {gbs_id} and {version} are filled in. A vendor build's own
    # links (vendor.dll) win over these.
    support_url: str = ""
    kb_url: str = ""
    site_url: str = ""
    mail_limit_mb: float = 25
    # Empty until the desk confirms an address: the user fills "To" in the mail client.
    support_email: str = ""
    source_files: list[str] = field(default_factory=list)

    def public(self) -> dict:
        """For reports: everything but secrets."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("upload_token",)
        }


SECRET_KEYS = frozenset({"upload_token"})
_cli_overrides: dict[str, str] = {}


def app_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).parent
    return Path(__file__).resolve().parent.parent / "packaging"


def _convert(name: str, default: Any, value: Any) -> Any:
    """A value from the environment or the command line (text) or a file (JSON) in the type of
    its default. Raises ``ValueError``."""
    if isinstance(default, list):
        if isinstance(value, list):
            return [str(v) for v in value]
        text = str(value).strip()
        if text.startswith("["):
            items = json.loads(text)
            if not isinstance(items, list):
                raise ValueError(name)
            return [str(v) for v in items]
        return [v.strip() for v in text.replace(";", ",").split(",") if v.strip()]
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("1", "true", "yes", "да", "on")
    if isinstance(default, int | float) and not isinstance(value, int | float):
        return type(default)(float(value)) if isinstance(default, int) else float(value)
    if isinstance(default, str):
        return "" if value is None else str(value)
    return value


def set_cli_override(assignment: str) -> None:
    """``KEY=VALUE`` from ``--set``; a bad key or value is a usage error in Russian."""
    key, sep, value = assignment.partition("=")
    key = key.strip()
    known = {f.name for f in fields(Settings)} - {"source_files"}
    if not sep or key not in known:
        raise CollectorError(_("Неизвестная настройка «{key}». Допустимы: {keys}.",
                               key=key, keys=", ".join(sorted(known))))
    try:
        _convert(key, getattr(Settings(), key), value)
    except (ValueError, TypeError) as exc:
        raise CollectorError(_("Настройка {key}: значение «{value}» не подходит.",
                               key=key, value=value)) from exc
    _cli_overrides[key] = value


def clear_cli_overrides() -> None:
    _cli_overrides.clear()


def load_settings(extra_file: str | os.PathLike[str] | None = None) -> Settings:
    s = Settings()
    defaults = Settings()
    candidates = [app_dir() / SETTINGS_FILE]
    if os.environ.get(ENV_PREFIX + "SETTINGS"):
        candidates.append(Path(os.environ[ENV_PREFIX + "SETTINGS"]))
    if extra_file:
        candidates.append(Path(extra_file))
    known = {f.name for f in fields(Settings)} - {"source_files"}
    for path in candidates:
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        for key, value in data.items():
            if key in known:
                try:
                    setattr(s, key, _convert(key, getattr(defaults, key), value))
                except (ValueError, TypeError):
                    continue
        s.source_files.append(str(path))
    layers = [{n: os.environ[ENV_PREFIX + n.upper()] for n in known
               if ENV_PREFIX + n.upper() in os.environ}, _cli_overrides]
    for layer in layers:
        for name, value in layer.items():
            try:
                setattr(s, name, _convert(name, getattr(defaults, name), value))
            except (ValueError, TypeError):
                continue
    return s
