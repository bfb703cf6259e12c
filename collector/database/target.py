"""What to back up and with which credentials.

A :class:`BackupTarget` says which engine opens the database and under which name:

* embedded — the Firebird engine inside our own processes opens a file on this machine. Used under
  a system root (a demo, the tests, a copy of a customer's disk), where no server owns the file.
  The file itself is never opened: the backup is made from a private snapshot copy (see
  :mod:`collector.database.backup`), because any Firebird attachment writes to the header page.
* server — a Firebird server (``host/port``) opens the database under the path *it* knows. On a
  shop PC that is the program's own server from ``DataBase.json`` (default ``localhost:3060``), the
  only consistent way to copy a database the running program keeps open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from collector.configs import DEFAULT_FB_PORT
from collector.i18n import _
from collector.installation import DatabaseInfo
from collector.sysroot import SystemRoot

DEFAULT_USER = "SYSDBA"
DEFAULT_PASSWORD = "masterkey"  # Firebird's factory default; what GBS.Market installs with
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


class TargetError(ValueError):
    pass


@dataclass(frozen=True)
class Credentials:
    """A Firebird login. The password never appears in ``repr``, logs or results."""

    user: str
    password: str = field(repr=False)
    source: str = "technician"  # default | technician

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password=***, source={self.source!r})"

    def describe(self) -> str:
        if self.source == "default":
            return _("стандартный пароль {user}", user=self.user)
        return _("пароль специалиста для {user}", user=self.user)


DEFAULT_CREDENTIALS = Credentials(DEFAULT_USER, DEFAULT_PASSWORD, "default")


def credential_chain(given: list[Credentials] | None) -> list[Credentials]:
    """Firebird's defaults first (they work on most shop PCs), then the technician's, no repeats."""
    chain: list[Credentials] = []
    for cred in [DEFAULT_CREDENTIALS, *(given or [])]:
        if all((c.user, c.password) != (cred.user, cred.password) for c in chain):
            chain.append(cred)
    return chain


@dataclass(frozen=True)
class BackupTarget:
    database: str  # the name the engine opens: a local file (embedded) or the server's own path
    display: str  # how people know it: the Windows path from DataBase.json
    host: str | None = None  # None: the embedded engine
    port: int | None = None
    local_file: Path | None = None  # the file on this machine, when there is one
    networked: bool = False  # ConnectionType NetWork: the database lives on another PC
    # A server on this machine that must get a private copy of local_file, never the file
    # itself (--fb-server under a system root: the root's main.fdb must not change).
    snapshot: bool = False

    @property
    def embedded(self) -> bool:
        return self.host is None

    @property
    def server_label(self) -> str:
        return f"{self.host}:{self.port}" if self.host else _("встроенный движок Firebird")

    @property
    def dsn(self) -> str:
        """Connection string for an attachment (``host/port:path`` or the plain path)."""
        return f"{self._host_port()}:{self.database}" if self.host else self.database

    @property
    def service_manager(self) -> str:
        return f"{self._host_port()}:service_mgr" if self.host else "service_mgr"

    @property
    def local_server(self) -> bool:
        return self.host is not None and self.host.lower() in LOCAL_HOSTS

    def _host_port(self) -> str:
        host = self.host or ""
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # IPv6 literal
        return f"{host}/{self.port}" if self.port else host


def parse_fb_server(text: str) -> tuple[str, int]:
    """``host/port``, ``host:port`` or ``host`` (port 3060, GBS.Market's default)."""
    raw = text.strip()
    m = re.fullmatch(r"\[([0-9A-Fa-f:]+)\](?:[/:](\d+))?", raw) or \
        re.fullmatch(r"([^/:\s]+)(?:[/:](\d+))?", raw)
    if not m:
        raise TargetError(_("Неверный адрес сервера Firebird «{text}»: нужно «адрес/порт», "
                            "например localhost/3060", text=text))
    port = int(m.group(2)) if m.group(2) else DEFAULT_FB_PORT
    if not 0 < port < 65536:
        raise TargetError(_("Неверный порт сервера Firebird: {port}", port=port))
    return m.group(1), port


def embedded_target(path: Path, display: str | None = None) -> BackupTarget:
    return BackupTarget(database=str(path), display=display or str(path), local_file=path)


def server_target(host: str, port: int, database: str, *, display: str | None = None,
                  local_file: Path | None = None) -> BackupTarget:
    return BackupTarget(database=database, display=display or database, host=host, port=port,
                        local_file=local_file)


def target_from_installation(db: DatabaseInfo, root: SystemRoot, *,
                             fb_server: str | None = None) -> BackupTarget:
    """The target for GBS.Market's database as ``detect`` found it.

    * natively on Windows: the server and port from ``DataBase.json`` and the path written there;
    * under a system root: the embedded engine on a private copy of the mapped file, or
      ``fb_server`` when given: a server on this machine, also handed a private copy, so the
      root's ``main.fdb`` never changes (a server elsewhere is refused: it cannot see the copy).
    """
    display = db.path_windows or (str(db.path) if db.path else "main.fdb")
    networked = db.networked
    if networked:  # named for the message: the database is that server's business
        return BackupTarget(database=db.path_windows or display, display=display,
                            host=db.server or "localhost", port=db.port or DEFAULT_FB_PORT,
                            networked=True)
    if root.native:
        host, port = (parse_fb_server(fb_server) if fb_server
                      else (db.server or "localhost", db.port or DEFAULT_FB_PORT))
        return BackupTarget(database=db.path_windows or display, display=display, host=host,
                            port=port, local_file=db.path)
    if db.path is None:
        # A path the root cannot map (a UNC share): no file here to open; backup says so.
        return BackupTarget(database=display, display=display)
    if fb_server:
        host, port = parse_fb_server(fb_server)
        if host.lower() not in LOCAL_HOSTS:
            raise TargetError(_(
                "Под системным корнем сервер Firebird должен быть на этом компьютере "
                "(localhost): сборщик даёт серверу свою копию базы, а сам файл {path} не "
                "меняется. Сервер {host} эту копию не увидит.", path=display, host=host))
        return BackupTarget(database=str(db.path), display=display, host=host, port=port,
                            local_file=db.path, snapshot=True)
    return BackupTarget(database=str(db.path), display=display, local_file=db.path)
