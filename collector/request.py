"""The question form: model (``FORM.json``), the support desk's rules, ``request.txt``.

The desk's guideline ``support-request-guidelines.ru.txt`` is the specification. Every rule in it
is a behaviour here; ``docs/REQUEST_RULES.md`` lists which rule maps to which behaviour and test.
In short (rule numbers as in that document):

 1. knowledge base first → advice ``kb.search``.
 2. current version, quoted exactly → version taken from Market.exe; outdated → warning, sending
    allowed; "у меня последняя версия" in a question → advice.
 3. no duplicates over several channels → warning when a request of the same topic was sent from
    this PC recently without the previous number; advice.
 4. long wait → call, or write again with the previous number → ``previous_request``, rendered.
 5. no voice messages → audio attachments (by extension or content) are errors; "call instead".
 6. an error → logs of its day → ``problem_date`` required for ``errors``, checked against the
    days that have logs.
 7. situations with data → database backup → ``symptoms`` pre-select the database; words in the
    questions suggest symptoms.
 8. several questions → numbered list; one item holding several → warning.
 9. large questions → separate requests → thresholds in :data:`RULES`.
10. one topic (queue) per request → ``topic`` required; a question of another queue → warning.
11. answer every question fully, not "Да" → yes-only answers → warning.
12. no personal messages to employees → no recipient field at all; advice.
13. licence → GBS.ID as copied text (or a photo with the QR) → found by the tool, never typed,
    with its QR; licensing without it → error; payment questions → receipt advice.

Severities: ``error`` (cannot be sent like this), ``warning`` (the desk will likely ask
again — sending stays possible), ``info`` (advice, from :func:`advise`). Every message is Russian,
bound to a field: ``topic``, ``problem_date``, ``questions``, ``questions[i]``,
``previous_request``, ``symptoms``, ``include_database``, ``contact``,
``contact.email|phone|telegram|name``, ``attachments``, ``attachments[i]``, ``version``, ``gbs_id``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from collector.errors import CollectorError
from collector.gbsid import normalize_gbs_id
from collector.i18n import _, plural_word

# =================================================================================================
# The desk's rules as data: every threshold and word list in one place.
# =================================================================================================


@dataclass(frozen=True)
class Rules:
    max_questions: int = 5  # more → "send separate requests" (rule 9)
    long_question_chars: int = 700  # a question this long is "large" when there are several
    max_total_chars: int = 3000  # several questions together longer → separate requests
    min_question_chars: int = 12  # shorter → describe in more detail
    log_retention_days: int = 30  # older problem dates may have no logs left (unverified)
    duplicate_window_hours: int = 48  # a request of the same topic sent this recently → duplicate
    attachment_warn_mb: int = 50  # a user's file this big slows the upload
    name_max_chars: int = 100
    previous_request_max_chars: int = 64


RULES = Rules()

TOPICS: dict[str, str] = {  # the desk's three queues, in its order
    "licensing": "Оплата и лицензирование",
    "errors": "Возможности, технические вопросы и ошибки",
    "cooperation": "Сотрудничество",
}
SYMPTOMS: dict[str, str] = {  # the guideline's examples of situations that need the database
    "slow": "программа работает медленно",
    "item_not_found": "не удаётся найти товар в каталоге",
    "sales_journal_error": "при просмотре журнала продаж за какой-то день возникает ошибка",
    "wrong_profit": "прибыль считается некорректно",
}
DATA_SYMPTOMS = frozenset(SYMPTOMS)  # all four are "situations with data" → database backup

AUDIO_EXTENSIONS = frozenset({
    ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".aac", ".wav", ".wave", ".wma", ".amr", ".awb",
    ".flac", ".3ga", ".mka", ".spx", ".caf", ".aif", ".aiff", ".aifc", ".weba", ".mp2", ".m4b",
    ".ac3", ".ape", ".wv", ".mid", ".midi", ".gsm", ".vox", ".dss", ".ra",
})
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".heic", ".heif",
                              ".tif", ".tiff"})
RECEIPT_EXTENSIONS = IMAGE_EXTENSIONS | {".pdf"}

# Answers that answer nothing (rule 11): compared after lower-casing and dropping punctuation.
YES_ONLY = frozenset({
    "да", "нет", "ага", "угу", "ок", "ok", "окей", "okay", "yes", "no", "+", "-", "конечно",
    "верно", "точно", "так", "понятно", "хорошо", "ясно", "спасибо", "да да", "да конечно",
    "нет не", "не знаю", "всё так", "все так", "да все так", "да всё так", "так и есть",
})

# Which queue a question belongs to (rule 10). Patterns on lower-cased text.
TOPIC_HINTS: dict[str, tuple[str, ...]] = {
    "licensing": (r"\bлиценз", r"\bоплат\w* (лицензи|подписк|программ|тариф|сч[её]т)",
                  r"\bсч[её]т\w* на оплату", r"\bчек\w* об оплате", r"\bключ\w* активации",
                  r"\bактиваци\w* (программ|лицензи)", r"\bпродл\w* (лицензи|подписк|срок)",
                  r"\bподписк", r"\bтариф", r"\bстоимост\w* (программ|лицензи|подписк)",
                  r"\bкак (оплатить|купить)", r"\bкупить (лицензи|программ)",
                  r"\bвозврат\w* (денег|средств|оплаты)", r"\bсрок\w* (действия )?лицензи"),
    "cooperation": (r"\bпартн[её]р", r"\bсотрудничеств", r"\bдилер", r"\bагентск",
                    r"\bреселлер", r"\bинтеграци[яи] с вашим", r"\bкоммерческое предложение"),
    "errors": (r"\bошибк", r"\bне работает", r"\bне запускается", r"\bзависа", r"\bвылета",
               r"\bне печата", r"\bне открывается", r"\bтормозит", r"\bмедленно", r"\bсбой",
               r"\bкасс[аеу]\b", r"\bфискальн", r"\bсканер", r"\bне видит", r"\bне проходит"),
}
# Situations with data (rule 7) named in the user's own words.
SYMPTOM_HINTS: dict[str, tuple[str, ...]] = {
    "slow": (r"\bмедленн", r"\bтормоз", r"\bдолго (грузит|открыва|думает|запуска)",
             r"\bподвиса", r"\bзависа"),
    "item_not_found": (r"не (могу|удаётся|удается|получается) найти товар",
                       r"товар[а]? не (находится|ищется|найден)", r"\bне нахо\w* товар",
                       r"\bпропал\w* товар", r"\bнет товара в каталоге"),
    "sales_journal_error": (r"журнал\w* продаж", r"\bжурнал\w* чеков"),
    "wrong_profit": (r"\bприбыл.{0,40}(неверн|неправильн|некорректн|ошибочн|не сход|не так)",
                     r"\b(неверн|неправильн|некорректн)\w* (счита\w* )?прибыл"),
}
PAYMENT_HINT = re.compile(r"\bоплат|\bоплач|\bплат[её]ж|\bчек\b|\bсч[её]т\b|\bперев[её]л",
                          re.IGNORECASE)
# "У меня самая последняя версия, обновился вчера" — the guideline's bad example (rule 2).
VERSION_CLAIM = re.compile(r"последн\w* верси|актуальн\w* верси|обновил(ся|ась|и)?\b|"
                           r"свеж\w* верси|нов\w* верси", re.IGNORECASE)
VERSION_NUMBER = re.compile(r"\b\d+\.\d+\.\d+\.\d+\b")
COMMON_MAIL_DOMAINS = ("mail.ru", "yandex.ru", "ya.ru", "gmail.com", "bk.ru", "inbox.ru",
                       "list.ru", "rambler.ru", "internet.ru", "yandex.com", "outlook.com",
                       "hotmail.com", "icloud.com", "yahoo.com", "ukr.net", "mail.com",
                       "yandex.kz", "yandex.by", "protonmail.com", "me.com")
KNOWLEDGE_BASE = "gbsmarket.ru"  # the desk's site; the exact knowledge-base page is unverified

# =================================================================================================
# Model
# =================================================================================================

FORM_KEYS = ("topic", "problem_date", "questions", "previous_request", "symptoms", "contact",
             "attachments", "include_database")
CONTACT_KEYS = ("name", "email", "phone", "telegram")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str  # Russian, built with collector.i18n._
    severity: str  # "error" | "warning" | "info"
    code: str = ""  # stable id of the rule, e.g. "attachments.audio" (GUI, tests)

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "message": str(self.message), "severity": self.severity,
                "code": self.code}


class FormError(CollectorError):
    """FORM.json cannot be read; ``problems`` says every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        text = "\n".join(f"{p.field}: {p.message}" for p in problems)
        super().__init__(_("Файл формы обращения содержит ошибки:\n{problems}", problems=text))
        self.problems = problems


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    telegram: str = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.email, self.phone, self.telegram))

    def to_json(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in CONTACT_KEYS}


