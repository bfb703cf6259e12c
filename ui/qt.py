"""The binding's ``Qt`` namespace for the modules the window's first picture is made of, built
when first touched rather than when imported.

PySide6 builds all of the namespace's ≈ 90 enums (≈ 1 500 members, Python's enum machinery for
each) the first time ``PySide6.QtCore.Qt`` is touched: ≈ 23 ms, about half of what a bare
window takes to paint. The modules on the first picture's path (the window, the theme, the
shared widgets, the start page's parts) import ``Qt`` from here, and what they do before the
first paint needs no ``Qt`` value: enum properties are set by name (``setProperty("textFormat",
"RichText")``, Qt's meta-object system converts), a widget at the top of a row sits in a widget of
its own (:class:`ui.widgets.common.TopAligned`), and what needs a real value (cursors, icons, focus)
waits for :mod:`ui.first_paint`. ``tests/test_ui_first_paint.py`` checks that the namespace is
still unbuilt when the window is painted.
"""

from __future__ import annotations

from typing import Any


class _LazyQt:
    def __getattr__(self, name: str) -> Any:
        from PySide6.QtCore import Qt as namespace

        value = getattr(namespace, name)
        setattr(self, name, value)  # found in the instance from now on, without this look-up
        return value


Qt: Any = _LazyQt()
