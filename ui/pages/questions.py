"""Questions: the numbered list, what is observed (the desk's data situations), follow-up number."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit

from collector.request import SYMPTOMS
from ui.i18n import engine_text, tr
from ui.pages.base import Page
from ui.theme import SPACE
from ui.widgets.attachments import AttachmentsCard
from ui.widgets.common import Banner, Card, ProblemList, button, label, set_state
from ui.widgets.questions import QuestionsEditor


class QuestionsPage(Page):
    key = "questions"

    @property
    def fields(self) -> tuple[str, ...]:
        own = ("questions", "previous_request", "symptoms")
        # the files of a payment or cooperation request are chosen here (no «Что приложить»)
        return (*own, "attachments") if self.short_topic() else own

    def short_topic(self) -> bool:
        return self.state.form.topic in ("licensing", "cooperation")

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        hints = label(tr("Опишите, что случилось, что вы делали и что ожидали увидеть. Несколько "
                         "вопросов — каждый отдельным пунктом. Версию программы писать не нужно: "
                         "сборщик укажет её сам."), muted=True)
        self.add(hints)
        # The desk's first rule, where the writing starts: the answer may already be written.
        kb = Banner("info", tr("Сначала поищите ответ в базе знаний поддержки: многие вопросы "
                               "там уже разобраны, и так быстрее."))
        kb.add_button(button(tr("Открыть &базу знаний"), flat=True, on_click=self._open_kb))
        self.add(kb)
        self.editor = QuestionsEditor(state)
        self.add(self.editor)
        self.general = ProblemList()
        self.add(self.general)

        self.symptoms_card = Card(tr("Что происходит? Отметьте, если подходит"), "database")
        self.symptom_boxes: dict[str, QCheckBox] = {}
        for key, text in SYMPTOMS.items():
            box = QCheckBox(engine_text(text).capitalize())
            box.setAccessibleName(engine_text(text))
            box.toggled.connect(lambda on, k=key: self._symptom(k, on))
            self.symptom_boxes[key] = box
            self.symptoms_card.add(box)
        self.symptoms_card.add(label(tr("В таких случаях поддержке нужна копия базы данных, "
                                        "чтобы повторить ситуацию у себя: она будет приложена."),
                                     muted=True, small=True))
        self.add(self.symptoms_card)

        # Payment and cooperation requests have no date and no «Что приложить» page: a receipt or
        # a document goes here, the program's logs only when asked for.
        self.logs_card = Card(tr("Журналы программы"), "text-file")
        self.logs_box = QCheckBox(tr("Приложить &журналы работы программы"))
        self.logs_box.toggled.connect(self._logs_toggled)
        self.logs_card.add(self.logs_box)
        self.logs_card.add(label(tr("Нужны, если вопрос связан с сообщением, которое показала "
                                    "программа, например о лицензии. День выберете на следующем "
                                    "шаге."), muted=True, small=True))
        self.add(self.logs_card)
        self.files_card = AttachmentsCard(state)
        self.add(self.files_card)

        self.follow_card = Card(tr("Продолжение прежнего обращения"), "chat")
        row = QHBoxLayout()
        row.setSpacing(SPACE)
        self.follow = QCheckBox(tr("Это продолжение обращения &№"))
        self.follow.toggled.connect(self._follow_toggled)
        self.previous = QLineEdit()
        self.previous.setPlaceholderText(tr("номер или код из ответа поддержки"))
        self.previous.setAccessibleName(tr("Номер предыдущего обращения"))
        self.previous.setMaxLength(64)
        self.previous.textEdited.connect(self._previous_edited)
        self.follow.setAccessibleName(tr("Это продолжение обращения"))
        row.addWidget(self.follow)
        row.addWidget(self.previous, 1)
        self.follow_card.add(row)
        self.last_code = button("", flat=True, on_click=self._use_last_code)
        self.follow_card.add(self.last_code)
        self.follow_card.add(label(tr("Если ответа долго нет — позвоните в поддержку или "
                                      "напишите ещё раз, указав номер предыдущего обращения. "
                                      "Не отправляйте одно и то же по разным каналам."),
                                   muted=True, small=True))
        self.previous_problems = ProblemList()
        self.follow_card.add(self.previous_problems)
        self.add(self.follow_card)
        self.layout_.addStretch(1)

    def _open_kb(self) -> None:
        from ui.links import current_links, open_url

        open_url(current_links(self.state).kb or current_links(self.state).site)

    def title(self) -> str:
        return tr("Ваши вопросы")

    def subtitle(self) -> str:
        return tr("Чем точнее описание, тем быстрее ответ.")


    def first_focus(self):
        return self.editor.first_edit()

    def on_enter(self) -> None:
        if [r.edit.toPlainText() for r in self.editor.rows] != (self.state.form.questions
                                                                 or [""]):
            self.editor.load()
        super().on_enter()

    def on_leave(self) -> None:
        self.editor._sync()

    def _symptom(self, key: str, on: bool) -> None:
        symptoms = [s for s in self.state.form.symptoms if s != key]
        if on:
            symptoms.append(key)
        symptoms.sort(key=list(SYMPTOMS).index)
        if symptoms != self.state.form.symptoms:
            self.state.form.symptoms = symptoms
            self.state.request.edit("symptoms")

    def _logs_toggled(self, on: bool) -> None:
        extras = self.state.extras
        if extras.logs_wanted != on:
            extras.logs_wanted = on
            extras.logs_included = True
            self.state.request.edit("logs")

    def _follow_toggled(self, on: bool) -> None:
        self.previous.setEnabled(on)
        if on:
            self.previous.setFocus()
            if self.previous.text().strip():
                self._previous_edited(self.previous.text())
        elif self.state.form.previous_request:
            self.state.form.previous_request = ""
            self.state.request.edit("previous_request")

    def _previous_edited(self, text: str) -> None:
        self.state.form.previous_request = text
        self.state.request.edit("previous_request")

    def _use_last_code(self) -> None:
        code = self.state.request.last_code
        if code:
            self.follow.setChecked(True)
            self.previous.setText(code)
            self._previous_edited(code)

    def refresh(self, what: str = "") -> None:
        st = self.state
        form = st.form
        for key, box in self.symptom_boxes.items():
            box.blockSignals(True)
            box.setChecked(key in form.symptoms)
            box.blockSignals(False)
        self.symptoms_card.setVisible(form.topic in ("errors", "") or bool(form.symptoms))
        short = self.short_topic()
        self.logs_card.setVisible(short)
        self.files_card.setVisible(short)
        self.logs_box.blockSignals(True)
        self.logs_box.setChecked(st.extras.logs_wanted)
        self.logs_box.blockSignals(False)
        follow = bool(form.previous_request.strip())
        if what in ("enter", "draft") or not self.previous.hasFocus():
            self.follow.blockSignals(True)
            self.follow.setChecked(follow or (self.follow.isChecked() and what not in ("draft",)))
            self.follow.blockSignals(False)
            if self.previous.text() != form.previous_request:
                self.previous.setText(form.previous_request)
        self.previous.setEnabled(self.follow.isChecked())
        code = st.request.last_code
        self.last_code.setVisible(bool(code) and form.previous_request.strip() != code)
        if code:
            self.last_code.setText(tr("Подставить номер последнего обращения: {code}")
                                   .format(code=code))
        problems = self.page_problems()
        if short:
            self.files_card.show_state(problems)
        problems = [p for p in problems if not p.field.startswith("attachments")]
        shown = problems if self.tried_next else [p for p in problems
                                                  if p.code != "questions.missing"]
        self.editor.show_problems(shown)
        self.general.set_problems([p for p in shown if p.field in ("questions", "symptoms")])
        prev = [p for p in shown if p.field == "previous_request"]
        self.previous_problems.set_problems(prev)
        set_state(self.previous, "error" if any(p.severity == "error" for p in prev) else None)
