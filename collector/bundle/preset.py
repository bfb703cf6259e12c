"""The adaptive preset: the coder and settings that bring the archive to the desk soonest.

On a fast line the compressor is the bottleneck and a light preset wins (down to Deflate, whose
CPU cost leaves the cores to the backup); on a slow one every byte saved is worth seconds of
upload and a heavy LZMA2 preset wins. With the archive sent while it is
made (``collector.delivery.overlap``) the time to the desk is about

    max(backup, compress, upload) + the tail (the check, then the last volume and volume 1)

so :func:`choose` takes, from :data:`PRESETS`, the one with the least such total for the
measured uplink (the last upload's speed, or a short probe) and the expected size of the data;
the backup's own CPU (gbak, :data:`BACKUP_CPU_PER_MIB`) shares the cores with the compressor.
The costs per preset (CPU seconds per MiB of input, and the ratio) were measured with
``bench/time_to_desk.py --calibrate`` on the shop database of ``bench/shopdb.py`` (its backup
compresses like a real shop's, 5.8:1 with 7-Zip -mx5); the wall time divides the CPU cost by
the cores the writer uses. Without a measured uplink there is nothing to adapt to and the
default preset (the one ``bench/bundle`` tuned) is kept.

The choice and why go into the manifest (``Choice.to_json``) and the review shows the
expected total («≈ 3 мин до отправки», :func:`eta_text`).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collector.bundle.names import DEFLATE, LZMA2

MiB = 1 << 20
UPLINK_FILE = "uplink.json"


@dataclass(frozen=True)
class Preset:
    name: str
    level: int            # LZMA2: the xz preset (match finder hc4 below 4, bt4 from 4, depth,
                          # mode); Deflate: zlib's level
    dict_size: int        # LZMA2's dictionary (Deflate's window is always 32 KiB)
    nice_len: int | None  # None: the level's own
    cpu_per_mib: float    # CPU seconds per MiB of input (measured, see module doc)
    ratio: float          # input / output (measured)
    method: str = LZMA2   # the 7z method: LZMA2 or Deflate
    block_size: int | None = None  # a block per worker (None: 4 × dict_size, at least 8 MiB)

    @property
    def match_finder(self) -> str:
        if self.method == DEFLATE:
            return "zlib"
        return "hc4" if self.level <= 3 else "bt4"

    def writer_args(self) -> dict[str, Any]:
        """Keyword arguments of :class:`~collector.bundle.BundleWriter`."""
        return {"method": self.method, "preset": self.level, "dict_size": self.dict_size,
                "nice_len": self.nice_len,
                "block_size": self.block_size or max(8 * MiB, 4 * self.dict_size)}

    def filters(self) -> list[dict[str, Any]]:
        """py7zr's filter list of the coder (without AES)."""
        from collector.bundle.streaming import coder_filters

        return coder_filters(self.method, self.level, dict_size=self.dict_size,
                             nice_len=self.nice_len)


# Measured on the lab machine (2 shared cores, loaded: CPU seconds, not wall) by compressing the
# 256 MiB shop database's backup on two threads (ParallelDeflate, ParallelLzma2), one preset at
# a time: ``bench/time_to_desk.py --calibrate --size-mb 256``. Sorted light → heavy. ``light``
# is Deflate (zlib level 1): a third bigger than ``fast`` but a tenth of its CPU, so on a fast
# line the backup alone bounds the time (xz level 0 measured 0.064 / 4.79: still six times the
# CPU for a 4 % smaller archive than ``fast``'s, and it lost to ``light`` at 50 Mbit/s).
PRESETS = (
    Preset("light", 1, 32 << 10, None, cpu_per_mib=0.010, ratio=3.64, method=DEFLATE),
    Preset("fast", 1, 1 * MiB, None, cpu_per_mib=0.112, ratio=4.85),
    Preset("balanced", 4, 2 * MiB, 32, cpu_per_mib=0.394, ratio=5.65),
    Preset("normal", 5, 3 * MiB, 48, cpu_per_mib=0.583, ratio=6.00),
    # 12 MiB blocks, not 16: three of them are in memory at once, and with two bt4 encoders of
    # 4 MiB the peak for a 2 GB database was 201 MB; 182 MB with 12 MiB blocks, for a 0.2 %
    # bigger archive (bench/bundle --memory --size-mb 2048 --preset 6 --dict-mb 4 …).
    Preset("strong", 6, 4 * MiB, 64, cpu_per_mib=0.710, ratio=6.04, block_size=12 * MiB),
)
DEFAULT = next(p for p in PRESETS if p.name == "normal")
BACKUP_CPU_PER_MIB = 0.040  # gbak (embedded engine) per MiB of backup it writes (--calibrate)
VERIFY_CPU_PER_MIB = 0.004  # reading back: decompressing and hashing (per MiB of input)
MIN_SPEED = 1024  # bytes/s: below that a measurement is taken as noise
# Bytes an upload must have sent for its speed to be kept: a smaller one is mostly its first
# burst into the system's buffers (a 256 KiB volume 1 read 60 Mbit/s on a 50 Mbit/s line).
MIN_SAMPLE = 2 << 20


@dataclass(frozen=True)
class Estimate:
    preset: Preset
    compress_s: float  # the backup runs at the same time: the longer of the two
    upload_s: float    # what is sent while compressing
    tail_s: float      # after the end: the check, then what could not travel before it

    @property
    def total_s(self) -> float:
        return max(self.compress_s, self.upload_s) + self.tail_s


