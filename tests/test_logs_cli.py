"""``python -m collector logs``: Russian for people on stderr, one JSON object on stdout, the exit
codes of DESIGN.md, never a traceback."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.test_logs_fixtures import DAY, data_dir, run_cli, week


def _ok(result, code: int = 0) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr


def test_date_json_is_one_object_with_files_errors_and_previews(demo):
    result = run_cli("logs", "--date", demo.today.isoformat(), "--root", str(demo.root), "--json")
    _ok(result)
    data = json.loads(result.stdout)
    assert data["day"] == demo.today.isoformat()
    assert data["errors"] == demo.error_days[demo.today]
    assert data["versions"] == [demo.version]
    assert data["installation"]["version"] == demo.version
    kinds = [f["kind"] for f in data["files"]]
    assert kinds == ["trace", "error", "performace", "egais", "backup", "crpt"]
    for f in data["files"]:
        assert f["size"] == f["bundle_size"] > 0 and f["source"].startswith("C:\\ProgramData")
    assert data["first_errors"] and all(e["message"] and "{" not in e["message"]
                                        for e in data["first_errors"])
    assert all(":" in (e["exception"] or e["message"]) for e in data["first_errors"])
    assert result.stderr == ""


def test_date_human_output_in_russian(demo):
    result = run_cli("logs", "--date", demo.today.strftime("%d.%m.%Y"), "--root", str(demo.root))
    _ok(result)
    assert result.stdout == ""
    err = result.stderr
    assert f"журналы за {demo.today:%d.%m.%Y}" in err and demo.version in err
    assert "trace.log" in err and "backup.log" in err and "CRPT_logs\\" in err
    assert "Первые ошибки:" in err and "error.log, строка" in err
    assert f"ошибок (ERROR) {demo.error_days[demo.today]}" in err


def test_window_cap_and_days_around(demo):
    day = demo.today - timedelta(days=1)
    result = run_cli("logs", "--date", day.isoformat(), "--root", str(demo.root), "--json",
                     "--around", "1", "--from", "12:00", "--to", "13:00", "--max-file-mb",
                     "0.02")
    _ok(result)
    data = json.loads(result.stdout)
    assert data["days"] == [(day + timedelta(days=k)).isoformat() for k in (-1, 0, 1)]
    assert data["window"] == {"from": f"{day}T12:00:00", "to": f"{day}T13:00:59.999999"}
    on_day = [f for f in data["files"] if f["day"] == day.isoformat()]
    trace = on_day[0]
    assert trace["kind"] == "trace" and "12:00:00" in trace["cut"]
    assert trace["bundle_size"] < trace["size"]
    around = [f for f in data["files"] if f["day"] != day.isoformat() and f["kind"] == "trace"]
    assert around and all(f["bundle_size"] <= 0.02 * 1024 * 1024 for f in around)
    assert all("вырезано" in f["cut"] for f in around)
    human = run_cli("logs", "--date", day.isoformat(), "--root", str(demo.root),
                    "--from", "12:00", "--to", "13:00")
    _ok(human)
    assert "только записи с 12:00:00 по 13:00:59" in human.stderr
    assert "Сокращено:" in human.stderr


def test_calendar(demo):
    result = run_cli("logs", "--calendar", "--days", "7", "--today", demo.today.isoformat(),
                     "--root", str(demo.root), "--json")
    _ok(result)
    data = json.loads(result.stdout)
    assert {d["date"]: d["errors"] for d in data["calendar"]} == {
        d.isoformat(): n for d, n in demo.error_days.items()
        if d > demo.today - timedelta(days=7)}
    assert data["from"] == (demo.today - timedelta(days=6)).isoformat()
    human = run_cli("logs", "--calendar", "--days", "7", "--today", demo.today.isoformat(),
                    "--root", str(demo.root))
    _ok(human)
    closed = demo.today - timedelta(days=4)
    assert f"{closed:%d.%m.%Y}" in human.stderr and "журналов нет" in human.stderr
    assert "● " in human.stderr and "Дней с журналами: 6" in human.stderr


def test_a_date_without_logs_exits_2_and_names_nearby_days(demo):
    closed = demo.today - timedelta(days=4)
    result = run_cli("logs", "--date", closed.isoformat(), "--root", str(demo.root))
    _ok(result, 2)
    before, after = closed - timedelta(days=1), closed + timedelta(days=1)
    assert f"За {closed:%d.%m.%Y} журналов нет" in result.stderr
    assert f"{before:%d.%m.%Y}" in result.stderr and f"{after:%d.%m.%Y}" in result.stderr
    assert f"--date {before.isoformat()}" in result.stderr
    data = json.loads(run_cli("logs", "--date", closed.isoformat(), "--root", str(demo.root),
                              "--json").stdout)
    assert data["files"] == [] and before.isoformat() in data["nearby_days"]
    future = run_cli("logs", "--date", "2099-01-01", "--root", str(demo.root))
    _ok(future, 2)
    assert "ещё не наступила" in future.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2026-13-45"], "Такой даты нет"),
    (["--date", "вчера"], "Неверная дата «вчера»"),
    (["--date", "2026-11-20", "--from", "25:00"], "Неверное время «25:00»"),
    (["--date", "2026-11-20", "--to", "полдень"], "Неверное время"),
    (["--date", "2026-11-20", "--max-file-mb", "0"], "положительное число"),
    (["--date", "2026-11-20", "--max-file-mb", "0.001"], "не меньше"),
    (["--date", "2026-11-20", "--around", "30"], "от 0 до 7"),
    (["--calendar", "--days", "0"], "от 1 до 366"),
    (["--calendar", "--from", "10:00"], "относятся к --date"),
    (["--days", "5"], "Укажите одно из двух"),
    (["--date", "2026-11-20", "--calendar"], "Укажите одно из двух"),
    (["--date"], "нужно значение"),
    (["--calendar", "--days", "много"], "Ошибка в параметрах"),
])
def test_bad_input_is_explained_in_russian_with_exit_2(demo, args, message):
    result = run_cli("logs", *args, "--root", str(demo.root))
    _ok(result, 2)
    assert message in result.stderr
    assert result.stdout == ""


def test_no_installation_exits_3_and_a_missing_root_exits_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("logs", "--date", "2026-11-20", "--root", str(empty))
    _ok(result, 3)
    assert "GBS.Market на этом компьютере не найдена" in result.stderr
    result = run_cli("logs", "--calendar", "--root", str(empty))
    _ok(result, 3)
    result = run_cli("logs", "--date", "2026-11-20", "--root", str(tmp_path / "нет такой"))
    _ok(result, 2)
    assert "не найдена" in result.stderr


def test_data_folder_without_logs_exits_3(tmp_path):
    root = tmp_path / "C"
    logs_dir, crpt = data_dir(root)
    week(logs_dir, crpt, DAY, days=1)
    result = run_cli("logs", "--date", DAY.isoformat(), "--root", str(root), "--json")
    _ok(result)  # a data folder alone is found (no Market.exe): logs are still worth taking
    assert json.loads(result.stdout)["files"]
    for p in sorted(logs_dir.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    logs_dir.rmdir()
    result = run_cli("logs", "--date", DAY.isoformat(), "--root", str(root))
    _ok(result)  # the marking-system log of that day is still there
    assert "CRPT_logs\\2026-11-20.log" in result.stderr
    assert "Папка журналов" in result.stderr and "не найдена" in result.stderr
    (crpt / f"{DAY}.log").unlink()
    result = run_cli("logs", "--date", DAY.isoformat(), "--root", str(root))
    _ok(result, 3)
    assert "Папка журналов" in result.stderr and "не найдена" in result.stderr
