"""The Application event log: Event XML as wevtutil writes it, read in every encoding a shell
leaves it in, and the program's crashes found in it (and nothing of other programs).

The fixture ``data/eventlog-application.xml`` follows Microsoft's Event schema the way
``wevtutil qe Application /f:xml /e:Events`` prints it (one event a line, single-quoted
attributes, a carriage return as ``&#xD;``): classic «.NET Runtime» 1026 and «Application Error»
1000 entries, Windows 11's named Application Error, Windows Error Reporting 1001, other programs.
The same parsing is run on a real export made by wevtutil itself on the Windows runner
(tests/test_windows.py)."""

from __future__ import annotations

import codecs
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from collector.crash_events import crash_query, program_crashes
from collector.sysroot import SystemRoot
from collector.winsys.eventlog import (
    EventLogError,
    ExportedEventLog,
    NoEventLog,
    decode_export,
    events_document,
    open_event_log,
    parse_export,
    root_zone,
)
from collector.winsys.regfile import REG_DWORD, RegValue, format_reg

SAMPLE = Path(__file__).parent / "data" / "eventlog-application.xml"
MOSCOW = timezone(timedelta(hours=3))
DAY = date(2026, 11, 17)


def sample_text() -> str:
    return SAMPLE.read_bytes().decode("utf-8")


def encodings() -> dict[str, bytes]:
    text = sample_text()
    bare = "".join(line + "\r\n" for line in text.splitlines()[1:-1])  # no /e:Events root
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8 with BOM": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16 le with BOM (PowerShell 5.1 >)": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16 le without BOM (/uni:true)": text.encode("utf-16-le"),
        "utf-16 be with BOM": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "ANSI cp1251": text.encode("cp1251"),
        "no root, a declaration": ('<?xml version="1.0" encoding="UTF-16"?>\r\n'
                                   + bare).encode("utf-16-le"),
    }


@pytest.mark.parametrize("name", list(encodings()))
def test_an_export_reads_the_same_in_every_encoding(name: str) -> None:
    events, bad = parse_export(decode_export(encodings()[name]))
    assert bad == 0 and len(events) == sample_text().count("<Event xmlns=") == 9
    telegram = next(e for e in events if e.value("AppName", 0) == "Telegram.exe")
    assert telegram.value("AppPath", 10) == \
        r"C:\Users\Магазин\AppData\Roaming\Telegram Desktop\Telegram.exe"
    spp = next(e for e in events if e.provider == "Microsoft-Windows-Security-SPP")
    assert (spp.event_id, spp.level, spp.record_id) == (16384, 4, 48190)
    assert {e.computer for e in events} == {"KASSA-1"}


def test_a_dotnet_entry_keeps_its_multi_line_stack_and_the_raw_xml() -> None:
    events, _bad = parse_export(sample_text())
    crash = next(e for e in events if e.record_id == 48211)
    assert (crash.provider, crash.event_id, crash.level) == (".NET Runtime", 1026, 2)
    assert crash.created == datetime(2026, 11, 17, 10, 10, 0, 417369, tzinfo=UTC)
    [(name, text)] = crash.data
    lines = text.split("\n")
    assert name is None and lines[0] == "Application: Market.exe" and "\r" not in text
    assert lines[3] == "Exception Info: System.NullReferenceException"
    assert lines[5] == "   at Gbs.Forms.Reports.ProfitReportViewModel.<.ctor>b__12_0(System.Object)"
    assert len(lines) == 16 and lines[-2] == "   at Gbs.App.Main()"
    assert crash.xml.startswith("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/"
                                "event'><System><Provider Name='.NET Runtime'/>")
    assert crash.xml.endswith("</EventData></Event>") and crash.xml in sample_text()


def test_the_day_is_the_pcs_local_day_and_only_the_two_crash_entries_count(
        tmp_path: Path) -> None:
    folder = tmp_path / "eventlog"
    folder.mkdir()
    (folder / "Application.xml").write_bytes(encodings()["utf-16 le with BOM (PowerShell 5.1 >)"])
    log = ExportedEventLog(folder, MOSCOW)
    q = crash_query(DAY, DAY, MOSCOW)
    assert q.xpath() == (
        "*[System[Provider[@Name='.NET Runtime' or @Name='Application Error'] and "
        "(EventID=1026 or EventID=1000) and TimeCreated[@SystemTime>='2026-11-16T21:00:00.000Z'"
        " and @SystemTime<='2026-11-17T20:59:59.999Z']]]")
    events = log.query(q)
    # 00:30 local of the 17th is the 16th in UTC; 23:55 of the 16th and 00:05 of the 18th are
    # out; WER's 1001 and the licensing service are other providers
    assert [e.record_id for e in events] == [48177, 48197, 48203, 48211, 48212]
    crashes, used = program_crashes(events, MOSCOW)
    assert [e.record_id for e in used] == [48177, 48211, 48212]  # Telegram's and mmc's are not
    night, day = crashes
    assert night.when == datetime(2026, 11, 17, 0, 30, 0, 665023)
    assert (night.exception, night.module, night.module_version, night.code) == (
        "", "fbclient.dll", "3.0.12.33787", "0xc0000005")  # Windows 11's named fields
    assert night.known_line() == ("17.11.2026 00:30:00 — аварийное завершение Market.exe "
                                  "(сбойный модуль fbclient.dll 3.0.12.33787; код исключения "
                                  "0xc0000005)")
    assert day.when == datetime(2026, 11, 17, 13, 10, 0, 417369)
    assert day.record_ids == [48211, 48212]  # the runtime's 1026 and WER's 1000: one crash
    assert day.frame == ("Gbs.Forms.Reports.ProfitReportViewModel.Build(System.DateTime, "
                         "System.DateTime)")
    assert (day.module, day.code, day.app_version) == ("KERNELBASE.dll", "0xe0434352",
                                                       "6.6.12.2634")
    assert day.known_line() == ("17.11.2026 13:10:00 — аварийное завершение Market.exe (.NET: "
                                "System.NullReferenceException в "
                                "Gbs.Forms.Reports.ProfitReportViewModel.Build)")
    packed, bad = parse_export(events_document(used).decode("utf-8"))
    assert bad == 0 and [e.xml for e in packed] == [e.xml for e in used]


