"""Moved to :mod:`collector.pipeline` (the sources are in :mod:`collector.sources`).

Kept only while branches that import the old name are merged; nothing in ``collector`` or
``ui`` imports it.
"""

from collector.pipeline import (  # noqa: F401
    Collection,
    CollectOptions,
    CollectResult,
    ProgressEvent,
    StepReport,
    StepTimeout,
    collect,
)
