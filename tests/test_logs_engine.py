"""The log engine on real files: counts, encodings, multi-line entries, windows, size caps, the
bytes the bundle gets."""

from __future__ import annotations

import codecs
import itertools
import subprocess
import threading
from datetime import date, datetime, time, timedelta

import py7zr
import pytest

from collector import logs
from collector.errors import Cancelled
from collector.installation import detect
from collector.sysroot import SystemRoot
from tests import market_facts as mf
from tests.test_logs_fixtures import (
    DAY,
    ENCODINGS,
    EXPECTED_NAME,
    VERSION,
    count_entries,
    data_dir,
    error_entry,
    header,
    line,
    trace_text,
    week,
    write,
)


def _bundle_bytes(lf: logs.LogFile) -> bytes:
    with lf.open_for_bundle() as fh:
        data = fh.read()
    assert len(data) == lf.bundle_size
    return data


def _by_name(sel: logs.LogSelection) -> dict[str, logs.LogFile]:
    return {f.archive_path.rsplit("/", 1)[-1]: f for f in sel.files}


# --- the demo installation ---------------------------------------------------------------------
def test_calendar_counts_each_error_once_on_the_demo(demo):
    inst = detect(SystemRoot(demo.root)).installation
    cal = logs.error_calendar(inst.logs_dir, inst.crpt_logs_dir, days=62, today=demo.today)
    assert {d: s.errors for d, s in cal.items()} == demo.error_days
    # trace.log repeats every error of error.log: a per-line count would be twice as high
    day = max(d for d, n in demo.error_days.items() if n)
    folder = inst.logs_dir / day.isoformat()
    raw = sum(count_entries(logs.decode_head(p.read_bytes()))[0] for p in folder.iterdir())
    assert raw == 2 * demo.error_days[day]
    missing = [demo.today - timedelta(days=i) for i in range(7)]
    assert set(missing) - set(cal) == {demo.today - timedelta(days=4)}  # the closed day
    s = cal[demo.today]
    assert s.files == 6 and s.fatals == 0 and not s.unreadable and not s.crpt_only
    today_dir = inst.logs_dir / demo.today.isoformat()
    crpt_file = inst.crpt_logs_dir / f"{demo.today}.log"
    assert s.bytes == sum(p.stat().st_size for p in today_dir.iterdir()) + crpt_file.stat().st_size
    # the program keeps day folders 30 days and CRPT logs 90: older days have only CRPT zips
    old = [d for d in cal if d < cal.logs_kept_since]
    assert old and all(cal[d].crpt_only for d in old)


def test_select_demo_day_lists_every_file_with_counts_versions_and_previews(demo):
    inst = detect(SystemRoot(demo.root)).installation
    sel = logs.select_logs(inst, demo.today, around=1)
    day, before = demo.today.isoformat(), (demo.today - timedelta(days=1)).isoformat()
    assert [f.archive_path for f in sel.files] == [
        f"logs/{before}/trace.log", f"logs/{before}/error.log", f"logs/{before}/performace.log",
        f"logs/{before}/egais.log", f"logs/{before}/backup.log", f"logs/crpt/{before}.zip",
        f"logs/{day}/trace.log", f"logs/{day}/error.log", f"logs/{day}/performace.log",
        f"logs/{day}/egais.log", f"logs/{day}/backup.log", f"logs/crpt/{day}.log"]
    sel = logs.select_logs(inst, demo.today)
    by = _by_name(sel)
    assert by["trace.log"].errors == by["error.log"].errors == demo.error_days[demo.today]
    assert sel.errors == demo.error_days[demo.today]
    assert by["backup.log"].encoding == "utf-16-le"
    assert by["performace.log"].versions == []  # no header
    assert all(f.versions == [demo.version] for f in sel.files
               if f.kind not in ("performace", "backup"))
    assert sel.versions == [demo.version]
    assert by["trace.log"].source_windows.startswith("C:\\ProgramData\\F-Lab\\GBS.Market\\6\\Logs")
    # today's files are still open in the program: the last trace line is half written
    assert any("не дописана" in n for n in by["trace.log"].notes)
    assert by["trace.log"].runs.last_open and not by["trace.log"].runs.unclean
    # previews: each error once, from error.log, the exception from the message column's JSON
    assert len(sel.first_errors) == demo.error_days[demo.today]
    for e in sel.first_errors:
        assert e.file == "error.log" and e.level == "ERROR"
        assert e.message and "{" not in e.message
        assert e.exception is None or (":" in e.exception and "{" not in e.exception)
        assert "." in e.callsite and not e.callsite.startswith("Market.")
    for f in sel.files:  # uncut: the bundle gets the bytes unchanged
        assert f.bundle_size == f.size and f.cut is None
        assert _bundle_bytes(f) == f.source.read_bytes()


