"""Links to the desk: support contacts, the knowledge base, the site (GBS_MARKET.md §13).

As the program builds them (PartnersHelper.OpenPage [41535448606], the Help menu of
MainWindowViewModel): ``https://gbsmarket.ru/<contacts|kb6|>/?gbsId=6:<ID>&utm_campaign=<version>
&utm_source=desktop_app&utm_medium=interface`` (the templates are the settings ``support_url``,
``kb_url``, ``site_url`` with ``{gbs_id}`` and ``{version}``), and for the builds whose desk is
not GBS's (``collector.desk``):
- a vendor build: its own ``Links`` (vendor.dll) only; a link it does not name is not shown, as
  the program hides that menu item;
- Country Ukraine: the Ukrainian site (support page, site; the knowledge base is a YouTube
  playlist), with the same query;
- a partner build: the partner redirect ``https://redirect.com.de/redirect.php?uid=<Uid>&p=
  <support|kb|>&`` + the same query.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote

QUERY = "gbsId={gbs_id}&utm_campaign={version}&utm_source=desktop_app&utm_medium=interface"
UKRAINE = {
    "support": "https://gbsmarket.com.ua/uk/support-2/?",
    "kb": "https://www.youtube.com/playlist?list=PLCcdKxZwfWdXC13wcJSjmCL05SCBMUVwc&",
    "site": "https://gbsmarket.com.ua/?",
}
PARTNER_REDIRECT = "https://redirect.com.de/redirect.php?uid={uid}&p={page}&"
PARTNER_PAGES = {"support": "support", "kb": "kb", "site": ""}


@dataclass
class DeskLinks:
    support: str = ""
    kb: str = ""
    site: str = ""
    source: str = "settings"  # settings | vendor | ukraine | partner

    def to_json(self) -> dict:
        return asdict(self)


def _fill(template: str, gbs_id: str, version: str) -> str:
    if not template:
        return ""
    # The ID's colon stays as the program writes it; anything odd in a value is escaped.
    return template.replace("{gbs_id}", quote(gbs_id, safe=":")) \
        .replace("{version}", quote(version, safe="."))


def links_for(settings: Any, facts: Any) -> DeskLinks:
    """The links for a build (``collector.desk.BuildFacts``) with these settings."""
    gid, version = facts.gbs_id, facts.version
    if facts.vendor:
        own = facts.vendor_links
        return DeskLinks(own.get("Support", ""), own.get("KB", ""), own.get("Main", ""), "vendor")
    if facts.country == "Ukraine":
        return DeskLinks(*(_fill(UKRAINE[k] + QUERY, gid, version)
                           for k in ("support", "kb", "site")), "ukraine")
    if facts.partner_uid:
        uid = quote(facts.partner_uid, safe="-")
        return DeskLinks(*(_fill(PARTNER_REDIRECT.format(uid=uid, page=PARTNER_PAGES[k]) + QUERY,
                                 gid, version) for k in ("support", "kb", "site")), "partner")
    return DeskLinks(_fill(settings.support_url, gid, version),
                     _fill(settings.kb_url, gid, version), _fill(settings.site_url, gid, version))


def desk_links(settings: Any, inst: Any | None = None, gbs_id: str | None = None) -> DeskLinks:
    """The links for this installation and GBS.ID (``6:<ID>``)."""
    from collector.desk import BuildFacts

    return links_for(settings, BuildFacts.of_installation(inst, gbs_id))
