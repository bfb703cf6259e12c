"""GBS.ID: strict validation, discovery on a demo PC, help when nothing is found."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from collector.demo import DEMO_USER, DemoInfo
from collector.gbsid import (
    ClipboardIdWatcher,
    explain_gbs_id,
    extract_gbs_id,
    find_gbs_ids,
    gbs_id_search_places,
    no_id_help,
    normalize_gbs_id,
    placeholder_seen,
    several_ids_note,
    trace_gbs_ids,
)
from collector.installation import detect
from collector.sysroot import SystemRoot
from tests import market_facts as mf
from tests.conftest import tree_snapshot

HEX = "0F3A9C41B2D84E6F8A1C3B5D7E9F2468"
ID = "6:" + HEX
ID2 = "6:" + "A1B2C3D4E5F60718293A4B5C6D7E8F90"
ID3 = "6:" + "00000000000000000000000000000ABC"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(tmp_path / "userdata"))


# --- normalize / explain --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    ID, HEX, ID.lower(), HEX.lower(), f"  {ID}\r\n", f"\n{HEX}\n", f"\ufeff{ID}\u200b",
    f"\u00a0{ID}\t", "6:0f3a9C41b2d84E6F8a1c3b5d7e9f2468",
])
def test_normalize_accepts_what_the_program_copies(text):
    assert normalize_gbs_id(text) == ID


@pytest.mark.parametrize("text", [
    None, "", "   ", "6:", HEX[:-1], ID[:-1], ID + "0",
    "0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468",  # dashed GUID: not how the program shows it
    "{0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468}",
    "6:0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468",
    "5:" + HEX,  # another major version's prefix
    "6: " + HEX,  # a space inside
    "6:" + HEX[:16] + " " + HEX[16:],
    "6:" + HEX.replace("A", "А"),  # Cyrillic А typed by hand
    "6:" + HEX.replace("0", "O"),  # letter O instead of zero
    "6:" + HEX[:-1] + "G",
    "６:" + HEX,  # full-width digit
])
def test_normalize_rejects_everything_else(text):
    assert normalize_gbs_id(text) is None
    assert extract_gbs_id(text) is None
    assert explain_gbs_id(text)  # and says why


@pytest.mark.parametrize("text", ["GBS.ID: " + ID, ID + "\n" + ID])
def test_normalize_is_strict_where_extract_finds_the_id_in_text(text):
    assert normalize_gbs_id(text) is None
    assert extract_gbs_id(text) == ID


@pytest.mark.parametrize("text, fragment", [
    ("", "пуст"),
    ("0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468", "дефис"),
    ("5:" + HEX, "«5:»"),
    ("6:" + HEX.replace("A", "А").replace("C", "С"), "русские буквы"),
    ("6:" + HEX[:10] + " " + HEX[10:], "пробел"),
    ("6:" + HEX[:-1] + "Z", "«Z»"),
    ("6:" + HEX[:-3], "а здесь 29"),
    ("x" * 500, "длинный текст"),
])
def test_explain_says_what_is_wrong_and_where_to_copy(text, fragment):
    reason = explain_gbs_id(text)
    assert reason is not None and fragment in reason
    assert reason.endswith("окно лицензии, кнопка копирования рядом с ID.")  # what to do


def test_explain_is_none_for_a_valid_id():
    assert explain_gbs_id(f" {ID.lower()} ") is None


def test_extract_takes_the_one_prefixed_id_from_pasted_text():
    assert extract_gbs_id(f"Добрый день! Мой GBS.ID: {ID.lower()}. Спасибо") == ID
    assert extract_gbs_id(f"ID ({ID})") == ID
    # A bare 32-hex run inside text may be any checksum: not taken.
    assert extract_gbs_id(f"md5 {HEX} файла") is None
    # Two different ids: which one is meant is not for the tool to guess.
    assert extract_gbs_id(f"{ID} или {ID2}") is None
    assert extract_gbs_id(f"{ID} и ещё раз {ID}") == ID
    # Glued to other characters: not an id on its own.
    assert extract_gbs_id(f"x6:{HEX}") is None
    assert extract_gbs_id(f"6:{HEX}0") is None


# --- discovery ------------------------------------------------------------------------------------
def _backup(folder: Path, *stamps: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for s in stamps:
        (folder / f"{s}.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)


def test_demo_id_found_in_the_programs_backup_folder(demo: DemoInfo):
    root = SystemRoot(demo.root)
    inst = detect(root).installation
    before = tree_snapshot(demo.root)
    found = find_gbs_ids(root, inst)
    assert [c.value for c in found] == [demo.gbs_id]
    c = found[0]
    # the program's newest start wrote it to trace.log; BackUp.Path's folder confirms it
    assert c.source == "trace_log" and c.confirmed
    assert "trace.log" in c.detail and c.started is not None
    assert c.started.date() == demo.today
    backups = next(s for s in c.sightings if s.source == "backup_folder")
    assert demo.gbs_id[2:] in backups.detail and "Documents" in backups.detail
    assert backups.backups == 2 and backups.last_activity.date().isoformat() == "2026-11-19"
    assert tree_snapshot(demo.root) == before  # reads only


def test_several_ids_listed_with_sources_newest_first(demo: DemoInfo):
    root = SystemRoot(demo.root)
    users = demo.root / "Users"
    # A second Windows user whose documents hold another licence, backed up most recently.
    _backup(users / "Кассир" / "Documents" / "GBS.Market6_backups" / ID2[2:].lower(),
            "2026-11-20_09-00-00")
    # An old licence's folder left in the program's backup folder.
    settings_folder = users / DEMO_USER / "Documents" / "GBS.Market6_backups"
    _backup(settings_folder / ID3[2:], "2025-01-10_21-00-00")
    # Noise that must not count: non-hex names, a file named like an id, a dashed GUID folder.
    (settings_folder / "Архив").mkdir()
    (settings_folder / ("B" * 32)).write_text("not a folder")
    (settings_folder / "0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468").mkdir()
    (settings_folder / ("C" * 31)).mkdir()

    found = find_gbs_ids(root, detect(root).installation)
    # the program's last start used the demo's id (trace.log): it is the current one, although
    # another user's backups are newer; the rest by their newest backup
    assert [c.value for c in found] == [demo.gbs_id, ID2, ID3]
    by_value = {c.value: c for c in found}
    assert by_value[ID2].source == "user_backup_folder"
    assert "Кассир" in by_value[ID2].detail
    assert by_value[demo.gbs_id].source == "trace_log"
    assert by_value[ID3].source == "backup_folder"
    assert "10.01.2025" in by_value[ID3].detail
    assert all(c.value.startswith("6:") and c.value[2:].isupper() for c in found)
    as_json = json.loads(json.dumps([c.to_json() for c in found], ensure_ascii=False))
    assert as_json[1]["sightings"][0]["source"] == "user_backup_folder"
    note = several_ids_note(found)
    assert "3" in note and demo.gbs_id in note and "пользователя Windows" in note
    assert "запускалась последней" in note


def test_clipboard_id_comes_first_and_is_confirmed_by_a_folder(demo: DemoInfo):
    root = SystemRoot(demo.root)
    inst = detect(root).installation
    _backup(demo.root / "Users" / "Кассир" / "Documents" / "GBS.Market6_backups" / ID2[2:],
            "2026-11-20_09-00-00")
    found = find_gbs_ids(root, inst, clipboard_text=f" {demo.gbs_id.lower()}\r\n")
    assert found[0].value == demo.gbs_id
    assert found[0].source == "clipboard"
    assert found[0].sources == ["clipboard", "trace_log", "backup_folder"]
    assert found[0].confirmed
    assert found[1].value == ID2 and not found[1].confirmed
    # A clipboard id seen nowhere else is still offered, first, but not "confirmed".
    found = find_gbs_ids(root, inst, clipboard_text=ID3)
    assert [c.value for c in found] == [ID3, demo.gbs_id, ID2]
    assert found[0].sources == ["clipboard"] and not found[0].confirmed
    assert "скопировали" in several_ids_note(found)
    # Clipboard text that is not an id adds nothing.
    assert [c.value for c in find_gbs_ids(root, inst, "пароль123")] == [demo.gbs_id, ID2]


def test_backup_path_from_settings_on_another_drive(demo: DemoInfo):
    cfg = demo.root / "ProgramData" / "F-Lab" / "GBS.Market" / "6" / "Configs" / "DataBase.json"
    data = json.loads(cfg.read_text(encoding="utf-8-sig"))
    data["BackUp"]["Path"] = "D:\\Резервные копии\\GBS\\"
    cfg.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _backup(demo.root / "drives" / "D" / "Резервные копии" / "GBS" / ID2[2:],
            "2026-11-20_21-00-00")
    root = SystemRoot(demo.root)
    inst = detect(root).installation
    places = gbs_id_search_places(root, inst)
    assert places[0].source == "backup_folder"
    assert places[0].windows_path == "D:\\Резервные копии\\GBS"
    found = find_gbs_ids(root, inst)
    assert [(c.value, c.source) for c in found] == [
        (demo.gbs_id, "trace_log"), (ID2, "backup_folder")]
    assert "D:\\Резервные копии\\GBS\\" + ID2[2:] in found[1].detail


def test_same_folder_reached_two_ways_is_one_place(demo: DemoInfo):
    root = SystemRoot(demo.root)
    places = gbs_id_search_places(root, detect(root).installation)
    # BackUp.Path of the demo *is* the user's default folder: searched once, as the setting.
    assert [p.source for p in places] == ["backup_folder"]


def test_without_installation_default_folders_are_still_searched(demo: DemoInfo):
    root = SystemRoot(demo.root)
    found = find_gbs_ids(root, None)
    assert [(c.value, c.source) for c in found] == [(demo.gbs_id, "user_backup_folder")]
    assert f"пользователя {DEMO_USER}" in found[0].detail


def test_onedrive_documents_are_searched(tmp_path):
    root_dir = tmp_path / "C"
    _backup(root_dir / "Users" / "Оля" / "OneDrive" / "Документы" / "GBS.Market6_backups" /
            HEX, "2026-11-01_10-00-00")
    found = find_gbs_ids(SystemRoot(root_dir), None)
    assert [c.value for c in found] == [ID]


def test_no_candidate_gives_help_naming_where_to_copy_and_where_we_looked(demo: DemoInfo):
    shutil.rmtree(demo.root / "Users" / DEMO_USER / "Documents" / "GBS.Market6_backups")
    shutil.rmtree(demo.root / "ProgramData" / "F-Lab" / "GBS.Market" / "6" / "Logs")
    root = SystemRoot(demo.root)
    inst = detect(root).installation
    assert find_gbs_ids(root, inst) == []
    help_text = no_id_help(gbs_id_search_places(root, inst))
    for must in ("окно лицензии", "«О программе» ID нет", "копирования", "вручную", "QR-код",
                 "C:\\Users\\Магазин\\Documents\\GBS.Market6_backups"):
        assert must in help_text, must
    assert "\t" not in help_text


def test_odd_folders_do_not_stop_the_search(tmp_path):
    root_dir = tmp_path / "C"
    users = root_dir / "Users"
    (users / "Петя" / "Documents").mkdir(parents=True)
    (users / "Петя" / "Documents" / "GBS.Market6_backups").write_text("a file, not a folder")
    loop = users / "Вася" / "Documents"
    loop.mkdir(parents=True)
    os.symlink(loop / "GBS.Market6_backups", loop / "GBS.Market6_backups")  # a symlink loop
    _backup(users / "Оля" / "Documents" / "GBS.Market6_backups" / HEX, "2026-11-01_10-00-00")
    found = find_gbs_ids(SystemRoot(root_dir), None)
    assert [c.value for c in found] == [ID]


# --- clipboard watcher (logic; the real clipboard is in test_clipboard.py) ------------------------
class FakeClipboard:
    """A clipboard in memory: the watcher's logic without a display server."""

    def __init__(self, text=None):
        self.text = text
        self.reads = 0
        self.seq = 0

    def set(self, text):
        self.text = text
        self.seq += 1

    def read(self):
        self.reads += 1
        return self.text


