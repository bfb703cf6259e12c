"""``request.txt``: the request as a support person reads it, in the desk's order."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from collector.gbsid import normalize_gbs_id
from collector.humanize import ru_date
from collector.i18n import _
from collector.request.contacts import format_phone, normalize_previous_request, normalized_contact
from collector.request.model import (
    SYMPTOMS,
    TOPICS,
    RequestContext,
    RequestForm,
    clean_text,
    effective_include_database,
)
from collector.request.rules import attachment_name, is_audio


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
    lines: list[str] = [str(_("Обращение в службу поддержки {product}",
                                      product=ctx.program)), ""]
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
        lines.append(_("Дата проблемы: {date}", date=ru_date(form.problem_date)))
    elif form.topic == "errors":
        lines.append(_("Дата проблемы: не указана"))
    known = [clean_text(k).replace("\n", " ") for k in ctx.known if k.strip()]
    if known:
        lines.append("")
        lines.append(_("Что известно:"))
        lines += [f"- {k}" for k in known]
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
    missing = [clean_text(m).replace("\n", " ") for m in ctx.missing if m.strip()]
    if missing:
        lines.append("")
        lines.append(_("Не удалось приложить:"))
        lines += [f"- {m}" for m in missing]
    return clean_text("\n".join(str(x) for x in lines)) + "\n"


def planned_attachments(form: RequestForm, ctx: RequestContext | None = None) -> list[str]:
    """What the bundle will carry for this form, before it exists (the GUI's preview and
    ``form render``), named by the same sources that name a real bundle's contents."""
    from collector.sources import describe_entries

    ctx = ctx or RequestContext()
    entries = []
    if normalize_gbs_id(ctx.gbs_id or ""):
        entries.append("gbs_id.txt")
    if form.problem_date:
        entries.append(f"logs/{form.problem_date.isoformat()}/")
    entries += ["config/", "system.json"]
    for raw in form.attachments:
        if raw.strip() and not is_audio(Path(raw), check_content=False):
            entries.append(f"attachments/{attachment_name(raw)}")
    if effective_include_database(form) and not ctx.database_networked:
        entries.append("database/main.fbk")
    return describe_entries(entries)


def describe_bundle_entries(entries: Iterable[str]) -> list[str]:
    """Lines for «Приложено» from the bundle's entry names (``logs/2026-11-20/trace.log``…),
    each named by the source that writes it (``collector.sources``)."""
    from collector.sources import describe_entries

    return describe_entries(list(entries))
