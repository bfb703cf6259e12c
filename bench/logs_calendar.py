"""Benchmark: the error calendar against ``grep -c '| ERROR |'`` over the same log files.

    .venv/bin/python bench/logs_calendar.py [--days 30] [--mb-per-day 50] [--rounds 3]

Builds ``days`` day folders of about ``mb-per-day`` MB of realistic GBS.Market logs (trace.log
with a midday restart, error.log with the program's JSON errors in the message column, performace,
egais, UTF-16 backup.log, CRPT_logs), cached under ``.cache/bench/`` so reruns skip that. Then,
in the same run and on the same (warm) files, times ``grep -c '| ERROR |'`` and our calendar, each
in its own process, best of ``rounds``; prints both, the ratio (goal ≤ 2×) and the calendar's peak
RSS over 1 day and over all days (goal: the same — memory flat). Also checks that the calendar
found exactly the distinct ERROR/FATAL entries the generator wrote.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from collector import demo_logs  # noqa: E402

GENERATOR_VERSION = 3  # 3: errors as JSON in the message column, no ua_prro.log
TODAY = date(2026, 11, 20)
# Peak RSS is read from /proc/self/status (VmHWM): getrusage's ru_maxrss survives exec and would
# report the parent's size for a child forked from a big parent.
CHILD = r"""
import json, sys, time
from datetime import date
from pathlib import Path
from collector.logs import error_calendar
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
logs, crpt = Path(sys.argv[1]), Path(sys.argv[2])
today, days = date.fromisoformat(sys.argv[3]), int(sys.argv[4])
rss_before = hwm()
t = time.perf_counter()
cal = error_calendar(logs, crpt, days=days, today=today)
seconds = time.perf_counter() - t
print(json.dumps({
    "seconds": seconds, "rss_before_kb": rss_before, "rss_peak_kb": hwm(),
    "errors": sum(s.errors for s in cal.values()), "fatals": sum(s.fatals for s in cal.values()),
    "files": sum(s.files for s in cal.values()), "bytes": sum(s.bytes for s in cal.values()),
    "days": len(cal), "approximate": any(s.approximate for s in cal.values()),
}))
"""


def errors_for(i: int) -> tuple[int, int]:
    """Errors and fatals of the i-th day back: mostly quiet days, some bad ones, one storm."""
    errors = [0, 3, 0, 12, 1, 0, 40][i % 7]
    if i == 10:
        errors = 5000  # an error loop: the same failure every few seconds all day
    return errors, 1 if i % 9 == 4 else 0


def build(data: Path, days: int, mb: float) -> dict:
    meta_path = data / "meta.json"
    wanted = {"generator": GENERATOR_VERSION, "days": days, "mb_per_day": mb,
              "today": TODAY.isoformat()}
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        if {k: meta.get(k) for k in wanted} == wanted:
            return meta
    if data.exists():
        shutil.rmtree(data)
    tmp = data.with_name(data.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    print(f"generating {days} days × {mb:g} MB of logs in {data} (once) …", flush=True)
    t = time.perf_counter()
    totals = {"errors": 0, "fatals": 0, "error_lines": 0, "bytes": 0}
    for i in range(days):
        day = TODAY - timedelta(days=i)
        errors, fatals = errors_for(i)
        w = demo_logs.write_big_day(tmp / "Logs" / day.isoformat(), day,
                                    target_bytes=int(mb * 1024 * 1024),
                                    version="6.6.12.2634", errors=errors, fatals=fatals,
                                    seed=i, crpt_dir=tmp / "CRPT_logs")
        for k in totals:
            totals[k] += w[k]
    tmp.rename(data)
    meta = {**wanted, **totals, "generated_seconds": round(time.perf_counter() - t, 1)}
    meta_path.write_text(json.dumps(meta, indent=2))
    return meta


def timed(cmd: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds of a child process (start to exit), its CPU seconds (user + system, of
    exactly that child: steady on a machine shared with others), its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # grep -c answers 1 when a file has no match
        raise SystemExit(f"{cmd[0]} failed with {proc.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--mb-per-day", type=float, default=50)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=REPO / ".cache" / "bench")
    args = ap.parse_args()

    data = args.cache / f"logs-calendar-v{GENERATOR_VERSION}-{args.days}x{args.mb_per_day:g}MB"
    meta = build(data, args.days, args.mb_per_day)
    logs, crpt = data / "Logs", data / "CRPT_logs"
    files = sorted(str(p) for p in logs.rglob("*") if p.is_file()) + \
        sorted(str(p) for p in crpt.iterdir())
    total = sum(os.path.getsize(f) for f in files)
    grep = ["grep", "-c", "| ERROR |", *files]
    ours = [sys.executable, "-c", CHILD, str(logs), str(crpt), TODAY.isoformat(), str(args.days)]

    timed(grep)  # warm the page cache so both read from memory
    grep_times, our_times, our_inner, grep_cpu, our_cpu = [], [], [], [], []
    grep_lines = result = None
    for _ in range(args.rounds):  # interleaved, so a busy moment hits both
        s, cpu, out = timed(grep)
        grep_times.append(s)
        grep_cpu.append(cpu)
        grep_lines = sum(int(x.rsplit(b":", 1)[1]) for x in out.splitlines())
        s, cpu, out = timed(ours)
        our_times.append(s)
        our_cpu.append(cpu)
        result = json.loads(out)
        our_inner.append(result["seconds"])
    _s, _cpu, out_one = timed([*ours[:-1], "1"])
    one = json.loads(out_one)

    g, o, inner = min(grep_times), min(our_times), min(our_inner)
    gc, oc = min(grep_cpu), min(our_cpu)
    print(f"logs_calendar: {args.days} days × ~{args.mb_per_day:g} MB = {total / 2**30:.2f} GiB "
          f"in {len(files)} files ({data})")
    print(f"  grep -c '| ERROR |'      {g:7.3f} s   ({total / g / 2**20:6.0f} MiB/s)  "
          f"matching lines: {grep_lines}   [rounds: {', '.join(f'{x:.3f}' for x in grep_times)}]")
    print(f"  collector error_calendar {o:7.3f} s   ({total / o / 2**20:6.0f} MiB/s)  "
          f"distinct: {result['errors']} ERROR, {result['fatals']} FATAL   "
          f"[rounds: {', '.join(f'{x:.3f}' for x in our_times)}; "
          f"scan alone {inner:.3f} s]")
    print(f"  ratio collector / grep   {o / g:7.2f}×  wall, best of {args.rounds} "
          f"(scan alone {inner / g:.2f}×);  {oc / gc:.2f}× CPU time ({oc:.3f} s / {gc:.3f} s)"
          f"   goal ≤ 2×")
    print(f"  peak RSS of the calendar: {result['rss_peak_kb'] / 1024:.1f} MiB over {args.days} "
          f"days ({total / 2**20:.0f} MiB read), {one['rss_peak_kb'] / 1024:.1f} MiB over 1 day "
          f"({one['bytes'] / 2**20:.0f} MiB read); interpreter + imports alone "
          f"{result['rss_before_kb'] / 1024:.1f} MiB")
    ok = (result["errors"], result["fatals"]) == (meta["errors"], meta["fatals"]) and \
        grep_lines == meta["error_lines"] and result["bytes"] == total
    print(f"  counts match the generator: {'yes' if ok else 'NO'} (written: {meta['errors']} "
          f"ERROR, {meta['fatals']} FATAL; each in trace.log and error.log, so grep sees "
          f"{meta['error_lines']} lines)")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
