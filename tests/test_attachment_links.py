"""Attachments: links and shortcuts shown as their targets and taken only when confirmed,
pipes and devices refused with the reason, the output folder never part of its own bundle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pylnk3
import pytest

from collector.attachments import plan_attachments
from collector.demo import DemoInfo
from collector.linktargets import shortcut_target


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    top = tmp_path / "Для поддержки"
    top.mkdir()
    (top / "скрин.png").write_bytes(b"\x89PNG real")
    outside = tmp_path / "elsewhere" / "чек.pdf"
    outside.parent.mkdir()
    outside.write_bytes(b"%PDF the target")
    (top / "чек-ссылка.pdf").symlink_to(outside)
    os.mkfifo(top / "канал")
    return top


def test_a_link_is_shown_as_its_target_and_waits_for_a_yes(folder: Path, tmp_path: Path) -> None:
    plan = plan_attachments([folder / "чек-ссылка.pdf"])
    assert plan.items == []
    assert [p.target.target for p in plan.pending_links] == [str(tmp_path / "elsewhere/чек.pdf")]
    assert any("ссылка на" in p and "--attach-links" in p for p in plan.problems)
    yes = plan_attachments([folder / "чек-ссылка.pdf"],
                           confirmed_links={str(folder / "чек-ссылка.pdf")})
    assert [(i.source, i.arcname) for i in yes.items] == [
        (tmp_path / "elsewhere/чек.pdf", "attachments/чек.pdf")]
    assert yes.items[0].link.startswith("ссылка на")


def test_inside_a_folder_the_same_rules(folder: Path, tmp_path: Path) -> None:
    plan = plan_attachments([folder])
    assert [i.arcname for i in plan.items] == ["attachments/Для поддержки/скрин.png"]
    assert any("канал (FIFO)" in p for p in plan.problems)
    assert [p.path.name for p in plan.pending_links] == ["чек-ссылка.pdf"]
    yes = plan_attachments([folder], confirmed_links=True)
    assert sorted(i.arcname for i in yes.items) == ["attachments/Для поддержки/скрин.png",
                                                    "attachments/Для поддержки/чек.pdf"]


def test_devices_and_pipes_are_refused(folder: Path) -> None:
    plan = plan_attachments([Path("/dev/null"), folder / "канал"], confirmed_links=True)
    assert plan.items == []
    assert any("устройство" in p for p in plan.problems)
    assert any("канал (FIFO)" in p for p in plan.problems)


def test_windows_shortcut(tmp_path: Path) -> None:
    target = r"C:\Users\Shop\Pictures\receipt.png"
    lnk = tmp_path / "receipt.png.lnk"
    pylnk3.for_file(target, str(lnk))
    assert shortcut_target(lnk) == target
    plan = plan_attachments([lnk])
    assert plan.items == [] and plan.pending_links[0].target.kind == "shortcut"
    assert any(f"ярлык на {target}" in p for p in plan.problems)
    gone = plan_attachments([lnk], confirmed_links=True)
    assert gone.items == [] and any("такого файла здесь нет" in p for p in gone.problems)


def test_the_output_folder_is_never_attached(folder: Path) -> None:
    out = folder / "архивы"
    out.mkdir()
    (out / "GBS-Support_X.7z.part").write_bytes(b"being written")
    plan = plan_attachments([folder], exclude=[out])
    assert all("архивы" not in i.arcname for i in plan.items)
    assert any("архив не включает сам себя" in p for p in plan.problems)


def test_collect_with_links_fifo_and_its_own_output_inside(demo: DemoInfo, folder: Path,
                                                           tmp_path: Path) -> None:
    out = folder / "архивы"
    env = {**os.environ, "GBS_COLLECTOR_DATA_DIR": str(tmp_path / "userdata")}

    def collect(*extra: str) -> dict:
        res = subprocess.run([sys.executable, "-m", "collector", "collect", "--root",
                              str(demo.root), "--date", "2026-11-19", "--out", str(out),
                              "--no-db", "--attach", str(folder), "--json", *extra],
                             capture_output=True, text=True, timeout=300, env=env)
        assert res.returncode == 0, res.stderr
        return json.loads(res.stdout)["manifest"]

    first = collect()
    names = {f["path"] for f in first["files"]}
    assert "attachments/Для поддержки/скрин.png" in names
    assert not any("чек" in n or "канал" in n or "архивы" in n for n in names)
    step = next(s for s in first["steps"] if s["name"] == "attachments")
    assert "ссылка на" in step["message"] and "канал (FIFO)" in step["message"]
    second = collect("--attach-links")
    names = {f["path"] for f in second["files"]}
    assert "attachments/Для поддержки/чек.pdf" in names  # the target, under its own name
    assert not any("архивы" in n or "GBS-Support" in n.split("/")[-1] for n in names)
