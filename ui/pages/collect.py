"""Collecting: each step with its progress, the total with time left, and cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from collector import sources
from collector.errors import Cancelled
from ui.i18n import engine_text, fmt_clock, fmt_size, tr
from ui.pages.base import Page
from ui.state.collection import Streamed
from ui.widgets.common import (
    Banner,
    Card,
    breakable,
    label,
    set_icon,
    set_state,
    status_column,
)


class StepRow(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 6)
        lay.setSpacing(12)
        self.icon, self.spinner = status_column(self, lay)
        col = QVBoxLayout()
        col.setSpacing(4)
        top = QHBoxLayout()
        self.title = label(engine_text(sources.get(name).title), wrap=False)
        self.seconds = label("", muted=True, small=True, wrap=False)
        top.addWidget(self.title, 1)
        top.addWidget(self.seconds)
        col.addLayout(top)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setAccessibleName(tr("Ход шага: {step}").format(step=self.title.text()))
        self.bar.hide()
        col.addWidget(self.bar)
        self.message = label("", muted=True, small=True, selectable=True)
        self.message.hide()
        col.addWidget(self.message)
        lay.addLayout(col, 1)
        self.state = "pending"
        self.started: float | None = None
        self.setAccessibleName(self.title.text())

    def set_running(self, fraction: float, message: str) -> None:
        if self.state != "running":
            self.state = "running"
            self.started = time.monotonic()
            self.icon.hide()
            self.spinner.show()
            self.bar.show()
            f = self.title.font()
            f.setBold(True)
            self.title.setFont(f)
        self.bar.setValue(int(fraction * 1000))
        if message:
            self.message.setText(breakable(_short(engine_text(message))))
            self.message.show()
        self.setAccessibleDescription(tr("выполняется, {p}%").format(p=int(fraction * 100)))

    def set_cancelling(self) -> None:
        self.state = "cancelling"
        self.bar.hide()
        self.message.setText(tr("Отменяется…"))
        self.message.show()
        self.setAccessibleDescription(tr("отменяется"))

    def set_finished(self, status: str = "done", message: str = "",
                     seconds: float | None = None) -> None:
        self.state = status
        self.spinner.hide()
        self.icon.show()
        self.bar.hide()
        f = self.title.font()
        f.setBold(False)
        self.title.setFont(f)
        set_icon(self.icon, {"done": "ok", "ok": "ok", "failed": "failed",
                             "skipped": "skipped"}.get(status, "ok"), 20)
        if seconds is None and self.started is not None:
            seconds = time.monotonic() - self.started
            if seconds < 0.1:
                seconds = None  # a quick step: the result page shows the engine's own time
        if seconds is not None:
            self.seconds.setText(tr("{s} с").format(s=QLocale().toString(float(seconds), "f", 1)))
        if message:
            self.message.setText(breakable(_short(engine_text(message), 300)))
            self.message.show()
        self.setAccessibleDescription(message)


class CollectPage(Page):
    key = "collect"

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        self.total = Card()
        top = QHBoxLayout()
        self.headline = label(tr("Собираю архив…"), name="CardTitle")
        self.percent = label("0%", name="BigValue", wrap=False)
        top.addWidget(self.headline, 1)
        top.addWidget(self.percent)
        self.total.add(top)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.bar.setAccessibleName(tr("Общий ход сбора"))
        self.total.add(self.bar)
        self.times = label("", muted=True, small=True)
        self.total.add(self.times)
        self.streamed = label("", muted=True, small=True)
        self.streamed.hide()
        self.total.add(self.streamed)
        self.add(self.total)
        self.error = Banner("error")
        self.add(self.error)
        steps = Card(tr("Шаги"), "list")
        self.rows: dict[str, StepRow] = {}
        for name in sources.names():
            row = StepRow(name)
            self.rows[name] = row
            steps.add(row)
        self.add(steps)
        self.work_hint = label(self._work_hint(), muted=True)
        self.add(self.work_hint)
        self.layout_.addStretch(1)
        self.started = 0.0
        self.overall = 0.0
        self.current: str | None = None
        self.cancelling = False
        self.failed = False
        self.clock = QTimer(self)
        self.clock.setInterval(500)
        self.clock.timeout.connect(self._tick)
        state.collection.progress.connect(self.on_progress)
        state.collection.done.connect(self.on_done)
        state.collection.failed.connect(self.on_failed)

    def _work_hint(self) -> str:
        return tr("Пока идёт сбор, можно работать в программе {product}: сборщик только читает "
                  "её файлы и ничего в них не меняет.").format(product=self.state.product)

    def refresh(self, what: str = "") -> None:
        self.work_hint.setText(self._work_hint())

    def title(self) -> str:
        return tr("Сбор архива")

    def subtitle(self) -> str:
        return tr("Сначала самое важное — версия, GBS.ID, журналы; копия базы данных — в конце.")


    def back_visible(self) -> bool:
        return self.failed

    def next_text(self) -> str:
        if self.failed:
            return ""
        return tr("Отменяется…") if self.cancelling else tr("&Отменить")

    next_primary = False
    next_icon = "remove"

    def next_enabled(self) -> bool:
        return not self.cancelling and self.state.collection.running

    def can_leave_forward(self) -> bool:
        return True

    def go_next(self) -> None:
        self.cancel()

    def escape(self) -> None:
        if self.failed:
            self.window_.go("review")
        else:
            self.cancel()

    def cancel(self) -> None:
        if not self.state.collection.running or self.cancelling:
            return
        answer = QMessageBox.question(
            self, tr("Отменить сбор?"),
            tr("Остановить сбор? Незаконченный архив будет удалён; обращение останется в "
               "черновике, собрать можно будет снова."))
        if answer == QMessageBox.StandardButton.Yes:
            self.cancel_now()

    def cancel_now(self) -> None:
        self.cancelling = True
        self.headline.setText(tr("Отменяется…"))
        self.percent.hide()  # no share of a bundle that will not be
        self.times.setText(tr("Шаги останавливаются, незаконченный архив удаляется."))
        self.clock.stop()
        for row in self.rows.values():
            if row.state == "running":
                row.set_cancelling()
        self.state.collection.cancel()
        self.window_.update_nav()

    # --- the run -------------------------------------------------------------------------------
    def begin(self) -> None:
        self.started = time.monotonic()
        self.overall = 0.0
        self.current = None
        self.cancelling = False
        self.failed = False
        self.error.set("error", "")
        self.headline.setText(tr("Собираю и отправляю архив…") if self.state.send_pending
                              else tr("Собираю архив…"))
        self.streamed.hide()
        self.bar.setValue(0)
        set_state(self.bar, None)
        self.percent.setText("0%")
        self.percent.show()
        for row in self.rows.values():
            row.state = "pending"
            row.started = None
            row.icon.show()
            set_icon(row.icon, "pending", 20)
            row.spinner.hide()
            row.bar.hide()
            row.message.hide()
            row.seconds.setText("")
        self.clock.start()
        self._tick()

    def on_progress(self, ev) -> None:
        if self.cancelling:
            return  # what still trickles in is being undone: no ticks, no percent
        if isinstance(ev, Streamed):
            self.streamed.setText(tr("Уже в поддержке: {size} — готовые части архива уходят, "
                                     "пока собирается остальное").format(size=fmt_size(ev.bytes)))
            self.streamed.show()
            return
        if ev.step != self.current:
            if self.current in self.rows and self.rows[self.current].state == "running":
                self.rows[self.current].set_finished("done")
            self.current = ev.step
        row = self.rows.get(ev.step)
        if row is not None:
            if ev.step_fraction >= 1.0:
                row.set_finished("done", ev.message)
            else:
                row.set_running(ev.step_fraction, ev.message)
        self.overall = max(self.overall, ev.overall)
        self.bar.setValue(int(self.overall * 1000))
        self.percent.setText(f"{int(self.overall * 100)}%")

    def _tick(self) -> None:
        elapsed = time.monotonic() - self.started
        text = tr("Прошло {elapsed}").format(elapsed=fmt_clock(elapsed))
        if 0.05 < self.overall < 1 and elapsed > 3:
            left = elapsed * (1 - self.overall) / self.overall
            text += " · " + tr("осталось примерно {left}").format(left=fmt_clock(left))
        self.times.setText(text)

    def on_done(self, result) -> None:
        self.clock.stop()
        for r in result.steps:
            row = self.rows.get(r.name)
            if row is not None:
                row.set_finished(r.status, r.message, r.seconds)
        self.bar.setValue(1000)
        self.percent.setText("100%")
        self.window_.go("result")

    def on_failed(self, exc: BaseException) -> None:
        self.clock.stop()
        self.cancelling = False
        self.state.send_pending = False  # nothing to send: the archive was not made
        for row in self.rows.values():
            if row.state == "running":
                row.set_finished("failed")
        if isinstance(exc, Cancelled):
            self.window_.go("review")
            self.window_.show_notice(tr("Сбор отменён, незаконченный архив удалён."))
            return
        self.failed = True
        set_state(self.bar, "failed")
        msg = getattr(exc, "message", None) or tr(
            "Непредвиденная ошибка. Соберите архив ещё раз; если повторится, напишите в "
            "поддержку: подробности записаны в журнал сборщика.")
        self.headline.setText(tr("Архив не собран"))
        self.error.set("error", engine_text(msg))
        self.window_.update_nav()


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

