"""bench/bundle: the bundle writer against ``gbak -b`` + ``7z a -mx5`` on the same database.

One run prints: our total time / (gbak to a file, then 7z on it, run in turn), our archive size /
7z's, our peak RSS. "Ours" is the real path: ``gbak -b DB stdout`` piped into
``BundleWriter.add_stream`` (compressed while gbak is still writing), a few small entries, the
manifest, the read-back verification, the rename — measured in a child process so its peak RSS
is ours alone (gbak's own memory is not counted on either side).

    bench/bundle                     # ~1 GB demo database, cached under .cache/bench
    bench/bundle --size-mb 128       # quick
    bench/bundle --grid              # several presets / dictionaries against one baseline
    bench/bundle --password x        # with AES-256 and encrypted headers

Goals (issue 6): time ≤ 1.0×, size ≤ 1.05×, peak RSS ≤ 200 MB.

Note — how the defaults were chosen (2 shared cores, Firebird 3.0 gbak, 7-Zip 26.02 -mx5 which
uses a 32 MiB dictionary). Python's lzma runs on one core, so blocks are compressed on two
worker threads (collector.bundle.streaming.ParallelLzma2); each bt4 encoder costs ~12 × its
dictionary.
``--grid`` on the 256 MB demo database (314 MiB backup), time / size against gbak + 7z:

    preset 3, dict 4 MiB, block 16:  0.37×  1.136×  154 MB   (hc4 "fast" mode: too big)
    preset 5, dict 4 MiB, block 16:  0.87×  0.971×  181 MB
    preset 5, dict 4 MiB, block  8:  0.77×  0.992×  157 MB
    preset 6, dict 4 MiB, block 16:  1.02×  0.924×  183 MB   (too slow)
    preset 5, dict 8 MiB, 1 thread:  1.50×  0.988×  198 MB   (one core: too slow)
    preset 5, dict 2 MiB, block  8:  0.70×  1.012×  112 MB
    preset 5, dict 3 MiB, block 12:  0.68×  0.980×  154 MB

At 1 GB (1258 MiB backup) 7z's 32 MiB dictionary pays off and preset 5 / 3 MiB fell to 1.054× in
size. The search length (nice_len; 32 in preset 5, 64 in preset 6) buys it back cheaply,
measured on that backup with the same block compressor: nice_len 32 → 40 → 48 → 56 → 64 gives
1.060 → 1.008 → 1.003 → 0.995 → 1.000× for 51 → 51 → 54 → 65 → 64 CPU seconds. Chosen: preset 5,
dictionary 3 MiB, nice_len 48, two threads, 12 MiB blocks (7-Zip's block = 4 × dictionary).
Full run, ``bench/bundle`` (1609 MiB database): gbak 5.9 s + 7z 37.1 s = 43.0 s; ours 33.1 s →
time 0.77×, size 1.009×, peak RSS 152 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CACHE = REPO / ".cache" / "bench"
GOALS = {"time": 1.0, "size": 1.05, "rss_mb": 200}
GRID = [  # (preset, dict MiB, workers, block MiB, nice_len): the candidates compared with --grid
    (3, 4, 2, 16, 0), (5, 4, 2, 16, 0), (5, 4, 2, 8, 0), (6, 4, 2, 16, 0), (5, 8, 1, 32, 0),
    (5, 2, 2, 8, 0), (5, 3, 2, 12, 0), (6, 3, 2, 12, 0), (5, 3, 2, 12, 48),
]


def demo_database(size_mb: int) -> Path:
    from collector.demo_db import create_demo_database, rows_for_size

    path = CACHE / f"demo-{size_mb}.fdb"
    if not path.exists():
        print(f"создаю демо-базу ~{size_mb} МБ: {path}", file=sys.stderr, flush=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.fdb")
        create_demo_database(tmp, **rows_for_size(size_mb))
        os.replace(tmp, path)  # other benches may share the cache: publish whole files only
    return path


def gbak_cmd(db: Path, target: str) -> list[str]:
    return ["gbak", "-b", "-user", "SYSDBA", str(db), target]


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a command (CPU: a second view on a machine shared with others)."""
    c, t = children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t, children_cpu() - c


def baseline(db: Path, work: Path) -> dict:
    fbk, arc = work / "base.fbk", work / "base.7z"
    t_gbak, c_gbak = run_timed(gbak_cmd(db, str(fbk)))
    t_7z, c_7z = run_timed(["7z", "a", "-mx5", "-bd", str(arc), str(fbk)])
    out = {"gbak_s": t_gbak, "7z_s": t_7z, "total_s": t_gbak + t_7z, "cpu_s": c_gbak + c_7z,
           "fbk_bytes": fbk.stat().st_size, "size": arc.stat().st_size}
    fbk.unlink()
    arc.unlink()
    return out


