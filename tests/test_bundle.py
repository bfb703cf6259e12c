"""The bundle writer, checked with real 7-Zip (p7zip-full's ``7z``) and by reading back."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from collector import bundle as B
from collector.bundle import (
    BundleWriter,
    DiskFull,
    EntryIncomplete,
    SourceError,
    bundle_name,
    parse_size,
    verify_bundle,
)
from collector.errors import Cancelled, CollectorError, ExitCode

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "пароль-Секрет 42"
SMALL = {"dict_size": 1 << 20, "block_size": 256 << 10}  # fast settings, many block joins


def sevenzip(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Real 7-Zip; stdin closed so it can never wait for a password prompt."""
    return subprocess.run(["7z", *map(str, args), "-bd", "-y"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=cwd, timeout=300)


def slt_entries(listing: str) -> list[dict[str, str]]:
    """``7z l -slt`` output → one dict per entry, in archive order."""
    body = listing.split("----------", 1)[1]
    entries = []
    for block in body.strip().split("\n\n"):
        fields = dict(line.split(" = ", 1) for line in block.splitlines() if " = " in line)
        if "Path" in fields:
            entries.append(fields)
    return entries


def mixed_bytes(n: int, seed: int) -> bytes:
    """Half random (stored LZMA2 chunks), half repetitive text (compressed chunks)."""
    rnd = random.Random(seed)
    out = bytearray()
    while len(out) < n:
        out += rnd.randbytes(rnd.randrange(1, 200_000))
        out += f"Продажа №{rnd.randrange(10**6)}; ".encode() * rnd.randrange(1, 20_000)
    return bytes(out[:n])


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, bytes]:
    """What a bundle holds, by name inside the archive (Cyrillic and spaces included)."""
    return {
        "request.txt": "Не открывается журнал продаж за 20.11\r\n".encode(),
        "logs/2026-11-20/Журнал ошибок.log": mixed_bytes(700_000, 1),
        "config/AppConfig.json": b'{"Login": "***"}',
        "attachments/empty.txt": b"",
    }


def write_bundle(out: Path, sources: dict[str, bytes], stream: bytes, **kw) -> B.BundleResult:
    src_dir = out.parent / "src"
    src_dir.mkdir(exist_ok=True)
    with BundleWriter(out, "GBS-Support_test", **{**SMALL, **kw}) as w:
        for name, data in sources.items():
            if name.startswith("logs/"):
                p = src_dir / Path(name).name
                p.write_bytes(data)
                w.add_file(p, name)
            else:
                w.add_bytes(data, name)
        w.add_stream("database/main.fbk", lambda out: [out.write(stream[i:i + 65536])
                                                      for i in range(0, len(stream), 65536)])
        return w.finish({"schema": "gbs-support-bundle/1", "topic": "errors"})


