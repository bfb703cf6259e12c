"""``form new|check|render FORM.json``: a ready form to fill in; the request form against the
desk's rules; ``request.txt`` as the desk will read it."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from collector.cli import add_json_option, add_root_option, err, print_json
from collector.commands.detect import add_update_options, check_update_for
from collector.errors import ExitCode
from collector.gbsid import find_gbs_ids
from collector.i18n import _
from collector.installation import detect
from collector.request import (
    TEMPLATE_QUESTIONS,
    TOPICS,
    FormError,
    RequestContext,
    RequestForm,
    advise,
    effective_include_database,
    has_errors,
    planned_attachments,
    render_request_text,
    validate,
)
from collector.sysroot import SystemRoot

MARKS = {"error": "ОШИБКА", "warning": "внимание", "info": "совет"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("form", help="проверить форму обращения по правилам поддержки")
    inner = p.add_subparsers(dest="form_command", metavar="ДЕЙСТВИЕ",
                             parser_class=type(p))
    inner.required = True
    for name, help_text in (("check", "проверить FORM.json: все ошибки и советы сразу"),
                            ("render", "вывести request.txt — обращение так, как его прочтёт "
                                       "поддержка")):
        q = inner.add_parser(name, help=help_text)
        q.add_argument("form", metavar="FORM.json")
        add_root_option(q)
        add_json_option(q)
        add_update_options(q)
        q.add_argument("--today", type=date.fromisoformat, metavar="ГГГГ-ММ-ДД",
                       help="считать сегодняшней эту дату (для проверок)")
        q.set_defaults(handler=run)
    q = inner.add_parser("new", help="записать готовую форму обращения FORM.json для заполнения")
    q.add_argument("form", metavar="FORM.json")
    q.add_argument("--topic", choices=sorted(TOPICS), default="errors",
                   help="тема (очередь поддержки): errors, licensing или cooperation")
    q.add_argument("--date", type=date.fromisoformat, metavar="ГГГГ-ММ-ДД",
                   help="день, когда появилась проблема (по умолчанию сегодня)")
    q.add_argument("--force", action="store_true", help="перезаписать существующий файл")
    q.set_defaults(handler=run_new)


def run_new(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    path = Path(args.form)
    if path.exists() and not args.force:
        err(_("Файл {path} уже есть: укажите другое имя или добавьте --force.", path=path))
        return ExitCode.USAGE
    form = RequestForm(topic=args.topic, problem_date=args.date or date.today(),
                       questions=list(TEMPLATE_QUESTIONS[args.topic]))
    data = form.to_json(keep_undecided=True)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        err(_("Не удалось записать {path}: {error}", path=path, error=exc.strerror or exc))
        return ExitCode.USAGE
    err(_("Форма записана в {path}. Заполните questions (по вопросу в пункте) и contact, затем "
          "проверьте: form check {path}", path=path))
    return ExitCode.OK


def build_context(args: argparse.Namespace) -> RequestContext:
    root = SystemRoot.from_arg(args.root)
    inst = detect(root).installation
    update = check_update_for(inst, args) if inst is not None else None
    candidates = find_gbs_ids(root, inst)
    gbs_id = candidates[0].value if len(candidates) == 1 else None
    recent = []
    try:
        from collector.drafts import DraftStore

        recent = DraftStore().recent_sent()
    except Exception:  # the history only sharpens a warning; its absence is no failure
        recent = []
    return RequestContext.from_installation(inst, update=update, gbs_id=gbs_id,
                                            today=args.today, recent_requests=recent)


def run(args: argparse.Namespace) -> int:
    try:
        form = RequestForm.load(args.form)
    except FormError as exc:
        if args.json:
            print_json({"valid": False, "problems": [p.to_json() for p in exc.problems]})
        else:
            err(exc.message)
        return ExitCode.USAGE
    ctx = build_context(args)
    problems = validate(form, ctx)
    if args.form_command == "render":
        ctx.attached = planned_attachments(form, ctx)
        text = render_request_text(form, ctx)
        if args.json:
            print_json({"valid": not has_errors(problems), "request_text": text,
                        "problems": [p.to_json() for p in problems]})
        else:
            sys.stdout.write(text)
            for p in problems:
                if p.severity == "error":
                    err(f"{MARKS[p.severity]} [{p.field}] {p.message}")
        return ExitCode.USAGE if has_errors(problems) else ExitCode.OK
    tips = advise(form, ctx)
    if args.json:
        print_json({
            "valid": not has_errors(problems),
            "problems": [p.to_json() for p in problems],
            "advice": [p.to_json() for p in tips],
            "include_database": effective_include_database(form),
            "gbs_id": ctx.gbs_id,
            "version": ctx.version,
        })
    else:
        for p in problems + tips:
            where = f" [{p.field}]" if p.field else ""
            err(f"{MARKS[p.severity]}{where}: {p.message}")
        if not has_errors(problems):
            err(_("Форма в порядке: обращение можно отправлять."))
        else:
            n = sum(p.severity == "error" for p in problems)
            err(_("Ошибок: {n}. Исправьте их и проверьте снова.", n=n))
    return ExitCode.USAGE if has_errors(problems) else ExitCode.OK
