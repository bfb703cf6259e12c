"""Names and sizes: the bundle's file name, names inside it, volume sizes and volume files."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from collector.errors import CollectorError, ExitCode
from collector.i18n import _

CHUNK = 1 << 20  # read/write granularity; py7zr's own default block size on 64-bit Python
MiB = 1 << 20
MANIFEST_NAME = "manifest.json"
INCOMPLETE_SUFFIX = ".incomplete"
LZMA2 = "lzma2"      # the bundle's coders (7z methods)
DEFLATE = "deflate"

# Mail servers check the size of the *encoded* message: base64 turns 57 bytes into a 76-character
# line plus CRLF, ×1.368. 17 MiB of archive becomes 24.4 MB on the wire and leaves ~0.6 MB of a
# 25 000 000-byte limit (Gmail, Yandex, Mail.ru: "25 МБ") for the letter itself.
DEFAULT_VOLUME_SIZE = 17 * MiB
MIN_VOLUME_SIZE = 64 * 1024

# --- sizes and names ---------------------------------------------------------------------------

_UNITS = {"": 1, "b": 1, "б": 1,
          "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "к": 1 << 10, "кб": 1 << 10,
          "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "м": 1 << 20, "мб": 1 << 20,
          "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30, "г": 1 << 30, "гб": 1 << 30}


def parse_size(text: str | int) -> int:
    """``"17M"``, ``"100MB"``, ``"1.5 ГБ"``, ``"65536"`` → bytes.

    Units are binary (1M = 1024 × 1024), as in 7-Zip's ``-v17m``; case and a space before the
    unit do not matter. Raises :class:`CollectorError` (exit code 2) with a Russian message.
    """
    if isinstance(text, int):
        value = text
    else:
        m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([a-zа-яё]*)\s*", str(text).lower())
        if not m or m.group(2) not in _UNITS:
            raise CollectorError(
                _("Непонятный размер тома «{text}»: укажите число с единицей, например 17M, "
                  "100MB или 1G.", text=text), exit_code=ExitCode.USAGE)
        value = int(float(m.group(1).replace(",", ".")) * _UNITS[m.group(2)])
    if value < MIN_VOLUME_SIZE:
        raise CollectorError(
            _("Слишком маленький размер тома «{text}»: нужно не меньше 64 КБ.", text=text),
            exit_code=ExitCode.USAGE)
    return value


def bundle_name(gbs_id: str | None, problem_date: date, created: datetime) -> str:
    """``GBS-Support_<first 8 of GBS.ID or NOID>_<problem date>_<YYYYMMDD-HHMMSS>`` (no ``.7z``).

    The ``6:`` version prefix of a GBS.ID is skipped: a colon cannot be in a Windows file name.
    """
    short = "NOID"
    if gbs_id:
        hexpart = re.sub(r"[^0-9A-Za-z]", "", gbs_id.split(":", 1)[-1])
        short = hexpart[:8] or "NOID"
    return f"GBS-Support_{short}_{problem_date.isoformat()}_{created:%Y%m%d-%H%M%S}"


def check_arcname(arcname: str) -> str:
    """A relative POSIX path without ``..``: what the bundle layout allows inside the archive."""
    parts = arcname.split("/")
    if (not arcname or "\\" in arcname or "\x00" in arcname or arcname.startswith("/")
            or re.match(r"^[A-Za-z]:", arcname) or any(p in ("", ".", "..") for p in parts)):
        raise ValueError(f"bad name inside the bundle: {arcname!r}")
    return arcname



_VOLUME_RE = re.compile(r"^(?P<base>.+\.7z)\.(?P<num>\d{3})(?:\.part)?$", re.IGNORECASE)


def find_volumes(path: Path) -> tuple[Path, list[Path], list[str]]:
    """The archive's base name (``….7z``), its volume files in order and names of missing ones."""
    m = _VOLUME_RE.match(path.name)
    if m is None:
        base = path
        if path.exists() or not path.with_name(path.name + ".001").exists():
            return base, [path], []
    else:
        base = path.with_name(m.group("base"))
    numbers = sorted(int(mm.group("num")) for p in base.parent.glob(base.name + ".*")
                     if (mm := _VOLUME_RE.match(p.name)) and mm.group("base") == base.name
                     and not p.name.endswith(".part"))
    if not numbers:
        return base, [path], []
    last = numbers[-1]
    volumes = [base.with_name(f"{base.name}.{i:03d}") for i in range(1, last + 1)]
    missing = [v.name for v in volumes if not v.exists()]
    return base, volumes, missing

