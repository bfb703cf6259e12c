"""What the window's first picture is made of: the first page, nothing of the engine beyond what
it shows, nothing of the other pages; they come after it (``bench/gui_startup.py`` measures it).

The start is checked as the product starts (``packaging/entry.py``, stopped at its first paint by
``GBS_COLLECTOR_EXIT_AFTER_SHOW``), in a process of its own: which modules were imported by then,
and what the painted window shows. What the first picture leaves out (the start page's banners,
what to do about what the search finds, the GBS.ID panel's body, the desk's links, the menus'
items) is checked to arrive one event-loop turn later.
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
SHOWN_MARK = "FIRST_PAINT_SHOWS"

# Run as the product starts; at the first paint (the watcher's os._exit) say what is imported
# and what the window being painted shows.
AT_FIRST_PAINT = f"""
import json, os, runpy, sys
_exit = os._exit

def _shows():
    from PySide6.QtWidgets import QApplication, QLabel, QRadioButton

    win = QApplication.instance()._controller.window
    page = win.pages.built["start"]
    seen = lambda w: w.isVisible() and w.window() is win and w.width() > 0 and w.height() > 0
    return {{
        "title": win.page_title.text() if seen(win.page_title) else None,
        "next": win.next.text() if seen(win.next) else None,
        "steps": [b.text() for b in win.sidebar.buttons.values() if seen(b)],
        "menus": [a.text() for a in win.menuBar().actions() if seen(win.menuBar())],
        "topics": [r.text() for r in page.findChildren(QRadioButton) if seen(r)],
        "labels": [w.text() for w in page.findChildren(QLabel) if seen(w) and w.text()],
        "built": sorted(set(type(page).LATER) & set(vars(page))),
        # the binding's Qt namespace (≈ 23 ms of enums) is built after the picture (ui.qt)
        "qt_built": "Qt" in vars(sys.modules["PySide6.QtCore"]),
        # an icon's place is kept (a blank until it is drawn): the text stands where it will
        "next_icon": not win.next.icon().isNull(),
        "step_icons": [not b.icon().isNull() for b in win.sidebar.buttons.values() if seen(b)],
    }}

def _report(code):
    print({MODULES_MARK!r}, json.dumps(sorted(sys.modules)), file=sys.stderr, flush=True)
    print({SHOWN_MARK!r}, json.dumps(_shows()), file=sys.stderr, flush=True)
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


def first_paint(demo: DemoInfo, tmp_path: Path) -> tuple[list[str], dict]:
    """The modules imported by the window's first paint, and what it shows."""
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
    found = {}
    for mark in (MODULES_MARK, SHOWN_MARK):
        lines = [line for line in done.stderr.splitlines() if line.startswith(mark)]
        assert lines, done.stderr
        found[mark] = json.loads(lines[0][len(mark):])
    return found[MODULES_MARK], found[SHOWN_MARK]


def test_the_first_paint_imports_only_what_the_first_page_shows(demo: DemoInfo,
                                                                tmp_path: Path) -> None:
    modules, _shows = first_paint(demo, tmp_path)
    assert "ui.pages.start" in modules and "ui.window" in modules  # it is the app's window
    early = [m for m in modules
             if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT)]
    assert early == []


def test_the_first_paint_is_the_start_page_with_its_title_topics_and_main_button(
        demo: DemoInfo, tmp_path: Path) -> None:
    _modules, shows = first_paint(demo, tmp_path)
    assert shows["title"] == "Подготовить обращение в поддержку"
    assert shows["next"] == "&Далее"
    assert shows["steps"][:2] == ["Начало", "Вопросы"] and len(shows["steps"]) == 6
    assert shows["menus"] == ["&Файл", "Н&астройки", "Сп&равка"]
    assert len(shows["topics"]) == 3  # the three queues of the desk, to choose from at once
    labels = shows["labels"]
    assert "О чём обращение?" in labels and "Что найдено на этом компьютере" in labels
    # what was found: a placeholder for each line, filled in when the search answers
    assert [t for t in ("Программа", "Версия", "Папка данных", "База данных")
            if t in labels] == ["Программа", "Версия", "Папка данных", "База данных"]
    assert labels.count("Ищу…") == 4
    assert "GBS.ID" in labels  # the panel's title; its body comes next
    assert shows["built"] == []  # none of the later parts was built for the first picture
    assert shows["qt_built"] is False
    assert shows["next_icon"] is True and shows["step_icons"] == [True] * 6


def _image(icon, size: int):
    from PySide6.QtCore import QSize

    return icon.pixmap(QSize(size, size)).toImage()