# --- encodings and entries -----------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_counts_decodes_and_copies_unchanged(tmp_path, encoding):
    logs_dir, crpt = data_dir(tmp_path)
    text = trace_text(DAY, errors=[(9, 15, 3), (14, 2, 7)], fatals=[(20, 0, 0)])
    text += line(DAY, 21, 59, 59, "ERROR", "Market.Reports.Z", "Отчёт «Прибыль» не построен")
    path = write(logs_dir / DAY.isoformat() / "trace.log", text, encoding)
    sel = logs.select_day_logs(logs_dir, crpt, DAY)
    (f,) = sel.files
    assert f.encoding == EXPECTED_NAME[encoding]
    assert (f.errors, f.fatals) == (3, 1) == count_entries(text)
    assert f.versions == [VERSION]
    assert f.first_time == "08:00:01" and f.last_time == "21:59:59"
    assert [e.time[11:19] for e in f.first_errors] == ["09:15:03", "14:02:07", "20:00:00",
                                                        "21:59:59"]
    assert f.first_errors[0].message == "Ошибка при открытии журнала продаж"
    assert f.first_errors[2].exception == "System.OutOfMemoryException: мало памяти"
    assert f.first_errors[3].message == "Отчёт «Прибыль» не построен"
    assert f.lines == text.count("\n")
    assert _bundle_bytes(f) == path.read_bytes()
    # a file whose very first line (right after the BOM, if any) is an error entry
    bare = line(DAY, 7, 0, 0, "FATAL", "Market.App", "Сбой при запуске") + line(
        DAY, 7, 0, 1, "ERROR", "Market.App", "Повтор")
    write(logs_dir / DAY.isoformat() / "egais.log", bare, encoding)
    e = _by_name(logs.select_day_logs(logs_dir, crpt, DAY))["egais.log"]
    assert (e.errors, e.fatals, e.first_time) == (1, 1, "07:00:00")
    assert e.first_errors[0].message == "Сбой при запуске"


def test_multiline_json_entries_count_once_and_words_inside_do_not_count(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    tricky = ("  \"Message\": \"20.11.2026 10:00:00.0000 | ERROR | скопированная строка "
              "журнала\",\r\n  \"Note\": \"| FATAL | внутри текста\"\r\n}\r\n")
    text = (header()
            + error_entry(DAY, 10, 0, 1)
            + line(DAY, 10, 0, 2, "ERROR", "Market.A", "текст с | ERROR | внутри сообщения")
            + "20.11.2026 10:00:03.0000 | ERROR | Market.B | JSON ниже | {\r\n" + tricky
            + error_entry(DAY, 11, 0, 0, level="FATAL", message="Падение"))
    path = write(logs_dir / DAY.isoformat() / "error.log", text)
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY).files
    assert (f.errors, f.fatals) == (3, 1)
    assert [e.time[11:19] for e in f.first_errors] == ["10:00:01", "10:00:02", "10:00:03",
                                                        "11:00:00"]
    first = f.first_errors[0]
    assert first.exception == ("FirebirdSql.Data.FirebirdClient.FbException: arithmetic "
                               "exception, numeric overflow")
    assert first.line == 4
    cal = logs.error_calendar(logs_dir, crpt, days=1, today=DAY)
    assert (cal[DAY].errors, cal[DAY].fatals) == (3, 1)
    assert _bundle_bytes(f) == path.read_bytes()


