#!/usr/bin/env python3
"""Time from process start to the first painted window: the app against a bare PySide6 window.

    bench/gui_startup.py [--runs N] [--root DEMO_ROOT] [--platform offscreen|xcb]

Each run is a fresh process (alternating app and baseline, so machine load hits both alike). The
app is started as the product starts it (``packaging/entry.py``, which stops at the first paint
of the first window and reports it: ``GBS_COLLECTOR_EXIT_AFTER_SHOW``); the baseline is the
smallest PySide6 program that shows a window: ``QApplication`` + ``QMainWindow`` + one label,
timed the same way (both watch their window alone for its first paint). ``xcb`` runs both under an
Xvfb of their own (a real X11 window). The app's modules are byte-compiled first, as the exe
carries them and as any run from source leaves them (an environment with
``PYTHONDONTWRITEBYTECODE`` would otherwise time the compiler on every run, and the baseline's
PySide6 is compiled already). Prints the medians and the ratio app / baseline (also of the best
runs, and the median of each app run's ratio to the baseline run after it): what the wizard
adds on top of Qt itself.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHOWN = "GBS_COLLECTOR_SHOWN"

BASELINE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.isWindow():
            print("GBS_COLLECTOR_SHOWN", file=sys.stderr, flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv)
w = Watch()
win = QMainWindow()
win.setCentralWidget(QLabel("Подготовить обращение в поддержку"))
win.resize(1180, 760)
win.installEventFilter(w)  # on the window, as packaging/entry.py watches the app's
win.show()
app.exec()
"""


def time_to_shown(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=REPO)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith(SHOWN):
            elapsed = time.perf_counter() - started
            proc.wait(timeout=60)
            return elapsed
    proc.wait(timeout=60)
    raise SystemExit(f"no window shown by {cmd[:3]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--root", help="system root (default: a fresh demo installation)")
    ap.add_argument("--platform", choices=["offscreen", "xcb"], default="offscreen")
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GBS_COLLECTOR_", "QT_"))}
    for package in ("collector", "ui", "packaging"):
        compileall.compile_dir(REPO / package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.root
        if root is None:
            root = str(Path(tmp) / "demo")
            subprocess.run([sys.executable, "-m", "collector", "demo", "--root", root],
                           cwd=REPO, check=True, capture_output=True,
                           env={**env, "GBS_COLLECTOR_DATA_DIR": str(Path(tmp) / "d0")})
        env.update({"GBS_COLLECTOR_EXIT_AFTER_SHOW": "1",
                    "GBS_COLLECTOR_DATA_DIR": str(Path(tmp) / "data")})
        app_cmd = [sys.executable, str(REPO / "packaging" / "entry.py"), "--root", root]
        base_cmd = [sys.executable, "-c", BASELINE]
        ours, base = [], []

        def run_all(run_env: dict[str, str]) -> None:
            for _ in range(args.runs):
                ours.append(time_to_shown(app_cmd, run_env))
                base.append(time_to_shown(base_cmd, run_env))

        if args.platform == "xcb":
            from ui.screenshots import xvfb

            with xvfb("1366x768") as display:
                run_all({**env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display})
        else:
            run_all({**env, "QT_QPA_PLATFORM": "offscreen"})
    a, b = statistics.median(ours), statistics.median(base)
    # Each app run and the baseline run right after it share the machine's state of the moment:
    # the median of those pairs' ratios is steadier than the ratio of the medians on a busy PC.
    paired = statistics.median(x / y for x, y in zip(ours, base, strict=True))
    print(f"first paint ({args.platform}, {args.runs} runs each): app {a * 1000:.0f} ms "
          f"(best {min(ours) * 1000:.0f}), bare PySide6 window {b * 1000:.0f} ms "
          f"(best {min(base) * 1000:.0f}), ratio {a / b:.2f}x (of bests "
          f"{min(ours) / min(base):.2f}x, median of pairs {paired:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
