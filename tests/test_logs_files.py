"""Logs as a real PC has them: files the program is writing, links that loop, empty and
unreadable files, odd folders, days without logs — and nothing is ever written under the root."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time as clock
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from collector import logs
from collector.installation import detect
from collector.sysroot import SystemRoot
from tests.conftest import tree_snapshot
from tests.test_logs_fixtures import (
    DAY,
    count_entries,
    data_dir,
    header,
    line,
    run_cli,
    trace_text,
    week,
    write,
)

WRITER = r"""
import sys, time
path, mode = sys.argv[1], sys.argv[2]
# kept open for the whole run and appended to, as NLog does
with open(path, "a", encoding="utf-8", newline="") as fh:
    def burst(n, tag):
        for i in range(n):
            level = "ERROR" if i % 5 == 0 else "INFO"
            fh.write(f"20.11.2026 23:{i % 60:02d}:{i % 60:02d}.0000 | {level} | Market.Late | "
                     f"дописано {tag}-{i} | \r\n")
        fh.flush()
    if mode == "commands":
        for cmd in sys.stdin:
            burst(int(cmd), "c")
            print("ok", flush=True)
    else:
        end = time.monotonic() + float(mode)
        k = 0
        while time.monotonic() < end:
            burst(50, k)
            k += 1
            # a half-written line now and then, completed a moment later
            fh.write("20.11.2026 23:59:59.0000 | ERR"); fh.flush(); time.sleep(0.0005)
            fh.write("OR | Market.Late | строка дописана | \r\n"); fh.flush()