def ours(db: Path, work: Path, preset: int, dict_mb: int, workers: int, block_mb: int,
         nice: int, password: str | None) -> dict:
    out_dir = work / f"ours-p{preset}-d{dict_mb}-w{workers}-b{block_mb}-n{nice}"
    cmd = [sys.executable, __file__, "--child", str(db), str(out_dir), str(preset), str(dict_mb),
           str(workers), str(block_mb), str(nice)]
    env = dict(os.environ)
    if password:
        env["BENCH_PASSWORD"] = password  # not on the command line
    t = time.perf_counter()
    res = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    total = time.perf_counter() - t
    data = json.loads(res.stdout)
    data["total_s"] = total
    shutil.rmtree(out_dir, ignore_errors=True)
    return data


def child(db: Path, out_dir: Path, preset: int, dict_mb: int, workers: int,
          block_mb: int, nice: int) -> None:
    """The measured run (a separate process: its peak RSS is ours alone)."""
    from collector.bundle import BundleWriter
    from collector.bundle.names import CHUNK

    password = os.environ.get("BENCH_PASSWORD") or None

    def gbak_producer(out) -> None:
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(gbak_cmd(db, "stdout"), stdout=subprocess.PIPE, stderr=err)
            try:
                assert proc.stdout is not None
                while chunk := proc.stdout.read(CHUNK):
                    out.write(chunk)
            except BaseException:
                proc.kill()
                raise
            finally:
                rc = proc.wait()
            if rc:
                err.seek(0)
                raise RuntimeError(f"gbak exit {rc}: {err.read().decode(errors='replace')}")

    t = time.perf_counter()
    with BundleWriter(out_dir, "bench", password=password, preset=preset,
                      dict_size=dict_mb << 20, workers=workers, block_size=block_mb << 20,
                      nice_len=nice or None) as w:
        w.add_bytes("Запрос в поддержку\n".encode() * 50, "request.txt")
        w.add_bytes(b'{"topic": "errors"}', "request.json")
        w.add_stream("database/main.fbk", gbak_producer)
        result = w.finish({"schema": "gbs-support-bundle/1"})
    seconds = time.perf_counter() - t
    usage = resource.getrusage(resource.RUSAGE_SELF)
    json.dump({"writer_s": seconds, "size": result.size,
               "fbk_bytes": result.manifest["files"][2]["size"],
               "rss_mb": peak_rss_mb(), "cpu_s": usage.ru_utime + usage.ru_stime,
               "gbak_cpu_s": children_cpu()},
              sys.stdout)


