"""Shared fixtures and helpers of the GUI tests (tests/test_ui*.py).

Qt runs offscreen (set here, before any QApplication exists); every test has its own user data
folder, settings file and output folder, and the real window of ``ui.app.build`` over a demo
installation with a real Firebird database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import netguard

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-20"


@pytest.fixture
def ui_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    for name in list(os.environ):
        if name.startswith("GBS_COLLECTOR_") or name in ("HTTP_PROXY", "HTTPS_PROXY",
                                                         "http_proxy", "https_proxy"):
            monkeypatch.delenv(name, raising=False)
    data = tmp_path / "userdata"
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({**netguard.LOOPBACK_SETTINGS, "update_mirrors": [],
                                    "upload_retries": 2, "upload_retry_delay_s": 0.05}))
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(data))
    monkeypatch.setenv("GBS_COLLECTOR_SETTINGS", str(settings))
    out = tmp_path / "out"
    return {"data": data, "settings": settings, "out": out}


class Gui:
    """The controller of a running app plus shortcuts the tests use."""

    def __init__(self, controller, qtbot, out: Path) -> None:
        self.ctrl = controller
        self.qtbot = qtbot
        self.out = out

    @property
    def state(self):
        return self.ctrl.state

    @property
    def win(self):
        return self.ctrl.window

    def page(self, key: str):
        return self.win.pages[key]

    def wait_ready(self, timeout: int = 20000) -> None:
        st = self.state
        self.qtbot.waitUntil(lambda: not st.install.searching and st.install.detection is not None
                             and st.request.loaded, timeout=timeout)
        if st.installation is not None:
            self.qtbot.waitUntil(lambda: st.calendar.days is not None and not st.updates.checking
                                 and (st.gbs.value is None or st.gbs.value in st.gbs.qr_images),
                                 timeout=timeout)

    def click_next(self) -> None:
        from PySide6.QtCore import Qt

        assert self.win.next.isEnabled(), self.win.next.text()
        self.qtbot.mouseClick(self.win.next, Qt.MouseButton.LeftButton)

    def close(self) -> None:
        from PySide6.QtWidgets import QApplication

        from ui import tasks

        win = self.ctrl.window
        if win is not None:
            self.state.collection.cancel()
            self.state.upload.cancel()
            win.replacing = True
            win.close()
        self.state.gbs.stop_watching()
        tasks.shutdown(60000)
        QApplication.processEvents()
        if win is not None:
            win.deleteLater()
            QApplication.processEvents()


def forget_update_answer(gui: Gui) -> None:
    """A program that never got an answer from its update feed: no ``Updates\\info.json``
    (the demo keeps one, as the program does), and the window's check run again."""
    inst = gui.state.installation
    (inst.data_path / "Updates" / "info.json").unlink()
    gui.state.updates.check(inst)
    gui.qtbot.waitUntil(lambda: not gui.state.updates.checking, timeout=20000)


def start_gui(qtbot, root: Path, out: Path, *extra: str) -> Gui:
    from ui.app import build

    ctrl = build(["--root", str(root), "--today", TODAY, "--out", str(out),
                  "--no-update-check", *extra])
    gui = Gui(ctrl, qtbot, out)
    gui.wait_ready()
    return gui


@pytest.fixture
def gui(qtbot, demo, ui_env) -> Iterator[Gui]:
    g = start_gui(qtbot, demo.root, ui_env["out"])
    g.demo = demo
    yield g
    g.close()


def type_text(widget, text: str) -> None:
    """Type any text (Cyrillic too: QTest.keyClicks only knows ASCII) as key events."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()


def zbar(png: Path) -> list[str]:
    """Decode every QR code in an image with the real zbarimg."""
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                          text=True, timeout=60)
    return [line for line in done.stdout.splitlines() if line.strip()]


def seven_zip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["7z", *args], capture_output=True, text=True, timeout=300)


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


# Screens of the shops: 1024×768, and 1366×768 at 125 % and 150 %, each less a 40 px taskbar
# (in logical pixels: what the window gets, maximised, on such a screen).
SMALL_SCREENS = {"1024x768": (1024, 768 - 40), "1366x768@125%": (round(1366 / 1.25),
                                                                round(768 / 1.25) - 40),
                 "1366x768@150%": (round(1366 / 1.5), round(768 / 1.5) - 40)}


def clipped(win) -> list[str]:
    """Visible controls not wholly inside the window: each must lie inside every widget around
    it (inside a scroll area only across: down it scrolls)."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QAbstractSpinBox,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QProgressBar,
        QTabBar,
        QWidget,
    )

    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
             QPlainTextEdit, QTabBar, QLabel, QProgressBar)
    out = []
    for w in win.findChildren(QWidget):
        if not isinstance(w, kinds) or not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QLabel) and not w.text().strip() and w.pixmap().isNull():
            continue
        short = (isinstance(w, QAbstractButton) and bool(w.text())) or \
            (isinstance(w, QLabel) and bool(w.text()) and not w.wordWrap())
        if short and w.width() < w.sizeHint().width():  # text cut off inside the control
            out.append(f"{type(w).__name__} {w.text()[:40]!r} narrower than its text "
                       f"({w.width()} < {w.sizeHint().width()})")
            continue
        if isinstance(w, QLabel) and w.wordWrap() and w.textFormat() != Qt.TextFormat.RichText:
            text = w.text().replace("&&", "&") if w.buddy() is None else \
                w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            words = text.replace("\u200b", " ").split()
            room = w.contentsRect().width() - 2 * w.margin()
            widest = max((w.fontMetrics().horizontalAdvance(x) for x in words), default=0)
            if widest > room:  # a word longer than the line: its end is cut off
                out.append(f"QLabel {w.text()[:40]!r}: a word is {widest} px, the line {room}")
                continue
        r = QRect(w.mapTo(win, QPoint(0, 0)), w.size())
        parent = w.parentWidget()
        while parent is not None:
            p = QRect(parent.mapTo(win, QPoint(0, 0)), parent.size()) if parent is not win \
                else QRect(QPoint(0, 0), win.size())
            area = parent.parentWidget()
            scrolls = isinstance(area, QAbstractScrollArea) and area.viewport() is parent
            across = r.left() < p.left() or r.right() > p.right()
            down = not scrolls and (r.top() < p.top() or r.bottom() > p.bottom())
            if scrolls and not across:
                # what lies below or above the viewport is reached by scrolling: only the part
                # in view must also fit in the widgets further out
                top, bottom = max(r.top(), p.top()), min(r.bottom(), p.bottom())
                if top > bottom:
                    break
                r = QRect(r.left(), top, r.width(), bottom - top + 1)
            if across or down:
                what = w.text() if hasattr(w, "text") and isinstance(w.text(), str) else ""
                out.append(f"{type(w).__name__} {what[:40]!r} {r.getRect()} outside "
                           f"{type(parent).__name__} {parent.objectName()!r} {p.getRect()}")
                break
            if parent is win:
                break
            parent = parent.parentWidget()
    return out
