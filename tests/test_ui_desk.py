"""The result page sends where the bundle belongs, offscreen, with real collections:
- on the demo, with the shipped settings (the real desk's intake), «Отправить в поддержку» goes
  to the demo desk the launcher starts, which takes the §11 parts and answers a task number; the
  page says it was the demo desk and nothing left the PC; no contact outside loopback;
- a vendor build (its own desk) is offered no «Отправить», its desk's contacts instead, and
  «Письмо» to the vendor's address."""

from __future__ import annotations

import hashlib
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests import netguard, ui_support
from tests.test_other_desk import vendor_build
from tests.test_ui import fill_form
from tests.test_ui_collect import result_text, wait_review
from tests.ui_support import start_gui

ui_env = ui_support.ui_env  # pytest fixture used by name below

pytestmark = pytest.mark.timeout(600)


def collect_to_result(g) -> None:
    fill_form(g)
    g.state.form.include_database = False  # a small bundle is enough here
    wait_review(g)
    g.click_next()
    g.qtbot.waitUntil(lambda: g.win.current == "result", timeout=300000)


def test_send_on_the_demo_reaches_the_demo_desk_and_says_so(qtbot, demo, ui_env,
                                                            monkeypatch) -> None:
    from ui.launch import start_demo_desk

    monkeypatch.delenv("GBS_COLLECTOR_SETTINGS")  # the shipped settings: the real intake
    from collector.settings import load_settings

    assert load_settings().intake_url.startswith("https://gbsmarket.planfix.ru/")
    before = len(netguard.violations)
    desk = start_demo_desk(["--root", str(demo.root)])
    assert desk is not None
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        start = g.page("start")
        note = start.demo_banner.text.text()
        assert start.demo_banner.isVisibleTo(start) and "ничего не уходит" in note
        assert "демо-серверу поддержки на этом компьютере" in note
        collect_to_result(g)
        page = g.page("result")
        assert page.send.isVisible() and not page.desk_msg.isVisible()
        qtbot.mouseClick(page.send, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: g.state.upload.result is not None, timeout=120000)
        number = g.state.upload.result.request_number
        (task,) = desk.tasks.values()
        assert number == str(task.task) and page.code.text() == number
        bundle = g.state.collection.result.paths[0]
        # the §11 parts: the bundle byte for byte, the form's e-mail, the program's lines
        assert task.file_name == bundle.name
        assert task.file_sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()
        assert task.email == "anna@mail.ru"
        assert "<b>GBS.ID:</b> " + g.state.gbs.value in task.message
        assert "<br/><b>Версия программы:</b> 6.6.12.2634" in task.message
        text = result_text(g)
        assert "демо-сервер поддержки" in text and "Ничего не ушло с компьютера" in text
        assert "не настоящий" in text
        assert str(desk.folder) in text and (desk.folder / number / "message.html").is_file()
        assert "в течение нескольких часов" not in text  # no real desk will answer
    finally:
        g.close()
        desk.close()
    assert netguard.violations[before:] == []


def test_a_vendor_build_is_offered_its_own_desk(qtbot, demo, ui_env) -> None:
    vendor_build(demo.root)
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        collect_to_result(g)
        page = g.page("result")
        assert not page.send.isVisible() and page.mail.isVisible()
        advice = page.desk_msg.text.text()
        assert page.desk_msg.isVisible() and "Касса24" in advice
        assert "help@kassa24.example" in advice and "+7 800 100-24-24" in advice
        assert "https://kassa24.example/help" in advice
        assert "kassa24.example/kb" in page.links.text()  # the vendor's links, not GBS's
        qtbot.mouseClick(page.mail, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.mail_msg.isVisible(), timeout=60000)
        (draft,) = Path(g.state.collection.result.paths[0]).parent.glob("*.eml")
        mail = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
        assert mail["To"] == "help@kassa24.example"
    finally:
        g.close()
