"""Send later: the bundles waiting in the outbox, with a button to send each now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
)

from collector.errors import Cancelled
from ui import tasks
from ui.i18n import engine_text, fmt_size, tr
from ui.theme import SPACE
from ui.widgets.common import button, label


class OutboxDialog(QDialog):
    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(tr("Очередь отправки"))
        self.resize(720, 420)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2 * SPACE, 2 * SPACE, 2 * SPACE, 2 * SPACE)
        lay.setSpacing(SPACE)
        lay.addWidget(label(tr("Архивы, которые не удалось отправить сразу (например, не было "
                               "связи). Отправленные архивы остаются на диске, пока вы их не "
                               "удалите."), muted=True))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Архивы в очереди"))
        self.list.currentRowChanged.connect(lambda r: self._update_buttons())
        lay.addWidget(self.list, 1)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.hide()
        lay.addWidget(self.bar)
        self.message = label("", selectable=True)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.send = button(tr("&Отправить"), icon="send", primary=True, on_click=self.send_one)
        self.remove = button(tr("&Убрать из очереди"), icon="remove", on_click=self.remove_one)
        self.cancel_btn = button(tr("Отменить отправку"), on_click=self.cancel_send)
        self.cancel_btn.hide()
        close = button(tr("Закрыть"), on_click=self.accept)
        row.addWidget(self.send)
        row.addWidget(self.remove)
        row.addWidget(self.cancel_btn)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        self.task = None
        self.load()

    def load(self) -> None:
        from collector.delivery import Outbox

        self.list.clear()
        try:
            entries = Outbox().entries()
        except Exception as exc:
            self.message.setText(engine_text(getattr(exc, "message", str(exc))))
            entries = []
        status_text = {"waiting": tr("ждёт отправки"), "sent": tr("отправлен"),
                       "failed": tr("не отправлен")}
        for e in reversed(entries):
            text = f"{e.bundle} · {fmt_size(e.size)} · {status_text.get(e.status, e.status)}"
            if e.request_code:
                text += " · " + tr("код {code}").format(code=e.request_code)
            if e.message:
                text += "\n" + engine_text(e.message)
            if not e.files_exist:
                text += "\n" + tr("Файла больше нет на диске.")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, e)
            self.list.addItem(item)
        if not entries:
            self.list.addItem(QListWidgetItem(tr("Очередь пуста.")))
        self.list.setCurrentRow(0)
        self._update_buttons()

    def current(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self) -> None:
        e = self.current()
        busy = self.task is not None
        self.send.setEnabled(not busy and e is not None and e.status != "sent" and e.files_exist)
        self.remove.setEnabled(not busy and e is not None)

    def send_one(self) -> None:
        e = self.current()
        if e is None:
            return
        self.bar.show()
        self.bar.setValue(0)
        self.cancel_btn.show()
        self.message.setText(tr("Соединяюсь с сервером поддержки…"))
        paths = [Path(p) for p in e.paths]

        def work(task: tasks.Task):
            from collector.delivery import Outbox, Sender
            from collector.settings import load_settings

            outbox = Outbox()
            sender = Sender(load_settings(), on_progress=task.progress, outbox=outbox,
                            cancel=task.cancel)
            return sender.send(outbox.get(e.id) or outbox.add(paths[0]))

        self.task = tasks.start(work, on_done=self._sent, on_error=self._failed,
                                on_progress=lambda p: self.bar.setValue(int(p.fraction * 1000)),
                                name="outbox-send", context=self)
        self._update_buttons()

    def cancel_send(self) -> None:
        if self.task is not None:
            self.task.cancel.set()

    def _sent(self, result) -> None:
        self.task = None
        self.cancel_btn.hide()
        self.bar.hide()
        self.message.setText(tr("Отправлено. Номер обращения: {code} — сообщите его "
                                "поддержке.").format(code=result.code))
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.cancel_btn.hide()
        self.bar.hide()
        if isinstance(exc, Cancelled):
            self.message.setText(tr("Отправка прервана."))
        else:
            self.message.setText(engine_text(getattr(exc, "message", None) or str(exc)))
        self.load()

    def remove_one(self) -> None:
        from collector.delivery import Outbox

        e = self.current()
        if e is None:
            return
        box = QMessageBox(self)
        box.setWindowTitle(tr("Убрать из очереди"))
        box.setText(tr("Убрать {name} из очереди?").format(name=e.bundle))
        keep = box.addButton(tr("Убрать, файл оставить"), QMessageBox.ButtonRole.AcceptRole)
        delete = box.addButton(tr("Убрать и удалить файл"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked not in (keep, delete):
            return
        try:
            Outbox().remove(e.id, delete_files=clicked is delete)
        except Exception as exc:
            self.message.setText(engine_text(getattr(exc, "message", str(exc))))
        self.load()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel.set()
        super().reject()

    def accept(self) -> None:
        if self.task is not None:
            self.task.cancel.set()
        super().accept()
