"""What the quick start's first command runs: the app on this PC, or on a demo installation.

With a real GBS.Market (Windows) the app works on this PC. Otherwise a demo installation is
generated once in the user's data folder and the app works on it, so anyone can try the tool.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from collector.sysroot import ROOT_ENV, SystemRoot


def demo_root() -> Path:
    return Path(platformdirs.user_data_dir("gbs-support-collector", appauthor=False)) / "demo-root"


def choose_root(argv: list[str]) -> str | None:
    """``--root`` given → that; a real installation here → None; else the demo (made once)."""
    if "--root" in argv or os.environ.get(ROOT_ENV):
        return None
    if sys.platform == "win32":
        from collector.installation import detect

        if detect(SystemRoot(None)).installation is not None:
            return None
    root = demo_root()
    if not (root / "GBS-DEMO.txt").exists():
        from collector.demo import build_demo

        print(f"GBS.Market на этом компьютере нет — создаю демо-установку в {root}",
              file=sys.stderr)
        build_demo(root)
    return str(root)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    root = choose_root(argv)
    if root is not None:
        argv = ["--root", root, *argv]
    try:
        import ui.app  # noqa: F401  (the GUI, when present)
    except ImportError:
        from collector.cli import main as cli_main

        return cli_main(["detect", *argv])
    from ui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
