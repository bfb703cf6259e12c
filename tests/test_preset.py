"""The adaptive preset (collector.bundle.preset): the choice follows the line, and the writer
takes the chosen settings (a real archive that 7-Zip reads)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from collector.bundle import BundleWriter
from collector.bundle.names import DEFLATE, LZMA2
from collector.bundle.preset import (
    BACKUP_CPU_PER_MIB,
    DEFAULT,
    MIN_SPEED,
    PRESETS,
    choose,
    estimate,
    eta_text,
    volume_size_for,
)

MiB = 1 << 20
DATA = 600 * MiB  # a backup of about a 1.2 GB database
MBIT = 1e6 / 8


def test_slow_line_takes_the_smallest_archive_fast_line_the_quickest_compressor():
    slow = choose(DATA, 1 * MBIT, volume_size=volume_size_for(1 * MBIT), cores=2)
    fast = choose(DATA, 1000 * MBIT, volume_size=volume_size_for(1000 * MBIT), cores=2)
    best_ratio = max(PRESETS, key=lambda p: p.ratio)
    cheapest = min(PRESETS, key=lambda p: p.cpu_per_mib)
    assert slow.preset == best_ratio and "upload" in slow.reason
    assert fast.preset == cheapest and "compression" in fast.reason
    # The chosen one is never worse than any other by the same model.
    for choice in (slow, fast):
        assert choice.estimate is not None
        assert all(choice.estimate.total_s <= e.total_s for e in choice.candidates)


def _least(input_bytes: int, uplink: float, backup_s: float) -> str:
    """The preset with the least total by :func:`estimate`, computed here one by one."""
    volume = volume_size_for(uplink, int(input_bytes / max(p.ratio for p in PRESETS)))
    totals = {p.name: estimate(p, input_bytes, uplink, cores=2, volume_size=volume,
                               backup_s=backup_s).total_s for p in PRESETS}
    return min(totals, key=totals.__getitem__)


def test_fast_line_takes_deflate_slow_line_lzma2_from_the_measured_costs():
    backup = 128 * MiB  # the 256 MiB shop database's backup, gbak alongside (~4 s)
    volume = volume_size_for(50 * MBIT, int(backup / max(p.ratio for p in PRESETS)))
    fast = choose(backup, 50 * MBIT, cores=2, volume_size=volume, backup_s=4.3)
    assert fast.preset.method == DEFLATE and fast.preset.name == _least(backup, 50 * MBIT, 4.3)
    assert fast.to_json()["method"] == DEFLATE
    volume = volume_size_for(1 * MBIT, int(backup / max(p.ratio for p in PRESETS)))
    slow = choose(backup, 1 * MBIT, cores=2, volume_size=volume, backup_s=4.3)
    assert slow.preset.method == LZMA2 and slow.preset.name == _least(backup, 1 * MBIT, 4.3)
    # Deflate's archive is the biggest: where bytes cost more than CPU it loses.
    light = next(e for e in slow.candidates if e.preset.method == DEFLATE)
    assert light.total_s > slow.estimate.total_s and light.upload_s > slow.estimate.upload_s


def test_the_backup_alongside_shares_the_cores():
    p = next(p for p in PRESETS if p.name == "fast")
    alone = estimate(p, DATA, 50 * MBIT, cores=2, volume_size=8 * MiB)
    shared = estimate(p, DATA, 50 * MBIT, cores=2, volume_size=8 * MiB, backup_s=1.0)
    mib = DATA / MiB
    assert alone.compress_s == pytest.approx(mib * p.cpu_per_mib / 2)
    assert shared.compress_s == pytest.approx(mib * (p.cpu_per_mib + BACKUP_CPU_PER_MIB) / 2)


@pytest.mark.parametrize("uplink", [None, 0.0, MIN_SPEED - 1])
@pytest.mark.parametrize("size", [1 * MiB, DATA, 8 * DATA])
def test_unknown_uplink_never_takes_deflate(uplink: float | None, size: int):
    choice = choose(size, uplink, volume_size=8 * MiB, backup_s=10.0)
    assert choice.preset.method == LZMA2 and choice.preset == DEFAULT


def test_no_measurement_keeps_the_default_and_says_so():
    choice = choose(DATA, None)
    assert choice.preset == DEFAULT and choice.estimate is None
    assert choice.to_json()["uplink_source"] == "none"
    assert "no measured uplink" in choice.to_json()["reason"]


def test_overlap_hides_the_shorter_of_compress_and_upload():
    p = DEFAULT
    up = 10 * MBIT
    streamed = estimate(p, DATA, up, cores=2, volume_size=8 * MiB)
    serial = estimate(p, DATA, up, cores=2, volume_size=None)
    assert streamed.total_s < serial.total_s
    # Serially the wait is the sum; streamed it is the longer one plus a short tail.
    assert abs(serial.total_s - (serial.compress_s + serial.tail_s)) < 1e-6
    assert streamed.total_s < max(streamed.compress_s, streamed.upload_s) + 2 * 8 * MiB / up + 5


def test_volume_size_follows_the_line_and_eta_reads_like_a_person():
    assert volume_size_for(1 * MBIT) == 1 * MiB
    assert volume_size_for(50 * MBIT) == 47 * MiB
    assert volume_size_for(10_000 * MBIT) == 64 * MiB
    assert volume_size_for(50 * MBIT, 24 * MiB) == 4 * MiB  # six volumes at least: overlap
    assert eta_text(170) == "≈ 3 мин до отправки"
    assert eta_text(12) == "≈ 15 с до отправки"
    assert eta_text(3700) == "≈ 1 ч 2 мин до отправки"


def test_every_preset_writes_an_archive_7zip_reads(tmp_path: Path):
    data = ("Продажа №42; товар «Молоко» 3,2% 930 мл; 89,90 руб.\n" * 20000).encode()
    for p in PRESETS:
        with BundleWriter(tmp_path / p.name, "x", **p.writer_args()) as w:
            w.add_bytes(data, "database/main.fbk")
            result = w.finish({"compression": choose(len(data), None).to_json()})
        test = subprocess.run(["7z", "t", str(result.paths[0])], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)
        assert test.returncode == 0 and "Everything is Ok" in test.stdout


def _cli(*args: str, data: Path) -> dict:
    import json
    import os
    import sys

    res = subprocess.run([sys.executable, "-m", "collector", *args, "--json"],
                         capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
                         env={**os.environ, "GBS_COLLECTOR_DATA_DIR": str(data)})
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_collect_follows_the_last_upload_and_the_manifest_says_why(demo, tmp_path: Path):
    from collector.bundle.preset import record_uplink

    day = demo.today.isoformat()
    data = tmp_path / "userdata"
    data.mkdir()
    review_args = ("collect", "--root", str(demo.root), "--date", day, "--out",
                   str(tmp_path / "out"), "--review")
    fresh = _cli(*review_args, data=data)
    assert fresh["compression"]["preset"] == DEFAULT.name and fresh["to_desk"] is None

    record_uplink(0.5 * MBIT, data)  # the last upload crawled: every byte counts
    review = _cli(*review_args, data=data)
    slow = max(PRESETS, key=lambda p: p.ratio)
    assert review["compression"]["preset"] == slow.name
    assert review["compression"]["uplink_source"] == "last upload"
    assert review["to_desk"]["text"].endswith("до отправки")
    assert review["to_desk"]["seconds"] >= review["seconds"]

    out = _cli("collect", "--root", str(demo.root), "--date", day, "--out",
               str(tmp_path / "out"), data=data)
    chosen = out["manifest"]["compression"]
    assert chosen["preset"] == slow.name and chosen["match_finder"] == slow.match_finder
    assert "Mbit/s" in chosen["reason"]
