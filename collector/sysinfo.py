"""A snapshot of the PC for "the program is slow" questions (``system.json`` in the bundle).

OS and build, CPU and load, memory, free space per drive, uptime, GBS.Market and Firebird
processes with memory and CPU, Firebird services and their state, screens. Every part is read on
its own: one that fails is reported with its reason and the rest is still there.
"""

from __future__ import annotations

import contextlib
import os
import platform
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import psutil

from collector import __version__
from collector.sysroot import SystemRoot
from collector.winsys.processes import FIREBIRD_NAMES, MARKET_NAMES, find_process_groups
from collector.winsys.services import list_services

Screens = list[dict[str, Any]]


def snapshot(
    root: SystemRoot,
    *,
    screens: Screens | None = None,
    cpu_sample: float = 0.5,
) -> dict[str, Any]:
    """``screens`` may be given by the GUI (Qt knows them best); otherwise read from the OS."""
    # One CPU sample serves the machine's load and every process of interest.
    try:
        groups, machine_cpu = find_process_groups(
            {"gbs_market": MARKET_NAMES, "firebird": FIREBIRD_NAMES}, cpu_sample=cpu_sample)
    except Exception:  # the processes part below then reports the failure on its own
        groups, machine_cpu = None, None
    parts: dict[str, Callable[[], Any]] = {
        "os": _os_info,
        "cpu": lambda: _cpu(machine_cpu),
        "memory": _memory,
        "disks": _disks,
        "uptime": _uptime,
        "processes": lambda: _processes(groups),
        "services": _services,
        "screens": (lambda: screens) if screens is not None else _screens,
    }
    data: dict[str, Any] = {
        "collected_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "collector_version": __version__,
        "hostname": socket.gethostname(),
        "system_root": str(root.base) if root.base else None,
    }
    problems = {}
    for name, read in parts.items():
        try:
            data[name] = read()
        except Exception as exc:  # one unreadable part must not sink the snapshot
            data[name] = None
            problems[name] = f"{type(exc).__name__}: {exc}"
    if problems:
        data["problems"] = problems
    return data


def _processes(groups: dict[str, list] | None) -> dict[str, Any]:
    if groups is None:
        groups, _cpu_unused = find_process_groups(
            {"gbs_market": MARKET_NAMES, "firebird": FIREBIRD_NAMES})
    return {**{g: [p.to_json() for p in procs] for g, procs in groups.items()},
            "top_memory": _top_memory()}


def _os_info() -> dict[str, Any]:
    info: dict[str, Any] = {
        "system": platform.system(),
        "release": platform.release(),
        "version": platform.version(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
    }
    if sys.platform == "win32":  # pragma: no cover - Windows only
        info.update(_windows_build())
    else:
        with contextlib.suppress(OSError):
            info["pretty_name"] = platform.freedesktop_os_release().get("PRETTY_NAME")
    return info


def _windows_build() -> dict[str, Any]:  # pragma: no cover - Windows only
    import winreg

    out: dict[str, Any] = {"edition": platform.win32_edition()}
    key = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as h:
        for name in ("ProductName", "DisplayVersion", "CurrentBuild", "UBR"):
            with contextlib.suppress(OSError):
                out[name] = winreg.QueryValueEx(h, name)[0]
    return out


def _cpu(percent: float | None) -> dict[str, Any]:
    freq = psutil.cpu_freq() if hasattr(psutil, "cpu_freq") else None
    load = None
    if hasattr(os, "getloadavg"):
        load = [round(x, 2) for x in os.getloadavg()]
    return {
        "model": _cpu_model(),
        "logical": psutil.cpu_count(),
        "physical": psutil.cpu_count(logical=False),
        "max_mhz": round(freq.max) if freq and freq.max else None,
        "percent": percent,
        "load_average": load,
    }


def _cpu_model() -> str:
    if sys.platform == "win32":  # pragma: no cover
        return platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _mb(n: float) -> int:
    return round(n / 2**20)


def _memory() -> dict[str, Any]:
    vm, sw = psutil.virtual_memory(), psutil.swap_memory()
    return {"total_mb": _mb(vm.total), "available_mb": _mb(vm.available), "percent": vm.percent,
            "swap_total_mb": _mb(sw.total), "swap_used_mb": _mb(sw.used)}


def _disks() -> list[dict[str, Any]]:
    disks = []
    for part in psutil.disk_partitions(all=False):
        if "cdrom" in part.opts or part.fstype in ("", "squashfs"):
            continue
        try:
            usage = psutil.disk_usage(part.mountpoint)
        except OSError:
            continue  # an empty card reader, a disconnected network drive
        disks.append({"mount": part.mountpoint, "fstype": part.fstype,
                      "total_mb": _mb(usage.total), "free_mb": _mb(usage.free),
                      "percent_used": usage.percent})
    return disks


def _uptime() -> dict[str, Any]:
    boot = psutil.boot_time()
    return {"boot_time": datetime.fromtimestamp(boot).astimezone().isoformat(timespec="seconds"),
            "uptime_hours": round((time.time() - boot) / 3600, 1)}


def _top_memory(n: int = 10) -> list[dict[str, Any]]:
    procs = []
    for p in psutil.process_iter(["pid", "name", "memory_info"]):
        mem = p.info.get("memory_info")
        if mem is not None:
            procs.append((mem.rss, p.info["pid"], p.info.get("name") or ""))
    procs.sort(reverse=True)
    return [{"pid": pid, "name": name, "rss_mb": _mb(rss)} for rss, pid, name in procs[:n]]


def _services() -> dict[str, Any]:
    found, problem = list_services()
    return {"firebird": [s.to_json() for s in found], "problem": problem}


def _screens() -> Screens:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_screens()
    if not os.environ.get("DISPLAY"):
        return []
    try:
        out = subprocess.run(["xrandr", "--current"], capture_output=True, text=True, timeout=3)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return parse_xrandr(out.stdout)


def parse_xrandr(text: str) -> Screens:
    import re

    screens = []
    for m in re.finditer(r"^(\S+) connected (primary )?(\d+)x(\d+)\+(\d+)\+(\d+)", text, re.M):
        screens.append({"name": m[1], "primary": bool(m[2]), "width": int(m[3]),
                        "height": int(m[4]), "x": int(m[5]), "y": int(m[6])})
    return screens


def _windows_screens() -> Screens:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32
    with contextlib.suppress(Exception):
        user32.SetProcessDPIAware()
    screens: Screens = []

    class MONITORINFO(ctypes.Structure):
        _fields_ = [("cbSize", wintypes.DWORD), ("rcMonitor", wintypes.RECT),
                    ("rcWork", wintypes.RECT), ("dwFlags", wintypes.DWORD)]

    proc_type = ctypes.WINFUNCTYPE(ctypes.c_int, wintypes.HMONITOR, wintypes.HDC,
                                   ctypes.POINTER(wintypes.RECT), wintypes.LPARAM)

    def callback(hmon, _hdc, _rect, _data):
        mi = MONITORINFO()
        mi.cbSize = ctypes.sizeof(MONITORINFO)
        user32.GetMonitorInfoW(hmon, ctypes.byref(mi))
        r = mi.rcMonitor
        screens.append({"width": r.right - r.left, "height": r.bottom - r.top, "x": r.left,
                        "y": r.top, "primary": bool(mi.dwFlags & 1)})
        return 1

    user32.EnumDisplayMonitors(None, None, proc_type(callback), 0)
    return screens
