"""``logs``: the log files of a chosen day with their errors, or the error calendar.

``logs --date D [--around N] [--from HH:MM] [--to HH:MM] [--max-file-mb N]`` and
``logs --calendar [--days N]``. Exit codes: 0 done; 2 bad input, or no logs for that date (the
message names the nearby days that have some); 3 no installation or no logs folder at all; 4 the
day's files exist but none could be read.
"""

from __future__ import annotations

import argparse
import re
import sys
import time as time_mod
from datetime import date, time, timedelta
from pathlib import PureWindowsPath

from collector import logs
from collector.cli import add_json_option, add_root_option, err, print_json
from collector.errors import CollectorError, ExitCode, NoInstallation
from collector.humanize import human_size, ru_date
from collector.i18n import _
from collector.installation import Installation, detect
from collector.logs import LogFile, LogSelection, plural
from collector.sysroot import SystemRoot

WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
WEEKDAYS_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_RU = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "logs", help="журналы за выбранный день или календарь ошибок",
        description="Журналы GBS.Market за день (размеры, ошибки, версия, первые ошибки) или "
                    "число ошибок по дням за последние дни.")
    # --date or --calendar, checked in run() to say so in Russian (argparse's own text is English)
    p.add_argument("--date", metavar="ГГГГ-ММ-ДД",
                      help="день, когда случилась ошибка (можно и ДД.ММ.ГГГГ)")
    p.add_argument("--calendar", action="store_true",
                      help="число ошибок по дням за последние дни")
    p.add_argument("--days", type=int, default=30, metavar="N",
                   help="сколько последних дней показать в календаре (по умолчанию 30)")
    p.add_argument("--around", type=int, default=0, metavar="N",
                   help="добавить по N дней до и после (ошибки около полуночи)")
    p.add_argument("--from", dest="time_from", metavar="ЧЧ:ММ",
                   help="взять записи начиная с этого времени")
    p.add_argument("--to", dest="time_to", metavar="ЧЧ:ММ",
                   help="и до этого времени включительно (раньше начала — до следующего утра)")
    p.add_argument("--max-file-mb", type=float, metavar="N",
                   help="файл больше N МБ сократить: оставить начало и конец")
    p.add_argument("--today", metavar="ГГГГ-ММ-ДД",
                   help="считать сегодняшним днём (для проверки на демо-установке)")
    add_root_option(p)
    add_json_option(p)
    p.set_defaults(handler=run)


# --- parsing -----------------------------------------------------------------------------------
def parse_day(text: str) -> date:
    """``2026-11-20`` or ``20.11.2026``; anything else is a usage error in Russian."""
    m = _ISO.match(text or "")
    parts = (m[1], m[2], m[3]) if m else None
    if parts is None:
        m = _RU.match(text or "")
        parts = (m[3], m[2], m[1]) if m else None
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            raise CollectorError(_("Такой даты нет: «{text}». Проверьте день и месяц.",
                                   text=text)) from None
    raise CollectorError(_("Неверная дата «{text}»: укажите её как ГГГГ-ММ-ДД, например "
                           "2026-11-20 (или 20.11.2026).", text=text))


def parse_clock(text: str, *, end: bool) -> time:
    """``14:30`` or ``14:30:15``. An end time covers its whole minute (or second): «до 12:00»
    keeps what was written at 12:00:40 too."""
    m = _CLOCK.match(text or "")
    if m:
        h, mi = int(m[1]), int(m[2])
        s = int(m[3]) if m[3] is not None else None
        if h < 24 and mi < 60 and (s is None or s < 60):
            if not end:
                return time(h, mi, s or 0)
            return time(h, mi, 59, 999999) if s is None else time(h, mi, s, 999999)
    raise CollectorError(_("Неверное время «{text}»: укажите его как ЧЧ:ММ, например 09:30.",
                           text=text))


