"""Under ``--root`` a path from a config that climbs out of the root is refused, never read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collector.demo import DemoInfo
from collector.sysroot import RootError, SystemRoot

CONFIGS = Path("ProgramData/F-Lab/GBS.Market/6/Configs")


@pytest.mark.parametrize("path", [r"C:\..\outside\main.fdb", r"C:\ProgramData\..\..\x",
                                  r"D:\..\..\etc\passwd", r"c:/../outside"])
def test_climbing_out_is_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(RootError, match="за пределы системного корня"):
        SystemRoot(tmp_path).path(path)


def test_a_link_out_of_the_root_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "C"
    (root / "ProgramData").mkdir(parents=True)
    (tmp_path / "secret").mkdir()
    (root / "ProgramData" / "away").symlink_to(tmp_path / "secret")
    with pytest.raises(RootError):
        SystemRoot(root).path(r"C:\ProgramData\away\main.fdb")
    assert SystemRoot(root).path(r"C:\ProgramData\F-Lab\..\x") == root / "ProgramData" / "x"


def test_collect_never_reads_a_database_outside_the_root(demo: DemoInfo, tmp_path: Path) -> None:
    outside = demo.root.parent / "outside"
    outside.mkdir()
    shutil.copy2(demo.database, outside / "main.fdb")
    before = (outside / "main.fdb").read_bytes()
    cfg = demo.root / CONFIGS / "DataBase.json"
    data = json.loads(cfg.read_text(encoding="utf-8"))
    data["Connection"]["Path"] = r"C:\..\outside\main.fdb"
    data["BackUp"]["Path"] = "C:\\..\\outside\\"
    cfg.write_text(json.dumps(data), encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "collector", "collect", "--root", str(demo.root),
                          "--date", "2026-11-19", "--out", str(tmp_path / "out"), "--json"],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "GBS_COLLECTOR_DATA_DIR": str(tmp_path / "u")})
    assert res.returncode == 4, res.stderr
    manifest = json.loads(res.stdout)["manifest"]
    assert not any(f["path"].startswith("database/") for f in manifest["files"])
    steps = {s["name"]: s for s in manifest["steps"]}
    assert "за пределы системного корня" in steps["installation"]["message"]
    assert (outside / "main.fdb").read_bytes() == before
