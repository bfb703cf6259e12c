"""The wizard over a demo installation, offscreen: what the start page shows, the form pages
writing the engine's form, drafts surviving a crash, the GBS.ID panel, accessibility."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from tests import netguard, ui_support
from tests.ui_support import (
    REPO,
    TODAY,
    Gui,
    forget_update_answer,
    start_gui,
    type_text,
    zbar,
)
from ui.i18n import engine_text

gui, ui_env = ui_support.gui, ui_support.ui_env  # pytest fixtures used by name below

pytestmark = pytest.mark.timeout(300)


def labels_text(widget: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(w.text() for w in widget.findChildren(QLabel)
                     if w.isVisibleTo(widget)).replace("\u200b", "")


# --- start page ---------------------------------------------------------------------------------
def test_start_page_shows_what_was_found(gui: Gui, tmp_path: Path) -> None:
    page = gui.page("start")
    assert "Версия актуальна." in labels_text(page)  # the program's own last feed answer
    assert "Это демонстрационная установка" in labels_text(page)
    forget_update_answer(gui)
    text = labels_text(page)
    demo = gui.demo
    assert demo.version in text  # the exact version from Market.exe
    assert r"C:\ProgramData\F-Lab\GBS.Market\6" in text
    from ui.i18n import fmt_size

    assert f"Размер: {fmt_size(demo.database.stat().st_size)}" in text
    assert "Не удалось проверить обновления: " in text and "программа ещё не сохраняла" in text
    assert "База знаний" in text and "Связаться с поддержкой" in text  # the desk's links
    # the GBS.ID as selectable text, never an input field
    panel = page.gbs
    assert panel.value.text() == demo.gbs_id
    assert panel.value.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not page.findChildren(QLineEdit)
    # the QR on screen is large enough and decodes to exactly the ID (real zbar)
    assert panel.qr.width() >= 200
    png = tmp_path / "qr.png"
    assert panel.qr.grab().save(str(png))
    assert zbar(png) == [demo.gbs_id]
    # «Копировать» puts the ID on the clipboard
    gui.qtbot.mouseClick(panel.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == demo.gbs_id
    assert gui.win.next.isEnabled()


def test_no_installation_is_not_a_dead_end(qtbot, ui_env, tmp_path: Path) -> None:
    """Nothing found: the page says so and where it looked, the desk's addresses stay in view,
    and a request can still be written and collected (the request, the system snapshot)."""
    empty = tmp_path / "empty-root"
    empty.mkdir()
    g = start_gui(qtbot, empty, ui_env["out"])
    try:
        start = g.page("start")
        text = labels_text(start)
        assert "GBS.Market не найдена" in text and "Где искали:" in text
        assert "Обращение всё равно можно отправить" in text
        assert start.retry.isVisible() and start.point.isVisible()
        assert start.desk.isVisible() and "href=" in start.desk.text()  # the desk's links
        assert g.win.next.isEnabled()
        qtbot.mouseClick(start.topics.cards["errors"].radio, Qt.MouseButton.LeftButton)
        g.click_next()
        assert g.win.current == "questions"
        q = g.page("questions")
        type_text(q.editor.rows[0].edit, "После переустановки Windows программа не запускается")
        q.editor._sync()
        g.click_next()
        assert g.win.current == "date"
        assert "не найдены" in labels_text(g.page("date"))  # no logs, the day still asked
        g.page("date")._set_day(date(2026, 11, 19))
        g.click_next()
        g.click_next()  # «Что приложить»: a screenshot or a file can still go
        type_text(g.page("contacts").edits["email"], "anna@mail.ru")
        g.click_next()
        assert g.win.current == "review"
        qtbot.waitUntil(lambda: g.state.plan.settled, timeout=30000)
        names = [i.arcname for i in g.state.plan.review.items]
        assert "request.txt" in names and "system.json" in names
        g.click_next()  # «Собрать архив»
        qtbot.waitUntil(lambda: g.win.current == "result", timeout=120000)
        result = g.state.collection.result
        assert int(result.exit_code) == 4  # a step failed: the installation
        steps = {r.name: r.status for r in result.steps}
        assert steps["installation"] == "failed" and steps["system"] == "ok"
        listing = subprocess.run(["7z", "l", "-slt", str(result.paths[0])],
                                 capture_output=True, text=True).stdout
        assert "Path = request.txt" in listing and "Path = system.json" in listing
    finally:
        g.close()


def test_pointing_to_the_programs_folder(qtbot, demo, ui_env) -> None:
    """The program on another disk, nothing where it is usually looked for: «Указать папку
    программы…» finds it there, and remembers the folder for the next start."""
    import shutil

    apps = demo.root / "drives" / "D" / "Касса"
    apps.mkdir(parents=True)
    shutil.move(str(demo.root / "Program Files (x86)"), apps / "Program Files (x86)")
    shutil.move(str(demo.root / "ProgramData"), apps / "ProgramData")
    (demo.root / "registry.reg").unlink()
    data = apps / "ProgramData" / "F-Lab" / "GBS.Market" / "6"
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert g.state.installation is None
        g.state.point_to(data)
        qtbot.waitUntil(lambda: g.state.installation is not None, timeout=20000)
        assert g.state.installation.data_path == data
        assert not g.page("start").point.isVisible()
    finally:
        g.close()
    g2 = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert g2.state.installation is not None and g2.state.installation.data_path == data
    finally:
        g2.close()


def test_update_check_runs_off_the_gui_thread(qtbot, demo, ui_env, tmp_path: Path) -> None:
    """A feed that answers only when the test says so: the window is there at once, the answer
    fills in later."""
    import http.server
    import threading

    release, answered = threading.Event(), threading.Event()

    class Held(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            release.wait(30)
            body = json.dumps({"Version": "6.7.0.3000", "Md5": "0" * 32}).encode()
            self.send_response(200 if self.path.endswith("/updates/release//info.json") else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            answered.set()

        def log_message(self, *a) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Held)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    ui_env["settings"].write_text(json.dumps(
        {**netguard.LOOPBACK_SETTINGS, "update_mirrors": [f"http://127.0.0.1:{srv.server_port}"],
         "update_check_timeout": 20}))
    from ui.app import build

    ctrl = build(["--root", str(demo.root), "--today", TODAY, "--out", str(ui_env["out"])])
    g = Gui(ctrl, qtbot, ui_env["out"])
    try:
        assert not answered.is_set()  # the window came up without waiting for the server
        qtbot.waitUntil(lambda: g.state.updates.checking, timeout=5000)
        assert "Проверяю, последняя ли это версия" in labels_text(g.page("start"))
        release.set()
        qtbot.waitUntil(lambda: g.state.updates.status is not None, timeout=15000)
        assert answered.is_set()
        start = g.page("start")
        text = labels_text(start)
        assert "Есть новая версия: 6.7.0.3000" in text
        # outdated: not just a coloured line, a visible «Как обновить» with the steps
        box = start.update_box
        assert box.isVisibleTo(start) and box.how.isVisibleTo(start)
        assert "Поддержка просит сначала обновить программу" in box.banner.text.text()
        assert not box.steps.isVisibleTo(start)
        qtbot.mouseClick(box.how, Qt.MouseButton.LeftButton)
        assert box.steps.isVisibleTo(start)
        assert "Сохраните работу" in box.steps.text()
        assert engine_text(g.state.updates.status.how).rstrip(".")[1:] in box.steps.text()
        assert "«Проверить ещё раз»" in box.steps.text() and box.again.text().replace("&", "") \
            == "Проверить ещё раз"
    finally:
        release.set()
        g.close()
        srv.shutdown()


# --- the form pages -----------------------------------------------------------------------------
def fill_form(g: Gui) -> None:
    qtbot = g.qtbot
    assert g.win.current == "start"  # the topic is chosen on the start page
    qtbot.mouseClick(g.page("start").topics.cards["errors"].radio, Qt.MouseButton.LeftButton)
    assert g.state.form.topic == "errors"
    g.click_next()
    assert g.win.current == "questions"
    q = g.page("questions")
    edit = q.editor.rows[0].edit
    type_text(edit, "При открытии журнала продаж за 17.11 появляется ошибка")
    q.editor._sync()
    qtbot.mouseClick(q.editor.add_button, Qt.MouseButton.LeftButton)
    type_text(q.editor.rows[1].edit, "Касса печатает чек с задержкой 15 секунд")
    q.editor._sync()
    qtbot.mouseClick(q.symptom_boxes["sales_journal_error"], Qt.MouseButton.LeftButton)
    assert g.state.form.symptoms == ["sales_journal_error"]
    g.click_next()
    assert g.win.current == "date"
    d = g.page("date")
    d._set_day(date(2026, 11, 17))
    assert g.state.form.problem_date == date(2026, 11, 17)
    g.click_next()
    assert g.win.current == "include"
    g.click_next()
    assert g.win.current == "contacts"
    c = g.page("contacts")
    type_text(c.edits["name"], "Анна")
    type_text(c.edits["email"], "anna@mail.ru")
    g.click_next()
    assert g.win.current == "review"


def test_form_pages_write_the_engine_form(gui: Gui) -> None:
    fill_form(gui)
    form = gui.state.form
    assert form.topic == "errors"
    assert [q for _i, q in form.question_items()] == [
        "При открытии журнала продаж за 17.11 появляется ошибка",
        "Касса печатает чек с задержкой 15 секунд"]
    assert form.contact.email == "anna@mail.ru"
    # the database is recommended by the symptom (rule 7) and so included
    assert gui.state.include_database()
    review = gui.page("review")
    st = gui.state
    gui.qtbot.waitUntil(lambda: st.plan.review is not None and st.plan.task is None, timeout=20000)
    names = [i.arcname for i in st.plan.review.items]
    assert "request.txt" in names and "database/main.fbk" in names
    assert any(n.startswith("logs/2026-11-17/") for n in names)
    assert review.request_text.toPlainText().count("Касса печатает чек") == 1
    assert "1. При открытии журнала продаж" in review.request_text.toPlainText()


def test_pages_block_on_the_desks_errors(gui: Gui) -> None:
    start = gui.page("start")
    assert "Выберите тему обращения" not in labels_text(start)  # nothing said before acting
    gui.click_next()  # no topic chosen: stays, says why
    assert gui.win.current == "start"
    assert "Выберите тему обращения" in labels_text(start)
    assert "Исправьте отмеченное" in gui.win.notice.text()
    gui.qtbot.mouseClick(start.topics.cards["licensing"].radio, Qt.MouseButton.LeftButton)
    assert "Выберите тему обращения" not in labels_text(start)  # fixed: the remark goes
    assert gui.win.notice.text() == ""  # and so does the reminder below
    gui.click_next()
    gui.click_next()  # no question
    assert gui.win.current == "questions"
    assert "Напишите вопрос" in labels_text(gui.page("questions"))


def test_pasted_numbered_text_becomes_numbered_questions(gui: Gui) -> None:
    gui.win.go("questions")
    q = gui.page("questions")
    md = QMimeData()
    md.setText("1. Не открывается журнал продаж за 20.11\n2) Прибыль за ноябрь считается неверно")
    q.editor.rows[0].edit.insertFromMimeData(md)
    q.editor._sync()
    assert [r.edit.toPlainText() for r in q.editor.rows] == [
        "Не открывается журнал продаж за 20.11", "Прибыль за ноябрь считается неверно"]
    assert [r.number.text() for r in q.editor.rows] == ["1.", "2."]


def test_calendar_marks_days_with_errors(gui: Gui) -> None:
    gui.win.go("date")
    d = gui.page("date")
    cal = gui.state.calendar.days
    for day, errors in gui.demo.error_days.items():
        assert cal[day].errors + cal[day].fatals == errors
    listed = [d.days.item(i).text() for i in range(d.days.count())]
    worst = [day for day, n in gui.demo.error_days.items() if n]
    assert len(listed) == len(worst)
    assert any(t.endswith(" — 3 ошибки") for t in listed) and ":" not in "".join(listed)
    item = d.days.item(0)
    d._day_item(item)
    gui.qtbot.waitUntil(lambda: not gui.state.day.loading, timeout=10000)
    assert gui.state.form.problem_date == max(worst)
    n = cal[max(worst)].errors + cal[max(worst)].fatals
    assert d.day_summary.text().startswith(f"{n} ошиб")  # «2 ошибки · 6 файлов, 12,3 КБ»
    assert " файл" in d.day_summary.text() and ":" not in d.day_summary.text()


def test_drag_and_drop_attachments_and_voice_messages(gui: Gui, tmp_path: Path) -> None:
    gui.win.go("include")
    inc = gui.page("include")
    photo = tmp_path / "ошибка.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    voice = tmp_path / "голосовое.ogg"
    voice.write_bytes(b"OggS" + b"\0" * 100)
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(voice))])
    from PySide6.QtGui import QDropEvent

    ev = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, md,
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    inc.drop.dropEvent(ev)
    assert gui.state.form.attachments == [str(photo), str(voice)]
    codes = {p.code for p in gui.state.problems()}
    assert "attachments.audio" in codes
    assert "Голосовые сообщения поддержка не принимает" in labels_text(inc)
    # an error blocks «Собрать» until the file is removed
    gui.win.go("review")
    assert not gui.page("review").can_leave_forward()
    inc.remove_file(str(voice))
    assert "attachments.audio" not in {p.code for p in gui.state.problems()}


def test_screenshot_button_saves_and_attaches(gui: Gui) -> None:
    from PySide6.QtGui import QColor, QPixmap

    gui.win.go("include")
    inc = gui.page("include")
    pm = QPixmap(320, 200)
    pm.fill(QColor("#336699"))
    saved = inc.take_screenshots([pm])
    assert len(saved) == 1 and Path(saved[0]).is_file()
    assert Path(saved[0]).parent == Path(os.environ["GBS_COLLECTOR_DATA_DIR"]) / "screenshots"
    assert saved[0] in gui.state.form.attachments
    assert saved[0] in gui.state.extras.screenshots
    inc.remove_file(saved[0])
    assert not Path(saved[0]).exists()  # ours: removed with it


def test_clipboard_watcher_takes_a_copied_id(gui: Gui) -> None:
    other = "6:" + "A1B2C3D4" * 4
    QGuiApplication.clipboard().setText(f"  {other.lower()}\n")
    gui.state.gbs.poll_clipboard()
    gui.qtbot.waitUntil(lambda: gui.state.gbs.value == other, timeout=10000)
    assert gui.state.gbs.from_clipboard
    panel = gui.page("start").gbs
    gui.qtbot.waitUntil(lambda: panel.value.text() == other, timeout=5000)
    assert "буфер обмена" in panel.source.text()
    # both are offered: the one found on disk stays choosable
    assert {c.value for c in gui.state.gbs.candidates} == {other, gui.demo.gbs_id}
    # a retyped id with Cyrillic letters is explained, not taken
    QGuiApplication.clipboard().setText("6:" + "А1В2С3D4" * 4)
    gui.state.gbs.poll_clipboard()
    assert gui.state.gbs.value == other
    assert "русские буквы" in (gui.state.gbs.rejection or "")


def test_outbox_is_offered_at_start(qtbot, demo, ui_env, tmp_path: Path) -> None:
    os.environ["GBS_COLLECTOR_DATA_DIR"] = str(ui_env["data"])
    from collector.delivery import Outbox

    bundle = tmp_path / "GBS-Support_TEST_2026-11-20_20261120-120000.7z"
    bundle.write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\0" * 1000)
    Outbox().add(bundle)
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        qtbot.waitUntil(lambda: bool(g.state.outbox.pending), timeout=10000)
        banner = g.page("start").outbox_banner
        assert banner.isVisibleTo(g.page("start"))
        assert bundle.name in banner.text.text()
    finally:
        g.close()


# --- drafts ---------------------------------------------------------------------------------------
CRASHER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {repo!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from ui.app import build
    from tests.ui_support import type_text
    ctrl = build(["--root", {root!r}, "--today", "2026-11-20", "--no-update-check"])
    app, st = ctrl.app, ctrl.state
    def wait(cond, t=30):
        end = time.time() + t
        while not cond():
            app.processEvents()
            time.sleep(0.01)
            if time.time() > end:
                sys.exit("timeout")
    wait(lambda: st.install.detection is not None)
    win = ctrl.window
    win.pages["start"].topics.cards["errors"].radio.click()
    win.go("questions")
    edit = win.pages["questions"].editor.rows[0].edit
    type_text(edit, "Не печатается чек после обновления")
    path = st.request.drafts.current_path
    wait(lambda: path.exists() and "печатается".encode() in path.read_bytes())
    print("typed", flush=True)
    os.kill(os.getpid(), 9)  # a crash: no close event, no clean-up
""")


