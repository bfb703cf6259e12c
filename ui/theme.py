"""Look of the app: one accent colour, calm greys, an 8 px spacing grid, drawn vector icons.

Everything is in points or logical pixels, so the window looks the same at 100 %, 150 % and 4K;
icons are painted as vectors at the device pixel ratio asked for (crisp at any scale).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

from ui import first_paint
from ui.qt import Qt

# --- colours -------------------------------------------------------------------------------------
ACCENT = "#2458D6"
ACCENT_HOVER = "#1C47B3"
ACCENT_PRESSED = "#173B94"
ACCENT_SOFT = "#EAF0FD"
TEXT = "#1D2430"
MUTED = "#5A6473"
FAINT = "#8A93A0"
BORDER = "#D9DEE5"
BORDER_STRONG = "#BFC6D0"
BG = "#F4F5F7"
CARD = "#FFFFFF"
SIDEBAR = "#ECEFF3"
OK = "#1E7B3C"
OK_BG = "#EAF6EE"
WARN = "#9A5B00"
WARN_BG = "#FFF6E0"
WARN_BORDER = "#F0D59A"
ERR = "#B42318"
ERR_BG = "#FDEEEC"
ERR_BORDER = "#F3C4BE"
INFO_BG = "#EEF3FB"
INFO_BORDER = "#C9D8F2"

SPACE = 8  # the grid: margins and gaps are multiples of it

SEVERITY_COLOURS = {  # text, background, border
    "error": (ERR, ERR_BG, ERR_BORDER),
    "warning": (WARN, WARN_BG, WARN_BORDER),
    "info": (MUTED, INFO_BG, INFO_BORDER),
    "ok": (OK, OK_BG, "#BFE3CB"),
}


def base_point_size() -> float:
    """The body text size: the system's, but never below 10 pt (readable for everyone)."""
    app = QGuiApplication.instance()
    size = app.font().pointSizeF() if app else 10.0
    return max(10.0, size if size > 0 else 10.0)


STYLE = "Fusion"  # the same look on every Windows version


def apply(app: QApplication, *, styled: bool = False) -> None:
    """Fusion style with our palette and style sheet.

    ``styled``: the application was made with ``-style Fusion`` (``ui.app``). Setting it again
    returns the style object, and the binding builds the QStyle type (hundreds of enum members)
    for that alone before the window's first paint."""
    if not styled:
        app.setStyle(STYLE)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: BG,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: CARD,
        QPalette.ColorRole.AlternateBase: "#F7F8FA",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: CARD,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: "#FFFFFF",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: FAINT,
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Mid: BORDER,
        QPalette.ColorRole.Midlight: "#E8EBEF",
        QPalette.ColorRole.Dark: BORDER_STRONG,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(FAINT))
    app.setPalette(pal)
    app.setStyleSheet(style_sheet(font.pointSizeF()))


def repolish(w) -> None:
    """Apply the style sheet again after a property it selects on changed.

    A widget not polished yet takes its properties when it is first polished (when shown): its
    style is not asked for, so nothing of the style is built before the window's first paint."""
    if w.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = w.style()
        style.unpolish(w)
        style.polish(w)


def restyle(w, name: str, value) -> None:
    """Set a property the style sheet selects on, repolishing only when it changes (no value
    yet is the same as a false one)."""
    old = w.property(name)
    if old == value or (old is None and not value):
        return
    w.setProperty(name, value)
    repolish(w)


def style_sheet(pt: float) -> str:
    big = pt * 1.7
    mid = pt * 1.2
    small = pt * 0.92
    return f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, #Content {{ background: {BG}; }}
