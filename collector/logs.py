"""GBS.Market's logs: one folder per day under ``Logs``, NLog layout, files kept open."""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path

DAY_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
HEADER_VERSION = re.compile(r"Application ver\.\s*:\s*([0-9][0-9.]*[0-9])")
HEADER_BYTES = 4096


def day_folders(logs_dir: Path) -> dict[date, Path]:
    """Day folders by date; oddly named folders are ignored."""
    days: dict[date, Path] = {}
    try:
        entries = list(logs_dir.iterdir())
    except OSError:
        return days
    for entry in entries:
        m = DAY_FOLDER.match(entry.name)
        if not m or not entry.is_dir():
            continue
        try:
            days[date(int(m[1]), int(m[2]), int(m[3]))] = entry
        except ValueError:
            continue
    return days


def decode_head(raw: bytes) -> str:
    """Decode the start of a log file: UTF-16 (backup.log), UTF-8 with/without BOM, cp1251."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    if len(raw) >= 4 and raw[1] == 0 and raw[3] == 0:
        return raw.decode("utf-16-le", errors="replace")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start > len(raw) - 4:  # cut in the middle of a character
            return raw[: exc.start].decode("utf-8")
        return raw.decode("cp1251", errors="replace")


def header_versions(path: Path) -> list[str]:
    """Versions named in the NLog header blocks at the start of a file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEADER_BYTES)
    except OSError:
        return []
    return HEADER_VERSION.findall(decode_head(head))


def newest_logged_version(logs_dir: Path) -> tuple[str, Path] | None:
    """The version written in the header of the newest log file, and that file."""
    for _day, folder in sorted(day_folders(logs_dir).items(), reverse=True):
        try:
            files = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            continue
        for f in files:
            versions = header_versions(f)
            if versions:
                return versions[-1], f
    return None
