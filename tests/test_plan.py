"""Before «Собрать»: what goes in, how big, how long, and whether there is room for it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collector.demo import DemoInfo
from collector.plan import learned_db_rate
from tests.conftest import tree_snapshot

DAY = "2026-11-19"


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(data))
    return data


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collector", *args], capture_output=True,
                          text=True, timeout=180)


def test_review_lists_everything_and_writes_nothing(demo: DemoInfo, tmp_path: Path) -> None:
    before = tree_snapshot(demo.root)
    out = tmp_path / "out"
    res = cli("collect", "--root", str(demo.root), "--date", DAY, "--out", str(out), "--review")
    assert res.returncode == 0, res.stderr
    for title in ("Журналы программы", "База данных", "Настройки программы", "Сведения о "
                  "компьютере", "Обращение и GBS.ID"):
        assert title in res.stderr
    assert f"logs/{DAY}/trace.log" in res.stderr and "database/main.fbk" in res.stderr
    assert "Итого:" in res.stderr and "Место в" in res.stderr
    assert not out.exists()
    assert tree_snapshot(demo.root) == before


def test_review_json_matches_what_collect_then_writes(demo: DemoInfo, tmp_path: Path) -> None:
    out = tmp_path / "out"
    common = ["collect", "--root", str(demo.root), "--date", DAY, "--out", str(out), "--json",
              "--exclude", f"logs/{DAY}/egais.log"]
    plan = json.loads(cli(*common, "--review").stdout)
    assert plan["space_ok"] is True
    db = next(i for i in plan["items"] if i["group"] == "database")
    assert db["estimated"] is True
    planned = {i["arcname"] for i in plan["items"]}
    assert f"logs/{DAY}/egais.log" not in planned
    res = cli(*common)
    assert res.returncode == 0, res.stderr
    written = {f["path"] for f in json.loads(res.stdout)["manifest"]["files"]}
    assert planned == written  # the review showed exactly what was packed
    logs_planned = {i["arcname"]: i["size"] for i in plan["items"] if i["group"] == "logs"}
    logs_written = {f["path"]: f["size"] for f in json.loads(res.stdout)["manifest"]["files"]
                    if f["path"].startswith("logs/")}
    assert logs_planned == logs_written
    # the backup's size is a guess before it is made; it must be the right order of magnitude
    fbk = next(f["size"] for f in json.loads(res.stdout)["manifest"]["files"]
               if f["path"] == db["arcname"])
    assert 0.5 <= db["size"] / fbk <= 2.0, (db["size"], fbk)


def test_a_real_backup_teaches_the_estimate(demo: DemoInfo, tmp_path: Path) -> None:
    assert learned_db_rate() is None
    # a backup shorter than half a second says nothing about the disk: not recorded
    from collector.plan import record_backup_rate

    record_backup_rate(100 * 2**20, 0.2)
    assert learned_db_rate() is None
    record_backup_rate(100 * 2**20, 2.0)
    assert learned_db_rate() == pytest.approx(50 * 2**20)
    record_backup_rate(100 * 2**20, 1.0)
    assert learned_db_rate() == pytest.approx(75 * 2**20)


def test_not_enough_space_is_said_before_starting(demo: DemoInfo, tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed to mount a small tmpfs for this test")
    mnt = tmp_path / "флешка"
    mnt.mkdir()
    script = (f'mount -t tmpfs -o size=1m tmpfs "{mnt}" && "{sys.executable}" -m collector '
              f'collect --root "{demo.root}" --date {DAY} --out "{mnt}/архив"; '
              f'echo "rc=$?"; ls -A "{mnt}"')
    res = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                         capture_output=True, text=True, timeout=180,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert "rc=2" in res.stdout, res.stdout + res.stderr
    assert "Мало места в папке" in res.stderr and "Выберите другую папку" in res.stderr
    assert res.stdout.strip().endswith("rc=2")  # and `ls -A` printed nothing: no files left
