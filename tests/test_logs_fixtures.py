"""Helpers for the log tests: real log files written to disk in the program's layout.

No tests here; the other ``test_logs_*`` modules import these.
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from tests import market_facts as mf

REPO = Path(__file__).resolve().parent.parent
DAY = date(2026, 11, 20)
VERSION = "6.6.12.2634"
ENCODINGS = ("utf-8", "utf-8-sig", "cp1251", "utf-16", "utf-16-le", "utf-16-be")
EXPECTED_NAME = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1251": "cp1251",
                 "utf-16": "utf-16-le", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}
# counts the way a person would: a line starting with a timestamp, then the level
ENTRY_RE = re.compile(r"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d\.\d{4} \| (ERROR|FATAL) \|", re.M)


def stamp(day: date, h: int, m: int = 0, s: int = 0, frac: int = 0) -> str:
    return f"{day:%d.%m.%Y} {h:02d}:{m:02d}:{s:02d}.{frac:04d}"


def line(day: date, h: int, m: int, s: int, level: str, site: str, msg: str, exc: str = "",
         frac: int = 0) -> str:
    return f"{stamp(day, h, m, s, frac)} | {level} | {site} | {msg} | {exc}\r\n"


def header(version: str = VERSION) -> str:
    return mf.HEADER.format(version=version)


def trace_text(day: date, *, errors: list[tuple[int, int, int]] = (),
               fatals: list[tuple[int, int, int]] = (), filler_per_hour: int = 6,
               version: str = VERSION,
               entries: list[tuple[tuple[int, int, int], str]] = ()) -> str:
    """A trace.log day: header, INFO/DEBUG lines every 10 minutes 08:00–21:50 with Cyrillic, the
    given ERROR/FATAL entries at their times, footer."""
    items = []
    for h in range(8, 22):
        for k in range(filler_per_hour):
            m = k * (60 // filler_per_hour)
            items.append(((h, m, 1), line(day, h, m, 1, "INFO",
                                          "Market.Sales.CheckService.Close",
                                          f"Чек №{h * 100 + m} закрыт, сумма 150,00 руб.")))
    for h, m, s in errors:
        items.append(((h, m, s), line(day, h, m, s, "ERROR",
                                      "Market.Sales.SalesJournalViewModel.Load",
                                      "Ошибка при открытии журнала продаж",
                                      "FirebirdSql.Data.FirebirdClient.FbException: "
                                      "arithmetic exception")))
    for h, m, s in fatals:
        items.append(((h, m, s), line(day, h, m, s, "FATAL", "Market.App.OnUnhandled",
                                      "Программа будет закрыта",
                                      "System.OutOfMemoryException: мало памяти")))
    items += list(entries)
    items.sort(key=lambda it: it[0])
    return header(version) + "".join(text for _t, text in items) + mf.FOOTER


def error_entry(day: date, h: int, m: int, s: int, *, level: str = "ERROR",
                message: str = "Ошибка при открытии журнала продаж",
                exc_message: str = "arithmetic exception, numeric overflow") -> str:
    """One error the program logs (GBS_MARKET.md §3): the exception as indented JSON in the
    message column, over many lines, the exception column empty."""
    body = mf.exception_json("FirebirdSql.Data.FirebirdClient.FbException", exc_message, message,
                             ["   в Gbs.Forms.Sales.SalesJournalViewModel.Load()"])
    return line(day, h, m, s, level, "SalesJournalViewModel.Load", body)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def data_dir(tmp_path: Path) -> tuple[Path, Path]:
    """``Logs`` and ``CRPT_logs`` folders of a fresh data folder."""
    base = tmp_path / "ProgramData" / "F-Lab" / "GBS.Market" / "6"
    logs, crpt = base / "Logs", base / "CRPT_logs"
    logs.mkdir(parents=True)
    crpt.mkdir(parents=True)
    return logs, crpt


def week(logs: Path, crpt: Path, today: date = DAY, days: int = 5) -> dict[date, int]:
    """``days`` ordinary days ending ``today``, each with trace.log, error.log, performace.log,
    egais.log, backup.log and the CRPT log (zipped for past days, as the program leaves them);
    the error count per day."""
    counts = {}
    for i in range(days):
        d = today - timedelta(days=i)
        folder = logs / d.isoformat()
        errors = [(9 + k, 10, 5) for k in range(i % 3)]
        write(folder / "trace.log", trace_text(d, filler_per_hour=2, entries=[
            (e, error_entry(d, *e)) for e in errors]))
        write(folder / "error.log", header() + "".join(error_entry(d, *e) for e in errors)
              + mf.FOOTER)
        write(folder / "performace.log", "".join(
            mf.perf_line(mf.at(d, h, 30), "Performancer.Stop", f"Загрузка каталога: {h} мс")
            for h in range(8, 22, 3)))
        write(folder / "egais.log", mf.nlog_file([mf.trace_line(
            mf.at(d, 9, 30), "TRACE", "EgaisHelper.GetIncoming(EgaisHelper.cs:40)",
            "УТМ 127.0.0.1:8080 доступен")]))
        mf.append_backup_log(folder / "backup.log", mf.backup_run("08:00:04", "08:00:15",
                                                                  mf.GBAK_OK))
        crpt_text = mf.nlog_file([mf.crpt_line(mf.at(d, 10 + k), "INFO", "POST /codes: 200")
                                  for k in range(3)])
        if d == today:
            write(crpt / f"{d.isoformat()}.log", crpt_text)
        else:
            mf.zip_crpt_day(crpt, d, crpt_text)
        counts[d] = len(errors)
    return counts


def count_entries(text: str) -> tuple[int, int]:
    levels = ENTRY_RE.findall(text)
    return levels.count("ERROR"), levels.count("FATAL")


def drop_dac_caps() -> None:  # pragma: no cover - runs in the child before exec
    """As root, give up the right to ignore file permissions (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH) for the program about to be executed: a chmod 000 file then really
    cannot be read, as for any other user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "PR_CAPBSET_DROP failed")


def run_cli(*args: str, without_dac: bool = False, timeout: float = 120,
            env: dict | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m collector …`` from the worktree, as the user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "collector", *args], cwd=REPO, capture_output=True, text=True,
        timeout=timeout, env={**os.environ, **(env or {}), "PYTHONPATH": str(REPO)},
        preexec_fn=drop_dac_caps if without_dac else None,
    )
