"""The request being written: the engine's :class:`collector.request.RequestForm`, the wizard's
:class:`~ui.state.options.Extras`, and their draft.

Every change is saved as a draft (:class:`collector.drafts.DraftStore`) a moment later, and at
once on page changes and on close, so a crash loses at most the last half-second of typing. A
draft left from before is offered, never overwritten: it is read first (in a worker), and once
the user types a new request it goes aside (``drafts/old``).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from collector.errors import CollectorError
from ui import tasks
from ui.state.options import Extras

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


class RequestDraft(QObject):
    edited = Signal(str)  # a field the user changed ("topic", "contact.email", …; "" = all)
    draft_changed = Signal()  # the offered draft, its verdict, or a save problem changed
    notice = Signal(str)

    def __init__(self, out_dir: str | None, gbs_id: Callable[[], str | None]) -> None:
        super().__init__()
        self._gbs_id = gbs_id  # saved with the draft, so a restored request keeps its ID
        self._form = None
        self.extras = Extras(out_dir=out_dir or "")
        self._drafts = None
        self.offer = None  # collector.drafts.Draft left from before, until decided
        self.decided = False
        self.loaded = False  # the saved draft has been read (nothing is saved before)
        self.problem: str | None = None  # the draft folder could not be read
        self.save_problem: str | None = None
        self.last_code: str | None = None  # the last request code the desk gave
        self._edited_early = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.save)

    # The engine's form and drafts modules pull in QR and imaging libraries: created on first use,
    # after the window is on screen, not before.
    @property
    def form(self):
        if self._form is None:
            from collector.request import RequestForm

            self._form = RequestForm()
        return self._form

    @property
    def topic(self) -> str:
        """The form's topic; a form not made yet has none. The first page shows the topic before
        anything of the engine's request code is imported."""
        return self._form.topic if self._form is not None else ""

    @property
    def drafts(self):
        if self._drafts is None:
            from collector.drafts import DraftStore

            self._drafts = DraftStore()
        return self._drafts

    def has_content(self) -> bool:
        return not self.form.is_blank() or bool(self.extras.screenshots)

    def edit(self, what: str = "form") -> None:
        """Something the user typed or chose changed: say so, save the draft soon."""
        if not self.loaded:
            self._edited_early = True
        elif not self.decided:
            self.decline()
        self.edited.emit(what)
        self._timer.start()

    # --- reading what was left -----------------------------------------------------------------
    def load_offers(self) -> None:
        """A draft to continue and the last request code: read in a worker (the engine modules
        behind them are large to import)."""

        def work(task: tasks.Task) -> tuple:
            from collector.drafts import DraftStore

            store = DraftStore()
            try:
                offer, problem = store.offer(), store.problem
            except CollectorError as exc:
                offer, problem = None, exc.message
            try:
                from collector.delivery.state import last_request_code

                code = last_request_code()
            except Exception:  # history unreadable: the field just has no suggestion
                code = None
            return store, offer, problem, code

        def done(value: tuple) -> None:
            store, offer, problem, code = value
            if self._drafts is None:
                self._drafts = store
            self.loaded = True
            self.offer, self.problem = offer, problem
            self.decided = offer is None
            self.last_code = code
            if offer is not None and self._edited_early:
                self.decline()  # typing already began: the old draft goes aside, kept
            self.draft_changed.emit()

        def failed(exc: BaseException) -> None:
            log.warning("drafts not read: %s", exc)
            self.loaded = True
            self.decided = True
            self.draft_changed.emit()

        tasks.start(work, on_done=done, on_error=failed, name="offers")

    # --- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        self._timer.stop()
        if not self.loaded:
            self._timer.start()  # the old draft is not read yet: never write over it
            return
        if not self.decided or not self.has_content():
            return
        ui = self.extras.to_draft()
        ui["gbs_id"] = self._gbs_id()
        try:
            self.drafts.save(self.form, ui)
            if self.save_problem is not None:
                self.save_problem = None
                self.draft_changed.emit()  # the start page's warning goes
        except CollectorError as exc:
            if exc.message != self.save_problem:
                self.save_problem = exc.message
                self.notice.emit(exc.message)
                self.draft_changed.emit()

    def mark_sent(self, code: str, form=None) -> None:
        """The request went to the desk (``code``; "" when handed to the mail client): its
        draft is retired into the history, and the number is the next follow-up's offer."""
        with contextlib.suppress(Exception):
            self.drafts.mark_sent(form or self.form, code)
        if code:
            self.last_code = code

    # --- the user's verdict on the old draft ----------------------------------------------------
    def restore(self) -> tuple[str, str | None]:
        """Take the offered draft back; returns the page the user was on and the saved GBS.ID."""
        draft = self.offer
        self.decided = True
        self.offer = None
        if draft is None:
            return "start", None
        self._form = draft.form
        out_dir = self.extras.out_dir
        self.extras = Extras.from_draft(draft.ui or {})
        self.extras.out_dir = self.extras.out_dir or out_dir
        self.extras.screenshots = [s for s in self.extras.screenshots if Path(s).is_file()]
        self.draft_changed.emit()
        self.edited.emit("")
        return self.extras.page or "questions", (draft.ui or {}).get("gbs_id")

    def decline(self) -> None:
        """Start a new request: the old draft is kept aside (drafts/old), never deleted."""
        self.decided = True
        if self.offer is not None:
            self.offer = None
            with contextlib.suppress(CollectorError, OSError):
                self.drafts.discard()
            self.draft_changed.emit()

    def new(self) -> None:
        from collector.request import RequestForm

        self._timer.stop()
        with contextlib.suppress(CollectorError, OSError):
            self.drafts.discard()
        out_dir = self.extras.out_dir
        self._form = RequestForm()
        self.extras = Extras(out_dir=out_dir)
        self.decided = True
        self.draft_changed.emit()
        self.edited.emit("")
