"""Running processes of interest (GBS.Market, Firebird), read with psutil."""

from __future__ import annotations

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
    wanted = {n.casefold() for n in names}
    found: list[psutil.Process] = []
    for proc in psutil.process_iter(["pid", "name", "exe"]):
        name = (proc.info.get("name") or "").casefold()
        exe = proc.info.get("exe") or ""
        if name in wanted or (exe and Path(exe).name.casefold() in wanted):
            found.append(proc)
    if cpu_sample > 0:
        for p in found:
            _safe(p.cpu_percent)
        psutil.cpu_percent(interval=cpu_sample)
    result = []
    for p in found:
        mem = _safe(p.memory_info)
        result.append(
            ProcessInfo(
                pid=p.pid,
                name=p.info.get("name") or "",
                exe=p.info.get("exe"),
                rss_mb=round(mem.rss / 2**20, 1) if mem else None,
                cpu_percent=_safe(p.cpu_percent) if cpu_sample > 0 else None,
                started=_safe(p.create_time),
                username=_safe(p.username),
            )
        )
    return result


def _safe(fn):
    try:
        return fn()
    except (psutil.Error, OSError):
        return None
