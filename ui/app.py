"""``python -m ui [--root DIR] [--lang ru|en] [--screenshot FILE [--page NAME]]``.

The window appears at once with what is known so far; finding GBS.Market, the update check, the
error calendar and the GBS.ID search run off the GUI thread and fill it in as they finish.
``--screenshot`` renders one page of the real window to a PNG once everything on it has loaded
(for ``collect`` and ``result`` it runs a real collection) and exits.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

T0 = time.perf_counter()

SCREENSHOT_TIMEOUT_S = 300


def parse_args(argv: list[str]) -> argparse.Namespace:
    from ui.pages import PAGE_NAMES

    p = argparse.ArgumentParser(prog="python -m ui",
                                description="Подготовить обращение в поддержку GBS.Market")
    p.add_argument("--root", metavar="DIR", help="папка, которая стоит вместо диска C:\\")
    p.add_argument("--lang", choices=["ru", "en"], help="язык окна (по умолчанию русский)")
    p.add_argument("--out", metavar="DIR", help="папка для архивов")
    p.add_argument("--screenshot", metavar="FILE", help="снять страницу в PNG и выйти")
    p.add_argument("--page", choices=PAGE_NAMES, default="start", help="страница для снимка")
    p.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    p.add_argument("--no-update-check", action="store_true", help="не проверять обновления")
    p.add_argument("--startup-time", action="store_true",
                   help="напечатать, через сколько миллисекунд окно показано")
    args, _qt = p.parse_known_args(argv)
    return args


class Controller:
    """Owns the window; rebuilds it when the language changes (state and drafts survive)."""

    def __init__(self, app, state, translations) -> None:
        self.app = app
        self.state = state
        self.translations = translations
        self.window = None
        self.args = None

    def build_window(self):
        from ui.window import MainWindow

        old = self.window
        win = MainWindow(self.state, self)
        win.language_requested.connect(self.switch_language)
        if old is not None:
            win.setGeometry(old.geometry())
            if old.isMaximized():
                win.setWindowState(old.windowState())
            win.visited = set(old.visited)
            current = old.current
            old.replacing = True
            old.close()
            old.deleteLater()
            win.go(current, record=False)
        self.window = win
        if win.starts_maximized and old is None:
            win.showMaximized()
        else:
            win.show()
        return win

    def switch_language(self, lang: str) -> None:
        if self.state.collection.running or self.state.upload.running:
            return
        if lang == self.translations.lang:
            return
        from ui import prefs

        self.state.request.save()
        self.translations.install(lang)
        prefs.put("language", lang)
        self.build_window()


def build(argv: list[str], on_shown=None) -> Controller:
    """The application, its state and its window, shown, with the searches about to start
    (what :func:`main` runs before the event loop; tests drive the result directly).

    ``on_shown`` (the launcher's demo desk) runs once the window is on screen, before the
    searches start, as the clean-up of a killed run does: none of it is in the first picture."""
    args = parse_args(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    # Fractional scale factors (125 %, 150 %) are used as they are: Qt 6's default rounding
    # policy (PassThrough), which QT_SCALE_FACTOR_ROUNDING_POLICY may change.
    first = QApplication.instance() is None
    from ui.compat import protect_none

    protect_none()  # before the first painted frame starts spending references (see compat)
    from ui import theme

    app = QApplication([sys.argv[0], "-style", theme.STYLE]) if first \
        else QApplication.instance()
    app.setApplicationName("GBS Support Collector")
    app.setApplicationDisplayName("GBS Support Collector")

    from ui import prefs
    from ui.i18n import Translations
    from ui.state import AppState

    theme.apply(app, styled=first)
    theme.watch_screens(app)
    icon = _icon_path()
    if icon is not None:
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    translations = Translations()
    lang = args.lang or prefs.get("language", "ru", str) or "ru"
    translations.install(lang)
    out_dir = args.out or prefs.get("out_dir", "", str) or None
    state = AppState(args.root, today=args.today, out_dir=out_dir,
                     check_updates=not args.no_update_check)
    controller = Controller(app, state, translations)
    controller.args = args
    app._controller = controller  # keep it alive with the application (tests reach it here)
    from ui import first_paint

    if first:  # cursors, icons and the first focus follow the first picture (ui.first_paint)
        first_paint.hold()
    win = controller.build_window()
    if args.startup_time:
        win.on_first_paint(lambda: _report_startup(win))
    began = False

    def begin() -> None:
        nonlocal began
        if began:
            return
        began = True
        first_paint.release()  # the cursors, drawn icons and first focus, first of all
        if on_shown is not None:
            on_shown()
        _say_what_was_cleaned(controller.window)
        state.start()
        QTimer.singleShot(0, controller.window.build_next_page)

    # The rest starts once the window is on screen (or after a moment without a paint, e.g. a
    # minimised start), so the first picture never waits for it.
    win.on_first_paint(lambda: QTimer.singleShot(0, begin))
    QTimer.singleShot(250, begin)
    return controller


def _say_what_was_cleaned(win) -> None:
    """Remove what a killed collection left (collector.debris) and say so once."""
    from collector.debris import clean_stale, runs_folder

    cleaned = clean_stale(runs=runs_folder())
    if cleaned:
        win.show_notice(cleaned.message(), 15000)


def main(argv: list[str] | None = None, on_shown=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QTimer

    from ui import tasks

    controller = build(argv, on_shown)
    app, args = controller.app, controller.args
    if args.screenshot:
        shooter = Screenshot(controller, Path(args.screenshot), args.page)
        QTimer.singleShot(0, shooter.start)
    code = app.exec()
    tasks.shutdown(20000)
    _teardown(app, controller)
    if args.screenshot:
        return shooter.exit_code
    return code


def _teardown(app, controller) -> None:
    """Destroy widgets and drawn icons while Qt is still fully alive: icons painted by Python
    engines must not outlive the interpreter's own objects at exit."""
    import gc

    from ui import theme

    win = controller.window
    controller.window = None
    if win is not None:
        win.replacing = True
        win.close()
        win.deleteLater()
    app.sendPostedEvents(None, 0)
    app.processEvents()
    theme.clear_caches()
    app._controller = None
    gc.collect()


def _icon_path() -> Path | None:
    """The product icon (drawn by packaging/make_icon.py; packed into the exe at the same path)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    path = base / "packaging" / "icon.png"
    return path if path.is_file() else None


def _report_startup(win) -> None:
    shown = (time.perf_counter() - T0) * 1000
    total = None
    try:
        import psutil

        total = (time.time() - psutil.Process().create_time()) * 1000
    except Exception:  # psutil is a dependency, but the number is only informative
        total = None
    line = f"startup: first paint {shown:.0f} ms after ui.app import"
    if total is not None:
        line += f", {total:.0f} ms after process start"
    print(line, file=sys.stderr, flush=True)


class Screenshot:
    """Wait until the page has everything it shows, render the real window, save, quit."""

    def __init__(self, controller, path: Path, page: str) -> None:
        self.controller = controller
        self.path = path
        self.page = page
        self.exit_code = 1
        self.started = time.monotonic()
        self.phase = "ready"
        self.captured = False

    @property
    def state(self):
        return self.controller.state

    @property
    def window(self):
        return self.controller.window

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _ready(self) -> bool:
        st = self.state
        if st.install.searching or st.install.detection is None:
            return False
        if st.installation is None:
            return st.gbs.qr_ready
        if st.updates.checking or (st.calendar.days is None and st.calendar.error is None):
            return False
        if st.gbs.value and st.gbs.value not in st.gbs.qr_images:
            return False
        return not st.day.loading

    def poll(self) -> None:
        from PySide6.QtWidgets import QApplication

        if time.monotonic() - self.started > SCREENSHOT_TIMEOUT_S:
            print(f"screenshot: timed out in phase {self.phase}", file=sys.stderr)
            self.timer.stop()
            QApplication.instance().quit()
            return
        win = self.window
        if self.phase == "ready":
            if not self._ready():
                return
            if self.state.request.offer is not None and self.page != "start":
                page = self.state.restore_draft()
                del page
            if self.page in ("collect", "result"):
                win.go("review")
                win.start_collection()
                self.phase = "collecting"
                return
            win.go(self.page)
            self.phase = "settle"
            self.settle_until = time.monotonic() + 0.6
            return
        if self.phase == "settle":
            if self.page == "review" and (self.state.plan.review is None
                                          or self.state.plan.task is not None):
                return
            if self.page == "date" and self.state.day.loading:
                return
            if time.monotonic() >= self.settle_until:
                self.phase = "shoot"
            return
        if self.phase == "collecting":
            page = win.pages["collect"]
            if self.page == "collect":
                if page.current == "database" or not self.state.collection.running:
                    self.phase = "shoot"  # the long step under way: the picture people see
                return
            if not self.state.collection.running and win.current in ("result", "collect"):
                if win.current == "result":
                    self.phase = "settle"
                    self.settle_until = time.monotonic() + 0.6
                else:
                    self.phase = "shoot"
            return
        if self.phase == "shoot":
            self.shoot()

    def shoot(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.timer.stop()
        win = self.window
        QApplication.processEvents()
        pixmap = win.grab()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        ok = pixmap.save(str(self.path), "PNG")
        print(f"screenshot: {self.path} ({pixmap.width()}x{pixmap.height()}, page "
              f"{win.current})", file=sys.stderr)
        self.exit_code = 0 if ok else 1
        if self.page == "collect" and self.state.collection.running:
            self.state.collection.cancel()
        win.replacing = True  # no "collection running" question when closing
        QApplication.instance().quit()


if __name__ == "__main__":
    sys.exit(main())

