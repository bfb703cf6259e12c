"""The light preset's bundle: 7z method Deflate made on several threads (ParallelDeflate), read by
real 7-Zip and by everything of ours that reads a bundle (verify, the read-back check, delivery's
manifest read, the split into a small bundle)."""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import zlib
from pathlib import Path

import py7zr
import pytest

from collector.bundle import BundleWriter, parse_size, verify_bundle
from collector.bundle.names import DEFLATE
from collector.bundle.preset import PRESETS, choose
from collector.bundle.readback import hash_entries
from collector.bundle.streaming import ParallelDeflate
from collector.bundle.volumes import JoinedReader

MiB = 1 << 20
PASSWORD = "пароль-Секрет 42"
LIGHT = next(p for p in PRESETS if p.method == DEFLATE)


def seven_zip(*args: str | Path) -> subprocess.CompletedProcess:
    """Real 7-Zip (7zz); stdin closed so it can never wait for a password prompt."""
    return subprocess.run(["7zz", *map(str, args), "-bd", "-y"], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300)


def shop_bytes(n: int, seed: int) -> bytes:
    """Like a backup: repetitive records with random runs (matches across every block join)."""
    rnd = random.Random(seed)
    out = bytearray()
    while len(out) < n:
        out += rnd.randbytes(rnd.randrange(1, 50_000))
        out += f"Продажа №{rnd.randrange(10**6)}; «Молоко» 89,90 руб.\n".encode() \
            * rnd.randrange(1, 3_000)
    return bytes(out[:n])


def write(out: Path, db: bytes, **kw) -> tuple[object, dict[str, bytes]]:
    entries = {"request.txt": "Не открывается журнал продаж\r\n".encode(),
               "config/AppConfig.json": b'{"Login": "***"}',
               "attachments/empty.txt": b""}
    args = {**LIGHT.writer_args(), "block_size": 256 << 10, **kw}  # many block joins
    with BundleWriter(out, "GBS-Support_deflate", **args) as w:
        for name, data in entries.items():
            w.add_bytes(data, name)
        w.add_stream("database/main.fbk", lambda f: [f.write(db[i:i + 65536])
                                                    for i in range(0, len(db), 65536)])
        result = w.finish({"schema": "gbs-support-bundle/1", "gbs_id": "6:0123456789ABCDEF",
                           "topic": "errors",
                           "compression": choose(len(db), 50e6 / 8).to_json()})
    return result, {**entries, "database/main.fbk": db}


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_deflate_bundle_passes_7zip_and_verify(tmp_path: Path, password: str | None):
    db = shop_bytes(3 * MiB, 1)
    result, entries = write(tmp_path / "out", db, password=password)
    pw = [f"-p{password}"] if password else []
    t = seven_zip("t", *pw, result.paths[0])
    assert t.returncode == 0 and "Everything is Ok" in t.stdout, t.stdout + t.stderr
    listing = seven_zip("l", "-slt", *pw, result.paths[0]).stdout
    methods = {line.split(" = ", 1)[1] for line in listing.splitlines()
               if line.startswith("Method = ")}
    assert methods and all(m.split()[0] == "Deflate" for m in methods), methods
    assert all(("7zAES" in m) == (password is not None) for m in methods), methods
    x = seven_zip("x", *pw, result.paths[0], f"-o{tmp_path / 'x'}")
    assert x.returncode == 0, x.stdout + x.stderr
    for name, data in entries.items():
        assert (tmp_path / "x" / name).read_bytes() == data, name
    assert len(db) / result.size > 2  # it compresses: not stored

    report = verify_bundle(result.paths[0], password)
    assert report.ok and report.sha256_file_ok, report.problems
    manifest = json.loads((tmp_path / "x" / "manifest.json").read_bytes())
    assert manifest["compression"]["method"] == DEFLATE
    assert manifest["compression"]["preset"] == LIGHT.name and "Mbit/s" in \
        manifest["compression"]["reason"]


