"""Sending a bundle to the desk: one send at a time, progress, the request number."""

from __future__ import annotations

from pathlib import Path

from ui import tasks
from ui.state.run import TaskRun


class UploadRun(TaskRun):
    """``progress`` (the sender's: phase, fraction, sent…), ``done`` (``SendResult``: the
    request number, what happened), ``failed(exc)``."""

    def start(self, paths: list[Path], password: str | None) -> tasks.Task:
        def work(task: tasks.Task):
            from collector.delivery import Sender
            from collector.settings import load_settings

            return Sender(load_settings(), on_progress=task.progress,
                          cancel=task.cancel).send(paths[0], password)

        return self._launch(work, "upload", 0.1)
