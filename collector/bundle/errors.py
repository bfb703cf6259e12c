"""What goes wrong while a bundle is written, as errors a person can act on; cancel checks."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from collector.errors import Cancelled, CollectorError, ExitCode

if TYPE_CHECKING:
    from collector.bundle.writer import FileEntry


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()



class BundleError(CollectorError):
    """The archive could not be written or does not check out."""

    exit_code = ExitCode.STEP_FAILED


class DiskFull(BundleError):
    pass


class SourceError(BundleError):
    """A file to add could not be opened; nothing was written, the writer is still usable."""


class EntryIncomplete(BundleError):
    """A source failed midway; its bytes so far are in the archive as ``<name>.incomplete``.

    The writer is still usable. ``entry`` is the recorded entry, ``__cause__`` the original
    error (e.g. the database backup's own :class:`CollectorError`).
    """

    def __init__(self, message: str, entry: FileEntry) -> None:
        super().__init__(message)
        self.entry = entry



def os_error_text(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__