def test_draft_is_restored_after_a_crash(qtbot, demo, ui_env) -> None:
    env = {**os.environ, "GBS_COLLECTOR_DATA_DIR": str(ui_env["data"]),
           "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", CRASHER.format(repo=str(REPO),
                                                                root=str(demo.root))],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert "typed" in proc.stdout
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        start = g.page("start")
        assert start.draft_banner.isVisibleTo(start)
        assert "Не печатается чек после обновления" in start.draft_banner.text.text()
        qtbot.mouseClick(start.draft_continue, Qt.MouseButton.LeftButton)
        assert g.win.current == "questions"
        assert g.page("questions").editor.rows[0].edit.toPlainText() == \
            "Не печатается чек после обновления"
        assert g.state.form.topic == "errors"
    finally:
        g.close()


def test_starting_over_keeps_the_old_draft_aside(qtbot, demo, ui_env) -> None:
    os.environ["GBS_COLLECTOR_DATA_DIR"] = str(ui_env["data"])
    from collector.drafts import DraftStore
    from collector.request import RequestForm

    DraftStore().save(RequestForm(topic="licensing", questions=["Продлить лицензию"]))
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        start = g.page("start")
        qtbot.mouseClick(start.draft_new, Qt.MouseButton.LeftButton)
        assert g.win.current == "start" and g.state.form.is_blank()
        old = list((ui_env["data"] / "drafts" / "old").glob("*.json"))
        assert len(old) == 1 and "Продлить лицензию" in old[0].read_text(encoding="utf-8")
    finally:
        g.close()