def collect_run(db: Path, work: Path, password: str | None) -> dict:
    """The product itself: ``python -m collector collect`` on a demo installation whose
    main.fdb is the bench database (the embedded path: private snapshot, gbak, archive, checks).
    Peak RSS is the collector process's own, sampled; gbak's is not counted on either side."""
    import psutil

    from collector.demo import DATA_DIR, build_demo

    root = work / "C"
    info = build_demo(root, with_database=False)
    target = root / Path(*DATA_DIR.split("\\")) / "main.fdb"
    try:
        os.link(db, target)  # same disk: no copy needed to stand the database in
    except OSError:
        shutil.copy2(db, target)
    out = work / "collect-out"
    env = {**os.environ, "GBS_COLLECTOR_DATA_DIR": str(work / "userdata")}
    if password:
        env["GBS_COLLECTOR_PASSWORD"] = password
    cmd = [sys.executable, "-m", "collector", "collect", "--root", str(root), "--date",
           info.today.isoformat(), "--out", str(out), "--json"]
    if password:
        cmd.append("--password")
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    peak = 0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            peak = max(peak, ps.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.02)
    stdout, stderr = proc.communicate()
    total = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"collect exit {proc.returncode}: {stderr[-2000:]}")
    result = json.loads(stdout)
    size = sum(Path(p).stat().st_size for p in result["bundle"])
    fbk = next(f["size"] for f in result["manifest"]["files"] if f["path"] == "database/main.fbk")
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(root, ignore_errors=True)
    return {"total_s": total, "size": size, "rss_mb": peak / 2**20, "fbk_bytes": fbk}


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM rather than ru_maxrss, which Linux carries over
    fork+exec from the parent."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except OSError:
        import psutil  # Windows: peak working set

        return psutil.Process().memory_info().peak_wset / 2**20


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        db, out_dir, *numbers = sys.argv[2:9]
        child(Path(db), Path(out_dir), *map(int, numbers))
        return 0
    from collector.bundle import (
        DEFAULT_BLOCK_SIZE,
        DEFAULT_DICT_SIZE,
        DEFAULT_NICE_LEN,
        DEFAULT_PRESET,
        DEFAULT_WORKERS,
    )

    ap = argparse.ArgumentParser(prog="bench/bundle", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=1024, help="demo database size (rows_for_size)")
    ap.add_argument("--db", type=Path, help="an existing database instead of the demo one")
    ap.add_argument("--preset", type=int, default=DEFAULT_PRESET)
    ap.add_argument("--dict-mb", type=int, default=DEFAULT_DICT_SIZE >> 20)
    ap.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    ap.add_argument("--block-mb", type=int, default=DEFAULT_BLOCK_SIZE >> 20)
    ap.add_argument("--nice-len", type=int, default=DEFAULT_NICE_LEN,
                    help="0: the preset's own")
    ap.add_argument("--password", help="also encrypt (AES-256, encrypted headers)")
    ap.add_argument("--grid", action="store_true", help="try the GRID of settings")
    ap.add_argument("--collect", action="store_true",
                    help="also time the whole product: `collector collect` on a demo root")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temp dir)")
    args = ap.parse_args()

    db = args.db or demo_database(args.size_mb)
    work = Path(tempfile.mkdtemp(prefix="bench-bundle-", dir=args.work))
    try:
        print(f"база: {db} ({db.stat().st_size / 2**20:.0f} МиБ), ядер: {os.cpu_count()}",
              flush=True)
        base = baseline(db, work)
        print(f"эталон: gbak -b в файл {base['gbak_s']:.1f} с + 7z a -mx5 {base['7z_s']:.1f} с "
              f"= {base['total_s']:.1f} с (процессор {base['cpu_s']:.1f} с); .fbk "
              f"{base['fbk_bytes'] / 2**20:.0f} МиБ → {base['size']} байт", flush=True)
        configs = GRID if args.grid else [(args.preset, args.dict_mb, args.workers,
                                           args.block_mb, args.nice_len)]
        ok = True
        for preset, dict_mb, workers, block_mb, nice in configs:
            r = ours(db, work, preset, dict_mb, workers, block_mb, nice, args.password)
            t_ratio = r["total_s"] / base["total_s"]
            s_ratio = r["size"] / base["size"]
            passed = (t_ratio <= GOALS["time"] and s_ratio <= GOALS["size"]
                      and r["rss_mb"] <= GOALS["rss_mb"])
            ok = ok and passed
            cpu = r["cpu_s"] + r["gbak_cpu_s"]
            print(f"наш (preset {preset}, словарь {dict_mb} МиБ, потоков {workers}, "
                  f"блок {block_mb} МиБ, nice_len {nice or 'пресета'}"
                  f"{', AES' if args.password else ''}): "
                  f"{r['total_s']:.1f} с (процессор {cpu:.1f} с, из них gbak "
                  f"{r['gbak_cpu_s']:.1f} с), {r['size']} байт, пик RSS {r['rss_mb']:.0f} МБ",
                  flush=True)
            print(f"  время {t_ratio:.2f}× (цель ≤ {GOALS['time']}; процессорное "
                  f"{cpu / base['cpu_s']:.2f}×), размер {s_ratio:.3f}× "
                  f"(цель ≤ {GOALS['size']}), RSS {r['rss_mb']:.0f} МБ (цель ≤ "
                  f"{GOALS['rss_mb']}) — {'OK' if passed else 'НЕ ДОСТИГНУТО'}", flush=True)
            if r["fbk_bytes"] != base["fbk_bytes"]:
                print(f"  ! размер .fbk различается: {r['fbk_bytes']} и {base['fbk_bytes']}")
        if args.collect:
            r = collect_run(db, work, args.password)
            t_ratio, s_ratio = r["total_s"] / base["total_s"], r["size"] / base["size"]
            passed = (t_ratio <= GOALS["time"] and s_ratio <= GOALS["size"]
                      and r["rss_mb"] <= GOALS["rss_mb"])
            ok = ok and passed
            print(f"collect целиком (снимок базы, gbak, архив, проверка): {r['total_s']:.1f} с, "
                  f"{r['size']} байт, пик RSS {r['rss_mb']:.0f} МБ", flush=True)
            print(f"  время {t_ratio:.2f}× (цель ≤ {GOALS['time']}), размер {s_ratio:.3f}× "
                  f"(цель ≤ {GOALS['size']}), RSS {r['rss_mb']:.0f} МБ (цель ≤ "
                  f"{GOALS['rss_mb']}) — {'OK' if passed else 'НЕ ДОСТИГНУТО'}", flush=True)
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