def test_bundle_opens_in_7z_and_matches_manifest(tmp_path: Path, sources: dict[str, bytes]):
    stream = mixed_bytes(3_000_000, 2)
    result = write_bundle(tmp_path / "out", sources, stream)
    archive = tmp_path / "out" / "GBS-Support_test.7z"
    assert result.paths == [archive] and result.volumes == 1 and not result.encrypted
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "GBS-Support_test.7z", "GBS-Support_test.7z.sha256"]

    t = sevenzip("t", archive)
    assert t.returncode == 0 and "Everything is Ok" in t.stdout, t.stdout + t.stderr
    entries = slt_entries(sevenzip("l", "-slt", archive).stdout)
    names = [e["Path"] for e in entries]
    assert names == [*sources, "database/main.fbk", "manifest.json"]  # manifest last
    assert all(e["Method"].startswith("LZMA2") for e in entries if e["Size"] != "0")
    assert "7zAES" not in entries[0]["Method"]

    x = sevenzip("x", archive, f"-o{tmp_path / 'x'}")
    assert x.returncode == 0, x.stdout + x.stderr
    extracted = {n: (tmp_path / "x" / n).read_bytes() for n in names}
    expected = {**sources, "database/main.fbk": stream}
    for name, data in expected.items():
        assert extracted[name] == data, name
    manifest = json.loads(extracted["manifest.json"])
    assert manifest["schema"] == "gbs-support-bundle/1" and manifest["topic"] == "errors"
    assert manifest["files"] == [{"path": n, "size": len(d), "sha256": sha(d)}
                                 for n, d in expected.items()]
    assert result.manifest == manifest

    # .sha256 beside it in sha256sum format, checked by the real sha256sum
    assert (tmp_path / "out" / "GBS-Support_test.7z.sha256").read_text() == \
        f"{sha(archive.read_bytes())}  GBS-Support_test.7z\n"
    assert result.sha256_of_archive == sha(archive.read_bytes())
    check = subprocess.run(["sha256sum", "-c", "GBS-Support_test.7z.sha256"],
                           cwd=tmp_path / "out", capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    report = verify_bundle(archive)
    assert report.ok and report.sha256_file_ok, report.problems
    assert [e.path for e in report.entries] == names
    assert "Архив в порядке" in report.format()


def test_add_file_keeps_mtime_and_reports_progress(tmp_path: Path):
    src = tmp_path / "a.log"
    src.write_bytes(b"x" * 2_500_000)
    os.utime(src, (1_700_000_000, 1_700_000_000))
    seen: list[tuple[str, int]] = []
    with BundleWriter(tmp_path / "out", "b", progress=lambda n, b: seen.append((n, b))) as w:
        w.add_file(src, "logs/a.log")
        w.finish({})
    assert [b for n, b in seen if n == "logs/a.log"] == [1 << 20, 2 << 20, 2_500_000]
    sevenzip("x", tmp_path / "out" / "b.7z", f"-o{tmp_path / 'x'}")
    assert int((tmp_path / "x" / "logs" / "a.log").stat().st_mtime) == 1_700_000_000


def test_encrypted_headers_hide_names_and_need_the_password(tmp_path: Path,
                                                             sources: dict[str, bytes]):
    stream = mixed_bytes(1_000_000, 3)
    result = write_bundle(tmp_path / "out", sources, stream, password=PASSWORD)
    archive = result.paths[0]
    assert result.encrypted
    raw = archive.read_bytes()
    for name in [*sources, "manifest.json", "database/main.fbk"]:
        assert name.encode("utf-16-le") not in raw and name.encode() not in raw

    listing = sevenzip("l", archive)  # no password: 7-Zip cannot even list the names
    assert listing.returncode != 0
    assert "request.txt" not in listing.stdout + listing.stderr
    wrong = sevenzip("t", "-pневерный", archive)
    assert wrong.returncode != 0 and "Everything is Ok" not in wrong.stdout
    assert re.search("Wrong password|Headers Error", wrong.stdout + wrong.stderr)

    good = sevenzip("t", f"-p{PASSWORD}", archive)
    assert good.returncode == 0 and "Everything is Ok" in good.stdout, good.stdout + good.stderr
    entries = slt_entries(sevenzip("l", "-slt", f"-p{PASSWORD}", archive).stdout)
    assert entries[-1]["Path"] == "manifest.json"
    assert all("7zAES" in e["Method"] and "LZMA2" in e["Method"]
               for e in entries if e["Size"] != "0")
    assert sevenzip("x", f"-p{PASSWORD}", archive, f"-o{tmp_path / 'x'}").returncode == 0
    assert (tmp_path / "x" / "database" / "main.fbk").read_bytes() == stream
    assert (tmp_path / "x" / "request.txt").read_bytes() == sources["request.txt"]

    assert verify_bundle(archive, PASSWORD).ok
    wrong_report = verify_bundle(archive, "неверный")
    assert wrong_report.status == "password" and wrong_report.exit_code == ExitCode.USAGE
    assert "Неверный пароль" in wrong_report.format()
    none_report = verify_bundle(archive)
    assert none_report.status == "password" and "укажите пароль" in none_report.problems[0]


def test_volumes_join_and_test_in_7z(tmp_path: Path, sources: dict[str, bytes]):
    stream = random.Random(4).randbytes(900_000)  # incompressible: several volumes for sure
    vs = parse_size("256K")
    result = write_bundle(tmp_path / "out", sources, stream, volume_size=vs, password=PASSWORD)
    out = tmp_path / "out"
    names = [p.name for p in result.paths]
    assert result.volumes == len(names) >= 4
    assert names == [f"GBS-Support_test.7z.{i:03d}" for i in range(1, result.volumes + 1)]
    assert all(p.stat().st_size == vs for p in result.paths[:-1])
    assert 0 < result.paths[-1].stat().st_size <= vs
    assert not list(out.glob("*.part"))

    joined = b"".join(p.read_bytes() for p in result.paths)
    assert sha(joined) == result.sha256_of_archive and len(joined) == result.size
    lines = (out / "GBS-Support_test.7z.sha256").read_text().splitlines()
    assert lines == [f"{sha(p.read_bytes())}  {p.name}" for p in result.paths]
    assert subprocess.run(["sha256sum", "-c", "GBS-Support_test.7z.sha256"], cwd=out,
                          capture_output=True).returncode == 0

    t = sevenzip("t", f"-p{PASSWORD}", result.paths[0])
    assert t.returncode == 0 and "Everything is Ok" in t.stdout, t.stdout + t.stderr
    assert f"Volumes = {result.volumes}" in sevenzip("l", "-slt", f"-p{PASSWORD}",
                                                     result.paths[0]).stdout
    assert sevenzip("x", f"-p{PASSWORD}", result.paths[0], f"-o{tmp_path / 'x'}").returncode == 0
    assert (tmp_path / "x" / "database" / "main.fbk").read_bytes() == stream
    # the joined volumes are one ordinary .7z
    whole = tmp_path / "whole.7z"
    whole.write_bytes(joined)
    assert sevenzip("t", f"-p{PASSWORD}", whole).returncode == 0

    for given in (result.paths[0], result.paths[2], out / "GBS-Support_test.7z",
                  out / "GBS-Support_test.7z.sha256"):
        report = verify_bundle(given, PASSWORD)
        assert report.ok and len(report.volumes) == result.volumes, report.problems


def test_first_volumes_smaller_then_steady_read_by_7z(tmp_path: Path, sources: dict[str, bytes]):
    """A bundle sent as it is made starts with small volumes (first_volumes_for): real 7-Zip
    and our own check read volumes of different sizes as one archive."""
    from collector.bundle.preset import first_volumes_for

    stream = random.Random(5).randbytes(1_500_000)  # incompressible: the sizes are the layout's
    vs = parse_size("512K")
    first = first_volumes_for(vs)
    assert first == (256 << 10,)
    first = (64 << 10, 128 << 10, *first)  # a longer ramp: every size is honoured in order
    result = write_bundle(tmp_path / "out", sources, stream, volume_size=vs, first_volumes=first)
    sizes = [p.stat().st_size for p in result.paths]
    assert sizes[:3] == list(first) and set(sizes[3:-1]) == {vs} and 0 < sizes[-1] <= vs
    assert result.volumes == len(sizes) >= 6
    t = sevenzip("t", result.paths[0])
    assert t.returncode == 0 and "Everything is Ok" in t.stdout, t.stdout + t.stderr
    assert sevenzip("x", result.paths[0], f"-o{tmp_path / 'x'}").returncode == 0
    assert (tmp_path / "x" / "database" / "main.fbk").read_bytes() == stream
    report = verify_bundle(result.paths[3])
    assert report.ok and len(report.volumes) == result.volumes, report.problems


def lzma2_dictionary_resets(stream: bytes) -> list[int]:
    """Uncompressed bytes between the dictionary resets of a raw LZMA2 stream: the sizes of
    the blocks it was made of (each block of ParallelLzma2 starts with a reset)."""
    blocks: list[int] = []
    pos = 0
    while stream[pos]:
        control = stream[pos]
        if control < 0x80:  # an uncompressed chunk; 1 = with a dictionary reset
            size = int.from_bytes(stream[pos + 1:pos + 3], "big") + 1
            if control == 1:
                blocks.append(0)
            blocks[-1] += size
            pos += 3 + size
            continue
        unpacked = ((control & 0x1F) << 16) + int.from_bytes(stream[pos + 1:pos + 3], "big") + 1
        packed = int.from_bytes(stream[pos + 3:pos + 5], "big") + 1
        reset = (control >> 5) & 3
        if reset == 3:
            blocks.append(0)
        blocks[-1] += unpacked
        pos += 5 + (1 if reset >= 2 else 0) + packed
    return blocks


def test_first_blocks_are_small_so_output_starts_early():
    """The block compressor begins with a 1 MiB block and doubles up to its block size: the
    first compressed bytes (what a bundle sent as it is made waits for) need 1 MiB of input,
    not a whole 16 MiB block; the stream is still one valid LZMA2 stream."""
    import lzma

    from collector.bundle.streaming import FIRST_BLOCK, ParallelLzma2

    data = mixed_bytes(10 * FIRST_BLOCK + 12345, 7)
    enc = ParallelLzma2([{"id": lzma.FILTER_LZMA2, "preset": 1, "dict_size": 1 << 20}],
                        block_size=4 * FIRST_BLOCK, workers=2)
    out = b"".join(enc.compress(data[i:i + 65536]) for i in range(0, len(data), 65536))
    out += enc.flush()
    assert lzma2_dictionary_resets(out) == [FIRST_BLOCK, 2 * FIRST_BLOCK, 4 * FIRST_BLOCK,
                                            3 * FIRST_BLOCK + 12345]
    dec = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[
        {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20}])
    assert dec.decompress(out) == data and dec.eof