def test_deflate_volumes_with_password_join_and_read_back_with_bounded_memory(tmp_path: Path):
    db = shop_bytes(2 * MiB, 2) + random.Random(3).randbytes(MiB)  # several volumes for sure
    result, entries = write(tmp_path / "out", db, password=PASSWORD,
                            volume_size=parse_size("256K"))
    assert result.volumes >= 4
    t = seven_zip("t", f"-p{PASSWORD}", result.paths[0])
    assert t.returncode == 0 and "Everything is Ok" in t.stdout, t.stdout + t.stderr
    for given in (result.paths[0], result.paths[-1]):
        report = verify_bundle(given, PASSWORD)
        assert report.ok and len(report.volumes) == result.volumes, report.problems
    # The read-back decodes Deflate folders itself, one chunk at a time (UnsupportedLayout
    # would send it to py7zr's extraction, which holds up to 128 MB per read).
    reader = JoinedReader(result.paths)
    try:
        with py7zr.SevenZipFile(reader, "r", password=PASSWORD) as archive:
            found, kept = hash_entries(archive, reader, PASSWORD, keep=("manifest.json",))
    finally:
        reader.close()
    by_name = {name: (size, digest) for name, size, digest in found}
    for name, data in entries.items():
        assert by_name[name] == (len(data), hashlib.sha256(data).hexdigest()), name
    assert json.loads(kept["manifest.json"])["compression"]["method"] == DEFLATE


def test_damaged_deflate_bundle_is_reported(tmp_path: Path):
    result, _entries = write(tmp_path / "out", shop_bytes(2 * MiB, 4))
    archive = result.paths[0]
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x55
    archive.write_bytes(bytes(data))
    assert seven_zip("t", archive).returncode != 0  # 7-Zip agrees it is damaged
    (tmp_path / "out" / f"{archive.name}.sha256").unlink()  # the content check alone finds it
    report = verify_bundle(archive)
    assert report.status == "damaged" and not report.ok


def test_delivery_reads_the_manifest_and_splits_a_deflate_bundle(tmp_path: Path):
    from collector.delivery.bundlefile import find_bundle, read_bundle_info
    from collector.delivery.split import small_bundle

    result, entries = write(tmp_path / "out", shop_bytes(3 * MiB, 5), password=PASSWORD)
    files = find_bundle(result.paths[0])
    info = read_bundle_info(files, PASSWORD)
    assert info.problem in (None, "") and info.gbs_id == "6:0123456789ABCDEF"
    assert info.manifest["compression"]["method"] == DEFLATE
    assert info.request_text == entries["request.txt"].decode()

    small, left_out = small_bundle(files, tmp_path / "small", limit=MiB, password=PASSWORD,
                                   manifest=info.manifest)
    assert left_out == ["database/main.fbk"]
    t = seven_zip("t", f"-p{PASSWORD}", small.parts[0])
    assert t.returncode == 0 and "Everything is Ok" in t.stdout, t.stdout + t.stderr
    assert verify_bundle(small.parts[0], PASSWORD).ok


@pytest.mark.parametrize("size", [0, 1, 256 << 10, 3 * (256 << 10), 1_000_003])
def test_parallel_deflate_is_one_valid_deflate_stream(size: int):
    data = shop_bytes(size, 6)
    enc = ParallelDeflate(1, block_size=256 << 10, workers=2)
    out = b"".join(enc.compress(data[i:i + 100_000]) for i in range(0, len(data), 100_000))
    out += enc.flush()
    dec = zlib.decompressobj(-15)
    assert dec.decompress(out) == data and dec.eof and not dec.unused_data
    # Each block may refer back into the one before: as small as one encoder's output, nearly.
    if size >= 3 * (256 << 10):
        whole = zlib.compressobj(1, zlib.DEFLATED, -15)
        assert len(out) < 1.01 * len(whole.compress(data) + whole.flush())
