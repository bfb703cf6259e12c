"""Contacts for the answer: e-mail, phone, Telegram, the previous request's number.

Each is recognised in the notations people type and normalised (``+7 912 345-67-89``,
``@name``); what is wrong is said in Russian with an example.
"""

from __future__ import annotations

import difflib
import re

from collector.i18n import _
from collector.request.model import RULES, Contact, clean_text

COMMON_MAIL_DOMAINS = ("mail.ru", "yandex.ru", "ya.ru", "gmail.com", "bk.ru", "inbox.ru",
                       "list.ru", "rambler.ru", "internet.ru", "yandex.com", "outlook.com",
                       "hotmail.com", "icloud.com", "yahoo.com", "ukr.net", "mail.com",
                       "yandex.kz", "yandex.by", "protonmail.com", "me.com")


_EMAIL = re.compile(r"(?P<local>[\w.!#$%&'*+/=?^`{|}~-]+)@(?P<domain>(?:[^\W_](?:[\w-]{0,61}"
                    r"[^\W_])?\.)+[^\W\d_]{2,63}|(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+xn--[\w-]+)")


def normalize_email(text: str) -> str | None:
    """``local@domain`` (domain lower-cased) or None. Accepts ``mailto:`` and ``<…>`` wrappers."""
    s = (text or "").strip().strip("<>").strip()
    if s.lower().startswith("mailto:"):
        s = s[7:]
    m = _EMAIL.fullmatch(s)
    if not m or len(s) > 254 or len(m.group("local")) > 64:
        return None
    local = m.group("local")
    if local.startswith(".") or local.endswith(".") or ".." in local or ".." in s:
        return None
    return f"{local}@{m.group('domain').lower()}"


def email_problem(text: str) -> str | None:
    """Why the e-mail is wrong (Russian), or None."""
    s = (text or "").strip()
    if normalize_email(s):
        return None
    if "@" not in s:
        return _("В адресе e-mail нет «@». Пример: shop@mail.ru")
    if s.count("@") > 1:
        return _("В адресе e-mail должен быть один знак «@». Если адресов несколько, укажите "
                 "один.")
    if re.search(r"\s", s):
        return _("В адресе e-mail не должно быть пробелов.")
    if "," in s:
        return _("В адресе e-mail запятая вместо точки? Пример: shop@mail.ru")
    domain = s.rsplit("@", 1)[1]
    if "." not in domain:
        return _("После «@» нужен домен с точкой, например mail.ru или gmail.com.")
    return _("Адрес e-mail не распознан. Пример: shop@mail.ru")


def email_typo(email: str) -> str | None:
    """A well-known domain the user probably meant (gmial.com → gmail.com), or None."""
    domain = email.rsplit("@", 1)[-1].lower()
    if domain in COMMON_MAIL_DOMAINS:
        return None
    close = difflib.get_close_matches(domain, COMMON_MAIL_DOMAINS, n=1, cutoff=0.8)
    return email.rsplit("@", 1)[0] + "@" + close[0] if close else None


def normalize_phone(text: str) -> str | None:
    """``+7XXXXXXXXXX`` for Russian (and Kazakh) numbers in any usual notation — ``+7 (912)
    345-67-89``, ``8 912 345 67 89``, ``89123456789``, ``9123456789`` — or ``+<digits>`` for other
    international numbers; None when not a phone number."""
    s = (text or "").strip()
    if not s or not re.fullmatch(r"\+?[\d\s().\-\u2010-\u2015]+", s):
        return None
    digits = re.sub(r"\D", "", s)
    if s.startswith("+"):
        if digits.startswith("7"):
            return "+" + digits if len(digits) == 11 and digits[1] in "346789" else None
        if digits.startswith("8") and len(digits) == 11 and digits[1] == "9":
            return None  # "+8 9…": a Russian 8-prefix with a stray plus, not a country code
        return "+" + digits if 8 <= len(digits) <= 15 and digits[0] != "0" else None
    if len(digits) == 11 and digits[0] in "78" and digits[1] in "346789":
        return "+7" + digits[1:]
    if len(digits) == 10 and digits[0] in "346789":
        return "+7" + digits
    return None


