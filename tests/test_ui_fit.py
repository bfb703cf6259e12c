"""The window on the screens of the shops (issue 15): 1024×768, and 1366×768 at 125 % and 150 %,
each less a 40 px taskbar. On every page, for every size, every visible control lies wholly
inside the window (down a page it may scroll, never across), and no text is cut off."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from tests import ui_support
from tests.ui_support import SMALL_SCREENS, Gui, clipped

gui, ui_env = ui_support.gui, ui_support.ui_env  # pytest fixtures used by name below

pytestmark = pytest.mark.timeout(600)


def settle(g: Gui) -> None:
    for _ in range(3):
        QApplication.processEvents()


def fill(g: Gui, topic: str = "errors") -> None:
    from collector.request import Contact

    st = g.state
    st.form.topic = topic
    st.form.questions = ["При открытии журнала продаж за 17.11 появляется ошибка «Object "
                         "reference not set to an instance of an object», журнал не открывается.",
                         "После этого касса печатает чек с задержкой 10–15 секунд."]
    st.form.symptoms = ["sales_journal_error"] if topic == "errors" else []
    st.form.problem_date = date(2026, 11, 17) if topic == "errors" else None
    st.form.contact = Contact(name="Анна, магазин «Ромашка»", email="romashka.shop@mail.ru",
                              phone="+7 912 345-67-89")
    st.request.edit("problem_date")  # (reads the day's logs)


def check_pages(g: Gui, pages: list[str]) -> dict[str, list[str]]:
    bad: dict[str, list[str]] = {}
    win = g.win
    win.showNormal()
    for size, (w, h) in SMALL_SCREENS.items():
        win.resize(w, h)
        g.qtbot.waitUntil(lambda w=w, h=h: win.size().toTuple() == (w, h), timeout=5000)
        for key in pages:
            win.go(key)
            if key == "review":
                g.qtbot.waitUntil(lambda: g.state.plan.settled, timeout=30000)
                views = range(g.page("review").tabs.count())
            else:
                views = [None]
            for tab in views:
                if tab is not None:
                    g.page("review").tabs.setCurrentIndex(tab)
                settle(g)
                found = clipped(win)
                if found:
                    bad[f"{size} {key}{'' if tab is None else f' tab {tab}'}"] = found[:5]
    return bad


def test_every_page_fits_the_small_screens(gui: Gui) -> None:
    fill(gui)
    gui.qtbot.waitUntil(lambda: gui.state.day.for_day(date(2026, 11, 17)) is not None,
                        timeout=20000)
    bad = check_pages(gui, ["start", "questions", "date", "include", "contacts", "review",
                            "collect"])
    assert not bad, bad


def test_a_payment_request_fits_too(gui: Gui) -> None:
    fill(gui, "licensing")
    gui.state.extras.logs_wanted = True  # the date page joins in
    bad = check_pages(gui, ["start", "questions", "date", "contacts", "review"])
    assert not bad, bad


def test_collecting_cancelling_and_the_result_fit(gui: Gui) -> None:
    fill(gui)
    gui.state.form.include_database = False
    gui.win.go("review")
    gui.qtbot.waitUntil(lambda: gui.state.plan.settled, timeout=30000)
    gui.win.start_collection()
    gui.qtbot.waitUntil(lambda: gui.win.current == "result", timeout=300000)
    bad = check_pages(gui, ["result"])
    assert not bad, bad
