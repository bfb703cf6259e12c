"""Workarounds for defects of the Qt binding that would otherwise take the app down.

``PySide6 6.12.0`` on Python 3.11: every call of a C++ method returning ``void`` gives Python its
``None`` with one reference too few. On Python 3.12+ ``None`` is immortal and nothing happens; on
3.11 its reference count drains with every ``setPen``, ``setText``, ``drawArc``… — about 160 a
second while one busy indicator turns — and when it reaches zero the interpreter aborts
("Fatal Python error: none_dealloc"), mid-session or at exit. :func:`protect_none` measures the
loss at start and, when there is one, gives ``None`` the same practically endless count Python
3.12 gives it (that is all "immortal" means there). Nothing is done on a binding that is fine.

PySide6 (6.6–6.11 at least) reads the whole source file of each module imported after it, to
see whether the word "PySide6" is in it (``shibokensupport.feature._mod_uses_pyside``, for
``from __feature__ import snake_case``, which this app never uses). That is ≈ 0.2 ms a module —
≈ 10 ms of the window's first paint when run from source (the frozen exe has no sources to
read). :func:`skip_feature_scan` answers "uses PySide6" for every module without reading it: with
no feature ever selected both answers switch to the same (no) features.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

_applied = False


def none_leak_per_call(calls: int = 64) -> float:
    """References of ``None`` lost per void call of the Qt binding (0.0 when healthy)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")  # a void C++ method
    return max(0, before - sys.getrefcount(None)) / calls


def protect_none() -> bool:
    """Make ``None`` immortal in practice if the binding leaks its references; True if done."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return _applied
    if none_leak_per_call() < 0.5:
        return False
    import ctypes  # only for a binding that leaks

    # ob_refcnt is the first field of every object in release builds of CPython 3.11.
    bits = 8 * ctypes.sizeof(ctypes.c_ssize_t)
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << (bits - 4)
    _applied = True
    log.info("Qt binding leaks references of None: None made immortal (as in Python 3.12)")
    return True


def skip_feature_scan() -> bool:
    """Spare the binding its source scan of every later import (see above); True if done.

    A private hook of the binding (``tests/test_ui_compat.py`` checks it on the installed one):
    left alone when missing, so a binding without it costs nothing more than the scan.
    """
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True


def _uses_pyside(module: object) -> bool:
    return True
