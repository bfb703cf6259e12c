"""Vendor and partner builds (GBS_MARKET.md §1, §2, §9), read from files laid out as there."""

from __future__ import annotations

import hashlib
from pathlib import Path

from collector.branding import read_branding, update_hash
from tests import market_facts as mf


def test_original_build(tmp_path: Path) -> None:
    b = read_branding(tmp_path)
    assert (b.name, b.build, b.code_name) == ("GBS.Market", "original", "gbsmarket")
    assert b.data_dir() == "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"
    assert b.backups_folder == "GBS.Market6_backups"
    # §9: the default feed folder, computed independently
    assert update_hash(b.code_name) == "61e32832850296b0fb29f95011a343a4"
    assert update_hash("gbsmarket") == hashlib.md5(b"gbsmarket3364a3b8").hexdigest()


def test_vendor_build_with_a_valid_hash_renames_and_moves_the_data(tmp_path: Path) -> None:
    mf.write_vendor(tmp_path, {"ApplicationName": "Касса Плюс", "CodeName": "kassaplus",
                               "Country": "Kazakhstan",
                               "Links": [{"Type": "Support", "Value": "https://k.example/s"}]})
    b = read_branding(tmp_path)
    assert (b.name, b.build, b.code_name) == ("Касса Плюс", "vendor", "kassaplus")
    assert b.data_dir(r"D:\ProgramData") == "D:\\ProgramData\\Касса Плюс\\data\\"
    assert b.backups_folder == "Касса Плюс_backups"
    assert b.vendor.links == {"Support": "https://k.example/s"} and b.vendor.country == "Kazakhstan"
    assert "поставщика" in b.describe() and not b.notes


def test_vendor_dll_with_a_wrong_or_untidy_hash_is_ignored_as_the_program_does(tmp_path):
    mf.write_vendor(tmp_path, {"ApplicationName": "Касса Плюс"}, valid=False)
    b = read_branding(tmp_path)
    assert (b.name, b.build) == ("GBS.Market", "original") and "не подходит" in b.notes[0]
    mf.write_vendor(tmp_path, {"ApplicationName": "Касса Плюс"})
    hash_file = tmp_path / "vendor.hash"
    hash_file.write_text(hash_file.read_text() + "\r\n")  # exact comparison in the program
    b = read_branding(tmp_path)
    assert b.build == "original" and "перевод строки" in b.notes[0]
    (tmp_path / "vendor.hash").unlink()
    assert read_branding(tmp_path).build == "original"


def test_partner_builds_are_named_and_keep_the_data_folder(tmp_path: Path) -> None:
    mf.write_partner(tmp_path, mf.HIPOS_UID)
    b = read_branding(tmp_path)
    assert (b.name, b.build, b.partner_uid) == ("HiPos", "partner", mf.HIPOS_UID)
    assert b.data_dir() == "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"  # not moved
    assert b.describe() == "HiPos (партнёрская сборка GBS.Market)"
    mf.write_partner(tmp_path, mf.LEO_UID.upper(), block_region=True)
    b = read_branding(tmp_path)
    assert (b.name, b.partner_block_region) == ("LEO.Market", True)
    mf.write_partner(tmp_path, "11111111-2222-3333-4444-555555555555")
    assert read_branding(tmp_path).name == "GBS.Market"  # a partner the program does not name


def test_a_vendor_build_wins_over_partner_json(tmp_path: Path) -> None:
    mf.write_partner(tmp_path, mf.HIPOS_UID)
    mf.write_vendor(tmp_path, {"ApplicationName": "Свой POS"})
    b = read_branding(tmp_path)
    assert (b.name, b.build, b.partner_uid) == ("Свой POS", "vendor", mf.HIPOS_UID)
