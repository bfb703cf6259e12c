"""The wizard's pages, in the desk's order. Imported on first use: the start page alone is built
before the window first appears; the others when the user first goes to them."""

from __future__ import annotations

import importlib

from ui.i18n import tr

PAGE_NAMES = ["start", "questions", "date", "include", "contacts", "review", "collect", "result"]
STEP_PAGES = PAGE_NAMES[:6]  # listed in the sidebar; collect and result follow «Собрать»
_MODULES = {
    "start": ("ui.pages.start", "StartPage"),
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


def flow(topic: str, logs_wanted: bool) -> list[str]:
    """The steps of a request on this topic. Payment and cooperation questions need no day and
    nothing beyond the request itself, unless the user asked for the program's logs."""
    if topic in ("licensing", "cooperation"):
        return ["start", "questions", *(["date"] if logs_wanted else []), "contacts", "review"]
    return list(STEP_PAGES)


def step_names() -> dict[str, str]:
    return {
        "start": tr("Начало"),
        "questions": tr("Вопросы"),
        "date": tr("Дата"),
        "include": tr("Что приложить"),
        "contacts": tr("Контакты"),
        "review": tr("Проверка"),
        "collect": tr("Сбор"),
        "result": tr("Готово"),
    }
