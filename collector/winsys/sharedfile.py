"""Open a file that another program keeps open for writing, without getting in its way.

GBS.Market (NLog) keeps the day's log files open for writing while it runs. On Windows the CRT's
``open()`` shares read and write but not *delete*: while we read, NLog could neither rename
(archive) nor delete the file, and the program would log errors or stall because of us. So on
Windows we ask ``CreateFileW`` for ``GENERIC_READ`` with ``FILE_SHARE_READ | FILE_SHARE_WRITE |
FILE_SHARE_DELETE`` and hand the handle to the CRT (``msvcrt.open_osfhandle``): the program keeps
doing whatever it wants with the file, and we read what it has written. Elsewhere a read-only
``os.open`` behaves that way already. Everything above this module reads the same file object.

Only regular files are opened: a FIFO or a device found among logs would block or never end.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

_GENERIC_READ = 0x80000000
_FILE_SHARE_ALL = 0x1 | 0x2 | 0x4  # READ | WRITE | DELETE
_OPEN_EXISTING = 3
_FILE_ATTRIBUTE_NORMAL = 0x80
_FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
_ERROR_SHARING_VIOLATION = 32
_MAX_PLAIN_PATH = 240  # below MAX_PATH (260) with room for a file name


class NotARegularFile(OSError):
    """A FIFO, socket, device or directory where a log file was expected."""


def open_shared(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for reading only, letting every other program read, write, rename and
    delete it meanwhile. Returns an unbuffered binary file (``readinto`` fills the caller's
    buffer directly). Raises ``OSError`` subclasses: ``FileNotFoundError``, ``PermissionError``
    (also for a sharing violation, ``winerror`` 32), ``NotARegularFile``, ELOOP for a symlink
    loop."""
    fd = _open_windows(path) if sys.platform == "win32" else _open_posix(path)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", os.fspath(path))
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise


def is_sharing_violation(exc: OSError) -> bool:
    """Windows refused because another program holds the file without sharing it."""
    return getattr(exc, "winerror", None) == _ERROR_SHARING_VIOLATION


def file_identity(st: os.stat_result) -> tuple[int, int]:
    """(volume, file id): tells a file from another one that took its name (NLog archiving).
    ``os.fstat`` fills both on Windows too (volume serial number, file index)."""
    return (st.st_dev, st.st_ino)


def _open_posix(path: str | os.PathLike[str]) -> int:
    # O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore the flag).
    # O_NOATIME: reading should not even touch the access time of the program's files; the kernel
    # allows it only to the owner (or root), so fall back quietly.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    noatime = getattr(os, "O_NOATIME", 0)
    if noatime:
        try:
            return os.open(path, flags | noatime)
        except PermissionError:
            pass
    return os.open(path, flags)


def long_path(path: str) -> str:
    """The ``\\\\?\\`` form Windows needs for paths longer than MAX_PATH (deep user folders)."""
    if len(path) < _MAX_PLAIN_PATH or path.startswith("\\\\?\\"):
        return path
    path = path.replace("/", "\\")
    if path.startswith("\\\\"):
        return "\\\\?\\UNC\\" + path[2:]
    return "\\\\?\\" + path


def _open_windows(path: str | os.PathLike[str]) -> int:  # pragma: no cover - Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    create = kernel32.CreateFileW
    create.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
                       wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE]
    create.restype = wintypes.HANDLE
    close = kernel32.CloseHandle
    close.argtypes = [wintypes.HANDLE]
    close.restype = wintypes.BOOL

    name = long_path(os.path.abspath(os.fspath(path)))
    handle = create(name, _GENERIC_READ, _FILE_SHARE_ALL, None, _OPEN_EXISTING,
                    _FILE_ATTRIBUTE_NORMAL | _FILE_FLAG_SEQUENTIAL_SCAN, None)
    invalid = wintypes.HANDLE(-1).value
    if handle is None or handle == invalid:
        code = ctypes.get_last_error()
        # With winerror given, OSError picks errno and the subclass itself
        # (2/3 → FileNotFoundError, 5/32 → PermissionError).
        raise OSError(0, ctypes.FormatError(code).strip(), os.fspath(path), code)
    try:
        return msvcrt.open_osfhandle(handle, os.O_RDONLY | getattr(os, "O_NOINHERIT", 0))
    except BaseException:
        close(handle)
        raise


def read_head(path: str | os.PathLike[str] | Path, size: int) -> bytes:
    """The first ``size`` bytes of a file, read with sharing."""
    with open_shared(path) as fh:
        return fh.read(size) or b""
