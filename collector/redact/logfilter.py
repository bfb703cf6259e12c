"""The tool's own log (and its console lines) without secrets.

Runtime secrets (the database or archive password a technician typed, the configs' secret values
once a collection has read them) are registered with :func:`register_secret` and replaced by
``***`` in every record, as are credentials the text patterns recognise.
"""

from __future__ import annotations

import logging
import threading

from collector.redact.text import TextScrubber
from collector.redact.tokens import TOKEN_RE

MASK = "***"

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """A password or token known at run time: scrubbed from every log record from now on."""
    if value and len(value) >= 3:
        with _lock:
            _secrets.add(value)


def registered_secrets() -> list[str]:
    with _lock:
        return sorted(_secrets, key=len, reverse=True)


def scrub(message: str) -> str:
    for s in registered_secrets():
        message = message.replace(s, MASK)
    masked = TextScrubber().scrub(message)
    return TOKEN_RE.sub(MASK, masked)


def _safe_text(record: logging.LogRecord) -> str:
    """The record's text even when ``msg % args`` fails (a wrong format string must not let
    the raw arguments through unscrubbed)."""
    try:
        return record.getMessage()
    except Exception:
        parts = [str(record.msg)]
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        for a in args or ():
            try:
                parts.append(repr(a))
            except Exception:
                parts.append("<?>")
        return " ".join(parts)


class SecretFilter(logging.Filter):
    """Installed on the collector's log handlers: no record leaves with a secret inside."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(_safe_text(record))
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True

