"""The request form (``FORM.json``) and what the tool knows besides it.

The form's fields, their cleaning and lenient reading (every structural problem at once), the
desk's three queues and data situations, the thresholds the rules use, the context a request is
checked and written in (version, GBS.ID, log days, requests sent earlier from this PC).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from collector.errors import CollectorError
from collector.i18n import _
from collector.topics import TOPICS  # noqa: F401  (part of the request model)


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




# The questions of a fresh FORM.json (``form new``): instructions, caught by the rules when sent
# unchanged. One question per item, the day, what was expected: the desk's rules at work.
TEMPLATE_QUESTIONS: dict[str, list[str]] = {
    "errors": ["Опишите, что случилось: что вы делали, что ожидали увидеть и что увидели "
               "(текст ошибки, номер документа). Каждый вопрос — отдельным пунктом."],
    "licensing": ["Опишите вопрос по оплате или лицензии: когда оплачивали (дату и время), что "
                  "пишет программа сейчас. Чек об оплате приложите в attachments."],
    "cooperation": ["Опишите предложение о сотрудничестве: кто вы и что предлагаете."],
}
SYMPTOMS: dict[str, str] = {  # the guideline's examples of situations that need the database
    "slow": "программа работает медленно",
    "item_not_found": "не удаётся найти товар в каталоге",
    "sales_journal_error": "при просмотре журнала продаж за какой-то день возникает ошибка",
    "wrong_profit": "прибыль считается некорректно",
}


DATA_SYMPTOMS = frozenset(SYMPTOMS)  # all four are "situations with data" → database backup


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
    product: str | None = None  # "GBS.Market 6", "HiPos (партнёрская сборка GBS.Market)"
    program: str = "GBS.Market"  # what the program calls itself: "HiPos" (branding.product_name)
    version: str | None = None  # exact, from Market.exe: "6.6.12.2634"
    update_state: str = "unknown"  # current | outdated | newer | unknown (updates.UpdateStatus)
    latest_version: str | None = None
    update_reason: str = ""  # why the update check could not answer (updates.UpdateStatus)
    update_checked: bool = False  # a check was made (else nothing is said about updates)
    gbs_id: str | None = None
    attached: list[str] = field(default_factory=list)  # lines: what the bundle carries
    missing: list[str] = field(default_factory=list)  # lines: what could not be attached, why
    known: list[str] = field(default_factory=list)  # «Что известно»: facts found on the PC
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
        from collector.branding import product_name

        log_days = None
        if inst is not None:
            from collector.logs import day_folders

            log_days = set(day_folders(inst.logs_dir)) if inst.logs_dir.is_dir() else set()
        db = getattr(inst, "database", None)
        return cls(
            product=getattr(inst, "product", None),
            program=product_name(inst),
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


def recommend_database(form: RequestForm) -> bool:
    """Rule 7: a situation with data (any of :data:`SYMPTOMS`) → send the database backup."""
    return any(s in DATA_SYMPTOMS for s in form.symptoms)


def effective_include_database(form: RequestForm) -> bool:
    return recommend_database(form) if form.include_database is None else form.include_database
