"""Benchmark: our database backup against ``gbak -b`` on the same file, in the same run.

    .venv/bin/python bench/db_backup.py --size-mb 1024

Takes bench/shopdb.py's shop database of about ``--size-mb`` MiB (made once, cached), copies
it to a work file, then times, alternating so that both see the same machine state:

* embedded — ``gbak -b -g <file> out.fbk`` against ``backup_to_file(embedded_target(file))``
  (ours includes the private snapshot copy that keeps the customer's file untouched; the
  snapshot and the streaming parts are printed separately);
* server — a real Firebird 3 server on loopback (``tests/fbserver.py``):
  ``gbak -b -g host/port:<file> out.fbk`` against ``backup_to_file(server_target(...))``.

Ours runs in a child Python process that reports its own peak RSS and samples its RSS every
0.1 s (flat = the backup never holds more than a chunk); gbak's own peak RSS is shown beside.
Goals: ratio ≤ 1.1× for the streaming engine, our peak RSS < 200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PASSWORD = "Bench#Pass-1"


def _wait(proc: subprocess.Popen) -> resource.struct_rusage:
    """This child's own resource use (wait4), not the maximum over every child so far."""
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{proc.args[0]} failed with exit code {proc.returncode}")
    return usage


def _hwm_mb(pid: int | str = "self") -> float | None:
    """Peak resident memory of one process image (VmHWM; unlike ru_maxrss it is not inherited
    from the parent at fork)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _gbak(args: list[str], env: dict[str, str]) -> dict:
    started = time.monotonic()
    proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak = 0.0
    # waitid with WNOWAIT: notice the exit without reaping, so wait4 still gets the usage.
    while os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT | os.WNOHANG) is None:
        peak = max(peak, _hwm_mb(proc.pid) or 0.0)
        time.sleep(0.05)
    usage = _wait(proc)
    return {"seconds": time.monotonic() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss_mb": peak}


def _ours(mode: str, file: Path, out: Path, work: Path, host: str = "", port: int = 0) -> dict:
    args = [sys.executable, __file__, "--child", mode, "--file", str(file), "--out", str(out),
            "--work", str(work), "--host", host, "--port", str(port)]
    env = dict(os.environ, BENCH_PASSWORD=PASSWORD)  # not on the child's command line
    with tempfile.TemporaryFile() as report:
        proc = subprocess.Popen(args, env=env, stdout=report)
        _wait(proc)
        report.seek(0)
        return json.loads(report.read())


def child(args: argparse.Namespace) -> None:
    """One backup by our engine; prints timings and memory as JSON."""
    import threading

    import psutil

    from collector.database import (
        Credentials,
        backup_to_file,
        embedded_target,
        server_target,
    )

    me = psutil.Process()
    samples: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            samples.append(me.memory_info().rss)

    sampler = threading.Thread(target=sample, daemon=True)
    rss_start = me.memory_info().rss
    sampler.start()
    if args.child == "embedded":
        target = embedded_target(Path(args.file))
        creds = None
    else:
        target = server_target(args.host, args.port, args.file)
        creds = [Credentials("SYSDBA", os.environ["BENCH_PASSWORD"])]
    started = time.monotonic()
    result = backup_to_file(target, Path(args.out), credentials=creds, work_dir=Path(args.work),
                            engine=args.engine)
    seconds = time.monotonic() - started
    done.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "seconds": seconds,
        "snapshot_seconds": result.snapshot_seconds,
        "bytes": result.bytes_written,
        "engine": result.engine,
        "maxrss_mb": _hwm_mb() or usage.ru_maxrss / 1024,
        "rss_start_mb": rss_start / 2**20,
        "rss_samples_mb": [round(s / 2**20, 1) for s in samples],
        "cpu": usage.ru_utime + usage.ru_stime,
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each (median is reported)")
    ap.add_argument("--mode", choices=["embedded", "server", "both"], default="both")
    ap.add_argument("--engine", choices=["auto", "gbak", "services"], default="auto")
    ap.add_argument("--work", type=Path, help="work folder (default: a temp folder)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", choices=["embedded", "server"], help=argparse.SUPPRESS)
    ap.add_argument("--file", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--host", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return

    from bench.shopdb import shop_database

    source = shop_database(args.size_mb)
    work = Path(tempfile.mkdtemp(prefix="bench-db-", dir=args.work))
    report: dict = {"size_mb": round(source.stat().st_size / 2**20), "repeat": args.repeat,
                    "engine": args.engine}
    try:
        file = work / "main.fdb"
        shutil.copyfile(source, file)
        env = dict(os.environ, ISC_USER="SYSDBA")
        env.pop("ISC_PASSWORD", None)
        modes = ["embedded", "server"] if args.mode == "both" else [args.mode]
        for mode in modes:
            server = None
            try:
                if mode == "server":
                    from tests.fbserver import FirebirdServer

                    server = FirebirdServer(work / "server", password=PASSWORD).start()
                    genv = dict(env, ISC_PASSWORD=PASSWORD)
                    gbak_args = ["gbak", "-b", "-g", f"{server.address}:{file}",
                                 str(work / "gbak.fbk")]
                else:
                    genv = env
                    gbak_args = ["gbak", "-b", "-g", str(file), str(work / "gbak.fbk")]
                base_runs, our_runs = [], []
                for _ in range(args.repeat):
                    base_runs.append(_gbak(gbak_args, genv))
                    (work / "gbak.fbk").unlink()
                    our_runs.append(_ours(mode, file, work / "ours.fbk", work,
                                          server.host if server else "",
                                          server.port if server else 0))
                    (work / "ours.fbk").unlink()
                report[mode] = _summary(base_runs, our_runs)
            finally:
                if server is not None:
                    server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _print(report, args.json)


def _summary(base: list[dict], ours: list[dict]) -> dict:
    b = statistics.median(r["seconds"] for r in base)
    o = statistics.median(r["seconds"] for r in ours)
    snap = [r["snapshot_seconds"] for r in ours if r["snapshot_seconds"] is not None]
    snap_s = statistics.median(snap) if snap else None
    stream = o - (snap_s or 0)
    samples = [s for r in ours for s in r["rss_samples_mb"]]
    best_b = min(r["seconds"] for r in base)
    best_o = min(r["seconds"] - (r["snapshot_seconds"] or 0) for r in ours)
    return {
        "best_ratio_without_snapshot": round(best_o / best_b, 3),
        "gbak_seconds": round(b, 2),
        "ours_seconds": round(o, 2),
        "ratio": round(o / b, 3),
        "snapshot_seconds": round(snap_s, 2) if snap_s is not None else None,
        "ours_without_snapshot_seconds": round(stream, 2),
        "ratio_without_snapshot": round(stream / b, 3),
        "backup_mb": round(ours[0]["bytes"] / 2**20),
        "engine": ours[0]["engine"],
        "ours_peak_rss_mb": round(max(r["maxrss_mb"] for r in ours), 1),
        "ours_rss_min_max_mb": [min(samples), max(samples)] if samples else None,
        "ours_cpu_s": round(statistics.median(r["cpu"] for r in ours), 2),
        "gbak_peak_rss_mb_baseline": round(max(r["maxrss_mb"] for r in base), 1),
        "runs": {"gbak": [round(r["seconds"], 2) for r in base],
                 "ours": [round(r["seconds"], 2) for r in ours]},
    }


def _print(report: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2))
        return
    print(f"database: {report['size_mb']} MB, {report['repeat']} run(s) each, median")
    for mode in ("embedded", "server"):
        r = report.get(mode)
        if not r:
            continue
        print(f"\n[{mode}] engine={r['engine']}, backup {r['backup_mb']} MB")
        print(f"  gbak -b -g            {r['gbak_seconds']:8.2f} s   runs {r['runs']['gbak']}")
        print(f"  ours                  {r['ours_seconds']:8.2f} s   runs {r['runs']['ours']}")
        if r["snapshot_seconds"] is not None:
            print(f"    of which snapshot   {r['snapshot_seconds']:8.2f} s "
                  "(private copy: the customer's file stays byte-for-byte unchanged)")
            print(f"    streaming backup    {r['ours_without_snapshot_seconds']:8.2f} s   "
                  f"ratio {r['ratio_without_snapshot']:.2f}x (goal <= 1.1x)")
        print(f"  ratio ours/gbak       {r['ratio']:8.2f}x" +
              ("  (goal <= 1.1x)" if r["snapshot_seconds"] is None else ""))
        print(f"  best of runs          {r['best_ratio_without_snapshot']:8.2f}x  (fastest "
              "streaming run of ours / fastest gbak: the least disturbed by other load)")
        lo, hi = r["ours_rss_min_max_mb"] or (0, 0)
        print(f"  our peak RSS          {r['ours_peak_rss_mb']:8.1f} MB  (samples {lo}–{hi} MB; "
              f"goal flat, < 200 MB)")
        print(f"  gbak peak RSS         {r['gbak_peak_rss_mb_baseline']:8.1f} MB  "
              "(its own engine and page cache; the same gbak runs under ours)")


if __name__ == "__main__":
    main()
