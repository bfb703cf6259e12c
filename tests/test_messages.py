"""Bad input and bad places get a clear Russian message and the documented exit code, never
English fragments, never a misleading «Мало места», never half an entry in the bundle."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from collector.demo import DemoInfo

DAY = "2026-11-19"
REPO = Path(__file__).resolve().parent.parent
ENGLISH = re.compile(r"\b(?:No such|Permission denied|Read-only|Expecting|Errno|Traceback|"
                     r"denied|file system|directory|Invalid|invalid|error)\b")


def messages(stderr: str) -> str:
    """What people read: the lines that are not the tool's log records (those are for support,
    in English, and go to the tool's log file too)."""
    return "\n".join(line for line in stderr.splitlines()
                     if not re.match(r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \S+: ", line))


def collect(root: Path, out: Path, *extra: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collector", "collect", "--root", str(root),
                           "--date", DAY, "--out", str(out), *extra], capture_output=True,
                          text=True, timeout=300,
                          env={**os.environ, "GBS_COLLECTOR_DATA_DIR": str(data)})


@pytest.mark.parametrize("args", [["--max-log-mb", "-1"], ["--max-log-mb", "0"],
                                  ["--max-log-mb", "nan"], ["--max-log-mb", "inf"],
                                  ["--around", "-2"], ["--time-limit", "database=-5"],
                                  ["--time-limit", "logs=0"]])
def test_nonsense_numbers_are_usage_errors(demo: DemoInfo, tmp_path: Path, args) -> None:
    res = collect(demo.root, tmp_path / "out", *args, data=tmp_path / "u")
    assert res.returncode == 2, res.stderr
    assert "больше нуля" in res.stderr or "отрицательным" in res.stderr
    assert not (tmp_path / "out").exists()


def test_a_future_date_says_so(demo: DemoInfo, tmp_path: Path) -> None:
    future = (date.today() + timedelta(days=3)).isoformat()
    res = subprocess.run([sys.executable, "-m", "collector", "collect", "--root", str(demo.root),
                          "--date", future, "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert "ещё не наступила" in res.stderr


@pytest.mark.parametrize("where", ["/proc/gbs-collector-test/out", "/proc/version/out",
                                   "/dev/null/out"])
def test_an_impossible_out_folder_is_not_low_space(demo: DemoInfo, tmp_path: Path,
                                                   where: str) -> None:
    res = collect(demo.root, Path(where), data=tmp_path / "u")
    assert res.returncode == 2, res.stderr
    assert "Мало места" not in res.stderr and "Выберите" in res.stderr
    assert not ENGLISH.search(messages(res.stderr)), res.stderr


def test_out_inside_the_program_folders_is_refused(demo: DemoInfo, tmp_path: Path) -> None:
    for inside in ("Program Files (x86)/F-Lab/Market 6/bundles",
                   "ProgramData/F-Lab/GBS.Market/6/Logs"):
        res = collect(demo.root, demo.root / inside, data=tmp_path / "u")
        assert res.returncode == 2, res.stderr
        assert "ничего не пишет в папки программы" in res.stderr
        assert "GBS Support" in res.stderr  # the suggested folder
        assert not (demo.root / inside).exists() or inside.endswith("Logs")


def test_a_read_only_out_folder(demo: DemoInfo, tmp_path: Path) -> None:
    """A real read-only mount (a private mount namespace): choose another folder."""
    ro = tmp_path / "ro"
    ro.mkdir()
    script = (f'mount -t tmpfs -o ro,size=1m tmpfs "{ro}" && exec "{sys.executable}" -m '
              f'collector collect --root "{demo.root}" --date {DAY} --out "{ro}/out"')
    res = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c", script],
                         capture_output=True, text=True, timeout=120, cwd=REPO,
                         env={**os.environ, "GBS_COLLECTOR_DATA_DIR": str(tmp_path / "u")})
    assert res.returncode == 2, res.stderr
    assert "только для чтения" in res.stderr and "Выберите другую папку" in res.stderr
    assert not ENGLISH.search(messages(res.stderr)), res.stderr


def test_a_database_file_that_is_not_firebird(demo: DemoInfo, tmp_path: Path) -> None:
    demo.database.write_bytes(b"this is not a database " * 1000)
    res = collect(demo.root, tmp_path / "out", "--json", data=tmp_path / "u")
    assert res.returncode == 4, res.stderr
    manifest = json.loads(res.stdout)["manifest"]
    assert not any(f["path"].startswith("database/") for f in manifest["files"])
    db = next(s for s in manifest["steps"] if s["name"] == "database")
    assert db["status"] == "failed" and not ENGLISH.search(db["message"]), db["message"]


def test_a_broken_config_is_reported_in_russian(demo: DemoInfo, tmp_path: Path) -> None:
    cfg = demo.root / "ProgramData/F-Lab/GBS.Market/6/Configs/DataBase.json"
    cfg.write_text('{"Connection": {"Path": "C:\\\\x", }', encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "collector", "detect", "--root", str(demo.root),
                          "--json"], capture_output=True, text=True, timeout=120)
    problems = json.dumps(json.loads(res.stdout), ensure_ascii=False)
    assert "DataBase.json повреждён" in problems
    assert "Expecting" not in problems and "строка 1" in problems


def test_mapped_os_errors_are_russian() -> None:
    import errno

    from collector.oserrors import json_error_text, os_error_text

    for code in (errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.ENOTDIR):
        text = os_error_text(OSError(code, os.strerror(code)))
        assert re.search("[а-я]", text) and not ENGLISH.search(text)
    try:
        json.loads('{"a": }')
    except ValueError as exc:
        assert json_error_text(exc) == "ожидалось значение (строка 1, столбец 7)"
    assert shutil.which("unshare")
