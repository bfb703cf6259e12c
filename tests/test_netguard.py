"""The test session never contacts anything outside loopback: the shipped settings' addresses
are all overridden, and the guard refuses (and reports) any other connection, in this process and
in child Python processes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from collector.settings import load_settings
from tests import netguard
from tests.conftest import REPO


def _addresses(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v) for v in items if isinstance(v, str) and ("://" in v or "@" in v)]


def test_every_address_of_the_shipped_settings_is_overridden_by_the_tests() -> None:
    shipped = json.loads((REPO / "packaging" / "collector_settings.json").read_text("utf-8"))
    with_addresses = {k for k, v in shipped.items() if _addresses(v)}
    assert with_addresses, "the shipped settings should carry the desk's real addresses"
    assert with_addresses <= netguard.NETWORK_KEYS
    s = load_settings()  # the session's environment: the shipped file underneath
    assert str(REPO / "packaging" / "collector_settings.json") in s.source_files
    for key in netguard.NETWORK_KEYS:
        for address in _addresses(getattr(s, key)):
            host = address.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
            assert netguard.is_loopback_host(host), (key, address)


def test_a_connection_outside_loopback_is_refused_and_reported() -> None:
    before = len(netguard.violations)
    with pytest.raises(OSError), socket.socket() as s:
        s.connect(("192.0.2.1", 443))  # TEST-NET-1: nothing would answer anyway
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("updates.app-pos.ru", 443)
    found = netguard.violations[before:]
    del netguard.violations[before:]  # caused on purpose: not this test's failure
    assert any("192.0.2.1" in v for v in found) and any("app-pos" in v for v in found)
    with socket.create_server(("127.0.0.1", 0)) as srv, \
            socket.create_connection(srv.getsockname(), timeout=5):
        pass  # loopback is allowed


def test_child_python_processes_are_guarded_too(tmp_path: Path) -> None:
    log = tmp_path / "child.log"
    env = {**os.environ, netguard.LOG_ENV: str(log)}
    code = "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), 2)\n" \
           "except OSError as e:\n print('refused', e.errno)\n"
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=30)
    assert p.stdout.startswith("refused"), p.stderr
    assert "192.0.2.1" in log.read_text()