# --- running -----------------------------------------------------------------------------------
def run(args: argparse.Namespace) -> int:
    if bool(args.date) == bool(args.calendar):
        raise CollectorError(_("Укажите одно из двух: --date ГГГГ-ММ-ДД (журналы за день) или "
                               "--calendar (число ошибок по дням)."))
    today = parse_day(args.today) if args.today else date.today()
    if args.calendar:
        extra = [name for name, value in (("--around", args.around), ("--from", args.time_from),
                                          ("--to", args.time_to),
                                          ("--max-file-mb", args.max_file_mb)) if value]
        if extra:
            raise CollectorError(_("Параметры {names} относятся к --date, а не к --calendar.",
                                   names=", ".join(extra)))
        if not 1 <= args.days <= 366:
            raise CollectorError(_("--days: от 1 до 366 дней."))
        return _calendar(args, today)
    day = parse_day(args.date)
    window = None
    if args.time_from or args.time_to:
        window = (parse_clock(args.time_from, end=False) if args.time_from else time(0, 0),
                  parse_clock(args.time_to, end=True) if args.time_to
                  else time(23, 59, 59, 999999))
    cap = None
    if args.max_file_mb is not None:
        if args.max_file_mb <= 0:
            raise CollectorError(_("--max-file-mb: нужно положительное число мегабайт."))
        cap = int(args.max_file_mb * 1024 * 1024)
    inst = _installation(args)
    sel = logs.select_logs(inst, day, around=args.around, window=window, max_file_bytes=cap,
                           progress=_progress() if not args.json else None)
    if not sel.found and day > today:
        sel.problems.insert(0, _("Дата {date} ещё не наступила (сегодня {today}).",
                                 date=ru_date(day), today=ru_date(today)))
    code = ExitCode.OK
    if not sel.found:
        code = ExitCode.STEP_FAILED if sel.skipped else ExitCode.USAGE
        if not inst.logs_dir.is_dir():
            code = ExitCode.NO_INSTALLATION
    if args.json:
        data = sel.to_json()
        data["installation"] = _inst_json(inst)
        print_json(data)
    else:
        err(format_selection(inst, sel))
    return code


def _installation(args: argparse.Namespace) -> Installation:
    root = SystemRoot.from_arg(args.root)
    inst = detect(root).installation
    if inst is None:
        raise NoInstallation(_("GBS.Market на этом компьютере не найдена — журналы взять "
                               "неоткуда. Если программа установлена в другую папку, запустите "
                               "её и повторите."))
    return inst


def _inst_json(inst: Installation) -> dict:
    data = inst.to_json()
    return {k: data[k] for k in ("product", "version", "data_path", "logs_dir", "crpt_logs_dir")}


def _progress():
    """Progress on stderr for a person watching a terminal, at most a few times a second."""
    if not sys.stderr.isatty():
        return None
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time_mod.monotonic()
        if total and now - last[0] > 0.3:
            last[0] = now
            sys.stderr.write(f"\r… прочитано {done * 100 // total}% ({human_size(done)})   ")
            sys.stderr.flush()
            if done >= total:
                sys.stderr.write("\r" + " " * 60 + "\r")
    return show


def _calendar(args: argparse.Namespace, today: date) -> int:
    inst = _installation(args)
    root = getattr(inst, "_root", None)
    cal = logs.error_calendar(inst.logs_dir, inst.crpt_logs_dir, days=args.days, today=today,
                              progress=_progress() if not args.json else None,
                              show=root.windows_path if root else str)
    code = ExitCode.OK if inst.logs_dir.is_dir() else ExitCode.NO_INSTALLATION
    if args.json:
        print_json({
            "today": today.isoformat(),
            "days": args.days,
            "from": cal.first.isoformat(),
            "to": cal.last.isoformat(),
            "calendar": [s.to_json() for _d, s in sorted(cal.items())],
            "days_outside": [d.isoformat() for d in cal.days_outside],
            "problems": [str(p) for p in cal.problems],
            "installation": _inst_json(inst),
        })
    else:
        err(format_calendar(inst, cal, args.days))
    return code


# --- human output ------------------------------------------------------------------------------
def _display(f: LogFile) -> str:
    rel = f.archive_path.removeprefix("logs/")
    if rel.startswith("crpt/"):
        return "CRPT_logs\\" + rel.removeprefix("crpt/")
    return str(PureWindowsPath(*rel.split("/")))