def test_partial_last_line_of_a_file_being_written(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    folder = logs_dir / DAY.isoformat()
    whole = line(DAY, 12, 0, 0, "ERROR", "Market.A", "записана целиком").rstrip("\r\n")
    write(folder / "trace.log", header() + line(DAY, 9, 0, 0, "INFO", "M", "старт") + whole)
    write(folder / "egais.log", header() + line(DAY, 9, 0, 0, "INFO", "M", "старт")
          + "20.11.2026 12:00:01.0000 | ERR")
    by = _by_name(logs.select_day_logs(logs_dir, crpt, DAY))
    assert by["trace.log"].errors == 1  # the complete words count even without a newline
    assert by["egais.log"].errors == 0  # "| ERR" is not an error yet
    for name in ("trace.log", "egais.log"):
        assert any("не дописана" in n for n in by[name].notes)
        assert by[name].lines == 5


@pytest.mark.parametrize("chunk", [256, 333, 4096])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_counts_do_not_depend_on_where_chunks_end(tmp_path, monkeypatch, chunk, encoding):
    """Small chunks put every needle, timestamp and newline across a chunk border somewhere;
    a line longer than a chunk holds the words without being an entry."""
    logs_dir, crpt = data_dir(tmp_path)
    long_line = ("   в " + "Маркет.Очень.Длинный.Кадр | ERROR | " * 40).rstrip() + "\r\n"
    text = header()
    for i in range(60):
        text += line(DAY, 9, i, i % 60, "ERROR" if i % 7 == 0 else "INFO", f"Market.S{i}",
                     "ы" * (i % 13))
        if i % 11 == 0:
            text += long_line
        if i % 17 == 0:
            text += line(DAY, 10, i, 0, "FATAL", "Market.F", "фатально")
    path = write(logs_dir / DAY.isoformat() / "trace.log", text, encoding)
    expected = count_entries(text)
    assert expected == (9, 4)
    monkeypatch.setattr(logs.reading, "CHUNK", chunk)
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY).files
    assert (f.errors, f.fatals) == expected
    assert f.lines == text.count("\n")
    cal = logs.error_calendar(logs_dir, crpt, days=1, today=DAY)
    assert (cal[DAY].errors, cal[DAY].fatals) == expected
    sel = logs.select_day_logs(logs_dir, crpt, DAY, window=(time(9, 10), time(9, 40, 59)))
    (w,) = sel.files
    kept = _bundle_bytes(w).decode("utf-16" if encoding == "utf-16" else "utf-8")
    assert w.errors == len([i for i in range(10, 41) if i % 7 == 0])
    stamps = [ln[11:16] for ln in kept.splitlines() if ln[:2] == "20"]
    assert stamps and all("09:10" <= s <= "09:40" for s in stamps)
    assert path.read_bytes().startswith(_bundle_bytes(w)[:10])


