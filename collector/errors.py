"""Errors that reach a person, with the exit code the command line contract gives them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2
    NO_INSTALLATION = 3
    STEP_FAILED = 4
    DELIVERY_FAILED = 5
    OTHER_DESK = 6  # not sent: the bundle's build has its own desk (collector.desk)
    CANCELLED = 130


class CollectorError(Exception):
    """A failure explained in Russian: what happened and what to do about it."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class NoInstallation(CollectorError):
    exit_code = ExitCode.NO_INSTALLATION


class Cancelled(CollectorError):
    exit_code = ExitCode.CANCELLED

    def __init__(self, message: str = "Отменено пользователем.") -> None:
        super().__init__(message)
