"""Scratch copies the operating system removes by itself after a crash, where it can.

The embedded backup works from a private copy of the customer's database, which is a full copy
of their data; a killed run must not leave it lying in the temp folder.

* POSIX: as soon as the engine has the copy open, its name is removed (:func:`release_name`):
  the file lives on only while a process holds it, and the kernel frees it when the last holder
  exits, however it exits.
* Windows: Firebird opens database files without ``FILE_SHARE_DELETE`` (``winnt.cpp``), so
  neither ``FILE_FLAG_DELETE_ON_CLOSE`` nor a delete-on-close disposition can be used while it
  works on the copy. :func:`delete_after_reboot` asks for removal at the next boot
  (``MoveFileExW(…, MOVEFILE_DELAY_UNTIL_REBOOT)``, honoured when the tool runs elevated) for
  a power cut; a killed run's copy is removed by the next start (:mod:`collector.debris`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

_MOVEFILE_DELAY_UNTIL_REBOOT = 0x4


def release_name(path: Path) -> bool:
    """The engine holds ``path`` open: drop its name so that nothing outlives the holders.
    Returns whether the name is gone (False on Windows, where an open database file cannot be
    deleted)."""
    if sys.platform == "win32":
        return False
    try:
        os.unlink(path)
    except OSError as exc:
        log.info("scratch copy %s not released: %s", path, exc)
        return False
    log.info("scratch copy released to the engine: the system frees it when the backup ends")
    return True


def delete_after_reboot(path: Path) -> bool:
    """Windows: have the file removed at the next boot if it is still there (best effort)."""
    if sys.platform != "win32":
        return False
    with contextlib.suppress(Exception):
        import ctypes

        ok = ctypes.windll.kernel32.MoveFileExW(str(path), None, _MOVEFILE_DELAY_UNTIL_REBOOT)
        return bool(ok)
    return False
