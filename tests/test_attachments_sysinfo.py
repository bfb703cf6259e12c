"""Attachments get safe names and checked sizes; the system snapshot is real and complete."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from collector import attachments
from collector.attachments import plan_attachments, safe_name
from collector.sysinfo import parse_xrandr, snapshot
from collector.sysroot import SystemRoot
from collector.winsys.services import FIREBIRD_SERVICE, parse_systemctl_units


@pytest.mark.parametrize("name,expected", [
    ("Чек об оплате.jpg", "Чек об оплате.jpg"),
    ("..", "file"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("com1.tar.gz", "_com1.tar.gz"),
    ('скрин: "ошибка"?.png', "скрин_ _ошибка__.png"),
    ("trailing dots... ", "trailing dots"),
    ("a\x00b\x1fc.txt", "abc.txt"),
    ("..\\..\\Windows\\evil.exe", "_.._Windows_evil.exe"),
])
def test_safe_names(name: str, expected: str) -> None:
    assert safe_name(name) == expected


def test_long_names_are_cut_keeping_the_extension() -> None:
    name = safe_name("я" * 300 + ".png")
    assert name.endswith(".png") and len(name) <= attachments.MAX_NAME


def test_plan_with_folders_collisions_and_audio(tmp_path: Path) -> None:
    shots = tmp_path / "Скриншоты"
    (shots / "вложенная").mkdir(parents=True)
    (shots / "1.png").write_bytes(b"png1")
    (shots / "вложенная" / "2.png").write_bytes(b"png2")
    (shots / "ссылка").symlink_to("/etc/passwd")  # points out of the folder: not taken
    receipt = tmp_path / "Чек.pdf"
    receipt.write_bytes(b"%PDF")
    other = tmp_path / "другое"
    other.mkdir()
    (other / "Чек.pdf").write_bytes(b"%PDF2")
    voice = tmp_path / "голосовое.ogg"
    voice.write_bytes(b"OggS")
    plan = plan_attachments([shots, receipt, other / "Чек.pdf", voice, tmp_path / "нет.txt"])
    arcs = [a.arcname for a in plan.items]
    assert arcs == ["attachments/Скриншоты/1.png", "attachments/Скриншоты/вложенная/2.png",
                    "attachments/Чек.pdf", "attachments/Чек (2).pdf"]
    assert plan.total == 4 + 4 + 4 + 5
    assert any("Голосовое сообщение" in p and "позвоните" in p for p in plan.problems)
    assert any("нет.txt" in p for p in plan.problems)


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 10)
    monkeypatch.setattr(attachments, "MAX_TOTAL_BYTES", 15)
    for name, size in (("a.bin", 8), ("b.bin", 11), ("c.bin", 8)):
        (tmp_path / name).write_bytes(b"x" * size)
    plan = plan_attachments([tmp_path / "a.bin", tmp_path / "b.bin", tmp_path / "c.bin"])
    assert [a.arcname for a in plan.items] == ["attachments/a.bin"]
    assert any("слишком большой" in p for p in plan.problems)
    assert any("превышают" in p for p in plan.problems)


def test_snapshot_sees_real_processes(tmp_path: Path) -> None:
    exe = tmp_path / "Market.exe"
    exe.write_bytes(Path("/bin/sleep").read_bytes())
    exe.chmod(0o755)
    proc = subprocess.Popen([str(exe), "30"])  # returns once the exec has happened
    try:
        snap = snapshot(SystemRoot(None), cpu_sample=0.1)
    finally:
        proc.kill()
        proc.wait()
    json.dumps(snap)  # serialisable as system.json
    assert [p["pid"] for p in snap["processes"]["gbs_market"]] == [proc.pid]
    assert snap["processes"]["gbs_market"][0]["rss_mb"] is not None
    assert snap["memory"]["total_mb"] > 0
    assert snap["cpu"]["logical"] >= 1
    assert any(d["free_mb"] >= 0 for d in snap["disks"])
    assert snap["uptime"]["uptime_hours"] >= 0
    assert "problems" not in snap, snap.get("problems")
    from collector.winsys.services import list_services

    found, problem = list_services()
    assert snap["services"] == {"firebird": [s.to_json() for s in found], "problem": problem}


def test_screens_given_by_the_gui_win() -> None:
    snap = snapshot(SystemRoot(None), screens=[{"width": 1920, "height": 1080}], cpu_sample=0)
    assert snap["screens"] == [{"width": 1920, "height": 1080}]


def test_parsers_on_real_tool_output() -> None:
    xrandr = ("Screen 0: minimum 8 x 8, current 3200 x 1080, maximum 32767 x 32767\n"
              "eDP-1 connected primary 1920x1080+0+0 (normal left inverted right) 344mm x 193mm\n"
              "   1920x1080     60.02*+\n"
              "HDMI-1 connected 1280x1024+1920+0 (normal left inverted right) 338mm x 270mm\n"
              "DP-1 disconnected (normal left inverted right x axis y axis)\n")
    assert parse_xrandr(xrandr) == [
        {"name": "eDP-1", "primary": True, "width": 1920, "height": 1080, "x": 0, "y": 0},
        {"name": "HDMI-1", "primary": False, "width": 1280, "height": 1024, "x": 1920, "y": 0},
    ]
    units = ("firebird3.0.service loaded active running Firebird Database Server ( SuperServer )\n"
             "ssh.service loaded active running OpenBSD Secure Shell server\n"
             "fbguard.service loaded inactive dead Firebird Guardian\n")
    found = parse_systemctl_units(units, FIREBIRD_SERVICE)
    assert [(s.name, s.status) for s in found] == [("firebird3.0", "running"),
                                                   ("fbguard", "inactive/dead")]


@pytest.mark.skipif(sys.platform == "win32", reason="lab-only check of the Linux backend")
def test_services_without_systemd_say_why(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from collector.winsys.services import list_services

    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    found, problem = list_services()
    assert found == []
    assert problem == "список служб недоступен: systemctl не найден"
