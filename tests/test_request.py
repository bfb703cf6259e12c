"""The question form: FORM.json contract, every rule of the desk's guideline, request.txt.

Rule numbers (R1…R13) follow docs/REQUEST_RULES.md.
"""

from __future__ import annotations

import json
import math
import re
import wave
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from collector.i18n import plural_word
from collector.request import (
    FORM_KEYS,
    RULES,
    SYMPTOMS,
    Contact,
    FormError,
    RequestContext,
    RequestForm,
    SentRequest,
    advise,
    describe_bundle_entries,
    effective_include_database,
    has_errors,
    normalize_email,
    normalize_phone,
    normalize_previous_request,
    normalize_telegram,
    parse_form,
    planned_attachments,
    recommend_database,
    render_request_text,
    split_questions,
    suggest_symptoms,
    validate,
)

GBS_ID = "6:0F3A9C41B2D84E6F8A1C3B5D7E9F2468"
TODAY = date(2026, 11, 20)
DESIGN_EXAMPLE = {
    "topic": "errors",
    "problem_date": "2026-11-20",
    "questions": ["Не открывается журнал продаж за 20.11", "Прибыль за ноябрь считается неверно"],
    "previous_request": "",
    "symptoms": ["sales_journal_error"],
    "contact": {"name": "", "email": "", "phone": "", "telegram": ""},
    "attachments": ["C:/Users/Магазин/Pictures/receipt.jpg"],
    "include_database": True,
}


def ctx(**kw) -> RequestContext:
    base = dict(product="GBS.Market 6", version="6.6.12.2634", update_state="current",
                gbs_id=GBS_ID, today=TODAY, check_files=False)
    base.update(kw)
    return RequestContext(**base)


def good_form(**kw) -> RequestForm:
    base = dict(topic="errors", problem_date=TODAY,
                questions=["При закрытии смены программа пишет «Ошибка ФН» и зависает"],
                contact=Contact(name="Ирина", email="irina@mail.ru"))
    base.update(kw)
    return RequestForm(**base)


def codes(problems, severity=None) -> set[str]:
    return {p.code for p in problems if severity is None or p.severity == severity}


def by_code(problems, code):
    found = [p for p in problems if p.code == code]
    assert found, f"{code} not in {[p.code for p in problems]}"
    return found


# =================================================================================================
# FORM.json contract
# =================================================================================================
def test_design_example_round_trips_exactly():
    form = RequestForm.from_json(json.loads(json.dumps(DESIGN_EXAMPLE)))
    assert form.problem_date == TODAY
    assert form.to_json() == DESIGN_EXAMPLE
    assert list(form.to_json()) == list(FORM_KEYS)
    assert "to" not in FORM_KEYS and "recipient" not in FORM_KEYS  # R12: no "write to X" field


def test_good_form_has_no_problems():
    problems = validate(good_form(), ctx())
    assert problems == []


def test_undecided_database_follows_the_recommendation():
    form = RequestForm(topic="errors", symptoms=["slow"])
    assert form.include_database is None
    assert form.to_json()["include_database"] is True
    assert form.to_json(keep_undecided=True)["include_database"] is None
    assert RequestForm(topic="errors").to_json()["include_database"] is False
    back = RequestForm.from_json(form.to_json(keep_undecided=True))
    assert back.include_database is None


def test_every_structural_problem_reported_at_once():
    data = {"topic": 5, "problem_date": "2026-13-45", "questions": [1, 2], "contact": "me",
            "include_database": "yes", "simptoms": ["slow"]}
    _form, problems = parse_form(data)
    assert {p.field for p in problems if p.severity == "error"} == {
        "topic", "problem_date", "questions", "contact", "include_database"}
    assert [p.field for p in problems if p.severity == "warning"] == ["simptoms"]
    with pytest.raises(FormError) as exc:
        RequestForm.from_json(data)
    assert len(exc.value.problems) == 5
    assert "problem_date" in exc.value.message
    assert all(p.message for p in exc.value.problems)


def test_lenient_forms_of_input():
    form = RequestForm.from_json({"topic": "errors", "problem_date": "20.11.2026",
                                  "questions": "1. Первый вопрос\n2) Второй вопрос",
                                  "contact": {"email": "a@b.ru"}})
    assert form.problem_date == TODAY
    assert form.questions == ["Первый вопрос", "Второй вопрос"]
    assert form.contact == Contact(email="a@b.ru")
    assert form.to_json()["problem_date"] == "2026-11-20"
    assert parse_form([])[1][0].code == "form.not_object"


def test_load_from_file(tmp_path):
    path = tmp_path / "FORM.json"
    path.write_text(json.dumps(DESIGN_EXAMPLE, ensure_ascii=False), encoding="utf-8-sig")
    assert RequestForm.load(path).to_json() == DESIGN_EXAMPLE
    with pytest.raises(Exception) as exc:
        RequestForm.load(tmp_path / "нет.json")
    assert "не найден" in str(exc.value)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(Exception) as exc:
        RequestForm.load(tmp_path / "bad.json")
    assert "не JSON" in str(exc.value)


