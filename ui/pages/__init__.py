"""The wizard's pages, in the desk's order. Imported on first use: the start page alone is built
before the window first appears; the others when the user first goes to them."""

from __future__ import annotations

import importlib

from ui.i18n import tr

PAGE_NAMES = ["start", "topic", "questions", "date", "include", "contacts", "review", "collect",
              "result"]
STEP_PAGES = PAGE_NAMES[:7]  # listed in the sidebar; collect and result follow «Собрать»
_MODULES = {
    "start": ("ui.pages.start", "StartPage"),
    "topic": ("ui.pages.topic", "TopicPage"),
    "questions": ("ui.pages.questions", "QuestionsPage"),
    "date": ("ui.pages.date", "DatePage"),
    "include": ("ui.pages.include", "IncludePage"),
    "contacts": ("ui.pages.contacts", "ContactsPage"),
    "review": ("ui.pages.review", "ReviewPage"),
    "collect": ("ui.pages.collect", "CollectPage"),
    "result": ("ui.pages.result", "ResultPage"),
}


def page_class(key: str):
    module, name = _MODULES[key]
    return getattr(importlib.import_module(module), name)


def step_names() -> dict[str, str]:
    return {
        "start": tr("Начало"),
        "topic": tr("Тема"),
        "questions": tr("Вопросы"),
        "date": tr("Дата"),
        "include": tr("Что приложить"),
        "contacts": tr("Контакты"),
        "review": tr("Проверка"),
        "collect": tr("Сбор"),
        "result": tr("Готово"),
    }
