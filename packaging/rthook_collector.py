# PyInstaller runtime hook of collector.spec: runs in the frozen exe before packaging/entry.py.
"""Environment fixes the frozen exe needs before any of our code runs.

* Firebird client: a Windows build carries ``firebird/fbclient.dll`` (the kit from
  ``packaging/windows/firebird/``). firebird-driver looks the library up with
  ``ctypes.util.find_library("fbclient.dll")``, which walks ``PATH``: the bundled folder goes
  first, so the client that was tested with the exe is the one loaded. Its own msvcp140 and
  firebird.msg sit beside it and are found from there. Builds without the kit (Linux: the system
  libfbclient2) change nothing.
* Child processes (gbak, 7-Zip, the file manager, the mail client) must see the user's
  environment, not the bundle's: on Linux the bootloader prepends the bundle to
  ``LD_LIBRARY_PATH`` (our own process keeps it: the loader read it at start-up).
"""

import os
import sys

_DLL_DIRS: list = []  # handles of added DLL folders: kept for the life of the process


def _firebird() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return
    kit = os.path.join(bundle, "firebird")
    if not os.path.isfile(os.path.join(kit, "fbclient.dll")):
        return
    os.environ["PATH"] = kit + os.pathsep + os.environ.get("PATH", "")
    if hasattr(os, "add_dll_directory"):  # for anything loading "fbclient.dll" by bare name
        _DLL_DIRS.append(os.add_dll_directory(kit))


def _child_environment() -> None:
    if not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


_firebird()
_child_environment()
