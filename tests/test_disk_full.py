"""A disk that fills up in the middle of a collection (a real tmpfs, mounted in a private mount
namespace): a clear Russian message, exit code 2, nothing left behind, no step writing on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collector.demo import DemoInfo

DAY = "2026-11-19"
REPO = Path(__file__).resolve().parent.parent

# Runs inside `unshare --mount --map-root-user`: mounts a small tmpfs, starts the real CLI on
# it, and fills the rest of the disk as soon as the CLI says the given step has started.
INSIDE = r"""
import json, os, signal, subprocess, sys
small, root, day, fill_at, size = sys.argv[1:6]
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", small], check=True)
out = os.path.join(small, "out")
tmp = os.path.join(small, "tmp")  # the database's private copy goes to the same small disk
os.mkdir(tmp)
proc = subprocess.Popen([sys.executable, "-m", "collector", "collect", "--root", root, "--date",
                         day, "--out", out], stderr=subprocess.PIPE, text=True,
                        env={**os.environ, "TMPDIR": tmp})
lines, filled = [], False
for line in proc.stderr:
    lines.append(line)
    if not filled and fill_at in line:
        os.kill(proc.pid, signal.SIGSTOP)  # the disk fills up at once, as far as it can tell
        fd = os.open(os.path.join(small, "filler"), os.O_WRONLY | os.O_CREAT)
        block = b"\0" * (1 << 16)
        try:
            while True:
                os.write(fd, block)
        except OSError:
            pass
        os.close(fd)
        os.kill(proc.pid, signal.SIGCONT)
        filled = True
proc.wait()
left = []
for dirpath, dirnames, filenames in os.walk(small):
    left += [os.path.relpath(os.path.join(dirpath, n), small) for n in dirnames + filenames]
print(json.dumps({"code": proc.returncode, "stderr": "".join(lines), "filled": filled,
                  "left": sorted(x for x in left if x not in ("filler", "tmp"))}))
# (the private copy of the database went to tmp: it must be gone too)
"""


def run_on_small_disk(tmp_path: Path, root: Path, fill_at: str, size: str = "256m") -> dict:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux unshare is part of every Debian/Ubuntu base system"
    small = tmp_path / "small-disk"
    small.mkdir()
    res = subprocess.run([unshare, "--mount", "--map-root-user", sys.executable, "-c", INSIDE,
                          str(small), str(root), DAY, fill_at, size], capture_output=True,
                         text=True, timeout=300, cwd=REPO,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "userdata"
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(path))
    return path


def steps_started(data_dir: Path) -> list[str]:
    log = (data_dir / "logs" / "collector.log").read_text(encoding="utf-8")
    return [line.split(" step ")[1].split(":")[0] for line in log.splitlines()
            if " step " in line]


def assert_clean_failure(result: dict) -> None:
    assert result["filled"], result["stderr"]
    stderr = result["stderr"]
    assert result["code"] == 2, stderr
    assert "Недостаточно места на диске" in stderr and "выберите другую папку" in stderr
    for wrong in ("Внутренняя ошибка", "BundleWriter", "Traceback", "aborted", "No space"):
        assert wrong not in stderr
    assert result["left"] == []  # no .part, no empty output folder


def test_disk_fills_up_while_the_logs_are_packed(demo: DemoInfo, tmp_path: Path,
                                                 data_dir: Path) -> None:
    """A day of logs big enough that the archive grows on disk while they are packed."""
    from datetime import date

    from collector import demo_logs

    day = demo.root / "ProgramData/F-Lab/GBS.Market/6/Logs" / DAY
    demo_logs.write_big_day(day, date.fromisoformat(DAY), target_bytes=64 << 20,
                            version=demo.version, errors=3)
    result = run_on_small_disk(tmp_path, demo.root, "Журналы за день проблемы", size="256m")
    assert_clean_failure(result)
    started = steps_started(data_dir)
    assert started[-1] == "logs" or "logs" not in started, started
    assert "database" not in started and "request" not in started, started


def test_disk_fills_up_during_the_database_step(big_demo_template: DemoInfo, tmp_path: Path,
                                                data_dir: Path) -> None:
    """The disk is full when the database step starts: its private copy cannot be made, and
    the archive cannot be finished; both are cleaned up."""
    result = run_on_small_disk(tmp_path, big_demo_template.root, "… Вложения")
    assert_clean_failure(result)
    log = (data_dir / "logs" / "collector.log").read_text(encoding="utf-8")
    db_line = next(line for line in log.splitlines() if " step database: " in line)
    assert "failed" in db_line and "Не хватает места на диске для копии базы данных" in db_line