def test_validation_returns_every_problem_at_once_bound_to_fields(tmp_path):
    voice = tmp_path / "голос.ogg"
    voice.write_bytes(b"OggS")
    form = RequestForm(topic="", problem_date=None, questions=[],
                       contact=Contact(email="ivan@", phone="12-34", telegram="@иван"),
                       attachments=[str(voice), str(tmp_path / "нет.jpg")],
                       previous_request="мой прошлый вопрос про кассу")
    problems = validate(form, ctx(gbs_id=None, check_files=True))
    fields = {p.field for p in problems if p.severity == "error"}
    assert fields >= {"topic", "questions", "contact.email", "contact.phone",
                      "contact.telegram", "attachments[0]", "attachments[1]",
                      "previous_request"}
    assert all(p.severity in ("error", "warning") for p in problems)
    assert all(p.message[0].isupper() or p.message[0] == "«" for p in problems)
    assert has_errors(problems)


# =================================================================================================
# R1 — the knowledge base first
# =================================================================================================
def test_r1_advice_to_search_the_knowledge_base():
    tips = advise(good_form(), ctx())
    assert "kb.search" in codes(tips)
    assert all(t.severity == "info" for t in tips)
    assert "базе знаний" in by_code(tips, "kb.search")[0].message


# =================================================================================================
# R2 — an up-to-date version, quoted exactly
# =================================================================================================
def test_r2_outdated_version_warns_but_allows_sending():
    c = ctx(update_state="outdated", latest_version="6.6.14.2700")
    problems = validate(good_form(), c)
    p = by_code(problems, "version.outdated")[0]
    assert p.severity == "warning" and p.field == "version"
    assert "6.6.12.2634" in p.message and "6.6.14.2700" in p.message
    assert "обновить" in p.message and "можно и сейчас" in p.message
    assert not has_errors(problems)
    text = render_request_text(good_form(), c)
    assert "Версия программы: 6.6.12.2634 (GBS.Market 6) — устарела, последняя 6.6.14.2700" \
        in text


def test_r2_version_is_exact_and_automatic():
    text = render_request_text(good_form(), ctx())
    assert "Версия программы: 6.6.12.2634 (GBS.Market 6)\n" in text
    assert codes(validate(good_form(), ctx(update_state="newer"))) == set()


def test_r2_unknown_version_asks_to_look_it_up():
    p = by_code(validate(good_form(), ctx(version=None)), "version.unknown")[0]
    assert "Справка → О программе" in p.message and "6.3.0.1693" in p.message
    assert "Версия программы: не определена" in render_request_text(good_form(),
                                                                      ctx(version=None))


def test_r2_the_guidelines_bad_example_gets_advice():
    bad = good_form(questions=["У меня самая последняя версия, обновился вчера. Не печатает чек"])
    tip = by_code(advise(bad, ctx()), "version.claim")[0]
    assert "6.6.12.2634" in tip.message and tip.field == "questions[0]"
    good = good_form(questions=["У меня версия 6.3.0.1693, не печатает чек на кассе"])
    assert "version.claim" not in codes(advise(good, ctx()))


# =================================================================================================
# R3 — no duplicates over several channels
# =================================================================================================
def test_r3_recent_request_on_the_same_topic_is_a_duplicate_warning():
    now = datetime(2026, 11, 20, 15, 0).astimezone()
    sent = SentRequest(now - timedelta(hours=3), "errors", code="A7F3")
    c = ctx(recent_requests=[sent], now=now)
    p = by_code(validate(good_form(), c), "previous_request.duplicate")[0]
    assert p.severity == "warning" and p.field == "previous_request"
    assert "A7F3" in p.message and "позвоните" in p.message and "номер предыдущего" in p.message
    # A follow-up that quotes the number is the right way: no warning.
    assert "previous_request.duplicate" not in codes(
        validate(good_form(previous_request="A7F3"), c))
    # Another queue is a separate request by the desk's own rule.
    other = ctx(recent_requests=[SentRequest(now - timedelta(hours=3), "licensing")], now=now)
    assert "previous_request.duplicate" not in codes(validate(good_form(), other))
    # Long ago: not a duplicate.
    old = ctx(recent_requests=[SentRequest(now - timedelta(hours=RULES.duplicate_window_hours
                                                          + 1), "errors")], now=now)
    assert "previous_request.duplicate" not in codes(validate(good_form(), old))


def test_r3_advice_send_by_one_channel():
    tip = by_code(advise(good_form(), ctx()), "channels.single")[0]
    assert "одним способом" in tip.message


# =================================================================================================
# R4 — write again with the previous request's number
# =================================================================================================
@pytest.mark.parametrize("raw, number", [("12345", "12345"), ("№ 12345", "12345"),
                                         ("#A7F3-77", "A7F3-77"), (" No.998 ", "998"),
                                         ("", "")])
