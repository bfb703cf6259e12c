"""What the program writes into each kind of log file, one layout per kind.

:mod:`~collector.logs.layouts.nlog` holds the main logger's files (trace, error, egais) and the
NLog timestamp; :mod:`~collector.logs.layouts.others` performace.log, ua_prro.log, the CRPT log
and backup.log. :func:`layout_of` names the layout of a file by its kind.
"""

from __future__ import annotations

from collector.logs.layouts.base import SEP, Fields, Layout
from collector.logs.layouts.nlog import (
    EGAIS,
    ERROR,
    HEADER_BYTES,
    HEADER_VERSION,
    TRACE,
    header_versions,
    key_date,
    key_of,
    key_text,
    ts_key,
)
from collector.logs.layouts.others import BACKUP, CRPT, OTHER, PERFORMANCE, UA_PRRO

LAYOUTS = {lay.kind: lay for lay in (TRACE, ERROR, PERFORMANCE, EGAIS, UA_PRRO, BACKUP, CRPT)}
KIND_ORDER = ("trace", "error", "performace", "egais", "ua_prro", "backup")
LOGS_KEEP_DAYS = 30  # each start deletes Logs\ day folders created over 30 days ago


def kind_of(name: str) -> str:
    stem = name.rsplit(".", 1)[0].lower()
    return stem if stem in KIND_ORDER else "other"


def layout_of(kind: str) -> Layout:
    return LAYOUTS.get(kind, OTHER)


__all__ = [
    "BACKUP", "CRPT", "EGAIS", "ERROR", "HEADER_BYTES", "HEADER_VERSION", "KIND_ORDER",
    "LAYOUTS", "LOGS_KEEP_DAYS", "OTHER", "PERFORMANCE", "SEP", "TRACE", "UA_PRRO", "Fields",
    "Layout", "header_versions", "key_date", "key_of", "key_text", "kind_of", "layout_of",
    "ts_key",
]
