"""The GBS.ID the request is about: the candidates found on disk, the one chosen, the one the
user copied in GBS.Market (the clipboard is watched), and its QR code as an image."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from collector.i18n import _
from ui import tasks

log = logging.getLogger(__name__)

CLIPBOARD_POLL_MS = 700


class GbsIds(QObject):
    changed = Signal()  # candidates, the chosen ID, its QR image or the clipboard's verdict
    chosen = Signal(str)  # the user (or their clipboard) chose this ID: a change of the request
    notice = Signal(str)

    def __init__(self, search) -> None:
        super().__init__()
        self._search = search  # ui.state.installation.InstallationSearch: where to look
        self.candidates: list = []
        self.value: str | None = None
        self.from_clipboard = False
        self.clipboard_id: str | None = None
        self.rejection: str | None = None  # why the copied text is not an ID ("русские буквы")
        self.qr_images: dict[str, Any] = {}
        self._watcher = None
        self._own_copy: str | None = None
        self._clip_timer = QTimer(self)
        self._clip_timer.setInterval(CLIPBOARD_POLL_MS)
        self._clip_timer.timeout.connect(self.poll_clipboard)

    @property
    def qr_ready(self) -> bool:
        return self.value is None or self.value in self.qr_images

    def set_candidates(self, cands: list, prefer: str | None = None) -> None:
        self.candidates = cands
        values = [c.value for c in cands]
        prefer = prefer or self.clipboard_id
        if prefer and prefer in values:
            self.value = prefer
        elif self.value not in values:
            self.value = values[0] if values else None
        self.from_clipboard = bool(self.value and self.value == self.clipboard_id)
        self.make_qr()
        self.changed.emit()

    def choose(self, value: str) -> None:
        if value != self.value:
            self.prefer(value)
            self.chosen.emit(value)

    def prefer(self, value: str) -> None:
        """Show ``value`` as the chosen ID (a restored draft's); not a new choice."""
        if value in [c.value for c in self.candidates] and value != self.value:
            self.value = value
            self.from_clipboard = value == self.clipboard_id
            self.make_qr()
            self.changed.emit()

    def make_qr(self) -> None:
        """The QR of the chosen ID as a QImage (PIL → Qt, built off the GUI thread)."""
        value = self.value
        if not value or value in self.qr_images:
            return

        def work(task: tasks.Task):
            from PySide6.QtGui import QImage

            from collector.gbsid import qr_image

            img = qr_image(value, 1).convert("L")
            qimg = QImage(img.tobytes(), img.width, img.height, img.width,
                          QImage.Format.Format_Grayscale8)
            return qimg.copy()  # detach from the PIL buffer

        def done(qimg) -> None:
            self.qr_images[value] = qimg
            self.changed.emit()

        tasks.start(work, on_done=done, on_error=lambda e: log.warning("QR: %s", e), name="qr")

    # --- the clipboard -------------------------------------------------------------------------
    def _clipboard_text(self) -> str | None:
        cb = QGuiApplication.clipboard()
        return cb.text() if cb is not None else None

    def clipboard_now(self) -> str | None:
        """An ID on the clipboard right now (remembered), else the last one seen."""
        from collector.gbsid import extract_gbs_id

        with contextlib.suppress(Exception):
            found = extract_gbs_id(self._clipboard_text())
            if found:
                self.clipboard_id = found
        return self.clipboard_id

    def watch_clipboard(self) -> None:
        from collector.gbsid import ClipboardIdWatcher

        self._watcher = ClipboardIdWatcher(self._clipboard_text, None, include_current=False)
        cb = QGuiApplication.clipboard()
        if cb is not None:
            cb.dataChanged.connect(self.poll_clipboard)
        self._clip_timer.start()

    def stop_watching(self) -> None:
        """The window is gone: no more clipboard polls, and no notices to a window that is not
        there (the clipboard is the whole desktop's, so its signal outlives any window)."""
        self._clip_timer.stop()
        cb = QGuiApplication.clipboard()
        if cb is not None and self._watcher is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                cb.dataChanged.disconnect(self.poll_clipboard)
        self._watcher = None

    def poll_clipboard(self) -> None:
        if self._watcher is None:
            return
        try:
            found = self._watcher.poll()
        except Exception:  # a clipboard held by another program: try again next tick
            return
        rejection = self._watcher.rejection
        if rejection != self.rejection:
            self.rejection = rejection
            self.changed.emit()
        if found and found != self._own_copy:
            self.take_clipboard_id(found)

    def copy(self) -> str | None:
        """Put the chosen ID on the clipboard (our own copy is not "the user copied an ID")."""
        from collector.gbsid import normalize_gbs_id

        value = normalize_gbs_id(self.value or "")
        if value:
            self._own_copy = value
            QGuiApplication.clipboard().setText(value)
        return value

    def take_clipboard_id(self, value: str) -> None:
        """The user copied the ID in GBS.Market: it is the one they mean."""
        self.clipboard_id = value
        self.rejection = None
        root, inst = self._search.root, self._search.installation
        if root is None:
            return

        def work(task: tasks.Task):
            from collector.gbsid import find_gbs_ids

            return find_gbs_ids(root, inst, value)

        def done(cands) -> None:
            self.set_candidates(cands, value)
            self.notice.emit(_("GBS.ID получен из буфера обмена: {value}", value=value))
            self.chosen.emit(value)

        tasks.start(work, on_done=done, on_error=lambda e: None, name="gbs")
