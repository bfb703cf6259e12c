"""pytest fixtures for the delivery tests: a clean environment, a private user data dir and
settings file, the real tus server on loopback. Imported by tests/test_upload*.py & co."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import netguard
from tests.tus_server.harness import TusServer

REPO = Path(__file__).resolve().parents[2]

# What could leak in from the machine and change what the tool does.
_ENV_OUT = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
            "http_proxy", "https_proxy", "all_proxy", "NO_PROXY", "no_proxy")


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """User data dir and settings file of this test only; no proxy/CA/collector variables."""
    for name in list(os.environ):
        if name in _ENV_OUT or name.startswith("GBS_COLLECTOR_"):
            monkeypatch.delenv(name, raising=False)
    data = tmp_path / "userdata"
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({**netguard.LOOPBACK_SETTINGS, "upload_retry_delay_s": 0.05,
                                    "upload_retries": 4, "stall_timeout_s": 20}))
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(data))
    monkeypatch.setenv("GBS_COLLECTOR_SETTINGS", str(settings))
    return {"data": data, "settings": settings}


def write_settings(path: Path, **values: object) -> None:
    data = json.loads(path.read_text()) if path.exists() else {}
    data.update(values)
    path.write_text(json.dumps(data))


@pytest.fixture
def tus(tmp_path: Path) -> Iterator[TusServer]:
    with TusServer(tmp_path / "tus-store", log=tmp_path / "tus-log.jsonl") as server:
        yield server


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for running ``python -m collector`` as a separate process."""
    env = {k: v for k, v in os.environ.items() if k not in _ENV_OUT}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(netguard.SITE_DIR)])
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "collector", *args]