def phone_problem(text: str) -> str | None:
    if normalize_phone(text):
        return None
    s = (text or "").strip()
    digits = re.sub(r"\D", "", s)
    if re.search(r"[^\d\s().+\-\u2010-\u2015]", s):
        return _("В номере телефона только цифры, пробелы, скобки и дефисы (без добавочного и "
                 "пояснений). Пример: +7 912 345-67-89")
    if s.startswith("+8") and len(digits) == 11:
        return _("Номер начинается с «+8»: укажите его как +7… или 8… без плюса. Пример: "
                 "+7 912 345-67-89")
    if len(digits) < 10:
        return _("В номере телефона не хватает цифр ({n}, а нужно 10 после +7). Пример: "
                 "+7 912 345-67-89", n=len(digits))
    return _("Номер телефона не распознан. Пример: +7 912 345-67-89 или 8 912 345-67-89")


def format_phone(normalized: str) -> str:
    """``+79123456789`` → ``+7 912 345-67-89`` for reading; other numbers as they are."""
    if re.fullmatch(r"\+7\d{10}", normalized):
        d = normalized[2:]
        return f"+7 {d[:3]} {d[3:6]}-{d[6:8]}-{d[8:]}"
    return normalized


_TG_LINK = re.compile(r"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)/",
                      re.IGNORECASE)


_TG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9]")


def normalize_telegram(text: str) -> str | None:
    """``@username`` (5–32 Latin letters, digits, ``_``; starts with a letter; no trailing or
    doubled ``_``) from ``@name``, ``name`` or a ``t.me/name`` link; or a phone number (+7…)."""
    s = (text or "").strip()
    if not s:
        return None
    name = _TG_LINK.sub("", s).split("?")[0].rstrip("/")
    if name.startswith("@"):
        name = name[1:]
    if _TG_NAME.fullmatch(name) and "__" not in name:
        return "@" + name
    if not s.startswith("@") and not _TG_LINK.match(s):
        return normalize_phone(s)
    return None


def telegram_problem(text: str) -> str | None:
    if normalize_telegram(text):
        return None
    name = _TG_LINK.sub("", (text or "").strip()).lstrip("@")
    if re.search(r"[А-Яа-яЁё]", name):
        return _("Имя пользователя Telegram пишется латиницей (например, @gbs_shop).")
    if re.search(r"\s", name):
        return _("В имени пользователя Telegram не бывает пробелов (например, @gbs_shop).")
    if re.search(r"[^A-Za-z0-9_]", name):
        return _("В имени пользователя Telegram только латинские буквы, цифры и «_».")
    if len(name) < 5:
        return _("Имя пользователя Telegram не короче 5 символов (например, @gbs_shop).")
    if len(name) > 32:
        return _("Имя пользователя Telegram не длиннее 32 символов.")
    if not name[0].isalpha():
        return _("Имя пользователя Telegram начинается с латинской буквы.")
    return _("Имя пользователя Telegram не может оканчиваться на «_» или содержать «__».")


def normalized_contact(contact: Contact) -> Contact:
    """The contact with valid values in canonical form (invalid ones left as typed)."""
    return Contact(
        name=clean_text(contact.name).replace("\n", " "),
        email=normalize_email(contact.email) or contact.email.strip(),
        phone=normalize_phone(contact.phone) or contact.phone.strip(),
        telegram=normalize_telegram(contact.telegram) or contact.telegram.strip(),
    )


_PREVIOUS = re.compile(r"[^\W_][\w\-/.]*")


def normalize_previous_request(text: str) -> str | None:
    """The number of an earlier request without "№", "#", "No." decoration; "" if empty; None if
    it is not a number/code (e.g. a sentence)."""
    s = (text or "").strip()
    if not s:
        return ""
    s = re.sub(r"^(?:№|#|No\.?|N|номер)\s*", "", s, flags=re.IGNORECASE).strip()
    if not s or len(s) > RULES.previous_request_max_chars or not _PREVIOUS.fullmatch(s):
        return None
    return s