def test_labels_in_the_systems_language_do_not_matter() -> None:
    """On a Russian Windows the runtime's text has Russian labels and «в» before each frame."""
    events, _bad = parse_export(sample_text())
    english = next(e for e in events if e.record_id == 48211)
    russian = english.data[0][1]
    for en, ru in (("Application:", "Приложение:"), ("Framework Version:", "Версия платформы:"),
                   ("Description:", "Описание:"), ("Exception Info:", "Сведения об исключении:"),
                   ("   at ", "   в ")):
        russian = russian.replace(en, ru)
    english.data = [(None, russian)]
    [crash], _used = program_crashes([english], MOSCOW)
    assert crash.exe == "Market.exe" and crash.exception == "System.NullReferenceException"
    assert crash.frame.startswith("Gbs.Forms.Reports.ProfitReportViewModel.Build(")


def test_a_dotnet_core_entry_gives_the_exception_message_too() -> None:
    events, _bad = parse_export(sample_text())
    event = next(e for e in events if e.record_id == 48211)
    event.data = [(None, "Application: Market.exe\nPath: C:\\Program Files (x86)\\F-Lab\\Market 6"
                         "\\Market.exe\nDescription: The process was terminated due to an "
                         "unhandled exception.\nException Info: System.InvalidOperationException:"
                         " Sequence contains no elements\n   at System.Linq.Enumerable.First"
                         "[TSource](IEnumerable`1 source)\n")]
    [crash], _used = program_crashes([event], MOSCOW)
    assert (crash.exception, crash.message) == ("System.InvalidOperationException",
                                                "Sequence contains no elements")
    assert crash.frame == "System.Linq.Enumerable.First[TSource](IEnumerable`1 source)"


def test_a_dtd_is_refused_so_no_entity_is_ever_expanded() -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Events>'
              + sample_text().splitlines()[4].replace("Market.exe", "&b;") + "</Events>")
    with pytest.raises(EventLogError):
        parse_export(laughs)


def test_no_export_under_a_root_is_no_event_log(tmp_path: Path) -> None:
    log = open_event_log(SystemRoot.from_arg(tmp_path))
    with pytest.raises(NoEventLog):
        log.query(crash_query(DAY, DAY, log.zone))


def test_the_pcs_zone_comes_from_its_registry(tmp_path: Path) -> None:
    key = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\TimeZoneInformation"
    (tmp_path / "registry.reg").write_bytes(format_reg([(key, [
        ("Bias", RegValue(REG_DWORD, 0xFFFFFFC4)),  # -60: UTC+1 in winter
        ("ActiveTimeBias", RegValue(REG_DWORD, 0xFFFFFF88))])]))  # -120: summer time now
    assert root_zone(SystemRoot.from_arg(tmp_path)) == timezone(timedelta(hours=2))
    (tmp_path / "registry.reg").write_bytes(format_reg([(key, [
        ("Bias", RegValue(REG_DWORD, 300))])]))  # UTC-5
    assert root_zone(SystemRoot.from_arg(tmp_path)) == timezone(timedelta(hours=-5))
    (tmp_path / "registry.reg").unlink()
    assert root_zone(SystemRoot.from_arg(tmp_path)) is None  # the lab machine's own zone


def test_the_review_lists_the_entries_only_for_a_day_with_a_crash(demo) -> None:
    from collector.pipeline import Collection, CollectOptions
    from collector.sources import PreviewContext, get
    from tests.conftest import DEMO_TODAY

    root = SystemRoot.from_arg(demo.root)

    def items(day: date, tmp: Path):
        options = CollectOptions(problem_date=day, out_dir=tmp, include_database=False,
                                 check_updates=False)
        plan = Collection(root, options).plan()
        return [i for i in plan.items if i.source_name == "event_log"], options

    crash_day = DEMO_TODAY - timedelta(days=3)
    [item], options = items(crash_day, demo.root.parent / "out")
    assert (item.arcname, item.group, item.text) == ("system/eventlog-application.xml",
                                                     "system", True)
    shown = get("event_log").preview(item, PreviewContext(root, options))()
    assert item.size == len(shown.encode("utf-8"))
    assert [e.record_id for e in parse_export(shown)[0]] == [48191, 48192]
    assert items(DEMO_TODAY, demo.root.parent / "out")[0] == []
