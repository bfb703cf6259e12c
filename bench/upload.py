"""Upload throughput on loopback against `curl -T`, same file, same real tus server.

    .venv/bin/python bench/upload.py [--size-mb 256] [--chunk-mb 4 16] [--runs 3]

Baseline: curl creates the upload (POST with Upload-Length) and sends the whole file in one
PATCH (`curl -T FILE -X PATCH`, tus headers, no Expect: 100-continue): the least work a tus
upload can be. The collector does what it does for a user: OPTIONS (size limit), POST with
metadata, PATCHes of `chunk` bytes each with progress and cancel checks, state saved to the user
data dir. The bundle has its `.sha256` beside it, as the bundle writer leaves it; the cost of
hashing when it is missing is printed separately. Runs alternate (curl, collector, …) and the
medians are compared. Goal: collector throughput ≥ 0.8 × curl.
"""

from __future__ import annotations

import argparse
import hashlib
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

from collector.bundle.hashing import sha256_of_file  # noqa: E402
from collector.delivery.upload import Uploader  # noqa: E402
from tests.tus_server.harness import TusServer  # noqa: E402

NAME = "GBS-Support_01234567_2026-11-20_20261120-101500.7z"


def make_file(folder: Path, size: int) -> Path:
    path = folder / NAME
    block = os.urandom(1 << 20)
    h = hashlib.sha256()
    with open(path, "wb") as f:
        left = size
        while left > 0:
            chunk = block[: min(left, len(block))]
            f.write(chunk)
            h.update(chunk)
            left -= len(chunk)
    (folder / f"{NAME}.sha256").write_text(f"{h.hexdigest()}  {NAME}\n")
    return path


def curl_upload(url: str, path: Path) -> float:
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


def collector_upload(url: str, path: Path, chunk: int, data_dir: Path) -> float:
    shutil.rmtree(data_dir, ignore_errors=True)
    os.environ["GBS_COLLECTOR_DATA_DIR"] = str(data_dir)
    t = time.perf_counter()
    u = Uploader(url, chunk_size=chunk)
    u.upload(path)
    u.close()
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=int, default=256)
    ap.add_argument("--chunk-mb", type=float, nargs="+", default=[4.0, 16.0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if shutil.which("curl") is None:
        print("curl is not installed", file=sys.stderr)
        return 2
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        os.environ.pop(name, None)
    size = args.size_mb << 20
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as tmp:
        tmpdir = Path(tmp)
        (tmpdir / "in").mkdir()
        path = make_file(tmpdir / "in", size)
        with TusServer(tmpdir / "store") as server:
            def clean_store() -> None:
                for p in (tmpdir / "store").iterdir():
                    p.unlink()

            curl_upload(server.url, path)  # warm-up: page cache, server JIT
            clean_store()
            print(f"file: {args.size_mb} MiB random, tus server: {server.url}")
            results: dict[str, list[float]] = {"curl": []}
            for c in args.chunk_mb:
                results[f"collector chunk {c:g} MiB"] = []
            for _ in range(args.runs):
                results["curl"].append(curl_upload(server.url, path))
                clean_store()
                for c in args.chunk_mb:
                    results[f"collector chunk {c:g} MiB"].append(
                        collector_upload(server.url, path, int(c * (1 << 20)), tmpdir / "data"))
                    clean_store()
            base = statistics.median(results["curl"])
            print(f"{'':28} {'median s':>9} {'MiB/s':>8} {'× curl':>7}")
            for name, times in results.items():
                med = statistics.median(times)
                print(f"{name:28} {med:9.3f} {args.size_mb / med:8.1f} {base / med:7.2f}")
            t = time.perf_counter()
            sha256_of_file(path)
            hs = time.perf_counter() - t
            print(f"sha256 of the file when no .sha256 is beside it: {hs:.3f} s "
                  f"({args.size_mb / hs:.0f} MiB/s), once per bundle, before the upload")
            best = max(base / statistics.median(v) for k, v in results.items() if k != "curl")
            print(f"goal ≥ 0.80 × curl: {'met' if best >= 0.8 else 'NOT met'} ({best:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