def test_r4_previous_number_normalized(raw, number):
    assert normalize_previous_request(raw) == number


@pytest.mark.parametrize("raw", ["мой прошлый вопрос про кассу", "12345 67890", "№", "x" * 65])
def test_r4_previous_number_must_be_a_number(raw):
    p = by_code(validate(good_form(previous_request=raw), ctx()), "previous_request.invalid")[0]
    assert p.severity == "error" and p.field == "previous_request"


def test_r4_previous_number_rendered_after_questions_before_contacts():
    text = render_request_text(good_form(previous_request="№ 12345"), ctx())
    assert "Номер предыдущего обращения: 12345" in text
    assert text.index("Вопрос") < text.index("Номер предыдущего") < text.index("Контакты")


# =================================================================================================
# R5 — no voice messages
# =================================================================================================
@pytest.mark.parametrize("name", ["voice.ogg", "ГОЛОС.OGG", "note.opus", "rec.mp3", "a.m4a",
                                  "b.wav", "c.amr", "d.aac", "e.oga", "f.flac", "g.3ga"])
def test_r5_audio_attachments_are_rejected_with_the_desks_reason(name):
    form = good_form(attachments=[f"C:\\Users\\Магазин\\Downloads\\{name}"])
    p = by_code(validate(form, ctx()), "attachments.audio")[0]
    assert p.severity == "error" and p.field == "attachments[0]"
    assert name in p.message
    assert "прослушать" in p.message and "письменно" in p.message and "позвоните" in p.message
    assert all(name not in line for line in planned_attachments(form, ctx()))


def _wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(int(8000 * math.sin(i / 5)).to_bytes(2, "little", signed=True)
                               for i in range(800)))
    return path


def test_r5_voice_note_without_audio_extension_is_recognised(tmp_path):
    renamed = _wav(tmp_path / "запись.dat")
    opus = tmp_path / "voice_message"
    opus.write_bytes(b"OggS\x00\x02" + b"\x00" * 22 + b"\x01\x13OpusHead\x01\x01" + b"\x00" * 20)
    photo = tmp_path / "чек.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    text = tmp_path / "описание.docx"
    text.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    form = good_form(attachments=[str(renamed), str(opus), str(photo), str(text)])
    problems = validate(form, ctx(check_files=True))
    assert [p.field for p in problems if p.code == "attachments.audio"] == [
        "attachments[0]", "attachments[1]"]
    assert not has_errors([p for p in problems if p.field in ("attachments[2]",
                                                              "attachments[3]")])


def test_attachments_missing_folder_large_duplicate(tmp_path):
    big = tmp_path / "видео.mp4"
    with open(big, "wb") as f:
        f.truncate((RULES.attachment_warn_mb + 1) * 1024 * 1024)  # sparse: no disk used
    form = good_form(attachments=[str(tmp_path / "нет.pdf"), str(tmp_path), str(big),
                                  str(big)])
    problems = validate(form, ctx(check_files=True))
    assert [(p.field, p.code) for p in problems] == [
        ("attachments[0]", "attachments.missing"), ("attachments[1]", "attachments.folder"),
        ("attachments[2]", "attachments.large"), ("attachments[3]", "attachments.duplicate")]


# =================================================================================================
# R6 — an error needs the logs of its day
# =================================================================================================
def test_r6_error_needs_a_date():
    p = by_code(validate(good_form(problem_date=None), ctx()), "problem_date.missing")[0]
    assert p.severity == "error" and p.field == "problem_date" and "журналы" in p.message
    # Other queues do not need one.
    assert "problem_date.missing" not in codes(
        validate(good_form(topic="cooperation", problem_date=None,
                           questions=["Хотим стать партнёром в Казани, какие условия?"]), ctx()))


def test_r6_future_date_is_an_error():
    p = by_code(validate(good_form(problem_date=TODAY + timedelta(days=1)), ctx()),
                "problem_date.future")[0]
    assert p.severity == "error" and "21.11.2026" in p.message


def test_r6_date_checked_against_the_days_that_have_logs(demo):
    from collector.installation import detect
    from collector.sysroot import SystemRoot

    inst = detect(SystemRoot(demo.root)).installation
    c = RequestContext.from_installation(inst, gbs_id=demo.gbs_id, today=demo.today)
    assert c.version == demo.version and c.log_days and demo.today in c.log_days
    assert validate(good_form(problem_date=demo.today), c) == []
    p = by_code(validate(good_form(problem_date=date(2026, 10, 1)), c),
                "problem_date.no_logs")[0]
    assert p.severity == "warning" and "01.10.2026" in p.message
    # It names days that do have logs, nearest first.
    oldest = min(c.log_days)
    assert oldest.strftime("%d.%m.%Y") in p.message


def test_r6_very_old_date_without_log_knowledge():
    old = TODAY - timedelta(days=RULES.log_retention_days + 5)
    assert "problem_date.old" in codes(validate(good_form(problem_date=old), ctx()))
    recent = TODAY - timedelta(days=RULES.log_retention_days - 5)
    assert "problem_date.old" not in codes(validate(good_form(problem_date=recent), ctx()))


