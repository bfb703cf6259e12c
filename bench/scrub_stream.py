"""Benchmark: what scrubbing costs a log on its way into the bundle, against the unscrubbed copy.

    .venv/bin/python bench/scrub_stream.py [--mb 200] [--rounds 5]

Builds one busy shop's day (``demo_logs.write_big_day``: trace.log with multi-line JSON errors,
about ``mb`` MB) with a few hundred lines carrying secrets (Bearer headers, bot URLs, a config's
password), and a UTF-16 copy of its first quarter (backup.log is UTF-16). Cached under
``.cache/bench/``. Then, in the same run, alternating, ``rounds`` times each:

* read: the file read in 1 MiB pieces as the bundle reads it, plain vs through ScrubbingReader
  (a token map primed with ten config secrets, as a collection has it);
* bundle: the file packed into a real bundle (BundleWriter, LZMA2, verified), plain vs through
  the RedactingWriter front: the cost a user actually waits for.

Prints min and median seconds, MB/s and the ratio scrubbed / plain for each.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from collector import demo_logs  # noqa: E402
from collector.bundle import BundleWriter  # noqa: E402
from collector.redact import RedactingWriter, ScrubbingReader, TextScrubber, TokenMap  # noqa: E402

DAY = date(2026, 11, 19)
SECRET_LINES = [
    "19.11.2026 12:00:00.0000 | DEBUG | Market.Http.Send | Authorization: Bearer "
    "bench0TOKEN{n:05d}abcdef | \r\n",
    "19.11.2026 12:00:01.0000 | DEBUG | Market.Telegram.Send | POST https://api.telegram.org/"
    "bot7012345678:AAHbenchBotTokenValue0123456789ab/sendMessage | \r\n",
    "19.11.2026 12:00:02.0000 | ERROR | Market.Sync.Connect | login failed: Fb-Bench-Pa55 | \r\n",
]


def build(cache: Path, mb: float) -> tuple[Path, Path]:
    folder = cache / f"scrub-v1-{mb:g}MB"
    utf8, utf16 = folder / "trace.log", folder / "backup-utf16.log"
    if utf8.is_file() and utf16.is_file():
        return utf8, utf16
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"generating {mb:g} MB of logs in {folder} (once) …", flush=True)
    demo_logs.write_big_day(tmp, DAY, target_bytes=int(mb * 2**20), version="6.6.12.2634",
                            errors=200, seed=1)
    with open(tmp / "trace.log", "a", encoding="utf-8", newline="") as f:
        for n in range(300):
            f.write(SECRET_LINES[n % 3].format(n=n))
    text = (tmp / "trace.log").read_bytes()[: int(mb * 2**20) // 4].decode("utf-8", "ignore")
    (tmp / "backup-utf16.log").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    for p in tmp.iterdir():
        if p.name not in ("trace.log", "backup-utf16.log"):
            p.unlink()
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return utf8, utf16


def primed() -> TextScrubber:
    tokens = TokenMap()
    for i in range(9):
        tokens.learn(f"cfg-secret-{i:02d}-{'x' * i}")
    tokens.learn("Fb-Bench-Pa55")
    return TextScrubber(tokens)


def read_plain(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            n += len(chunk)
    return n


def read_scrubbed(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        reader = ScrubbingReader(f, primed(), "logs/2026-11-19/trace.log")
        while chunk := reader.read(1 << 20):
            n += len(chunk)
    return n


def bundle(path: Path, scrub: bool) -> int:
    with tempfile.TemporaryDirectory(dir=REPO / ".cache") as out:
        with BundleWriter(Path(out), "bench") as w:
            writer = RedactingWriter(w, primed()) if scrub else w
            with open(path, "rb") as f:
                writer.add_fileobj(f, "logs/2026-11-19/" + path.name)
            result = writer.finish({"schema": "bench"})
        return result.size


def timeit(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def report(label: str, size: int, plain: list[float], scrubbed: list[float]) -> None:
    mb = size / 2**20
    for name, runs in (("plain", plain), ("scrubbed", scrubbed)):
        print(f"  {label:<14} {name:<9} min {min(runs):7.3f} s  median "
              f"{statistics.median(runs):7.3f} s  ({mb / min(runs):7.1f} MB/s)")
    print(f"  {label:<14} ratio     min {min(scrubbed) / min(plain):5.2f}×  median "
          f"{statistics.median(scrubbed) / statistics.median(plain):5.2f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cache", type=Path, default=REPO / ".cache" / "bench")
    ap.add_argument("--no-bundle", action="store_true", help="only the read comparison")
    args = ap.parse_args()
    utf8, utf16 = build(args.cache, args.mb)
    for path, enc in ((utf8, "UTF-8"), (utf16, "UTF-16")):
        size = path.stat().st_size
        read_plain(path)  # warm the page cache
        plain, scrubbed = [], []
        for _ in range(args.rounds):
            plain.append(timeit(read_plain, path))
            scrubbed.append(timeit(read_scrubbed, path))
        print(f"{enc} {path.name}: {size / 2**20:.1f} MB")
        report("read", size, plain, scrubbed)
        if args.no_bundle:
            continue
        plain, scrubbed = [], []
        for _ in range(max(1, args.rounds // 2)):
            plain.append(timeit(bundle, path, False))
            scrubbed.append(timeit(bundle, path, True))
        report("into bundle", size, plain, scrubbed)


if __name__ == "__main__":
    main()
