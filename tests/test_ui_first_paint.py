"""What the window's first picture is made of: the first page, nothing of the engine beyond what
it shows, nothing of the other pages; they come after it (``bench/gui_startup.py`` measures it).

The start is checked as the product starts (``packaging/entry.py``, stopped at its first paint by
``GBS_COLLECTOR_EXIT_AFTER_SHOW``), in a process of its own: which modules were imported by then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from collector.demo import DemoInfo
from tests import netguard, ui_support

ui_env = ui_support.ui_env  # pytest fixtures used by name below
gui = ui_support.gui

REPO = Path(__file__).resolve().parent.parent
MODULES_MARK = "FIRST_PAINT_MODULES"

# Run as the product starts; at the first paint (the watcher's os._exit) say what is imported.
AT_FIRST_PAINT = f"""
import json, os, runpy, sys
_exit = os._exit

def _report(code):
    print({MODULES_MARK!r}, json.dumps(sorted(sys.modules)), file=sys.stderr, flush=True)
    _exit(code)

os._exit = _report
sys.argv = ["packaging/entry.py", *sys.argv[1:]]
runpy.run_path("packaging/entry.py", run_name="__main__")
"""

# What the first page does not need: the archive, the database driver, HTTP, the QR code and
# pictures, the request's rules and text, the secret filter of the log, the demo desk, the pages
# after the first.
NOT_BEFORE_FIRST_PAINT = (
    "py7zr", "requests", "urllib3", "firebird", "fdb", "PIL", "qrcode", "ahocorasick",
    "http.server", "http.client", "collector.request", "collector.redact", "collector.pipeline",
    "collector.delivery", "collector.demo_desk", "collector.drafts", "collector.gbsid",
    "collector.installation", "collector.logs", "ui.pages.questions", "ui.pages.date",
    "ui.pages.include", "ui.pages.contacts", "ui.pages.review", "ui.pages.collect",
    "ui.pages.result",
)


def modules_at_first_paint(demo: DemoInfo, tmp_path: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GBS_COLLECTOR_", "QT_"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "GBS_COLLECTOR_EXIT_AFTER_SHOW": "1",
                "GBS_COLLECTOR_DATA_DIR": str(tmp_path / "data")})
    env = netguard.guarded_child_env(env, tmp_path / "netguard.log")
    done = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, "--root", str(demo.root)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert netguard.child_log_violations(tmp_path / "netguard.log") == []
    shown = [line for line in done.stderr.splitlines() if line.startswith("GBS_COLLECTOR_SHOWN")]
    assert shown, done.stderr  # the watcher saw the window's first paint
    assert json.loads(shown[0].split(" ", 1)[1])["class"] == "MainWindow"
    lines = [line for line in done.stderr.splitlines() if line.startswith(MODULES_MARK)]
    assert lines, done.stderr
    return json.loads(lines[0][len(MODULES_MARK):])


def test_the_first_paint_imports_only_what_the_first_page_shows(demo: DemoInfo,
                                                                tmp_path: Path) -> None:
    modules = modules_at_first_paint(demo, tmp_path)
    assert "ui.pages.start" in modules and "ui.window" in modules  # it is the app's window
    early = [m for m in modules
             if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT)]
    assert early == []


def test_after_the_first_paint_the_searches_run_and_the_next_page_is_built(qtbot, gui) -> None:
    win = gui.win
    assert win.current == "start"
    # the searches answered (start_gui waited for them), and «Далее» finds its page built
    qtbot.waitUntil(lambda: "questions" in win.pages.built, timeout=10000)
    assert gui.state.installation is not None
    assert win.stack.currentWidget() is win.pages["start"]


@pytest.mark.parametrize("size", [16, 20, 24, 32])
def test_a_label_icon_painted_alone_is_the_icons_own_pixmap(qapp, size: int) -> None:
    from PySide6.QtCore import QSize

    from ui import theme

    for name in theme.ICONS:
        theme.clear_caches()
        alone = theme.pixmap(name, size).toImage()
        whole = theme.icon(name).pixmap(QSize(size, size)).toImage()
        assert alone == whole, name
    theme.clear_caches()


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
def test_icons_painted_at_the_screens_ratio_show_what_all_ratios_show(qapp, ratio) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from ui import theme

    for name, (draw, colour) in theme.ICONS.items():
        every = theme.drawn_icon(draw, colour, ratios=theme.PIXEL_RATIOS)
        only = theme.drawn_icon(draw, colour, ratios=(ratio,))
        for size in (14, 16, 18, 20, 22, 24, 28, 32):
            for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
                assert every.pixmap(QSize(size, size), ratio, mode).toImage() == \
                    only.pixmap(QSize(size, size), ratio, mode).toImage(), (name, size, mode)


def test_a_screen_of_another_pixel_ratio_has_the_icons_shown_painted_again(
        qapp, monkeypatch) -> None:
    from PySide6.QtCore import QSize

    from ui import theme
    from ui.widgets.common import button

    theme.clear_caches()
    monkeypatch.setattr(theme, "screen_ratios", lambda: (1.0,))
    shown = button("Далее", icon="next", primary=True)
    plain = button("Назад", icon="back")
    draw, _colour = theme.ICONS["next"]
    every = theme.drawn_icon(draw, "#FFFFFF", ratios=theme.PIXEL_RATIOS)
    at_two = every.pixmap(QSize(18, 18), 2.0).toImage()
    assert shown.icon().pixmap(QSize(18, 18), 2.0).toImage() != at_two  # scaled from 1.0

    monkeypatch.setattr(theme, "screen_ratios", lambda: (1.0, 2.0))  # a 200 % monitor comes
    theme._repaint_shown()
    assert shown.icon().pixmap(QSize(18, 18), 2.0).toImage() == at_two
    back = theme.drawn_icon(*theme.ICONS["back"], ratios=theme.PIXEL_RATIOS)
    assert plain.icon().pixmap(QSize(18, 18), 2.0).toImage() == \
        back.pixmap(QSize(18, 18), 2.0).toImage()
    shown.deleteLater()
    plain.deleteLater()
    theme.clear_caches()
