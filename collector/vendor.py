"""A vendor build's own identity: ``vendor.dll`` in the app folder (GBS_MARKET.md §1).

``vendor.dll`` is JSON text, honoured by the program only when ``vendor.hash`` beside it is
Base64(SHA-256(vendor.dll bytes + UTF-8 ``gbsmarket26092023``)). What the collector takes from
it: ``CodeName`` (the update feed's hash, §9), ``ApplicationName``, ``Country``, and the
``Links``/``Contacts`` that win over the desk's own (§13). An invalid or missing pair is the
default build.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

SALT = "gbsmarket26092023"
DEFAULT_CODE_NAME = "gbsmarket"


@dataclass
class Vendor:
    code_name: str = DEFAULT_CODE_NAME
    application_name: str = "GBS.Market"
    country: str = ""
    links: dict[str, str] = field(default_factory=dict)  # Buy | KB | Main | Support → URL
    emails: list[str] = field(default_factory=list)  # Contacts of Type Email


def read_vendor(app_dir: Path | None) -> Vendor | None:
    """The vendor of the build in ``app_dir``, or None for the default build (or a pair that
    does not pass the program's own check)."""
    if app_dir is None:
        return None
    try:
        raw = (app_dir / "vendor.dll").read_bytes()
        stated = (app_dir / "vendor.hash").read_text(encoding="utf-8-sig").strip()
    except OSError:
        return None
    digest = base64.b64encode(hashlib.sha256(raw + SALT.encode("utf-8")).digest()).decode()
    if stated != digest:
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    links = {}
    for item in data.get("Links") or []:
        if isinstance(item, dict) and isinstance(item.get("Value"), str):
            links[str(item.get("Type"))] = item["Value"]
    emails = [str(c.get("Value")) for c in data.get("Contacts") or []
              if isinstance(c, dict) and str(c.get("Type")) == "Email" and c.get("Value")]
    return Vendor(code_name=str(data.get("CodeName") or DEFAULT_CODE_NAME),
                  application_name=str(data.get("ApplicationName") or "GBS.Market"),
                  country=str(data.get("Country") or ""), links=links, emails=emails)
