"""The tool's own log: a rotating file in the user data folder, every record scrubbed of secrets.

Support may ask for it when the tool itself misbehaves, so it must never hold a password or token:
every handler carries :class:`collector.redact.SecretFilter`.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from collector.redact import SecretFilter

LOG_NAME = "collector.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _BriefFormatter(logging.Formatter):
    """Console lines for people: the message, never a traceback (those go to the file)."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text
        record.exc_info, record.exc_text = None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text = saved


def log_path() -> Path | None:
    from collector.userdata import user_data_dir

    try:
        return user_data_dir() / "logs" / LOG_NAME
    except Exception:
        return None


def setup_logging(*, verbose: bool = False, to_file: bool = True) -> Path | None:
    """File at INFO; the console (stderr) only with ``verbose`` (DEBUG), or for errors when there
    is no file. People read the commands' own Russian messages on stderr; the log's English
    records are for the file and ``-v``. Idempotent."""
    root = logging.getLogger()
    if getattr(root, "_gbs_configured", False):
        return getattr(root, "_gbs_log_path", None)
    root.setLevel(logging.DEBUG)
    secret_filter = SecretFilter()
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)
    console.setFormatter(_BriefFormatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(secret_filter)
    root.addHandler(console)
    path = log_path() if to_file else None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = logging.handlers.RotatingFileHandler(path, maxBytes=2 * 2**20, backupCount=3,
                                                      encoding="utf-8")
            fh.setLevel(logging.INFO)
            fh.setFormatter(logging.Formatter(_FORMAT))
            fh.addFilter(secret_filter)
            root.addHandler(fh)
        except OSError:
            path = None  # a read-only profile: the tool still works, without its own log
    if path is None and not verbose:
        console.setLevel(logging.ERROR)  # no file to keep them: errors at least are seen
    root._gbs_configured = True  # type: ignore[attr-defined]
    root._gbs_log_path = path  # type: ignore[attr-defined]
    return path