QScrollArea, QScrollArea > QWidget > QWidget#PageBody {{ background: transparent; border: none; }}
QToolTip {{ background: #FFFFFF; color: {TEXT}; border: 1px solid {BORDER}; padding: 4px; }}

#Sidebar {{ background: {SIDEBAR}; border-right: 1px solid {BORDER}; }}
#AppTitle {{ font-size: {mid:.1f}pt; font-weight: 600; }}
#AppSubtitle {{ color: {MUTED}; font-size: {small:.1f}pt; }}
#PageTitle {{ font-size: {big:.1f}pt; font-weight: 600; }}
#PageSubtitle {{ color: {MUTED}; }}
#PageTitle[compact="true"] {{ font-size: {mid * 1.1:.1f}pt; }}
#PageSubtitle[compact="true"] {{ font-size: {small:.1f}pt; }}
#NavBar {{ background: {CARD}; border-top: 1px solid {BORDER}; }}

QFrame#Card {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#Card[selected="true"] {{ border: 2px solid {ACCENT}; background: {ACCENT_SOFT}; }}
QLabel#CardTitle {{ font-size: {mid:.1f}pt; font-weight: 600; }}
QLabel#TopicTitle {{ font-size: {pt * 1.05:.1f}pt; font-weight: 600; }}
QLabel[muted="true"] {{ color: {MUTED}; }}
QLabel[small="true"] {{ font-size: {small:.1f}pt; }}
QLabel#BigValue {{ font-size: {mid:.1f}pt; font-weight: 600; }}
QLabel#Mono {{ font-family: "Consolas", "DejaVu Sans Mono", monospace; }}
QLabel#RequestCode {{ font-size: {big * 1.3:.1f}pt; font-weight: 700; color: {ACCENT};
    font-family: "Consolas", "DejaVu Sans Mono", monospace; }}

QPushButton {{ background: {CARD}; border: 1px solid {BORDER_STRONG}; border-radius: 6px;
    padding: 6px 14px; min-height: 20px; }}
QPushButton:hover {{ background: #F3F5F8; border-color: {FAINT}; }}
QPushButton:pressed {{ background: #E7EAEE; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; padding: 5px 13px; }}
QPushButton:disabled {{ color: {FAINT}; background: #F2F3F5; border-color: {BORDER}; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: #FFFFFF; border: 1px solid {ACCENT};
    font-weight: 600; padding: 7px 20px; }}
QPushButton[primary="true"]:hover {{ background: {ACCENT_HOVER}; border-color: {ACCENT_HOVER}; }}
QPushButton[primary="true"]:pressed {{ background: {ACCENT_PRESSED}; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {ACCENT_PRESSED}; padding: 6px 19px; }}
QPushButton[primary="true"]:disabled {{ background: #A9B9E3; border-color: #A9B9E3;
    color: #F4F6FB; }}
QPushButton[flat="true"] {{ background: transparent; border: none; color: {ACCENT};
    padding: 4px 6px; }}
QPushButton[flat="true"]:hover {{ text-decoration: underline; }}
QPushButton[flat="true"]:focus {{ border: 1px dashed {ACCENT}; padding: 3px 5px; }}
QPushButton#StepButton {{ background: transparent; border: none; border-radius: 8px;
    text-align: left; padding: 8px 10px; color: {MUTED}; }}
QPushButton#StepButton:hover {{ background: #E2E6EC; }}
QPushButton#StepButton:focus {{ border: 1px solid {ACCENT}; padding: 7px 9px; }}
QPushButton#StepButton[current="true"] {{ background: {CARD}; color: {TEXT}; font-weight: 600; }}
QPushButton#StepButton:disabled {{ color: #A2A9B3; }}
QPushButton#StepButton[compact="true"] {{ padding: 4px 10px; }}
QPushButton#StepButton[compact="true"]:focus {{ padding: 3px 9px; }}

QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {CARD}; border: 1px solid {BORDER_STRONG}; border-radius: 6px; padding: 5px 8px;
    selection-background-color: {ACCENT}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 2px solid {ACCENT}; padding: 4px 7px; }}
QSpinBox, QComboBox {{ min-height: 24px; padding: 2px 6px; }}

QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: #C4CAD3; border-radius: 4px; min-height: 32px;
    margin: 0 2px; }}
QScrollBar::handle:horizontal {{ background: #C4CAD3; border-radius: 4px; min-width: 32px;
    margin: 2px 0; }}
QScrollBar::handle:hover {{ background: #A3ABB7; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QLineEdit[state="error"], QPlainTextEdit[state="error"] {{ border: 2px solid {ERR};
    padding: 4px 7px; }}
