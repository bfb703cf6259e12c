"""The desk's three queues: one topic per request (rule 10 of the desk's guideline).

A module of its own, with no imports: the wizard's first page lists the topics before anything
else of the request engine (``collector.request``) is needed."""

from __future__ import annotations

TOPICS: dict[str, str] = {  # the desk's three queues, in its order
    "licensing": "Оплата и лицензирование",
    "errors": "Возможности, технические вопросы и ошибки",
    "cooperation": "Сотрудничество",
}
