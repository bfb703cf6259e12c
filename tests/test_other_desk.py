"""Builds whose desk is not GBS's (GBS_MARKET.md §1, §11, §13): GBS.Market hides its own
send-to-support form for partner and vendor builds and for Country Ukraine and Kazakhstan, so
the collector does not post their bundles to the GBS intake unless the settings allow it
(``intake_also_for``); it offers the desk of that build instead — the vendor's e-mail as the
draft's recipient, its links, the partner's pages, the Ukrainian site."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from collector.delivery import Outbox, Sender
from collector.delivery.outbox import FAILED
from collector.delivery.send import OtherDesk
from collector.demo import DATA_DIR, EXE_DIR, MARKER
from collector.desk import BuildFacts, desk_of
from collector.errors import ExitCode
from collector.settings import Settings
from tests import netguard
from tests.conftest import DemoInfo
from tests.intake_server import IntakeServer
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env
from tests.tus_server.harness import make_bundle

clean_env = fixtures.clean_env  # pytest fixture used by name below

HIPOS = "ef9f8cdb-6132-4292-b54a-41463062f331"
GID = "6:0123456789ABCDEF0123456789ABCDEF"
SETTINGS = Settings(**{**netguard.LOOPBACK_SETTINGS, "support_email": "desk@gbs.example"})


def vendor_facts(**kw) -> BuildFacts:
    return BuildFacts(name="Касса24", build="vendor", code_name="kassa24", gbs_id=GID,
                      version="6.6.12.2634", vendor_links={"Support": "https://k24.example/help"},
                      vendor_contacts=[{"Type": "Email", "Value": "help@k24.example"},
                                       {"Type": "Phone", "Value": "+7 800 100-24-24"}], **kw)


@pytest.mark.parametrize("facts, reasons", [
    (BuildFacts(gbs_id=GID), []),
    (BuildFacts(country="Belarus"), []),
    (BuildFacts(country="Ukraine"), ["Ukraine"]),
    (BuildFacts(country="Kazakhstan"), ["Kazakhstan"]),
    (BuildFacts(name="HiPos", build="partner", partner_uid=HIPOS), ["partner"]),
    (vendor_facts(), ["vendor"]),
    (vendor_facts(partner_uid=HIPOS, country="Ukraine"), ["vendor", "partner", "Ukraine"]),
])
def test_whose_desk_follows_the_programs_own_condition(facts, reasons) -> None:
    desk = desk_of(facts, SETTINGS)
    assert desk.reasons == reasons and desk.gbs is (not reasons)
    if desk.gbs:
        assert desk.email == "desk@gbs.example"  # GBS's own address from the settings


def test_the_intake_is_used_for_them_only_when_every_reason_is_allowed() -> None:
    hipos = BuildFacts(name="HiPos", build="partner", partner_uid=HIPOS, country="Ukraine")

    def allowed(*names: str) -> bool:
        return desk_of(hipos, Settings(intake_also_for=list(names))).gbs

    assert not allowed() and not allowed("HiPos") and not allowed("Ukraine")
    assert allowed("hipos", "Ukraine") and allowed("partner", "ukraine")
    assert allowed(HIPOS, "Ukraine")
    assert desk_of(vendor_facts(), Settings(intake_also_for=["kassa24"])).gbs  # its CodeName


def test_the_desk_of_each_build_and_its_links() -> None:
    vendor = desk_of(vendor_facts(), SETTINGS)
    assert (vendor.email, vendor.phones) == ("help@k24.example", ["+7 800 100-24-24"])
    # the vendor's own links only: the program hides the menu items a vendor does not name
    assert (vendor.links.source, vendor.links.support, vendor.links.kb) == \
        ("vendor", "https://k24.example/help", "")
    advice = vendor.advice()
    assert "Касса24 (сборка GBS.Market для поставщика)" in advice
    assert "help@k24.example" in advice and "https://k24.example/help" in advice
    query = f"gbsId={GID}&utm_campaign=6.6.12.2634&utm_source=desktop_app&utm_medium=interface"
    ukraine = desk_of(BuildFacts(country="Ukraine", gbs_id=GID, version="6.6.12.2634"), SETTINGS)
    assert ukraine.links.support == f"https://gbsmarket.com.ua/uk/support-2/?{query}"
    assert ukraine.links.site == f"https://gbsmarket.com.ua/?{query}"
    assert ukraine.email == ""  # GBS's address is not theirs
    assert "страна в настройках программы — Украина" in ukraine.advice()
    partner = desk_of(BuildFacts(name="HiPos", build="partner", partner_uid=HIPOS, gbs_id=GID,
                                 version="6.6.12.2634"), SETTINGS)
    assert partner.links.support == \
        f"https://redirect.com.de/redirect.php?uid={HIPOS}&p=support&{query}"
    assert partner.links.kb == f"https://redirect.com.de/redirect.php?uid={HIPOS}&p=kb&{query}"
    assert "HiPos (партнёрская сборка GBS.Market)" in partner.advice()


def vendor_build(root: Path) -> None:
    """A valid vendor.dll (GBS_MARKET.md §1) with the vendor's contacts and links; AppConfig.conf
    keeps the data folder where the demo has it (a vendor build would move it)."""
    app = root / EXE_DIR.replace("\\", "/")
    vendor = json.dumps({
        "CodeName": "kassa24", "ApplicationName": "Касса24",
        "Contacts": [{"Type": "Email", "Name": "Поддержка", "Value": "help@kassa24.example"},
                     {"Type": "Phone", "Name": "Горячая линия", "Value": "+7 800 100-24-24"}],
        "Links": [{"Type": "Support", "Value": "https://kassa24.example/help"},
                  {"Type": "KB", "Value": "https://kassa24.example/kb"}]},
        ensure_ascii=False).encode("utf-8")
    (app / "vendor.dll").write_bytes(vendor)
    (app / "vendor.hash").write_text(base64.b64encode(
        hashlib.sha256(vendor + b"gbsmarket26092023").digest()).decode())
    (app / "AppConfig.conf").write_text(json.dumps(
        {"DataPath": "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"}), encoding="utf-8")



def _manifest(facts: dict, country: str = "Russia") -> dict:
    return {"installation": {"build": facts.get("build", "original"), "branding": facts,
                             "country": country}}


def test_a_bundle_of_another_desk_is_not_posted_to_the_gbs_intake(clean_env, tmp_path) -> None:
    branding = {"name": "HiPos", "build": "partner", "code_name": "gbsmarket",
                "partner_uid": HIPOS, "vendor": None}
    b = make_bundle(tmp_path / "out", manifest_extra=_manifest(branding))
    with IntakeServer(tmp_path / "intake") as intake:
        s = Settings(**{**netguard.LOOPBACK_SETTINGS, "intake_url": intake.url})
        with pytest.raises(OtherDesk) as caught:
            Sender(s).send(b.path)
        assert intake.posts == []
        assert caught.value.exit_code == ExitCode.OTHER_DESK
        assert "redirect.com.de" in caught.value.message
        assert "intake_also_for" in caught.value.message
        entry = Outbox().find(b.path)
        assert entry is not None and entry.status == FAILED
        # explicitly allowed: one task, as for GBS.Market's own build
        s.intake_also_for = ["HiPos"]
        assert Sender(s).send(b.path).request_number == "50001"
        assert list(intake.tasks) == [50001]


def _make_real(demo: DemoInfo) -> None:
    """The demo as a real installation (no demo marker): its bundles go where settings say."""
    (demo.root / MARKER).unlink()


def _collect(demo: DemoInfo, out: Path) -> Path:
    p = subprocess.run(cli("collect", "--root", str(demo.root), "--date",
                           demo.today.isoformat(), "--out", str(out), "--no-db"),
                       env=cli_env(), capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    (bundle,) = out.glob("*.7z")
    return bundle


def test_upload_and_email_of_a_vendor_build_name_its_desk(clean_env, demo, tmp_path) -> None:
    _make_real(demo)
    vendor_build(demo.root)
    bundle = _collect(demo, tmp_path / "out")
    with IntakeServer(tmp_path / "intake") as intake:
        fixtures.write_settings(clean_env["settings"], intake_url=intake.url)
        p = subprocess.run(cli("upload", str(bundle), "--json"), env=cli_env(),
                           capture_output=True, text=True, timeout=60)
        assert p.returncode == ExitCode.OTHER_DESK, p.stderr
        assert "Касса24" in p.stderr and "help@kassa24.example" in p.stderr
        assert "https://kassa24.example/help" in p.stderr
        data = json.loads(p.stdout)
        assert data["not_sent"] == "other_desk"
        assert data["desk"]["email"] == "help@kassa24.example"
        assert data["desk"]["reasons"] == ["vendor"]
        assert intake.posts == []
        # allowed by the settings: sent, one task
        p = subprocess.run(cli("--set", "intake_also_for=vendor", "upload", str(bundle)),
                           env=cli_env(), capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        assert p.stdout.strip() == "50001" and len(intake.posts) == 1
    # the e-mail draft goes to the vendor's desk
    draft_dir = tmp_path / "drafts"
    p = subprocess.run(cli("email", str(bundle), "--out", str(draft_dir), "--again", "--json"),
                       env=cli_env(), capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    (draft,) = draft_dir.glob("*.eml")
    assert BytesParser(policy=policy.default).parsebytes(draft.read_bytes())["To"] == \
        "help@kassa24.example"


def test_ukraine_is_named_in_the_manifest_and_sent_to_its_own_desk(clean_env, demo,
                                                                 tmp_path) -> None:
    _make_real(demo)
    path = demo.root / DATA_DIR.replace("\\", "/") / "Configs" / "Settings.json"
    data = json.loads(path.read_text("utf-8-sig"))
    data["Interface"]["Country"] = "Ukraine"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    bundle = _collect(demo, tmp_path / "out")
    from collector.delivery.bundlefile import find_bundle, read_bundle_info

    info = read_bundle_info(find_bundle(bundle))
    assert info.manifest["installation"]["country"] == "Ukraine"
    assert info.manifest["installation"]["build"] == "original" and info.demo is False
    with IntakeServer(tmp_path / "intake") as intake:
        fixtures.write_settings(clean_env["settings"], intake_url=intake.url)
        p = subprocess.run(cli("upload", str(bundle)), env=cli_env(), capture_output=True,
                           text=True, timeout=60)
        assert p.returncode == ExitCode.OTHER_DESK, p.stderr
        assert "https://gbsmarket.com.ua/uk/support-2/" in p.stderr
        assert "Украина" in p.stderr and intake.posts == []
