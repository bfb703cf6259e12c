"""Contacts: where the answer should go — at least one of e-mail, phone, Telegram."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from collector.request import (
    CONTACT_KEYS,
    format_phone,
    normalize_email,
    normalize_phone,
    normalize_telegram,
)
from ui import prefs
from ui.i18n import tr
from ui.pages.base import Page
from ui.theme import SPACE
from ui.widgets.common import Card, ProblemList, label, set_state


class ContactsPage(Page):
    key = "contacts"
    fields = ("contact",)

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        self.add(label(tr("Ответ придёт туда, что вы укажете. Достаточно одного способа; "
                          "поддержка не пишет в личные сообщения сотрудников и не принимает "
                          "обращения оттуда."), muted=True))
        card = Card(tr("Как с вами связаться"), "user")
        form = QFormLayout()
        form.setSpacing(SPACE)
        form.setHorizontalSpacing(2 * SPACE)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.edits: dict[str, QLineEdit] = {}
        self.problems: dict[str, ProblemList] = {}
        self.hints: dict[str, QWidget] = {}
        specs = {
            "name": (tr("&Имя"), tr("например, Анна, магазин «Ромашка»")),
            "email": (tr("&E-mail"), tr("shop@mail.ru")),
            "phone": (tr("&Телефон"), tr("+7 912 345-67-89")),
            "telegram": (tr("Tele&gram"), tr("@имя_пользователя или номер телефона")),
        }
        for key in CONTACT_KEYS:
            title, placeholder = specs[key]
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(title.replace("&", ""))
            edit.textEdited.connect(lambda text, k=key: self._edited(k, text))
            edit.editingFinished.connect(lambda k=key: self._tidy(k))
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(4)
            col.addWidget(edit)
            hint = label("", muted=True, small=True)
            col.addWidget(hint)
            plist = ProblemList()
            col.addWidget(plist)
            lab = label(title)
            lab.setBuddy(edit)
            form.addRow(lab, box)
            self.edits[key] = edit
            self.problems[key] = plist
            self.hints[key] = hint
        card.add(form)
        self.general = ProblemList()
        card.add(self.general)
        self.remember = QCheckBox(tr("&Запомнить контакты на этом компьютере"))
        self.remember.setChecked(prefs.get("remember_contacts", True, bool))
        self.remember.toggled.connect(lambda on: prefs.put("remember_contacts", on))
        card.add(self.remember)
        card.setMaximumWidth(820)
        self.add(card)
        self.layout_.addStretch(1)

    def title(self) -> str:
        return tr("Куда ответить")

    def subtitle(self) -> str:
        return tr("Укажите e-mail, телефон или Telegram.")


    # A technician who switched the file list off (Настройки → Показывать список файлов перед
    # сбором) goes from here straight to collecting; the review page stays in the sidebar.
    def skipping_review(self) -> bool:
        return prefs.get("skip_review", False, bool)

    def next_text(self) -> str:
        return tr("&Собрать архив") if self.skipping_review() else tr("&Далее")

    @property
    def next_icon(self) -> str:
        return "box" if self.skipping_review() else "next"

    def go_next(self) -> None:
        if not self.skipping_review():
            self.window_.next_page()
        elif any(p.severity == "error" for p in self.state.problems()):
            self.window_.go("review")  # remarks elsewhere: shown there with «Исправить»
        else:
            self.window_.start_collection()

    def first_focus(self):
        for key in ("email", "phone", "telegram", "name"):
            if not self.edits[key].text().strip():
                return self.edits[key]
        return self.edits["name"]

    def on_enter(self) -> None:
        c = self.state.form.contact
        if not any(getattr(c, k).strip() for k in CONTACT_KEYS) and self.remember.isChecked():
            for k in CONTACT_KEYS:
                setattr(c, k, prefs.get(f"contact/{k}", "", str) or "")
            if any(getattr(c, k) for k in CONTACT_KEYS):
                self.state.request.edit("contact")
        super().on_enter()

    def on_leave(self) -> None:
        if self.remember.isChecked():
            for k in CONTACT_KEYS:
                prefs.put(f"contact/{k}", getattr(self.state.form.contact, k))

    def _edited(self, key: str, text: str) -> None:
        setattr(self.state.form.contact, key, text)
        self.state.request.edit(f"contact.{key}")

    def _tidy(self, key: str) -> None:
        """Leaving a field: show a valid value in its usual form (the typed one stays valid)."""
        text = self.edits[key].text()
        norm = {"email": normalize_email, "phone": normalize_phone}.get(key)
        if norm is None or not text.strip():
            return
        value = norm(text)
        if value and key == "phone":
            value = format_phone(value)
        if value and value != text:
            self.edits[key].setText(value)
            self._edited(key, value)

    def refresh(self, what: str = "") -> None:
        c = self.state.form.contact
        for key, edit in self.edits.items():
            value = getattr(c, key)
            if edit.text() != value and not edit.hasFocus():
                edit.setText(value)
        problems = self.page_problems()
        general = [p for p in problems if p.field == "contact"]
        if not self.tried_next:
            general = [p for p in general if p.code != "contact.missing"]
        self.general.set_problems(general)
        for key, plist in self.problems.items():
            own = [p for p in problems if p.field == f"contact.{key}"]
            edit = self.edits[key]
            text = edit.text().strip()
            # An error shows once the user has left the field (no red while typing an address).
            if edit.hasFocus() and not self.tried_next:
                own = [p for p in own if p.severity != "error"]
            plist.set_problems(own)
            bad = any(p.severity == "error" for p in own)
            set_state(edit, "error" if bad else ("ok" if text else None))
            hint = ""
            if text and not bad and key == "telegram":
                tg = normalize_telegram(text)
                hint = tr("Будет указано: {value}").format(value=format_phone(tg)) \
                    if tg and tg.startswith("+") else ""
            self.hints[key].setText(hint)
            self.hints[key].setVisible(bool(hint))
