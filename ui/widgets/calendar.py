"""A month calendar whose days with errors in the logs carry their count.

Days with logs are in normal text, days without logs faint; a red pill holds the number of
distinct ERROR/FATAL entries of the day (from :func:`collector.logs.error_calendar`); a small
dot marks a day with logs but no errors. The selection is painted only once the user has
chosen a day (an unchosen date must not look chosen).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from ui import theme


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ErrorCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: dict[date, object] = {}
        self.chosen: date | None = None
        self.today = date.today()
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(380, 300)
        self.setMaximumHeight(360)
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QToolButton

        for name, icon in (("qt_calendar_prevmonth", "back"), ("qt_calendar_nextmonth", "next")):
            b = self.findChild(QToolButton, name)
            if b is not None:
                b.setIcon(theme.icon(icon, theme.TEXT))
                b.setIconSize(QSize(18, 18))
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(theme.MUTED))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, fmt)
        self.setAccessibleName(self.tr_name())

    @staticmethod
    def tr_name() -> str:
        from ui.i18n import tr

        return tr("Календарь: дни с ошибками отмечены числом ошибок")

    def set_today(self, today: date) -> None:
        self.today = today
        self.setMaximumDate(qdate(today))

    def set_stats(self, stats: dict) -> None:
        self.stats = dict(stats or {})
        self.updateCells()

    def set_chosen(self, d: date | None) -> None:
        self.chosen = d
        if d is not None:
            self.blockSignals(True)
            self.setSelectedDate(qdate(d))
            self.blockSignals(False)
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, qd: QDate) -> None:
        d = pydate(qd)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(rect).adjusted(2, 2, -2, -2)
        in_month = qd.month() == self.monthShown()
        future = d > self.today
        stats = self.stats.get(d)
        has_logs = stats is not None
        errors = (stats.errors + stats.fatals) if stats is not None else 0
        selected = self.chosen is not None and d == self.chosen
        side = min(r.width(), r.height(), 2.6 * self.fontMetrics().height())
        circle = QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.ACCENT))
            painter.drawEllipse(circle)
        elif d == self.today:
            painter.setPen(QPen(QColor(theme.ACCENT), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle.adjusted(1, 1, -1, -1))
        if selected:
            colour = QColor("#FFFFFF")
        elif future or not in_month:
            colour = QColor("#C3C8CF")
        elif has_logs:
            colour = QColor(theme.TEXT)
        else:
            colour = QColor(theme.FAINT)
        f = QFont(self.font())
        f.setBold(has_logs and in_month)
        painter.setFont(f)
        painter.setPen(colour)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(qd.day()))
        if has_logs and in_month and not future:
            if errors:
                text = str(errors) if errors < 1000 else "999+"
                bf = QFont(self.font())
                bf.setPointSizeF(max(6.5, bf.pointSizeF() * 0.72))
                bf.setBold(True)
                painter.setFont(bf)
                fm = painter.fontMetrics()
                w = max(fm.height(), fm.horizontalAdvance(text) + fm.height() * 0.6)
                h = fm.height()
                pill = QRectF(circle.right() - w * 0.6, circle.top() - h * 0.35, w, h)
                painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
                painter.setBrush(QColor(theme.ERR))
                painter.drawRoundedRect(pill, h / 2, h / 2)
                painter.setPen(QColor("#FFFFFF"))
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            else:
                dot = 2.5
                c = circle.center()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FFFFFF") if selected else QColor(theme.OK))
                painter.drawEllipse(QRectF(c.x() - dot, circle.bottom() - 3 * dot - 2,
                                           2 * dot, 2 * dot))
        painter.restore()
