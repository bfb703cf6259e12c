"""Delivery throughput on loopback against native clients, same file, same server, side by side.

    .venv/bin/python bench/upload.py [--size-mb 256] [--chunk-mb 4 16] [--runs 3]
        [--only intake|tus]

Intake (the desk's channel, GBS_MARKET.md §11): the collector's ``Sender`` (what «Отправить в
поддержку» does: the outbox entry, the bundle's request text and manifest read, the message
composed, the multipart body streamed with every block checked against the ``.sha256``, the task
number into the history) against ``curl -F`` posting the same three parts to the same loopback
intake (``tests/intake_server.py``). Goal: collector throughput ≥ 0.9 × curl.

tus (the large-file channel): the collector's ``Uploader`` (OPTIONS, POST with metadata, PATCHes
of ``chunk`` bytes with progress, cancel and the checksum check, state saved) against curl
creating the upload and sending the whole file in one PATCH (``curl -T``), the least work a tus
upload can be, on the real tus server (``tests/tus_server``). Goal: ≥ 0.8 × curl.

The bundle is made by the product's own ``BundleWriter`` (random data, so LZMA2 stores it; the
request text, the form and the manifest in 7z folders of their own, as every collected bundle
has them) with its ``.sha256`` beside it. Runs alternate (curl, collector, …); min and median
of each are printed, and the ratio of medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collector.bundle import sha256_of_file  # noqa: E402
from collector.delivery.send import Sender  # noqa: E402
from collector.delivery.upload import Uploader  # noqa: E402
from collector.settings import Settings  # noqa: E402
from tests.intake_server import IntakeServer  # noqa: E402
from tests.tus_server.harness import GBS_ID, REQUEST_TXT, TusServer  # noqa: E402


def fresh_data_dir(data_dir: Path) -> None:
    shutil.rmtree(data_dir, ignore_errors=True)
    os.environ["GBS_COLLECTOR_DATA_DIR"] = str(data_dir)


def product_bundle(folder: Path, payload: int) -> Path:
    """A bundle as ``collect`` leaves it: written by ``BundleWriter``; ``payload`` random bytes
    as the database (LZMA2 finds nothing to squeeze and stores them)."""
    import json
    import random

    from collector.bundle import BundleWriter

    folder.mkdir(parents=True, exist_ok=True)
    blob = folder / "main.fbk"
    rnd = random.Random(1)
    with blob.open("wb") as f:
        for i in range(0, payload, 16 << 20):
            f.write(rnd.randbytes(min(16 << 20, payload - i)))
    form = {"topic": "errors", "problem_date": "2026-11-20", "questions": ["Журнал продаж"],
            "previous_request": "AB12-CD34", "symptoms": [], "contact": {}, "attachments": [],
            "include_database": True}
    name = "GBS-Support_01234567_2026-11-20_20261120-100001"
    with BundleWriter(folder, name, preset=0) as w:
        w.add_bytes(REQUEST_TXT.encode("utf-8"), "request.txt")
        w.add_bytes(json.dumps(form, ensure_ascii=False).encode("utf-8"), "request.json")
        w.add_file(blob, "database/main.fbk")
        result = w.finish({
            "schema": "gbs-support-bundle/1", "created_at": "2026-11-20T10:15:00+03:00",
            "gbs_market": {"version": "6.3.0.1693"}, "gbs_id": GBS_ID, "topic": "errors",
            "problem_date": "2026-11-20"})
    blob.unlink()
    return result.paths[0]


# --- intake ---------------------------------------------------------------------------------------

def curl_intake(url: str, path: Path) -> float:
    t = time.perf_counter()
    subprocess.run(
        ["curl", "-sS", "--noproxy", "*", "--fail", "-o", "/dev/null", "-H", "Expect:",
         "-F", "message=bench request;type=text/plain;charset=utf-8",
         "-F", "email=bench@example.ru;type=text/plain;charset=utf-8",
         "-F", f"file=@{path};filename={path.name}", url], check=True)
    return time.perf_counter() - t


def collector_intake(url: str, path: Path, data_dir: Path) -> float:
    """``Sender.send`` in a child process of its own, as curl is one: the intake server runs on
    a thread of this process, and sharing its GIL would slow only our side. Timed in the child
    from the call (imports excluded; curl's figure includes its process start)."""
    out = subprocess.run([sys.executable, __file__, "--child-intake", url, str(path),
                          str(data_dir)], check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def child_intake(url: str, path: Path, data_dir: Path) -> None:
    fresh_data_dir(data_dir)
    sender = Sender(Settings(intake_url=url, intake_max_mb=1 << 20))
    t = time.perf_counter()
    sender.send(path)
    print(f"{time.perf_counter() - t:.6f}")


def bench_intake(path: Path, tmpdir: Path, runs: int, size_mb: float) -> float:
    with IntakeServer(tmpdir / "intake-check") as check:  # one checked run: the bytes arrive
        collector_intake(check.url, path, tmpdir / "data")
        post = next(iter(check.tasks.values()))
        assert post.file is not None and post.file.sha256() == sha256_of_file(path), "bytes differ"
    with IntakeServer(tmpdir / "intake", keep_bodies=False, file_type_allowed=True) as server:
        curl_intake(server.url, path)  # warm-up: page cache
        results: dict[str, list[float]] = {"curl -F": [], "collector intake": []}
        for _ in range(runs):
            results["curl -F"].append(curl_intake(server.url, path))
            results["collector intake"].append(collector_intake(server.url, path,
                                                                tmpdir / "data"))
        assert all(p.outcome == "task" for p in server.posts), [p.outcome for p in server.posts]
    return report(results, "curl -F", size_mb, 0.9)


# --- tus ------------------------------------------------------------------------------------------

def curl_tus(url: str, path: Path) -> float:
    size = path.stat().st_size
    t = time.perf_counter()
    head = subprocess.run(
        ["curl", "-sS", "--noproxy", "*", "-X", "POST", "-D", "-", "-o", "/dev/null",
         "-H", "Tus-Resumable: 1.0.0", "-H", f"Upload-Length: {size}", url],
        capture_output=True, text=True, check=True).stdout
    location = next(line.split(":", 1)[1].strip() for line in head.splitlines()
                    if line.lower().startswith("location:"))
    subprocess.run(
        ["curl", "-sS", "--noproxy", "*", "-X", "PATCH", "-T", str(path), "-o", "/dev/null",
         "-H", "Tus-Resumable: 1.0.0", "-H", "Upload-Offset: 0", "-H", "Expect:",
         "-H", "Content-Type: application/offset+octet-stream", "--fail", location],
        check=True)
    return time.perf_counter() - t


def collector_tus(url: str, path: Path, chunk: int, data_dir: Path) -> float:
    fresh_data_dir(data_dir)
    t = time.perf_counter()
    u = Uploader(url, chunk_size=chunk)
    u.upload(path)
    u.close()
    return time.perf_counter() - t


def bench_tus(path: Path, tmpdir: Path, runs: int, size_mb: float,
              chunks: list[float]) -> float:
    with TusServer(tmpdir / "store") as server:
        def clean_store() -> None:
            for p in (tmpdir / "store").iterdir():
                p.unlink()

        curl_tus(server.url, path)  # warm-up: page cache, server JIT
        clean_store()
        results: dict[str, list[float]] = {"curl -T": []}
        for c in chunks:
            results[f"collector tus chunk {c:g} MiB"] = []
        for _ in range(runs):
            results["curl -T"].append(curl_tus(server.url, path))
            clean_store()
            for c in chunks:
                results[f"collector tus chunk {c:g} MiB"].append(
                    collector_tus(server.url, path, int(c * (1 << 20)), tmpdir / "data"))
                clean_store()
    return report(results, "curl -T", size_mb, 0.8)


def report(results: dict[str, list[float]], base_name: str, size_mb: float, goal: float) -> float:
    base = statistics.median(results[base_name])
    print(f"{'':30} {'min s':>7} {'median s':>9} {'MiB/s':>8} {'× ' + base_name:>10}")
    for name, times in results.items():
        med = statistics.median(times)
        print(f"{name:30} {min(times):7.3f} {med:9.3f} {size_mb / med:8.1f} {base / med:10.2f}")
    best = max(base / statistics.median(v) for k, v in results.items() if k != base_name)
    print(f"goal ≥ {goal:.2f} × {base_name}: {'met' if best >= goal else 'NOT met'} "
          f"({best:.2f})\n")
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=int, default=256)
    ap.add_argument("--chunk-mb", type=float, nargs="+", default=[4.0, 16.0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=("intake", "tus"))
    ap.add_argument("--child-intake", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_intake:
        url, path, data = args.child_intake
        child_intake(url, Path(path), Path(data))
        return 0
    if shutil.which("curl") is None:
        print("curl is not installed", file=sys.stderr)
        return 2
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as tmp:
        tmpdir = Path(tmp)
        bundle = product_bundle(tmpdir / "in", args.size_mb << 20)
        size_mb = bundle.stat().st_size / (1 << 20)
        print(f"bundle: {bundle.name}, {size_mb:.1f} MiB (BundleWriter, random data), "
              f"runs: {args.runs}")
        if args.only in (None, "intake"):
            print("intake (multipart POST, loopback intake server)")
            bench_intake(bundle, tmpdir, args.runs, size_mb)
        if args.only in (None, "tus"):
            print("tus (loopback @tus/server)")
            bench_tus(bundle, tmpdir, args.runs, size_mb, args.chunk_mb)
        t = time.perf_counter()
        sha256_of_file(bundle)
        hs = time.perf_counter() - t
        print(f"sha256 of the bundle when no .sha256 is beside it: {hs:.3f} s "
              f"({size_mb / hs:.0f} MiB/s), once per bundle, before sending")
    return 0


if __name__ == "__main__":
    sys.exit(main())
