"""Entry point of the frozen exe (``collector.spec``): one file, two faces.

``GBS-Support-Collector.exe detect --json`` (any subcommand of ``collector.commands.COMMANDS``,
``--version``, ``--help``) runs the command line; anything else — a double click, a shortcut,
``--root DIR`` — starts the GUI through the app's one launcher (``ui.launch:main(argv)``).

Runs from source too: ``python packaging/entry.py detect --root /tmp/demo``.

``GBS_COLLECTOR_EXIT_AFTER_SHOW=1`` makes the GUI exit as soon as its first window is on screen
and print ``GBS_COLLECTOR_SHOWN {json}`` on stderr: how CI and the cold-start measurement see
that the frozen GUI really comes up (offscreen with ``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()

if not getattr(sys, "frozen", False):  # from source: the repository root must be importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EXIT_AFTER_SHOW_ENV = "GBS_COLLECTOR_EXIT_AFTER_SHOW"
SHOWN_MARK = "GBS_COLLECTOR_SHOWN"
# Global options of the command line that may stand before the subcommand.
CLI_FLAGS = {"--version", "-h", "--help"}
CLI_PREFIX_FLAGS = {"-v", "--verbose"}


def is_cli(argv: list[str]) -> bool:
    """The command line when the first word (after ``-v``) is a subcommand or a help flag."""
    from collector.commands import COMMANDS

    args = list(argv)
    while args and args[0] in CLI_PREFIX_FLAGS:
        args.pop(0)
    if not args:
        return len(argv) > 0  # a lone "-v": let the command line explain what is missing
    return args[0] in COMMANDS or args[0] in CLI_FLAGS


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False) and sys.platform == "win32":
        # A frozen Windows exe re-runs itself for every multiprocessing worker: without this, a
        # worker would open a second GUI instead of doing its work.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    cli = is_cli(argv)
    _prepare_streams(console_wanted=cli)
    _use_embedded_settings()
    if cli:
        from collector.cli import main as cli_main

        return cli_main(argv)
    return run_gui(argv)


def run_gui(argv: list[str]) -> int:
    # Every build carries the GUI: an ImportError here is a packaging bug and must fail loudly.
    import ui.app
    import ui.launch

    if os.environ.get(EXIT_AFTER_SHOW_ENV):
        # After the launcher's own imports (no Qt in them) and before it imports the binding:
        # the order of a start without the watch, which its time is meant to be.
        _arm_exit_after_show()
    return int(ui.launch.main(argv) or 0)


# --- frozen-exe plumbing ------------------------------------------------------------------------

def _prepare_streams(console_wanted: bool) -> None:
    """A windowed exe (the Windows build) starts with no stdout/stderr.

    For the command line, attach to the console of the cmd/PowerShell that started us; streams the
    caller redirected (``> out.json``, a pipe) are already open and stay as they are. Whatever is
    still missing (started from Explorer) writes to nowhere instead of crashing on ``print``.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    if console_wanted and sys.platform == "win32":
        import ctypes

        attach_parent_process = -1
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            # "CONOUT$" opens as a Windows console stream: Unicode goes through WriteConsoleW,
            # so Russian text shows whatever the console's code page is.
            if sys.stdout is None:
                sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            if sys.stderr is None:
                sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            return
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _use_embedded_settings() -> None:
    """One-file build: ``collector_settings.json`` beside the exe wins; else the copy built in.

    ``collector.settings.app_dir()`` is the exe's folder when frozen, so a file placed beside the
    exe (the installer puts one there) is read as usual. A portable exe downloaded alone still has
    the settings it was built with: they are bundled and named by ``GBS_COLLECTOR_SETTINGS`` —
    unless the user set that variable or put a file beside the exe.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle is None:
        return
    from collector.settings import ENV_PREFIX, SETTINGS_FILE, app_dir

    embedded = Path(bundle) / SETTINGS_FILE
    if (app_dir() / SETTINGS_FILE).is_file() or os.environ.get(ENV_PREFIX + "SETTINGS"):
        return
    if embedded.is_file():
        os.environ[ENV_PREFIX + "SETTINGS"] = str(embedded)


def _arm_exit_after_show() -> None:
    """Make the process exit right after its first top-level window is painted.

    The GUI makes its own windows; ``QWidget.show`` (and ``showMaximized``) is wrapped before
    the GUI is imported, so each window shown is watched for its first paint without the GUI
    knowing. The watch sits on the window alone: an application-wide Python filter would see
    every object's events, and the first event of some of Qt's own objects (the gesture manager
    of a scroll area) costs the binding a long type look-up that the product itself never pays
    before its first paint.
    """
    import json

    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject

    class _Watcher(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Paint and isinstance(obj, QtWidgets.QWidget)
                    and obj.isWindow() and obj.isVisible()):
                shown = {
                    "seconds": round(time.perf_counter() - _STARTED, 3),
                    "class": type(obj).__name__,
                    "title": obj.windowTitle(),
                    "width": obj.width(),
                    "height": obj.height(),
                    "platform": QtWidgets.QApplication.platformName(),
                }
                print(SHOWN_MARK, json.dumps(shown, ensure_ascii=False), file=sys.stderr,
                      flush=True)
                sys.stdout.flush()
                os._exit(0)  # the measurement ends at the first paint; teardown is not part of it
            return False

    watcher: list[_Watcher] = []

    def watched(show):
        def show_watched(widget: QtWidgets.QWidget) -> None:
            if widget.isWindow():
                if not watcher:
                    watcher.append(_Watcher())
                widget.installEventFilter(watcher[0])
            show(widget)
        return show_watched

    # A small screen's window is shown maximised (showMaximized, not show: ui.app).
    for name in ("show", "showMaximized"):
        setattr(QtWidgets.QWidget, name, watched(getattr(QtWidgets.QWidget, name)))


if __name__ == "__main__":
    sys.exit(main())