def test_window_geometry_is_remembered(qtbot, demo, ui_env) -> None:
    g = start_gui(qtbot, demo.root, ui_env["out"])
    g.win.showNormal()
    screen = g.win.screen().availableGeometry()
    g.win.resize(g.win.minimumWidth(), min(screen.height(), g.win.minimumHeight() + 37))
    g.win.move(screen.x(), screen.y())
    size = g.win.size()
    g.win.save_geometry()
    g.close()
    g2 = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        assert g2.win.size() == size
    finally:
        g2.close()


# --- keyboard and accessibility -------------------------------------------------------------------
def test_keyboard_alone_gets_through_the_first_pages(gui: Gui) -> None:
    qtbot = gui.qtbot
    gui.win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.win, timeout=5000)
    start = gui.page("start")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start.topics.cards["errors"].radio,
                    timeout=3000)  # the start page begins at the topics
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # no topic yet: stays
    assert gui.win.current == "start"
    stacked = start.topics.columns.stacked  # one above the other in a small window
    ahead, back = (Qt.Key.Key_Down, Qt.Key.Key_Up) if stacked else (Qt.Key.Key_Right,
                                                                    Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), ahead)  # arrows move between the topics
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert gui.state.form.topic == "licensing"
    qtbot.keyClick(QApplication.focusWidget(), back)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert gui.state.form.topic == "errors"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert gui.win.current == "questions"
    qtbot.keyClick(gui.win, Qt.Key.Key_Escape)  # Escape = back
    assert gui.win.current == "start"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert gui.win.current == "questions"
    # the mnemonic of «&Назад» is Alt+Н (the Cyrillic letter, as a Russian keyboard types it)
    qtbot.keyClick(QApplication.focusWidget() or gui.win, Qt.Key(ord("Н")),
                   Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: gui.win.current == "start", timeout=3000)  # (an animated click)


