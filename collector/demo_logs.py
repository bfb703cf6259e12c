"""GBS.Market-style logs for the demo, the tests and the benchmarks.

NLog layout as the program writes it: a header block per run (``NLog Starting`` / ``Application
ver.: …`` / blank line), entries ``dd.MM.yyyy HH:mm:ss.ffff | LEVEL | CallSite | message |
exception``, exceptions serialised as multi-line JSON in ``error.log``, a footer per run, and
``backup.log`` in UTF-16 with gbak's verbose output.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

HEADER = "----------NLog Starting---------\r\nApplication ver.: {version}\r\n\r\n"
FOOTER = "----------NLog  Ending-----------\r\n"

CALLSITES = [
    ("INFO", "Market.App.OnStartup", "Запуск программы, пользователь «Администратор»"),
    ("DEBUG", "Market.Data.FbConnectionFactory.Open", "Подключение к базе 127.0.0.1/3060"),
    ("TRACE", "Market.Sales.CashRegisterViewModel.AddGoods", "Добавлен товар в чек: {goods}"),
    ("TRACE", "Market.Sales.CashRegisterViewModel.Scan", "Сканирован штрихкод 46{barcode}"),
    ("INFO", "Market.Sales.CheckService.Close", "Чек №{check} закрыт, сумма {sum} ₽"),
    ("DEBUG", "Market.Equipment.Atol.FiscalPrinter.Print", "ККТ: печать чека, статус 0"),
    ("TRACE", "Market.Catalog.GoodsRepository.Find", "Поиск товара «{goods}»: найдено 1"),
    ("INFO", "Market.Egais.UtmClient.Poll", "УТМ: входящих документов 0"),
    ("WARN", "Market.Crpt.MarkingService.Check", "Код маркировки не прошёл проверку: повтор"),
]
GOODS = ["Молоко 3,2% 930 мл", "Хлеб «Бородинский»", "Сигареты «Ява»", "Кефир 2,5% 1 л",
         "Гречка ядрица 900 г", "Шоколад «Алёнка»", "Вода 1,5 л"]
ERRORS = [
    ("Market.Sales.SalesJournalViewModel.Load", "Ошибка при открытии журнала продаж",
     "FirebirdSql.Data.FirebirdClient.FbException",
     "arithmetic exception, numeric overflow, or string truncation"),
    ("Market.Equipment.Atol.FiscalPrinter.Print", "Не удалось напечатать чек",
     "Market.Equipment.FiscalException", "Нет связи с ККТ (порт COM3 занят)"),
    ("Market.Crpt.CrptClient.Send", "Ошибка обмена с Честным знаком",
     "System.Net.WebException", "The operation has timed out"),
    ("Market.Reports.ProfitReport.Build", "Ошибка построения отчёта о прибыли",
     "System.NullReferenceException", "Object reference not set to an instance of an object."),
]


def _stamp(t: datetime) -> str:
    return t.strftime("%d.%m.%Y %H:%M:%S.") + f"{t.microsecond // 100:04d}"


def _exception_json(kind: str, message: str, callsite: str) -> str:
    body = {
        "ClassName": kind,
        "Message": message,
        "Data": None,
        "InnerException": None,
        "StackTraceString": f"   в {callsite}()\r\n   в Market.Core.Commands.RelayCommand.Execute"
                            f"(Object parameter)",
        "HResult": -2146233088,
        "Source": kind.split(".")[0],
    }
    return json.dumps(body, ensure_ascii=False, indent=2).replace("\n", "\r\n")


def trace_entries(day: date, rnd: random.Random, count: int) -> Iterator[tuple[str, str]]:
    """(level, line) pairs for one day, in time order, 08:00–22:00."""
    start = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
    step = max(1, (14 * 3600 * 1000) // max(count, 1))
    t = start
    for i in range(count):
        t += timedelta(milliseconds=rnd.randrange(1, 2 * step + 1),
                       microseconds=rnd.randrange(1000))
        level, site, msg = CALLSITES[rnd.randrange(len(CALLSITES))]
        msg = msg.format(goods=rnd.choice(GOODS), barcode=rnd.randrange(10**10, 10**11),
                         check=1000 + i, sum=f"{rnd.randrange(50, 5000)},{rnd.randrange(100):02d}")
        yield level, f"{_stamp(t)} | {level} | {site} | {msg} | \r\n"


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
) -> None:
    """Write one day folder. ``open_run``: the program is still running (no footer, the last
    line cut in half as a reader may find it)."""
    rnd = random.Random(f"{seed}-{day.isoformat()}")
    folder.mkdir(parents=True, exist_ok=True)
    header = HEADER.format(version=version)
    error_times = sorted(
        datetime.combine(day, datetime.min.time())
        + timedelta(hours=9, seconds=rnd.randrange(12 * 3600), microseconds=rnd.randrange(10**6))
        for _ in range(errors)
    )
    errors_text = []
    error_lines = []
    for t in error_times:
        site, msg, kind, detail = ERRORS[rnd.randrange(len(ERRORS))]
        line = f"{_stamp(t)} | ERROR | {site} | {msg} | "
        errors_text.append(line + _exception_json(kind, detail, site) + "\r\n")
        error_lines.append((t, line + f"{kind}: {detail}\r\n"))

    with open(folder / "trace.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        pending = list(error_lines)
        for _level, line in trace_entries(day, rnd, trace_lines):
            stamp = datetime.strptime(line[:24], "%d.%m.%Y %H:%M:%S.%f")
            while pending and pending[0][0] <= stamp:
                fh.write(pending.pop(0)[1])
            fh.write(line)
        for _t, line in pending:
            fh.write(line)
        if open_run:
            fh.write(f"{_stamp(datetime.combine(day, datetime.min.time()) + timedelta(hours=22))}"
                     " | TRACE | Market.Sales.CashRegisterViewModel.Add")
        else:
            fh.write(FOOTER)
    with open(folder / "error.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header + "".join(errors_text) + ("" if open_run else FOOTER))
    with open(folder / "performace.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        t = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
        for _ in range(20):
            t += timedelta(minutes=rnd.randrange(5, 40))
            fh.write(f"{_stamp(t)} | INFO | Market.Diagnostics.Perf | Загрузка каталога: "
                     f"{rnd.randrange(80, 2500)} мс | \r\n")
        fh.write("" if open_run else FOOTER)
    with open(folder / "egais.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header + f"{_stamp(t)} | INFO | Market.Egais.UtmClient | УТМ 127.0.0.1:8080 "
                 "доступен | \r\n" + ("" if open_run else FOOTER))
    with open(folder / "ua_prro.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header + ("" if open_run else FOOTER))
    if with_backup:
        write_backup_log(folder / "backup.log", day, version)
    if crpt_dir is not None:
        crpt_dir.mkdir(parents=True, exist_ok=True)
        with open(crpt_dir / f"{day.isoformat()}.log", "w", encoding="utf-8", newline="") as fh:
            fh.write(header)
            for i in range(5):
                t = datetime.combine(day, datetime.min.time()) + timedelta(hours=10 + i)
                fh.write(f"{_stamp(t)} | INFO | Market.Crpt.CrptClient | POST /api/v4/true-api/"
                         f"codes/check: 200, кодов {rnd.randrange(1, 9)} | \r\n")


def write_backup_log(path: Path, day: date, version: str) -> None:
    """gbak's verbose output as the program saves it: UTF-16 with a BOM."""
    lines = [
        "----------NLog Starting---------", f"Application ver.: {version}", "",
        f"{day.strftime('%d.%m.%Y')} 21:00:01.0001 | INFO | Market.Backup.BackupService.Run | "
        "Создание резервной копии | ",
        "gbak:readied database 127.0.0.1/3060:C:\\ProgramData\\F-Lab\\GBS.Market\\6\\main.fdb "
        "for backup",
        "gbak:creating file C:\\ProgramData\\F-Lab\\GBS.Market\\6\\Temp\\main.fbk",
        "gbak:starting transaction",
        "gbak:database C:\\ProgramData\\F-Lab\\GBS.Market\\6\\main.fdb has a page size of 8192 "
        "bytes.",
        "gbak:writing domains", "gbak:writing tables",
    ]
    for table in ("GOODS_GROUPS", "GOODS", "CONTRACTORS", "DOCUMENTS", "DOC_ITEMS", "USERS"):
        records = random.Random(table).randrange(9, 99999)
        lines += [f"gbak:writing table {table}", f"gbak:   {records} records written"]
    lines += ["gbak:writing indexes", "gbak:closing file, committing, and finishing. 3383296 bytes "
              "written", FOOTER.strip()]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))  # "utf-16" writes the BOM


