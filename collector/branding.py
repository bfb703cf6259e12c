"""Which build of the program this is (GBS_MARKET.md §1, §2, §9): GBS.Market itself, a vendor
build or a partner build, and what that changes.

- **Vendor build**: ``vendor.dll`` in the program's folder is JSON text, honoured only when
  ``vendor.hash`` beside it holds exactly Base64(SHA-256(vendor.dll's bytes + UTF-8
  ``gbsmarket26092023``)). It names the program (``ApplicationName``), moves the data folder to
  ``%ProgramData%\\<ApplicationName>\\data\\``, the default backup folder to
  ``<ApplicationName>_backups``, and the update feed (``CodeName``).
- **Partner build**: ``partner.json`` ``{"Uid", "IsBlockRegion"}``; LEO.Market and HiPos are
  named by their Uid. It changes the name and the links, never the data folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from collector.i18n import _

ORIGINAL_NAME = "GBS.Market"
DEFAULT_CODE_NAME = "gbsmarket"
VENDOR_SALT = "gbsmarket26092023"
UPDATE_SALT = "3364a3b8"
VENDOR_FILE = "vendor.dll"
VENDOR_HASH_FILE = "vendor.hash"
PARTNER_FILE = "partner.json"
PARTNERS = {
    "8f5f791d-ccb2-44a0-ab9e-b21960d7b1ab": "LEO.Market",
    "ef9f8cdb-6132-4292-b54a-41463062f331": "HiPos",
}
DEFAULT_DATA_DIR = "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"  # fixed, drive included
BACKUPS_FOLDER = "GBS.Market6_backups"


def product_name(installation: Any | None) -> str:
    """What to call the program in a message about ``installation`` (``installation.Installation``
    or None): the build's own name («HiPos», a vendor's ApplicationName), GBS.Market when nothing
    has been found."""
    branding = getattr(installation, "branding", None)
    return branding.name if isinstance(branding, Branding) else ORIGINAL_NAME


def vendor_hash(data: bytes) -> str:
    """What ``vendor.hash`` must hold for ``vendor.dll`` of these bytes."""
    import base64
    import hashlib  # here: the GUI names the product before its first paint, hashing nothing

    return base64.b64encode(hashlib.sha256(data + VENDOR_SALT.encode("utf-8")).digest()).decode()


def update_hash(code_name: str) -> str:
    """The update feed's folder for a build (§9): MD5 of ``<CodeName>3364a3b8``."""
    import hashlib

    return hashlib.md5((code_name + UPDATE_SALT).encode("ascii"), usedforsecurity=False).hexdigest()


@dataclass
class Vendor:
    application_name: str
    code_name: str
    country: Any = None  # a Countries name or number, as written
    languages: list[Any] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # Buy | KB | Main | Support → URL


@dataclass
class Branding:
    """The build: ``name`` is what the program calls itself (its title, messages, About)."""

    name: str = ORIGINAL_NAME
    build: str = "original"  # original | vendor | partner
    vendor: Vendor | None = None
    partner_uid: str | None = None
    partner_block_region: bool = False
    notes: list[str] = field(default_factory=list)  # Russian: what was found and ignored

    @property
    def code_name(self) -> str:
        return self.vendor.code_name if self.vendor else DEFAULT_CODE_NAME

    @property
    def backups_folder(self) -> str:
        """The default backup folder's name in Documents (DataBase.json's BackUp.Path)."""
        return f"{self.vendor.application_name}_backups" if self.vendor else BACKUPS_FOLDER

    def data_dir(self, program_data: str = r"C:\ProgramData") -> str:
        """The data folder the program uses when there is no AppConfig.conf (ends with ``\\``):
        a vendor build's lies under the real ProgramData, the original's path is fixed."""
        if self.vendor is None:
            return DEFAULT_DATA_DIR
        return program_data.rstrip("\\") + "\\" + self.vendor.application_name + "\\data\\"

    def describe(self) -> str:
        """«HiPos (партнёрская сборка GBS.Market)» and the like, for people."""
        if self.build == "vendor":
            return _("{name} (сборка GBS.Market для поставщика)", name=self.name)
        if self.build == "partner":
            return _("{name} (партнёрская сборка GBS.Market)", name=self.name)
        return self.name

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "build": self.build, "code_name": self.code_name,
            "update_hash": update_hash(self.code_name), "partner_uid": self.partner_uid,
            "partner_block_region": self.partner_block_region,
            "vendor": None if self.vendor is None else {
                "application_name": self.vendor.application_name,
                "code_name": self.vendor.code_name, "country": self.vendor.country,
                "languages": self.vendor.languages, "links": self.vendor.links,
                "contacts": self.vendor.contacts},
            "notes": [str(n) for n in self.notes],
        }