"""


def _stream(lf: logs.LogFile) -> bytes:
    with lf.open_for_bundle() as fh:
        return fh.read()


def test_a_file_appended_by_another_process_is_read_as_it_was_when_opened(tmp_path,
                                                                         monkeypatch):
    logs_dir, crpt = data_dir(tmp_path)
    path = write(logs_dir / DAY.isoformat() / "trace.log",
                 trace_text(DAY, errors=[(9, 0, 0), (15, 0, 0)], filler_per_hour=60))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "commands"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        def append(n: int) -> None:
            writer.stdin.write(f"{n}\n")
            writer.stdin.flush()
            assert writer.stdout.readline().strip() == "ok"

        append(10)  # the program wrote more before we looked
        before = path.read_bytes()
        monkeypatch.setattr(logs.reading, "CHUNK", 4096)
        calls = []

        def progress(done: int, total: int) -> None:
            if not calls:
                append(40)  # ...and keeps writing while we read
            calls.append(done)

        (lf,) = logs.select_day_logs(logs_dir, crpt, DAY, progress=progress).files
        assert len(calls) > 2
        assert lf.size == len(before) < path.stat().st_size
        assert (lf.errors, lf.fatals) == count_entries(before.decode())
        assert any("дописывается" in n for n in lf.notes)
        append(25)
        assert _stream(lf) == before  # exactly what was counted, whatever came after
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)


def test_reading_while_the_program_writes_never_breaks(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    path = write(logs_dir / DAY.isoformat() / "trace.log", trace_text(DAY, filler_per_hour=30))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "2.0"])
    try:
        rounds = 0
        sizes = set()
        deadline = clock.monotonic() + 1.5
        while clock.monotonic() < deadline or rounds < 5:
            sel = logs.select_day_logs(logs_dir, crpt, DAY)
            (lf,) = sel.files
            data = _stream(lf)
            assert len(data) == lf.bundle_size == lf.size
            assert path.read_bytes()[: lf.size] == data
            # counted on exactly these bytes; a half-written "| ERR" does not count
            assert lf.errors == count_entries(data.decode("utf-8", "replace"))[0]
            cal = logs.error_calendar(logs_dir, crpt, days=1, today=DAY)
            assert cal[DAY].files == 1
            sizes.add(lf.size)
            rounds += 1
    finally:
        writer.wait(timeout=30)
    assert writer.returncode == 0
    assert len(sizes) > 2  # the file really grew between the readings


def test_symlink_loops_links_to_folders_and_links_out_of_the_logs(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    folder = logs_dir / DAY.isoformat()
    write(folder / "trace.log", trace_text(DAY, errors=[(10, 0, 0)]))
    (folder / "loop.log").symlink_to("loop.log")
    (folder / "a.log").symlink_to("b.log")
    (folder / "b.log").symlink_to("a.log")
    (folder / "sub").symlink_to("..", target_is_directory=True)
    (folder / "nowhere.log").symlink_to("gone.log")
    outside = write(tmp_path / "elsewhere" / "secret.txt", "не для поддержки")
    (folder / "leak.log").symlink_to(outside)
    (folder / "copy.log").symlink_to("trace.log")
    (logs_dir / (DAY + timedelta(days=1)).isoformat()).symlink_to(
        (DAY + timedelta(days=1)).isoformat())  # a day folder that points at itself
    away = DAY - timedelta(days=1)
    (logs_dir / away.isoformat()).symlink_to(outside.parent, target_is_directory=True)
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    assert [f.archive_path for f in sel.files] == [f"logs/{DAY}/trace.log",
                                                   f"logs/{DAY}/copy.log"]
    assert sel.files[1].errors == 1
    reasons = {Path(s.path).name: s.reason for s in sel.skipped}
    assert "зациклена" in reasons["loop.log"]
    assert "зациклена" in reasons["a.log"] and "зациклена" in reasons["b.log"]
    assert "папку" in reasons["sub"]
    assert "несуществующий" in reasons["nowhere.log"]
    assert "за пределы" in reasons["leak.log"]
    assert len(sel.problems) == len(sel.skipped)
    assert sel.day_stats[DAY].unreadable == 6 and sel.day_stats[DAY].files == 2
    cal = logs.error_calendar(logs_dir, crpt, days=5, today=DAY + timedelta(days=1))
    assert list(cal) == [away, DAY]
    assert (cal[away].files, cal[away].unreadable) == (0, 1)
    assert "за пределы" in cal[away].problems[0]
    assert logs.select_day_logs(logs_dir, crpt, away).files == []
    assert cal[DAY].errors == 1 and cal[DAY].files == 2 and cal[DAY].unreadable == 6
    assert logs.day_folders(logs_dir) == {DAY: folder, away: logs_dir / away.isoformat()}


def test_empty_files_are_kept_as_they_are(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    write(logs_dir / DAY.isoformat() / "trace.log", "")
    write(logs_dir / DAY.isoformat() / "error.log", header() + line(DAY, 9, 0, 0, "ERROR", "M",
                                                                    "x"))
    write(crpt / f"{DAY}.log", "")
    size = (logs_dir / DAY.isoformat() / "error.log").stat().st_size
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    assert [(f.kind, f.size, f.bundle_size) for f in sel.files] == [
        ("trace", 0, 0), ("error", size, size), ("crpt", 0, 0)]
    empty = sel.files[0]
    assert _stream(empty) == b"" and empty.encoding == "—" and empty.lines == 0
    assert any("пустой файл" in n for n in empty.notes)
    cal = logs.error_calendar(logs_dir, crpt, days=1, today=DAY)
    assert (cal[DAY].files, cal[DAY].errors, cal[DAY].bytes) == (3, 1, size)


def _unreadable_tree(base: Path) -> tuple[Path, Path, Path]:
    root = base / "C"
    logs_dir = root / "ProgramData" / "F-Lab" / "GBS.Market" / "6" / "Logs"
    crpt = logs_dir.parent / "CRPT_logs"
    crpt.mkdir(parents=True)
    week(logs_dir, crpt, DAY, days=1)
    locked = logs_dir / DAY.isoformat() / "egais.log"
    locked.chmod(0)
    return root, logs_dir, locked


def _bypasses_permissions(path: Path) -> bool:
    """True for root (CAP_DAC_OVERRIDE): chmod 000 does not stop it."""
    try:
        path.open("rb").close()
        return True
    except PermissionError:
        return False


def test_an_unreadable_file_is_reported_and_the_rest_collected(tmp_path):
    root, logs_dir, locked = _unreadable_tree(tmp_path)
    try:
        bypass = _bypasses_permissions(locked)
        assert bypass == (os.geteuid() == 0 and "dac_override" in _capabilities())
        sel = logs.select_day_logs(logs_dir, logs_dir.parent / "CRPT_logs", DAY)
        names = [f.archive_path.rsplit("/", 1)[-1] for f in sel.files]
        if bypass:
            # so it is collected here; the command line below runs without that privilege
            # (capabilities dropped before exec) to meet the real refusal
            assert "egais.log" in names and not sel.skipped
        else:
            assert "egais.log" not in names and "trace.log" in names
            (skipped,) = sel.skipped
            assert skipped.path.endswith("egais.log") and "нет доступа" in skipped.reason
        result = run_cli("logs", "--date", DAY.isoformat(), "--root", str(root), "--json",
                         without_dac=bypass)
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert "egais.log" not in [f["archive_path"].rsplit("/", 1)[-1] for f in data["files"]]
        assert "trace.log" in [f["archive_path"].rsplit("/", 1)[-1] for f in data["files"]]
        (skipped,) = data["skipped"]
        assert skipped["path"].endswith("\\egais.log")
        assert "нет доступа" in skipped["reason"] and "администратора" in skipped["reason"]
        assert any("egais.log" in p for p in data["problems"])
        human = run_cli("logs", "--date", DAY.isoformat(), "--root", str(root),
                        without_dac=bypass)
        assert "egais.log не включён: нет доступа" in human.stderr
        assert "Traceback" not in human.stderr
        cal = run_cli("logs", "--calendar", "--today", DAY.isoformat(), "--root", str(root),
                      "--json", without_dac=bypass)
        (day,) = json.loads(cal.stdout)["calendar"]
        assert day["unreadable"] == 1 and day["files"] == 5
    finally:
        locked.chmod(0o644)


def test_an_unreadable_day_folder(tmp_path):
    root, logs_dir, locked = _unreadable_tree(tmp_path)
    bypass = _bypasses_permissions(locked)
    locked.chmod(0o644)
    folder = logs_dir / DAY.isoformat()
    folder.chmod(0)
    try:
        result = run_cli("logs", "--date", DAY.isoformat(), "--root", str(root), "--json",
                         without_dac=bypass)
        data = json.loads(result.stdout)
        assert [f["kind"] for f in data["files"]] == ["crpt"]
        assert any("нет доступа к папке" in s["reason"] for s in data["skipped"])
        assert result.returncode == 0 and "Traceback" not in result.stderr
    finally:
        folder.chmod(0o755)


def _capabilities() -> str:
    """Effective capabilities of this process, by name (from /proc)."""
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith("CapEff:"):
            eff = int(row.split()[1], 16)
            return " ".join(name for bit, name in ((1, "dac_override"), (2, "dac_read_search"))
                            if eff >> bit & 1)
    return ""


@pytest.mark.timeout(60)
def test_a_fifo_among_logs_is_skipped_without_waiting_for_a_writer(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    write(logs_dir / DAY.isoformat() / "trace.log", trace_text(DAY))
    os.mkfifo(logs_dir / DAY.isoformat() / "egais.log")
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    assert [f.kind for f in sel.files] == ["trace"]
    (s,) = sel.skipped
    assert "не обычный файл" in s.reason
    assert logs.error_calendar(logs_dir, crpt, days=1, today=DAY)[DAY].unreadable == 1


def test_subfolders_and_odd_file_names_inside_a_day(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    folder = logs_dir / DAY.isoformat()
    write(folder / "trace.log", trace_text(DAY, errors=[(9, 0, 0)]))
    write(folder / "archive" / "trace.1.log", trace_text(DAY, errors=[(8, 0, 0)]))
    write(folder / "трассировка:1 .log", header())
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    assert [f.archive_path for f in sel.files] == [
        f"logs/{DAY}/trace.log", f"logs/{DAY}/archive/trace.1.log",
        f"logs/{DAY}/трассировка_1 .log"]
    assert sel.day_stats[DAY].errors == 2


def test_oddly_named_folders_are_named_and_left_alone(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    other = DAY - timedelta(days=2)
    week(logs_dir, crpt, other, days=1)
    for name in ("2026-11-20 - копия", "20.11.2026", "2026-13-45", "мусор"):
        write(logs_dir / name / "trace.log", trace_text(DAY, errors=[(9, 0, 0)]))
    write(logs_dir / (DAY - timedelta(days=1)).isoformat(), "это файл, а не папка")
    assert logs.day_folders(logs_dir) == {other: logs_dir / other.isoformat()}
    odd = dict(logs.odd_folders(logs_dir))
    assert odd == {"2026-11-20 - копия": DAY, "20.11.2026": DAY, "2026-13-45": None,
                   "мусор": None, "2026-11-19": date(2026, 11, 19)}
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    assert sel.files == [] and sel.nearby_days == [other]
    text = "\n".join(sel.problems)
    assert "«2026-11-20 - копия»" in text and "«20.11.2026»" in text
    assert "18.11.2026" in text and "2026-13-45" not in text
    cal = logs.error_calendar(logs_dir, crpt, days=10, today=DAY)
    assert list(cal) == [other]


def test_a_date_without_logs_names_the_nearby_days(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    for d in (15, 16, 18, 19, 23, 24, 25, 27):
        day = date(2026, 11, d)
        write(logs_dir / day.isoformat() / "trace.log", trace_text(day))
    write(crpt / "2026-11-21.log", header())  # only the marking-system log that day
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    assert sel.nearby_days == [date(2026, 11, 16), date(2026, 11, 18), date(2026, 11, 19),
                               date(2026, 11, 21), date(2026, 11, 23), date(2026, 11, 24)]
    (msg,) = sel.problems
    assert "За 20.11.2026 журналов нет" in msg and "19.11.2026" in msg and "21.11.2026" in msg
    assert sel.files == [] and not sel.found
    only_crpt = logs.select_day_logs(logs_dir, crpt, date(2026, 11, 21))
    assert [f.archive_path for f in only_crpt.files] == ["logs/crpt/2026-11-21.log"]
    shutil.rmtree(logs_dir)
    (msg,) = logs.select_day_logs(logs_dir, crpt, DAY).problems
    assert "не найдена" in msg
    logs_dir.mkdir()
    shutil.rmtree(crpt)
    (msg,) = logs.select_day_logs(logs_dir, crpt, DAY).problems
    assert "нет ни одного дня" in msg
    cal = logs.error_calendar(logs_dir, crpt, today=DAY)
    assert dict(cal) == {} and cal.problems == []


def test_nothing_is_written_under_the_root(demo):
    before = tree_snapshot(demo.root)
    inst = detect(SystemRoot(demo.root)).installation
    logs.error_calendar(inst.logs_dir, inst.crpt_logs_dir, days=30, today=demo.today)
    for kwargs in ({}, {"around": 2}, {"window": (time(12, 0), time(1, 0))},
                   {"max_file_bytes": logs.MIN_FILE_CAP}):
        sel = logs.select_logs(inst, demo.today - timedelta(days=1), **kwargs)
        for f in sel.files:
            _stream(f)
    for args in (["--date", demo.today.isoformat(), "--around", "1", "--json"],
                 ["--date", demo.today.isoformat(), "--from", "10:00", "--to", "11:00",
                  "--max-file-mb", "0.02"],
                 ["--calendar", "--today", demo.today.isoformat()],
                 ["--date", "2020-01-01"]):
        result = run_cli("logs", *args, "--root", str(demo.root),
                         env={"PYTHONDONTWRITEBYTECODE": "1"})
        assert "Traceback" not in result.stderr
    assert tree_snapshot(demo.root) == before


def test_concurrent_selections_share_nothing(tmp_path):
    """The GUI may compute the calendar while a selection is being bundled."""
    logs_dir, crpt = data_dir(tmp_path)
    counts = week(logs_dir, crpt, DAY, days=4)
    results: list[object] = []

    def work() -> None:
        try:
            cal = logs.error_calendar(logs_dir, crpt, days=7, today=DAY)
            sel = logs.select_day_logs(logs_dir, crpt, DAY, max_file_bytes=logs.MIN_FILE_CAP)
            results.append(({d: s.errors for d, s in cal.items()}, sel.errors,
                            [len(_stream(f)) == f.bundle_size for f in sel.files]))
        except Exception as exc:  # pragma: no cover - reported below
            results.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == (counts, counts[DAY], [True] * 6) for r in results), results


def test_temp_files_are_not_left_behind(tmp_path):
    """Reading makes no side files (no caches next to the logs, no temp files)."""
    logs_dir, crpt = data_dir(tmp_path)
    week(logs_dir, crpt, DAY, days=2)
    before = sorted(p.name for p in Path(tempfile.gettempdir()).iterdir())
    listing = sorted(str(p) for p in tmp_path.rglob("*"))
    logs.select_day_logs(logs_dir, crpt, DAY, around=1, max_file_bytes=logs.MIN_FILE_CAP)
    logs.error_calendar(logs_dir, crpt, days=3, today=DAY)
    assert sorted(str(p) for p in tmp_path.rglob("*")) == listing
    after = sorted(p.name for p in Path(tempfile.gettempdir()).iterdir())
    assert [n for n in after if n not in before and n.startswith("tmp")] == []
