"""No test, bench or demo ever contacts an address outside loopback.

Two guards, installed for the whole test session by ``tests/conftest.py``:
- the shipped settings carry the desk's real addresses; :data:`LOOPBACK_SETTINGS` overrides every
  network address with loopback ones that nothing listens on (the discard port), through the
  environment (``GBS_COLLECTOR_<KEY>``) and through every settings file a test writes
  (``tests/tus_server/fixtures.clean_env``, ``tests/ui_support.ui_env``);
- :func:`install` wraps ``socket.connect``/``connect_ex``/``getaddrinfo``: a connection to, or a
  name lookup of, anything but loopback is refused before a packet leaves and recorded in
  :data:`violations` (a test that caused one fails). Child Python processes get the same guard
  from ``tests/netguard_site/sitecustomize.py`` (on ``PYTHONPATH``), recording into the file
  named by ``NETGUARD_LOG``.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE_DIR = HERE / "netguard_site"
LOG_ENV = "NETGUARD_LOG"
NOWHERE = "http://127.0.0.1:9"  # the discard port: connection refused, at once

# Every setting that names a place on the network (tests/test_netguard.py checks the list is
# complete against the shipped file).
LOOPBACK_SETTINGS: dict[str, object] = {
    "intake_url": f"{NOWHERE}/intake-not-set-by-this-test",
    "upload_url": "",
    "update_mirrors": [NOWHERE],
    "support_email": "",
    "support_url": f"{NOWHERE}/contacts/?gbsId={{gbs_id}}&utm_campaign={{version}}",
    "kb_url": f"{NOWHERE}/kb6/?gbsId={{gbs_id}}&utm_campaign={{version}}",
    "site_url": f"{NOWHERE}/?gbsId={{gbs_id}}&utm_campaign={{version}}",
}
NETWORK_KEYS = frozenset(LOOPBACK_SETTINGS)

violations: list[str] = []
_installed = False
_to_file = False  # a child process: report into the NETGUARD_LOG file for the parent


def env_overrides() -> dict[str, str]:
    """:data:`LOOPBACK_SETTINGS` as ``GBS_COLLECTOR_<KEY>`` variables."""
    import json

    out = {}
    for key, value in LOOPBACK_SETTINGS.items():
        out["GBS_COLLECTOR_" + key.upper()] = json.dumps(value) if isinstance(value, list) \
            else str(value)
    return out


def is_loopback_host(host: object) -> bool:
    if host is None:
        return True  # AI_PASSIVE binds: local
    text = host.decode() if isinstance(host, bytes) else str(host)
    if text.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(text.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _allowed(sock: socket.socket, address: object) -> bool:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return True  # Unix sockets (D-Bus, X11), netlink…
    host = address[0] if isinstance(address, tuple) else address
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:
        return is_loopback_host(host)


def _record(what: str) -> None:
    violations.append(what)
    log = os.environ.get(LOG_ENV)
    if log and _to_file:
        try:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {what}\n")
        except OSError:
            pass


def install(*, child: bool = False) -> None:
    """Refuse (and record) every connection and name lookup outside loopback in this process;
    a ``child`` also reports them into the ``NETGUARD_LOG`` file."""
    global _installed, _to_file
    _to_file = child
    if _installed:
        return
    _installed = True
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        if not _allowed(self, address):
            _record(f"connect {address!r}")
            raise OSError(errno.ENETUNREACH, "netguard: outside loopback")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _allowed(self, address):
            _record(f"connect_ex {address!r}")
            return errno.ENETUNREACH
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not is_loopback_host(host):
            _record(f"getaddrinfo {host!r}")
            raise socket.gaierror(socket.EAI_NONAME, "netguard: outside loopback")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo


def child_log_violations(path: Path) -> list[str]:
    try:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return []


def guarded_child_env(env: dict[str, str], log: Path) -> dict[str, str]:
    """``env`` for child Pythons whose contacts outside loopback are refused and logged into
    ``log`` (a test's own file, apart from the session's), with the guard proven live first:
    a lookup of a real update mirror in such a child must be caught and logged. Read the
    contacts back with :func:`child_log_violations`."""
    import subprocess
    import sys

    env = {**env, LOG_ENV: str(log), "PYTHONIOENCODING": "utf-8",
           "PYTHONPATH": os.pathsep.join([str(SITE_DIR), str(HERE.parent)])}
    probe = "import socket\ntry:\n socket.getaddrinfo('updates.app-pos.ru', 443)\n" \
            "except OSError:\n pass"
    subprocess.run([sys.executable, "-c", probe], env=env, timeout=60, check=True)
    assert "app-pos.ru" in log.read_text("utf-8"), "the guard is not active in child processes"
    log.write_text("")
    return env