def test_a_days_errors_are_distinct_entries_across_files(tmp_path, monkeypatch):
    logs_dir, crpt = data_dir(tmp_path)
    folder = logs_dir / DAY.isoformat()
    times = [(9, 1, 1), (10, 2, 2), (11, 3, 3)]
    # the CRPT messages are in trace.log too (GBS_MARKET.md §4), as separate events
    crpt_errors = [line(DAY, 13, 0, 0, "ERROR", "CrptHelper.Send", "таймаут", frac=1),
                   # two different failures of one call site within the same 0.1 ms
                   line(DAY, 13, 0, 0, "ERROR", "CrptHelper.Send", "ответ 500", frac=1)]
    write(folder / "trace.log", trace_text(DAY, errors=times)[:-len(mf.FOOTER)]
          + "".join(crpt_errors) + mf.FOOTER)
    # error.log: the same entries; its call site names another frame and the source line
    write(folder / "error.log", header() + "".join(
        line(DAY, h, m, s, "ERROR", "SalesJournalViewModel.LoadDocuments(SalesJournal.cs:88)",
             "Ошибка при открытии журнала продаж", "FirebirdSql.Data.FirebirdClient."
             "FbException: arithmetic exception") for h, m, s in times) + "".join(
        ln.replace("CrptHelper.Send", "CrptHelper.SendRequest") for ln in crpt_errors))
    write(folder / "egais.log", header() + line(DAY, 12, 0, 0, "ERROR", "EgaisHelper.Send",
                                                "УТМ недоступен"))
    write(crpt / f"{DAY}.log", header() + mf.crpt_line(mf.at(DAY, 13, 0, 0, 2), "ERROR", "таймаут")
          + mf.crpt_line(mf.at(DAY, 13, 0, 0, 2), "ERROR", "ответ 500"))
    cal = logs.error_calendar(logs_dir, crpt, days=3, today=DAY)
    assert (cal[DAY].errors, cal[DAY].fatals, cal[DAY].files) == (6, 0, 4)
    assert not cal[DAY].approximate
    sel = logs.select_day_logs(logs_dir, crpt, DAY, today=DAY)
    assert (sel.errors, sel.fatals) == (6, 0)
    by = _by_name(sel)
    assert [by[n].errors for n in ("trace.log", "error.log", "egais.log", f"{DAY}.log")] == \
        [5, 5, 1, 2]
    assert len(sel.first_errors) == 6  # each entry once, whatever file it came from
    # a storm of errors beyond what is remembered is flagged, not hidden
    monkeypatch.setattr(logs.calendar, "DEDUP_CAP", 2)
    cal = logs.error_calendar(logs_dir, crpt, days=1, today=DAY)
    assert cal[DAY].approximate and cal[DAY].errors >= 6


