"""One long engine job at a time in a worker (a collection, an upload): progress, result, cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui import tasks


class TaskRun(QObject):
    progress = Signal(object)  # the engine's progress event
    done = Signal(object)  # the job's result (also kept in ``result``)
    failed = Signal(object)  # the exception (collector.errors.Cancelled after a cancel)

    def __init__(self) -> None:
        super().__init__()
        self.task: tasks.Task | None = None
        self.result: Any = None  # the last successful run's result

    @property
    def running(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel.set()

    def _launch(self, work: Callable[[tasks.Task], Any], name: str,
                min_interval: float) -> tasks.Task:
        def done(result) -> None:
            self.task = None
            self.result = result
            self.done.emit(result)

        def failed(exc: BaseException) -> None:
            self.task = None
            self.failed.emit(exc)

        self.task = tasks.start(work, on_done=done, on_error=failed,
                                on_progress=self.progress.emit, name=name,
                                min_interval=min_interval)
        return self.task
