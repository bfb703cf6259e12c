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


class OutputError(BundleError):
    """The output folder cannot take the archive (full, read-only, no rights): the writer is
    aborted, nothing of it is left, and another folder is the remedy."""

    exit_code = ExitCode.USAGE


class DiskFull(OutputError):
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
    """In Russian, whatever the C library says (collector.oserrors)."""
    from collector.oserrors import os_error_text as russian

    return russian(exc)

