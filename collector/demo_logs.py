"""GBS.Market's logs for the demo, the tests and the benchmarks, as the program writes them
(GBS_MARKET.md §3, §4, §7).

- ``Logs\\<day>\\trace.log`` (every level), ``error.log`` (Error, Fatal), ``egais.log`` (Russia):
  ``dd.MM.yyyy HH:mm:ss.ffff | LEVEL | Class.Method | message | exception`` in UTF-8 without a BOM,
  CRLF. A header when the file starts, a footer each time a run closes normally (a crash leaves
  none), the start-up lines of each run (``Запуск программы.``, ``GBS.ID:``, after an unclean exit
  ``Работа восстановлена после аварийного завершения``). An error is indented JSON in the message
  column with the exception column empty; error.log's call site is one frame nearer the error.
- ``performace.log``: ``date | Class.Method | message `` — no level, no header, no footer.
- ``backup.log``: UTF-16 LE (BOM once), CRLF; per backup run 64 dashes, ``start HH:mm:ss``, gbak's
  verbose lines, ``finish HH:mm:ss``.
- ``CRPT_logs\\<day>.log``: ``date | LEVEL | message | exception``; past days zipped by the
  program into ``<day>.zip``. No ``ua_prro.log``: nothing in the program writes it.
"""

from __future__ import annotations

import json
import random
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

HEADER = "----------NLog Starting---------\r\nApplication ver.: {version}\r\n\r\n"
FOOTER = "----------NLog  Ending-----------\r\n\r\n"
CRLF = "\r\n"
DATA_WIN = r"C:\ProgramData\F-Lab\GBS.Market\6"
TEMP_WIN = r"C:\Users\Магазин\AppData\Local\Temp"

CRASH_DAYS_AGO = 3  # write_week's day whose first run dies (the event log records it too)
CALLSITES = [
    ("TRACE", "CashRegisterViewModel.AddGoods", "Добавлен товар в чек: {goods}"),
    ("TRACE", "BarcodeScanner.OnDataReceived", "Сканирован штрихкод 46{barcode}"),
    ("INFO", "CheckService.Close", "Чек №{check} закрыт, сумма {sum} ₽"),
    ("DEBUG", "AtolFiscalRegistrar.PrintCheck", "ККТ: печать чека, статус 0"),
    ("TRACE", "GoodsRepository.GetByBarcode", "Поиск товара «{goods}»: найдено 1"),
    ("DEBUG", "EgaisHelper.GetIncomingDocuments", "УТМ: входящих документов 0"),
    ("WARN", "CrptHelper.CheckMarkCode", "Код маркировки не прошёл проверку: повтор"),
]
GOODS = ["Молоко 3,2% 930 мл", "Хлеб «Бородинский»", "Сигареты «Ява»", "Кефир 2,5% 1 л",
         "Гречка ядрица 900 г", "Шоколад «Алёнка»", "Вода 1,5 л"]
# (error.log's call site, trace.log's: one frame further out, log message, exception, its text)
ERRORS = [
    ("SalesJournalViewModel.LoadDocuments", "SalesJournalViewModel.Load",
     "Ошибка при открытии журнала продаж", "FirebirdSql.Data.FirebirdClient.FbException",
     "arithmetic exception, numeric overflow, or string truncation"),
    ("AtolFiscalRegistrar.PrintCheck", "CheckPrinter.Print", "Не удалось напечатать чек",
     "Gbs.Helpers.ErrorHandler.Exceptions.DeviceException", "Нет связи с ККТ (порт COM3 занят)"),
    ("CrptHelper.SendRequest", "CrptHelper.CheckMarkCode", "Ошибка обмена с Честным знаком",
     "System.Net.WebException", "The operation has timed out"),
    ("ProfitReportViewModel.Build", "RelayCommand.Execute", "",
     "System.NullReferenceException", "Object reference not set to an instance of an object."),
]
FATALS = [
    ("App.OnDispatcherUnhandledException", "App.OnDispatcherUnhandledException",
     "Необработанное исключение, программа будет закрыта", "System.OutOfMemoryException",
     "Insufficient memory to continue the execution of the program."),
]
TABLES = [("GOODS_GROUPS", 48), ("GOODS", 1207), ("CONTRACTORS", 312), ("DOCUMENTS", 5120),
          ("DOC_ITEMS", 20833), ("USERS", 4), ("SETTINGS", 61)]


