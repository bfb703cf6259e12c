"""Numbers and dates for people: one way to write a size, a date, a duration.

Every result is a translatable engine message (:func:`collector.i18n._`), so the GUI shows
«48,3 МБ» in Russian and "48.3 MB" in English: the decimal separator is part of the template,
not of the number.
"""

from __future__ import annotations

from datetime import date

from collector.i18n import Text, _, day


def human_size(n: int | float) -> Text:
    """``48,3 МБ``; bytes below 1 KB as Windows Explorer writes them, without plural forms."""
    if n < 1024:
        return _("{n} байт", n=int(n))
    units = ("КБ", "МБ", "ГБ")
    for i, unit in enumerate(units):
        n /= 1024
        if n < 1024 or i == len(units) - 1:
            tenths = round(n * 10)
            whole, tenth = divmod(tenths, 10)
            if unit == "КБ":
                return _("{whole},{tenth} КБ", whole=whole, tenth=tenth)
            if unit == "МБ":
                return _("{whole},{tenth} МБ", whole=whole, tenth=tenth)
            return _("{whole},{tenth} ГБ", whole=whole, tenth=tenth)
    raise AssertionError("unreachable")


def ru_date(d: date) -> str:
    """``20.11.2026``: the date as the program, the desk and a Russian reader write it (a
    :class:`collector.i18n.Value`: the GUI writes "20 November 2026" in English)."""
    return day(d)


def duration(seconds: float) -> Text:
    """``40 с``, ``3 мин``, ``1 ч 20 мин``."""
    if seconds < 60:
        return _("{n} с", n=max(1, round(seconds)))
    minutes = round(seconds / 60)
    if minutes < 60:
        return _("{n} мин", n=minutes)
    return _("{h} ч {m} мин", h=minutes // 60, m=minutes % 60)