def test_r6_date_rendered():
    assert "Дата проблемы: 20.11.2026" in render_request_text(good_form(), ctx())
    assert "журналы работы программы за 20.11.2026" in planned_attachments(good_form(), ctx())


# =================================================================================================
# R7 — situations with data → the database
# =================================================================================================
@pytest.mark.parametrize("symptom", sorted(SYMPTOMS))
def test_r7_each_data_symptom_recommends_and_preselects_the_database(symptom):
    form = good_form(symptoms=[symptom])
    assert recommend_database(form) and effective_include_database(form)
    assert form.to_json()["include_database"] is True
    assert "резервная копия базы данных" in planned_attachments(form, ctx())
    text = render_request_text(form, ctx())
    assert SYMPTOMS[symptom] in text


def test_r7_no_symptom_no_database_by_default():
    form = good_form()
    assert not recommend_database(form) and not effective_include_database(form)
    assert "резервная копия базы данных" not in planned_attachments(form, ctx())


def test_r7_user_may_decline_but_is_warned():
    form = good_form(symptoms=["wrong_profit"], include_database=False)
    p = by_code(validate(form, ctx()), "include_database.recommended")[0]
    assert p.severity == "warning" and SYMPTOMS["wrong_profit"] in p.message
    assert not has_errors(validate(form, ctx()))


def test_r7_networked_client_cannot_send_the_database():
    form = good_form(symptoms=["slow"])
    p = by_code(validate(form, ctx(database_networked=True)), "include_database.networked")[0]
    assert "другом компьютере" in p.message
    assert "резервная копия базы данных" not in planned_attachments(
        form, ctx(database_networked=True))


@pytest.mark.parametrize("text, symptom", [
    ("Программа стала очень медленно работать после обновления", "slow"),
    ("Касса тормозит при пробитии чека", "slow"),
    ("Не могу найти товар в каталоге по названию, хотя он есть", "item_not_found"),
    ("При открытии журнала продаж за 15 число выскакивает ошибка", "sales_journal_error"),
    ("Прибыль за октябрь считается неправильно", "wrong_profit"),
    ("Некорректная прибыль в отчёте", "wrong_profit"),
])
def test_r7_symptoms_suggested_from_the_users_words(text, symptom):
    form = good_form(questions=[text])
    assert suggest_symptoms(form) == [symptom]
    tip = by_code(advise(form, ctx()), "symptoms.suggest")[0]
    assert SYMPTOMS[symptom] in tip.message
    marked = good_form(questions=[text], symptoms=[symptom])
    assert suggest_symptoms(marked) == []


def test_r7_unknown_symptom_and_symptoms_outside_the_technical_queue():
    assert by_code(validate(good_form(symptoms=["broken"]), ctx()), "symptoms.unknown")[0] \
        .severity == "error"
    lic = good_form(topic="licensing", problem_date=None, symptoms=["slow"],
                    questions=["Когда закончится срок лицензии?"])
    assert "symptoms.topic" in codes(validate(lic, ctx()))


# =================================================================================================
# R8 — several questions: numbered
# =================================================================================================
def test_r8_questions_numbered_and_own_numbering_removed():
    form = good_form(questions=["1) Не печатает чек", "  ", "2. Не видит сканер\nпосле обновления",
                                "Как выгрузить остатки?"])
    text = render_request_text(form, ctx())
    block = text[text.index("Вопросы:"):text.index("Контакты")]
    assert "1. Не печатает чек\n2. Не видит сканер\n   после обновления\n3. Как выгрузить" \
        in block
    assert "1) " not in block and "2. 2." not in block


def test_r8_one_item_holding_several_questions_is_flagged():
    form = good_form(questions=["1. Не печатает чек на кассе\n2. Не видит сканер штрихкодов"])
    p = by_code(validate(form, ctx()), "questions.several_in_one")[0]
    assert p.field == "questions[0]" and p.severity == "warning"
    lines = good_form(questions=["Почему не печатает чек?\nКак подключить сканер?"])
    assert "questions.several_in_one" in codes(validate(lines, ctx()))
    one = good_form(questions=["Почему касса не печатает чек, если смена открыта?"])
    assert "questions.several_in_one" not in codes(validate(one, ctx()))


def test_r8_several_questions_on_one_line_are_flagged():
    one_line = good_form(questions=["Как продлить лицензию? И можно ли перенести её на другой "
                                    "компьютер?"])
    p = by_code(validate(one_line, ctx()), "questions.several_in_one")[0]
    assert p.field == "questions[0]"
    for single in ("Почему касса не печатает чек?? Смена открыта, бумага есть.",
                   "Чек не печатается. Что делать? Почему?",  # an aside, not a question
                   "Касса зависла, что можно сделать?"):
        assert "questions.several_in_one" not in codes(validate(
            good_form(questions=[single]), ctx())), single


