"""System services (Firebird's above all): Windows service manager, or systemd in the lab."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass

from collector.i18n import _

FIREBIRD_SERVICE = re.compile(r"firebird|fbguard|fb_inet|interbase", re.I)


@dataclass
class ServiceInfo:
    name: str
    display_name: str
    status: str  # running | stopped | start_pending | … as the system says
    start_type: str | None
    binpath: str | None

    def to_json(self) -> dict:
        return asdict(self)


def list_services(
    pattern: re.Pattern[str] = FIREBIRD_SERVICE,
) -> tuple[list[ServiceInfo], str | None]:
    """Services whose name or display name matches; second item says why none could be read."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows(pattern)
    return _systemd(pattern)


def _windows(pattern: re.Pattern[str]) -> tuple[list[ServiceInfo], str | None]:  # pragma: no cover
    import psutil

    found = []
    try:
        for svc in psutil.win_service_iter():
            try:
                info = svc.as_dict()
            except (psutil.Error, OSError):
                continue
            if pattern.search(info.get("name", "")) or pattern.search(info.get("display_name", "")):
                found.append(ServiceInfo(info["name"], info.get("display_name", ""),
                                         info.get("status", "?"), info.get("start_type"),
                                         info.get("binpath")))
    except (psutil.Error, OSError) as exc:
        return found, _("службы Windows недоступны: {error}", error=exc)
    return found, None


def parse_systemctl_units(text: str, pattern: re.Pattern[str]) -> list[ServiceInfo]:
    """Lines of ``systemctl list-units --type=service --all --plain --no-legend``."""
    found = []
    for line in text.splitlines():
        parts = line.split(None, 4)
        if len(parts) < 4 or not parts[0].endswith(".service"):
            continue
        unit, _load, active, sub = parts[:4]
        description = parts[4] if len(parts) > 4 else ""
        if pattern.search(unit) or pattern.search(description):
            found.append(ServiceInfo(unit.removesuffix(".service"), description.strip(),
                                     "running" if sub == "running" else f"{active}/{sub}",
                                     None, None))
    return found


def _systemd(pattern: re.Pattern[str]) -> tuple[list[ServiceInfo], str | None]:
    systemctl = shutil.which("systemctl")
    if not systemctl:
        return [], _("список служб недоступен: systemctl не найден")
    try:
        out = subprocess.run(
            [systemctl, "list-units", "--type=service", "--all", "--plain", "--no-legend",
             "--no-pager"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [], _("systemctl не ответил: {error}", error=exc)
    if out.returncode != 0:
        return [], _("systemctl: {error}", error=(out.stderr.strip() or "ошибка")[:200])
    return parse_systemctl_units(out.stdout, pattern), None
