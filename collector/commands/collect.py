"""``collect``: build the bundle for the support desk (contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import contextlib
import math
import signal
import threading
from datetime import date
from pathlib import Path

from collector import sources
from collector.cli import add_json_option, add_root_option, err, print_json
from collector.errors import CollectorError, ExitCode
from collector.humanize import human_size
from collector.i18n import _
from collector.pipeline import Collection, CollectOptions, ProgressEvent
from collector.secret_input import (
    ARCHIVE_PASSWORD_ENV,
    DB_PASSWORD_ENV,
    add_secret_option,
    resolve_secret,
)
from collector.sysroot import SystemRoot


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("collect", help="собрать архив для поддержки")
    p.add_argument("--date", required=True, type=_date, metavar="ГГГГ-ММ-ДД",
                   help="день, когда возникла проблема (по нему выбираются журналы)")
    p.add_argument("--out", required=True, metavar="DIR", help="папка для архива")
    add_root_option(p)
    p.add_argument("--form", metavar="FORM.json", help="обращение: тема, вопросы, контакты")
    p.add_argument("--no-db", action="store_true", help="без резервной копии базы данных")
    add_secret_option(p, "--password", ARCHIVE_PASSWORD_ENV, _("зашифровать архив (AES-256)"))
    p.add_argument("--volume-size", metavar="SIZE",
                   help="разбить архив на части (например 25M) для отправки по почте")
    p.add_argument("--fb-server", metavar="HOST/PORT",
                   help="сервер Firebird вместо встроенного движка (для системного корня)")
    p.add_argument("--db-user", metavar="USER", help="пользователь Firebird, если не SYSDBA")
    add_secret_option(p, "--db-password", DB_PASSWORD_ENV, _("пароль Firebird"))
    p.add_argument("--db-fallback", action="store_true",
                   help="если резервная копия не получилась, приложить последнюю "
                        "автоматическую копию самой программы")
    p.add_argument("--around", type=_days, default=0, metavar="N",
                   help="добавить журналы за N дней до и после (проблемы около полуночи)")
    p.add_argument("--max-log-mb", type=_positive_mb, metavar="N",
                   help="ограничить размер каждого журнала (начало и конец сохраняются)")
    p.add_argument("--hide-personal", action="store_true",
                   help="скрыть персональные данные в журналах: телефоны, адреса почты, "
                        "номера карт")
    p.add_argument("--attach", action="append", default=[], metavar="FILE",
                   help="приложить файл или папку (можно несколько раз)")
    p.add_argument("--attach-links", action="store_true",
                   help="приложенные ссылки и ярлыки заменить файлами, на которые они указывают")
    p.add_argument("--time-limit", action="append", default=[], metavar="STEP=SECONDS",
                   help="предел времени шага, например database=1800")
    p.add_argument("--exclude", action="append", default=[], metavar="PATH",
                   help="не включать файл или папку архива (например logs/2026-11-20/trace.log)")
    p.add_argument("--review", action="store_true",
                   help="только показать, что войдёт в архив (с размерами и оценкой времени), "
                        "и выйти")
    add_json_option(p)
    p.set_defaults(handler=run)


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"дата должна быть в виде ГГГГ-ММ-ДД: {text!r}") from None
    today = date.today()
    if day > today:
        raise argparse.ArgumentTypeError(
            f"дата {day:%d.%m.%Y} ещё не наступила (сегодня {today:%d.%m.%Y}): укажите день, "
            "когда возникла проблема")
    return day


def _positive_mb(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно число мегабайт, например 50: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(
            f"размер должен быть больше нуля (в мегабайтах, например 50): {text!r}")
    return value


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно целое число дней: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"число дней не может быть отрицательным: {text!r}")
    return value


def parse_time_limits(items: list[str]) -> dict[str, float]:
    limits = {}
    for item in items:
        name, sep, seconds = item.partition("=")
        if not sep or name not in sources.names():
            raise CollectorError(_("Неверный предел времени {item!r}: нужно ШАГ=СЕКУНДЫ, шаги: "
                                   "{steps}", item=item, steps=", ".join(sources.names())))
        try:
            limits[name] = float(seconds)
        except ValueError:
            raise CollectorError(_("Неверное число секунд в {item!r}", item=item)) from None
        if not math.isfinite(limits[name]) or limits[name] <= 0:
            raise CollectorError(_("Предел времени в {item!r} должен быть больше нуля",
                                   item=item))
    return limits


def load_form(path: str | None) -> dict | None:
    if not path:
        return None
    from collector.request import read_form_file

    data = read_form_file(path)
    if not isinstance(data, dict):
        raise CollectorError(_("Файл обращения {path} должен содержать объект JSON", path=path))
    return data


def run(args: argparse.Namespace) -> int:
    from collector.bundle import parse_size

    root = SystemRoot.from_arg(args.root)
    out_dir = Path(args.out)
    password = resolve_secret(args.password, ARCHIVE_PASSWORD_ENV, "Пароль для архива: ",
                              warn=err)
    db_password = resolve_secret(args.db_password, DB_PASSWORD_ENV, "Пароль Firebird: ",
                                 warn=err)
    volume = parse_size(args.volume_size) if args.volume_size else None
    options = CollectOptions(
        problem_date=args.date,
        out_dir=out_dir,
        form=load_form(args.form),
        include_database=False if args.no_db else None,
        password=password,
        volume_size=volume,
        fb_server=args.fb_server,
        db_user=args.db_user,
        db_password=db_password,
        around_days=max(0, args.around),
        max_log_file_bytes=int(args.max_log_mb * 2**20) if args.max_log_mb else None,
        time_limits=parse_time_limits(args.time_limit),
        exclude=set(args.exclude),
        attachments=[Path(p) for p in args.attach],
        command=_public_command(args),
        use_program_backup=args.db_fallback,
        hide_personal=args.hide_personal,
        confirmed_links=args.attach_links,
    )
    if args.review:
        from collector.plan import format_plan

        plan = Collection(root, options).plan()
        if args.json:
            print_json(plan.to_json())
        else:
            err(format_plan(plan))
        return ExitCode.OK
    cancel = threading.Event()
    _install_cancel_handlers(cancel)
    last_step, last_tenth = [""], [0]

    def progress(ev: ProgressEvent) -> None:
        if args.json:
            return
        if ev.step != last_step[0]:
            last_step[0], last_tenth[0] = ev.step, 0
            err(f"… {ev.title}")
            return
        # A long step (the database) says how far it is, a line per tenth, so a technician
        # watching a terminal or a log file sees it move.
        tenth = int(ev.step_fraction * 10)
        if 0 < tenth < 10 and tenth > last_tenth[0]:
            last_tenth[0] = tenth
            err(f"  {ev.title}: {tenth * 10}%")

    job = Collection(root, options, progress=progress, cancel=cancel)
    result = job.run()
    if args.json:
        print_json(result.to_json())
    else:
        err(format_result(result))
    return result.exit_code


def _public_command(args: argparse.Namespace) -> list[str]:
    """The command as recorded in the manifest: options, never secret values."""
    out = ["collect", "--date", args.date.isoformat(), "--out", str(args.out)]
    for flag, value in (("--root", args.root), ("--form", args.form),
                        ("--volume-size", args.volume_size), ("--fb-server", args.fb_server),
                        ("--db-user", args.db_user)):
        if value:
            out += [flag, str(value)]
    if args.no_db:
        out.append("--no-db")
    if args.password:
        out += ["--password", "***"]
    if args.db_password:
        out += ["--db-password", "***"]
    return out


def _install_cancel_handlers(cancel: threading.Event) -> None:
    def handler(signum, frame):  # second Ctrl+C falls through to the default: stop at once
        cancel.set()
        signal.signal(signum, signal.SIG_DFL)

    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if sig is not None:
            with contextlib.suppress(ValueError):  # not the main thread (tests)
                signal.signal(sig, handler)


def format_result(result) -> str:
    marks = {"ok": "+", "skipped": "·", "failed": "!"}
    lines = ["", "Шаги:"]
    for r in result.steps:
        title = sources.get(r.name).title
        tail = f" — {r.message}" if r.message else ""
        limit = " (превышено время)" if r.timeout_hit else ""
        lines.append(f"  {marks.get(r.status, '?')} {title}{limit}{tail} [{r.seconds:.1f} с]")
    lines.append("")
    if result.paths:
        size = sum(p.stat().st_size for p in result.paths if p.exists())
        if len(result.paths) == 1:
            lines.append(f"Архив готов: {result.paths[0]} ({human_size(size)})")
        else:
            lines.append(f"Архив готов: {len(result.paths)} частей, всего {human_size(size)}:")
            lines += [f"  {p}" for p in result.paths]
    if result.exit_code == ExitCode.STEP_FAILED:
        lines.append("Некоторые шаги не удались — архив собран без них, причины записаны в "
                     "manifest.json.")
    return "\n".join(lines)