@dataclass
class RequestForm:
    topic: str = ""  # licensing | errors | cooperation
    problem_date: date | None = None
    questions: list[str] = field(default_factory=list)
    previous_request: str = ""
    symptoms: list[str] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    attachments: list[str] = field(default_factory=list)
    # None: the user has not decided; follow recommend_database(). Written as a bool in FORM.json.
    include_database: bool | None = None

    @property
    def is_follow_up(self) -> bool:
        return bool(self.previous_request.strip())

    def question_items(self) -> list[tuple[int, str]]:
        """(index in ``questions``, cleaned text) of every non-blank question."""
        return [(i, clean_question(q)) for i, q in enumerate(self.questions)
                if clean_question(q)]

    def is_blank(self) -> bool:
        """Nothing typed or chosen yet (an untouched form is no draft worth offering back)."""
        return not (self.topic or self.problem_date or self.question_items()
                    or self.previous_request.strip() or self.symptoms
                    or any(getattr(self.contact, k).strip() for k in CONTACT_KEYS)
                    or self.attachments or self.include_database is not None)

    # --- FORM.json ------------------------------------------------------------------------------
    def to_json(self, *, keep_undecided: bool = False) -> dict[str, Any]:
        """The FORM.json object (contract in DESIGN.md). ``keep_undecided`` writes a ``null``
        ``include_database`` as such (drafts), instead of the recommendation."""
        include = self.include_database
        if include is None and not keep_undecided:
            include = recommend_database(self)
        return {
            "topic": self.topic,
            "problem_date": self.problem_date.isoformat() if self.problem_date else "",
            "questions": list(self.questions),
            "previous_request": self.previous_request,
            "symptoms": list(self.symptoms),
            "contact": self.contact.to_json(),
            "attachments": list(self.attachments),
            "include_database": include,
        }

    @classmethod
    def from_json(cls, data: Any) -> RequestForm:
        """Read a FORM.json object. :class:`FormError` lists every structural problem."""
        form, problems = parse_form(data)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise FormError(errors)
        return form

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RequestForm:
        return cls.from_json(read_form_file(path))


def read_form_file(path: str | os.PathLike[str]) -> Any:
    """The JSON inside a FORM.json file; a missing, unreadable or non-JSON file is a
    :class:`CollectorError` in Russian (the structure is checked by :func:`parse_form`)."""
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise CollectorError(_("Файл формы {path} не найден.", path=path)) from exc
    except OSError as exc:
        raise CollectorError(_("Не удалось прочитать {path}: {error}", path=path,
                               error=exc.strerror or exc)) from exc
    except ValueError as exc:
        raise CollectorError(_("Файл {path} — не JSON: {error}", path=path,
                               error=exc)) from exc


