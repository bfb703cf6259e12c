"""Running processes of interest (GBS.Market, Firebird), read with psutil."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

MARKET_NAMES = ("market.exe",)
FIREBIRD_NAMES = ("firebird.exe", "fbserver.exe", "fb_inet_server.exe", "fbguard.exe", "firebird")


@dataclass
class ProcessInfo:
    pid: int
    name: str
    exe: str | None
    rss_mb: float | None
    cpu_percent: float | None
    started: float | None
    username: str | None

    def to_json(self) -> dict:
        return asdict(self)


def find_processes(names: tuple[str, ...], *, cpu_sample: float = 0.0) -> list[ProcessInfo]:
    """Processes whose executable name matches one of ``names`` (case-insensitive).

    Processes of other users may deny details: they are still listed, with what could be read.
    """
    return find_process_groups({"found": names}, cpu_sample=cpu_sample)[0]["found"]


def find_process_groups(
    groups: dict[str, tuple[str, ...]], *, cpu_sample: float = 0.0
) -> tuple[dict[str, list[ProcessInfo]], float | None]:
    """Several groups of processes and the whole machine's CPU load, measured over one shared
    ``cpu_sample`` interval (one wait instead of one per group)."""
    wanted = {g: {n.casefold() for n in names} for g, names in groups.items()}
    found: dict[str, list[psutil.Process]] = {g: [] for g in groups}
    for proc in psutil.process_iter(["pid", "name", "exe"]):
        name = (proc.info.get("name") or "").casefold()
        exe = proc.info.get("exe") or ""
        for g, names in wanted.items():
            if name in names or (exe and Path(exe).name.casefold() in names):
                found[g].append(proc)
    machine = None
    if cpu_sample > 0:
        psutil.cpu_percent(interval=None)
        for procs in found.values():
            for p in procs:
                _safe(p.cpu_percent)
        time.sleep(cpu_sample)
        machine = psutil.cpu_percent(interval=None)
    result = {g: [_info(p, cpu_sample > 0) for p in procs] for g, procs in found.items()}
    return result, machine


def _info(p: psutil.Process, with_cpu: bool) -> ProcessInfo:
    mem = _safe(p.memory_info)
    return ProcessInfo(
        pid=p.pid,
        name=p.info.get("name") or "",
        exe=p.info.get("exe"),
        rss_mb=round(mem.rss / 2**20, 1) if mem else None,
        cpu_percent=_safe(p.cpu_percent) if with_cpu else None,
        started=_safe(p.create_time),
        username=_safe(p.username),
    )


def _safe(fn):
    try:
        return fn()
    except (psutil.Error, OSError):
        return None
