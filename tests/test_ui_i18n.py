"""Russian by default, English through Qt's own translation files: the .ts in the repo is up to
date with the UI and the engine, fully translated, compiled on first run when no .qm exists, and
switching the language rebuilds the window in English (engine messages included)."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel

from tests import ui_support
from tests.test_ui import PAGES_WITH_CONTROLS, labels_text, mnemonic_clashes
from tests.ui_support import REPO, Gui, forget_update_answer, start_gui

gui, ui_env = ui_support.gui, ui_support.ui_env  # pytest fixtures used by name below

sys.path.insert(0, str(REPO / "scripts"))
import update_translations as ut  # noqa: E402

TS = REPO / "ui" / "translations" / "gbs_collector_en.ts"
pytestmark = pytest.mark.timeout(300)


def test_ts_holds_every_engine_message_translated() -> None:
    msgs = ut.messages(TS)
    in_ts = {src for ctx, src, _c, _t, _k in msgs if ctx == "collector"}
    missing = [t for t in ut.engine_templates() if t not in in_ts]
    assert not missing, f"run scripts/update-translations: {missing[:3]}"
    problems = ut.check(TS)
    assert not problems, problems[:10]
    ui = [m for m in msgs if m[0] == ""]
    assert len(ui) > 300 and all(m[3] for m in ui)


def test_qm_is_built_on_first_run_from_the_ts(tmp_path: Path, monkeypatch) -> None:
    from ui import i18n

    fresh = tmp_path / "translations"
    fresh.mkdir()
    shutil.copy(TS, fresh / TS.name)  # a fresh clone: the .ts only
    monkeypatch.setattr(i18n, "TS_DIR", fresh)
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "data"))
    qm = i18n.ensure_qm("en")
    assert qm == fresh / "gbs_collector_en.qm" and qm.stat().st_size > 1000
    t = QTranslator()
    assert t.load(str(qm))
    assert t.translate("", "&Далее") == "&Next"
    assert t.translate("collector", "Оплата и лицензирование") == "Payment and licensing"
    # nothing can be written beside the .ts (here: a folder is in the way, which stops root
    # as well as a user): the .qm is built in the user data folder instead
    qm.unlink()
    qm.mkdir()
    (qm / "x").write_text("in the way")
    os.utime(qm, (1, 1))
    qm2 = i18n.ensure_qm("en")
    assert qm2 == tmp_path / "data" / "translations" / "gbs_collector_en.qm"
    assert QTranslator().load(str(qm2))
    assert not list(fresh.glob("*.tmp"))  # no half-written file left behind


def test_switching_to_english_rebuilds_the_window_in_english(gui: Gui) -> None:
    forget_update_answer(gui)  # the start page then shows the engine's «could not check»
    gui.win.go("contacts")
    old = gui.win
    gui.win.language_actions["en"].trigger()
    assert gui.ctrl.window is not old and gui.ctrl.translations.lang == "en"
    win = gui.win
    assert win.current == "contacts"  # where the user was
    assert win.page_title.text() == "Where to answer"
    assert win.next.text() == "&Next" and win.back.text() == "&Back"
    win.go("start")
    assert win.page_title.text() == "Prepare a support request"
    topics = gui.page("start").topics
    assert topics.cards["licensing"].title_label.text() == "Payment and licensing"  # engine
    text = labels_text(gui.page("start"))
    assert "What was found on this PC" in text
    assert "the check over the internet is switched off" in text  # an engine-style message
    assert "GBS.ID" in text and gui.demo.gbs_id in text
    from ui import prefs

    assert prefs.get("language") == "en"
    # the desk's rules speak English too
    win.go("questions")
    gui.qtbot.mouseClick(win.next, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert "Write your question" in labels_text(gui.page("questions"))


def test_english_is_remembered_and_russian_comes_back(qtbot, demo, ui_env) -> None:
    g = start_gui(qtbot, demo.root, ui_env["out"], "--lang", "en")
    try:
        assert g.win.page_title.text() == "Prepare a support request"
        g.win.language_actions["ru"].trigger()
        assert g.win.page_title.text() == "Подготовить обращение в поддержку"
        assert QCoreApplication.translate("", "&Далее") == "&Далее"
    finally:
        g.close()


def test_engine_messages_with_nested_messages_translate_whole(gui: Gui) -> None:
    from collector.i18n import _
    from ui.i18n import engine_text

    gui.ctrl.switch_language("en")
    inner = _("папка резервных копий пользователя {user}", user="Магазин")
    msg = _("{kind}: {path} (копий в ней нет)", kind=inner, path=r"C:\X")
    assert engine_text(msg) == r"the backup folder of user Магазин: C:\X (no backups in it)"
    assert engine_text(_("Шаг остановлен: превышено время {limit:.0f} с.", limit=12.4)) == \
        "The step was stopped: it exceeded 12 s."


@pytest.mark.parametrize("key", PAGES_WITH_CONTROLS)
def test_english_mnemonics_do_not_clash(gui: Gui, key: str) -> None:
    gui.ctrl.switch_language("en")
    assert not mnemonic_clashes(gui, key)


def test_no_russian_left_on_english_pages(gui: Gui) -> None:
    """Every visible label of the form pages is English. Names, paths and what the engine
    quotes «like this» (it passes some titles as finished Russian text) aside."""
    gui.ctrl.switch_language("en")
    allowed = ("Магазин", "GBS.Market6_backups", "Ромашка")
    for key in ("start", "questions", "date", "include", "contacts", "review"):
        gui.win.go(key)
        gui.qtbot.wait(30)
        page = gui.page(key)
        for w in page.findChildren(QLabel):
            if not w.isVisibleTo(page):
                continue
            text = re.sub(r"«[^»]*»", "", w.text())
            for word in allowed:
                text = text.replace(word, "")
            assert not any("а" <= ch.lower() <= "я" for ch in text), (key, w.text())


def test_english_dates_sizes_and_step_summaries(gui: Gui) -> None:
    """English mode end to end: the collection's step summaries, dates and sizes are English
    ("7 files for 17 November 2026", "683.0 KB"), with no Russian fragment on the result page."""
    from datetime import date

    gui.ctrl.switch_language("en")
    st = gui.state
    st.form.topic = "errors"
    st.form.questions = ["The sales journal for 17.11 does not open"]
    st.form.problem_date = date(2026, 11, 17)
    st.form.include_database = True
    st.form.contact.email = "anna@mail.ru"
    st.request.edit("problem_date")
    gui.win.go("include")
    gui.qtbot.waitUntil(lambda: st.day.for_day(date(2026, 11, 17)) is not None, timeout=20000)
    detail = gui.page("include").logs_detail.text()
    assert re.fullmatch(r"\d+ files, \d+\.\d KB; \d+ errors?", detail), detail
    assert gui.page("include").logs_box.text().endswith("17 November 2026")
    gui.win.go("review")
    gui.qtbot.waitUntil(lambda: st.plan.settled, timeout=30000)
    gui.win.start_collection()
    gui.qtbot.waitUntil(lambda: gui.win.current == "result", timeout=300000)
    page = gui.page("result")
    texts = [w.text().replace("\u200b", "") for w in page.findChildren(QLabel)
             if w.isVisibleTo(page) and w.text()]
    joined = "\n".join(texts)
    assert re.search(r"\d+ files for 17 November 2026, with \d+ errors", joined), joined
    assert re.search(r"\b\d+\.\d (KB|MB), \d+ tables\b", joined), joined  # the database
    allowed = ("Магазин", "GBS.Market6_backups")
    for text in texts:
        for word in allowed:
            text = text.replace(word, "")
        assert not any("а" <= ch.lower() <= "я" for ch in text), text
