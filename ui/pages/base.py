"""What every page of the wizard has: a title, the form fields it owns, blockers, navigation."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.i18n import tr
from ui.theme import SPACE


def owns(field: str, fields: tuple[str, ...]) -> bool:
    return any(field == f or field.startswith(f + "[") or field.startswith(f + ".")
               for f in fields)


class _Relay(QObject):
    """Calls ``page._state_changed(reason)`` when a state signal fires. A child of the page, so
    the connection ends with the page (a language switch rebuilds every page)."""

    def __init__(self, page: Page, reason: str) -> None:
        super().__init__(page)
        self.page = page
        self.reason = reason

    def fire(self, *_args) -> None:
        self.page._state_changed(self.reason)


class Page(QWidget):
    key = ""
    fields: tuple[str, ...] = ()  # form fields whose problems this page shows and fixes

    def __init__(self, state, window) -> None:
        super().__init__()
        self.state = state
        self.window_ = window
        self.tried_next = False
        self.body = QWidget()
        self.body.setObjectName("PageBody")
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(4 * SPACE, 2 * SPACE, 4 * SPACE, 3 * SPACE)
        self.layout_.setSpacing(2 * SPACE)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # By name: no value of the binding's Qt namespace before the first picture (ui.qt).
        self.scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.scroll.setWidget(self.body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        # What every form page shows depends on: the form, the draft, and what the desk's rules
        # are checked against (installation, version, GBS.ID).
        self.watch(state.request.edited, "form")
        self.watch(state.request.draft_changed, "draft")
        self.watch(state.install.changed, "detection")
        self.watch(state.updates.changed, "update")
        self.watch(state.gbs.changed, "gbs")

    def watch(self, signal, reason: str) -> None:
        """Refresh (while shown) whenever ``signal`` fires; ``reason`` tells :meth:`refresh`
        what changed."""
        signal.connect(_Relay(self, reason).fire)

    def set_compact(self, narrow: bool, low: bool) -> None:
        """A small window: less margin around the page."""
        side = 2 * SPACE if narrow else 4 * SPACE
        self.layout_.setContentsMargins(side, SPACE if low else 2 * SPACE, side,
                                        2 * SPACE if low else 3 * SPACE)
        self.layout_.setSpacing(SPACE + SPACE // 2 if low else 2 * SPACE)

    # --- texts ---------------------------------------------------------------------------------
    def title(self) -> str:
        return ""

    def subtitle(self) -> str:
        return ""

    # --- life ----------------------------------------------------------------------------------
    def _state_changed(self, what: str) -> None:
        if self.isVisible() or what in ("draft", "detection"):
            self.refresh(what)

    def refresh(self, what: str = "") -> None:
        """Show what the state says (called on entering and on every relevant change)."""

    def on_enter(self) -> None:
        self.refresh("enter")

    def on_leave(self) -> None:
        pass

    # --- problems and navigation ---------------------------------------------------------------
    def page_problems(self) -> list:
        if not self.fields:
            return []
        return [p for p in self.state.problems() if owns(p.field, self.fields)]

    def blockers(self) -> list:
        return [p for p in self.page_problems() if p.severity == "error"]

    def can_leave_forward(self) -> bool:
        """False (and the reasons shown) when the page still has errors."""
        self.tried_next = True
        blocked = bool(self.blockers())
        self.refresh("tried")
        return not blocked

    def next_text(self) -> str:
        return tr("&Далее")

    def next_enabled(self) -> bool:
        return True

    def back_visible(self) -> bool:
        return True

    def go_next(self) -> None:
        self.window_.next_page()

    def add(self, w, stretch: int = 0) -> None:
        if isinstance(w, QWidget):
            self.layout_.addWidget(w, stretch)
        else:
            self.layout_.addLayout(w, stretch)
