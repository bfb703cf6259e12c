"""The demo installation is genuine of its kind: a real Firebird database, NLog logs, regedit
export, the program's own backup zips."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from firebird.driver import connect

from collector.demo import DemoError, build_demo
from tests import market_facts as mf

DATA = Path("ProgramData/F-Lab/GBS.Market/6")


def test_database_opens_with_firebird(demo_template) -> None:
    with connect(str(demo_template.database), user="SYSDBA", password="masterkey",
                 charset="UTF8") as con:
        cur = con.cursor()
        cur.execute("SELECT COUNT(*) FROM GOODS")
        assert cur.fetchone()[0] >= 20
        cur.execute("SELECT NAME FROM GOODS WHERE ID = 1")
        assert cur.fetchone()[0] == "Молоко «Простоквашино» 3,2% 930 мл"
        cur.execute("SELECT COUNT(*), SUM(REVENUE) FROM SALES_JOURNAL")
        days, revenue = cur.fetchone()
        assert days > 30 and revenue > 0
        assert con.info.page_size == 8192 and con.info.ods == 12.0


ENTRY = re.compile(r"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d\.\d{4} \| ")
NLOG_LINE = re.compile(r"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d\.\d{4} \| "
                       r"(TRACE|DEBUG|INFO|WARN|ERROR|FATAL) \| [A-Za-z_<>]\S* \| ")
PERF_LINE = re.compile(r"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d\.\d{4} \| [A-Za-z]\S* \| .* $")
CRPT_LINE = re.compile(r"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d\.\d{4} \| "
                       r"(TRACE|DEBUG|INFO|WARN|ERROR|FATAL) \| [^|]* \| ")


def test_demo_logs_are_laid_out_as_the_program_writes_them(demo_template) -> None:
    """GBS_MARKET.md §3, §4, §7, checked against the facts' writer (tests/market_facts.py)."""
    data = demo_template.root / DATA
    logs = data / "Logs"
    days = sorted(p.name for p in logs.iterdir())
    assert len(days) == 6  # a week with one closed day
    for day in days:
        names = {p.name for p in (logs / day).iterdir()}
        # no ua_prro.log: nothing in the program writes it
        assert names == {"trace.log", "error.log", "performace.log", "egais.log", "backup.log"}
        for name in ("trace.log", "error.log", "egais.log"):
            raw = (logs / day / name).read_bytes()
            assert not raw.startswith(codecs.BOM_UTF8) and b"\r\n" in raw
            text = raw.decode("utf-8")
            assert text.startswith(mf.HEADER.format(version=demo_template.version))
            assert "\n" not in text.replace("\r\n", "") or name != "egais.log"
            for ln in text.split("\r\n"):
                if ENTRY.match(ln):
                    assert NLOG_LINE.match(ln), (name, ln)
        perf = (logs / day / "performace.log").read_bytes().decode("utf-8")
        assert "NLog" not in perf and all(PERF_LINE.match(ln) for ln in perf.split("\r\n") if ln)
        raw = (logs / day / "backup.log").read_bytes()
        assert raw.startswith(codecs.BOM_UTF16_LE) and raw.count(codecs.BOM_UTF16_LE) == 1
        lines = raw[2:].decode("utf-16-le").split("\r\n")
        assert lines[0] == "-" * 64 and re.fullmatch(r"start \d\d:\d\d:\d\d", lines[1])
        assert re.fullmatch(r"finish \d\d:\d\d:\d\d", lines[-2]) and lines[-1] == ""
        assert all(ln.startswith("gbak:") for ln in lines if ln and not
                   re.fullmatch(r"-{64}|(start|finish) \d\d:\d\d:\d\d", ln))
    sample = logs / days[-2]
    error_text = (sample / "error.log").read_bytes().decode("utf-8")
    n_errors = demo_template.error_days[date.fromisoformat(days[-2])]
    assert error_text.count("| ERROR |") == n_errors
    # an error: the JSON in the message column, the exception column empty ("} | ")
    assert error_text.count('{\r\n  "Exception": {\r\n    "ClassName": ') == n_errors
    assert error_text.count("\r\n} | \r\n") == n_errors
    trace = (sample / "trace.log").read_bytes().decode("utf-8")
    hex_id = demo_template.gbs_id[2:]
    assert f"| Запуск программы. {demo_template.version} (x64) | " in trace
    assert f"| GBS.ID: {hex_id}\r\nDate end: " in trace
    assert trace.endswith(mf.FOOTER)
    # CRPT: today's log, past days zipped by the program with the log at the zip's root
    crpt = data / "CRPT_logs"
    today = demo_template.today.isoformat()
    assert (crpt / f"{today}.log").read_bytes().decode("utf-8").startswith(
        mf.HEADER.format(version=demo_template.version))
    for z in crpt.glob("*.zip"):
        with zipfile.ZipFile(z) as zf:
            assert zf.namelist() == [z.stem + ".log"]
            for ln in zf.read(z.stem + ".log").decode("utf-8").split("\r\n"):
                assert not ENTRY.match(ln) or CRPT_LINE.match(ln)