def read_branding(app_dir: Path | None, show=str) -> Branding:
    """The build of the program in ``app_dir`` (the folder of Market.exe), read as it reads it."""
    branding = Branding()
    if app_dir is None:
        return branding
    vendor = _vendor(app_dir, branding.notes, show)
    partner = _partner(app_dir, branding.notes, show)
    if partner is not None:
        branding.partner_uid, branding.partner_block_region = partner
    if vendor is not None:
        branding.vendor, branding.name, branding.build = vendor, vendor.application_name, "vendor"
    elif branding.partner_uid is not None:
        branding.build = "partner"
        branding.name = PARTNERS.get(branding.partner_uid, ORIGINAL_NAME)
    return branding


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _vendor(app_dir: Path, notes: list[str], show) -> Vendor | None:
    from collector.configs import decode_text

    dll = _read(app_dir / VENDOR_FILE)
    if dll is None:
        return None
    stored = _read(app_dir / VENDOR_HASH_FILE)
    where = show(app_dir / VENDOR_FILE)
    if stored is None:
        notes.append(_("Рядом с {path} нет vendor.hash: программа не применяет vendor.dll и "
                       "работает как GBS.Market.", path=where))
        return None
    # File.ReadAllText: the BOM is dropped, nothing else; the comparison is exact
    text = decode_text(stored)
    if text != vendor_hash(dll):
        if text.strip() == vendor_hash(dll):
            notes.append(_("В vendor.hash рядом с {path} лишние пробелы или перевод строки: "
                           "программа сравнивает его точно и не применяет vendor.dll.",
                           path=where))
        else:
            notes.append(_("vendor.hash не подходит к {path}: программа не применяет vendor.dll "
                           "и работает как GBS.Market.", path=where))
        return None
    try:
        data = json.loads(decode_text(dll))
    except ValueError as exc:
        notes.append(_("{path} не читается как JSON ({error}): программа с ним не запустится.",
                       path=where, error=exc))
        return None
    if not isinstance(data, dict):
        return None
    links = {str(x.get("Type")): str(x.get("Value")) for x in data.get("Links") or []
             if isinstance(x, dict) and x.get("Value")}
    languages = data.get("Languages") or ([data["Language"]] if data.get("Language") is not None
                                          else [])
    return Vendor(application_name=str(data.get("ApplicationName") or ORIGINAL_NAME),
                  code_name=str(data.get("CodeName") or DEFAULT_CODE_NAME),
                  country=data.get("Country"), languages=list(languages),
                  contacts=[c for c in data.get("Contacts") or [] if isinstance(c, dict)],
                  links=links)


def _partner(app_dir: Path, notes: list[str], show) -> tuple[str, bool] | None:
    from collector.configs import decode_text

    raw = _read(app_dir / PARTNER_FILE)
    if raw is None:
        return None
    try:
        data = json.loads(decode_text(raw))
    except ValueError as exc:
        notes.append(_("{path} не читается как JSON ({error}): программа с ним не запустится.",
                       path=show(app_dir / PARTNER_FILE), error=exc))
        return None
    uid = str(data.get("Uid") or "").strip().strip("{}").lower() if isinstance(data, dict) else ""
    if not uid or uid == "00000000-0000-0000-0000-000000000000":
        return None
    return uid, bool(data.get("IsBlockRegion"))