@pytest.mark.parametrize("text,named", [
    ("Вчера не открывался журнал продаж, сегодня всё нормально", "19.11.2026"),
    ("29 ноября касса перестала печатать чеки", "29.11.2025"),
    ("С 18.11 не печатается чек после обновления", "18.11.2026"),
])
def test_r8_a_question_naming_another_day_than_the_chosen_one(text, named):
    form = good_form(questions=[text], problem_date=date(2026, 11, 17))
    p = by_code(validate(form, ctx(today=date(2026, 11, 20))), "questions.other_day")[0]
    assert p.field == "questions[0]" and p.severity == "warning"
    assert named in p.message and "17.11.2026" in p.message


def test_r8_a_question_naming_the_chosen_day_is_fine():
    today = date(2026, 11, 20)
    for text, chosen in (("Вчера не открывался журнал продаж", date(2026, 11, 19)),
                         ("17 ноября и вчера касса зависала", date(2026, 11, 17)),
                         ("За 17.11 ошибка в журнале, версия 6.6.12.2634, чек на 12.50", None),
                         ("Касса зависла, чек на 12.50 руб.", date(2026, 11, 17))):
        form = good_form(questions=[text], problem_date=chosen)
        assert "questions.other_day" not in codes(validate(form, ctx(today=today))), text


def test_r8_split_pasted_text_only_on_real_numbering():
    assert split_questions("Здравствуйте!\n1. Первый\n2) Второй\nпродолжение\n3. Третий") == [
        "Здравствуйте!\nПервый", "Второй\nпродолжение", "Третий"]
    assert split_questions("Пришёл в 10. Касса не работает.\n5. пункт") == [
        "Пришёл в 10. Касса не работает.\n5. пункт"]
    assert split_questions("") == []


def test_duplicate_question_is_flagged():
    q = "Не печатает чек на кассе Атол"
    assert "questions.duplicate" in codes(validate(good_form(questions=[q, q + "!"]), ctx()))


# =================================================================================================
# R9 — large questions: separate requests (thresholds in RULES)
# =================================================================================================
def test_r9_too_many_questions():
    qs = [f"Вопрос номер {i}: как настроить печать этикеток?" for i in range(RULES.max_questions)]
    assert "questions.too_many" not in codes(validate(good_form(questions=qs), ctx()))
    p = by_code(validate(good_form(questions=[*qs, "Ещё один вопрос про весы"]), ctx()),
                "questions.too_many")[0]
    assert p.field == "questions" and p.severity == "warning" and "отдельными" in p.message


