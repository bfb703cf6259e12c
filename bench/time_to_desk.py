"""bench/time_to_desk.py: from the start of collection to the request number, at M Mbit/s.

    .venv/bin/python bench/time_to_desk.py --size-mb 256 --mbit 10 [--runs 3]

The desk is on loopback: the intake server of the desk's contract (``tests/intake_server.py``,
GBS_MARKET.md §11: multipart ``message``/``email``/``file`` → ``{"task": N}``) and the real tus
server (``tests/tus_server``). Both sit behind one token-bucket proxy (:class:`Line`): every
byte the shop sends to either of them shares one uplink of M Mbit/s (64 KiB of burst, like a
modem's buffer); replies come back at the same rate. The database is bench/shopdb.py's (4–8:1
like a real shop's), its page cache warmed before every side.

Side by side in the same run, each from ``gbak`` on the database to the task number, each in a
child process of its own, in turn (``--runs`` times, each run starting one side later than the
one before; medians):

* **program**: GBS.Market's own form (GBS_MARKET.md §7, §11): gbak into a file, then a zip with
  deflate (DotNetZip's default level 6), then one POST of it to the intake;
* **7zz**: gbak into a file, then ``7zz a -mx5``, then the tus upload, then the POST of the
  request text naming the upload;
* **fixed:<name>**: ours with one preset of ``collector.bundle.preset.PRESETS`` forced:
  gbak streamed into the archive, each finished volume sent by tus while the next is compressed
  (``collector.delivery.overlap.SendWhileCollecting``), then the product's ``Sender``: the small
  bundle with the request text to the intake (one POST), volume 1 last; *best fixed* is the
  fastest of them. The volumes are sized for the line as the product sizes them (small ones
  first, then about 8 s on the line each), from the last upload's speed; the product's short
  probe runs once before the runs (as on a PC's first send), so no side pays it;
* **ours**: the same with the adaptive preset chosen from that speed.

``--gaps`` prints when the line stood unused during each side: where a side is not bound by
the upload (a start waiting for the first bytes, a check at the end).

The last line is exactly ``time_to_desk vs_program=<x> vs_best_fixed=<y>``: ours / theirs of the
medians. ``--calibrate`` instead measures each preset's CPU cost and ratio on the backup (the
numbers ``collector/bundle/preset.py`` is built on).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MiB = 1 << 20
BURST = 64 << 10
REQUEST = ("Обращение в поддержку GBS.Market\nТема: ошибки\nВерсия программы: 6.6.12.2634\n"
           "GBS.ID: 6:0123456789ABCDEF0123456789ABCDEF\n\n1. Не открывается журнал продаж\n")


# --- the line: one token bucket for everything the shop sends -----------------------------------

class Bucket:
    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.tokens = float(BURST)
        self.stamp = time.monotonic()
        self.total = 0  # bytes through, for the idle time of a side
        self.stamps: list[float] = []  # when each piece went (``--gaps``)

    async def take(self, n: int) -> None:
        while True:
            now = time.monotonic()
            self.tokens = min(BURST, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= n:
                self.tokens -= n
                self.total += n
                self.stamps.append(now)
                return
            await asyncio.sleep((n - self.tokens) / self.rate)


class Line:
    """TCP proxies on loopback in front of the desk's servers, all sharing one uplink bucket
    and one downlink bucket of ``mbit`` Mbit/s."""

    def __init__(self, mbit: float) -> None:
        self.rate = mbit * 1e6 / 8
        self.loop = asyncio.new_event_loop()
        self.up = self.down = None
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._servers: list = []

    def __enter__(self) -> Line:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._buckets(), self.loop).result()
        return self

    async def _buckets(self) -> None:
        self.up, self.down = Bucket(self.rate), Bucket(self.rate)

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            self.loop.call_soon_threadsafe(server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)

    def sent(self) -> int:
        """Bytes sent up so far."""
        return self.up.total if self.up is not None else 0

    def gaps(self, since: float, least: float = 0.3) -> list[tuple[float, float]]:
        """Stretches of at least ``least`` seconds with nothing sent up, from ``since``
        (monotonic) on, in seconds from it."""
        marks = [since] + [t for t in self.up.stamps if t >= since] + [time.monotonic()]
        return [(a - since, b - since) for a, b in itertools.pairwise(marks)
                if b - a >= least]

    def proxy(self, url: str) -> str:
        """The same URL, reached through the line."""
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(url)
        port = asyncio.run_coroutine_threadsafe(
            self._listen(parts.hostname, parts.port), self.loop).result()
        return urlunsplit(parts._replace(netloc=f"127.0.0.1:{port}"))

    async def _listen(self, host: str, port: int) -> int:
        async def handle(reader, writer) -> None:
            try:
                up_r, up_w = await asyncio.open_connection(host, port)
            except OSError:
                writer.close()
                return
            await asyncio.gather(self._pump(reader, up_w, self.up),
                                 self._pump(up_r, writer, self.down))

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        self._servers.append(server)
        return server.sockets[0].getsockname()[1]

    @staticmethod
    async def _pump(reader, writer, bucket: Bucket) -> None:
        try:
            while data := await reader.read(16 << 10):
                await bucket.take(len(data))
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(ConnectionError, OSError):
                writer.close()


# --- the desk's intake: one multipart POST ------------------------------------------------------

class Multipart:
    """A multipart/form-data body streamed from disk, with its length known (the intake wants a
    Content-Length, as the program sends)."""

    def __init__(self, message: str, email: str, file: Path | None, filename: str) -> None:
        self.boundary = "----gbsbench" + os.urandom(8).hex()
        b = self.boundary
        text = "text/plain; charset=utf-8"
        head = (f"--{b}\r\nContent-Disposition: form-data; name=\"message\"\r\n"
                f"Content-Type: {text}\r\n\r\n{message}\r\n"
                f"--{b}\r\nContent-Disposition: form-data; name=\"email\"\r\n"
                f"Content-Type: {text}\r\n\r\n{email}\r\n")
        self.file = file
        if file is not None:
            head += (f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; "
                     f"filename=\"{filename}\"\r\n\r\n")
        self.head = head.encode()
        self.tail = (("\r\n" if file is not None else "") + f"--{b}--\r\n").encode()
        self.length = len(self.head) + (file.stat().st_size if file else 0) + len(self.tail)

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[bytes]:
        yield self.head
        if self.file is not None:
            with open(self.file, "rb") as f:
                while block := f.read(MiB):
                    yield block
        yield self.tail


def post_intake(url: str, message: str, file: Path | None, filename: str = "backup.zip") -> int:
    import requests

    body = Multipart(message, "shop@example.org", file, filename)
    with requests.Session() as s:
        s.trust_env = False  # loopback only: never a proxy from the environment
        resp = s.post(url, data=body, timeout=(15, 3600), headers={
            "Content-Type": f"multipart/form-data; boundary={body.boundary}",
            "Content-Length": str(len(body))})
    resp.raise_for_status()
    return int(resp.json()["task"])


def message_html(extra: str = "") -> str:
    import html

    text = html.escape(REQUEST).replace("\n", "<br/>")
    return (text + extra + "<br/><br/><b>Электронная почта:</b> shop@example.org"
            "<br/><b>Режим работы программы:</b> Shop<br/><b>GBS.ID:</b> "
            "6:0123456789ABCDEF0123456789ABCDEF<br/><b>Версия программы:</b> 6.6.12.2634")


# --- the sides (each in a child process) --------------------------------------------------------

PHASES: dict[str, float] = {}  # phase → seconds from the child's start, when it ended
_T0 = time.perf_counter()


def mark(phase: str) -> None:
    PHASES[phase] = round(time.perf_counter() - _T0, 1)


def gbak_file(db: Path, fbk: Path) -> None:
    subprocess.run(["gbak", "-b", "-g", "-user", "SYSDBA", str(db), str(fbk)], check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


def side_program(db: Path, work: Path, intake: str, tus: str) -> dict:
    fbk, zpath = work / "main.fbk", work / "backup.zip"
    gbak_file(db, fbk)
    mark("backup")
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.write(fbk, "main.fbk")
        z.writestr("Logs/2026-11-30/trace.log", REQUEST * 200)
    fbk.unlink()
    mark("archive")
    size = zpath.stat().st_size
    task = post_intake(intake, message_html(), zpath, "backup.zip")
    mark("sent")
    return {"task": task, "archive": size}


def desk_settings(intake: str, tus: str):
    """The product's settings pointed at the bench's desk (loopback, through the line)."""
    from collector.settings import Settings

    return Settings(intake_url=intake, upload_url=tus, upload_retries=4,
                    upload_retry_delay_s=0.2, update_mirrors=[])


def plain_tus_upload(url: str, path: Path) -> str:
    """One tus upload of a finished file, 16 MiB per PATCH (a 7-Zip archive is not a bundle
    the collector's Uploader would send); the upload id."""
    from collector.delivery.tus import RetryPolicy, TusClient, _FileSlice

    client = TusClient(url, retry=RetryPolicy(retries=4, base_delay=0.2))
    client.session.trust_env = False  # loopback only: never a proxy from the environment
    size = path.stat().st_size
    upload = client.create(size, {"filename": path.name})
    offset = 0
    while offset < size:
        offset = client.patch(upload, _FileSlice(path, offset, min(16 << 20, size - offset),
                                                 lambda n: None, client.cancel.is_set))
    client.close()
    return upload.rstrip("/").rsplit("/", 1)[-1]


def side_7zz(db: Path, work: Path, intake: str, tus: str) -> dict:
    fbk, arc = work / "main.fbk", work / "bundle.7z"
    gbak_file(db, fbk)
    mark("backup")
    subprocess.run(["7zz", "a", "-mx5", "-bd", "-bso0", str(arc), str(fbk)], check=True,
                   stdin=subprocess.DEVNULL)
    fbk.unlink()
    mark("archive")
    code = plain_tus_upload(tus, arc)
    mark("upload")
    task = post_intake(intake, message_html(f"<br/><br/>Архив: код отправки {code}"), None)
    mark("sent")
    return {"task": task, "archive": arc.stat().st_size}


def side_ours(db: Path, work: Path, intake: str, tus: str, preset_name: str) -> dict:
    """The product's path but for the other sources: the backup streamed into the archive with
    the chosen preset, each finished volume sent while the next is compressed
    (``SendWhileCollecting``), then ``Sender.send``: the small bundle with the text to the
    intake (one POST), volume 1 last (what ``collect --send`` does after its sources). Every
    preset imports what ``collect`` has imported by then (its plan, the database source): the
    adaptive choice needs them, and a forced preset must not be spared their import."""
    from bench.bundle_bench import gbak_cmd
    from collector.bundle import BundleWriter
    from collector.bundle.names import CHUNK
    from collector.bundle.preset import PRESETS, choose, last_uplink, volume_size_for
    from collector.delivery.overlap import SendWhileCollecting
    from collector.delivery.send import Sender
    from collector.plan import learned_db_rate
    from collector.sources.database import DEFAULT_DB_RATE

    settings = desk_settings(intake, tus)
    delivery = SendWhileCollecting(settings)
    fdb_size = db.stat().st_size
    expected = int(fdb_size * 0.5)  # a backup is about half the database (plan.py's rule)
    if preset_name == "adaptive":
        source = "last upload" if last_uplink() else "probe"
        uplink = delivery.measure_uplink()
        volume = delivery.volume_size(int(expected / PRESETS[-1].ratio))
        choice = choose(expected, uplink, uplink_source=source, volume_size=volume,
                        backup_s=fdb_size / (learned_db_rate() or DEFAULT_DB_RATE))
        preset = choice.preset
        why = choice.to_json()
    else:  # the line is measured as the product measures it: the volumes are sized by it
        delivery.measure_uplink()
        preset = next(p for p in PRESETS if p.name == preset_name)
        why = {"preset": preset.name, "reason": "fixed by the bench"}
    volume = volume_size_for(last_uplink(), int(expected / preset.ratio))

    def producer(out) -> None:
        proc = subprocess.Popen(gbak_cmd(db, "stdout"), stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        assert proc.stdout is not None
        while chunk := proc.stdout.read(CHUNK):
            out.write(chunk)
        if proc.wait():
            raise RuntimeError("gbak failed")

    # A name of its own per run: the outbox knows a bundle by its name and size, and would
    # answer a rerun of the same preset with "already sent".
    name = f"GBS-Support_01234567_2026-11-30_{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    sink = delivery.sink(f"{name}.7z")
    with BundleWriter(work, name, volume_size=volume, volume_sink=sink,
                      first_volumes=delivery.first_volumes(volume), **preset.writer_args()) as w:
        w.add_bytes(REQUEST.encode(), "request.txt")
        w.add_stream("database/main.fbk", producer)
        mark("backup")
        result = w.finish({"schema": "gbs-support-bundle/1", "gbs_id": "6:0123456789ABCDEF",
                           "topic": "errors", "compression": why})
    mark("archive")
    delivery.close()
    streamed = len(sink.uploads) if sink is not None else 0
    sent = Sender(settings).send(result.paths[0])
    mark("sent")
    return {"task": int(sent.request_number), "archive": result.size, "preset": preset.name,
            "volumes": result.volumes, "volume_size": volume, "choice": why,
            "streamed": streamed}


def child(args: argparse.Namespace) -> None:
    if args.child == "probe":
        from collector.delivery.overlap import SendWhileCollecting

        speed = SendWhileCollecting(desk_settings(args.intake, args.tus)).measure_uplink()
        print(json.dumps({"uplink": speed}))
        return
    work = Path(args.work)
    t = time.perf_counter()
    if args.child == "program":
        out = side_program(Path(args.db), work, args.intake, args.tus)
    elif args.child == "7zz":
        out = side_7zz(Path(args.db), work, args.intake, args.tus)
    else:
        out = side_ours(Path(args.db), work, args.intake, args.tus, args.child.split(":")[1])
    out["seconds"] = time.perf_counter() - t
    out["phases"] = PHASES
    print(json.dumps(out))


def child_env(data_dir: Path) -> dict[str, str]:
    """A child's environment: the bench's own user data (the last upload's speed), no proxy
    (everything is on loopback)."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["GBS_COLLECTOR_DATA_DIR"] = str(data_dir / "userdata")
    return env


def run_side(name: str, db: Path, intake: str, tus: str, data_dir: Path) -> dict:
    from bench.bundle_bench import warm

    warm(db)
    with tempfile.TemporaryDirectory(prefix="ttd-", dir=data_dir) as work:
        t = time.perf_counter()
        res = subprocess.run([sys.executable, __file__, "--child", name, "--db", str(db),
                              "--work", work, "--intake", intake, "--tus", tus],
                             capture_output=True, text=True, env=child_env(data_dir),
                             stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - t
    if res.returncode:
        raise RuntimeError(f"{name} failed: {res.stderr[-3000:]}")
    out = json.loads(res.stdout.strip().splitlines()[-1])
    out["wall"] = wall  # process start included, as a user's click would
    return out


# --- calibration of the presets ----------------------------------------------------------------

def calibrate(fbk: Path, db: Path) -> None:
    from bench.bundle_bench import gbak_cmd, warm
    from collector.bundle.preset import PRESETS
    from collector.bundle.streaming import parallel_coder

    size = fbk.stat().st_size
    for p in PRESETS:
        enc = parallel_coder(p.filters(), block_size=p.writer_args()["block_size"], workers=2)
        out = 0
        c0, t0 = os.times(), time.perf_counter()
        with open(fbk, "rb") as f:
            while chunk := f.read(MiB):
                out += len(enc.compress(chunk))
        out += len(enc.flush())
        c1, t1 = os.times(), time.perf_counter()
        cpu = c1.user - c0.user + c1.system - c0.system
        print(f"{p.name:8} {p.method} level {p.level} {p.match_finder} dict "
              f"{p.dict_size >> 10} KiB: cpu_per_mib={cpu / (size / MiB):.3f} "
              f"ratio={size / out:.2f} (wall {t1 - t0:.1f} s)", flush=True)
    # The backup's own CPU (it shares the cores with the compressor): gbak to a pipe, read off.
    warm(db)
    c0, t0 = os.times(), time.perf_counter()
    proc = subprocess.Popen(gbak_cmd(db, "stdout"), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None
    backup = 0
    while chunk := proc.stdout.read(MiB):
        backup += len(chunk)
    if proc.wait():
        raise RuntimeError("gbak failed")
    c1, t1 = os.times(), time.perf_counter()
    cpu = c1.children_user - c0.children_user + c1.children_system - c0.children_system
    print(f"gbak     backup {backup / MiB:.0f} MiB: cpu_per_mib={cpu / (backup / MiB):.3f} "
          f"(wall {t1 - t0:.1f} s)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(prog="bench/time_to_desk.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=256)
    ap.add_argument("--mbit", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sides", default="program,7zz,fixed,ours",
                    help="which sides (fixed = every preset of PRESETS, fixed:<name> one)")
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--gaps", action="store_true",
                    help="print when the line stood unused during each side (seconds)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    for name in ("db", "work", "intake", "tus"):
        ap.add_argument(f"--{name}", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0
    from bench.shopdb import shop_backup, shop_database
    from collector.bundle.preset import PRESETS

    if args.calibrate:
        calibrate(shop_backup(args.size_mb), shop_database(args.size_mb))
        return 0
    try:
        from tests.intake_server import IntakeServer
    except ImportError:
        print("нужен tests/intake_server.py (приёмник обращений по контракту GBS_MARKET.md §11)",
              file=sys.stderr)
        return 2
    from tests.tus_server.harness import TusServer

    db = shop_database(args.size_mb)
    wanted = args.sides.split(",")
    sides = [s for s in ("program", "7zz") if s in wanted]
    if "fixed" in wanted:
        sides += [f"fixed:{p.name}" for p in PRESETS]
    else:  # fixed:<name>: only those presets
        sides += [f"fixed:{p.name}" for p in PRESETS if f"fixed:{p.name}" in wanted]
    if "ours" in wanted:
        sides.append("ours:adaptive")
    data_dir = Path(tempfile.mkdtemp(prefix="bench-ttd-"))
    times: dict[str, list[float]] = {s: [] for s in sides}
    last: dict[str, dict] = {}
    try:
        with TusServer(data_dir / "tus") as tus, IntakeServer(data_dir / "intake") as intake, \
                Line(args.mbit) as line:
            tus_url, intake_url = line.proxy(tus.url), line.proxy(intake.url)
            load = os.getloadavg()
            print(f"база {db.name} ({db.stat().st_size / MiB:.0f} МиБ), линия {args.mbit:g} "
                  f"Мбит/с, ядер {os.cpu_count()}, загрузка {load[0]:.1f} {load[1]:.1f}, "
                  f"повторов {args.runs}", flush=True)
            # The product's probe, once, as on a PC's first send: every side then starts from the
            # last upload's speed (as every later send does), none of them paying the probe.
            probe = subprocess.run([sys.executable, __file__, "--child", "probe", "--intake",
                                    intake_url, "--tus", tus_url], capture_output=True, text=True,
                                   env=child_env(data_dir), stdin=subprocess.DEVNULL, check=True)
            speed = json.loads(probe.stdout.strip().splitlines()[-1])["uplink"]
            print(f"линия по пробе: {speed * 8 / 1e6:.2f} Мбит/с", flush=True)
            for run in range(args.runs):
                # Each run starts one side later: no side always follows the same one (the
                # program's big files still being written back, a heavy preset's heat).
                for side in sides[run % len(sides):] + sides[:run % len(sides)]:
                    before, began = line.sent(), time.monotonic()
                    r = run_side(side, db, intake_url, tus_url, data_dir)
                    # How long the line was unused: where a side is not bound by the upload.
                    r["idle"] = r["wall"] - (line.sent() - before) / line.rate
                    times[side].append(r["wall"])
                    last[side] = r
                    extra = (f", пресет {r['preset']}, томов {r['volumes']} по "
                             f"{r['volume_size'] / MiB:.0f} МиБ" if "preset" in r else "")
                    phases = ", ".join(f"{k} {v:.1f}" for k, v in r["phases"].items())
                    print(f"  прогон {run + 1} {side:14} {r['wall']:7.1f} с, архив "
                          f"{r['archive'] / MiB:6.1f} МиБ, задача {r['task']}{extra}; линия "
                          f"свободна {r['idle']:.1f} с; к секунде: {phases}", flush=True)
                    if args.gaps:
                        print("    линия свободна: " + ", ".join(
                            f"{a:.1f}–{b:.1f}" for a, b in line.gaps(began)), flush=True)
                for name in list(tus.uploads()):  # the store is the desk's: keep the disk free
                    for f in (tus.store / name, tus.store / f"{name}.json"):
                        f.unlink(missing_ok=True)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    med = {s: statistics.median(v) for s, v in times.items()}
    print(f"{'':16} {'мин, с':>8} {'медиана, с':>11} {'архив, МиБ':>11}")
    for s in sides:
        print(f"{s:16} {min(times[s]):8.1f} {med[s]:11.1f} {last[s]['archive'] / MiB:11.1f}")
    if "ours:adaptive" in last:
        print(f"выбор: {json.dumps(last['ours:adaptive']['choice'], ensure_ascii=False)}")
    fixed = [s for s in sides if s.startswith("fixed:")]
    ours = med.get("ours:adaptive")
    vs_program = ours / med["program"] if ours and "program" in med else float("nan")
    vs_best = ours / min(med[s] for s in fixed) if ours and fixed else float("nan")
    print(f"time_to_desk vs_program={vs_program:.2f} vs_best_fixed={vs_best:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
