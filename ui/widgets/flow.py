"""Layouts that give way on small screens: a row of buttons that wraps like words
(:class:`FlowLayout`, after Qt's own "Flow Layout" example: Qt ships no such layout), and
columns that stack once there is no room for them side by side (:class:`Columns`)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget

from ui.qt import Qt


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8,
                 row_spacing: int | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._row_spacing = spacing if row_spacing is None else row_spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addLayout(self, layout: QLayout) -> None:
        self.addChildLayout(layout)  # its widgets become the parent widget's children
        self.addItem(layout)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """One line: what it takes when there is room."""
        w = h = 0
        for item in self._visible():
            hint = item.sizeHint()
            w += hint.width() + (self._spacing if w else 0)
            h = max(h, hint.height())
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: narrower than that nothing can wrap."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += line + self._row_spacing
                line = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class Columns(QWidget):
    """Two or more columns side by side; one above the other when narrower than ``min_width``.

    ``stretch`` gives the columns' shares when side by side. The parent layout learns the new
    height through the usual size hints, so a scroll area around it just grows."""

    def __init__(self, min_width: int, *, spacing: int = 16,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_width = min_width
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self._stretch: list[int] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    @property
    def stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def add(self, item: QWidget | QLayout, stretch: int = 1) -> None:
        if isinstance(item, QLayout):
            self.box.addLayout(item, stretch)
        else:
            self.box.addWidget(item, stretch)
        self._stretch.append(stretch)

    def minimumSizeHint(self) -> QSize:
        # Side by side only as wide as it must be to stack: never forces the window wider.
        hint = super().minimumSizeHint()
        if not self.stacked:
            return QSize(min(hint.width(), self._stacked_min_width()), hint.height())
        return hint

    def _stacked_min_width(self) -> int:
        widths = [self.box.itemAt(i).minimumSize().width() for i in range(self.box.count())]
        return max(widths, default=0)

    def resizeEvent(self, event) -> None:
        self._reflow(event.size().width())
        super().resizeEvent(event)

    def _reflow(self, width: int) -> None:
        stack = width < self.min_width
        if stack == self.stacked:
            return
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if stack
                              else QBoxLayout.Direction.LeftToRight)
        for i, stretch in enumerate(self._stretch):
            self.box.setStretch(i, 0 if stack else stretch)
        self.updateGeometry()