def test_r9_several_large_questions():
    big = "Подробное описание ситуации с кассой. " * (RULES.long_question_chars // 30)
    assert len(big) > RULES.long_question_chars
    alone = validate(good_form(questions=[big]), ctx())
    assert "questions.long" not in codes(alone)  # one large question is fine
    two = validate(good_form(questions=[big, "Короткий второй вопрос про весы"]), ctx())
    assert [p.field for p in two if p.code == "questions.long"] == ["questions[0]"]
    many = [big[: RULES.max_total_chars // 3] + str(i) for i in range(4)]
    assert "questions.total_long" in codes(validate(good_form(questions=many), ctx()))


def test_rules_live_in_one_place():
    assert RULES.max_questions > 1 and RULES.long_question_chars < RULES.max_total_chars
    with pytest.raises(AttributeError):
        RULES.max_questions = 99  # type: ignore[misc]  # frozen


# =================================================================================================
# R10 — one topic per request
# =================================================================================================
def test_r10_topic_required_and_known():
    p = by_code(validate(good_form(topic=""), ctx()), "topic.missing")[0]
    assert p.severity == "error" and "Оплата и лицензирование" in p.message \
        and "Сотрудничество" in p.message and "оплаты или партнёрства" in p.message
    assert by_code(validate(good_form(topic="payments"), ctx()), "topic.unknown")[0].severity \
        == "error"
    assert "Тема: Возможности, технические вопросы и ошибки" in render_request_text(good_form(),
                                                                                   ctx())


def test_r10_question_from_another_queue_is_flagged():
    pay = good_form(questions=["Не печатает чек на кассе Атол 30Ф после обновления",
                               "Как оплатить продление лицензии на год?"])
    p = by_code(validate(pay, ctx()), "questions.other_topic")[0]
    assert p.field == "questions[1]" and "Оплата и лицензирование" in p.message
    partner = good_form(questions=["Хотим стать партнёром и продавать программу в регионе"])
    assert by_code(validate(partner, ctx()), "questions.other_topic")[0].message.count(
        "Сотрудничество") == 1
    tech = good_form(topic="licensing", problem_date=None,
                     questions=["Касса не печатает чек, выдаёт ошибку"])
    assert "Возможности" in by_code(validate(tech, ctx()), "questions.other_topic")[0].message


def test_r10_no_false_alarm_for_technical_payment_words():
    # "оплата картой" at the till is a technical matter, not the desk's billing.
    form = good_form(questions=["При оплате картой терминал выдаёт ошибку, чек не печатается"])
    assert "questions.other_topic" not in codes(validate(form, ctx()))
    lic = good_form(topic="licensing", problem_date=None,
                    questions=["После оплаты лицензии программа пишет ошибку активации"])
    assert "questions.other_topic" not in codes(validate(lic, ctx()))


# =================================================================================================
# R11 — answer every question fully, not "Да"
# =================================================================================================
@pytest.mark.parametrize("answer", ["Да", "да.", "Ок", "+", "Да, да!", "нет", "Всё так"])
def test_r11_yes_only_answer_in_a_follow_up(answer):
    form = good_form(previous_request="12345", questions=[answer])
    p = by_code(validate(form, ctx()), "questions.yes_only")[0]
    assert p.severity == "warning" and p.field == "questions[0]"
    assert "Оплату произвёл 01-05-2022 в 10:00" in p.message  # the guideline's good answer


def test_r11_the_guidelines_good_answer_passes():
    form = good_form(topic="licensing", problem_date=None, previous_request="12345",
                     questions=["Оплату произвел 01-05-2022 в 10:00. Чек во вложении. "
                                "Сейчас пишет что срок истек"],
                     attachments=["C:\\чек.pdf"])
    assert validate(form, ctx()) == []
    assert "follow_up.answers" in codes(advise(form, ctx()))


def test_r11_too_short_question_outside_follow_ups():
    assert "questions.yes_only" in codes(validate(good_form(questions=["да"]), ctx()))
    p = by_code(validate(good_form(questions=["Касса?"]), ctx()), "questions.too_short")[0]
    assert "подробнее" in p.message


# =================================================================================================
# R12 — no personal messages
# =================================================================================================
def test_r12_advice_official_channels_only():
    tip = by_code(advise(good_form(), ctx()), "channels.single")[0]
    assert "личные сообщения" in tip.message and "официальные" in tip.message


# =================================================================================================
# R13 — licence: GBS.ID copied as text (with QR), receipts for payments
# =================================================================================================
def test_r13_licensing_requires_the_gbs_id():
    form = good_form(topic="licensing", problem_date=None,
                     questions=["Продлить лицензию на второй компьютер — как это сделать?"])
    p = by_code(validate(form, ctx(gbs_id=None)), "gbs_id.missing")[0]
    assert p.severity == "error" and p.field == "gbs_id"
    assert "окне лицензии" in p.message and "Вручную" in p.message  # About has no ID (§6)
    assert validate(form, ctx()) == []
    text = render_request_text(form, ctx())
    assert f"GBS.ID: {GBS_ID}\n" in text
    # The technical queue: helpful, not required.
    assert by_code(validate(good_form(), ctx(gbs_id=None)), "gbs_id.missing")[0].severity \
        == "warning"
    assert "gbs_id.missing" not in codes(validate(
        good_form(topic="cooperation", problem_date=None,
                  questions=["Предлагаем сотрудничество по интеграции"]), ctx(gbs_id=None)))


def test_r13_gbs_id_from_context_must_be_valid():
    p = by_code(validate(good_form(), ctx(gbs_id="0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468")),
                "gbs_id.invalid")[0]
    assert p.severity == "error"
    assert "GBS.ID: 6:0F3A" in render_request_text(good_form(), ctx(gbs_id=GBS_ID.lower()))


def test_r13_payment_questions_invite_a_receipt():
    form = good_form(topic="licensing", problem_date=None,
                     questions=["Оплатил лицензию, а программа пишет, что срок истёк"])
    tip = by_code(advise(form, ctx()), "payment.receipt")[0]
    assert "чек" in tip.message and "когда оплачивали" in tip.message
    with_receipt = good_form(topic="licensing", problem_date=None, questions=form.questions,
                             attachments=["C:\\Users\\Магазин\\чек.pdf"])
    assert "payment.receipt" not in codes(advise(with_receipt, ctx()))


def test_r13_photo_of_the_id_needs_the_qr():
    form = good_form(topic="licensing", problem_date=None,
                     questions=["Срок действия лицензии — до какого числа?"],
                     attachments=["C:\\фото_экрана.jpg"])
    tip = by_code(advise(form, ctx()), "licensing.photo")[0]
    assert "без QR-кода" in tip.message and "gbs_id_qr.png" in tip.message
    assert "GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)" in planned_attachments(
        form, ctx())


# =================================================================================================
# Contacts
# =================================================================================================
@pytest.mark.parametrize("raw, normalized", [
    ("+7 (912) 345-67-89", "+79123456789"), ("8 912 345 67 89", "+79123456789"),
    ("89123456789", "+79123456789"), ("9123456789", "+79123456789"),
    ("7-912-345-67-89", "+79123456789"), ("+7 495 123-45-67", "+74951234567"),
    ("8 (800) 555-35-35", "+78005553535"), ("(3452) 12-34-56", "+73452123456"),
    ("+7 701 234 5678", "+77012345678"),  # Kazakhstan shares +7
    ("+380 44 123 4567", "+380441234567"), ("+375 29 123-45-67", "+375291234567"),
    ("  +7\u00a0912\u2011345\u201167\u201189 ", "+79123456789"),  # copied from a web page
    ("8–912–345–67–89", "+79123456789"),  # en dashes from a word processor
])
def test_phone_russian_formats_normalized(raw, normalized):
    assert normalize_phone(raw) == normalized


@pytest.mark.parametrize("raw, fragment", [
    ("12-34", "не хватает цифр"), ("+8 912 345 67 89", "«+8»"),
    ("8 912 345 67 89 доб. 12", "только цифры"), ("телефон", "только цифры"),
    ("5123456789", "не распознан"), ("891234567890", "не распознан"),
])
def test_phone_errors_bound_to_the_field(raw, fragment):
    assert normalize_phone(raw) is None
    p = by_code(validate(good_form(contact=Contact(phone=raw)), ctx()),
                "contact.phone_invalid")[0]
    assert p.field == "contact.phone" and fragment in p.message


@pytest.mark.parametrize("raw, normalized", [
    ("Shop@Mail.RU", "Shop@mail.ru"), (" ivan.petrov+gbs@yandex.ru ", "ivan.petrov+gbs@yandex.ru"),
    ("mailto:a@b.ru", "a@b.ru"), ("<a@b.ru>", "a@b.ru"), ("магазин@почта.рф", "магазин@почта.рф"),
    ("a@xn--80a1acny.xn--p1ai", "a@xn--80a1acny.xn--p1ai"),
])
def test_email_normalized(raw, normalized):
    assert normalize_email(raw) == normalized


@pytest.mark.parametrize("raw, fragment", [
    ("ivan.mail.ru", "нет «@»"), ("a@b@c.ru", "один знак"), ("ivan @mail.ru", "пробел"),
    ("ivan@mail,ru", "запятая"), ("ivan@mailru", "домен с точкой"),
    (".ivan@mail.ru", "не распознан"), ("iv..an@mail.ru", "не распознан"),
    ("ivan@", "домен с точкой"),
])
def test_email_errors(raw, fragment):
    assert normalize_email(raw) is None
    p = by_code(validate(good_form(contact=Contact(email=raw)), ctx()),
                "contact.email_invalid")[0]
    assert p.field == "contact.email" and fragment in p.message


@pytest.mark.parametrize("raw, suggestion", [("ivan@gmial.com", "ivan@gmail.com"),
                                             ("ivan@yandx.ru", "ivan@yandex.ru"),
                                             ("ivan@mail.ry", "ivan@mail.ru")])
def test_email_domain_typo_is_a_warning(raw, suggestion):
    p = by_code(validate(good_form(contact=Contact(email=raw)), ctx()), "contact.email_typo")[0]
    assert p.severity == "warning" and suggestion in p.message
    assert "contact.email_typo" not in codes(validate(good_form(), ctx()))  # mail.ru is fine


@pytest.mark.parametrize("raw, normalized", [
    ("@gbs_shop", "@gbs_shop"), ("gbs_shop", "@gbs_shop"), ("https://t.me/gbs_shop", "@gbs_shop"),
    ("t.me/GbsShop2/", "@GbsShop2"), ("telegram.me/ivan_petrov", "@ivan_petrov"),
    ("+7 912 345-67-89", "+79123456789"),
])
def test_telegram_normalized(raw, normalized):
    assert normalize_telegram(raw) == normalized


@pytest.mark.parametrize("raw, fragment", [
    ("@иван", "латиницей"), ("@ivan petrov", "пробел"), ("@ivan-petrov", "только латинские"),
    ("@abc", "не короче 5"), ("@" + "a" * 33, "не длиннее 32"), ("@1ivan", "начинается"),
    ("@ivan_", "«_»"), ("@iv__an", "«__»"),
])
def test_telegram_errors(raw, fragment):
    assert normalize_telegram(raw) is None
    p = by_code(validate(good_form(contact=Contact(telegram=raw)), ctx()),
                "contact.telegram_invalid")[0]
    assert p.field == "contact.telegram" and fragment in p.message


def test_telegram_by_phone_works_but_warns():
    form = good_form(contact=Contact(telegram="89123456789"))
    p = by_code(validate(form, ctx()), "contact.telegram_phone")[0]
    assert p.severity == "warning" and "@gbs_shop" in p.message
    assert "Telegram: +7 912 345-67-89" in render_request_text(form, ctx())


def test_some_contact_is_required():
    p = by_code(validate(good_form(contact=Contact(name="Ирина")), ctx()), "contact.missing")[0]
    assert p.field == "contact" and p.severity == "error"
    for c in (Contact(email="a@b.ru"), Contact(phone="89123456789"), Contact(telegram="@gbs_shop")):
        assert "contact.missing" not in codes(validate(good_form(contact=c), ctx()))


# =================================================================================================
# request.txt
# =================================================================================================
def full_form() -> RequestForm:
    return RequestForm(
        topic="errors", problem_date=TODAY,
        questions=["Не открывается журнал продаж за 20.11\r\n\tпишет «Ошибка»   ",
                   "2) Прибыль за ноябрь считается неверно"],
        previous_request="№ 4512", symptoms=["sales_journal_error", "wrong_profit"],
        contact=Contact(name="Ирина, магазин «Ромашка»", email="Irina@Mail.Ru",
                        phone="8 (912) 345-67-89", telegram="t.me/romashka_shop"),
        attachments=["C:\\Users\\Магазин\\Pictures\\ошибка.png"], include_database=True)


ENTRIES = ["manifest.json", "request.txt", "request.json", "gbs_id.txt", "gbs_id_qr.png",
           "system.json", "logs/2026-11-20/trace.log", "logs/2026-11-20/error.log",
           "logs/2026-11-20/performace.log", "logs/2026-11-19/error.log",
           "logs/crpt/2026-11-20.log", "config/DataBase.json", "database/main.fbk",
           "attachments/ошибка.png"]


def test_render_sections_in_the_desks_order():
    c = ctx(attached=describe_bundle_entries(ENTRIES))
    text = render_request_text(full_form(), c)
    order = ["Тема:", "Версия программы: 6.6.12.2634", f"GBS.ID: {GBS_ID}",
             "Дата проблемы: 20.11.2026", "Вопросы:", "1. Не открывается", "2. Прибыль",
             "Номер предыдущего обращения: 4512", "Контакты для ответа:", "Приложено:"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    after = text[text.index("Приложено:"):]
    for line in ("- журналы работы программы за 19.11.2026 (1 файл)",
                 "- журналы работы программы за 20.11.2026 (3 файла)",
                 "- журнал обмена с «Честным знаком» за 20.11.2026",
                 "- резервная копия базы данных",
                 "- GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)",
                 "- файл пользователя: ошибка.png"):
        assert line in after, line
    assert "request.txt" not in after and "manifest" not in after


def test_render_reads_well_in_an_email():
    text = render_request_text(full_form(), ctx(attached=describe_bundle_entries(ENTRIES)))
    assert "\t" not in text and "\r" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert "\n\n\n" not in text
    assert not re.search(r"\*\*\w|^#|```|<b>|__\w", text, re.MULTILINE)  # no markup
    assert "1. Не открывается журнал продаж за 20.11\n       пишет «Ошибка»" not in text
    assert "1. Не открывается журнал продаж за 20.11\n       пишет" not in text
    assert "1. Не открывается журнал продаж за 20.11\n   пишет «Ошибка»\n" in text  # tab gone
    assert "2. Прибыль за ноябрь считается неверно\n" in text  # user's "2)" not doubled
    assert "E-mail: Irina@mail.ru" in text
    assert "Телефон: +7 912 345-67-89" in text and "Telegram: @romashka_shop" in text
    assert "Имя: Ирина, магазин «Ромашка»" in text
    assert "Что наблюдается: " + SYMPTOMS["sales_journal_error"] in text


def test_render_of_an_almost_empty_form_says_what_is_missing():
    text = render_request_text(RequestForm(), RequestContext(today=TODAY))
    for line in ("Тема: не указана", "Версия программы: не определена", "GBS.ID: не найден",
                 "(вопрос не написан)", "Контакты для ответа:\nне указаны", "Приложено:\nничего"):
        assert line in text


@pytest.mark.parametrize("n, word", [(1, "файл"), (2, "файла"), (4, "файла"), (5, "файлов"),
                                     (11, "файлов"), (12, "файлов"), (21, "файл"), (22, "файла"),
                                     (111, "файлов"), (0, "файлов")])
def test_plural(n, word):
    assert plural_word(n, "файл", "файла", "файлов") == word


def test_request_text_says_what_the_update_check_found():
    from collector.updates import UpdateStatus

    inst = type("I", (), {"product": "GBS.Market 6", "version": "6.6.12.2634", "database": None,
                          "logs_dir": Path("/nonexistent")})()
    current = UpdateStatus("current", "6.6.12.2634", "6.6.12.2634", "ok", source="feed")
    text = render_request_text(good_form(), RequestContext.from_installation(inst,
                                                                            update=current))
    assert "Версия программы: 6.6.12.2634 (GBS.Market 6) — последняя\n" in text
    unknown = UpdateStatus("unknown", "6.6.12.2634", None, "no",
                           reason="127.0.0.1: сервер отказал в подключении")
    text = render_request_text(good_form(), RequestContext.from_installation(inst,
                                                                            update=unknown))
    assert ("— проверить обновления не удалось (127.0.0.1: сервер отказал в подключении)"
            in text)
    text = render_request_text(good_form(), RequestContext.from_installation(inst))
    assert "Версия программы: 6.6.12.2634 (GBS.Market 6)\n" in text  # not checked: nothing said
