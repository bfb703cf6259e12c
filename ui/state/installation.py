"""Finding GBS.Market on this PC (off the GUI thread), and the GBS.IDs found with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from collector.i18n import _
from ui import tasks


@dataclass
class Found:
    """One search's answer: the system root, the engine's ``Detection``, the GBS.ID candidates
    (searched in the same worker: they live in the installation's folders)."""

    root: Any
    detection: Any
    gbs_candidates: list


class InstallationSearch(QObject):
    changed = Signal()  # a search started or ended (``searching``, ``detection``, ``error``)
    found = Signal(object)  # Found: a search answered (also when nothing was found)

    def __init__(self, root_arg: str | None, folders: list[Path] | None = None) -> None:
        super().__init__()
        self.root_arg = root_arg
        self.folders: list[Path] = list(folders or [])  # where the user said the program is
        self.root = None
        self.detection = None
        self.searching = True  # until the first search has answered
        self.error: str | None = None

    @property
    def installation(self):
        return self.detection.installation if self.detection is not None else None

    def search(self, clipboard_id: str | None = None) -> None:
        self.searching = True
        self.error = None
        self.changed.emit()
        root_arg, folders = self.root_arg, list(self.folders)

        def work(task: tasks.Task) -> Found:
            from collector.gbsid import find_gbs_ids
            from collector.installation import detect
            from collector.sysroot import SystemRoot

            root = SystemRoot.from_arg(root_arg)
            det = detect(root, folders=folders)
            return Found(root, det, find_gbs_ids(root, det.installation, clipboard_id))

        tasks.start(work, on_done=self._done, on_error=self._failed, name="detect")

    def _done(self, found: Found) -> None:
        self.root, self.detection = found.root, found.detection
        self.searching = False
        self.changed.emit()
        self.found.emit(found)

    def _failed(self, exc: BaseException) -> None:
        self.searching = False
        # the details are in the tool's log (ui.tasks logs every unexpected failure)
        self.error = getattr(exc, "message", None) or _(
            "Поиск программы не удался из-за непредвиденной ошибки. Нажмите «Искать ещё "
            "раз»; если не поможет, обращение всё равно можно отправить.")
        self.changed.emit()
