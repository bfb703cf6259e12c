"""Deployment settings: the settings file shipped beside the exe, overridable by environment.

Order (later wins): built-in defaults → ``collector_settings.json`` beside the exe (or the one in
``packaging/`` when running from source) → the file named by ``GBS_COLLECTOR_SETTINGS`` →
environment variables ``GBS_COLLECTOR_<KEY>`` (upper case) → command-line options.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

SETTINGS_FILE = "collector_settings.json"
ENV_PREFIX = "GBS_COLLECTOR_"


@dataclass
class Settings:
    # Where the latest published GBS.Market version can be read: JSON {"version": "…"} or any
    # text/HTML page mentioning versions (the highest 6.x.y.z found wins). Empty: not checked.
    latest_version_url: str = ""
    update_check_timeout: float = 4.0
    upload_url: str = ""
    upload_token: str = ""
    upload_chunk_mb: int = 16  # the most one request carries; smaller on slow lines
    # Extra trusted root certificate(s), PEM, for a TLS-inspecting proxy whose root is not in the
    # system store. Empty: the system store (plus REQUESTS_CA_BUNDLE when set).
    upload_ca_bundle: str = ""
    upload_retries: int = 8
    upload_retry_delay_s: float = 1.0
    upload_timeout_s: float = 60.0
    mail_limit_mb: int = 25
    # Empty until the desk's address is confirmed: the user fills "To" in the mail client.
    support_email: str = ""
    source_files: list[str] = field(default_factory=list)

    def public(self) -> dict:
        """For reports: everything but secrets."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("upload_token",)
        }


def app_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).parent
    return Path(__file__).resolve().parent.parent / "packaging"


def load_settings(extra_file: str | os.PathLike[str] | None = None) -> Settings:
    s = Settings()
    candidates = [app_dir() / SETTINGS_FILE]
    if os.environ.get(ENV_PREFIX + "SETTINGS"):
        candidates.append(Path(os.environ[ENV_PREFIX + "SETTINGS"]))
    if extra_file:
        candidates.append(Path(extra_file))
    known = {f.name: f for f in fields(Settings)}
    for path in candidates:
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        for key, value in data.items():
            if key in known and key != "source_files":
                setattr(s, key, value)
        s.source_files.append(str(path))
    for name in known:
        env = os.environ.get(ENV_PREFIX + name.upper())
        if env is None or name == "source_files":
            continue
        default = getattr(Settings(), name)
        try:
            value = type(default)(env) if not isinstance(default, list) else env.split(os.pathsep)
        except ValueError:
            continue
        setattr(s, name, value)
    return s
