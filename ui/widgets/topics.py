"""The desk's three queues as cards to choose from: one topic per request."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from collector.topics import TOPICS
from ui import first_paint
from ui.i18n import engine_text, tr
from ui.qt import Qt
from ui.widgets.common import Card, add_top, label
from ui.widgets.flow import Columns

SIDE_BY_SIDE_MIN = 640  # three cards in a row from this width, one above the other below it


def topic_description(key: str) -> str:
    return {
        "licensing": tr("Оплата, продление и активация лицензии, перенос на другой компьютер, "
                        "счета и чеки."),
        "errors": tr("Ошибки и сбои, медленная работа, как сделать что-то в программе, "
                     "оборудование: касса, сканер, весы, маркировка."),
        "cooperation": tr("Партнёрство, дилерство, интеграция ваших сервисов с программой."),
    }[key]


class TopicCard(Card):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__("", None, parent)
        self.key = key
        # The radio carries no text of its own: a title in a narrow card wraps, a radio's text
        # would be cut off.
        self.radio = QRadioButton()
        self.radio.setAccessibleName(engine_text(TOPICS[key]))
        self.radio.setAccessibleDescription(topic_description(key))
        add_top(self.title_row, self.radio, index=0)
        self.title_label.setText(engine_text(TOPICS[key]))
        self.title_label.setObjectName("TopicTitle")
        self.body.addLayout(self.title_row)
        desc = label(topic_description(key), muted=True, small=True)
        self.add(desc)
        self.body.addStretch(1)
        first_paint.later(lambda: self.setCursor(Qt.CursorShape.PointingHandCursor))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
        self.radio.clicked.emit(True)


class TopicChoice(QWidget):
    """Three cards, radio buttons inside (arrows move between them); ``chosen(key)``."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.cards: dict[str, TopicCard] = {}
        self.columns = Columns(SIDE_BY_SIDE_MIN, spacing=12)
        for key in ("errors", "licensing", "cooperation"):
            card = TopicCard(key)
            self.cards[key] = card
            self.group.addButton(card.radio)
            card.radio.toggled.connect(lambda on, k=key: on and self._chosen(k))
            self.columns.add(card, 1)
        lay.addWidget(self.columns)
        self.setAccessibleName(tr("Тема обращения"))

    def _chosen(self, key: str) -> None:
        for k, card in self.cards.items():
            card.set_selected(k == key)
        self.chosen.emit(key)

    def show_topic(self, topic: str) -> None:
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

    def first_radio(self, topic: str) -> QRadioButton:
        return (self.cards.get(topic) or self.cards["errors"]).radio
