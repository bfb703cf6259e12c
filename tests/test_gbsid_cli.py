"""``collector gbsid``: candidates with sources, files with a decodable QR, help when none."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from collector.cli import main
from collector.demo import DEMO_USER
from tests.conftest import tree_snapshot

ID2 = "6:A1B2C3D4E5F60718293A4B5C6D7E8F90"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_the_demo_id_and_writes_files(demo, tmp_path, capsys):
    before = tree_snapshot(demo.root)
    out_dir = tmp_path / "out"
    code, out, _err = run(capsys, "gbsid", "--root", str(demo.root), "--json", "--out",
                          str(out_dir))
    assert code == 0
    data = json.loads(out)
    assert data["chosen"] == demo.gbs_id and not data["ambiguous"]
    assert data["candidates"][0]["source"] == "trace_log"
    assert (out_dir / "gbs_id.txt").read_text() == demo.gbs_id
    zbar = subprocess.run(["zbarimg", "--nodbus", "--raw", "-q", str(out_dir / "gbs_id_qr.png")],
                          capture_output=True, timeout=60)
    assert zbar.stdout == demo.gbs_id.encode() + b"\n"
    assert tree_snapshot(demo.root) == before  # nothing written under the system root


def test_several_ids_need_a_pick(demo, tmp_path, capsys):
    other = demo.root / "Users" / "Кассир" / "Documents" / "GBS.Market6_backups" / ID2[2:]
    other.mkdir(parents=True)
    (other / "2026-11-20_09-00-00.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    code, _out, err = run(capsys, "gbsid", "--root", str(demo.root))
    assert code == 0
    assert f"1. {demo.gbs_id}" in err and f"2. {ID2}" in err and "Кассир" in err
    assert "--pick" in err
    code, _out, err = run(capsys, "gbsid", "--root", str(demo.root), "--qr",
                          str(tmp_path / "qr.png"))
    assert code == 2 and "--pick" in err and not (tmp_path / "qr.png").exists()
    code, _out, err = run(capsys, "gbsid", "--root", str(demo.root), "--pick", "2", "--qr",
                          str(tmp_path / "qr.png"))
    assert code == 0 and (tmp_path / "qr.png").is_file()
    code, _out, err = run(capsys, "gbsid", "--root", str(demo.root), "--pick", "3", "--out",
                          str(tmp_path))
    assert code == 2 and "найдено 2" in err


def test_no_id_prints_where_to_copy_it(demo, capsys):
    shutil.rmtree(demo.root / "Users" / DEMO_USER / "Documents" / "GBS.Market6_backups")
    shutil.rmtree(demo.root / "ProgramData" / "F-Lab" / "GBS.Market" / "6" / "Logs")
    code, _out, err = run(capsys, "gbsid", "--root", str(demo.root))
    assert code == 4
    assert "окно лицензии" in err and "Где искали" in err
    code, out, _err = run(capsys, "gbsid", "--root", str(demo.root), "--json")
    data = json.loads(out)
    assert code == 4 and data["candidates"] == [] and "окно лицензии" in data["help"]
    assert data["searched"] == [f"C:\\Users\\{DEMO_USER}\\Documents\\GBS.Market6_backups"]


def test_clipboard_option_without_a_clipboard_is_explained(demo, capsys, monkeypatch):
    monkeypatch.setenv("GBS_COLLECTOR_CLIPBOARD", "none")
    code, out, _err = run(capsys, "gbsid", "--root", str(demo.root), "--clipboard", "--json")
    data = json.loads(out)
    assert code == 0 and "отключена" in data["clipboard_problem"]
    assert data["chosen"] == demo.gbs_id


def test_help_lists_the_new_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "gbsid" in out and "form" in out


def test_module_entry_point(demo, tmp_path):
    repo = Path(__file__).resolve().parent.parent
    env = {"GBS_COLLECTOR_DATA_DIR": str(tmp_path / "ud"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(repo)}
    proc = subprocess.run([sys.executable, "-m", "collector", "gbsid", "--root", str(demo.root),
                           "--json"], capture_output=True, timeout=120, cwd=repo, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["chosen"] == demo.gbs_id