def stamp(t: datetime) -> str:
    return t.strftime("%d.%m.%Y %H:%M:%S.") + f"{t.microsecond // 100:04d}"


def nlog_line(t: datetime, level: str, site: str, message: str, exception: str = "") -> str:
    return f"{stamp(t)} | {level} | {site} | {message} | {exception}{CRLF}"


def error_json(kind: str, detail: str, log_message: str, site: str) -> str:
    """The message column of an error the program logs: Newtonsoft's indented JSON of
    ``{Exception, Message}`` with the ``\\r\\n`` and ``\\n`` escapes turned into line breaks."""
    cls, method = site.split(".", 1)
    body = {
        "Exception": {
            "ClassName": kind, "Message": detail, "Data": None, "InnerException": None,
            "HelpURL": None,
            "StackTraceString": f"   в Gbs.Forms.{cls}.{method}()\r\n"
                                "   в Gbs.Helpers.MVVM.RelayCommand.Execute(Object parameter)",
            "RemoteStackTraceString": None, "RemoteStackIndex": 0,
            "ExceptionMethod": f"8\n{method}\nMarket, Version=6.6.12.2634, Culture=neutral, "
                               f"PublicKeyToken=null\nGbs.Forms.{cls}\nVoid {method}()",
            "HResult": -2146233088, "Source": "Market", "WatsonBuckets": None,
        },
        "Message": log_message,
    }
    text = json.dumps(body, ensure_ascii=False, indent=2).replace("\n", CRLF)
    return text.replace("\\r\\n", "\r\n").replace("\\n", "\n")


def perf_line(t: datetime, site: str, message: str) -> str:
    return f"{stamp(t)} | {site} | {message} {CRLF}"


def crpt_line(t: datetime, level: str, message: str, exception: str = "") -> str:
    return f"{stamp(t)} | {level} | {message} | {exception}{CRLF}"


def gbak_lines(tables: list[tuple[str, int]] = TABLES, *, fbk_dir: str = TEMP_WIN,
               db: str = DATA_WIN + r"\main.fdb", port: int = 3060) -> list[str]:
    """gbak 3's verbose output (``-v -y``) for a backup over ``127.0.0.1/<port>``."""
    lines = [f"gbak:readied database 127.0.0.1/{port}:{db} for backup",
             f"gbak:creating file {fbk_dir}\\main.fbk", "gbak:starting transaction",
             f"gbak:database {db} has a page size of 8192 bytes.", "gbak:writing domains",
             "gbak:writing shadow files", "gbak:writing character sets",
             "gbak:writing collations", "gbak:writing tables"]
    for name, _rows in tables:
        lines.append(f"gbak:    writing table {name}")
    lines += ["gbak:writing types", "gbak:writing filters", "gbak:writing id generators",
              "gbak:writing exceptions", "gbak:writing functions",
              "gbak:writing stored procedures", "gbak:writing packages"]
    for name, rows in tables:
        lines += [f"gbak:    writing data for table {name}", f"gbak:{rows} records written"]
    lines += ["gbak:writing triggers", "gbak:writing trigger messages",
              "gbak:writing security classes", "gbak:writing table constraints",
              "gbak:writing referential constraints", "gbak:writing check constraints",
              "gbak:writing SQL roles", "gbak:writing names mapping",
              "gbak:closing file, committing, and finishing. 3383296 bytes written"]
    return lines


def append_backup_run(path: Path, start: datetime, finish: datetime, lines: list[str]) -> None:
    """One backup run appended the program's way: StreamWriter(append, Encoding.Unicode)."""
    run = ["-" * 64, f"start {start:%H:%M:%S}", *lines, f"finish {finish:%H:%M:%S}"]
    with open(path, "ab") as fh:
        if fh.tell() == 0:
            fh.write(b"\xff\xfe")
        fh.write("".join(x + CRLF for x in run).encode("utf-16-le"))


