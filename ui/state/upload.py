"""Sending a bundle to the desk through the outbox: one upload at a time, progress, the code."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from ui import tasks
from ui.state.run import TaskRun


class UploadRun(TaskRun):
    """``progress`` (the uploader's: phase, fraction, sent…), ``done`` (the outbox's send result:
    code, already_sent, request), ``failed(exc)``."""

    def start(self, paths: list[Path], password: str | None) -> tasks.Task:
        def work(task: tasks.Task):
            from collector.delivery import Outbox, uploader_from_settings
            from collector.settings import load_settings

            up = uploader_from_settings(load_settings(), on_progress=task.progress)
            watch = CancelBridge(task, up)
            try:
                outbox = Outbox()
                entry = outbox.add(paths[0])
                return outbox.send(entry, lambda files: up.upload(files, password=password))
            finally:
                watch.stop()
                up.close()

        return self._launch(work, "upload", 0.1)


class CancelBridge:
    """Turns the task's cancel event into ``Uploader.cancel()`` (the uploader has its own)."""

    def __init__(self, task: tasks.Task, uploader: Any) -> None:
        self._stop = threading.Event()

        def follow() -> None:
            while not self._stop.is_set():
                if task.cancel.wait(0.1):
                    uploader.cancel()
                    return

        self._thread = threading.Thread(target=follow, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1)