def test_watcher_reports_each_new_id_once_and_explains_near_misses():
    clip = FakeClipboard(ID)  # already there when the step opened: find_gbs_ids' business
    w = ClipboardIdWatcher(clip.read)
    assert w.poll() is None
    clip.set("какой-то текст")
    assert w.poll() is None and w.rejection is None  # ordinary text: no nagging
    clip.set("0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468")
    assert w.poll() is None and "дефис" in (w.rejection or "")
    clip.set(f"\n{ID2.lower()}  ")
    assert w.poll() == ID2 and w.rejection is None
    assert w.poll() is None  # same content
    clip.set("другое")
    clip.set(ID2)
    assert w.poll() is None  # the same id again is no news
    clip.set(ID)
    assert w.poll() == ID


def test_watcher_include_current_and_change_token_skips_reads():
    clip = FakeClipboard(ID)
    w = ClipboardIdWatcher(clip.read, lambda: clip.seq, include_current=True)
    assert w.poll() == ID
    reads = clip.reads
    for _ in range(5):
        assert w.poll() is None
    assert clip.reads == reads  # unchanged sequence number: clipboard not read at all
    clip.set(ID2)
    assert w.poll() == ID2


def test_watcher_survives_an_unreadable_clipboard():
    from collector.clipboard import ClipboardError

    state = {"fail": True}

    def read():
        if state["fail"]:
            raise ClipboardError("Буфер обмена занят другой программой.")
        return ID

    w = ClipboardIdWatcher(read, include_current=True)
    assert w.poll() is None and "занят" in (w.error or "")
    state["fail"] = False
    assert w.poll() == ID and w.error is None


