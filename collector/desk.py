"""Whose support desk a bundle belongs to: GBS's, or the desk of the build the shop runs.

GBS.Market hides its own «send data to support» form — the one that posts to the GBS intake —
for partner builds (``partner.json`` with a Uid), vendor builds (a valid ``vendor.dll``) and when
``Interface.Country`` in Settings.json is Ukraine or Kazakhstan (GBS_MARKET.md §11; the
condition of MainWindowViewModel.SendDataSupportMenuVisibility). Those customers have their own
desk: the vendor's contacts (``vendor.dll`` ``Contacts``, ``Links``), the partner's pages, the
Ukrainian site (§13). The collector follows the program: their bundles do not go to the GBS
intake unless the setting ``intake_also_for`` names every reason (a build kind ``vendor`` or
``partner``, a program name such as ``HiPos``, a vendor's CodeName, a partner Uid, a country);
the desk's own contacts are offered instead.

The facts come from the installation (the GUI, ``detect``) or from a bundle's manifest
(``installation``: the build as ``collector.branding`` read it, and the program's country).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from collector.i18n import Text, _, join

# Countries for which the program hides its send-to-support form (GBS_MARKET.md §11).
OTHER_DESK_COUNTRIES = ("Ukraine", "Kazakhstan")
COUNTRY_NAMES = {"Ukraine": _("Украина"), "Kazakhstan": _("Казахстан")}


@dataclass
class BuildFacts:
    """The program's build and country, as far as the desk is concerned."""

    name: str = "GBS.Market"  # what the program calls itself
    build: str = "original"  # original | vendor | partner
    partner_uid: str = ""
    code_name: str = "gbsmarket"
    country: str = "Russia"  # Settings.json Interface.Country; the program's default
    vendor_links: dict[str, str] = field(default_factory=dict)  # Buy | KB | Main | Support
    vendor_contacts: list[dict[str, Any]] = field(default_factory=list)
    gbs_id: str = ""  # 6:<ID>
    version: str = ""

    @property
    def vendor(self) -> bool:
        return self.build == "vendor"

    @property
    def described(self) -> str:
        """«HiPos (партнёрская сборка GBS.Market)» and the like."""
        from collector.branding import Branding

        return Branding(name=self.name, build=self.build).describe()

    @classmethod
    def of_installation(cls, inst: Any | None, gbs_id: str | None = None) -> BuildFacts:
        if inst is None:
            return cls(gbs_id=_prefixed(gbs_id))
        from collector.configs import settings_facts

        branding = getattr(inst, "branding", None)
        data = branding.to_json() if branding is not None else {}
        return cls._of(data, settings_facts(inst.configs_dir).country, gbs_id,
                       getattr(inst, "version", None))

    @classmethod
    def of_manifest(cls, manifest: dict | None) -> BuildFacts:
        """From a bundle's manifest: ``installation`` (its ``branding`` and ``country``), else
        ``settings.country``; a manifest without them is GBS.Market's own build."""
        m = manifest if isinstance(manifest, dict) else {}
        inst = m.get("installation") if isinstance(m.get("installation"), dict) else {}
        settings = m.get("settings") if isinstance(m.get("settings"), dict) else {}
        market = m.get("gbs_market") if isinstance(m.get("gbs_market"), dict) else {}
        branding = inst.get("branding") if isinstance(inst.get("branding"), dict) else {}
        country = inst.get("country") or settings.get("country")
        return cls._of(branding, country, m.get("gbs_id"), market.get("version"))

    @classmethod
    def _of(cls, branding: dict, country: Any, gbs_id: Any, version: Any) -> BuildFacts:
        vendor = branding.get("vendor") if isinstance(branding.get("vendor"), dict) else None
        links = vendor.get("links") if vendor and isinstance(vendor.get("links"), dict) else {}
        contacts = vendor.get("contacts") if vendor else None
        return cls(
            name=str(branding.get("name") or "GBS.Market"),
            build=str(branding.get("build") or "original"),
            partner_uid=str(branding.get("partner_uid") or ""),
            code_name=str(branding.get("code_name") or "gbsmarket"),
            country=country if isinstance(country, str) and country else "Russia",
            vendor_links={str(k): str(v) for k, v in links.items() if v},
            vendor_contacts=[c for c in contacts or [] if isinstance(c, dict)],
            gbs_id=_prefixed(gbs_id), version=str(version or ""))

    def contacts(self, kind: str) -> list[str]:
        """The vendor's contacts of ``Type`` Email, Phone or Other (their ``Value``)."""
        return [str(c.get("Value")).strip() for c in self.vendor_contacts
                if str(c.get("Type", "")).lower() == kind.lower() and str(c.get("Value") or "")
                .strip()]

    def reasons(self) -> list[str]:
        """Why the program would not send to the GBS intake: ``vendor``, ``partner``, a
        country. Empty: GBS's own desk."""
        out = []
        if self.vendor:
            out.append("vendor")
        if self.partner_uid:
            out.append("partner")
        if self.country in OTHER_DESK_COUNTRIES:
            out.append(self.country)
        return out

    def names_of(self, reason: str) -> set[str]:
        """What an ``intake_also_for`` entry may say to cover ``reason``."""
        if reason == "vendor":
            return {"vendor", self.name.casefold(), self.code_name.casefold()}
        if reason == "partner":
            return {"partner", self.name.casefold(), self.partner_uid.casefold()}
        return {reason.casefold()}


