"""Messages for people: Russian first, translatable later by the GUI.

The engine never imports Qt, yet the GUI shows engine messages in English when asked. So every
message is built with :func:`_`: the result *is* the Russian string (it prints, logs and
serialises as one) and also remembers its template and parameters, which the GUI passes through
Qt's translator (context ``collector``) before formatting. ``scripts/update-translations`` collects
the templates from the source.
"""

from __future__ import annotations

from datetime import date
from typing import Any


class Text(str):
    """A finished Russian message that still knows how it was made."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any] | None = None) -> Text:
        params = dict(params or {})
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.template, self.params))


class Value(str):
    """A value inside a message written for a Russian reader (a day: "17.11.2026") that a GUI
    in another language writes its own way ("17 November 2026"). ``value`` is the
    :class:`datetime.date` (or a number, with ``digits`` decimals)."""

    value: Any
    digits: int
    forms: tuple[Text, Text] | None  # a count's word, for n = 1 and otherwise (see count)

    def __new__(cls, text: str, value: Any, digits: int = 0) -> Value:
        obj = super().__new__(cls, text)
        obj.value = value
        obj.digits = digits
        obj.forms = None
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (_value, (str(self), self.value, self.digits, self.forms))


def _value(text: str, value: Any, digits: int, forms: tuple[Text, Text] | None) -> Value:
    v = Value(text, value, digits)
    v.forms = forms
    return v


def count(n: int, one: Text, few: Text, many: Text) -> Value:
    """``7 файлов``: ``n`` with its word in the Russian form (``one``/``few``/``many`` as
    :func:`_` messages: ``_("файл"), _("файла"), _("файлов")``). A GUI in another language
    writes ``n`` with the translation of ``one`` (n = 1) or of ``many``."""
    v = Value(f"{abs(int(n))} {plural_word(n, one, few, many)}", int(n))
    v.forms = (one, many)
    return v


def day(d: date) -> Value:
    """``17.11.2026``: a day the Russian way."""
    return Value(d.strftime("%d.%m.%Y"), d)


def _(template: str, /, **params: Any) -> Text:
    """Mark ``template`` for translation and fill it with ``params`` (``str.format`` syntax)."""
    return Text(template, params)


def retranslate(message: str, translate: Any, render: Any = None) -> str:
    """Translate an engine message with ``translate(template) -> str`` (the GUI's ``tr``).

    Parameters that are messages themselves (a size, a joined list of reasons) are translated
    too, so a composed message reads in one language; numbers and days (:class:`Value`) are
    written by ``render(value) -> str`` when given (the GUI's locale)."""
    if isinstance(message, Text):
        params = {k: retranslate(v, translate, render) if isinstance(v, Text)
                  else render(v) if render is not None and isinstance(v, Value) else v
                  for k, v in message.params.items()}
        try:
            return translate(message.template).format(**params)
        except (KeyError, IndexError, ValueError):
            return str(message)
    return translate(message)


def join(sep: str, parts: Any) -> Text:
    """Messages joined by ``sep`` that stay translatable part by part (``"; ".join`` would
    give plain Russian text)."""
    items = [p for p in parts if p]
    template = sep.join(f"{{p{i}}}" for i in range(len(items)))
    return Text(template, {f"p{i}": p for i, p in enumerate(items)})


def plural_word(n: int, one: str, few: str, many: str) -> str:
    """The Russian word form for ``n``: 1 файл, 2 файла, 5 файлов, 21 файл, 11 файлов."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def plural(n: int, one: str, few: str, many: str) -> str:
    """``n`` with its word: 1 ошибка, 2 ошибки, 5 ошибок."""
    return f"{abs(int(n))} {plural_word(n, one, few, many)}"
