"""Topic: the desk's three queues, one per request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from collector.request import KNOWLEDGE_BASE, TOPICS
from ui.i18n import engine_text, tr
from ui.pages.base import Page
from ui.widgets.common import Banner, Card, ProblemList, button, label

ICONS = {"licensing": "tag", "errors": "settings", "cooperation": "chat"}


def topic_description(key: str) -> str:
    return {
        "licensing": tr("Оплата, продление и активация лицензии, перенос на другой компьютер, "
                        "счета и чеки."),
        "errors": tr("Ошибки и сбои, медленная работа, как сделать что-то в программе, "
                     "оборудование: касса, сканер, весы, маркировка."),
        "cooperation": tr("Партнёрство, дилерство, интеграция ваших сервисов с GBS.Market."),
    }[key]


class TopicCard(Card):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__("", ICONS[key], parent)
        self.key = key
        self.radio = QRadioButton(engine_text(TOPICS[key]))
        f = self.radio.font()
        f.setPointSizeF(f.pointSizeF() * 1.12)
        f.setWeight(f.Weight.DemiBold)
        self.radio.setFont(f)
        self.radio.setAccessibleName(engine_text(TOPICS[key]))
        self.radio.setAccessibleDescription(topic_description(key))
        self.title_row.insertWidget(0, self.radio, 1)
        self.title_label.hide()
        self.body.addLayout(self.title_row)
        desc = label(topic_description(key), muted=True)
        desc.setContentsMargins(26, 0, 0, 0)
        self.add(desc)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
        self.radio.clicked.emit(True)


class TopicPage(Page):
    key = "topic"
    fields = ("topic",)

    def __init__(self, state, window) -> None:
        super().__init__(state, window)
        self.group = QButtonGroup(self)
        self.cards: dict[str, TopicCard] = {}
        for key in TOPICS:
            card = TopicCard(key)
            self.cards[key] = card
            self.group.addButton(card.radio)
            card.radio.toggled.connect(lambda on, k=key: on and self._chosen(k))
            self.add(card)
        self.problems = ProblemList()
        self.add(self.problems)
        self.add(label(tr("В одном обращении — одна тема: технические специалисты не решают "
                          "вопросы оплаты, а вопросы об оплате не помогут с ошибкой. Вопросы "
                          "разных тем отправьте отдельными обращениями."), muted=True))
        kb = Banner("info", tr("Перед обращением поищите ответ в базе знаний на сайте {site}: "
                               "часто так быстрее.").format(site=KNOWLEDGE_BASE))
        kb.add_button(button(tr("Открыть &базу знаний"), flat=True, on_click=self._open_kb))
        self.add(kb)
        self.layout_.addStretch(1)

    def _open_kb(self) -> None:
        from ui.links import current_links, open_url

        links = current_links(self.state)
        open_url(links.kb or links.site or f"https://{KNOWLEDGE_BASE}")

    def title(self) -> str:
        return tr("О чём обращение?")

    def subtitle(self) -> str:
        return tr("Выберите тему — обращение попадёт к нужным специалистам.")


    def first_focus(self):
        card = self.cards.get(self.state.form.topic) or self.cards["licensing"]
        return card.radio

    def _chosen(self, key: str) -> None:
        if self.state.form.topic != key:
            self.state.form.topic = key
            self.state.request.edit("topic")
        for k, card in self.cards.items():
            card.set_selected(k == key)

    def refresh(self, what: str = "") -> None:
        topic = self.state.form.topic
        for k, card in self.cards.items():
            card.radio.blockSignals(True)
            card.radio.setChecked(k == topic)
            card.radio.blockSignals(False)
            card.set_selected(k == topic)
        if not topic:
            self.group.setExclusive(False)
            for card in self.cards.values():
                card.radio.setChecked(False)
            self.group.setExclusive(True)
        self.problems.set_problems(self.page_problems() if self.tried_next else [])

    def next_enabled(self) -> bool:
        return True