def test_program_backups_hold_a_restorable_fbk(demo_template, tmp_path: Path) -> None:
    folder = (demo_template.root / "Users/Магазин/Documents/GBS.Market6_backups"
              / demo_template.gbs_id[2:])
    zips = sorted(folder.glob("*.zip"))
    assert len(zips) == 2
    with zipfile.ZipFile(zips[-1]) as z:
        assert "main.fbk" in z.namelist()
        assert any(n.startswith("Configs/") for n in z.namelist())
        (tmp_path / "main.fbk").write_bytes(z.read("main.fbk"))
    subprocess.run(["gbak", "-c", str(tmp_path / "main.fbk"), str(tmp_path / "r.fdb")],
                   check=True, capture_output=True)
    with connect(str(tmp_path / "r.fdb"), user="SYSDBA", charset="UTF8") as con:
        cur = con.cursor()
        cur.execute("SELECT COUNT(*) FROM DOCUMENTS")
        assert cur.fetchone()[0] > 0


def test_configs_in_program_shape_with_secrets(demo_template) -> None:
    """GBS_MARKET.md §5: the program's files, Newtonsoft indented, UTF-8 without a BOM, enums as
    numbers except Interface's Language, Country and Theme."""
    cfg = demo_template.root / DATA / "Configs"
    assert {p.name for p in cfg.glob("*.json")} == {
        "Devices.json", "Settings.json", "DataBase.json", "Cafe.json", "FilterOptions.json",
        "Integrations.json"}
    for p in cfg.glob("*.json"):
        raw = p.read_bytes()
        assert not raw.startswith(codecs.BOM_UTF8) and raw.startswith(b"{\r\n  \"")
        assert b"null" not in raw
    db = json.loads((cfg / "DataBase.json").read_bytes())
    assert db["Connection"]["ServerPort"] == 3060 and db["Connection"]["ConnectionType"] == 1
    assert isinstance(db["ModeProgram"], int) and isinstance(db["BackUp"]["CreatePeriod"], int)
    ui = json.loads((cfg / "Settings.json").read_bytes())["Interface"]
    assert (ui["Country"], ui["Language"], ui["Theme"]) == ("Russia", "Russian", "Default")
    assert (cfg / "ExcelTemplates" / "ImportToCatalog").is_dir()
    everything = "".join(p.read_text(encoding="utf-8") for p in cfg.glob("*.json"))
    for secret in demo_template.secrets:
        assert json.dumps(secret)[1:-1] in everything


def test_refuses_a_folder_that_is_not_a_demo(tmp_path: Path) -> None:
    (tmp_path / "важное.txt").write_text("не трогать", encoding="utf-8")
    with pytest.raises(DemoError):
        build_demo(tmp_path, with_database=False)
    assert (tmp_path / "важное.txt").read_text(encoding="utf-8") == "не трогать"
    res = subprocess.run([sys.executable, "-m", "collector", "demo", "--root", str(tmp_path),
                          "--no-db"], capture_output=True, text=True)
    assert res.returncode == 2 and "не пуста" in res.stderr


def test_rebuilding_a_demo_replaces_it(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    build_demo(root, with_database=False)
    (root / "лишнее.txt").write_text("x", encoding="utf-8")
    build_demo(root, with_database=False)
    assert not (root / "лишнее.txt").exists()
    assert (root / "registry.reg").exists()


def test_the_event_log_records_the_crash_day_of_trace_log(demo_template) -> None:
    """The demo PC's Application log (a wevtutil export saved by PowerShell: UTF-16 LE, BOM)
    holds one Market.exe crash, at the moment the crash day's first run stops in trace.log,
    read in the zone registry.reg gives; other programs' entries stand beside it."""
    from datetime import timedelta

    from collector.crash_events import crash_query, program_crashes
    from collector.sysroot import SystemRoot
    from collector.winsys.eventlog import decode_export, open_event_log, parse_export

    raw = (demo_template.root / "eventlog" / "Application.xml").read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)
    every, bad = parse_export(decode_export(raw))
    assert bad == 0 and {e.provider for e in every} == {
        ".NET Runtime", "Application Error", "Windows Error Reporting"}
    log = open_event_log(SystemRoot.from_arg(demo_template.root))
    crashes = {}
    for back in range(7):
        day = demo_template.today - timedelta(days=back)
        found, _used = program_crashes(log.query(crash_query(day, day, log.zone)), log.zone)
        if found:
            crashes[day] = found
    [(day, [crash])] = crashes.items()
    trace = (demo_template.root / DATA / "Logs" / day.isoformat() / "trace.log").read_text(
        encoding="utf-8")
    times = [line[11:19] for line in trace.splitlines() if ENTRY.match(line)]
    starts = [line[11:19] for line in trace.splitlines() if "Запуск программы." in line]
    assert len(starts) == 2 and "Работа восстановлена после аварийного завершения" in trace
    before_restart = max(t for t in times if t < starts[1])
    assert before_restart <= crash.when.strftime("%H:%M:%S") < starts[1]
    assert (crash.exception, crash.module) == ("System.NullReferenceException",
                                               "KERNELBASE.dll")
