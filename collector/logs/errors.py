"""The log functions' own errors, explained in Russian."""

from __future__ import annotations

from collector.errors import CollectorError, ExitCode


class LogsError(CollectorError):
    """Bad input for the log functions (a date, a window, a size), explained in Russian."""

    exit_code = ExitCode.USAGE


class LogFileChanged(CollectorError):
    """A selected file was replaced or shortened between the selection and the bundle."""

    exit_code = ExitCode.STEP_FAILED