def _prefixed(gbs_id: Any) -> str:
    text = str(gbs_id or "").strip()
    return text if not text or text.startswith("6:") else f"6:{text}"


@dataclass
class Desk:
    """The desk of one build: GBS's (``gbs``) or another one, with how to reach it."""

    facts: BuildFacts
    gbs: bool
    reasons: list[str]
    email: str = ""  # the address an e-mail draft goes to ("" = the user fills it in)
    phones: list[str] = field(default_factory=list)
    links: Any = None  # collector.links.DeskLinks

    @property
    def name(self) -> str:
        """Whose desk, for «Поддержка …»: GBS.Market's (F-Lab's), the build's own («HiPos», a
        vendor's name) or the country's («GBS.Market (Украина)»)."""
        if self.gbs:
            return "GBS.Market"
        if self.facts.build != "original":
            return self.facts.name
        country = next((r for r in self.reasons if r in COUNTRY_NAMES), "")
        return str(_("{product} ({country})", product=self.facts.name,
                     country=COUNTRY_NAMES[country])) if country else self.facts.name

    def why(self) -> Text:
        """Why the program itself does not send to the GBS intake (Russian)."""
        parts = []
        for r in self.reasons:
            if r == "vendor":
                parts.append(_("это сборка GBS.Market для поставщика"))
            elif r == "partner":
                parts.append(_("это партнёрская сборка GBS.Market"))
            else:
                parts.append(_("страна в настройках программы — {country}",
                               country=COUNTRY_NAMES.get(r, r)))
        return join("; ", parts)

    def how_to_reach(self) -> Text:
        """Where to send the request instead (Russian)."""
        ways = []
        if self.email:
            ways.append(_("письмом на {address} (архив приложится к письму: кнопка «Письмо», "
                          "команда collector email)", address=self.email))
        if self.phones:
            ways.append(_("по телефону {phones}", phones=", ".join(self.phones)))
        if self.links is not None and self.links.support:
            ways.append(_("через страницу поддержки {url}", url=self.links.support))
        if not ways:
            return _("обратитесь туда, где приобрели программу, и отправьте архив так, как там "
                     "скажут")
        return join("; ", ways)

    def advice(self) -> Text:
        """The whole explanation: this desk is not GBS's, what to do (Russian)."""
        return _("{program}: её поддержка — не поддержка GBS, и сама программа обращения в "
                 "поддержку GBS не отправляет ({why}). Отправьте архив в свою поддержку: {how}.",
                 program=self.facts.described, why=self.why(), how=self.how_to_reach())

    def to_json(self) -> dict:
        return {"gbs": self.gbs, "reasons": self.reasons, "program": self.facts.name,
                "build": self.facts.build, "country": self.facts.country, "email": self.email,
                "phones": self.phones,
                "links": self.links.to_json() if self.links is not None else None}


def desk_of(facts: BuildFacts, settings: Any) -> Desk:
    """The desk for ``facts`` with these settings (``intake_also_for``, the link templates)."""
    from collector.links import links_for

    allowed = {str(a).strip().casefold() for a in getattr(settings, "intake_also_for", []) or []
               if str(a).strip()}
    reasons = facts.reasons()
    gbs = all(facts.names_of(r) & allowed for r in reasons)
    if gbs:
        return Desk(facts, True, reasons, email=str(getattr(settings, "support_email", "")),
                    links=links_for(settings, facts))
    emails = facts.contacts("Email")
    return Desk(facts, False, reasons, email=emails[0] if emails else "",
                phones=facts.contacts("Phone"), links=links_for(settings, facts))


def desk_of_manifest(manifest: dict | None, settings: Any) -> Desk:
    return desk_of(BuildFacts.of_manifest(manifest), settings)
