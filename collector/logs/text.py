"""Sizes and dates as a Russian reader expects them."""

from __future__ import annotations

from datetime import date

from collector.i18n import _, day, number


def human_size(n: int | float) -> str:
    """``48,3 МБ`` — sizes as a Russian reader expects them (a message: English in the GUI)."""
    if n < 1024:
        return _("{n} байт", n=int(n))  # as Windows Explorer writes it, no plural forms
    units = (_("{x} КБ", x=""), _("{x} МБ", x=""), _("{x} ГБ", x=""))
    for i, unit in enumerate(units):
        n /= 1024
        if n < 1024 or i == len(units) - 1:
            return _(unit.template, x=number(n, 1))
    return str(n)


def ru_date(d: date) -> str:
    return day(d)