# --- GBS_MARKET.md §10, §3: what the program itself writes ------------------------------------
@pytest.mark.parametrize("copied", [
    f"GBS.ID: [{ID}]",  # the licence window's copy button: "<label>: [6:<ID>]"
    f"Идентификатор GBS.ID:  [ {ID.lower()} ]\r\n",
    f"GBS ID: [{ID}]",
])
def test_the_licence_windows_copied_text_is_accepted(copied):
    assert normalize_gbs_id(copied) == ID and extract_gbs_id(copied) == ID
    assert explain_gbs_id(copied) is None


def test_the_unknown_id_placeholder_is_never_an_id_and_is_explained():
    text = "ERROR ---UNKNOWN GBS ID--- ERROR"
    assert normalize_gbs_id(text) is None and extract_gbs_id(text) is None
    reason = explain_gbs_id(text, product="HiPos")
    assert "реестр" in reason and "HiPos" in reason and "Это не ID" in reason


def _trace_with_id(day_dir: Path, day, gbs_id_text: str) -> None:
    mf.write(day_dir / "trace.log", mf.nlog_file(
        mf.startup_lines(mf.at(day, 8, 0, 1), gbs_id_text), closed=False))


def test_trace_log_ids_newest_day_first_and_the_placeholder(tmp_path):
    from datetime import date

    root_dir = tmp_path / "C"
    logs = root_dir / "ProgramData" / "F-Lab" / "GBS.Market" / "6" / "Logs"
    old, new = date(2026, 11, 18), date(2026, 11, 19)
    _trace_with_id(logs / old.isoformat(), old, ID2[2:])
    _trace_with_id(logs / new.isoformat(), new, "ERROR ---UNKNOWN GBS ID--- ERROR")
    root = SystemRoot(root_dir)
    found = trace_gbs_ids(root, logs)
    assert [(w.date(), text) for w, text, _p in found] == [
        (new, "ERROR ---UNKNOWN GBS ID--- ERROR"), (old, ID2[2:])]
    assert found[0][0].hour == 8 and found[0][0].second == 3

    inst = detect(root).installation  # the data folder alone is an installation to read
    assert inst is not None and inst.logs_dir == logs
    cands = find_gbs_ids(root, inst)
    assert [(c.value, c.source) for c in cands] == [(ID2, "trace_log")]
    assert "18.11.2026 08:00" in cands[0].detail
    note = placeholder_seen(root, inst)
    assert note and "не может прочитать" in note and "trace.log" in note
