"""GUI: what a killed collection left is removed at start and said once; the personal-data
checkbox reaches the engine."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from collector.demo import DemoInfo
from tests import ui_support
from tests.ui_support import start_gui

ui_env = ui_support.ui_env  # a pytest fixture used by name below

REPO = Path(__file__).resolve().parent.parent

KILLED_RUN = r"""
import sys
from pathlib import Path
from collector.debris import WorkFolder
w = WorkFolder(base=Path(sys.argv[1]), runs=Path(sys.argv[2]))
out = Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
w.expect_parts(out, "GBS-Support_CF3B383F_2026-11-19_20261201-101010")
(out / "GBS-Support_CF3B383F_2026-11-19_20261201-101010.7z.part").write_bytes(b"7z" * 1000)
(w.path / "gbs-db-x").mkdir()
(w.path / "gbs-db-x" / "main.fdb").write_bytes(b"\0" * 4096)
print(w.path, flush=True)
sys.stdin.read()
"""


def leave_killed_run(tmp: Path, runs: Path, out: Path) -> Path:
    proc = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(tmp), str(runs), str(out)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    work = Path(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return work


def test_gui_cleans_after_a_killed_run_and_says_it_once(qtbot, demo: DemoInfo, ui_env,
                                                        private_temp: Path, monkeypatch) -> None:
    from ui.window import MainWindow

    work = leave_killed_run(private_temp, ui_env["data"] / "runs", ui_env["out"])
    assert work.is_dir()
    shown: list[str] = []
    original = MainWindow.show_notice

    def record(self, text, ms=6000):
        shown.append(str(text))
        original(self, text, ms)

    monkeypatch.setattr(MainWindow, "show_notice", record)
    gui = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert any("Удалены остатки прерванного сбора" in t for t in shown), shown
        assert not work.exists()
        assert list(ui_env["out"].iterdir()) == []
    finally:
        gui.close()
    shown.clear()
    again = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert not any("Удалены остатки" in t for t in shown), shown
    finally:
        again.close()


def test_personal_data_checkbox(qtbot, demo: DemoInfo, ui_env) -> None:
    gui = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        page = gui.page("include")
        page.refresh()
        assert not page.personal_box.isChecked()
        assert gui.state.collect_options().hide_personal is False
        page.personal_box.setChecked(True)
        assert gui.state.collect_options().hide_personal is True
    finally:
        gui.close()


def test_gui_refuses_an_out_folder_inside_the_program(qtbot, demo: DemoInfo, ui_env,
                                                      monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    gui = start_gui(qtbot, demo.root, ui_env["out"])
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warned.append(text))
    try:
        inside = demo.root / "ProgramData/F-Lab/GBS.Market/6"
        assert gui.win.out_dir_acceptable(str(inside)) is False
        assert warned and "ничего не пишет в папки программы" in warned[0]
        assert "GBS Support" in warned[0]
        assert gui.win.out_dir_acceptable(str(ui_env["out"])) is True
    finally:
        gui.close()
