"""bench/cli_startup.py: time to the first useful line of ``detect`` and ``logs --date``.

    .venv/bin/python bench/cli_startup.py [--runs 7]

Each run is a fresh process on the demo installation (made once under ``.cache/bench``), timed
from start to the first line on stdout, side by side and alternating with two baselines: the
interpreter alone (``python -c pass``) and a bare import of the command-line module
(``python -c "import collector.cli"``: what any subcommand costs before it does anything).
Prints min and median of each and the ratios; the goal is ≤ 0.3 s to the first line.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
GOAL_S = 0.3


def first_line(cmd: list[str]) -> float:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "GBS_COLLECTOR_DATA_DIR":
           str(REPO / ".cache" / "bench" / "cli-userdata")}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, cwd=REPO, env=env)
    assert proc.stdout is not None
    proc.stdout.readline()  # the first line, or EOF for the baselines
    seconds = time.perf_counter() - t
    proc.stdout.read()
    proc.wait()
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    root = REPO / ".cache" / "bench" / "cli-demo"
    if not root.exists():
        subprocess.run([sys.executable, "-m", "collector", "demo", "--root", str(root)],
                       check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    py = sys.executable
    today = date.today().isoformat()
    sides = {
        "python -c pass": [py, "-c", "pass"],
        "import collector.cli": [py, "-c", "import collector.cli"],
        "detect": [py, "-m", "collector", "detect", "--root", str(root)],
        "logs --date": [py, "-m", "collector", "logs", "--root", str(root), "--date", today],
    }
    times: dict[str, list[float]] = {k: [] for k in sides}
    first_line(sides["detect"])  # warm the page cache for every side alike
    for _ in range(args.runs):
        for name, cmd in sides.items():
            times[name].append(first_line(cmd))
    load = os.getloadavg()
    print(f"повторов {args.runs}, загрузка {load[0]:.1f} {load[1]:.1f}")
    base = statistics.median(times["python -c pass"])
    bare = statistics.median(times["import collector.cli"])
    ok = True
    for name, values in times.items():
        med = statistics.median(values)
        line = f"{name:22} мин {min(values):.3f} с, медиана {med:.3f} с, {med / base:.2f}× python"
        if name in ("detect", "logs --date"):
            passed = med <= GOAL_S
            ok &= passed
            line += (f", {med / bare:.2f}× голого импорта — цель ≤ {GOAL_S} с: "
                     f"{'OK' if passed else 'НЕ ДОСТИГНУТО'}")
        print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