@dataclass(frozen=True)
class Choice:
    preset: Preset
    reason: str                   # «why», in English for the manifest
    uplink: float | None          # bytes/s used for the choice
    uplink_source: str            # "last upload" | "probe" | "none"
    estimate: Estimate | None     # of the chosen preset
    candidates: tuple[Estimate, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "preset": self.preset.name, "method": self.preset.method,
            "level": self.preset.level,
            "match_finder": self.preset.match_finder, "dict_size": self.preset.dict_size,
            "nice_len": self.preset.nice_len, "reason": self.reason,
            "uplink_bytes_per_second": round(self.uplink) if self.uplink else None,
            "uplink_source": self.uplink_source,
        }
        if self.estimate is not None:
            data["expected_seconds"] = round(self.estimate.total_s, 1)
            data["candidates"] = {e.preset.name: round(e.total_s, 1) for e in self.candidates}
        return data


def estimate(preset: Preset, input_bytes: int, uplink: float, *, cores: int,
             volume_size: int | None, backup_s: float = 0.0) -> Estimate:
    mib = input_bytes / MiB
    # The backup alongside is not free: gbak's own CPU shares the cores with the compressor.
    backup_cpu = mib * BACKUP_CPU_PER_MIB if backup_s else 0.0
    compress = max(backup_s, (backup_cpu + mib * preset.cpu_per_mib) / max(1, cores))
    archive = input_bytes / preset.ratio
    upload = archive / uplink
    # After the end: the read-back check, then what could not travel before it: volume 1
    # (small: first_volumes_for) and the last volume (the whole archive when it is one).
    held = archive
    if volume_size:
        first = first_volumes_for(volume_size)
        held = min(archive, (first[0] if first else volume_size) + volume_size)
    tail = mib * VERIFY_CPU_PER_MIB + held / uplink
    if not volume_size:  # nothing overlaps: compress, check, then upload (all in the tail)
        return Estimate(preset, compress, 0.0, tail)
    return Estimate(preset, compress, upload - held / uplink, tail)


def choose(input_bytes: int, uplink: float | None, *, uplink_source: str = "last upload",
           cores: int | None = None, volume_size: int | None = None,
           backup_s: float = 0.0) -> Choice:
    """The preset with the least expected time to the desk for ``input_bytes`` of data
    (``backup_s``: how long the backup that produces them takes, run alongside)."""
    cores = cores or min(2, os.cpu_count() or 1)
    if not uplink or uplink < MIN_SPEED:
        return Choice(DEFAULT, "no measured uplink: the default preset", None, "none", None)
    found = tuple(estimate(p, input_bytes, uplink, cores=cores, volume_size=volume_size,
                           backup_s=backup_s) for p in PRESETS)
    best = min(found, key=lambda e: e.total_s)
    bound = "upload" if best.upload_s > best.compress_s else (
        "the backup" if backup_s >= best.compress_s else "compression")
    reason = (f"least expected time to the desk at {uplink * 8 / 1e6:.2f} Mbit/s "
              f"({uplink_source}): {best.total_s:.0f} s, bound by {bound}")
    return Choice(best.preset, reason, uplink, uplink_source, best, found)


def volume_size_for(uplink: float | None, archive_bytes: int | None = None, *,
                    lowest: int = 1 * MiB, highest: int = 64 * MiB) -> int:
    """Volumes of at most about 8 s on the line, and at least six of them for the expected
    archive: small enough that the tail after the end (volume 1 and the last) is short and the
    first volume is on its way early, large enough that each is worth a request."""
    if not uplink:
        return 16 * MiB
    size = min(highest, uplink * 8)
    if archive_bytes:
        size = min(size, archive_bytes / 6)
    return int(max(lowest, size) // MiB * MiB)


FIRST_VOLUME = 256 << 10


def first_volumes_for(volume_size: int) -> tuple[int, ...]:
    """The sizes of the first volumes of a bundle sent as it is made, before ``volume_size``:
    256 KiB, doubling. Volume 1 is sent last (its first bytes are written at the end), so the
    first to travel is volume 2: small ones put the archive on the line within a second of
    the first compressed bytes, and leave little for the end."""
    sizes: list[int] = []
    size = FIRST_VOLUME
    while size < volume_size:
        sizes.append(size)
        size *= 2
    return tuple(sizes)


def eta_text(seconds: float) -> str:
    """«≈ 40 с до отправки», «≈ 3 мин до отправки», «≈ 1 ч 10 мин до отправки»."""
    from collector.i18n import _

    if seconds < 60:
        return _("≈ {n} с до отправки", n=max(5, math.ceil(seconds / 5) * 5))
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return _("≈ {n} мин до отправки", n=minutes)
    return _("≈ {h} ч {m} мин до отправки", h=minutes // 60, m=minutes % 60)


# --- the last measured uplink (written by collector.delivery.overlap) -------------------------

def _uplink_file(data_dir: Path | None) -> Path:
    from collector.userdata import user_data_dir

    return (data_dir or user_data_dir()) / UPLINK_FILE


def record_uplink(bytes_per_second: float | None, data_dir: Path | None = None) -> None:
    """Keep the speed of the last upload (the adaptive preset's input next time)."""
    if not bytes_per_second:
        return
    with contextlib.suppress(Exception):  # a cache: never a reason for a delivery to fail
        path = _uplink_file(data_dir)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps({"bytes_per_second": round(bytes_per_second),
                                   "measured": time.time()}), encoding="utf-8")
        tmp.replace(path)


def last_uplink(data_dir: Path | None = None) -> float | None:
    """The speed of the last upload in bytes per second, when one was measured."""
    try:
        data = json.loads(_uplink_file(data_dir).read_text(encoding="utf-8"))
        value = float(data["bytes_per_second"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return value if value > 0 else None
