"""The review page shows the engine's expected time to the desk once the line is known."""

from __future__ import annotations

import os
from pathlib import Path

from collector.bundle.preset import record_uplink
from tests import ui_support
from tests.test_ui import fill_form
from tests.test_ui_collect import wait_review

gui, ui_env = ui_support.gui, ui_support.ui_env  # pytest fixtures used by name below


def test_review_shows_the_time_to_the_desk_after_an_upload(gui) -> None:
    fill_form(gui)
    wait_review(gui)
    assert "до отправки" not in gui.page("review").time_label.text()  # nothing measured yet

    record_uplink(2e6 / 8, Path(os.environ["GBS_COLLECTOR_DATA_DIR"]))  # the last upload
    gui.state.request.edit("volume")  # anything that makes the plan be computed again
    gui.qtbot.waitUntil(lambda: "до отправки" in gui.page("review").time_label.text(),
                        timeout=30000)
    plan = gui.state.plan.review.estimate
    assert plan.compression.uplink_source == "last upload"
    assert plan.to_desk_seconds > plan.total_seconds
