"""The wizard's collection, offscreen, on real demo installations: a full run to a bundle that
7-Zip accepts, cancel half-way (nothing left behind), a failing database step (the bundle made
anyway, the step shown failed in Russian), the GUI thread ticking throughout, and sending the
bundle to the desk's intake (loopback) from the result page."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidgetItemIterator

from tests import ui_support
from tests.test_ui import fill_form
from tests.tus_server import fixtures
from tests.ui_support import Gui, seven_zip, start_gui

gui, ui_env = ui_support.gui, ui_support.ui_env  # pytest fixtures used by name below

pytestmark = pytest.mark.timeout(600)


def entries(bundle: Path) -> list[str]:
    listing = seven_zip("l", "-slt", str(bundle)).stdout
    return [line[7:] for line in listing.splitlines() if line.startswith("Path = ")][1:]


def bundle_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file()) if out.exists() else []


def gbs_temp_dirs() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("gbs-collector-*")}


def untick(gui: Gui, arcname: str) -> None:
    tree = gui.page("review").tree
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if getattr(data, "arcname", None) == arcname:
            item.setCheckState(0, Qt.CheckState.Unchecked)
            return
        it += 1
    raise AssertionError(f"{arcname} is not in the review list")


def wait_review(gui: Gui) -> None:
    st = gui.state
    gui.qtbot.waitUntil(lambda: st.plan.review is not None and st.plan.task is None
                        and gui.page("review").tree.topLevelItemCount() > 0, timeout=30000)


def result_text(gui: Gui) -> str:
    page = gui.page("result")
    return "\n".join(w.text() for w in page.findChildren(QLabel)
                     if w.isVisibleTo(page)).replace("\u200b", "")


def test_full_collection_through_the_wizard(gui: Gui) -> None:
    fill_form(gui)
    wait_review(gui)
    untick(gui, "config/Settings.json")
    assert "config/Settings.json" in gui.state.extras.exclude
    # The engine works on a worker thread; its progress reaches the GUI thread while it runs.
    import threading

    from collector.pipeline import Collection

    ran_on: list[threading.Thread] = []
    real_run = Collection.run

    def spy(self):
        ran_on.append(threading.current_thread())
        return real_run(self)

    received: list[tuple[bool, bool]] = []  # (in the GUI thread, before the result came)
    gui.state.collection.progress.connect(lambda ev: received.append(
        (threading.current_thread() is threading.main_thread(),
         gui.state.collection.result is None)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Collection, "run", spy)
        gui.click_next()  # «Собрать архив»
        assert gui.win.current == "collect"
        gui.qtbot.waitUntil(lambda: gui.win.current == "result", timeout=300000)
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert received and all(in_gui for in_gui, _ in received)
    assert any(before for _, before in received)  # the window was live during the run

    result = gui.state.collection.result
    assert result is not None and int(result.exit_code) == 0, [
        (r.name, r.status, str(r.message)) for r in result.steps]
    # the collect page showed a row for exactly the steps the engine ran
    assert list(gui.page("collect").rows) == [r.name for r in result.steps]
    paths = result.paths
    assert len(paths) == 1 and paths[0].parent == gui.out
    assert seven_zip("t", str(paths[0])).returncode == 0
    names = entries(paths[0])
    assert "request.txt" in names and "database/main.fbk" in names
    assert any(n.startswith("logs/2026-11-17/") for n in names)
    assert "config/Settings.json" not in names  # unticked on the review page
    assert any(n.startswith("config/") for n in names)
    manifest = json.loads(seven_zip("x", "-so", str(paths[0]), "manifest.json").stdout)
    assert "config/Settings.json" in manifest["excluded"]
    assert manifest["gbs_id"] == gui.demo.gbs_id
    request = seven_zip("x", "-so", str(paths[0]), "request.txt").stdout
    assert "1. При открытии журнала продаж за 17.11 появляется ошибка" in request
    assert "Касса печатает чек с задержкой 15 секунд" in request
    # the result page: file name and size, the actions
    text = result_text(gui)
    assert paths[0].name in text and "Архив готов" in text
    page = gui.page("result")
    for b in (page.send, page.mail, page.reveal, page.copy_text):
        assert b.isVisible() and b.isEnabled()
    gui.qtbot.mouseClick(page.copy_text, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Обращение в службу поддержки GBS.Market")
    assert "резервная копия базы данных" in copied


def test_cancel_half_way_leaves_nothing(gui: Gui, private_temp: Path) -> None:
    fill_form(gui)
    wait_review(gui)
    assert gbs_temp_dirs() == set()
    page = gui.page("collect")
    seen = []

    shown = []  # what the page says once the cancel was asked for
    during: list[set[str]] = []

    def on_progress(ev) -> None:
        seen.append(ev.step)
        if page.cancelling:
            shown.append((page.headline.text(), page.percent.isVisible(), page.bar.value(),
                          {n: r.state for n, r in page.rows.items()}))
        if ev.step == "database" and not page.cancelling:
            done_before = {n for n, r in page.rows.items() if r.state == "done"}
            during.append(gbs_temp_dirs())  # the run's work folder, in this test's temp
            page.cancel_now()  # as if «Отменить» was confirmed: half-way, logs already packed
            shown.append((page.headline.text(), page.percent.isVisible(), page.bar.value(),
                          {n: r.state for n, r in page.rows.items()}))
            shown.append(done_before)

    gui.state.collection.progress.connect(on_progress)
    gui.click_next()
    gui.qtbot.waitUntil(lambda: not gui.state.collection.running, timeout=120000)
    done_before = shown.pop(1)
    assert shown and all(head == "Отменяется…" and not percent and bar < 1000
                         for head, percent, bar, _rows in shown)
    assert all({n for n, st in rows.items() if st == "done"} <= done_before
               for *_x, rows in shown)  # no green tick for what is being undone
    assert shown[0][3]["database"] == "cancelling"
    assert "logs" in seen and "database" in seen
    assert gui.state.collection.result is None
    assert gui.win.current == "review"
    assert "Сбор отменён" in gui.win.notice.text()
    assert bundle_files(gui.out) == []  # no archive, no part, no .sha256
    assert during and during[0]  # there was a work folder to remove…
    assert gbs_temp_dirs() == set()  # …and it is gone
    assert gui.state.request.drafts.current_path.exists()  # the request stays as a draft


def test_failing_database_step_still_makes_the_bundle(qtbot, demo, ui_env) -> None:
    fdb = demo.database
    with open(fdb, "r+b") as f:  # a damaged database: the header page is garbage
        f.write(b"\xde\xad\xbe\xef" * 4096)
    g = start_gui(qtbot, demo.root, ui_env["out"])
    g.demo = demo
    try:
        fill_form(g)
        assert g.state.include_database()
        wait_review(g)
        g.click_next()
        qtbot.waitUntil(lambda: g.win.current == "result", timeout=300000)
        result = g.state.collection.result
        steps = {r.name: r for r in result.steps}
        assert steps["database"].status == "failed"
        assert all(r.status != "failed" for n, r in steps.items() if n != "database")
        message = str(steps["database"].message)
        assert any("а" <= ch <= "я" for ch in message.lower())  # Russian, for a person
        text = result_text(g)
        assert "Архив готов, но не всё удалось собрать" in text
        assert message.split(";")[0][:40] in text
        assert "служба Firebird" in text  # what to do
        assert seven_zip("t", str(result.paths[0])).returncode == 0
        names = entries(result.paths[0])
        assert "request.txt" in names and any(n.startswith("logs/2026-11-17/") for n in names)
        assert "database/main.fbk" not in names
        # the program's own nightly backup is offered instead, and taken on request
        page = g.page("result")
        qtbot.waitUntil(lambda: page.fallback.isVisible(), timeout=20000)
        assert "19.11.2026 21:59" in page.fallback.text.text()
        first = result.paths[0]
        qtbot.mouseClick(page.fallback_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: g.win.current == "result" and g.state.collection.result is not None
                        and g.state.collection.result.paths[0] != first, timeout=300000)
        again = entries(g.state.collection.result.paths[0])
        assert any(n.startswith("database/program_backup_2026-11-19") for n in again), again
    finally:
        g.close()


def test_send_from_the_result_page_gives_the_request_number(qtbot, demo, ui_env,
                                                            tmp_path) -> None:
    from tests.intake_server import IntakeServer

    with IntakeServer(tmp_path / "intake") as intake:
        fixtures.write_settings(ui_env["settings"], intake_url=intake.url)
        g = start_gui(qtbot, demo.root, ui_env["out"])
        g.demo = demo
        try:
            fill_form(g)
            g.state.form.include_database = False  # a small bundle is enough here
            wait_review(g)
            g.click_next()
            qtbot.waitUntil(lambda: g.win.current == "result", timeout=300000)
            page = g.page("result")
            assert page.mail.isVisible() and page.send.isVisible()
            qtbot.mouseClick(page.send, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: g.state.upload.result is not None, timeout=120000)
            number = g.state.upload.result.request_number
            assert number == "50001" and list(intake.tasks) == [50001]
            assert page.code.text() == number and page.code_box.isVisible()
            assert page.code_title.text() == "Номер обращения:"
            text = result_text(g)
            assert "Обращение принято поддержкой вместе с архивом" in text
            assert "в течение нескольких часов в рабочее время" in text
            assert "Не пишите о том же ещё раз по почте" in text
            # sent: no second channel for the same request
            assert not page.mail.isVisible() and not page.send.isVisible()
            bundle = g.state.collection.result.paths[0]
            assert intake.tasks[50001].file.data() == bundle.read_bytes()
            assert "<b>GBS.ID:</b> " + g.state.gbs.value in intake.tasks[50001].message
            from collector.delivery import Outbox

            sent = [e for e in Outbox().entries() if e.status == "sent"]
            assert [e.request_code for e in sent] == [number]
            assert not g.state.request.drafts.current_path.exists()  # the draft is retired
            # «Копировать» puts the number on the clipboard
            from PySide6.QtGui import QGuiApplication

            page.copy_code()
            assert QGuiApplication.clipboard().text() == number
            # the next request about the same thing is offered this number as its previous one
            g.win.new_request()
            g.win.go("questions")
            questions = g.page("questions")
            qtbot.waitUntil(lambda: questions.last_code.isVisibleTo(questions), timeout=10000)
            assert number in questions.last_code.text()
        finally:
            g.close()


def test_no_connection_keeps_the_bundle_in_the_outbox(qtbot, demo, ui_env) -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nobody listens there
    fixtures.write_settings(ui_env["settings"], intake_url=f"http://127.0.0.1:{port}/intake",
                            upload_retries=1, upload_retry_delay_s=0.05)
    g = start_gui(qtbot, demo.root, ui_env["out"])
    g.demo = demo
    try:
        fill_form(g)
        g.state.form.include_database = False
        wait_review(g)
        g.click_next()
        qtbot.waitUntil(lambda: g.win.current == "result", timeout=300000)
        page = g.page("result")
        qtbot.mouseClick(page.send, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not g.state.upload.running and page.retry.isVisible(),
                        timeout=60000)
        assert "очереди отправки" in page.upload_msg.text.text()
        from collector.delivery import Outbox

        waiting = Outbox().pending()
        assert [e.bundle for e in waiting] == [g.state.collection.result.paths[0].name]
    finally:
        g.close()


def test_email_draft_from_the_result_page(gui: Gui) -> None:
    fill_form(gui)
    gui.state.form.include_database = False
    wait_review(gui)
    gui.click_next()
    gui.qtbot.waitUntil(lambda: gui.win.current == "result", timeout=300000)
    page = gui.page("result")
    gui.qtbot.mouseClick(page.mail, Qt.MouseButton.LeftButton)
    gui.qtbot.waitUntil(lambda: page.mail.isEnabled() and page.mail_msg.isVisible(),
                        timeout=60000)
    bundle = gui.state.collection.result.paths[0]
    eml = bundle.with_name(bundle.name[:-3] + ".eml")
    assert eml.is_file()
    raw = eml.read_bytes()
    assert b"X-Unsent: 1" in raw and bundle.name.encode() in raw
    assert "Черновик письма готов" in page.mail_msg.text.text()


def test_window_close_during_collection_cancels_cleanly(gui: Gui, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    fill_form(gui)
    wait_review(gui)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    closed = []

    def on_progress(ev) -> None:
        if ev.step == "database" and not closed:
            closed.append(True)
            gui.win.close()

    gui.state.collection.progress.connect(on_progress)
    gui.click_next()
    gui.qtbot.waitUntil(lambda: bool(closed) and not gui.state.collection.running, timeout=120000)
    assert bundle_files(gui.out) == []


def run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_review_opens_a_config_as_it_will_be_sent(gui: Gui) -> None:
    """Double-clicking a settings file shows it with the secrets already replaced by ***."""
    from ui.viewer import FileViewer

    fill_form(gui)
    wait_review(gui)
    tree = gui.page("review").tree
    shown = {}
    it = QTreeWidgetItemIterator(tree)
    while it.value():
        item = it.value()
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if getattr(data, "group", None) == "configs":
            viewer = FileViewer(data.arcname, data.reader, gui.win)
            gui.qtbot.waitUntil(lambda v=viewer: v.text.toPlainText() != "", timeout=10000)
            shown[data.arcname] = viewer.text.toPlainText()
            viewer.close()
        it += 1
    assert "config/DataBase.json" in shown
    everything = "\n".join(shown.values())
    assert "***" in everything
    for secret in gui.demo.secrets:
        assert secret not in everything


def test_outbox_dialog_sends_what_waits(qtbot, demo, ui_env, tmp_path) -> None:
    import os

    from tests.intake_server import IntakeServer
    from tests.tus_server.harness import make_bundle

    os.environ["GBS_COLLECTOR_DATA_DIR"] = str(ui_env["data"])
    from collector.delivery import Outbox

    b = make_bundle(tmp_path / "waiting", payload=300_000)
    Outbox().add(b.path)
    with IntakeServer(tmp_path / "intake") as intake:
        fixtures.write_settings(ui_env["settings"], intake_url=intake.url)
        g = start_gui(qtbot, demo.root, ui_env["out"])
        try:
            from ui.outbox import OutboxDialog

            dlg = OutboxDialog(g.state, g.win)
            dlg.show()
            assert dlg.list.count() == 1 and b.name in dlg.list.item(0).text()
            assert dlg.send.isEnabled()
            qtbot.mouseClick(dlg.send, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dlg.task is None, timeout=60000)
            assert "Номер обращения: 50001" in dlg.message.text()
            sent = Outbox().entries()[0]
            assert sent.status == "sent" and sent.request_code == "50001"
            assert intake.tasks[50001].file.data() == b.data
            assert not dlg.send.isEnabled()  # sent: nothing more to send
            dlg.close()
        finally:
            g.close()


def test_technician_skips_the_review(gui: Gui) -> None:
    fill_form(gui)
    gui.state.form.include_database = False
    gui.win.go("contacts")
    assert gui.win.next.text() == "&Далее"
    gui.win.act_review.setChecked(False)  # Настройки → Показывать список файлов перед сбором
    assert gui.win.next.text() == "&Собрать архив"
    gui.click_next()
    assert gui.win.current == "collect"
    gui.qtbot.waitUntil(lambda: gui.win.current == "result", timeout=300000)
    assert seven_zip("t", str(gui.state.collection.result.paths[0])).returncode == 0


CLICKS = {"errors": 8, "licensing": 5, "cooperation": 5}  # from the start page to «Собрать»


@pytest.mark.parametrize("topic", list(CLICKS))
def test_clicks_from_start_to_collect(gui: Gui, topic: str, monkeypatch) -> None:
    """The fewest mouse clicks a shop owner needs, typing aside. Payment and cooperation skip
    the date and «Что приложить», and send no logs unless asked."""
    from tests.ui_support import type_text

    win, qtbot = gui.win, gui.qtbot
    clicks = []
    pages = [win.current]

    def click(widget) -> None:
        clicks.append(widget)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        if win.current != pages[-1]:
            pages.append(win.current)

    started = []
    monkeypatch.setattr(win, "start_collection", lambda: started.append(True))
    win.activateWindow()
    click(gui.page("start").topics.cards[topic].radio)
    click(win.next)
    type_text(gui.page("questions").editor.rows[0].edit, "Как продлить лицензию на второй "
              "компьютер и что для этого нужно?")
    gui.page("questions").editor._sync()
    click(win.next)
    if topic == "errors":
        click(gui.page("date").last_error_btn)
        click(win.next)
        click(win.next)
    type_text(gui.page("contacts").edits["email"], "anna@mail.ru")
    click(win.next)
    qtbot.waitUntil(lambda: gui.state.plan.settled, timeout=30000)
    click(win.next)  # «Собрать архив»
    assert started, (pages, [p.message for p in gui.state.problems()])
    short = ["start", "questions", "contacts", "review"]
    assert pages == (short if topic != "errors" else
                     ["start", "questions", "date", "include", "contacts", "review"])
    assert len(clicks) == CLICKS[topic]
    names = [i.arcname for i in gui.state.plan.review.items]
    options = gui.state.collect_options()
    if topic == "errors":
        assert "logs" not in options.exclude and any(n.startswith("logs/") for n in names)
    else:
        assert "logs" in options.exclude  # not asked for: not sent, and said so
        from collector.pipeline import Collection

        result = Collection(gui.state.install.root, options,
                            detection=gui.state.install.detection).run()
        logs = next(r for r in result.steps if r.name == "logs")
        assert (logs.status, str(logs.message)) == ("skipped", "не приложены")
        assert not any(f["path"].startswith("logs/") for f in result.manifest["files"])
        assert "журналы работы программы" not in gui.page("review").request_text.toPlainText()
        assert [b for k, b in win.sidebar.buttons.items() if b.isVisible()] == \
            [win.sidebar.buttons[k] for k in short]


def test_a_payment_request_gets_logs_when_asked(gui: Gui) -> None:
    from datetime import date

    win = gui.win
    gui.qtbot.mouseClick(gui.page("start").topics.cards["licensing"].radio,
                         Qt.MouseButton.LeftButton)
    win.go("questions")
    q = gui.page("questions")
    assert q.logs_card.isVisible() and q.files_card.isVisible()  # a receipt goes here
    assert q.files_card.receipt.isVisible()
    assert not q.symptoms_card.isVisible()
    gui.qtbot.mouseClick(q.logs_box, Qt.MouseButton.LeftButton)
    assert win.step_order() == ["start", "questions", "date", "contacts", "review"]
    win.go("date")
    gui.page("date")._set_day(date(2026, 11, 17))
    options = gui.state.collect_options()
    assert "logs" not in options.exclude and options.problem_date == date(2026, 11, 17)
