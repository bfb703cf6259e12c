"""Whether the installed version is the latest (the desk's first rule: update first)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from collector.i18n import _
from ui import tasks


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

    def check(self, version: str | None) -> None:
        self.checking = True
        self.changed.emit()
        enabled = self.enabled

        def work(task: tasks.Task):
            from collector.settings import load_settings
            from collector.updates import UpdateStatus, check_latest

            if not enabled:
                return UpdateStatus("unknown", version, None,
                                    _("Проверка обновлений отключена."))
            s = load_settings()
            return check_latest(version, s.latest_version_url, s.update_check_timeout)

        def done(status) -> None:
            self.status = status
            self.checking = False
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            from collector.updates import UpdateStatus

            done(UpdateStatus("unknown", version, None,
                              _("Не удалось проверить обновления: {error}", error=exc)))

        tasks.start(work, on_done=done, on_error=failed, name="update")