def test_what_waits_for_the_first_picture_arrives_right_after_it(qtbot, demo, ui_env) -> None:
    """The start's own path (ui.first_paint held, as ui.app holds it for the first window):
    until the picture the buttons show blanks in their icons' places and have no cursor of
    their own; one event-loop turn after it the drawn icons, cursors and the focus are there."""
    from PySide6.QtCore import Qt

    from ui import first_paint, theme
    from ui.app import build
    from ui.window import step_icon

    first_paint.hold()
    try:
        ctrl = build(["--root", str(demo.root), "--out", str(ui_env["out"]),
                      "--no-update-check"])
    except BaseException:
        first_paint.release()
        raise
    app = ui_support.Gui(ctrl, qtbot, ui_env["out"])
    win = ctrl.window
    step = win.sidebar.buttons["start"]
    try:
        assert first_paint.waiting()
        blank = _image(step.icon(), 24)
        assert blank.size().width() == 24 and all(
            blank.pixelColor(x, y).alpha() == 0 for x in range(24) for y in range(24))
        assert step.cursor().shape() == Qt.CursorShape.ArrowCursor
        qtbot.waitUntil(lambda: not first_paint.waiting(), timeout=10000)
        assert _image(step.icon(), 24) == _image(step_icon(1, "current"), 24)
        assert step.cursor().shape() == Qt.CursorShape.PointingHandCursor
        assert step.focusPolicy() == Qt.FocusPolicy.ClickFocus  # set by name (ui.qt)
        assert _image(win.next.icon(), 18) == _image(theme.icon("next", "#FFFFFF"), 18)
        assert win.next.layoutDirection() == Qt.LayoutDirection.RightToLeft
        qtbot.waitUntil(lambda: win.focusWidget() is not None, timeout=10000)
    finally:
        app.close()


def test_queued_work_runs_in_order_and_skips_deleted_widgets(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    from ui import first_paint

    done: list[str] = []
    gone = QLabel()
    first_paint.hold()
    try:
        first_paint.later(lambda: done.append("a"))
        first_paint.later(lambda: gone.setText("x"))
        first_paint.later(lambda: done.append("b"))
        assert done == []
        gone.deleteLater()
        qapp.sendPostedEvents(None, 0)  # the C++ label is gone; its Python wrapper is not
    finally:
        first_paint.release()
    assert done == ["a", "b"]
    first_paint.later(lambda: done.append("now"))  # released: at once
    assert done == ["a", "b", "now"]


@pytest.mark.parametrize("kind", ["icon", "radio", "status"])
@pytest.mark.parametrize("size", [(400, 60), (400, 200), (150, 120), (80, 300), (30, 30)])
def test_a_widget_held_at_the_top_stands_where_align_top_puts_it(qapp, kind, size) -> None:
    """TopAligned (no value of the Qt namespace) against the layout's own AlignTop: the same
    geometry for the widget, its neighbours and the whole, at every size."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

    from ui.widgets.common import Spinner, add_top

    def make(ours: bool):
        outer = QWidget()
        body = QVBoxLayout(outer)
        body.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        if kind == "radio":
            shown = [QRadioButton()]
        else:
            shown = [QLabel("i")]
            shown[0].setFixedSize(22, 22)
        extra = [Spinner(None, 22)] if kind == "status" else []
        for w in extra:
            w.hide()
        if ours:
            add_top(row, *shown, *extra)
        else:
            for w in shown + extra:
                row.addWidget(w, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel("Что найдено на этом компьютере " * 2)
        title.setWordWrap(True)
        row.addWidget(title, 1)
        body.addLayout(row)
        other = QLabel("другое")
        body.addWidget(other)
        outer.resize(*size)
        outer.show()
        qapp.processEvents()
        geometry = (shown[0].mapTo(outer, shown[0].rect().topLeft()).toTuple(),
                    shown[0].size().toTuple(), title.geometry().getRect(),
                    other.geometry().getRect(), outer.minimumSizeHint().toTuple(),
                    outer.sizeHint().toTuple())
        outer.close()
        outer.deleteLater()
        return geometry

    assert make(ours=True) == make(ours=False)


def test_the_start_page_s_later_parts_arrive_after_the_first_paint(qtbot, demo, ui_env) -> None:
    from ui.app import build
    from ui.widgets.gbsid import GbsIdPanel

    ctrl = build(["--root", str(demo.root), "--out", str(ui_env["out"]), "--no-update-check"])
    app = ui_support.Gui(ctrl, qtbot, ui_env["out"])
    win = ctrl.window
    page = win.pages.built["start"]
    try:
        assert page.findChildren(GbsIdPanel) == [] and "links" not in vars(page)
        assert win.menuBar().actions()[0].menu().actions() == []  # items come after the paint
        qtbot.waitUntil(lambda: page.findChildren(GbsIdPanel) != [], timeout=10000)
        panel = page.findChildren(GbsIdPanel)[0]
        qtbot.waitUntil(panel.isVisible, timeout=10000)
        assert set(type(page).LATER) <= set(vars(page))  # every later part is there
        first_item = win.menuBar().actions()[0].menu().actions()[0]
        assert first_item.text() == "&Новое обращение" and first_item.isEnabled()
        assert page.cols.box.indexOf(panel) == 1  # where the title card stood
        # and the searches' answers reach them
        qtbot.waitUntil(lambda: not ctrl.state.install.searching
                        and page.demo_banner.isVisible() and panel.value.text() != "",
                        timeout=20000)
        assert demo.gbs_id in panel.value.text()
        assert page.program.value.text() == "GBS.Market 6"
    finally:
        app.close()


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
