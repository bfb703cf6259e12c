"""The one launcher of the app (``python -m ui``, ``./scripts/app``, the exe without a
subcommand): the window on this PC, or, in the lab, on a demo installation.

On Windows the app always works on this PC, GBS.Market found or not: without it the window still
lets the owner write a request and says what to do. Elsewhere (Linux, the lab) a demo
installation is generated once in the user's data folder, so anyone can try the tool. No Qt is
imported before it is known that a window can be shown.

On a demo installation (the one made here, or any ``--root`` carrying the demo marker) the
launcher also starts the demo desk (``collector.demo_desk``), a small intake on this PC: the
window's «Отправить в поддержку» then goes there and comes back with a task number, and nothing
of the demo ever reaches the real desk or the update mirrors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from collector.sysroot import ROOT_ENV


def demo_root() -> Path:
    from collector.userdata import user_data_dir

    return user_data_dir() / "demo-root"


def choose_root(argv: list[str]) -> str | None:
    """``--root`` given, or Windows → None (as given / this PC); else the demo (made once)."""
    if "--root" in argv or os.environ.get(ROOT_ENV) or sys.platform == "win32":
        return None
    root = demo_root()
    if not (root / "GBS-DEMO.txt").exists():
        from collector.demo import build_demo

        print(f"GBS.Market на этом компьютере нет — создаю демо-установку в {root}",
              file=sys.stderr)
        build_demo(root)
    return str(root)


def start_demo_desk(argv: list[str]):
    """The demo desk (``collector.demo_desk.DemoDesk``, running) when the window is about to
    work on a demo installation, else None."""
    from collector.demo import is_demo_root

    root = argv[argv.index("--root") + 1] if "--root" in argv[:-1] else os.environ.get(ROOT_ENV)
    if not root or not is_demo_root(Path(root)):
        return None
    from collector.demo_desk import DemoDesk

    return DemoDesk().start()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    root = choose_root(argv)
    if root is not None:
        argv = ["--root", root, *argv]
    if not has_screen():
        return console_fallback(argv, "Окно программы показать негде (нет графического экрана)")
    try:
        import PySide6  # noqa: F401  (the `gui` extra; a command-line install has no Qt)
    except ImportError:
        return console_fallback(argv, "Графический интерфейс не установлен (нет PySide6; "
                                      "установите: pip install \".[gui]\")")
    from ui.compat import skip_feature_scan

    skip_feature_scan()
    from ui.app import main as gui_main

    desks = []

    def start_desk() -> None:  # once the window is on screen: the first picture needs no desk
        desk = start_demo_desk(argv)
        if desk is not None:
            desks.append(desk)

    try:
        return gui_main(argv, on_shown=start_desk)
    finally:
        for desk in desks:
            desk.close()


def has_screen() -> bool:
    """A Linux session without X or Wayland (ssh, a container) cannot show a window."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def console_fallback(argv: list[str], why: str) -> int:
    """No window possible: show in the terminal what the app's first page would show."""
    from collector.cli import main as cli_main

    print(f"{why} — вот что нашёл сборщик.\n"
          "Собрать архив: .venv/bin/python -m collector collect --date ГГГГ-ММ-ДД --out ПАПКА"
          + (f" --root {argv[argv.index('--root') + 1]}" if "--root" in argv else "") + "\n",
          file=sys.stderr)
    root_args = argv[argv.index("--root"):argv.index("--root") + 2] if "--root" in argv else []
    return cli_main(["detect", *root_args])


if __name__ == "__main__":
    sys.exit(main())
