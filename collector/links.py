"""Links to the desk: support contacts, the knowledge base, the site (GBS_MARKET.md §13).

As the program builds them: ``https://gbsmarket.ru/<contacts|kb6|>/?gbsId=6:<ID>&utm_campaign=
<version>&utm_source=desktop_app&utm_medium=interface`` (the templates are the settings
``support_url``, ``kb_url``, ``site_url`` with ``{gbs_id}`` and ``{version}``). A vendor build's
own ``Links`` (vendor.dll) win; Ukraine has its own site, and its knowledge base is on YouTube
(no address known: none shown).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote

UKRAINE_SUPPORT = "https://gbsmarket.com.ua/uk/support-2/"
UKRAINE_SITE = "https://gbsmarket.com.ua/"


@dataclass
class DeskLinks:
    support: str = ""
    kb: str = ""
    site: str = ""
    source: str = "settings"  # settings | vendor | ukraine

    def to_json(self) -> dict:
        return asdict(self)


def _fill(template: str, gbs_id: str, version: str) -> str:
    if not template:
        return ""
    # The ID's colon stays as the program writes it; anything odd in a value is escaped.
    return template.replace("{gbs_id}", quote(gbs_id, safe=":")) \
        .replace("{version}", quote(version, safe="."))


def desk_links(settings: Any, inst: Any | None = None, gbs_id: str | None = None) -> DeskLinks:
    """The links for this installation and GBS.ID (``6:<ID>``)."""
    from collector.configs import settings_facts

    branding = getattr(inst, "branding", None)
    vendor = branding.vendor if branding is not None else None
    if vendor is not None and vendor.links:
        return DeskLinks(vendor.links.get("Support", ""), vendor.links.get("KB", ""),
                         vendor.links.get("Main", ""), "vendor")
    if inst is not None and settings_facts(inst.configs_dir).country == "Ukraine":
        return DeskLinks(UKRAINE_SUPPORT, "", UKRAINE_SITE, "ukraine")
    gid = gbs_id or ""
    if gid and not gid.startswith("6:"):
        gid = f"6:{gid}"
    version = getattr(inst, "version", None) or ""
    return DeskLinks(_fill(settings.support_url, gid, version),
                     _fill(settings.kb_url, gid, version), _fill(settings.site_url, gid, version))
