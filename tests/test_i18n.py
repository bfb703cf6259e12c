"""Engine messages stay translatable when composed: joined lists, sizes inside sentences."""

from __future__ import annotations

from collector.humanize import human_size
from collector.i18n import Text, _, join, plural, retranslate

EN = {"Файлов: {n}": "Files: {n}", "{whole},{tenth} МБ": "{whole}.{tenth} MB",
      "Копия: {size}": "Backup: {size}", "нет связи": "no connection"}


def tr(template: str) -> str:
    return EN.get(template, template)


def test_a_message_is_its_russian_text() -> None:
    msg = _("Файлов: {n}", n=3)
    assert msg == "Файлов: 3" and isinstance(msg, Text)
    assert retranslate(msg, tr) == "Files: 3"


def test_nested_messages_are_translated_too() -> None:
    msg = _("Копия: {size}", size=human_size(5 * 2**20))
    assert msg == "Копия: 5,0 МБ"
    assert retranslate(msg, tr) == "Backup: 5.0 MB"  # the decimal point is the language's


def test_joined_messages_keep_every_part_translatable() -> None:
    msg = join("; ", [_("Файлов: {n}", n=2), "", _("нет связи"), "plain {braces} text"])
    assert msg == "Файлов: 2; нет связи; plain {braces} text"
    assert retranslate(msg, tr) == "Files: 2; no connection; plain {braces} text"


def test_plural_forms() -> None:
    forms = ("ошибка", "ошибки", "ошибок")
    assert [plural(n, *forms) for n in (1, 2, 5, 11, 21, 104)] == [
        "1 ошибка", "2 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "104 ошибки"]


def test_a_count_takes_the_russian_form_and_keeps_its_number() -> None:
    from collector.i18n import Value, count

    words = (_("файл"), _("файла"), _("файлов"))
    assert [count(n, *words) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 файл", "2 файла", "5 файлов", "11 файлов", "21 файл", "22 файла"]
    msg = _("{files} за {days}", files=count(7, *words), days="17.11.2026")
    assert msg == "7 файлов за 17.11.2026"
    # a translator writes the number with the word for one or for many
    en = {"файл": "file", "файлов": "files", "{files} за {days}": "{files} for {days}"}

    def render(v: Value) -> str:
        return f"{v.value} {en[v.forms[0] if v.value == 1 else v.forms[1]]}"

    assert retranslate(msg, lambda t: en.get(t, t), render) == "7 files for 17.11.2026"
    one = _("{files}", files=count(1, *words))
    assert retranslate(one, lambda t: en.get(t, t), render) == "1 file"