def format_selection(inst: Installation, sel: LogSelection) -> str:
    lines: list[str] = []
    day = sel.day
    title = f"{inst.product}"
    if inst.version:
        title += f" (версия {inst.version})"
    lines.append(f"{title} — журналы за {ru_date(day)} ({WEEKDAYS[day.weekday()]})")
    if len(sel.days) > 1:
        lines.append(f"  вместе с днями: {', '.join(ru_date(d) for d in sel.days if d != day)}")
    if sel.window is not None:
        a, b = sel.window
        end = b.strftime("%H:%M:%S") if b.date() == a.date() else \
            f"{b:%H:%M:%S} {ru_date(b.date())}"
        lines.append(f"  только записи с {a:%H:%M:%S} по {end}")
    lines.append(f"  {inst.to_json()['logs_dir']}")
    if sel.files:
        lines.append("")
        names = [_display(f) for f in sel.files]
        width = max(len(n) for n in [*names, "Файл"])
        lines.append(f"  {'Файл':<{width}}  {'Размер':>10}  {'Строк':>8}  {'ERROR':>6}  "
                     f"{'FATAL':>6}  {'Время':<17}  Кодировка")
        for name, f in zip(names, sel.files, strict=True):
            span = f"{(f.first_time or '')[-8:]}–{(f.last_time or '')[-8:]}" \
                if f.first_time else "—"
            size = human_size(f.size)
            if f.bundle_size != f.size:
                size += "*"
            lines.append(f"  {name:<{width}}  {size:>10}  {f.lines:>8}  {f.errors:>6}  "
                         f"{f.fatals:>6}  {span:<17}  {f.encoding}")
        lines.append("")
        total = f"Всего: {plural(len(sel.files), 'файл', 'файла', 'файлов')}, " \
                f"{human_size(sel.total_bytes)}"
        if sel.bundle_bytes != sel.total_bytes:
            total += f" (в архив пойдёт {human_size(sel.bundle_bytes)}, * — сокращены)"
        lines.append(f"  {total}.")
        for d, s in sorted(sel.day_stats.items()):
            approx = "более " if s.approximate else ""
            lines.append(f"  За {ru_date(d)}: ошибок (ERROR) {approx}{s.errors}, FATAL "
                         f"{s.fatals} — каждая запись посчитана один раз, хотя trace.log "
                         f"повторяет error.log.")
        versions = sel.versions
        if len(versions) == 1:
            lines.append(f"  Версия программы в журналах: {versions[0]}")
        elif versions:
            lines.append(f"  Версии программы в журналах: {' → '.join(versions)} "
                         f"(в эти дни программу обновляли)")
    if sel.first_errors:
        lines.append("")
        lines.append("Первые ошибки:")
        for e in sel.first_errors:
            clock = e.time.split(" ")[-1][:8] if " " in e.time else e.time
            lines.append(f"  {clock} {e.level} {e.callsite}")
            if e.message:
                lines.append(f"      {e.message}")
            if e.exception:
                lines.append(f"      {e.exception}")
            lines.append(f"      ({e.file}, строка {e.line})")
    cut = [(f, f.cut) for f in sel.files if f.cut]
    if cut:
        lines.append("")
        lines.append("Сокращено:")
        lines += [f"  {_display(f)}: {note}" for f, note in cut]
    notes = [(f, n) for f in sel.files for n in f.notes]
    if notes or sel.problems:
        lines.append("")
        lines.append("Замечания:")
        lines += [f"  {_display(f)}: {n}" for f, n in notes]
        lines += [f"  ! {p}" for p in sel.problems]
    before = [d for d in sel.nearby_days if d < day]
    after = [d for d in sel.nearby_days if d > day]
    if before or after:
        tries = [f"--date {d.isoformat()}" for d in before[-1:] + after[:1]]
        lines.append("")
        lines.append(f"Попробуйте: collector logs {'  или  '.join(tries)}")
    return "\n".join(lines)


def format_calendar(inst: Installation, cal: logs.Calendar, days: int) -> str:
    lines = [f"{inst.product} — ошибки в журналах по дням, {ru_date(cal.first)} — "
             f"{ru_date(cal.last)} ({plural(days, 'день', 'дня', 'дней')})",
             f"  {inst.to_json()['logs_dir']}", ""]
    d = cal.last
    with_errors = 0
    while d >= cal.first:
        s = cal.get(d)
        head = f"  {ru_date(d)} {WEEKDAYS_SHORT[d.weekday()]}"
        if s is None:
            lines.append(f"{head}      журналов нет")
        else:
            bad = s.errors + s.fatals
            with_errors += bool(bad)
            approx = "более " if s.approximate else ""
            if bad:
                what = approx + plural(s.errors, "ошибка", "ошибки", "ошибок")
                if s.fatals:
                    what += f", FATAL: {s.fatals}"
                mark = "●"
            else:
                what, mark = "ошибок нет", " "
            tail = f"{plural(s.files, 'файл', 'файла', 'файлов')}, {human_size(s.bytes)}"
            if s.unreadable:
                tail += f"; не прочитано: {s.unreadable}"
            lines.append(f"{head}   {mark}  {what:<28} {tail}")
        d -= timedelta(days=1)
    lines.append("")
    lines.append(f"Дней с журналами: {len(cal)}, из них с ошибками: {with_errors}.")
    worst = sorted(cal.values(), key=lambda s: (s.errors + s.fatals, s.day), reverse=True)
    if worst and worst[0].errors + worst[0].fatals:
        lines.append(f"Журналы за день: collector logs --date {worst[0].day.isoformat()}")
    problems = list(cal.problems) + [p for s in sorted(cal.values(), key=lambda s: s.day)
                                     for p in s.problems]
    if problems:
        lines.append("")
        lines.append("Замечания:")
        lines += [f"  ! {p}" for p in problems]
    return "\n".join(lines)
