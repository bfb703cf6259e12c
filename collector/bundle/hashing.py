"""The one file hash of the project: sha256 of a file read in 1 MiB pieces."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

from collector.bundle.errors import check_cancel
from collector.bundle.names import CHUNK


def sha256_of_file(path: Path, cancel: threading.Event | None = None, *,
                   on_bytes: Callable[[int], None] | None = None) -> str:
    """Hex sha256 of ``path``; ``on_bytes(n)`` after each piece, ``cancel`` checked per piece."""
    h = hashlib.sha256()
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    with open(path, "rb") as f:
        while n := f.readinto(buf):
            check_cancel(cancel)
            h.update(view[:n])
            if on_bytes is not None:
                on_bytes(n)
    return h.hexdigest()
