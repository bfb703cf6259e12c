"""Bundles waiting to be sent (the engine's outbox), as the start page offers them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui import tasks


class OutboxQueue(QObject):
    changed = Signal()  # ``pending`` was read again

    def __init__(self) -> None:
        super().__init__()
        self.pending: list = []  # collector.delivery.OutboxEntry waiting to be sent

    def refresh(self) -> None:
        def work(task: tasks.Task) -> list:
            from collector.delivery import Outbox

            return Outbox().pending()

        def done(entries: list) -> None:
            self.pending = entries
            self.changed.emit()

        tasks.start(work, on_done=done, on_error=lambda e: None, name="outbox")
