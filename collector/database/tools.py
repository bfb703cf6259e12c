"""Where the Firebird tools are, and how we attach through firebird-driver.

Two ways to reach Firebird, both real:

* ``gbak`` — Firebird's own backup tool, run as a child process. Preferred for backups: it streams
  to stdout in large blocks, reports tables and records as it goes (verbose output on stderr), and
  cancelling it is ending one process, which closes its attachment on the server.
  Found via ``GBS_COLLECTOR_GBAK``, ``GBS_COLLECTOR_FIREBIRD_DIRS`` (separated by the OS path
  separator), then on Windows the program's own Firebird (GBS_MARKET.md §8: the folders of its two
  services, the preferred one first), then ``PATH``, then the usual Firebird folders.
* firebird-driver (``fbclient`` in this process) — for facts, probing credentials, and the
  services API backup when no gbak is found. On Windows it loads the fbclient.dll beside the gbak
  in use, so the exe needs no Firebird client of its own where the program is installed.

File names: firebird-driver sends names as UTF-8 with ``isc_dpb_utf8_filename``, which Firebird 3
converts to the OS encoding itself, so Cyrillic paths work on Linux and Windows alike. gbak takes
names from its command line, in the Windows ANSI code page (cp1251 on Russian Windows) — names
outside that code page cannot reach gbak; then the services engine is used instead.
``FILENAME_ENCODING`` (env ``GBS_COLLECTOR_FB_FILENAME_ENCODING``) overrides the encoding of the
services parameter block for servers that expect another one.
"""

from __future__ import annotations

import os
import shutil
import sys
from functools import lru_cache
from pathlib import Path

from collector.database.target import Credentials

GBAK_ENV = "GBS_COLLECTOR_GBAK"
DIRS_ENV = "GBS_COLLECTOR_FIREBIRD_DIRS"
FILENAME_ENCODING = os.environ.get("GBS_COLLECTOR_FB_FILENAME_ENCODING", "utf-8")

# GBS.Market's own Firebird (FirebirdHelper): the service it prefers and that service's folder
MARKET_SERVICES = (
    ("FirebirdServer_9b6e7ae5", r"{ProgramW6432}\FirebirdServer_9b6e7ae5"),
    # ProgramFiles of the Market.exe process: "Program Files (x86)" for an x86 one
    ("FirebirdServerFirebirdForGBS", r"{ProgramFiles}\F-Lab\Firebird 3"),
    ("FirebirdServerFirebirdForGBS", r"{ProgramFiles(x86)}\F-Lab\Firebird 3"),
)
WINDOWS_DIRS = (
    r"C:\Program Files\Firebird\Firebird_3_0",
    r"C:\Program Files (x86)\Firebird\Firebird_3_0",
    r"C:\Program Files\Firebird\Firebird_4_0",
)


def market_firebird_dirs(env: dict[str, str] | None = None) -> list[Path]:
    """The folders of GBS.Market's own Firebird on this PC, the preferred service's first."""
    env = dict(os.environ if env is None else env)
    program_files = env.get("ProgramW6432") or env.get("PROGRAMW6432") or \
        env.get("ProgramFiles") or env.get("PROGRAMFILES") or r"C:\Program Files"
    known = {
        "ProgramW6432": program_files,
        "ProgramFiles": env.get("ProgramFiles") or env.get("PROGRAMFILES") or program_files,
        "ProgramFiles(x86)": env.get("ProgramFiles(x86)") or env.get("PROGRAMFILES(X86)")
        or r"C:\Program Files (x86)",
    }
    dirs: list[Path] = []
    for _name, template in MARKET_SERVICES:
        head, _sep, rest = template.partition("}")
        d = Path(known[head.lstrip("{")] + rest)
        if d not in dirs:
            dirs.append(d)
    return dirs


def find_gbak(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> Path | None:
    """The gbak executable to use, or None."""
    forced = os.environ.get(GBAK_ENV)
    if forced:
        p = Path(forced)
        return p if p.is_file() else None
    name = "gbak.exe" if sys.platform == "win32" else "gbak"
    dirs = [Path(d) for d in extra_dirs]
    dirs += [Path(d) for d in os.environ.get(DIRS_ENV, "").split(os.pathsep) if d]
    if sys.platform == "win32":  # the program's own gbak first: the version its server runs
        dirs += market_firebird_dirs()
    for d in dirs:
        if (d / name).is_file():
            return d / name
    found = shutil.which(name)
    if found:
        return Path(found)
    if sys.platform == "win32":
        for d in WINDOWS_DIRS:
            if (Path(d) / name).is_file():
                return Path(d) / name
    return None


def _point_driver_at_fbclient() -> None:
    """On Windows, use the fbclient.dll that sits beside the gbak we use (GBS.Market's own
    Firebird), unless one was configured: the frozen exe carries no Firebird of its own."""
    if sys.platform != "win32":
        return
    from firebird.driver import driver_config

    if driver_config.fb_client_library.value:
        return
    gbak = find_gbak()
    candidates = [gbak.parent] if gbak else []
    candidates += market_firebird_dirs() + [Path(d) for d in WINDOWS_DIRS]
    for d in candidates:
        if (d / "fbclient.dll").is_file():
            driver_config.fb_client_library.value = str(d / "fbclient.dll")
            return


def client_available() -> str | None:
    """None when firebird-driver can load fbclient here, else why not."""
    try:
        from firebird.driver.core import a

        _point_driver_at_fbclient()
        a.get_api()
    except Exception as exc:  # a missing or broken fbclient library raises many kinds
        return str(exc) or type(exc).__name__
    return None


def attach_services(host_spec: str, cred: Credentials | None):
    """A services manager attachment (``host/port:service_mgr`` or ``service_mgr``).

    firebird-driver's ``connect_server`` treats its first argument as a configuration *name* and
    falls back to the local services manager for anything else, so the attachment is made here.
    """
    from firebird.driver.core import SPB_ATTACH, Server, a

    spb = SPB_ATTACH(user=cred.user if cred else "SYSDBA", password=cred.password if cred else "",
                     encoding=FILENAME_ENCODING, errors="strict")
    buf = spb.get_buffer()
    with a.get_api().master.get_dispatcher() as provider:
        svc = provider.attach_service_manager(host_spec, buf)
    return Server(svc, buf, host_spec, FILENAME_ENCODING, "strict")


def connect_database(dsn: str, cred: Credentials | None):
    from firebird.driver import connect

    return connect(dsn, user=cred.user if cred else "SYSDBA",
                   password=cred.password if cred else "", charset="UTF8")


@lru_cache(maxsize=1)
def embedded_engine_version() -> str | None:
    """Version of the embedded engine this process loads (asked of its services manager)."""
    try:
        with attach_services("service_mgr", None) as srv:
            return srv.info.version
    except Exception:
        return None


def market_services(services: list) -> list:
    """GBS.Market's Firebird services among ``services`` (winsys ServiceInfo), in the order the
    program picks them: the first is the one it uses."""
    order = list(dict.fromkeys(name for name, _dir in MARKET_SERVICES))
    found = {s.name.casefold(): s for s in services}
    return [found[n.casefold()] for n in order if n.casefold() in found]