def write_backup_log(path: Path, day: date, version: str = "") -> None:
    """A day's backup.log: the backups at the start and at the exit of the program."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    for hour, minute in ((8, 0), (21, 0)):
        start = datetime.combine(day, time(hour, minute, 4))
        temp = f"{TEMP_WIN}\\b16d85d1-a305-4724-a3cc-ccb7ca3a796a_{_guid(day, hour)}"
        append_backup_run(path, start, start + timedelta(seconds=11), gbak_lines(fbk_dir=temp))


def _guid(day: date, salt: int) -> str:
    r = random.Random(f"{day}-{salt}")
    h = r.randbytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def startup_lines(t: datetime, gbs_id: str, version: str, *, recovered: bool) -> list[str]:
    """A run's start in trace.log (SplashScreenViewModel.ApplicationLoad and what it calls)."""
    site = "SplashScreenViewModel.Run"
    out = [nlog_line(t, "DEBUG", site, f"Запуск программы. {version} (x64)"),
           nlog_line(t + timedelta(milliseconds=412), "DEBUG", site,
                     "HW:Intel(R) Core(TM) i3-10100 CPU @ 3.60GHz; 8 GB; Windows 10 Pro"),
           nlog_line(t + timedelta(milliseconds=415), "DEBUG", site, "Win x64")]
    if recovered:
        out.append(nlog_line(t + timedelta(milliseconds=730), "DEBUG", site,
                             "Работа восстановлена после аварийного завершения"))
    hw = json.dumps({"OsVersion": "Microsoft Windows 10 Pro 10.0.19045", "Ram": "8 GB"},
                    ensure_ascii=False, indent=2).replace("\n", CRLF)
    t += timedelta(seconds=2, milliseconds=117)
    out += [
        nlog_line(t, "DEBUG", site, f"GBS.ID: {gbs_id.removeprefix('6:')}\r\nDate end: "
                                    f"{(t + timedelta(days=200)):%d.%m.%Y}"),
        nlog_line(t + timedelta(milliseconds=210), "DEBUG", site,
                  f"HW info: {hw}\r\n\r\nDB host: localhost; db path: {DATA_WIN}\\main.fdb\r\n"
                  f"app path: C:\\Program Files (x86)\\F-Lab\\Market 6\\; data path: "
                  f"{DATA_WIN}\\\r\ndb version: 418\r\nwork mode: Shop"),
    ]
    return out


