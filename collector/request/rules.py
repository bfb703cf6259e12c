"""The support desk's rules (``docs/REQUEST_RULES.md``) as checks of a form.

``validate`` gives every problem at once (errors and warnings), each bound to a field;
``advise`` the guideline's tips that are not faults of the form.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath, PureWindowsPath

from collector.gbsid import normalize_gbs_id
from collector.humanize import ru_date
from collector.i18n import _
from collector.request.contacts import (
    email_problem,
    email_typo,
    normalize_email,
    normalize_previous_request,
    normalize_telegram,
    phone_problem,
    telegram_problem,
)
from collector.request.model import (
    DATA_SYMPTOMS,
    RULES,
    SYMPTOMS,
    TEMPLATE_QUESTIONS,
    TOPICS,
    Problem,
    RequestContext,
    RequestForm,
    clean_question,
    clean_text,
    effective_include_database,
    recommend_database,
    split_questions,
)

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


KNOWLEDGE_BASE = "gbsmarket.ru"  # the desk's site; the exact knowledge-base page is unverified


# A question: a run of words ending in "?" ("Почему?!" and "??" are one); at least two words,
# so "Что делать? Почему?" is one real question and an aside, but "Как продлить лицензию? И
# можно ли перенести её на другой компьютер?" is two.
_QUESTION = re.compile(r"[^?!.\n]*?\w[^?\n]*?\?[?!]*")


def _several_questions(text: str) -> bool:
    if len(split_questions(text)) > 1:
        return True
    asked = [q for q in _QUESTION.findall(text) if len(re.findall(r"\w+", q)) >= 2]
    return len(asked) >= 2


MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
          "октябр", "ноябр", "декабр")
_NAMED_DAY = re.compile(
    r"\b(?P<word>позавчера|вчера|сегодня)\b"
    r"|\b(?P<d>[0-3]?\d)\s+(?P<month>январ|феврал|марта?|апрел|ма[яй]|июн|июл|август|сентябр"
    r"|октябр|ноябр|декабр)[а-я]*(?:\s+(?P<y>20\d\d))?"
    r"|\b(?P<dd>[0-3]?\d)\.(?P<mm>[01]?\d)(?:\.(?P<yy>(?:20)?\d\d))?\b(?!\.\d)",
    re.IGNORECASE)


def named_days(text: str, today) -> list:
    """The days a question names: «вчера», «29 ноября», «17.11», «17.11.2026» (a day without a
    year is the last such day up to ``today``)."""
    from datetime import date

    out = []
    for m in _NAMED_DAY.finditer(text):
        word = (m.group("word") or "").lower()
        if word:
            out.append(today - timedelta(days={"сегодня": 0, "вчера": 1, "позавчера": 2}[word]))
            continue
        if m.group("d"):
            stem = m.group("month").lower()
            month = next(i for i, s in enumerate(MONTHS, start=1) if stem.startswith(s))
            day, year = int(m.group("d")), m.group("y")
        else:
            day, month, year = int(m.group("dd")), int(m.group("mm")), m.group("yy")
        if year is not None and len(year) == 2:
            year = "20" + year
        try:
            d = date(int(year) if year else today.year, month, day)
            if year is None and d > today:
                d = date(today.year - 1, month, day)
        except ValueError:  # «31.02», a version number, a price: not a day
            continue
        out.append(d)
    return out


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


def database_reason(form: RequestForm) -> str | None:
    """Why the database is recommended (Russian), or None."""
    named = [SYMPTOMS[s] for s in form.symptoms if s in DATA_SYMPTOMS]
    if not named:
        return None
    return _("Ситуация связана с данными ({what}): поддержке может понадобиться база данных, "
             "чтобы воспроизвести её у себя.", what="; ".join(named))


def validate(form: RequestForm, ctx: RequestContext | None = None) -> list[Problem]:
    """Every problem of the form at once (errors and warnings), each bound to its field."""
    ctx = ctx or RequestContext()
    out: list[Problem] = []
    _check_topic(form, out)
    _check_version(ctx, out)
    _check_gbs_id(form, ctx, out)
    _check_date(form, ctx, out)
    _check_questions(form, out)
    _check_named_days(form, ctx, out)
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
           _("Точную версию программы определить не удалось. Посмотрите её в программе "
             "{product}: Справка → О программе — и напишите в вопросе, например: «У меня версия "
             "6.3.0.1693».", product=ctx.program))
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
           _("GBS.ID «{value}» неверный. Скопируйте его в окне лицензии программы {product} "
             "кнопкой копирования рядом с ID.", value=ctx.gbs_id, product=ctx.program))
        return
    if ctx.gbs_id:
        return
    if form.topic == "licensing":
        _p(out, "gbs_id", "error", "gbs_id.missing",
           _("Для вопроса о лицензии нужен GBS.ID. Скопируйте его в окне лицензии программы "
             "{product} кнопкой копирования рядом с ID — сборщик подхватит его сам. Вручную ID "
             "не переписывайте.", product=ctx.program))
    elif form.topic == "errors":
        _p(out, "gbs_id", "warning", "gbs_id.missing",
           _("GBS.ID не найден. Он поможет поддержке быстрее найти вашу лицензию: скопируйте "
             "его в окне лицензии программы {product} кнопкой копирования рядом с ID.",
             product=ctx.program))


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
             date=ru_date(d)))
        return
    if form.topic != "errors":
        return
    if ctx.log_days is not None and d not in ctx.log_days:
        near = sorted(ctx.log_days, key=lambda x: (abs((x - d).days), x))[:3]
        if near:
            hint = _(" Журналы есть, например, за {days}.",
                     days=", ".join(ru_date(x) for x in sorted(near)))
        else:
            hint = _(" Журналов программы на этом компьютере нет совсем.")
        _p(out, "problem_date", "warning", "problem_date.no_logs",
           _("За {date} журналов работы программы нет — поддержке нечего будет посмотреть. "
             "Проверьте дату: нужен день, когда появилась ошибка.{hint}", date=ru_date(d),
             hint=hint))
    elif ctx.log_days is None and (ctx.today - d).days > RULES.log_retention_days:
        _p(out, "problem_date", "warning", "problem_date.old",
           _("С {date} прошло больше {days} дней: журналы за тот день могли уже удалиться.",
             date=ru_date(d), days=RULES.log_retention_days))


def _check_named_days(form: RequestForm, ctx: RequestContext, out: list[Problem]) -> None:
    """A question that names another day than the chosen one: the logs may be of the wrong
    day (the desk needs the day the error appeared)."""
    chosen = form.problem_date
    if chosen is None:
        return
    for number, (i, q) in enumerate(form.question_items(), start=1):
        other = [d for d in named_days(q, ctx.today) if d != chosen]
        if other and chosen not in named_days(q, ctx.today):
            _p(out, f"questions[{i}]", "warning", "questions.other_day",
               _("В вопросе {n} упомянуто {named}, а журналы выбраны за {chosen}. Проверьте "
                 "дату: нужен день, когда появилась ошибка.", n=number,
                 named=ru_date(other[0]), chosen=ru_date(chosen)))


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
    templates = {clean_question(t) for ts in TEMPLATE_QUESTIONS.values() for t in ts}
    for number, (i, q) in enumerate(items, start=1):
        fld = f"questions[{i}]"
        if q in templates:
            _p(out, fld, "error", "questions.template",
               _("Вопрос {n} — подсказка из шаблона формы: замените её своим вопросом.",
                 n=number))
            continue
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
