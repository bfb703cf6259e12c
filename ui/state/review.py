"""The engine's plan for the review page: what will go into the bundle, sizes, time, free space.

Asked again a moment after each change (debounced: typing does not queue plans); a change that
only moves the estimates (a file unticked) asks for the estimates alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from collector.i18n import _
from ui import tasks

REVIEW_DELAY_MS = 300


class ReviewPlan(QObject):
    changed = Signal()  # a plan (or the estimate, or an error) arrived
    busy = Signal()  # a new plan is being made

    def __init__(self, make_input: Callable[[], object | None]) -> None:
        super().__init__()
        self._make_input = make_input  # a ui.plan.PlanInput, or None while nothing is found
        self.review = None  # ui.plan.Review
        self.error: str | None = None
        self.task: tasks.Task | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REVIEW_DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._estimate_only = False

    @property
    def settled(self) -> bool:
        return self.review is not None and self.task is None

    def refresh(self, *, estimate_only: bool = False, now: bool = False) -> None:
        self._estimate_only = estimate_only and self.review is not None and (
            self._estimate_only or not self._timer.isActive())
        if now:
            self._start()
        else:
            self._timer.start()

    def _start(self) -> None:
        from ui.plan import build_review, estimate

        self._timer.stop()
        inp = self._make_input()
        if inp is None:
            return
        if self.task is not None:
            self.task.cancel.set()
        only = self._estimate_only and self.review is not None
        self._estimate_only = False

        def work(task: tasks.Task):
            return estimate(inp) if only else build_review(inp)

        def done(value) -> None:
            if task is not self.task:
                return
            self.task = None
            if only:
                self.review.estimate = value
            else:
                self.review = value
            self.error = None
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if task is not self.task:
                return
            self.task = None
            self.error = getattr(exc, "message", None) or _(
                "непредвиденная ошибка (подробности — в журнале сборщика)")
            self.changed.emit()

        task = tasks.start(work, on_done=done, on_error=failed, name="plan")
        self.task = task
        self.busy.emit()