def trace_entries(day: date, rnd: random.Random, count: int, start: datetime | None = None,
                  end: datetime | None = None) -> Iterator[tuple[datetime, str]]:
    """(time, line) of ordinary work between ``start`` and ``end`` (08:00–22:00)."""
    start = start or datetime.combine(day, time(8))
    end = end or datetime.combine(day, time(22))
    span = max(1, int((end - start).total_seconds() * 1000))
    step = max(1, span // max(count, 1))
    t = start
    for i in range(count):
        t += timedelta(milliseconds=rnd.randrange(1, 2 * step + 1),
                       microseconds=rnd.randrange(1000))
        if t >= end:
            return
        level, site, msg = CALLSITES[rnd.randrange(len(CALLSITES))]
        msg = msg.format(goods=rnd.choice(GOODS), barcode=rnd.randrange(10**10, 10**11),
                         check=1000 + i, sum=f"{rnd.randrange(50, 5000)},{rnd.randrange(100):02d}")
        yield t, nlog_line(t, level, site, msg)


@dataclass
class Run:
    start: datetime
    end: datetime | None  # None: still running (today)
    clean: bool = True  # closed normally: a footer, and the exit backup


def day_runs(day: date, *, open_run: bool = False, crash: bool = False) -> list[Run]:
    """A shop's day: one run 08:00–22:00; ``crash``: it dies at 13:10 and is started again;
    ``open_run``: the last run is still going."""
    at = lambda h, m=0: datetime.combine(day, time(h, m, 1))  # noqa: E731
    runs = [Run(at(8), at(13, 10), False), Run(at(13, 12), at(22))] if crash else \
        [Run(at(8), at(22))]
    if open_run:
        runs[-1].end = None
    return runs


def write_day(
    folder: Path,
    day: date,
    *,
    version: str,
    errors: int,
    trace_lines: int = 400,
    seed: int = 0,
    crpt_dir: Path | None = None,
    with_backup: bool = True,
    open_run: bool = False,
    crash: bool = False,
    gbs_id: str = "6:" + "0" * 32,
    zip_crpt: bool | None = None,
) -> int:
    """Write one day folder (and its CRPT log). ``open_run``: the program is still running (no
    footer, the last line cut in half as a reader may find it). ``crash``: the first run ends
    without a footer; the next one logs the recovery. ``zip_crpt``: the CRPT log as the zip the
    program makes at its next start (default: when ``open_run`` is not set). Returns the ERROR
    entries written (an error that would fall while the program was down is not)."""
    rnd = random.Random(f"{seed}-{day.isoformat()}")
    folder.mkdir(parents=True, exist_ok=True)
    runs = day_runs(day, open_run=open_run, crash=crash)
    now = datetime.combine(day, time(22))
    error_times = sorted(
        datetime.combine(day, time(9)) + timedelta(seconds=rnd.randrange(12 * 3600),
                                                   microseconds=rnd.randrange(10**6))
        for _ in range(errors))
    trace: list[str] = [HEADER.format(version=version)]
    error_log: list[str] = [HEADER.format(version=version)]
    crpt: list[str] = [HEADER.format(version=version)]
    egais: list[str] = [HEADER.format(version=version)]
    perf: list[str] = []
    pending = list(error_times)
    written = 0
    for k, run in enumerate(runs):
        end = run.end or now
        items: list[tuple[datetime, str]] = []
        for line in startup_lines(run.start, gbs_id, version, recovered=k > 0 and
                                  not runs[k - 1].clean):
            items.append((datetime.strptime(line[:24], "%d.%m.%Y %H:%M:%S.%f"), line))
        items += trace_entries(day, rnd, trace_lines // len(runs), run.start + timedelta(
            seconds=5), end)
        while pending and pending[0] < end:
            t = pending.pop(0)
            if t < run.start:
                continue
            err_site, trace_site, message, kind, detail = ERRORS[rnd.randrange(len(ERRORS))]
            body = error_json(kind, detail, message, err_site)
            items.append((t, nlog_line(t, "ERROR", trace_site, body)))
            error_log.append(nlog_line(t, "ERROR", err_site, body))
            written += 1
        items.sort(key=lambda it: it[0])
        trace += [line for _t, line in items]
        t = run.start + timedelta(seconds=30)
        while t < end:
            perf.append(perf_line(t, "Performancer.Stop", "Загрузка каталога товаров: "
                                  f"{rnd.randrange(80, 2500)} мс"))
            egais.append(nlog_line(t, "TRACE", "EgaisHelper.GetIncomingDocuments",
                                   "УТМ 127.0.0.1:8080 доступен, входящих документов 0"))
            crpt.append(crpt_line(t, "INFO", "POST /api/v4/true-api/codes/check: 200, кодов "
                                  f"{rnd.randrange(1, 9)}"))
            t += timedelta(minutes=rnd.randrange(25, 70))
        if run.end is not None and run.clean:
            for lines in (trace, error_log, egais, crpt):
                lines.append(FOOTER)
    if open_run:
        trace.append(f"{stamp(now)} | TRACE | CashRegisterViewModel.AddGoods | Добавлен товар")
    _write(folder / "trace.log", trace)
    _write(folder / "error.log", error_log)
    _write(folder / "performace.log", perf)
    _write(folder / "egais.log", egais)
    if with_backup:
        (folder / "backup.log").unlink(missing_ok=True)
        for run in runs:
            points = [run.start + timedelta(seconds=3)]
            if run.end is not None and run.clean:
                points.append(run.end - timedelta(seconds=12))
            for start in points:
                temp = f"{TEMP_WIN}\\b16d85d1-a305-4724-a3cc-ccb7ca3a796a_" \
                       f"{_guid(day, start.hour * 60 + start.minute)}"
                append_backup_run(folder / "backup.log", start, start + timedelta(seconds=11),
                                  gbak_lines(fbk_dir=temp))
    if crpt_dir is not None:
        crpt_dir.mkdir(parents=True, exist_ok=True)
        if zip_crpt if zip_crpt is not None else not open_run:
            write_crpt_zip(crpt_dir, day, "".join(crpt))
        else:
            _write(crpt_dir / f"{day.isoformat()}.log", crpt)
    return written


