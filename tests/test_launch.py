"""The quick start's first command: on a machine without GBS.Market it makes a demo and shows
what it found — with the shipped settings (the real desk, the real update mirrors), and without
contacting anything outside loopback, in the terminal and in the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import netguard


def launcher_env(tmp_path: Path, *, screen: bool) -> dict[str, str]:
    """No ``GBS_COLLECTOR_*`` override: the shipped settings, as a user gets them; the loopback
    guard in the child, logging into this test's own file, proven live first."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GBS_COLLECTOR_")
           and k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["GBS_COLLECTOR_DATA_DIR"] = str(tmp_path / "данные")
    if screen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return netguard.guarded_child_env(env, tmp_path / "netguard.log")


def contacts(env: dict[str, str]) -> list[str]:
    return netguard.child_log_violations(Path(env[netguard.LOG_ENV]))


def test_first_start_without_a_screen_shows_the_demo(tmp_path: Path) -> None:
    env = launcher_env(tmp_path, screen=False)
    res = subprocess.run([sys.executable, "-m", "ui"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "создаю демо-установку" in res.stderr
    assert "Версия:           6.6.12.2634 (из Market.exe)" in res.stderr
    # the update state from the program's own last answer, and why the feed was not asked
    assert "последняя" in res.stderr and "настоящий сервер обновлений не спрашивается" in \
        res.stderr
    assert "https://gbsmarket.ru/kb6/" in res.stderr  # the shipped settings were in force
    assert (tmp_path / "данные" / "demo-root" / "GBS-DEMO.txt").exists()
    again = subprocess.run([sys.executable, "-m", "ui"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert again.returncode == 0 and "создаю демо-установку" not in again.stderr
    assert contacts(env) == []


@pytest.mark.timeout(600)
def test_the_window_on_the_demo_contacts_nothing_outside(tmp_path: Path) -> None:
    """The launcher with a screen: the window's start page, its update check included (the
    screenshot waits for it), and the demo desk it starts."""
    env = launcher_env(tmp_path, screen=True)
    shot = tmp_path / "start.png"
    res = subprocess.run([sys.executable, "-m", "ui", "--screenshot", str(shot)],
                         capture_output=True, text=True, env=env, timeout=500)
    assert res.returncode == 0, res.stderr
    assert shot.stat().st_size > 10_000
    assert contacts(env) == []
