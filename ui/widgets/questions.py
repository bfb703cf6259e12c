"""The numbered list of questions: one box per question, pasted numbered text splits itself."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from collector.request import split_questions
from ui.i18n import tr
from ui.theme import SPACE
from ui.widgets.common import ProblemList, button


class QuestionEdit(QPlainTextEdit):
    """Grows with its text (2 to 10 lines); Tab moves on; numbered pasted text is split."""

    split_paste = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *args) -> None:
        lines = max(3, min(10, int(self.document().documentLayout().documentSize().height())))
        fm = self.fontMetrics()
        # text, the document's margin, the frame and the style sheet's padding (5 px + border)
        h = lines * fm.lineSpacing() + 2 * self.document().documentMargin() + 2 * 7 + 4
        self.setFixedHeight(int(h))

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        parts = split_questions(text) if text else []
        if len(parts) > 1 and not self.toPlainText().strip():
            self.split_paste.emit(parts)
            return
        super().insertFromMimeData(source)

    def sizeHint(self) -> QSize:
        return QSize(400, self.height())


class QuestionRow(QWidget):
    changed = Signal()
    remove = Signal(object)
    split = Signal(object, list)
    move = Signal(object, int)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(SPACE)
        self.number = QLabel("1.")
        self.number.setObjectName("CardTitle")
        self.number.setFixedWidth(30)
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.number.setContentsMargins(0, 6, 0, 0)
        self.edit = QuestionEdit()
        self.edit.setPlainText(text)
        self.edit.setPlaceholderText(tr("Что случилось, что вы делали и что ожидали увидеть?"))
        self.edit.textChanged.connect(self.changed.emit)
        self.edit.split_paste.connect(lambda parts: self.split.emit(self, parts))
        self.delete = button("", icon="remove", flat=True, tip=tr("Удалить вопрос"),
                             on_click=lambda: self.remove.emit(self))
        self.delete.setFixedSize(32, 32)
        row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.edit, 1)
        row.addWidget(self.delete, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(row)
        self.problems = ProblemList()
        self.problems.setContentsMargins(30 + SPACE, 0, 40, 0)
        wrap = QHBoxLayout()
        wrap.setContentsMargins(30 + SPACE, 0, 40, 0)
        wrap.addWidget(self.problems)
        outer.addLayout(wrap)
        for seq, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            sc = QShortcut(QKeySequence(seq), self.edit)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda s=step: self.move.emit(self, s))

    def set_number(self, n: int, total: int) -> None:
        self.number.setText(f"{n}.")
        self.edit.setAccessibleName(tr("Вопрос {n}").format(n=n))
        self.delete.setAccessibleName(tr("Удалить вопрос {n}").format(n=n))
        self.delete.setVisible(total > 1)


class QuestionsEditor(QWidget):
    """Edits ``state.form.questions`` in place."""

    def __init__(self, state, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[QuestionRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(12)
        lay.addLayout(self.rows_layout)
        add_row = QHBoxLayout()
        add_row.setContentsMargins(30 + SPACE, 0, 0, 0)
        self.add_button = button(tr("Д&обавить вопрос"), icon="plus", flat=True,
                                 on_click=self.add_question,
                                 tip=tr("Каждый вопрос — отдельным пунктом: поддержка ответит "
                                        "на каждый"))
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        lay.addLayout(add_row)
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(150)
        self._sync_timer.timeout.connect(self._sync)
        self.load()

    def load(self) -> None:
        texts = list(self.state.form.questions) or [""]
        for r in self.rows:
            r.setParent(None)
            r.deleteLater()
        self.rows = []
        for t in texts:
            self._append(t)
        self._renumber()

    def _append(self, text: str = "", index: int | None = None) -> QuestionRow:
        row = QuestionRow(text)
        row.changed.connect(self._sync_timer.start)
        row.remove.connect(self._remove)
        row.split.connect(self._split)
        row.move.connect(self._move)
        if index is None:
            self.rows.append(row)
            self.rows_layout.addWidget(row)
        else:
            self.rows.insert(index, row)
            self.rows_layout.insertWidget(index, row)
        return row

    def add_question(self) -> None:
        row = self._append("")
        self._renumber()
        self._sync()
        row.edit.setFocus()

    def _remove(self, row: QuestionRow) -> None:
        if len(self.rows) <= 1:
            row.edit.clear()
            return
        i = self.rows.index(row)
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._renumber()
        self._sync()
        self.rows[min(i, len(self.rows) - 1)].edit.setFocus()

    def _split(self, row: QuestionRow, parts: list[str]) -> None:
        i = self.rows.index(row)
        row.edit.setPlainText(parts[0])
        for k, text in enumerate(parts[1:], start=1):
            self._append(text, i + k)
        self._renumber()
        self._sync()
        self.state.notice.emit(tr("Текст разделён на вопросы по номерам: {n}")
                               .format(n=len(parts)))

    def _move(self, row: QuestionRow, step: int) -> None:
        i = self.rows.index(row)
        j = i + step
        if not 0 <= j < len(self.rows):
            return
        self.rows[i], self.rows[j] = self.rows[j], self.rows[i]
        self.rows_layout.removeWidget(row)
        self.rows_layout.insertWidget(j, row)
        self._renumber()
        self._sync()
        row.edit.setFocus()

    def _renumber(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            row.set_number(n, len(self.rows))
        for a, b in zip(self.rows, self.rows[1:], strict=False):
            QWidget.setTabOrder(a.edit, b.edit)

    def _sync(self) -> None:
        self._sync_timer.stop()
        texts = [r.edit.toPlainText() for r in self.rows]
        if texts != self.state.form.questions:
            self.state.form.questions = texts
            self.state.request.edit("questions")

    def show_problems(self, problems: list) -> None:
        for i, row in enumerate(self.rows):
            row.problems.set_problems([p for p in problems if p.field == f"questions[{i}]"])

    def first_edit(self) -> QPlainTextEdit:
        for r in self.rows:
            if not r.edit.toPlainText().strip():
                return r.edit
        return self.rows[-1].edit

