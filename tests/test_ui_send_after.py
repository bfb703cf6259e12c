"""«Собрать и отправить»: chosen on the review page, the wizard collects and then sends by itself;
the request number appears on the result page with no further click (loopback intake)."""

from __future__ import annotations

import pytest

from tests import ui_support
from tests.test_ui import fill_form
from tests.test_ui_collect import wait_review
from tests.tus_server import fixtures
from tests.ui_support import start_gui

ui_env = ui_support.ui_env  # pytest fixture used by name below

pytestmark = pytest.mark.timeout(600)


def test_collect_and_send_gives_the_number_without_another_click(qtbot, demo, ui_env,
                                                                 tmp_path) -> None:
    from tests.intake_server import IntakeServer

    with IntakeServer(tmp_path / "intake") as intake:
        fixtures.write_settings(ui_env["settings"], intake_url=intake.url)
        g = start_gui(qtbot, demo.root, ui_env["out"])
        try:
            fill_form(g)
            g.state.form.include_database = False  # a small bundle is enough here
            wait_review(g)
            review = g.page("review")
            assert review.send_after.isVisibleTo(review) and not review.send_after.isChecked()
            assert g.win.next.text() == "&Собрать архив"
            review.send_after.setChecked(True)  # the person's choice, remembered
            assert g.win.next.text() == "&Собрать и отправить"
            g.click_next()
            qtbot.waitUntil(lambda: g.state.upload.result is not None, timeout=300000)
            assert g.win.current == "result"
            page = g.page("result")
            assert page.code.text() == "50001" and page.code_box.isVisible()
            assert not page.send.isVisible() and not page.mail.isVisible()
            bundle = g.state.collection.result.paths[0]
            assert [p.outcome for p in intake.posts] == ["task"]
            assert intake.tasks[50001].file.data() == bundle.read_bytes()
        finally:
            g.close()
        # The next start remembers the choice.
        g = start_gui(qtbot, demo.root, ui_env["out"])
        try:
            review = g.page("review")
            review._sync_options()  # what entering the page does
            assert review.send_after.isChecked()
            assert g.state.send_after_collecting()
        finally:
            g.close()


def test_no_desk_to_send_to_no_offer(qtbot, demo, ui_env) -> None:
    fixtures.write_settings(ui_env["settings"], intake_url="", upload_url="")
    g = start_gui(qtbot, demo.root, ui_env["out"])
    try:
        fill_form(g)
        wait_review(g)
        review = g.page("review")
        assert not review.send_after.isVisibleTo(review)
        assert g.win.next.text() == "&Собрать архив"
    finally:
        g.close()
