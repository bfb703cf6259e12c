"""Each log file read by its own layout (GBS_MARKET.md §3, §4, §7), on files written from the
facts by :mod:`tests.market_facts`."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from collector import logs
from collector.logs.layouts import CRPT, ERROR, PERFORMANCE, TRACE
from collector.logs.layouts.nlog import error_info
from collector.logs.layouts.others import backup_runs
from tests import market_facts as mf

DAY = date(2026, 11, 20)
GBS_HEX = "0F3A9C5E7B214D6A8E1F2C3B4A5D6E7F"
STACK = ["   в Gbs.Forms.Sales.SalesJournalViewModel.Load()",
         "   в Gbs.Helpers.MVVM.RelayCommand.Execute(Object parameter)"]


def _dirs(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "ProgramData" / "F-Lab" / "GBS.Market" / "6"
    return base / "Logs", base / "CRPT_logs"


def _error(t, log_message="Ошибка при открытии журнала продаж", inner=None) -> str:
    return mf.exception_json("FirebirdSql.Data.FirebirdClient.FbException",
                             "arithmetic exception, numeric overflow, or string truncation",
                             log_message, STACK, inner)


def _day_with_errors(logs_dir: Path, day: date = DAY) -> list:
    """trace.log and error.log of one run holding the same two errors; error.log's call site
    names the source line, as ``fileName=true`` renders it."""
    t1, t2 = mf.at(day, 10, 15, 3, 4521), mf.at(day, 14, 2, 59, 17)
    inner = mf.inner_exception("System.Net.Sockets.SocketException", "Connection refused")
    e1, e2 = _error(t1), _error(t2, log_message="", inner=inner)
    trace = mf.nlog_file([
        *mf.startup_lines(mf.at(day, 8, 0, 1), GBS_HEX),
        mf.trace_line(mf.at(day, 9), "INFO", "CheckService.Close", "Чек №12 закрыт"),
        mf.error_entry(t1, "LogHelper.WriteError", e1),
        mf.trace_line(mf.at(day, 12), "TRACE", "GoodsRepository.Find",
                      "В тексте | ERROR | не запись"),
        mf.error_entry(t2, "LogHelper.Error", e2),
    ])
    error = mf.nlog_file([
        mf.error_entry(t1, mf.error_callsite("LogHelper.WriteError", "LogHelper.cs", 171), e1),
        mf.error_entry(t2, mf.error_callsite("LogHelper.Error", "LogHelper.cs", 255), e2),
    ])
    folder = logs_dir / day.isoformat()
    return [mf.write(folder / "trace.log", trace), mf.write(folder / "error.log", error)]


def test_error_json_in_the_message_column_counts_once_and_names_the_exception(tmp_path):
    logs_dir, crpt = _dirs(tmp_path)
    trace, error = _day_with_errors(logs_dir)
    assert trace.read_bytes().count(b"| ERROR |") == 3  # two entries and one message's text
    assert error.read_bytes().count(b"| ERROR |") == 2
    sel = logs.select_day_logs(logs_dir, crpt, DAY, today=DAY)
    by = {f.archive_path.rsplit("/", 1)[-1]: f for f in sel.files}
    assert (by["trace.log"].errors, by["error.log"].errors) == (2, 2)
    assert sel.errors == 2  # the same entries in both files, although their call sites differ
    assert logs.error_calendar(logs_dir, crpt, days=1, today=DAY)[DAY].errors == 2
    first, second = sel.first_errors
    assert first.file == "error.log" and first.callsite == "LogHelper.WriteError(LogHelper.cs:171)"
    assert first.message == "Ошибка при открытии журнала продаж"
    assert first.exception == ("FirebirdSql.Data.FirebirdClient.FbException: arithmetic "
                               "exception, numeric overflow, or string truncation")
    assert first.time == "20.11.2026 10:15:03.4521"
    # no log message: the exception is the text, its inner exception follows
    assert second.message.startswith("FirebirdSql.Data.FirebirdClient.FbException: arithmetic")
    assert second.exception.endswith("← System.Net.Sockets.SocketException: Connection refused")


def test_error_json_that_is_no_longer_valid_json_still_gives_the_exception():
    # a path with "\n" inside a message: the program's Replace turned it into a line break
    text = mf.exception_json("System.IO.IOException", "Файл C:\\new\\a.csv занят",
                             "Импорт", STACK)
    assert 'C:\\' + '\n' + 'ew' in text  # JSON's escaped backslash, its "\n" a line break
    log_message, exception = error_info(text)
    assert log_message == "Импорт" and exception.startswith("System.IO.IOException: Файл C:")


def test_columns_of_each_layout():
    t = mf.at(DAY, 9, 30, 0, 1)
    cols = TRACE.split(mf.trace_line(t, "WARN", "PriceLoader.Load", "a | b", "System.X: y"))
    assert (cols.level, cols.callsite, cols.message, cols.exception) == \
        ("WARN", "PriceLoader.Load", "a | b", "System.X: y")
    cols = ERROR.split(mf.trace_line(t, "ERROR", "A.B(A.cs:3)", "m"))
    assert (cols.callsite, cols.message, cols.exception) == ("A.B(A.cs:3)", "m", "")
    cols = PERFORMANCE.split(mf.perf_line(t, "Performancer.Stop", "Загрузка: 120 мс"))
    assert (cols.level, cols.callsite, cols.message) == ("", "Performancer.Stop",
                                                         "Загрузка: 120 мс")
    cols = CRPT.split(mf.crpt_line(t, "INFO", "POST /api/v4/true-api/codes/check: 200"))
    assert (cols.level, cols.callsite, cols.message) == \
        ("INFO", "", "POST /api/v4/true-api/codes/check: 200")


def test_performace_log_has_no_level_no_header_and_no_errors(tmp_path):
    logs_dir, crpt = _dirs(tmp_path)
    text = "".join(mf.perf_line(mf.at(DAY, 8 + i), "Performancer.Stop",
                                f"Загрузка каталога | ERROR | {100 + i} мс") for i in range(5))
    mf.write(logs_dir / DAY.isoformat() / "performace.log", text)
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY, today=DAY).files
    assert (f.kind, f.errors, f.versions) == ("performace", 0, [])
    assert (f.first_time, f.last_time, f.lines) == ("08:00:00", "12:00:00", 5)


def test_crpt_today_log_and_past_days_zip_are_collected_for_their_date(tmp_path):
    logs_dir, crpt = _dirs(tmp_path)
    past = DAY - timedelta(days=1)
    _day_with_errors(logs_dir, past)
    exc = '{"ClassName":"System.Net.WebException","Message":"The operation has timed out"}'
    past_text = mf.nlog_file([
        mf.crpt_line(mf.at(past, 10), "INFO", "POST /codes/check: 200"),
        mf.crpt_line(mf.at(past, 11), "ERROR", "Ошибка проверки кодов" + exc),
    ])
    zipped = mf.zip_crpt_day(crpt, past, past_text)
    mf.write(crpt / f"{DAY.isoformat()}.log",
             mf.nlog_file([mf.crpt_line(mf.at(DAY, 9), "INFO", "POST /codes/check: 200")],
                          closed=False))
    sel = logs.select_day_logs(logs_dir, crpt, past, around=1, today=DAY)
    by = {f.archive_path: f for f in sel.files}
    z = by[f"logs/crpt/{past.isoformat()}.zip"]
    assert z.day == past and z.kind == "crpt" and z.encoding == "zip: utf-8"
    assert (z.errors, z.lines, z.versions) == (1, 7, [mf.VERSION])  # header 3, footer 2
    assert z.size == z.bundle_size == zipped.stat().st_size
    with z.open_for_bundle() as fh:  # the program's zip goes into the bundle unchanged
        assert fh.read() == zipped.read_bytes()
    assert by[f"logs/crpt/{DAY.isoformat()}.log"].day == DAY
    # every CRPT entry is also in trace.log: the day still has its two distinct errors
    assert sel.day_stats[past].errors == 2
    with zipfile.ZipFile(io.BytesIO(zipped.read_bytes())) as zf:
        assert zf.namelist() == [f"{past.isoformat()}.log"]


def test_a_day_past_the_folder_retention_counts_its_crpt_errors_and_says_why(tmp_path):
    logs_dir, crpt = _dirs(tmp_path)
    logs_dir.mkdir(parents=True)
    old = DAY - timedelta(days=40)
    exc = '{"ClassName":"System.Net.WebException","Message":"timeout"}'
    mf.zip_crpt_day(crpt, old, mf.nlog_file([
        mf.crpt_line(mf.at(old, 11), "ERROR", "Ошибка проверки кодов" + exc)]))
    _day_with_errors(logs_dir, DAY)
    cal = logs.error_calendar(logs_dir, crpt, days=62, today=DAY)
    assert cal[old].crpt_only and cal[old].errors == 1 and not cal[DAY].crpt_only
    assert cal.logs_kept_since == DAY - timedelta(days=30)
    assert cal.crpt_kept_since == DAY - timedelta(days=90)
    sel = logs.select_day_logs(logs_dir, crpt, old, today=DAY)
    assert sel.errors == 1 and sel.first_errors[0].exception == "System.Net.WebException: timeout"
    assert "хранит 30 дней" in sel.problems[0] and "Честного знака" in sel.problems[0]
    gone = DAY - timedelta(days=35)
    sel = logs.select_day_logs(logs_dir, crpt, gone, today=DAY)
    assert not sel.files and "уже удалила" in sel.problems[0] and "30 дней" in sel.problems[0]
    assert logs.retention_hint(DAY - timedelta(days=29), DAY) is None


def test_backup_log_is_utf16_with_runs_of_gbak_lines(tmp_path):
    logs_dir, crpt = _dirs(tmp_path)
    path = logs_dir / DAY.isoformat() / "backup.log"
    mf.append_backup_log(path, mf.backup_run("09:00:02", "09:00:14", mf.GBAK_OK))
    mf.append_backup_log(path, mf.backup_run("21:30:40", "21:30:41", mf.GBAK_FAILED))
    raw = path.read_bytes()
    assert raw.startswith(b"\xff\xfe-\x00") and raw.count(b"\xff\xfe") == 1
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY, today=DAY).files
    assert (f.kind, f.encoding, f.errors, f.lines) == ("backup", "utf-16-le", 0,
                                                       len(mf.GBAK_OK) + len(mf.GBAK_FAILED) + 6)
    runs = backup_runs(raw[2:].decode("utf-16-le"))
    assert [(r.start, r.finish, r.completed) for r in runs] == [
        ("09:00:02", "09:00:14", True), ("21:30:40", "21:30:41", False)]
    assert runs[1].errors[0].startswith("gbak: ERROR:Unable to complete network request")


def test_runs_of_the_day_from_trace_log_footers_and_startup_lines(tmp_path):
    logs_dir, crpt = _dirs(tmp_path)
    text = (mf.HEADER.format(version=mf.VERSION)
            + "".join(mf.startup_lines(mf.at(DAY, 8, 0, 1), GBS_HEX))
            + mf.trace_line(mf.at(DAY, 9), "INFO", "CheckService.Close", "Чек №1 закрыт")
            # no footer: the program was killed; the next start notices it
            + "".join(mf.startup_lines(mf.at(DAY, 11, 5, 7), GBS_HEX, recovered=True))
            + mf.FOOTER
            + "".join(mf.startup_lines(mf.at(DAY, 15, 0, 0), GBS_HEX)))
    mf.write(logs_dir / DAY.isoformat() / "trace.log", text)
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY, today=DAY).files
    runs = f.runs
    assert runs.starts == ["08:00:01", "11:05:07", "15:00:00"]
    assert runs.unclean == ["08:00:01"] and runs.recovered == ["11:05:07"] and runs.last_open
    assert runs.gbs_ids == [("08:00:03", GBS_HEX), ("11:05:09", GBS_HEX),
                            ("15:00:02", GBS_HEX)]


@pytest.mark.parametrize("layout", ["trace.log", "error.log", "egais.log"])
def test_header_version_is_read_from_every_framed_file(tmp_path, layout):
    logs_dir, crpt = _dirs(tmp_path)
    mf.write(logs_dir / DAY.isoformat() / layout, mf.nlog_file(
        [mf.trace_line(mf.at(DAY, 9), "INFO", "X.Y", "z")], version="6.6.11.2590"))
    (f,) = logs.select_day_logs(logs_dir, crpt, DAY, today=DAY).files
    assert f.versions == ["6.6.11.2590"] and f.kind == layout.split(".")[0]
