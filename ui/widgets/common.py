"""Small building blocks shared by the pages: cards, banners, problem lists, a spinner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import first_paint, theme
from ui.i18n import engine_text, tr
from ui.qt import Qt
from ui.theme import SPACE

ZWSP = "\u200b"


def breakable(text: str) -> str:
    """A path or id that may wrap after its separators (a long path never widens the window)."""
    out = []
    for ch in str(text):
        out.append(ch)
        if ch in "\\/_.-:":
            out.append(ZWSP)
    return "".join(out)


def clear_layout(layout: QLayout) -> None:
    """Remove every widget of ``layout``, hidden at once (deletion waits for the event loop)."""
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.hide()
            w.deleteLater()


def label(text: str = "", *, muted: bool = False, small: bool = False, wrap: bool = True,
          selectable: bool = False, name: str | None = None, rich: bool = False) -> QLabel:
    w = QLabel(text)
    w.setWordWrap(wrap)
    # Enum properties by name: no value of the binding's Qt namespace before the first picture
    # (ui.qt); Qt's meta-object system converts the names.
    w.setProperty("textFormat", "RichText" if rich else "PlainText")
    if muted:
        w.setProperty("muted", True)
    if small:
        w.setProperty("small", True)
    if name:
        w.setObjectName(name)
    if selectable:
        w.setProperty("textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
        first_paint.later(lambda: w.setCursor(Qt.CursorShape.IBeamCursor))
    if rich:
        w.setOpenExternalLinks(False)
    return w


def button(text: str, *, icon: str | None = None, primary: bool = False, flat: bool = False,
           accessible: str | None = None, tip: str | None = None,
           on_click: Callable[[], None] | None = None) -> QPushButton:
    b = QPushButton(text)
    if icon:
        colour = "#FFFFFF" if primary and icon in ("send", "next") else None
        b.setIconSize(QSize(18, 18))
        theme.set_drawn_icon(b, lambda: theme.icon(icon, colour))
    if primary:
        b.setProperty("primary", True)
    if flat:
        b.setProperty("flat", True)
        first_paint.later(lambda: b.setCursor(Qt.CursorShape.PointingHandCursor))
    b.setAccessibleName(accessible or text.replace("&", ""))
    if tip:
        b.setToolTip(tip)
    if on_click is not None:
        b.clicked.connect(lambda _checked=False: on_click())
    return b


def icon_label(name: str, size: int = 20) -> QLabel:
    w = QLabel()
    theme.set_drawn_pixmap(w, name, size)
    w.setFixedSize(size, size)
    w.setAccessibleName("")
    return w


def set_icon(w: QLabel, name: str, size: int = 20) -> None:
    theme.set_drawn_pixmap(w, name, size)


def add_top(row: QBoxLayout, *widgets: QWidget, index: int = -1) -> TopAligned:
    """Put ``widgets`` into ``row`` at its top, as ``insertWidget(index, w, 0, AlignTop)`` puts
    one (see :class:`TopAligned`)."""
    place = TopAligned(*widgets)
    row.insertWidget(index, place)
    return place


class TopAligned(QWidget):
    """Holds its widgets at the top of its place in a row, as ``addWidget(w, 0, AlignTop)`` holds
    one, without a value of the binding's Qt namespace: the window's first picture is made
    before that namespace exists (ui.qt). A layout cannot do it (a stretch under the widget makes
    the whole row take the card's spare height). Several widgets share the place, one shown at a
    time (a status icon and the spinner standing in for it)."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.items = widgets
        for w in widgets:
            w.setParent(self)
        self.setSizePolicy(widgets[0].sizePolicy().horizontalPolicy(),
                           QSizePolicy.Policy.Preferred)

    @staticmethod
    def _wanted(w: QWidget) -> QSize:
        return w.sizeHint().expandedTo(w.minimumSize()).boundedTo(w.maximumSize())

    def sizeHint(self) -> QSize:
        size = QSize(0, 0)
        for w in self.items:
            size = size.expandedTo(self._wanted(w))
        return size

    def minimumSizeHint(self) -> QSize:
        size = QSize(0, 0)
        for w in self.items:
            size = size.expandedTo(w.minimumSizeHint().expandedTo(w.minimumSize()))
        return size

    def resizeEvent(self, event) -> None:
        for w in self.items:
            w.setGeometry(0, 0, min(self.width(), w.maximumWidth()),
                          min(self.height(), self._wanted(w).height()))
        super().resizeEvent(event)


def set_state(w: QWidget, state: str | None) -> None:
    """Restyle a field by its ``state`` property ("error", "ok" or none)."""
    theme.restyle(w, "state", state)


class Card(QFrame):
    """A white rounded panel with an optional title row (icon, title, right-hand widgets)."""

    def __init__(self, title: str = "", icon: str | None = None, parent: QWidget | None = None,
                 *, padding: int = 2 * SPACE) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(padding, padding, padding, padding)
        self.body.setSpacing(SPACE)
        self.title_row = QHBoxLayout()
        self.title_row.setSpacing(SPACE)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("CardTitle")
        self.title_label.setWordWrap(True)
        self.icon_label: QLabel | None = None
        if icon:
            self.icon_label = icon_label(icon, 22)
            add_top(self.title_row, self.icon_label)
        self.title_row.addWidget(self.title_label, 1)
        if title:
            self.body.addLayout(self.title_row)
        self.setAccessibleName(title)

    def set_selected(self, on: bool) -> None:
        theme.restyle(self, "selected", on)

    def add(self, w: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(w, QLayout):
            self.body.addLayout(w, stretch)
        else:
            self.body.addWidget(w, stretch)


class Banner(QFrame):
    """A coloured message box: severity icon, text, optional buttons. Hidden when empty."""

    closed = Signal()

    def __init__(self, severity: str = "info", text: str = "", parent: QWidget | None = None,
                 *, closable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(10)
        self.icon = QLabel()
        self.icon.setFixedSize(20, 20)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.text = label(text, selectable=True)
        lay.addWidget(self.text, 1)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(SPACE)
        lay.addLayout(self.buttons)
        if closable:
            close = button("", icon="remove", flat=True, accessible=tr("Скрыть сообщение"),
                           tip=tr("Скрыть"), on_click=self._close)
            close.setFixedSize(28, 28)
            lay.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.set(severity, text)

    def _close(self) -> None:
        self.dismissed = self.text.text()  # stays closed until there is something new to say
        self.hide()
        self.closed.emit()

    def set(self, severity: str, text: str) -> None:
        if text and text == getattr(self, "dismissed", None):
            return
        # Styled when first shown and when the severity changes: an empty banner is hidden, and a
        # style sheet set again re-polishes every child for nothing.
        if text and severity != getattr(self, "styled", None):
            self.styled = severity
            _fg, bg, border = theme.SEVERITY_COLOURS.get(severity,
                                                         theme.SEVERITY_COLOURS["info"])
            self.setStyleSheet(f"QFrame#Banner {{ background: {bg}; border: 1px solid {border}; "
                               f"border-radius: 8px; }} "
                               f"QFrame#Banner QLabel {{ color: {theme.TEXT}; }}")
            self.icon.setPixmap(theme.pixmap(severity if severity in theme.ICONS else "info", 20))
        self.text.setText(text)
        self.setAccessibleName(text)
        if self.parentWidget() is not None:
            self.setVisible(bool(text))
        elif not text:
            self.hide()  # (showing a widget without a parent would open it as a window)

    def add_button(self, b: QPushButton) -> QPushButton:
        self.buttons.addWidget(b)
        return b


class ProblemList(QWidget):
    """The desk's rules as the engine reports them (``collector.request.Problem``), each with its
    severity icon; ``fields`` limits it to the problems of one page."""

    def __init__(self, parent: QWidget | None = None, *, info: bool = True) -> None:
        super().__init__(parent)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(6)
        self.show_info = info
        self.rows: list[QWidget] = []
        self.shown: list = []

    def set_problems(self, problems: list, *, severities: tuple[str, ...] = ("error", "warning",
                                                                             "info")) -> None:
        wanted = [p for p in problems if p.severity in severities
                  and (self.show_info or p.severity != "info")]
        key = [(p.code, p.field, str(p.message)) for p in wanted]
        if key == [(p.code, p.field, str(p.message)) for p in self.shown]:
            return
        for r in self.rows:
            r.deleteLater()
        self.rows = []
        self.shown = wanted
        for p in wanted:
            row = QFrame()
            _fg, bg, border = theme.SEVERITY_COLOURS[p.severity]
            row.setObjectName("Problem")
            row.setStyleSheet(f"QFrame#Problem {{ background: {bg}; border: 1px solid {border};"
                              f" border-radius: 6px; }}")
            lay = QHBoxLayout(row)
            lay.setContentsMargins(10, 7, 10, 7)
            lay.setSpacing(8)
            ic = icon_label({"error": "error", "warning": "warning"}.get(p.severity, "info"), 18)
            lay.addWidget(ic, 0, Qt.AlignmentFlag.AlignTop)
            text = label(engine_text(p.message), selectable=True)
            lay.addWidget(text, 1)
            row.setAccessibleName({"error": tr("Ошибка"), "warning": tr("Внимание"),
                                   "info": tr("Совет")}[p.severity] + ": " + text.text())
            self.lay.addWidget(row)
            row.show()
            self.rows.append(row)
        self.setVisible(bool(wanted))


def status_column(row: QWidget, lay: QHBoxLayout, size: int = 20) -> tuple[QLabel, Spinner]:
    """A status row's first column: its icon, and a spinner in the same place while it works
    (hidden until then), both at the top of the row."""
    icon = icon_label("pending", size)
    spinner = Spinner(row, size)
    spinner.hide()
    add_top(lay, icon, spinner)
    return icon, spinner


class Spinner(QWidget):
    """A small rotating arc: "working on it" without a number."""

    def __init__(self, parent: QWidget | None = None, size: int = 18) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self.angle = 0
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Идёт работа"))

    def _tick(self) -> None:
        self.angle = (self.angle + 30) % 360
        self.update()

    def showEvent(self, event) -> None:
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        pen = QPen(QColor(theme.BORDER), w / 8)
        p.setPen(pen)
        r = QRectF(w / 8, w / 8, w * 3 / 4, w * 3 / 4)
        p.drawEllipse(r)
        pen.setColor(QColor(theme.ACCENT))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(r, -self.angle * 16, 100 * 16)

