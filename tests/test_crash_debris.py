"""A collection killed with SIGKILL (as by a power cut or «Снять задачу»): the private database
copy is already gone, and the next start removes the unfinished archive and the work folder,
and nothing that is not its own."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from collector.debris import OWNER_FILE, WORK_PREFIX, WorkFolder, clean_stale
from collector.demo import DemoInfo

DAY = "2026-11-19"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "tmp").mkdir()
    return {**os.environ, "TMPDIR": str(tmp_path / "tmp"),
            "GBS_COLLECTOR_DATA_DIR": str(tmp_path / "userdata")}


def start_collect(root: Path, out: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "collector", "-v", "collect", "--root",
                             str(root), "--date", DAY, "--out", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)


def kill_when(proc: subprocess.Popen[str], marker: str) -> None:
    lines = []
    children: list[psutil.Process] = []
    for line in proc.stderr:
        lines.append(line)
        if marker in line:
            children = psutil.Process(proc.pid).children(recursive=True)
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(lines)
    # A gbak left behind dies on its broken pipe: nothing keeps running after the kill.
    _gone, alive = psutil.wait_procs(children, timeout=60)
    assert alive == []


def test_kill_during_the_backup_then_next_start_cleans(big_demo_template: DemoInfo,
                                                      tmp_path: Path, env: dict) -> None:
    out = tmp_path / "out"
    proc = start_collect(big_demo_template.root, out, env)
    kill_when(proc, "scratch copy released to the engine")
    work = [p for p in (tmp_path / "tmp").iterdir() if p.name.startswith(WORK_PREFIX)]
    assert len(work) == 1 and (work[0] / OWNER_FILE).is_file()
    # The copy of the customer's database has no name left: the kernel freed it with the
    # killed process (and its gbak), nothing to find on disk.
    assert [p for p in work[0].rglob("*") if p.suffix == ".fdb"] == []
    parts = sorted(p.name for p in out.iterdir())
    assert parts and all(p.endswith(".part") for p in parts), parts
    # Someone else's files next to ours, and a live run's folder, stay.
    (out / "notes.7z.part").write_bytes(b"not ours")
    stranger = tmp_path / "tmp" / f"{WORK_PREFIX}stranger"
    stranger.mkdir()
    live = WorkFolder(base=tmp_path / "tmp")  # this test process: alive
    res = subprocess.run([sys.executable, "-m", "collector", "detect", "--root",
                          str(big_demo_template.root)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert "Удалены остатки прерванного сбора" in res.stderr, res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.7z.part"]
    assert not work[0].exists() and stranger.exists() and live.path.exists()
    again = subprocess.run([sys.executable, "-m", "collector", "detect", "--root",
                            str(big_demo_template.root)], capture_output=True, text=True,
                           env=env, timeout=120)
    assert "Удалены остатки" not in again.stderr  # said once
    live.remove()


def test_kill_while_copying_the_database(big_demo_template: DemoInfo, tmp_path: Path,
                                        env: dict) -> None:
    """Killed before the engine opened the copy: the next start removes the copy."""
    out = tmp_path / "out"
    proc = start_collect(big_demo_template.root, out, env)
    kill_when(proc, "… Резервная копия базы данных")
    runs = tmp_path / "userdata" / "runs"
    assert len(list(runs.glob("*.json"))) == 1
    done = clean_stale(tmp_path / "tmp", runs)
    assert done.folders and not list(runs.glob("*.json"))
    assert [p for p in (tmp_path / "tmp").iterdir() if p.name.startswith(WORK_PREFIX)] == []
    assert not out.exists() or [p for p in out.iterdir()] == []
    assert json.dumps(done.message(), ensure_ascii=False)
