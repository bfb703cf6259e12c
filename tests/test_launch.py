"""The quick start's first command: on a machine without GBS.Market it makes a demo and shows
what it found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_first_start_without_a_screen_shows_the_demo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "GBS_COLLECTOR_ROOT")}
    env["GBS_COLLECTOR_DATA_DIR"] = str(tmp_path / "данные")
    res = subprocess.run([sys.executable, "-m", "ui"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "создаю демо-установку" in res.stderr
    assert "Версия:           6.6.12.2634 (из Market.exe)" in res.stderr
    assert (tmp_path / "данные" / "demo-root" / "GBS-DEMO.txt").exists()
    again = subprocess.run([sys.executable, "-m", "ui"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert again.returncode == 0 and "создаю демо-установку" not in again.stderr
