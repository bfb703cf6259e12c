"""What is already known, at the top of request.txt and in the manifest: crash hints from
trace.log, CorrectExit, the database header, Firebird's own firebird.log, the Windows
Application log's crash entries."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from collector.database.firebird_log import entries_of_days, parse_firebird_log
from collector.logs.runs import Runs, crash_hints
from collector.winsys.eventlog import parse_export
from tests.test_collect import extract

DATA = Path("ProgramData/F-Lab/GBS.Market/6")
# a real firebird.log: the lab's Firebird 3 server (tests/fbserver.py) wrote it
SAMPLE = Path(__file__).parent / "data" / "firebird3.0.log"
CRASH_DAY = "2026-11-17"  # the demo's day whose first run ended without a footer


def test_firebird_log_written_by_a_real_server_is_read_by_entries():
    text = SAMPLE.read_text(encoding="utf-8")
    entries = parse_firebird_log(text)
    assert len(entries) == text.count("\n\n\n") and all(e.host == "vm" for e in entries)
    assert entries[0].when == datetime(2026, 12, 1, 9, 37, 20)
    assert entries[0].first_line.startswith("Shutting down the server with 1 active connection")
    two_lines = next(e for e in entries if "INTL" in e.text)
    assert len(two_lines.text.splitlines()) == 2 and not two_lines.text.startswith("\t")
    assert entries_of_days(entries, {date(2026, 12, 1)}) == entries
    assert entries_of_days(entries, {date(2026, 11, 30)}) == []


def test_crash_hints_name_the_recovery_and_the_run_without_a_footer():
    runs = Runs(date(2026, 11, 17), starts=["08:00:01", "13:12:01"], unclean=["08:00:01"],
                recovered=["13:12:01"])
    hints = crash_hints(runs, still_running=False)
    assert "Работа восстановлена после аварийного завершения" in hints[0] and "13:12:01" in hints[0]
    assert "08:00:01" in hints[1] and "без записи о завершении" in hints[1]
    open_today = Runs(date(2026, 11, 20), starts=["08:00:01"], last_open=True)
    assert crash_hints(open_today, still_running=True) == []  # running now: no crash
    assert "08:00:01" in crash_hints(open_today, still_running=False)[0]


def test_the_known_block_of_a_crash_day(demo, tmp_path):
    fb_dir = demo.root / "Program Files" / "FirebirdServer_9b6e7ae5"
    fb_dir.mkdir(parents=True)
    # the real server's entries, their header lines moved to the day collected
    moved = SAMPLE.read_text(encoding="utf-8").replace("Tue Dec  1", "Tue Nov 17")
    (fb_dir / "firebird.log").write_text(moved, encoding="utf-8")
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "collector", "collect", "--root", str(demo.root),
                          "--date", CRASH_DAY, "--out", str(out), "--json", "--no-db"],
                         capture_output=True, text=True, timeout=300)
    assert "Traceback" not in res.stderr, res.stderr
    result = json.loads(res.stdout)
    manifest = result["manifest"]
    known = manifest["known"]
    assert any("Работа восстановлена после аварийного завершения" in k and "13:12:01" in k
               for k in known)
    assert any("08:00:01" in k and "без записи о завершении" in k for k in known)
    assert any("CorrectExit = false" in k for k in known)  # the demo's program is not running
    header = next(k for k in known if k.startswith("База данных: ODS 12."))
    assert "страница 8192 байт" in header and "разрыв" in header
    assert manifest["database_header"]["page_size"] == 8192
    assert manifest["database_header"]["active_gap"] == (
        manifest["database_header"]["next_transaction"]
        - manifest["database_header"]["oldest_active"])
    fb = next(k for k in known if k.startswith("В журнале Firebird"))
    assert "Shutting down the server" in fb
    assert manifest["settings"]["country"] == "Russia"
    assert manifest["installation"]["name"] == "GBS.Market"
    files = extract(Path(result["bundle"][0]), tmp_path / "x")
    assert files["firebird/firebird.log"].decode().count("vm\tTue Nov 17") == \
        moved.count("vm\tTue Nov 17")
    request = files["request.txt"].decode("utf-8")
    assert "Что известно" in request and "Работа восстановлена" in request
    # the Windows Application log (the demo's export): the crash itself, with its exception
    crash_line = ("17.11.2026 13:10:01 — аварийное завершение Market.exe (.NET: "
                  "System.NullReferenceException в Gbs.Forms.Reports.ProfitReportViewModel.Build)")
    assert crash_line in known and crash_line in request
    [crash] = manifest["event_log"]["crashes"]
    assert (crash["module"], crash["code"]) == ("KERNELBASE.dll", "0xe0434352")
    assert manifest["event_log"]["entries"] == 2  # the runtime's 1026 and WER's 1000
    packed, bad = parse_export(files["system/eventlog-application.xml"].decode("utf-8"))
    assert bad == 0 and [(e.provider, e.event_id) for e in packed] == [
        (".NET Runtime", 1026), ("Application Error", 1000)]
    assert all("Market.exe" in e.data[0][1] for e in packed)
    assert "журнала событий Windows о сбоях программы" in request
    shutil.rmtree(fb_dir)