def write_week(
    logs_dir: Path,
    crpt_dir: Path | None,
    today: date,
    *,
    version: str,
    days: int = 7,
    trace_lines: int = 400,
    seed: int = 0,
) -> dict[date, int]:
    """A week of day folders ending today; returns the ERROR count written per day."""
    rnd = random.Random(seed)
    counts: dict[date, int] = {}
    for i in range(days):
        day = today - timedelta(days=i)
        errors = [0, 1, 0, 3, 0, 0, 2][i % 7] if i else 2
        if i == 4:
            continue  # a day the shop was closed: no folder at all
        write_day(logs_dir / day.isoformat(), day, version=version, errors=errors,
                  trace_lines=trace_lines + rnd.randrange(100), seed=seed, crpt_dir=crpt_dir,
                  open_run=(i == 0))
        counts[day] = errors
    return counts


FATALS = [
    ("Market.App.OnDispatcherUnhandledException", "Необработанное исключение, программа будет "
     "закрыта", "System.OutOfMemoryException",
     "Insufficient memory to continue the execution of the program."),
    ("Market.Data.FbConnectionFactory.Open", "Потеряно соединение с базой данных",
     "FirebirdSql.Data.FirebirdClient.FbException",
     "Unable to complete network request to host \"127.0.0.1\"."),
]
# Entries that span lines in trace.log too: a warning with a stack trace under it.
MULTILINE = (
    "WARN | Market.Sync.PriceLoader.Load | Повтор загрузки цен (попытка 2) | "
    "System.IO.IOException: Файл занят другим процессом\r\n"
    "   в System.IO.FileStream.Init(String path, FileMode mode)\r\n"
    "   в Market.Sync.PriceLoader.Load(String file)\r\n"
)


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
    program does), at random times; the program restarts once at midday (footer + header).
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
        pool.append(f"{level} | {site} | {msg} | \r\n")
    pool[::97] = [MULTILINE] * len(pool[::97])
    avg = sum(len(x.encode()) for x in pool) / len(pool) + 27
    trace_budget = int(target_bytes * 0.88)
    n_lines = max(100, int(trace_budget / avg))
    date_prefix = day.strftime("%d.%m.%Y ")
    start_us = 8 * 3600 * 10**6
    step = (14 * 3600 * 10**6) // n_lines

    def stamp(us: int) -> str:
        s, frac = divmod(us, 10**6)
        h, rest = divmod(s, 3600)
        m, sec = divmod(rest, 60)
        return f"{date_prefix}{h:02d}:{m:02d}:{sec:02d}.{frac // 100:04d}"

    special: dict[int, list[tuple[str, str, str, str, str]]] = {}
    for level, count, table in (("ERROR", errors, ERRORS), ("FATAL", fatals, FATALS)):
        for _ in range(count):
            site, msg, kind, detail = table[rnd.randrange(len(table))]
            special.setdefault(rnd.randrange(n_lines), []).append((level, site, msg, kind, detail))
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
                block.append(header)
            block.append(f"{stamp(us)} | {pool[getrandbits(12)]}")
            for j, (level, site, msg, kind, detail) in enumerate(special.get(i, ())):
                t = stamp(us + 100 * (j + 1))  # a distinct time (0.1 ms apart) for each
                line = f"{t} | {level} | {site} | {msg} | "
                block.append(f"{line}{kind}: {detail}\r\n")
                err_chunks.append(line + _exception_json(kind, detail, site) + "\r\n")
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

    def side_file(path: Path, share: float, make) -> None:
        n = max(1, int(target_bytes * share / 110))
        t = start_us
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(header)
            lines = []
            for k in range(n):
                t += (14 * 3600 * 10**6) // n
                lines.append(make(stamp(t), k))
                if len(lines) >= 20000:
                    out.write("".join(lines))
                    lines.clear()
            out.write("".join(lines) + FOOTER)

    side_file(folder / "performace.log", 0.03, lambda t, k: (
        f"{t} | INFO | Market.Diagnostics.Perf | Загрузка каталога: {80 + k % 2400} мс | \r\n"))
    side_file(folder / "egais.log", 0.03, lambda t, k: (
        f"{t} | INFO | Market.Egais.UtmClient | УТМ 127.0.0.1:8080: входящих {k % 3} | \r\n"))
    with open(folder / "ua_prro.log", "w", encoding="utf-8", newline="") as fh:
        fh.write(header + FOOTER)
    write_backup_log(folder / "backup.log", day, version)
    if crpt_dir is not None:
        crpt_dir.mkdir(parents=True, exist_ok=True)
        side_file(crpt_dir / f"{day.isoformat()}.log", 0.03, lambda t, k: (
            f"{t} | INFO | Market.Crpt.CrptClient | POST /api/v4/true-api/codes/check: 200, "
            f"кодов {1 + k % 8} | \r\n"))
    written["bytes"] = sum(p.stat().st_size for p in folder.iterdir()) + (
        (crpt_dir / f"{day.isoformat()}.log").stat().st_size if crpt_dir else 0)
    return written