def write_crpt_zip(crpt_dir: Path, day: date, text: str) -> Path:
    """A past day's CRPT log as the program leaves it: ``<day>.zip`` with the log at its root."""
    path = crpt_dir / f"{day.isoformat()}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{day.isoformat()}.log", text.encode("utf-8"))
    return path


def _write(path: Path, parts: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("".join(parts))


def write_week(
    logs_dir: Path,
    crpt_dir: Path | None,
    today: date,
    *,
    version: str,
    days: int = 7,
    trace_lines: int = 400,
    seed: int = 0,
    gbs_id: str = "6:" + "0" * 32,
) -> dict[date, int]:
    """A week of day folders ending today (the program running now), one day the shop was
    closed, one day with a crash; older CRPT zips the program keeps 90 days. Returns the ERROR
    count written per day (CRPT-only days: their CRPT errors, none)."""
    rnd = random.Random(seed)
    counts: dict[date, int] = {}
    for i in range(days):
        day = today - timedelta(days=i)
        errors = [0, 1, 0, 3, 0, 0, 2][i % 7] if i else 2
        if i == 4:
            continue  # a day the shop was closed: no folder at all
        counts[day] = write_day(logs_dir / day.isoformat(), day, version=version, errors=errors,
                                trace_lines=trace_lines + rnd.randrange(100), seed=seed,
                                crpt_dir=crpt_dir, open_run=(i == 0), crash=(i == CRASH_DAYS_AGO),
                                gbs_id=gbs_id)
    if crpt_dir is not None:  # the day folders of these are gone (kept 30 days), CRPT zips stay
        for back in (41, 58):
            day = today - timedelta(days=back)
            t = datetime.combine(day, time(11, 20, 5))
            write_crpt_zip(crpt_dir, day, HEADER.format(version=version) + "".join(
                crpt_line(t + timedelta(minutes=k * 47), "INFO",
                          "POST /api/v4/true-api/codes/check: 200, кодов 2") for k in range(6))
                + FOOTER)
            counts[day] = 0
    return counts


def write_big_day(
    folder: Path,
    day: date,
    *,
    target_bytes: int,
    version: str,
    errors: int,
    fatals: int = 0,
    seed: int = 0,
    crpt_dir: Path | None = None,
) -> dict[str, int]:
    """A busy shop's day for benchmarks: about ``target_bytes`` of logs in the program's layout,
    written fast (messages come from a pool formatted once; only the times change per line).

    ``errors``/``fatals`` distinct entries are written to both trace.log and error.log (as the
    program does), at random times; the program restarts once at midday (footer, start-up lines).
    Returns what was written: ``{"errors", "fatals", "error_lines", "bytes"}``.
    """
    rnd = random.Random(f"big-{seed}-{day.isoformat()}")
    folder.mkdir(parents=True, exist_ok=True)
    header = HEADER.format(version=version)
    pool = []
    for i in range(4096):
        level, site, msg = CALLSITES[rnd.randrange(len(CALLSITES))]
        msg = msg.format(goods=rnd.choice(GOODS), barcode=rnd.randrange(10**10, 10**11),
                         check=1000 + i, sum=f"{rnd.randrange(50, 5000)},{rnd.randrange(100):02d}")
        pool.append(f"{level} | {site} | {msg} | {CRLF}")
    avg = sum(len(x.encode()) for x in pool) / len(pool) + 27
    n_lines = max(100, int(target_bytes * 0.88 / avg))
    date_prefix = day.strftime("%d.%m.%Y ")
    start_us = 8 * 3600 * 10**6
    step = (14 * 3600 * 10**6) // n_lines

    def at(us: int) -> str:
        s, frac = divmod(us, 10**6)
        h, rest = divmod(s, 3600)
        m, sec = divmod(rest, 60)
        return f"{date_prefix}{h:02d}:{m:02d}:{sec:02d}.{frac // 100:04d}"

    special: dict[int, list[tuple[str, tuple[str, str, str, str, str]]]] = {}
    for level, count, table in (("ERROR", errors, ERRORS), ("FATAL", fatals, FATALS)):
        for _ in range(count):
            special.setdefault(rnd.randrange(n_lines), []).append(
                (level, table[rnd.randrange(len(table))]))
    restart = n_lines // 2
    err_chunks: list[str] = [header]
    written = {"errors": 0, "fatals": 0, "error_lines": 0, "bytes": 0}
    with open(folder / "trace.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        block: list[str] = []
        us = start_us
        getrandbits = rnd.getrandbits
        for i in range(n_lines):
            us += step + getrandbits(10)
            if i == restart:
                block.append(FOOTER)
                block.append(f"{at(us)} | DEBUG | SplashScreenViewModel.Run | Запуск программы. "
                             f"{version} (x64) | {CRLF}")
            block.append(f"{at(us)} | {pool[getrandbits(12)]}")
            for j, (level, (err_site, trace_site, msg, kind, detail)) in \
                    enumerate(special.get(i, ())):
                t = at(us + 100 * (j + 1))  # a distinct time (0.1 ms apart) for each
                body = error_json(kind, detail, msg, err_site)
                block.append(f"{t} | {level} | {trace_site} | {body} | {CRLF}")
                err_chunks.append(f"{t} | {level} | {err_site} | {body} | {CRLF}")
                written["errors" if level == "ERROR" else "fatals"] += 1
            if len(block) >= 20000:
                fh.write("".join(block))
                block.clear()
        block.append(FOOTER)
        fh.write("".join(block))
    err_chunks.append(FOOTER)
    with open(folder / "error.log", "w", encoding="utf-8", newline="") as fh:
        fh.write("".join(err_chunks))
    written["error_lines"] = 2 * (written["errors"])  # trace.log + error.log first lines

    def side_file(path: Path, share: float, make, framed: bool = True) -> None:
        n = max(1, int(target_bytes * share / 110))
        t = start_us
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(header if framed else "")
            lines = []
            for k in range(n):
                t += (14 * 3600 * 10**6) // n
                lines.append(make(at(t), k))
                if len(lines) >= 20000:
                    out.write("".join(lines))
                    lines.clear()
            out.write("".join(lines) + (FOOTER if framed else ""))

    side_file(folder / "performace.log", 0.03, lambda t, k: (
        f"{t} | Performancer.Stop | Загрузка каталога товаров: {80 + k % 2400} мс {CRLF}"),
        framed=False)
    side_file(folder / "egais.log", 0.03, lambda t, k: (
        f"{t} | TRACE | EgaisHelper.GetIncomingDocuments | УТМ 127.0.0.1:8080: входящих "
        f"{k % 3} | {CRLF}"))
    write_backup_log(folder / "backup.log", day)
    if crpt_dir is not None:
        crpt_dir.mkdir(parents=True, exist_ok=True)
        side_file(crpt_dir / f"{day.isoformat()}.log", 0.03, lambda t, k: (
            f"{t} | INFO | POST /api/v4/true-api/codes/check: 200, кодов {1 + k % 8} | {CRLF}"))
    written["bytes"] = sum(p.stat().st_size for p in folder.iterdir()) + (
        (crpt_dir / f"{day.isoformat()}.log").stat().st_size if crpt_dir else 0)
    return written