def test_small_bundle_with_volume_size_is_one_plain_7z(tmp_path: Path):
    with BundleWriter(tmp_path, "small", volume_size=parse_size("17M")) as w:
        w.add_bytes(b"hello", "request.txt")
        result = w.finish({})
    assert result.paths == [tmp_path / "small.7z"] and result.volumes == 1
    assert sevenzip("t", tmp_path / "small.7z").returncode == 0


def test_stream_round_trip_with_bounded_memory(tmp_path: Path):
    """A 96 MB producer and a 64 MB file go through with far less than that in RSS growth."""
    child = tmp_path / "child.py"
    child.write_text(STREAM_CHILD)
    big = tmp_path / "big.bin"
    with open(big, "wb") as f:
        for i in range(64):
            f.write(chunk_for(i + 1000))
    res = subprocess.run([sys.executable, str(child), str(tmp_path / "out"), str(big)],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    expected = hashlib.sha256()
    for i in range(96):
        expected.update(chunk_for(i))
    assert info["stream"] == {"size": 96 << 20, "sha256": expected.hexdigest()}
    growth_mb = info["peak_kb"] / 1024 - info["base_kb"] / 1024
    assert growth_mb < 48, f"RSS grew by {growth_mb:.0f} MB while streaming 96 MB + 64 MB"

    archive = tmp_path / "out" / "mem.7z"
    x = sevenzip("x", archive, f"-o{tmp_path / 'x'}")
    assert x.returncode == 0, x.stdout
    got = hashlib.sha256()
    with open(tmp_path / "x" / "database" / "main.fbk", "rb") as f:
        while block := f.read(1 << 20):
            got.update(block)
    assert got.hexdigest() == expected.hexdigest()
    assert (tmp_path / "x" / "big.bin").read_bytes() == big.read_bytes()


def chunk_for(i: int) -> bytes:
    """1 MiB that LZMA packs quickly but that differs from every other chunk."""
    return random.Random(i).randbytes(64 << 10) * 16


# Peak from VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork+exec, so a child of a big
# pytest process would report the parent's size.
STREAM_CHILD = f'''
import json, random, sys
from pathlib import Path
sys.path.insert(0, {str(REPO)!r})
from collector.bundle import BundleWriter

def status_kb(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))

def chunk_for(i):
    return random.Random(i).randbytes(64 << 10) * 16

def producer(out):
    for i in range(96):
        out.write(chunk_for(i))

with BundleWriter(Path(sys.argv[1]), "mem", preset=1, dict_size=1 << 20,
                  block_size=2 << 20, workers=2) as w:
    w.add_bytes(b"warm-up", "request.txt")
    base = status_kb("VmRSS")
    entry = w.add_stream("database/main.fbk", producer)
    w.add_file(Path(sys.argv[2]), "big.bin")
    w.finish({{}})
peak = status_kb("VmHWM")
print(json.dumps({{"base_kb": base, "peak_kb": peak,
                  "stream": {{"size": entry.size, "sha256": entry.sha256}}}}))
'''


# --- cancel and failures -----------------------------------------------------------------------

class CountdownEvent(threading.Event):
    """A cancel flag that turns on by itself at the n-th look: cancel "at any moment".

    Only the looks on the writer's own path are counted: the waits that poll the flag while
    another thread works (the pipe, the compressor pool) look a number of times that depends on
    the machine's load, which would make "the n-th look" of one run never come in the next.
    They still see the flag once it is on.
    """

    POLLS = frozenset({"_cancelled", "_wait"})

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after
        self.looks = 0
        self.lock = threading.Lock()

    def is_set(self) -> bool:
        caller = sys._getframe(1)
        if {caller.f_code.co_name, caller.f_back.f_code.co_name if caller.f_back else ""} \
                & self.POLLS:
            return super().is_set()
        with self.lock:
            self.looks += 1
            if self.looks > self.after:
                self.set()
        return super().is_set()


def small_run(out: Path, cancel: threading.Event, password: str | None = None) -> B.BundleResult:
    src = out.parent / "log.txt"
    src.write_bytes(mixed_bytes(300_000, 5))
    with BundleWriter(out, "c", cancel=cancel, password=password, volume_size=parse_size("64K"),
                      **SMALL) as w:
        w.add_bytes(b"request", "request.txt")
        w.add_file(src, "logs/log.txt")
        w.add_stream("database/main.fbk",
                     lambda o: [o.write(mixed_bytes(50_000, i)) for i in range(6)])
        return w.finish({})


def test_cancel_at_any_moment_leaves_no_files(tmp_path: Path):
    counter = CountdownEvent(after=10**9)
    full = small_run(tmp_path / "full", counter)
    assert full.volumes > 1
    total = counter.looks
    assert total > 20
    points = sorted({0, 1, 2, total // 2, total - 2, total - 1,
                     *random.Random(6).sample(range(total), 12)})
    for n in points:
        out = tmp_path / f"cancel-{n}"
        cancel = CountdownEvent(after=n)
        try:
            small_run(out, cancel)
        except Cancelled:
            assert not out.exists() or list(out.iterdir()) == [], n
            continue
        # Threads look at the flag a varying number of times: a run may end before its n-th look
        # (then it must be whole and the flag never turned on), but never in the first half.
        assert n > total // 2 and cancel.looks <= n, (n, cancel.looks, total)
        assert verify_bundle(out / "c.7z.001").ok
    leftover = [t.name for t in threading.enumerate()
                if t.name.startswith(("lzma2", "bundle-producer"))]
    assert leftover == []  # compressor workers and producers are gone too


def test_cancel_mid_stream_stops_the_producer(tmp_path: Path):
    cancel = threading.Event()
    stopped = threading.Event()
    written = []

    def endless(out):
        try:
            while True:
                out.write(os.urandom(65536))
                written.append(1)
                if len(written) == 100:  # ~6.5 MB in: the user presses "Отмена"
                    cancel.set()
        except BrokenPipeError:
            stopped.set()
            raise

    with pytest.raises(Cancelled), BundleWriter(tmp_path / "out", "s", cancel=cancel) as w:
        w.add_stream("database/main.fbk", endless)
    assert stopped.wait(10)
    assert list((tmp_path / "out").iterdir()) == []


def test_exception_in_caller_removes_partial_files(tmp_path: Path):
    with pytest.raises(RuntimeError), BundleWriter(tmp_path, "e", volume_size=parse_size("64K"),
                                                   **SMALL) as w:
        w.add_bytes(random.Random(7).randbytes(300_000), "a.bin")
        assert list(tmp_path.glob("e.7z.*.part"))
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_leaving_without_finish_removes_partial_files(tmp_path: Path):
    with BundleWriter(tmp_path, "e") as w:
        w.add_bytes(b"abc", "a.txt")
    assert list(tmp_path.iterdir()) == []


def test_failing_producer_keeps_bundle_with_incomplete_entry(tmp_path: Path):
    def broken_backup(out):
        out.write(b"GBAK" * 100_000)
        raise CollectorError("Сервер Firebird не отвечает.")

    with BundleWriter(tmp_path, "p") as w:
        w.add_bytes(b"request", "request.txt")
        with pytest.raises(EntryIncomplete) as info:
            w.add_stream("database/main.fbk", broken_backup)
        assert "Сервер Firebird не отвечает" in info.value.message
        assert isinstance(info.value.__cause__, CollectorError)
        assert info.value.entry.path == "database/main.fbk.incomplete"
        w.add_bytes(b"after", "system.json")  # the writer goes on
        result = w.finish({"steps": [{"name": "database", "status": "failed"}]})
    files = {f["path"]: f for f in result.manifest["files"]}
    assert files["database/main.fbk.incomplete"] == {
        "path": "database/main.fbk.incomplete", "size": 400_000,
        "sha256": sha(b"GBAK" * 100_000), "incomplete": True}
    listing = sevenzip("l", "-slt", result.paths[0]).stdout
    assert [e["Path"] for e in slt_entries(listing)] == [
        "request.txt", "database/main.fbk.incomplete", "system.json", "manifest.json"]
    assert sevenzip("t", result.paths[0]).returncode == 0


def test_source_read_error_midway_and_missing_source(tmp_path: Path):
    class Flaky(io.RawIOBase):
        def __init__(self):
            self.n = 0

        def readable(self):
            return True

        def readinto(self, b):
            self.n += 1
            if self.n > 3:
                raise OSError(5, "Input/output error")
            b[:1000] = b"L" * 1000
            return 1000

    with BundleWriter(tmp_path, "r") as w:
        with pytest.raises(EntryIncomplete) as info:
            w.add_fileobj(Flaky(), "logs/held.log")
        assert info.value.entry.size == 3000
        with pytest.raises(SourceError) as missing:
            w.add_file(tmp_path / "нет такого.log", "logs/none.log")
        assert "Не удалось прочитать файл" in missing.value.message
        result = w.finish({})
    assert [f["path"] for f in result.manifest["files"]] == ["logs/held.log.incomplete"]
    assert verify_bundle(result.paths[0]).ok


def test_bad_names_and_duplicates_refused(tmp_path: Path):
    with BundleWriter(tmp_path, "n") as w:
        w.add_bytes(b"1", "a/b.txt")
        for bad in ("../x", "/abs", "C:/x", "a\\b", "a//b", "", "manifest.json", "a/b.txt"):
            with pytest.raises(ValueError):
                w.add_bytes(b"2", bad)
        w.finish({})
    assert sevenzip("t", tmp_path / "n.7z").returncode == 0


def test_existing_bundle_is_not_overwritten(tmp_path: Path):
    (tmp_path / "x.7z").write_bytes(b"old")
    with pytest.raises(B.BundleError) as info, BundleWriter(tmp_path, "x"):
        pass
    assert "уже существует" in info.value.message
    assert (tmp_path / "x.7z").read_bytes() == b"old"


# --- full disk (a real, small tmpfs in a private mount namespace) ------------------------------

DISK_CHILD = f'''
import json, os, random, sys
from pathlib import Path
sys.path.insert(0, {str(REPO)!r})
from collector.bundle import BundleWriter, DiskFull, parse_size

out = Path(sys.argv[1])
volume = parse_size(sys.argv[2]) if sys.argv[2] != "-" else None
try:
    with BundleWriter(out, "full", volume_size=volume, dict_size=1 << 20,
                      block_size=256 << 10) as w:
        w.add_bytes(b"request", "request.txt")
        w.add_stream("database/main.fbk",
                     lambda o: [o.write(random.Random(i).randbytes(1 << 20)) for i in range(8)])
        w.finish({{}})
    print(json.dumps({{"error": None, "left": sorted(os.listdir(out))}}))
except DiskFull as exc:
    print(json.dumps({{"error": exc.message, "code": int(exc.exit_code),
                      "left": sorted(os.listdir(out))}}))
'''


def run_on_small_disk(tmp_path: Path, volume: str) -> dict:
    mnt = tmp_path / "disk"
    mnt.mkdir()
    child = tmp_path / "disk_child.py"
    child.write_text(DISK_CHILD)
    script = (f'mount -t tmpfs -o size=3m tmpfs "{mnt}" && '
              f'exec "{sys.executable}" "{child}" "{mnt}" "{volume}"')
    # unshare: the tmpfs lives in a private mount namespace and vanishes with the child
    res = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.parametrize("volume", ["-", "1M"])
def test_full_disk_is_reported_and_cleaned_up(tmp_path: Path, volume: str):
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed to mount a small tmpfs for this test")
    result = run_on_small_disk(tmp_path, volume)
    assert result["error"] is not None, "8 MB of random data fitted on a 3 MB disk?"
    assert "Недостаточно места на диске" in result["error"]
    assert result["code"] == ExitCode.USAGE  # README: another folder is the remedy
    assert result["left"] == []


def test_disk_full_errno_becomes_russian_message(tmp_path: Path, monkeypatch):
    """The same path for the error Windows gives (ERROR_DISK_FULL arrives as ENOSPC too)."""
    real_write = B.VolumeWriter.write

    def failing(self, b):
        if self.tell() > 100_000:
            raise OSError(28, "No space left on device")
        return real_write(self, b)

    monkeypatch.setattr(B.VolumeWriter, "write", failing)
    with pytest.raises(DiskFull), BundleWriter(tmp_path, "f", **SMALL) as w:
        w.add_bytes(random.Random(1).randbytes(400_000), "a.bin")
        w.finish({})
    assert list(tmp_path.iterdir()) == []


# --- verify: damage, missing volumes, checksums ------------------------------------------------

def make_volumes(tmp_path: Path) -> B.BundleResult:
    with BundleWriter(tmp_path, "v", volume_size=parse_size("64K")) as w:
        w.add_bytes(random.Random(8).randbytes(200_000), "database/main.fbk")
        w.add_bytes(b"request", "request.txt")
        return w.finish({})


def test_verify_missing_volume(tmp_path: Path):
    result = make_volumes(tmp_path)
    result.paths[1].unlink()
    report = verify_bundle(result.paths[0])
    assert report.status == "missing" and report.exit_code == ExitCode.STEP_FAILED
    assert "v.7z.002" in report.format() and "Не хватает части архива" in report.format()


def test_verify_missing_last_volume_without_checksum_file(tmp_path: Path):
    result = make_volumes(tmp_path)
    (tmp_path / "v.7z.sha256").unlink()
    result.paths[-1].unlink()
    report = verify_bundle(result.paths[0])
    assert report.status == "missing" and "Архив неполный" in report.problems[0]


def test_verify_corrupt_archive(tmp_path: Path):
    with BundleWriter(tmp_path, "d", **SMALL) as w:
        w.add_bytes(mixed_bytes(400_000, 9), "logs/a.log")
        result = w.finish({})
    archive = result.paths[0]
    data = bytearray(archive.read_bytes())
    data[len(data) // 3] ^= 0x55
    archive.write_bytes(bytes(data))
    assert sevenzip("t", archive).returncode != 0  # 7-Zip agrees it is damaged
    report = verify_bundle(archive)
    assert report.status == "damaged" and report.exit_code == ExitCode.STEP_FAILED
    assert any("Контрольная сумма d.7z не совпадает" in p for p in report.problems)
    assert any("повреждён" in p for p in report.problems)
    # without the .sha256 the content check alone finds it
    (tmp_path / "d.7z.sha256").unlink()
    assert verify_bundle(archive).status == "damaged"
    # not a 7z at all
    archive.write_bytes(b"PK\x03\x04 not a 7z")
    assert verify_bundle(archive).status == "damaged"


def test_verify_manifest_mismatch(tmp_path: Path):
    """An archive whose entries do not match its manifest (made by hand with py7zr)."""
    import py7zr

    archive = tmp_path / "m.7z"
    manifest = {"files": [{"path": "a.txt", "size": 3, "sha256": sha(b"abc")}]}
    with py7zr.SevenZipFile(archive, "w") as z:
        z.writestr(b"abd", "a.txt")
        z.writestr(json.dumps(manifest).encode(), "manifest.json")
    report = verify_bundle(archive)  # made with py7zr's own (single-threaded) coder
    assert report.status == "damaged"
    assert report.problems == ["Файл a.txt не совпадает с manifest.json (размер или sha256)."]


def test_verify_command_exit_codes(tmp_path: Path):
    with BundleWriter(tmp_path, "cli", password=PASSWORD) as w:
        w.add_bytes(b"request", "request.txt")
        w.finish({})
    archive = tmp_path / "cli.7z"

    def verify(*args: str, env: dict | None = None, stdin: str | None = None):
        return subprocess.run([sys.executable, "-m", "collector", "verify", *args],
                              capture_output=True, text=True, cwd=REPO, input=stdin,
                              env={**os.environ, **(env or {})}, timeout=120)

    ok = verify(str(archive), "--password", PASSWORD)
    assert ok.returncode == 0 and "Архив в порядке" in ok.stderr
    asked = verify(str(archive), "--password", "--json", stdin=PASSWORD + "\n")
    assert asked.returncode == 0 and json.loads(asked.stdout)["ok"] is True
    env = verify(str(archive), env={"GBS_COLLECTOR_PASSWORD": PASSWORD})
    assert env.returncode == 0
    wrong = verify(str(archive), "--password", "нет")
    assert wrong.returncode == 2 and "Неверный пароль" in wrong.stderr
    missing = verify(str(tmp_path / "nope.7z"))
    assert missing.returncode == 2 and "не найден" in missing.stderr
    archive.write_bytes(archive.read_bytes()[:-40])
    damaged = verify(str(archive), "--password", PASSWORD, "--json")
    assert damaged.returncode == 4
    assert json.loads(damaged.stdout)["status"] in ("damaged", "missing")


# --- helpers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("17M", 17 << 20), ("100MB", 100 << 20), ("25 МБ", 25 << 20), ("1.5G", 3 << 29),
    ("65536", 65536), ("64k", 64 << 10), ("2mib", 2 << 20), ("0,5 гб", 1 << 29),
])
def test_parse_size(text: str, expected: int):
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "10 TB", "1K", "-5M", "5 M B"])
def test_parse_size_rejects(text: str):
    with pytest.raises(CollectorError) as info:
        parse_size(text)
    assert info.value.exit_code == ExitCode.USAGE
    assert re.search("размер тома", info.value.message)


def test_default_volume_fits_25mb_mail_after_base64():
    encoded = (B.DEFAULT_VOLUME_SIZE + 2) // 3 * 4
    encoded += encoded // 76 * 2  # CRLF after every 76 characters
    assert encoded + 500_000 <= 25_000_000  # room for headers and the request text


def test_bundle_name():
    from datetime import date, datetime

    gbs_id = "6:0123ABCDEF456789" + "0" * 16
    assert bundle_name(gbs_id, date(2026, 11, 20), datetime(2026, 11, 21, 9, 5, 7)) == \
        "GBS-Support_0123ABCD_2026-11-20_20261121-090507"
    assert bundle_name(None, date(2026, 11, 20), datetime(2026, 11, 21, 9, 5, 7)).startswith(
        "GBS-Support_NOID_2026-11-20_")