def _controls(widget: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QSpinBox)
    return [w for w in widget.findChildren(QWidget) if isinstance(w, kinds)
            and w.isVisibleTo(widget)]


@pytest.mark.parametrize("key", ["start", "questions", "date", "include", "contacts",
                                 "review"])
def test_every_control_has_an_accessible_name(gui: Gui, key: str) -> None:
    gui.win.go(key)
    gui.qtbot.wait(50)
    nameless = []
    for w in [*_controls(gui.page(key)), gui.win.next, gui.win.back]:
        if w.objectName().startswith("qt_"):  # Qt's own parts (calendar's spin boxes) name
            continue                          # themselves through their parent
        name = w.accessibleName() or (w.text() if isinstance(w, (QAbstractButton,)) else "")
        if not name.replace("&", "").strip():
            nameless.append(f"{type(w).__name__} {w.toolTip()!r}")
    assert not nameless, nameless
    focusable = [w for w in _controls(gui.page(key)) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert focusable or key == "start"


def test_checkbox_labels_have_mnemonics(gui: Gui) -> None:
    gui.win.go("include")
    inc = gui.page("include")
    for box in (inc.logs_box, inc.db_box):
        assert "&" in box.text()
    assert isinstance(inc.logs_box, QCheckBox)


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 and i + 1 < len(text) else None


def mnemonic_clashes(gui: Gui, key: str) -> list[str]:
    """Two controls with the same Alt+letter would make the letter do nothing."""
    from PySide6.QtWidgets import QLabel

    gui.win.go(key)
    gui.qtbot.wait(20)
    page = gui.page(key)
    seen: dict[str, str] = {}
    clashes = []
    texts = [a.text() for a in gui.win.menuBar().actions()]
    texts += [w.text() for w in (gui.win.back, gui.win.next) if w.isVisible()]
    texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
    texts += [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.buddy()]
    for text in texts:
        m = _mnemonic(text)
        if m is None:
            continue
        if m in seen:
            clashes.append(f"{seen[m]!r} / {text!r}")
        seen[m] = text
    return clashes


PAGES_WITH_CONTROLS = ["start", "questions", "date", "include", "contacts", "review",
                       "result"]


@pytest.mark.parametrize("key", PAGES_WITH_CONTROLS)
def test_mnemonics_do_not_clash(gui: Gui, key: str) -> None:
    assert not mnemonic_clashes(gui, key)


def test_typing_before_the_old_draft_is_read_never_overwrites_it(qtbot, demo, ui_env) -> None:
    os.environ["GBS_COLLECTOR_DATA_DIR"] = str(ui_env["data"])
    from collector.drafts import DraftStore
    from collector.request import RequestForm
    from ui.app import build

    DraftStore().save(RequestForm(topic="errors", questions=["Старый черновик"]))
    ctrl = build(["--root", str(demo.root), "--today", TODAY, "--out", str(ui_env["out"]),
                  "--no-update-check"])
    g = Gui(ctrl, qtbot, ui_env["out"])
    try:
        # before the event loop has read the drafts: the user is already typing
        g.state.form.topic = "licensing"
        g.state.form.questions = ["Новый вопрос о лицензии"]
        g.state.request.edit("questions")
        g.state.request.save()
        qtbot.waitUntil(lambda: g.state.request.loaded, timeout=10000)
        current = g.state.request.drafts.current_path
        qtbot.waitUntil(lambda: current.exists() and "Новый вопрос" in current.read_text(
            encoding="utf-8"), timeout=10000)
        old = list((ui_env["data"] / "drafts" / "old").glob("*.json"))
        assert len(old) == 1 and "Старый черновик" in old[0].read_text(encoding="utf-8")
    finally:
        g.close()


def test_state_signals_reach_only_the_living_window(gui: Gui) -> None:
    """Each controller's signals reach the pages that show its data; after a language switch
    the old window's pages are gone and nothing is delivered to them (no dead-object errors)."""
    gui.win.go("date")
    old_date = gui.page("date")
    gui.ctrl.switch_language("en")
    assert gui.page("date") is not old_date
    gui.win.go("date")
    page = gui.page("date")
    day = date(2026, 11, 17)
    gui.state.form.problem_date = day
    gui.state.request.edit("problem_date")  # RequestDraft.edited → the day's logs are read
    gui.qtbot.waitUntil(lambda: gui.state.day.for_day(day) is not None
                        and not gui.state.day.loading, timeout=10000)
    assert page.day_card.title_label.text().startswith("Tuesday")  # refreshed, in English
    assert page.day_summary.text().startswith("3 errors · ")  # DayLogs.changed reached it
    assert " files, " in page.day_summary.text()
    for sig in (gui.state.install.changed, gui.state.updates.changed, gui.state.gbs.changed,
                gui.state.calendar.changed, gui.state.outbox.changed,
                gui.state.request.draft_changed, gui.state.plan.changed):
        sig.emit()  # the old pages' relays died with them: a dead receiver would raise here
    gui.state.calendar.progress.emit(0.5)
    assert page.isVisible()


def test_enter_means_next_on_every_page(gui: Gui, monkeypatch) -> None:
    """Enter = «Далее» everywhere but in a question being typed — also in the calendar, the list
    of days, the review's file tree, a drop-down list and the read-only request text."""
    qtbot, win = gui.qtbot, gui.win
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)

    def focus(widget: QWidget) -> None:
        widget.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)

    def enter_on(widget: QWidget) -> None:
        focus(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Return)

    start = gui.page("start")
    qtbot.mouseClick(start.topics.cards["errors"].radio, Qt.MouseButton.LeftButton)
    enter_on(start.topics.cards["errors"].radio)
    assert win.current == "questions"
    q = gui.page("questions")
    enter_on(q.editor.rows[0].edit)  # a question: Enter is a new line, the page stays
    assert win.current == "questions" and q.editor.rows[0].edit.toPlainText() == "\n"
    q.editor.rows[0].edit.setPlainText("Не открывается журнал продаж за 17.11")
    q.editor._sync()
    enter_on(q.symptom_boxes["slow"])
    assert win.current == "date"
    d = gui.page("date")
    view = d.calendar.findChild(__import__("PySide6.QtWidgets").QtWidgets.QTableView)
    d._set_day(date(2026, 11, 17))
    focus(view)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # arrows in the calendar choose the day
    assert gui.state.form.problem_date == date(2026, 11, 16)
    assert win.current == "date"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.current == "include" and gui.state.form.problem_date == date(2026, 11, 16)
    win.go("date")
    d.days.setCurrentRow(0)
    enter_on(d.days)  # the list of error days: Enter takes the day under the cursor
    assert win.current == "include"
    assert gui.state.form.problem_date == d.days.item(0).data(Qt.ItemDataRole.UserRole)
    enter_on(gui.page("include").logs_box)
    assert win.current == "contacts"
    c = gui.page("contacts")
    c.edits["email"].setText("anna@mail.ru")
    c._edited("email", "anna@mail.ru")
    enter_on(c.edits["email"])
    assert win.current == "review"
    review = gui.page("review")
    started = []
    monkeypatch.setattr(win, "start_collection", lambda: started.append(win.current))
    qtbot.waitUntil(lambda: gui.state.plan.settled and review.tree.topLevelItemCount() > 0,
                    timeout=30000)
    review.tabs.setCurrentIndex(0)
    review.tree.setCurrentItem(review.tree.topLevelItem(0))
    enter_on(review.tree)
    review.tabs.setCurrentIndex(1)
    enter_on(review.request_text)
    review.tabs.setCurrentIndex(2)
    enter_on(review.volume)
    assert started == ["review"] * 3  # «Собрать архив» each time
