"""Partner and vendor builds laid out as GBS_MARKET.md §1 and §2 describe, and the check that a
text calls the program by the build's own name.

GBS.Market may still appear where it is a fact about GBS.Market: the build's description
(«HiPos (партнёрская сборка GBS.Market)»), the program's folders and registry key (a vendor
build keeps ``HKCU\\Software\\F-Lab\\GBS.Market\\6``), and a registry entry quoted as read.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from collector.demo import DATA_DIR, EXE_DIR, make_partner_build
from tests.market_facts import write_vendor

VENDOR_NAME = "Касса24"
VENDOR = {
    "CodeName": "kassa24", "ApplicationName": VENDOR_NAME, "Country": "Russia",
    "Contacts": [{"Type": "Email", "Name": "Поддержка", "Value": "help@kassa24.example"}],
    "Links": [{"Type": "Support", "Value": "https://kassa24.example/help"}],
}
_DEMO_USER_DOCS = Path("Users")  # the demo's backups lie under Users\<user>\Documents


def partner_build(root: Path) -> str:
    """The demo under ``root`` as HiPos: ``partner.json`` beside Market.exe, data folder kept."""
    make_partner_build(root, "HiPos")
    return "HiPos"


def vendor_build(root: Path) -> str:
    """The demo under ``root`` as a vendor build: a valid vendor.dll + vendor.hash, and, as the
    program then has them, the data folder ``%ProgramData%\\<ApplicationName>\\data\\`` and the
    backup folder ``Documents\\<ApplicationName>_backups`` (DataBase.json points at both)."""
    write_vendor(root / Path(*EXE_DIR.split("\\")), VENDOR)
    old = root / Path(*DATA_DIR.split("\\"))
    new = root / "ProgramData" / VENDOR_NAME / "data"
    new.parent.mkdir(parents=True)
    shutil.move(old, new)
    for backups in (root / _DEMO_USER_DOCS).glob("*/Documents/GBS.Market6_backups"):
        backups.rename(backups.with_name(f"{VENDOR_NAME}_backups"))
    for cfg in (new / "Configs").glob("*.json"):
        text = cfg.read_text("utf-8-sig")
        text = text.replace("F-Lab\\\\GBS.Market\\\\6", f"{VENDOR_NAME}\\\\data")
        text = text.replace("GBS.Market6_backups", f"{VENDOR_NAME}_backups")
        cfg.write_text(text, encoding="utf-8")
    return VENDOR_NAME


_FACTS = re.compile(r"[\\/]GBS\.Market[\\/]|GBS\.Market6_backups|«GBS\.Market 6»")


def allowed_forms(name: str) -> tuple[str, ...]:
    """How a text may say GBS.Market about a build called ``name`` (Russian and English)."""
    return (f"{name} (партнёрская сборка GBS.Market)", f"{name} (сборка GBS.Market для поставщика)",
            "это партнёрская сборка GBS.Market", "это сборка GBS.Market для поставщика",
            f"{name} (a partner build of GBS.Market)", f"{name} (a vendor build of GBS.Market)",
            "this is a partner build of GBS.Market", "this is a vendor build of GBS.Market")


def stray_gbs_market(text: str, name: str) -> list[str]:
    """Every place where ``text`` says GBS.Market other than in an allowed form, with context."""
    rest = text
    for form in allowed_forms(name):
        rest = rest.replace(form, "")
    rest = _FACTS.sub("", rest)
    return [rest[max(0, m.start() - 60):m.end() + 60] for m in re.finditer(r"GBS\.Market", rest)]