def parse_form(data: Any) -> tuple[RequestForm, list[Problem]]:
    """Lenient reading of a FORM.json object: the form, and what was wrong with the object.

    Wrong types and unreadable dates are errors; unknown keys are warnings (a typo would otherwise
    lose what the user wrote silently). ``questions`` may also be one text (numbered items are
    split), ``problem_date`` ``ДД.ММ.ГГГГ`` as well as ISO.
    """
    problems: list[Problem] = []
    form = RequestForm()
    if not isinstance(data, dict):
        return form, [Problem("", _("Форма обращения должна быть объектом JSON."), "error",
                              "form.not_object")]

    def text(key: str, value: Any, where: str) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        problems.append(Problem(where, _("Поле {key} должно быть строкой.", key=key), "error",
                                "form.type"))
        return ""

    def text_list(key: str, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            return split_questions(value) if key == "questions" else [value] if value else []
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        problems.append(Problem(key, _("Поле {key} должно быть списком строк.", key=key),
                                "error", "form.type"))
        return []

    for key in data:
        if key not in FORM_KEYS:
            problems.append(Problem(str(key), _("Неизвестное поле «{key}» — его содержимое не "
                                                "попадёт в обращение.", key=key), "warning",
                                    "form.unknown_key"))
    form.topic = text("topic", data.get("topic"), "topic").strip()
    raw_date = text("problem_date", data.get("problem_date"), "problem_date").strip()
    if raw_date:
        form.problem_date = parse_date(raw_date)
        if form.problem_date is None:
            problems.append(Problem("problem_date", _("Дата «{value}» не распознана: нужна дата "
                                                      "вида ГГГГ-ММ-ДД.", value=raw_date),
                                    "error", "problem_date.invalid"))
    form.questions = text_list("questions", data.get("questions"))
    form.previous_request = text("previous_request", data.get("previous_request"),
                                 "previous_request")
    form.symptoms = text_list("symptoms", data.get("symptoms"))
    form.attachments = text_list("attachments", data.get("attachments"))
    contact = data.get("contact")
    if contact is None:
        contact = {}
    if not isinstance(contact, dict):
        problems.append(Problem("contact", _("Поле contact должно быть объектом."), "error",
                                "form.type"))
        contact = {}
    for key in contact:
        if key not in CONTACT_KEYS:
            problems.append(Problem(f"contact.{key}", _("Неизвестное поле контакта «{key}».",
                                                         key=key), "warning",
                                    "form.unknown_key"))
    form.contact = Contact(**{k: text(k, contact.get(k), f"contact.{k}") for k in CONTACT_KEYS})
    include = data.get("include_database")
    if include is None or isinstance(include, bool):
        form.include_database = include
    else:
        problems.append(Problem("include_database", _("Поле include_database должно быть true "
                                                      "или false."), "error", "form.type"))
    return form, problems


def parse_date(text: str) -> date | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


# =================================================================================================
# Questions: cleaning, splitting
# =================================================================================================
_NUMBERING = re.compile(r"^\s*(?:№\s*)?(\d{1,2})\s*[.)]\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u2060\ufeff]")


def clean_text(text: str) -> str:
    """Plain text that pastes well: LF line breaks, no tabs or control characters, no trailing
    spaces, at most one blank line in a row, no leading or trailing blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def clean_question(text: str) -> str:
    """A question's text without the user's own "1." (the request numbers questions itself) and
    without indentation (the request indents continuation lines itself)."""
    text = clean_text("\n".join(line.strip() for line in (text or "").splitlines()))
    return _NUMBERING.sub("", text, count=1) if _NUMBERING.match(text) else text


def split_questions(text: str) -> list[str]:
    """Split pasted text into questions where the user numbered them (1. … 2) …).

    Only a run numbered 1, 2, 3… splits: "в 10. часов" inside a sentence must not. Without such
    numbering the whole text is one question.
    """
    text = clean_text(text or "")
    lines = text.split("\n")
    starts = []
    expected = 1
    for i, line in enumerate(lines):
        m = _NUMBERING.match(line)
        if m and int(m.group(1)) == expected:
            starts.append(i)
            expected += 1
    if len(starts) < 2:
        return [text] if text else []
    items = []
    # A preamble before "1." belongs to the first question.
    head = "\n".join(lines[: starts[0]]).strip() if starts[0] > 0 else ""
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = clean_text(_NUMBERING.sub("", "\n".join(lines[start:end]), count=1))
        if n == 0 and head:
            body = head + "\n" + body
        items.append(body)
    return [i for i in items if i]


def _several_questions(text: str) -> bool:
    if len(split_questions(text)) > 1:
        return True
    asking = [ln for ln in text.split("\n") if ln.strip().endswith("?")]
    return len(asking) >= 2


def _is_yes_only(text: str) -> bool:
    words = re.sub(r"[^\w+\-\s]", " ", text.lower()).split()
    return bool(words) and " ".join(words) in YES_ONLY


def guess_topics(text: str) -> set[str]:
    low = text.lower()
    return {t for t, pats in TOPIC_HINTS.items() if any(re.search(p, low) for p in pats)}


def suggest_symptoms(form: RequestForm) -> list[str]:
    """Data symptoms the questions describe in words but the form does not mark."""
    low = "\n".join(q for _i, q in form.question_items()).lower()
    return [s for s, pats in SYMPTOM_HINTS.items()
            if s not in form.symptoms and any(re.search(p, low) for p in pats)]


# =================================================================================================
# Contacts
# =================================================================================================
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


# =================================================================================================
# Context: what the tool knows besides the form
# =================================================================================================
@dataclass
class SentRequest:
    """A request sent earlier from this PC (kept by drafts.DraftStore) — for rule 3."""

    sent_at: datetime
    topic: str
    code: str = ""  # request code / number the user quotes
    summary: str = ""  # first words of the first question

    def to_json(self) -> dict[str, str]:
        return {"sent_at": self.sent_at.isoformat(), "topic": self.topic, "code": self.code,
                "summary": self.summary}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SentRequest:
        return cls(datetime.fromisoformat(data["sent_at"]), str(data.get("topic", "")),
                   str(data.get("code", "")), str(data.get("summary", "")))


@dataclass
class RequestContext:
    product: str | None = None  # "GBS.Market 6"
    version: str | None = None  # exact, from Market.exe: "6.6.12.2634"
    update_state: str = "unknown"  # current | outdated | newer | unknown (updates.UpdateStatus)
    latest_version: str | None = None
    update_reason: str = ""  # why the update check could not answer (updates.UpdateStatus)
    update_checked: bool = False  # a check was made (else nothing is said about updates)
    gbs_id: str | None = None
    attached: list[str] = field(default_factory=list)  # lines: what the bundle carries
    today: date = field(default_factory=date.today)
    log_days: set[date] | None = None  # days with a log folder; None: unknown
    recent_requests: list[SentRequest] = field(default_factory=list)
    database_networked: bool = False  # this PC is a network client: the database is elsewhere
    check_files: bool = True  # look at attachments on disk (existence, size, audio signature)
    now: datetime | None = None  # for "sent N hours ago"; default datetime.now()

    @classmethod
    def from_installation(
        cls, inst: Any | None, *, update: Any | None = None, gbs_id: str | None = None,
        attached: Iterable[str] = (), today: date | None = None,
        recent_requests: Iterable[SentRequest] = (),
    ) -> RequestContext:
        """Everything known from ``installation.Installation`` and ``updates.UpdateStatus``."""
        log_days = None
        if inst is not None:
            from collector.logs import day_folders

            log_days = set(day_folders(inst.logs_dir)) if inst.logs_dir.is_dir() else set()
        db = getattr(inst, "database", None)
        return cls(
            product=getattr(inst, "product", None),
            version=getattr(inst, "version", None),
            update_state=getattr(update, "state", "unknown") or "unknown",
            latest_version=getattr(update, "latest", None),
            update_reason=getattr(update, "reason", "") or "",
            update_checked=update is not None,
            gbs_id=gbs_id,
            attached=list(attached),
            today=today or date.today(),
            log_days=log_days,
            recent_requests=list(recent_requests),
            database_networked=bool(db is not None and db.networked),
        )


# =================================================================================================
# The rules
# =================================================================================================
def recommend_database(form: RequestForm) -> bool:
    """Rule 7: a situation with data (any of :data:`SYMPTOMS`) → send the database backup."""
    return any(s in DATA_SYMPTOMS for s in form.symptoms)


def database_reason(form: RequestForm) -> str | None:
    """Why the database is recommended (Russian), or None."""
    named = [SYMPTOMS[s] for s in form.symptoms if s in DATA_SYMPTOMS]
    if not named:
        return None
    return _("Ситуация связана с данными ({what}): поддержке может понадобиться база данных, "
             "чтобы воспроизвести её у себя.", what="; ".join(named))


def effective_include_database(form: RequestForm) -> bool:
    return recommend_database(form) if form.include_database is None else form.include_database


def validate(form: RequestForm, ctx: RequestContext | None = None) -> list[Problem]:
    """Every problem of the form at once (errors and warnings), each bound to its field."""
    ctx = ctx or RequestContext()
    out: list[Problem] = []
    _check_topic(form, out)
    _check_version(ctx, out)
    _check_gbs_id(form, ctx, out)
    _check_date(form, ctx, out)
    _check_questions(form, out)
    _check_symptoms(form, ctx, out)
    _check_previous(form, ctx, out)
    _check_contact(form, out)
    _check_attachments(form, ctx, out)
    return out


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _p(out: list[Problem], fld: str, severity: str, code: str, message: str) -> None:
    out.append(Problem(fld, message, severity, code))


def _topic_list() -> str:
    return "; ".join(f"«{t}»" for t in TOPICS.values())


def _check_topic(form: RequestForm, out: list[Problem]) -> None:
    if not form.topic:
        _p(out, "topic", "error", "topic.missing",
           _("Выберите тему обращения: {topics}. В одном обращении — одна тема: технические "
             "специалисты не решают вопросы оплаты или партнёрства.", topics=_topic_list()))
    elif form.topic not in TOPICS:
        _p(out, "topic", "error", "topic.unknown",
           _("Неизвестная тема «{topic}». Допустимы: {topics}.", topic=form.topic,
             topics=", ".join(TOPICS)))


def _check_version(ctx: RequestContext, out: list[Problem]) -> None:
    if not ctx.version:
        _p(out, "version", "warning", "version.unknown",
           _("Точную версию программы определить не удалось. Посмотрите её в GBS.Market: "
             "Справка → О программе — и напишите в вопросе, например: «У меня версия "
             "6.3.0.1693»."))
    elif ctx.update_state == "outdated":
        latest = _(", последняя — {latest}", latest=ctx.latest_version) \
            if ctx.latest_version else ""
        _p(out, "version", "warning", "version.outdated",
           _("Версия {version} устарела{latest}. Поддержка просит сначала обновить программу "
             "по инструкции: от версии к версии программа меняется, и проблема может быть уже "
             "исправлена. Отправить обращение можно и сейчас.", version=ctx.version,
             latest=latest))


def _check_gbs_id(form: RequestForm, ctx: RequestContext, out: list[Problem]) -> None:
    if ctx.gbs_id and normalize_gbs_id(ctx.gbs_id) is None:
        _p(out, "gbs_id", "error", "gbs_id.invalid",
           _("GBS.ID «{value}» неверный. Скопируйте его из GBS.Market (Справка → О программе).",
             value=ctx.gbs_id))
        return
    if ctx.gbs_id:
        return
    if form.topic == "licensing":
        _p(out, "gbs_id", "error", "gbs_id.missing",
           _("Для вопроса о лицензии нужен GBS.ID. Скопируйте его в GBS.Market: Справка → "
             "О программе, кнопка копирования рядом с ID — сборщик подхватит его сам. Вручную "
             "ID не переписывайте."))
    elif form.topic == "errors":
        _p(out, "gbs_id", "warning", "gbs_id.missing",
           _("GBS.ID не найден. Он поможет поддержке быстрее найти вашу лицензию: скопируйте "
             "его в GBS.Market (Справка → О программе)."))


def _check_date(form: RequestForm, ctx: RequestContext, out: list[Problem]) -> None:
    d = form.problem_date
    if d is None:
        if form.topic == "errors":
            _p(out, "problem_date", "error", "problem_date.missing",
               _("Укажите дату, когда появилась ошибка: поддержке нужны журналы работы "
                 "программы (логи) именно за этот день."))
        return
    if d > ctx.today:
        _p(out, "problem_date", "error", "problem_date.future",
           _("Дата {date} ещё не наступила. Укажите день, когда появилась ошибка.",
             date=_ru_date(d)))
        return
    if form.topic != "errors":
        return
    if ctx.log_days is not None and d not in ctx.log_days:
        near = sorted(ctx.log_days, key=lambda x: (abs((x - d).days), x))[:3]
        if near:
            hint = _(" Журналы есть, например, за {days}.",
                     days=", ".join(_ru_date(x) for x in sorted(near)))
        else:
            hint = _(" Журналов программы на этом компьютере нет совсем.")
        _p(out, "problem_date", "warning", "problem_date.no_logs",
           _("За {date} журналов работы программы нет — поддержке нечего будет посмотреть. "
             "Проверьте дату: нужен день, когда появилась ошибка.{hint}", date=_ru_date(d),
             hint=hint))
    elif ctx.log_days is None and (ctx.today - d).days > RULES.log_retention_days:
        _p(out, "problem_date", "warning", "problem_date.old",
           _("С {date} прошло больше {days} дней: журналы за тот день могли уже удалиться.",
             date=_ru_date(d), days=RULES.log_retention_days))


def _check_questions(form: RequestForm, out: list[Problem]) -> None:
    items = form.question_items()
    if not items:
        _p(out, "questions", "error", "questions.missing",
           _("Напишите вопрос: что случилось, что вы делали и что ожидали увидеть."))
        return
    if len(items) > RULES.max_questions:
        _p(out, "questions", "warning", "questions.too_many",
           _("В обращении {n} вопросов. Если вопросы большие, пришлите их отдельными "
             "обращениями — так на каждый ответят быстрее и подробнее.", n=len(items)))
    several = len(items) > 1
    total = sum(len(q) for _i, q in items)
    if several and total > RULES.max_total_chars:
        _p(out, "questions", "warning", "questions.total_long",
           _("Вопросы вместе занимают {n} знаков. Если каждый вопрос достаточно большой, "
             "пришлите их отдельными обращениями.", n=total))
    seen: dict[str, int] = {}
    topic_name = TOPICS.get(form.topic)
    for number, (i, q) in enumerate(items, start=1):
        fld = f"questions[{i}]"
        key = re.sub(r"\W+", " ", q.lower()).strip()
        if key in seen:
            _p(out, fld, "warning", "questions.duplicate",
               _("Вопрос {n} повторяет вопрос {m}.", n=number, m=seen[key]))
            continue
        seen[key] = number
        if _is_yes_only(q):
            if form.is_follow_up:
                msg = _("Ответ «{text}» не помогает разобраться. Пожалуйста, ответьте на все "
                        "вопросы поддержки полностью, например: «Оплату произвёл 01-05-2022 в "
                        "10:00. Чек во вложении. Сейчас пишет, что срок истёк».", text=q)
            else:
                msg = _("«{text}» — это не вопрос. Опишите, что случилось, что вы делали и "
                        "что ожидали увидеть.", text=q)
            _p(out, fld, "warning", "questions.yes_only", msg)
            continue
        if len(q) < RULES.min_question_chars:
            _p(out, fld, "warning", "questions.too_short",
               _("Вопрос {n} очень короткий. Опишите подробнее: что делали, что ожидали и что "
                 "получилось.", n=number))
        if several and len(q) > RULES.long_question_chars:
            _p(out, fld, "warning", "questions.long",
               _("Вопрос {n} большой ({chars} знаков). Большие вопросы лучше присылать "
                 "отдельными обращениями.", n=number, chars=len(q)))
        if _several_questions(clean_text(form.questions[i])):
            _p(out, fld, "warning", "questions.several_in_one",
               _("Похоже, в пункте {n} несколько вопросов. Разделите их на отдельные пункты — "
                 "поддержка ответит на каждый.", n=number))
        guessed = guess_topics(q)
        if topic_name and form.topic not in guessed:
            # Only a question that reads as another queue's *and not this one's*: "лицензия
            # не активируется, ошибка" is licensing and technical at once, and rightly so.
            for other in sorted(guessed):
                _p(out, fld, "warning", "questions.other_topic",
                   _("Вопрос {n} похож на тему «{other}», а обращение — на тему «{topic}». "
                     "Вопросы разных тем лучше отправлять отдельными обращениями: например, "
                     "технические специалисты не решают вопросы оплаты или партнёрства.",
                     n=number, other=TOPICS[other], topic=topic_name))


def _check_symptoms(form: RequestForm, ctx: RequestContext, out: list[Problem]) -> None:
    for s in form.symptoms:
        if s not in SYMPTOMS:
            _p(out, "symptoms", "error", "symptoms.unknown",
               _("Неизвестный признак «{value}». Допустимы: {allowed}.", value=s,
                 allowed=", ".join(SYMPTOMS)))
    if form.symptoms and form.topic in TOPICS and form.topic != "errors":
        _p(out, "symptoms", "warning", "symptoms.topic",
           _("Отмеченные признаки относятся к теме «{errors}». Если вопрос о них — отправьте "
             "его отдельным обращением с этой темой.", errors=TOPICS["errors"]))
    include = effective_include_database(form)
    if recommend_database(form) and not include:
        _p(out, "include_database", "warning", "include_database.recommended",
           _("Ситуация связана с данными ({what}): поддержке может понадобиться база данных, "
             "чтобы воспроизвести её у себя. Рекомендуем приложить резервную копию базы.",
             what="; ".join(SYMPTOMS[s] for s in form.symptoms if s in DATA_SYMPTOMS)))
    if include and ctx.database_networked:
        _p(out, "include_database", "warning", "include_database.networked",
           _("Этот компьютер подключён к базе данных на другом компьютере. Чтобы приложить "
             "базу, запустите сборщик на компьютере, где она находится."))


def _check_previous(form: RequestForm, ctx: RequestContext, out: list[Problem]) -> None:
    if form.is_follow_up and normalize_previous_request(form.previous_request) is None:
        _p(out, "previous_request", "error", "previous_request.invalid",
           _("Номер предыдущего обращения — это номер или код из ответа поддержки (например, "
             "12345), без пробелов и пояснений."))
    if form.is_follow_up or form.topic not in TOPICS:
        return
    now = (ctx.now or datetime.now()).astimezone()  # naive times are local, as on the PC
    window = timedelta(hours=RULES.duplicate_window_hours)
    recent = [r for r in ctx.recent_requests
              if r.topic == form.topic and timedelta(0) <= now - r.sent_at.astimezone() <= window]
    if recent:
        last = max(recent, key=lambda r: r.sent_at)
        code = _(" (код {code})", code=last.code) if last.code else ""
        _p(out, "previous_request", "warning", "previous_request.duplicate",
           _("Вы уже отправляли обращение на эту тему {when}{code}. Дублирование обращений не "
             "ускорит ответ, а только запутает. Если ответа долго нет — позвоните в поддержку "
             "или напишите ещё раз, указав номер предыдущего обращения.",
             when=last.sent_at.astimezone().strftime("%d.%m.%Y в %H:%M"), code=code))


def _check_contact(form: RequestForm, out: list[Problem]) -> None:
    c = form.contact
    if c.is_empty():
        _p(out, "contact", "error", "contact.missing",
           _("Укажите, куда ответить: e-mail, телефон или Telegram."))
    if c.email.strip():
        problem = email_problem(c.email)
        if problem:
            _p(out, "contact.email", "error", "contact.email_invalid", problem)
        else:
            typo = email_typo(normalize_email(c.email) or "")
            if typo:
                _p(out, "contact.email", "warning", "contact.email_typo",
                   _("Проверьте адрес: может быть, {suggestion}?", suggestion=typo))
    if c.phone.strip():
        problem = phone_problem(c.phone)
        if problem:
            _p(out, "contact.phone", "error", "contact.phone_invalid", problem)
    if c.telegram.strip():
        problem = telegram_problem(c.telegram)
        if problem:
            _p(out, "contact.telegram", "error", "contact.telegram_invalid", problem)
        elif not (normalize_telegram(c.telegram) or "").startswith("@"):
            _p(out, "contact.telegram", "warning", "contact.telegram_phone",
               _("По номеру телефона в Telegram найти можно не всегда (зависит от настроек "
                 "приватности). Укажите имя пользователя вида @gbs_shop, если оно есть."))
    if len(c.name.strip()) > RULES.name_max_chars:
        _p(out, "contact.name", "warning", "contact.name_long",
           _("Имя слишком длинное: достаточно имени и, если нужно, названия магазина."))


def _check_attachments(form: RequestForm, ctx: RequestContext, out: list[Problem]) -> None:
    seen: set[str] = set()
    for i, raw in enumerate(form.attachments):
        fld = f"attachments[{i}]"
        name = attachment_name(raw)
        key = os.path.normcase(raw.strip())
        if not raw.strip():
            continue
        if key in seen:
            _p(out, fld, "warning", "attachments.duplicate",
               _("Файл «{name}» приложен дважды.", name=name))
            continue
        seen.add(key)
        path = Path(raw)
        if is_audio(path, check_content=ctx.check_files):
            _p(out, fld, "error", "attachments.audio",
               _("«{name}» — звукозапись. Голосовые сообщения поддержка не принимает: не все "
                 "сотрудники могут прослушать запись так, чтобы её не слышали посторонние, а если "
                 "к обращению подключаются коллеги, слушать её придётся каждому — ответ "
                 "задержится. Изложите вопрос письменно, а если нужно поговорить голосом — "
                 "позвоните в поддержку.", name=name))
            continue
        if not ctx.check_files:
            continue
        try:
            if path.is_dir():
                _p(out, fld, "error", "attachments.folder",
                   _("«{name}» — папка, а не файл. Приложите нужные файлы по одному.",
                     name=name))
                continue
            size = path.stat().st_size
        except FileNotFoundError:
            _p(out, fld, "error", "attachments.missing",
               _("Файл «{path}» не найден — возможно, его переместили или удалили.",
                 path=raw))
            continue
        except OSError as exc:
            _p(out, fld, "error", "attachments.unreadable",
               _("Файл «{path}» недоступен: {error}", path=raw, error=exc.strerror or exc))
            continue
        if size > RULES.attachment_warn_mb * 1024 * 1024:
            _p(out, fld, "warning", "attachments.large",
               _("Файл «{name}» большой ({mb} МБ): отправка займёт время. Если это видео, "
                 "достаточно короткого фрагмента.", name=name, mb=size // (1024 * 1024)))


def attachment_name(raw: str) -> str:
    """The file name of a path written Windows- or POSIX-style."""
    raw = raw.strip()
    return PureWindowsPath(raw).name if "\\" in raw else PurePosixPath(raw).name or raw


# Signatures of audio formats, for voice notes renamed or saved without an extension.
def _audio_signature(head: bytes) -> bool:
    if head.startswith(b"OggS"):
        return b"OpusHead" in head or b"\x01vorbis" in head or b"Speex" in head or b"FLAC" in head
    if head.startswith((b"ID3", b"#!AMR", b"fLaC", b"MThd", b".snd", b"caff")):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return True
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return True
    if head[4:8] == b"ftyp" and head[8:12] in (b"M4A ", b"M4B ", b"M4P "):
        return True
    # MPEG audio frame sync (MP3 without an ID3 tag), layer III, not a reserved bitrate.
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE6) == 0xE2


def is_audio(path: Path, *, check_content: bool = True) -> bool:
    """A sound recording (voice note): by extension, or by content when the file is readable."""
    if path.suffix.lower() in AUDIO_EXTENSIONS:
        return True
    if not check_content or path.suffix.lower() in IMAGE_EXTENSIONS | {".pdf", ".txt"}:
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return _audio_signature(head)


# =================================================================================================
# Advice (severity "info")
# =================================================================================================
def advise(form: RequestForm, ctx: RequestContext | None = None) -> list[Problem]:
    """Tips from the guideline that are not faults of the form."""
    ctx = ctx or RequestContext()
    out: list[Problem] = []
    _p(out, "", "info", "kb.search",
       _("Перед обращением поищите ответ в базе знаний на сайте {site}: часто так быстрее.",
         site=KNOWLEDGE_BASE))
    items = form.question_items()
    text = "\n".join(q for _i, q in items)
    for i, q in items:
        if VERSION_CLAIM.search(q) and not VERSION_NUMBER.search(q):
            version = ctx.version or _("(версия не определена)")
            _p(out, f"questions[{i}]", "info", "version.claim",
               _("Писать «у меня последняя версия» не нужно: точная версия программы ({version}) "
                 "будет указана в обращении автоматически.", version=version))
            break
    for s in suggest_symptoms(form):
        _p(out, "symptoms", "info", "symptoms.suggest",
           _("Похоже, «{label}». Отметьте этот признак — к обращению приложится резервная копия "
             "базы данных, чтобы поддержка смогла воспроизвести ситуацию.", label=SYMPTOMS[s]))
    has_receipt = any(Path(a).suffix.lower() in RECEIPT_EXTENSIONS for a in form.attachments)
    if form.topic == "licensing" and PAYMENT_HINT.search(text) and not has_receipt:
        _p(out, "attachments", "info", "payment.receipt",
           _("Вопрос об оплате: приложите чек об оплате и напишите, когда оплачивали (дату и "
             "время)."))
    if form.topic == "licensing" and any(Path(a).suffix.lower() in IMAGE_EXTENSIONS
                                         for a in form.attachments):
        _p(out, "attachments", "info", "licensing.photo",
           _("GBS.ID и QR-код уже добавляются к обращению автоматически (gbs_id.txt и "
             "gbs_id_qr.png). Если на приложенном фото GBS.ID — фото только с ID, без QR-кода, "
             "поддержка не обрабатывает."))
    if form.is_follow_up:
        _p(out, "questions", "info", "follow_up.answers",
           _("Ответьте на все вопросы поддержки из её последнего сообщения — каждый отдельным "
             "пунктом и полностью."))
    _p(out, "", "info", "channels.single",
       _("Отправляйте обращение одним способом: дублирование по почте, в мессенджерах и "
         "соцсетях не ускорит ответ. Пишите в официальные каналы поддержки, а не в личные "
         "сообщения сотрудникам: такие обращения не считаются официальными, и ответ на них не "
         "гарантирован."))
    return out


# =================================================================================================
# request.txt
# =================================================================================================
def _ru_date(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def _indent_body(number: int, text: str) -> list[str]:
    head = f"{number}. "
    lines = text.split("\n")
    return [head + lines[0]] + [(" " * len(head) + ln) if ln else "" for ln in lines[1:]]


def render_request_text(form: RequestForm, ctx: RequestContext | None = None) -> str:
    """The request as a support person reads it, in the desk's order: topic, version, GBS.ID,
    date, numbered questions, previous request number, contacts, what is attached.

    Plain text (no tabs, no markup), LF line breaks, ready to paste into an e-mail.
    """
    ctx = ctx or RequestContext()
    lines: list[str] = [str(_("Обращение в службу поддержки GBS.Market")), ""]
    lines.append(_("Тема: {topic}", topic=TOPICS.get(form.topic, form.topic or _("не указана"))))
    if ctx.version:
        product = f" ({ctx.product})" if ctx.product else ""
        version = f"{ctx.version}{product}"
        if ctx.update_state == "outdated":
            version += _(" — устарела, последняя {latest}", latest=ctx.latest_version) \
                if ctx.latest_version else _(" — устарела")
        elif ctx.update_checked and ctx.update_state == "current":
            version += _(" — последняя")
        elif ctx.update_checked and ctx.update_state == "unknown":
            version += _(" — проверить обновления не удалось ({reason})",
                         reason=ctx.update_reason or _("причина неизвестна"))
    else:
        version = _("не определена")
    lines.append(_("Версия программы: {version}", version=version))
    gbs_id = normalize_gbs_id(ctx.gbs_id or "")
    lines.append(_("GBS.ID: {value}", value=gbs_id or _("не найден")))
    if form.problem_date:
        lines.append(_("Дата проблемы: {date}", date=_ru_date(form.problem_date)))
    elif form.topic == "errors":
        lines.append(_("Дата проблемы: не указана"))
    lines.append("")
    items = form.question_items()
    lines.append(_("Вопросы:") if len(items) != 1 else _("Вопрос:"))
    for number, (_i, q) in enumerate(items, start=1):
        lines += _indent_body(number, q)
    if not items:
        lines.append(_("(вопрос не написан)"))
    named = [SYMPTOMS[s] for s in form.symptoms if s in SYMPTOMS]
    if named:
        lines.append("")
        lines.append(_("Что наблюдается: {what}.", what="; ".join(named)))
    previous = normalize_previous_request(form.previous_request)
    if previous:
        lines.append("")
        lines.append(_("Номер предыдущего обращения: {number}", number=previous))
    lines.append("")
    lines.append(_("Контакты для ответа:"))
    c = normalized_contact(form.contact)
    contact_lines = []
    if c.name:
        contact_lines.append(_("Имя: {value}", value=c.name))
    if c.email:
        contact_lines.append(_("E-mail: {value}", value=c.email))
    if c.phone:
        contact_lines.append(_("Телефон: {value}", value=format_phone(c.phone)))
    if c.telegram:
        tg = format_phone(c.telegram) if c.telegram.startswith("+") else c.telegram
        contact_lines.append(_("Telegram: {value}", value=tg))
    lines += contact_lines or [_("не указаны")]
    lines.append("")
    lines.append(_("Приложено:"))
    attached = [clean_text(a).replace("\n", " ") for a in ctx.attached if a.strip()]
    lines += [f"- {a}" for a in attached] or [_("ничего")]
    return clean_text("\n".join(str(x) for x in lines)) + "\n"


def email_subject(form: RequestForm, ctx: RequestContext | None = None) -> str:
    """A subject line for the e-mail: topic, version, short id, the start of the first
    question."""
    ctx = ctx or RequestContext()
    parts = [TOPICS.get(form.topic, _("Обращение"))]
    if ctx.version:
        parts.append(f"GBS.Market {ctx.version}")
    gbs_id = normalize_gbs_id(ctx.gbs_id or "")
    if gbs_id:
        parts.append(f"GBS.ID {gbs_id[:10]}…")
    previous = normalize_previous_request(form.previous_request)
    if previous:
        parts.append(_("к обращению {number}", number=previous))
    items = form.question_items()
    if items:
        first = items[0][1].split("\n")[0]
        parts.append(first if len(first) <= 60 else first[:57].rstrip() + "…")
    return " | ".join(str(p) for p in parts)


def planned_attachments(form: RequestForm, ctx: RequestContext | None = None) -> list[str]:
    """What the bundle will carry for this form, before it exists (the GUI's preview and
    ``form render``). The pipeline passes the real list, :func:`describe_bundle_entries`."""
    ctx = ctx or RequestContext()
    lines = []
    if form.problem_date:
        lines.append(_("журналы работы программы за {day}", day=_ru_date(form.problem_date)))
    if effective_include_database(form) and not ctx.database_networked:
        lines.append(_("резервная копия базы данных"))
    if normalize_gbs_id(ctx.gbs_id or ""):
        lines.append(_("GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)"))
    lines.append(_("настройки программы (пароли и ключи заменены на ***)"))
    lines.append(_("сведения о компьютере (system.json)"))
    for raw in form.attachments:
        if raw.strip() and not is_audio(Path(raw), check_content=False):
            lines.append(_("файл пользователя: {name}", name=attachment_name(raw)))
    return [str(x) for x in lines]


def describe_bundle_entries(entries: Iterable[str]) -> list[str]:
    """Lines for "Приложено:" from the bundle's entry names (``logs/2026-11-20/trace.log``…).

    The request's own files (``request.*``, ``manifest.json``) are not listed.
    """
    days: dict[str, int] = {}
    crpt: set[str] = set()
    gbs_id = config = database = system = False
    user_files: list[str] = []
    for entry in entries:
        parts = PurePosixPath(entry.replace("\\", "/")).parts
        if not parts:
            continue
        top = parts[0]
        if top in ("request.txt", "request.json", "manifest.json"):
            continue
        if top in ("gbs_id.txt", "gbs_id_qr.png"):
            gbs_id = True
        elif top == "system.json":
            system = True
        elif top == "config":
            config = True
        elif top == "database":
            database = True
        elif top == "attachments" and len(parts) > 1:
            user_files.append(parts[-1])
        elif top == "logs" and len(parts) > 2:
            if "crpt" in parts[1:-1] or parts[1] == "crpt":
                crpt.add(PurePosixPath(parts[-1]).stem)
            else:
                days[parts[1]] = days.get(parts[1], 0) + 1
    lines = []
    for day, n in sorted(days.items()):
        d = parse_date(day)
        lines.append(_("журналы работы программы за {day} ({n} {files})",
                       day=_ru_date(d) if d else day, n=n,
                       files=plural_word(n, "файл", "файла", "файлов")))
    for day in sorted(crpt):
        d = parse_date(day)
        lines.append(_("журнал обмена с «Честным знаком» за {day}",
                       day=_ru_date(d) if d else day))
    if database:
        lines.append(_("резервная копия базы данных"))
    if gbs_id:
        lines.append(_("GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)"))
    if config:
        lines.append(_("настройки программы (пароли и ключи заменены на ***)"))
    if system:
        lines.append(_("сведения о компьютере (system.json)"))
    for name in user_files:
        lines.append(_("файл пользователя: {name}", name=name))
    return [str(x) for x in lines]
