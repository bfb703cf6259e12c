"""A real Firebird 3 server for tests and benchmarks, private to the test run.

The binary is Debian's ``firebird3.0-server`` (``scripts/setup.sh`` unpacks it into
``.cache/firebird-server`` without installing a service). The server gets its own root folder via
``FIREBIRD``: its own ``firebird.conf`` (loopback only, a free port), its own ``security3.fdb``
with a known SYSDBA password, its own lock and temp folders (``FIREBIRD_LOCK``/``FIREBIRD_TMP``),
so nothing system-wide is configured or started and it runs as root in CI. Plugins, ICU and
messages are read from the installed Firebird libraries. (Debian builds write ``firebird.log``
to a fixed folder, ``/var/log/firebird``; that is the one file outside the root it touches.)

Use::

    with FirebirdServer(tmp_dir, password="Kass1r#42") as srv:
        srv.host, srv.port  # 127.0.0.1, a free port
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SERVER_BINARY = REPO / ".cache" / "firebird-server" / "usr" / "sbin" / "firebird"
FB_LIB = Path("/usr/lib/x86_64-linux-gnu/firebird/3.0")
PLUGINS_CONF = Path("/etc/firebird/3.0/plugins.conf")
ISQL = "isql-fb"


class ServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lib_dir() -> Path:
    if FB_LIB.is_dir():
        return FB_LIB
    for cand in Path("/usr/lib").glob("*/firebird/3.0"):
        return cand
    raise ServerError("Firebird 3 libraries not found (apt package firebird3.0-server-core)")


class FirebirdServer:
    def __init__(self, base: Path, *, password: str, port: int | None = None,
                 binary: Path = SERVER_BINARY) -> None:
        if not binary.is_file():
            raise ServerError(f"{binary} is missing: run scripts/setup.sh")
        if not password.isascii():
            # isql stores a non-ASCII password in bytes the Srp client does not reproduce.
            raise ValueError("use an ASCII password")
        self.base = Path(base)
        self.password = password
        self.user = "SYSDBA"
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.binary = binary
        self.proc: subprocess.Popen | None = None
        self.log = self.base / "server-output.txt"

    @property
    def address(self) -> str:
        return f"{self.host}/{self.port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(FIREBIRD=str(self.base), FIREBIRD_LOCK=str(self.base / "lock"),
                   FIREBIRD_TMP=str(self.base / "tmp"))
        env.pop("ISC_USER", None)
        env.pop("ISC_PASSWORD", None)
        return env

    def _prepare(self) -> None:
        lib = _lib_dir()
        self.base.mkdir(parents=True, exist_ok=True)
        (self.base / "lock").mkdir(exist_ok=True)
        (self.base / "tmp").mkdir(exist_ok=True)
        secdb = self.base / "security3.fdb"
        (self.base / "firebird.conf").write_text(
            f"RemoteServicePort = {self.port}\n"
            "RemoteBindAddress = 127.0.0.1\n"
            "RemoteAuxPort = 0\n"
            f"SecurityDatabase = {secdb}\n"
            "ServerMode = Super\n"
            "AuthServer = Srp\n"
            "UserManager = Srp\n"
            "UdfAccess = None\n"
            "DatabaseAccess = Full\n", encoding="utf-8")
        if PLUGINS_CONF.is_file():
            shutil.copy(PLUGINS_CONF, self.base / "plugins.conf")
        elif (lib / "plugins.conf").is_file():
            shutil.copy(lib / "plugins.conf", self.base / "plugins.conf")
        (self.base / "databases.conf").write_text("", encoding="utf-8")
        if secdb.exists():
            secdb.unlink()
        # The password goes to isql on stdin, not on its command line.
        script = (f"CREATE DATABASE '{secdb}';\n"
                  f"CREATE USER SYSDBA PASSWORD '{self.password}' USING PLUGIN Srp;\n"
                  "COMMIT;\nEXIT;\n")
        run = subprocess.run([ISQL, "-q", "-user", "SYSDBA"], input=script.encode(),
                             env=self.env(), capture_output=True, timeout=60)
        if run.returncode != 0 or not secdb.is_file():
            raise ServerError("security database not created: "
                              + run.stderr.decode(errors="replace"))

    def start(self, timeout: float = 20) -> FirebirdServer:
        self._prepare()
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([str(self.binary)], env=self.env(), cwd=self.base,
                                         stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerError(f"firebird exited with {self.proc.returncode}: "
                                  + self.log.read_text(errors="replace"))
            with contextlib.suppress(OSError), socket.create_connection((self.host, self.port),
                                                                        timeout=0.5):
                return self
            time.sleep(0.1)
        self.stop()
        raise ServerError(f"firebird did not listen on {self.port} within {timeout} s")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def __enter__(self) -> FirebirdServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
