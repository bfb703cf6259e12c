"""The window calls the program by its build's own name: every page of the wizard over a HiPos
and a vendor build (GBS_MARKET.md §1, §2), and the names following an installation found after
the window is shown (issue 18, item 1)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests import ui_support
from tests.branding_support import partner_build, stray_gbs_market, vendor_build
from tests.test_ui import fill_form
from tests.test_ui_collect import wait_review
from tests.ui_support import Gui, start_gui

ui_env = ui_support.ui_env  # pytest fixture used by name below
pytestmark = pytest.mark.timeout(600)
BUILDS = {"partner": partner_build, "vendor": vendor_build}


def visible_texts(widget: QWidget) -> list[str]:
    """What a person sees and hears in ``widget``: labels, buttons, tooltips, accessible
    names and descriptions of every visible child."""
    out = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if w is not widget and not w.isVisibleTo(widget):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        out += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
    return [t.replace("\u200b", "").replace("&", "") for t in out if t]


def window_texts(gui: Gui) -> list[str]:
    win = gui.win
    return [win.windowTitle(), *visible_texts(win.sidebar), win.page_title.text(),
            win.page_subtitle.text(), *visible_texts(win.pages[win.current])]


@pytest.mark.parametrize("build", sorted(BUILDS))
def test_every_page_names_the_build(build: str, qtbot, demo, ui_env) -> None:
    name = BUILDS[build](demo.root)
    gui = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert gui.state.installation is not None and gui.state.installation.name == name
        seen: dict[str, list[str]] = {"start": window_texts(gui)}
        # the waiting GBS.ID panel and the start page's «not found» help name it too
        gbs = gui.state.gbs
        kept = gbs.candidates, gbs.value
        gbs.candidates, gbs.value = [], None
        gui.page("start").gbs.refresh()
        seen["start"] += visible_texts(gui.page("start").gbs)
        gbs.candidates, gbs.value = kept
        gui.page("start").gbs.refresh()
        fill_form_recording(gui, seen)
        gui.win.go("include")
        gui.page("include").db_box.setChecked(False)  # a quick run: the database is not needed
        seen["include"] += window_texts(gui)
        gui.win.go("review")
        wait_review(gui)
        gui.click_next()  # «Собрать архив»
        assert gui.win.current == "collect"
        qtbot.waitUntil(lambda: gui.win.current == "result", timeout=300000)
        seen["collect"] = visible_texts(gui.page("collect"))
        seen["result"] = window_texts(gui)
        assert set(seen) == set(gui.win.ORDER)
        for page, texts in seen.items():
            text = "\n".join(texts)
            assert stray_gbs_market(text, name) == [], page
        everything = "\n".join("\n".join(t) for t in seen.values())
        assert f"Обращение в поддержку {name}" in seen["start"][0]  # the window title
        assert f"в программе {name}: сборщик только читает" in "\n".join(seen["collect"])
        assert f"в программе {name}" in everything
    finally:
        gui.close()


def fill_form_recording(gui: Gui, seen: dict[str, list[str]]) -> None:
    """:func:`tests.test_ui.fill_form`, keeping each page's texts as it is left."""
    real_next = gui.click_next

    def click_next() -> None:
        seen.setdefault(gui.win.current, []).extend(window_texts(gui))
        real_next()

    gui.click_next = click_next
    try:
        fill_form(gui)
    finally:
        gui.click_next = real_next
    seen["review"] = window_texts(gui)


def test_names_follow_an_installation_found_later(qtbot, demo, ui_env) -> None:
    """Nothing where the program is usually looked for: the window says GBS.Market; the user
    points to the HiPos folder; the title, the sidebar and the page's texts say HiPos."""
    partner_build(demo.root)
    apps = demo.root / "drives" / "D" / "Касса"
    apps.mkdir(parents=True)
    shutil.move(str(demo.root / "Program Files (x86)"), apps / "Program Files (x86)")
    shutil.move(str(demo.root / "ProgramData"), apps / "ProgramData")
    (demo.root / "registry.reg").unlink()
    gui = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert gui.state.installation is None
        assert gui.win.windowTitle() == "Обращение в поддержку GBS.Market"
        start = gui.page("start")
        assert "Программа GBS.Market не найдена" in visible_texts(start)
        gui.state.point_to(apps / "Program Files (x86)" / "F-Lab" / "Market 6")
        qtbot.waitUntil(lambda: gui.state.installation is not None, timeout=20000)
        assert gui.win.windowTitle() == "Обращение в поддержку HiPos"
        assert gui.win.sidebar.subtitle.text() == "HiPos"
        assert "поддержке HiPos" in gui.win.page_subtitle.text()
        texts = "\n".join(window_texts(gui))
        assert "HiPos (партнёрская сборка GBS.Market)" in texts
        assert stray_gbs_market(texts, "HiPos") == []
        gui.win.go("include")
        assert "в программе HiPos" in "\n".join(visible_texts(gui.page("include")))
    finally:
        gui.close()


def test_the_english_window_names_the_build_too(qtbot, demo, ui_env) -> None:
    """Switched to English after the program was found: the rebuilt window names it at once."""
    partner_build(demo.root)
    gui = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        gui.ctrl.switch_language("en")
        assert gui.win.windowTitle() == "Request to HiPos support"
        assert gui.win.sidebar.subtitle.text() == "HiPos"
        texts = "\n".join(window_texts(gui))
        assert "HiPos support needs" in texts
        assert stray_gbs_market(texts, "HiPos") == []
    finally:
        gui.close()
