"""The program's logs as the date page shows them: the two-month error calendar, and the chosen
day's selection (files, size, first errors)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from collector.i18n import _
from ui import tasks

CALENDAR_DAYS = 62  # two months back: the calendar shows the current and the previous month


class LogCalendar(QObject):
    changed = Signal()  # ``days`` or ``error`` changed (a new scan started or ended)
    progress = Signal(float)  # share of the scan done, 0..1

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today
        self.days: dict | None = None  # date → collector.logs.DayStats, once scanned
        self.error: str | None = None
        self.fraction = 0.0

    @property
    def loading(self) -> bool:
        return self.days is None and self.error is None

    def none(self) -> None:
        """No installation: no logs to show (the day still matters to the desk)."""
        self.days = {}
        self.error = _("Журналы программы на этом компьютере не найдены. День всё равно "
                       "укажите: поддержке важно, когда это началось.")
        self.changed.emit()

    def load(self, inst) -> None:
        today = self.today
        self.days = None
        self.error = None
        self.fraction = 0.0
        self.changed.emit()

        def work(task: tasks.Task):
            from collector.logs import error_calendar

            root = getattr(inst, "_root", None)
            return error_calendar(
                inst.logs_dir, inst.crpt_logs_dir, days=CALENDAR_DAYS, today=today,
                cancel=task.cancel, progress=lambda d, t: task.progress(d / t if t else 1.0),
                show=root.windows_path if root else str)

        def progress(fraction: float) -> None:
            self.fraction = fraction
            self.progress.emit(fraction)

        def done(cal) -> None:
            self.days = cal
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.error = getattr(exc, "message", None) or str(exc)
            self.changed.emit()

        tasks.start(work, on_done=done, on_error=failed, on_progress=progress, name="calendar",
                    min_interval=0.1)


class DayLogs(QObject):
    changed = Signal()  # ``selection`` or ``loading`` changed

    def __init__(self) -> None:
        super().__init__()
        self.selection = None  # collector.logs.LogSelection of the chosen day
        self.loading = False
        self._for: tuple | None = None  # (day, around) the selection is (being) made for

    def for_day(self, day: date | None):
        """The selection if it was made for ``day`` (not for the day chosen before)."""
        return self.selection if self._for is not None and self._for[0] == day else None

    def clear(self) -> None:
        self.selection = None
        self._for = None

    def forget(self) -> None:
        """The next :meth:`load` reads the disk again, even for the same day."""
        self._for = None

    def load(self, inst, day: date | None, around: int) -> None:
        if inst is None or day is None:
            self.selection = None
            self.changed.emit()
            return
        key = (day, around)
        if self._for == key and self.selection is not None:
            return
        self._for = key
        self.loading = True
        self.changed.emit()

        def work(task: tasks.Task):
            from collector.logs import select_logs

            return select_logs(inst, day, around=around, cancel=task.cancel)

        def done(sel) -> None:
            if self._for != key:
                return  # the user picked another day meanwhile
            self.selection = sel
            self.loading = False
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if self._for != key:
                return
            self.selection = None
            self.loading = False
            self.changed.emit()

        tasks.start(work, on_done=done, on_error=failed, name="day")
