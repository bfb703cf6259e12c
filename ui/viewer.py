"""A read-only window for one file of the bundle, showing exactly what will be sent."""

from __future__ import annotations

from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ui import tasks
from ui.i18n import engine_text, tr
from ui.theme import SPACE
from ui.widgets.common import Spinner, button, label


class FileViewer(QDialog):
    def __init__(self, title: str, reader, parent=None, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 640)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2 * SPACE, 2 * SPACE, 2 * SPACE, 2 * SPACE)
        lay.setSpacing(SPACE)
        top = QHBoxLayout()
        self.spinner = Spinner(self, 16)
        top.addWidget(self.spinner)
        self.note = label(note or tr("Так файл попадёт в архив."), muted=True, small=True)
        top.addWidget(self.note, 1)
        self.find = QLineEdit()
        self.find.setPlaceholderText(tr("Найти… (Ctrl+F)"))
        self.find.setAccessibleName(tr("Найти в файле"))
        self.find.setMaximumWidth(260)
        self.find.returnPressed.connect(self._find_next)
        top.addWidget(self.find)
        self.wrap = QCheckBox(tr("Переносить строки"))
        self.wrap.setChecked(True)
        self.wrap.toggled.connect(self._wrap)
        top.addWidget(self.wrap)
        lay.addLayout(top)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(title)
        f = QFont("Consolas")
        f.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(f)
        self.text.setPlaceholderText(tr("Читаю файл…"))
        lay.addWidget(self.text, 1)
        close = button(tr("Закрыть"), primary=True, on_click=self.accept)
        close.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find.setFocus)
        self.task = tasks.start(lambda t: reader(), on_done=self._loaded, on_error=self._failed,
                                name="viewer", context=self)

    def _loaded(self, text: str) -> None:
        self.spinner.hide()
        self.text.setPlainText(text)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _failed(self, exc: BaseException) -> None:
        self.spinner.hide()
        msg = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
        self.text.setPlainText(tr("Файл не прочитан: {error}").format(error=engine_text(msg)))

    def _wrap(self, on: bool) -> None:
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth if on
                                  else QPlainTextEdit.LineWrapMode.NoWrap)

    def _find_next(self) -> None:
        needle = self.find.text()
        if not needle:
            return
        if not self.text.find(needle):
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            self.text.find(needle, QTextDocument.FindFlag(0))

    def done(self, r: int) -> None:
        self.task.cancel.set()
        super().done(r)

