"""What the window's first picture goes up without, done right after it.

A button's cursor, the drawn icons and the first focus need real values of the binding's ``Qt``
namespace (built on first use, ≈ 23 ms: :mod:`ui.qt`), and each icon is painted in Python at
every size: none of it changes what the first picture shows (an icon's place is kept by a blank
of its size), so while the app waits for that picture it is queued, and run one event-loop turn
after it. Anywhere else (tests, a window rebuilt for another language, anything built after the
first paint) :func:`later` runs at once.
"""

from __future__ import annotations

from collections.abc import Callable

_queued: list[Callable[[], None]] | None = None  # None: no first picture awaited


def hold() -> None:
    """From now until :func:`release`, :func:`later` queues (the app, before its window)."""
    global _queued
    if _queued is None:
        _queued = []


def waiting() -> bool:
    return _queued is not None


def later(work: Callable[[], None]) -> None:
    """Run ``work`` now, or right after the first picture while it is awaited."""
    if _queued is None:
        work()
    else:
        _queued.append(work)


def release() -> None:
    """Run what was queued, in order; from now on :func:`later` runs at once."""
    global _queued
    queued, _queued = _queued or [], None
    for work in queued:
        try:
            work()
        except RuntimeError as e:  # its widget was deleted meanwhile (a page rebuilt)
            if "already deleted" not in str(e):
                raise
