"""The demo installation is genuine of its kind: a real Firebird database, NLog logs, regedit
export, the program's own backup zips."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from firebird.driver import connect

from collector.demo import DemoError, build_demo
from collector.logs import header_versions

DATA = Path("ProgramData/F-Lab/GBS.Market/6")


def test_database_opens_with_firebird(demo_template) -> None:
    with connect(str(demo_template.database), user="SYSDBA", password="masterkey",
                 charset="UTF8") as con:
        cur = con.cursor()
        cur.execute("SELECT COUNT(*) FROM GOODS")
        assert cur.fetchone()[0] >= 20
        cur.execute("SELECT NAME FROM GOODS WHERE ID = 1")
        assert cur.fetchone()[0] == "Молоко «Простоквашино» 3,2% 930 мл"
        cur.execute("SELECT COUNT(*), SUM(REVENUE) FROM SALES_JOURNAL")
        days, revenue = cur.fetchone()
        assert days > 30 and revenue > 0
        assert con.info.page_size == 8192 and con.info.ods == 12.0


def test_logs_in_nlog_layout(demo_template) -> None:
    logs = demo_template.root / DATA / "Logs"
    days = sorted(p.name for p in logs.iterdir())
    assert len(days) == 6  # a week with one closed day
    for day in days:
        names = {p.name for p in (logs / day).iterdir()}
        assert {"trace.log", "error.log", "performace.log", "egais.log", "ua_prro.log",
                "backup.log"} <= names
    sample = logs / days[0]
    assert header_versions(sample / "trace.log") == [demo_template.version]
    raw = (sample / "backup.log").read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)
    assert header_versions(sample / "backup.log") == [demo_template.version]
    error_text = (sample / "error.log").read_text(encoding="utf-8")
    assert error_text.count("| ERROR |") == demo_template.error_days[
        __import__("datetime").date.fromisoformat(days[0])]
    if "| ERROR |" in error_text:
        assert '"ClassName":' in error_text  # exception serialised as multi-line JSON


def test_program_backups_hold_a_restorable_fbk(demo_template, tmp_path: Path) -> None:
    folder = (demo_template.root / "Users/Магазин/Documents/GBS.Market6_backups"
              / demo_template.gbs_id[2:])
    zips = sorted(folder.glob("*.zip"))
    assert len(zips) == 2
    with zipfile.ZipFile(zips[-1]) as z:
        assert "main.fbk" in z.namelist()
        assert any(n.startswith("Configs/") for n in z.namelist())
        (tmp_path / "main.fbk").write_bytes(z.read("main.fbk"))
    subprocess.run(["gbak", "-c", str(tmp_path / "main.fbk"), str(tmp_path / "r.fdb")],
                   check=True, capture_output=True)
    with connect(str(tmp_path / "r.fdb"), user="SYSDBA", charset="UTF8") as con:
        cur = con.cursor()
        cur.execute("SELECT COUNT(*) FROM DOCUMENTS")
        assert cur.fetchone()[0] > 0


def test_configs_in_program_shape_with_secrets(demo_template) -> None:
    cfg = demo_template.root / DATA / "Configs"
    db = json.loads((cfg / "DataBase.json").read_text(encoding="utf-8-sig"))
    assert db["Connection"]["ServerPort"] == 3060 and db["Connection"]["ConnectionType"] == 1
    assert (cfg / "Settings.json").read_bytes().startswith(codecs.BOM_UTF8)
    everything = "".join(p.read_text(encoding="utf-8-sig") for p in cfg.glob("*.json"))
    for secret in demo_template.secrets:
        assert json.dumps(secret)[1:-1] in everything


def test_refuses_a_folder_that_is_not_a_demo(tmp_path: Path) -> None:
    (tmp_path / "важное.txt").write_text("не трогать", encoding="utf-8")
    with pytest.raises(DemoError):
        build_demo(tmp_path, with_database=False)
    assert (tmp_path / "важное.txt").read_text(encoding="utf-8") == "не трогать"
    res = subprocess.run([sys.executable, "-m", "collector", "demo", "--root", str(tmp_path),
                          "--no-db"], capture_output=True, text=True)
    assert res.returncode == 2 and "не пуста" in res.stderr


def test_rebuilding_a_demo_replaces_it(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    build_demo(root, with_database=False)
    (root / "лишнее.txt").write_text("x", encoding="utf-8")
    build_demo(root, with_database=False)
    assert not (root / "лишнее.txt").exists()
    assert (root / "registry.reg").exists()