QLineEdit[state="ok"] {{ border-color: #8CC9A0; }}
QLineEdit:read-only {{ background: #F7F8FA; }}

QCheckBox, QRadioButton {{ spacing: 8px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 16px; height: 16px; }}

QProgressBar {{ background: #E6E9EE; border: none; border-radius: 4px; height: 8px;
    text-align: center; color: transparent; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 4px; }}
QProgressBar[state="failed"]::chunk {{ background: {ERR}; }}
QProgressBar[state="done"]::chunk {{ background: {OK}; }}

QTreeWidget, QListWidget, QTableWidget {{ background: {CARD}; border: 1px solid {BORDER};
    border-radius: 8px; alternate-background-color: #F9FAFB; outline: 0; }}
QTreeWidget::item, QListWidget::item {{ padding: 4px 2px; }}
QTreeWidget::item:selected, QListWidget::item:selected {{ background: {ACCENT_SOFT};
    color: {TEXT}; }}
QHeaderView::section {{ background: #F7F8FA; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; color: {MUTED}; font-weight: 600; }}

QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ background: transparent; padding: 8px 16px; margin-right: 4px;
    border-bottom: 2px solid transparent; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {TEXT}; border-bottom: 2px solid {ACCENT}; font-weight: 600; }}
QTabBar::tab:hover {{ color: {TEXT}; }}
QTabBar::tab:focus {{ background: {ACCENT_SOFT}; }}

QMenuBar {{ background: {CARD}; border-bottom: 1px solid {BORDER}; }}
QMenuBar::item {{ padding: 5px 10px; background: transparent; }}
QMenuBar::item:selected {{ background: {ACCENT_SOFT}; }}
QMenu {{ background: {CARD}; border: 1px solid {BORDER}; padding: 4px; }}
QMenu::item {{ padding: 6px 24px 6px 24px; border-radius: 4px; }}
QMenu::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT}; }}

QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {CARD}; }}
QCalendarWidget QToolButton {{ color: {TEXT}; background: transparent; border: none;
    padding: 6px 10px; font-weight: 600; border-radius: 6px; }}
QCalendarWidget QToolButton:hover {{ background: #EEF1F5; }}
QCalendarWidget QAbstractItemView {{ background: {CARD}; alternate-background-color: {CARD};
    selection-background-color: transparent; selection-color: {TEXT}; outline: 0; }}
QCalendarWidget QSpinBox {{ min-height: 20px; }}
"""


# --- icons ---------------------------------------------------------------------------------------
Painter = Callable[[QPainter, QRectF, QColor], None]


# Icons are painted into pixmaps at the sizes and pixel ratios a screen asks for (QIcon picks
# the closest and scales from it). A Python QIconEngine would be lazier, but Qt takes ownership
# of the engines it clones, which a Python object cannot safely give away.
ICON_SIZES = (16, 20, 24, 32)
PIXEL_RATIOS = (1.0, 1.5, 2.0)


def screen_ratios() -> tuple[float, ...]:
    """The pixel ratios to paint icons at: the screens' own when each is one of PIXEL_RATIOS
    (QIcon then shows the pixmaps of exactly that ratio, the others never: the same picture for a
    third of the painting); otherwise all, for QIcon to pick the closest and scale."""
    ratios = {s.devicePixelRatio() for s in QGuiApplication.screens()}
    if ratios and ratios <= set(PIXEL_RATIOS):
        return tuple(sorted(ratios))
    return PIXEL_RATIOS


# How each icon painted for the screens was painted (by QIcon.cacheKey): a screen of another
# pixel ratio later (a monitor plugged in, the scaling changed) has the icons shown painted again.
_how: dict[int, tuple[Painter, str, str | None]] = {}
_covered: set[float] = set()  # the pixel ratios the icons are painted at


def drawn_icon(draw: Painter, colour: str, *, disabled: str | None = FAINT,
               ratios: tuple[float, ...] | None = None) -> QIcon:
    icon = QIcon()
    modes = [(QIcon.Mode.Normal, colour)]
    if disabled:
        modes.append((QIcon.Mode.Disabled, disabled))
    painted = ratios or screen_ratios()
    for size in ICON_SIZES:
        for ratio in painted:
            for mode, tint in modes:
                icon.addPixmap(_painted(draw, size, ratio, tint), mode)
    if ratios is None:
        _how[icon.cacheKey()] = (draw, colour, disabled)
        _covered.update(painted)
    return icon


def watch_screens(app: QGuiApplication) -> None:
    """Paint the icons shown again when a screen's pixel ratio is not among those painted."""
    if getattr(app, "_gbs_screens_watched", False):
        return
    app._gbs_screens_watched = True
    app.screenAdded.connect(_watch_screen)
    for screen in app.screens():
        _watch_screen(screen, repaint=False)


def _watch_screen(screen, repaint: bool = True) -> None:
    screen.logicalDotsPerInchChanged.connect(lambda _dpi: _repaint_shown())
    if repaint:
        _repaint_shown()


def _repaint_shown() -> None:
    if set(screen_ratios()) <= _covered:
        return
    from PySide6.QtWidgets import QAbstractButton

    again: dict[int, QIcon] = {}

    def repainted(old: QIcon) -> QIcon | None:
        key = old.cacheKey()
        if key not in _how:
            return None
        if key not in again:
            draw, colour, disabled = _how[key]
            again[key] = drawn_icon(draw, colour, disabled=disabled)
        return again[key]

    for w in QApplication.allWidgets():
        if isinstance(w, QAbstractButton) and (new := repainted(w.icon())) is not None:
            w.setIcon(new)
        for action in w.actions():
            if (new := repainted(action.icon())) is not None:
                action.setIcon(new)


def _painted(draw: Painter, size: int, ratio: float, tint: str) -> QPixmap:
    side = max(1, round(size * ratio))
    pm = QPixmap(side, side)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(p, QRectF(0, 0, side, side), QColor(tint))
    p.end()
    pm.setDevicePixelRatio(ratio)
    return pm


def _stroke(p: QPainter, r: QRectF, colour: QColor, width: float = 2.0) -> float:
    """Set a round pen for a 24-unit design grid mapped onto ``r``; returns the unit."""
    u = min(r.width(), r.height()) / 24.0
    pen = QPen(colour, width * u)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    return u


def _pt(r: QRectF, u: float, x: float, y: float) -> QPointF:
    return QPointF(r.x() + (r.width() - 24 * u) / 2 + x * u,
                   r.y() + (r.height() - 24 * u) / 2 + y * u)


def _poly(p: QPainter, r: QRectF, u: float, *pts: tuple[float, float]) -> None:
    path = QPainterPath(_pt(r, u, *pts[0]))
    for x, y in pts[1:]:
        path.lineTo(_pt(r, u, x, y))
    p.drawPath(path)


def _circle(p: QPainter, r: QRectF, u: float, cx: float, cy: float, rad: float) -> None:
    p.drawEllipse(_pt(r, u, cx, cy), rad * u, rad * u)


def _round_rect(p: QPainter, r: QRectF, u: float, x: float, y: float, w: float, h: float,
                rad: float) -> None:
    tl = _pt(r, u, x, y)
    p.drawRoundedRect(QRectF(tl.x(), tl.y(), w * u, h * u), rad * u, rad * u)


def _filled_badge(glyph: Callable[[QPainter, QRectF, float], None]) -> Painter:
    def draw(p: QPainter, r: QRectF, c: QColor) -> None:
        u = min(r.width(), r.height()) / 24.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        _circle(p, r, u, 12, 12, 11)
        pen = QPen(QColor("#FFFFFF"), 2.4 * u)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        glyph(p, r, u)
    return draw


def _glyph_check(p: QPainter, r: QRectF, u: float) -> None:
    _poly(p, r, u, (7, 12.5), (10.5, 16), (17, 8.5))


def _glyph_cross(p: QPainter, r: QRectF, u: float) -> None:
    _poly(p, r, u, (8, 8), (16, 16))
    _poly(p, r, u, (16, 8), (8, 16))


def _glyph_bang(p: QPainter, r: QRectF, u: float) -> None:
    _poly(p, r, u, (12, 6.5), (12, 13.5))
    _poly(p, r, u, (12, 17.4), (12, 17.6))


def _glyph_i(p: QPainter, r: QRectF, u: float) -> None:
    _poly(p, r, u, (12, 11), (12, 17))
    _poly(p, r, u, (12, 7.4), (12, 7.6))


def _glyph_dash(p: QPainter, r: QRectF, u: float) -> None:
    _poly(p, r, u, (8, 12), (16, 12))


def _warning(p: QPainter, r: QRectF, c: QColor) -> None:
    u = min(r.width(), r.height()) / 24.0
    path = QPainterPath(_pt(r, u, 12, 2.2))
    path.lineTo(_pt(r, u, 22.6, 20.8))
    path.lineTo(_pt(r, u, 1.4, 20.8))
    path.closeSubpath()
    p.setPen(QPen(c, 1.5 * u, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(c)
    p.drawPath(path)
    pen = QPen(QColor("#FFFFFF"), 2.4 * u)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    _poly(p, r, u, (12, 8.5), (12, 14))
    _poly(p, r, u, (12, 17.4), (12, 17.6))


def _pending(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c, 2.0)
    _circle(p, r, u, 12, 12, 9.5)


def _arrow_right(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (5, 12), (19, 12))
    _poly(p, r, u, (13, 6), (19, 12), (13, 18))


def _arrow_left(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (19, 12), (5, 12))
    _poly(p, r, u, (11, 6), (5, 12), (11, 18))


def _folder(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (3, 7), (3, 19), (21, 19), (21, 8.5), (11.5, 8.5), (9.5, 5.5), (3, 5.5), (3, 7))


def _mail(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _round_rect(p, r, u, 3, 5, 18, 14, 2)
    _poly(p, r, u, (3.5, 6.5), (12, 13), (20.5, 6.5))


def _send(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (12, 16), (12, 3.5))
    _poly(p, r, u, (7, 8.5), (12, 3.5), (17, 8.5))
    _poly(p, r, u, (4, 14), (4, 20), (20, 20), (20, 14))


def _copy(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _round_rect(p, r, u, 8, 8, 13, 13, 2)
    _poly(p, r, u, (16, 8), (16, 5), (14, 3), (5, 3), (3, 5), (3, 14), (5, 16), (8, 16))


def _camera(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (3, 8), (3, 19), (21, 19), (21, 8), (16.5, 8), (15, 5), (9, 5), (7.5, 8),
          (3, 8))
    _circle(p, r, u, 12, 13, 3.5)


def _clip(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    path = QPainterPath(_pt(r, u, 16.5, 7))
    path.lineTo(_pt(r, u, 8.5, 15))
    path.cubicTo(_pt(r, u, 7, 16.5), _pt(r, u, 9, 18.5), _pt(r, u, 10.5, 17))
    path.lineTo(_pt(r, u, 18.5, 9))
    path.cubicTo(_pt(r, u, 21.5, 6), _pt(r, u, 17.5, 2), _pt(r, u, 14.5, 5))
    path.lineTo(_pt(r, u, 6, 13.5))
    path.cubicTo(_pt(r, u, 1.5, 18), _pt(r, u, 7.5, 24), _pt(r, u, 12, 19.5))
    path.lineTo(_pt(r, u, 19, 12.5))
    p.drawPath(path)


def _file(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (14, 3), (6, 3), (5, 4), (5, 20), (6, 21), (18, 21), (19, 20), (19, 8),
          (14, 3), (14, 8), (19, 8))


def _text_file(p: QPainter, r: QRectF, c: QColor) -> None:
    _file(p, r, c)
    u = _stroke(p, r, c, 1.6)
    _poly(p, r, u, (8.5, 12.5), (15.5, 12.5))
    _poly(p, r, u, (8.5, 16), (15.5, 16))


def _database(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    tl = _pt(r, u, 4, 3)
    p.drawEllipse(QRectF(tl.x(), tl.y(), 16 * u, 6 * u))
    _poly(p, r, u, (4, 6), (4, 18))
    _poly(p, r, u, (20, 6), (20, 18))
    for y in (12, 18):
        path = QPainterPath(_pt(r, u, 4, y))
        path.cubicTo(_pt(r, u, 4, y + 4), _pt(r, u, 20, y + 4), _pt(r, u, 20, y))
        p.drawPath(path)


def _gear(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _circle(p, r, u, 12, 12, 3)
    for k in range(8):
        a = k * math.pi / 4
        _poly(p, r, u, (12 + 6.5 * math.cos(a), 12 + 6.5 * math.sin(a)),
              (12 + 9.5 * math.cos(a), 12 + 9.5 * math.sin(a)))
    _circle(p, r, u, 12, 12, 6.5)


def _monitor(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _round_rect(p, r, u, 2.5, 4, 19, 12.5, 1.5)
    _poly(p, r, u, (8, 20.5), (16, 20.5))
    _poly(p, r, u, (12, 16.5), (12, 20.5))


def _list(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    for y in (6, 12, 18):
        _poly(p, r, u, (9, y), (20, y))
        _poly(p, r, u, (4.5, y), (4.6, y))


def _remove(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (6, 6), (18, 18))
    _poly(p, r, u, (18, 6), (6, 18))


def _plus(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (12, 5), (12, 19))
    _poly(p, r, u, (5, 12), (19, 12))


def _refresh(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    tl = _pt(r, u, 4, 4)
    p.drawArc(QRectF(tl.x(), tl.y(), 16 * u, 16 * u), 40 * 16, 290 * 16)
    _poly(p, r, u, (20, 3.5), (19.5, 8.5), (14.5, 8))


def _eye(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    path = QPainterPath(_pt(r, u, 2, 12))
    path.cubicTo(_pt(r, u, 7, 4), _pt(r, u, 17, 4), _pt(r, u, 22, 12))
    path.cubicTo(_pt(r, u, 17, 20), _pt(r, u, 7, 20), _pt(r, u, 2, 12))
    p.drawPath(path)
    _circle(p, r, u, 12, 12, 3)


def _lock(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _round_rect(p, r, u, 4.5, 10.5, 15, 10.5, 2)
    path = QPainterPath(_pt(r, u, 8, 10.5))
    path.lineTo(_pt(r, u, 8, 7.5))
    path.cubicTo(_pt(r, u, 8, 2), _pt(r, u, 16, 2), _pt(r, u, 16, 7.5))
    path.lineTo(_pt(r, u, 16, 10.5))
    p.drawPath(path)


def _qr(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c, 1.8)
    for x, y in ((3, 3), (14, 3), (3, 14)):
        _round_rect(p, r, u, x, y, 7, 7, 1)
    for x, y in ((14, 14), (18.5, 14), (14, 18.5), (18.5, 18.5), (16.3, 16.3)):
        _poly(p, r, u, (x + 0.6, y + 0.6), (x + 0.8, y + 0.8))


def _calendar(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _round_rect(p, r, u, 3, 5, 18, 16, 2)
    _poly(p, r, u, (3, 10), (21, 10))
    _poly(p, r, u, (8, 3), (8, 7))
    _poly(p, r, u, (16, 3), (16, 7))


def _user(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _circle(p, r, u, 12, 8, 4)
    path = QPainterPath(_pt(r, u, 4, 21))
    path.cubicTo(_pt(r, u, 4, 13), _pt(r, u, 20, 13), _pt(r, u, 20, 21))
    p.drawPath(path)


def _chat(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (4, 4), (20, 4), (20, 16), (11, 16), (6, 20), (6, 16), (4, 16), (4, 4))
    _poly(p, r, u, (8, 8.5), (16, 8.5))
    _poly(p, r, u, (8, 12), (13, 12))


def _tag(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (3, 3), (11, 3), (21, 13), (13, 21), (3, 11), (3, 3))
    _circle(p, r, u, 7.5, 7.5, 1)


def _home(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (3, 11), (12, 3.5), (21, 11))
    _poly(p, r, u, (5.5, 9), (5.5, 20.5), (18.5, 20.5), (18.5, 9))


def _box(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _poly(p, r, u, (3, 7.5), (12, 3), (21, 7.5), (21, 17), (12, 21.5), (3, 17), (3, 7.5))
    _poly(p, r, u, (3, 7.5), (12, 12), (21, 7.5))
    _poly(p, r, u, (12, 12), (12, 21.5))


def _globe(p: QPainter, r: QRectF, c: QColor) -> None:
    u = _stroke(p, r, c)
    _circle(p, r, u, 12, 12, 9.5)
    tl = _pt(r, u, 8, 2.5)
    p.drawEllipse(QRectF(tl.x(), tl.y(), 8 * u, 19 * u))
    _poly(p, r, u, (2.5, 12), (21.5, 12))


ICONS: dict[str, tuple[Painter, str]] = {
    "ok": (_filled_badge(_glyph_check), OK),
    "failed": (_filled_badge(_glyph_cross), ERR),
    "error": (_filled_badge(_glyph_bang), ERR),
    "warning": (_warning, "#D08A00"),
    "info": (_filled_badge(_glyph_i), ACCENT),
    "skipped": (_filled_badge(_glyph_dash), FAINT),
    "pending": (_pending, BORDER_STRONG),
    "next": (_arrow_right, "#FFFFFF"),
    "back": (_arrow_left, TEXT),
    "folder": (_folder, TEXT),
    "mail": (_mail, TEXT),
    "send": (_send, "#FFFFFF"),
    "send-dark": (_send, TEXT),
    "copy": (_copy, TEXT),
    "camera": (_camera, TEXT),
    "clip": (_clip, TEXT),
    "file": (_file, MUTED),
    "text-file": (_text_file, MUTED),
    "database": (_database, MUTED),
    "settings": (_gear, MUTED),
    "monitor": (_monitor, MUTED),
    "list": (_list, MUTED),
    "remove": (_remove, MUTED),
    "plus": (_plus, ACCENT),
    "refresh": (_refresh, TEXT),
    "eye": (_eye, TEXT),
    "lock": (_lock, MUTED),
    "qr": (_qr, TEXT),
    "calendar": (_calendar, MUTED),
    "user": (_user, MUTED),
    "chat": (_chat, MUTED),
    "tag": (_tag, MUTED),
    "home": (_home, MUTED),
    "box": (_box, MUTED),
    "globe": (_globe, TEXT),
}

_cache: dict[tuple[str, str, tuple[float, ...]], QIcon] = {}
_blanks: dict[tuple[int, int], QIcon] = {}


_pixmaps: dict[tuple[str, int, float], QPixmap] = {}


def icon(name: str, colour: str | None = None) -> QIcon:
    draw, default = ICONS[name]
    ratios = screen_ratios()
    key = (name, colour or default, ratios)
    if key not in _cache:
        _cache[key] = drawn_icon(draw, colour or default)
    return _cache[key]


def set_drawn_icon(button, make: Callable[[], QIcon]) -> None:
    """``button.setIcon(make())``: while the first picture is awaited (ui.first_paint) a blank
    of the button's icon size keeps the icon's place, and the icon is drawn right after."""
    if first_paint.waiting():
        button.setIcon(_blank(button.iconSize()))
    first_paint.later(lambda: button.setIcon(make()))


def set_drawn_pixmap(label, name: str, size: int) -> None:
    """``label.setPixmap(pixmap(name, size))``, right after the first picture while it is
    awaited (the label's fixed size keeps its place)."""
    first_paint.later(lambda: label.setPixmap(pixmap(name, size)))


def _blank(size: QSize) -> QIcon:
    key = (size.width(), size.height())
    if key not in _blanks:
        pm = QPixmap(size)
        pm.fill(QColor(0, 0, 0, 0))  # Qt.GlobalColor.transparent, without the namespace
        _blanks[key] = QIcon(pm)
    return _blanks[key]


def pixmap(name: str, size: int) -> QPixmap:
    """``icon(name).pixmap(size)``, what a label shows. At a size and pixel ratio the icon is
    drawn at, that is the one pixmap painted for them, so it is painted alone: a label on the first
    page does not cost the whole icon (every size and ratio, twice)."""
    draw, colour = ICONS[name]
    ratio = QGuiApplication.instance().devicePixelRatio()
    if (name, colour, screen_ratios()) in _cache or size not in ICON_SIZES \
            or ratio not in PIXEL_RATIOS:
        return icon(name).pixmap(QSize(size, size))
    key = (name, size, ratio)
    if key not in _pixmaps:
        _pixmaps[key] = _painted(draw, size, ratio, colour)
    return _pixmaps[key]


def clear_caches() -> None:
    """Drop the drawn icons (before Qt goes: no pixmap may outlive the application)."""
    _cache.clear()
    _blanks.clear()
    _pixmaps.clear()
    _how.clear()
    _covered.clear()