def test_calendar_range_future_days_cancel_and_progress(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    counts = week(logs_dir, crpt, DAY, days=5)
    future = DAY + timedelta(days=3)
    week(logs_dir, crpt, future, days=1)
    cal = logs.error_calendar(logs_dir, crpt, days=3, today=DAY)
    assert sorted(cal) == [DAY - timedelta(days=2), DAY - timedelta(days=1), DAY]
    assert {d: s.errors for d, s in cal.items()} == {d: counts[d] for d in cal}
    assert cal.days_outside == [future]
    assert any("позже сегодняшней" in p and "23.11.2026" in p for p in cal.problems)
    seen = []
    cal = logs.error_calendar(logs_dir, crpt, days=30, today=DAY,
                              progress=lambda done, total: seen.append((done, total)))
    assert len(cal) == 5
    total = sum(s.bytes for s in cal.values())
    assert seen and seen[-1] == (total, total)
    assert all(a <= b for (a, _), (b, _) in itertools.pairwise(seen))
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        logs.error_calendar(logs_dir, crpt, days=30, today=DAY, cancel=stop)
    with pytest.raises(logs.LogsError):
        logs.error_calendar(logs_dir, crpt, days=0, today=DAY)


# --- windows, days around, size caps ----------------------------------------------------------
def test_time_window_keeps_header_entries_in_window_and_marks_the_gaps(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    folder = logs_dir / DAY.isoformat()
    errors = [(9, 5, 0), (12, 30, 0), (18, 0, 0)]
    text = trace_text(DAY, entries=[(e, error_entry(DAY, *e)) for e in errors])
    trace = write(folder / "trace.log", text)
    write(folder / "error.log", header() + "".join(error_entry(DAY, *e) for e in errors))
    backup = mf.append_backup_log(folder / "backup.log", mf.backup_run("12:10:00", "12:10:09",
                                                                       mf.GBAK_OK))
    sel = logs.select_day_logs(logs_dir, crpt, DAY, window=(time(12, 0), time(13, 59, 59)))
    by = _by_name(sel)
    t = by["trace.log"]
    kept = _bundle_bytes(t).decode("utf-8")
    assert kept.startswith(header())
    entries = [ln for ln in kept.splitlines() if ln.startswith("20.11.2026")]
    assert entries and all("12:00" <= ln[11:16] <= "13:59" for ln in entries)
    assert len(entries) == 12 + 1  # 6 an hour for two hours, and the error at 12:30
    markers = [ln for ln in kept.splitlines() if "GBS Support Collector" in ln]
    assert len(markers) == 2
    assert "пропущено" in markers[0] and "(08:00:01–11:50:01)" in markers[0]
    assert "(14:00:01–21:50:01)" in markers[1]
    assert kept.endswith(markers[1] + "\r\n")  # the footer of the run was out of the window
    assert t.errors == 1 and sel.errors == 1
    assert "12:00:00" in t.cut and "13:59:59" in t.cut
    assert t.size == trace.stat().st_size and t.bundle_size < t.size
    e = by["error.log"]
    assert e.errors == 1 and _bundle_bytes(e).decode().count("ClassName") == 1
    # backup.log's runs carry only a clock time, no entry times: it is kept whole
    b = by["backup.log"]
    assert b.encoding == "utf-16-le" and b.cut is None
    assert _bundle_bytes(b) == backup.read_bytes()


def test_window_past_midnight_takes_the_next_morning_and_days_around_whole(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    nxt, prev = DAY + timedelta(days=1), DAY - timedelta(days=1)
    for d in (prev, DAY, nxt):
        write(logs_dir / d.isoformat() / "trace.log",
              header() + "".join(line(d, h, 0, 0, "ERROR" if h in (1, 23) else "INFO", "M",
                                      "ночь") for h in range(24)))
    sel = logs.select_day_logs(logs_dir, crpt, DAY, window=(time(22, 30), time(1, 30)))
    assert sel.days == [DAY, nxt]
    assert sel.window == (datetime(2026, 11, 20, 22, 30), datetime(2026, 11, 21, 1, 30))
    day_file, next_file = sel.files
    assert [ln[11:13] for ln in _bundle_bytes(day_file).decode().splitlines()
            if ln[:2] == "20"] == ["23"]
    assert [ln[11:13] for ln in _bundle_bytes(next_file).decode().splitlines()
            if ln[:2] == "21"] == ["00", "01"]
    assert sel.day_stats[DAY].errors == 1 and sel.day_stats[nxt].errors == 1
    around = logs.select_day_logs(logs_dir, crpt, DAY, around=1)
    assert around.days == [prev, DAY, nxt]
    assert [f.archive_path for f in around.files] == [
        f"logs/{d}/trace.log" for d in (prev, DAY, nxt)]
    assert all(f.cut is None for f in around.files)
    with pytest.raises(logs.LogsError):
        logs.select_day_logs(logs_dir, crpt, DAY, around=logs.MAX_AROUND + 1)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_size_cap_keeps_head_and_tail_at_line_boundaries_and_counts_the_cut(tmp_path, encoding):
    logs_dir, crpt = data_dir(tmp_path)
    errors = [(h, m, 30) for h in range(8, 22) for m in (7, 37)]
    text = trace_text(DAY, errors=errors, filler_per_hour=60)
    path = write(logs_dir / DAY.isoformat() / "trace.log", text, encoding)
    cap = 24 * 1024
    assert path.stat().st_size > 4 * cap
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY, max_file_bytes=cap).files
    assert f.bundle_size <= cap
    out = _bundle_bytes(f)
    original = path.read_bytes()
    dec = "utf-16" if encoding == "utf-16" else "utf-8"
    kept = out.decode(dec)
    head, marker, tail = kept.split("\r\n----- GBS Support Collector")[0], None, None
    lines = kept.split("\r\n")
    (mi,) = [i for i, ln in enumerate(lines) if "GBS Support Collector" in ln]
    marker = lines[mi]
    head = "\r\n".join(lines[:mi]) + "\r\n"
    tail = "\r\n".join(lines[mi + 1:])
    assert original.decode(dec).startswith(head) and original.decode(dec).endswith(tail)
    assert tail.startswith("20.11.2026 ")  # the tail starts at an entry
    cut_text = original.decode(dec)[len(head): len(original.decode(dec)) - len(tail)]
    cut_errors, _f = count_entries(cut_text)
    assert cut_errors > 0 and f"ERROR: {cut_errors}," in marker
    assert f.errors == len(errors)  # the counts are of the whole file
    assert "вырезана середина" in marker and "вырезано" in f.cut
    assert len(head.encode(dec)) > cap // 3 and len(tail.encode(dec)) > cap // 3


def test_small_cap_is_refused(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    with pytest.raises(logs.LogsError, match="не меньше"):
        logs.select_day_logs(logs_dir, crpt, DAY, max_file_bytes=1000)


def test_bundle_streams_go_into_a_7z_that_7zip_reads_back(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    write(logs_dir / DAY.isoformat() / "trace.log",
          trace_text(DAY, errors=[(10, 0, 0)], filler_per_hour=60))
    write(logs_dir / DAY.isoformat() / "ua_prro.log", "")
    sel = logs.select_day_logs(logs_dir, crpt, DAY, max_file_bytes=20 * 1024)
    archive = tmp_path / "out.7z"
    with py7zr.SevenZipFile(archive, "w") as z:
        for f in sel.files:
            with f.open_for_bundle() as fh:
                z.writef(fh, f.archive_path)
    out = tmp_path / "x"
    subprocess.run(["7z", "x", "-y", f"-o{out}", str(archive)], check=True,
                   capture_output=True)
    for f in sel.files:
        assert (out / f.archive_path).read_bytes() == _bundle_bytes(f)
    assert (out / sel.files[0].archive_path).stat().st_size <= 20 * 1024


def test_stream_refuses_a_file_replaced_or_shortened_after_selection(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    path = write(logs_dir / DAY.isoformat() / "trace.log", trace_text(DAY))
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY).files
    path.rename(path.with_name("trace.1.log"))  # NLog archives it and starts a new one
    write(path, trace_text(DAY))
    with pytest.raises(logs.LogFileChanged, match="заменён"):
        f.open_for_bundle()
    (f,) = [x for x in logs.select_day_logs(logs_dir, crpt, DAY).files if x.source == path]
    with open(path, "r+b") as fh:
        fh.truncate(100)
    with pytest.raises(logs.LogFileChanged, match="короче"):
        f.open_for_bundle()


# --- what installation.py relies on --------------------------------------------------------------
def test_header_helpers_used_by_detection(tmp_path):
    logs_dir, crpt = data_dir(tmp_path)
    week(logs_dir, crpt, DAY, days=2)
    newest = logs_dir / DAY.isoformat() / "trace.log"
    write(newest, header("6.6.13.2700") + line(DAY, 9, 0, 0, "INFO", "M", "x"))
    assert logs.header_versions(newest) == ["6.6.13.2700"]
    assert logs.header_versions(logs_dir / DAY.isoformat() / "error.log") == [VERSION]
    assert logs.header_versions(logs_dir / DAY.isoformat() / "backup.log") == []  # not NLog
    version, path = logs.newest_logged_version(logs_dir)
    assert path.parent.name == DAY.isoformat() and version in ("6.6.13.2700", VERSION)
    assert logs.decode_head("Привет".encode("cp1251")) == "Привет"
    assert logs.decode_head("Привет".encode("utf-16")) == "Привет"
    assert logs.decode_head(codecs.BOM_UTF8 + "Привет".encode()) == "Привет"
    assert logs.day_folders(logs_dir) == {d: logs_dir / d.isoformat()
                                          for d in (DAY, DAY - timedelta(days=1))}


def test_numbers_in_russian():
    assert logs.plural(1, "ошибка", "ошибки", "ошибок") == "1 ошибка"
    assert logs.plural(3, "ошибка", "ошибки", "ошибок") == "3 ошибки"
    assert logs.plural(11, "ошибка", "ошибки", "ошибок") == "11 ошибок"
    assert logs.plural(22, "ошибка", "ошибки", "ошибок") == "22 ошибки"
    assert logs.human_size(3) == "3 байт" and logs.human_size(2048) == "2,0 КБ"
    assert logs.human_size(5 * 1024 ** 3) == "5,0 ГБ"


def test_windows_are_inclusive_and_cross_midnight():
    a, b = logs.window_interval(date(2026, 1, 31), (time(23, 0), time(1, 0)))
    assert (a.day, b.day, b.month) == (31, 1, 2)
    a, b = logs.window_interval(DAY, (time(10, 0), time(10, 0)))
    assert a == b  # one instant; the command line widens "--to 10:00" to the whole minute
