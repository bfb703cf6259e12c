"""Whether the installed version is the latest (the desk's first rule: update first)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from collector.i18n import _
from ui import tasks

log = logging.getLogger("ui")


class UpdateCheck(QObject):
    changed = Signal()  # ``checking`` or ``status`` changed

    def __init__(self, enabled: bool = True) -> None:
        super().__init__()
        self.enabled = enabled
        self.status = None  # collector.updates.UpdateStatus once answered
        self.checking = False

    @property
    def pending(self) -> bool:
        """An answer is still to come (checking, or enabled and not yet asked)."""
        return self.checking or (self.status is None and self.enabled)

    def check(self, inst) -> None:
        """Ask as the program does (``collector.updates``): its own last answer always, the
        feed too unless switched off."""
        self.checking = True
        self.changed.emit()
        enabled = self.enabled
        version = inst.version

        def work(task: tasks.Task):
            from collector.settings import load_settings
            from collector.updates import check_installation

            return check_installation(inst, load_settings(), online=enabled)

        def done(status) -> None:
            self.status = status
            self.checking = False
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            from collector.updates import UpdateStatus

            log.warning("update check failed: %r", exc)
            done(UpdateStatus("unknown", version, None, _(
                "Не удалось проверить обновления: внутренняя ошибка сборщика (подробности в "
                "журнале).")))

        tasks.start(work, on_done=done, on_error=failed, name="update")
