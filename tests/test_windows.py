"""The Windows implementations behind collector/winsys and the other Windows-only code paths.

Linux is the lab: there every one of these parts has its own lab implementation, tested in the
other files on real data (regedit exports, real PE files). These tests exercise the Windows side
itself against the real Windows APIs, on the Windows runner of .github/workflows/windows.yml.
"""

from __future__ import annotations

import contextlib
import ctypes
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform != "win32", reason="Windows APIs: run by .github/workflows/windows.yml")

TEST_KEY = r"Software\GBS-Support-Collector-Test"


@pytest.fixture
def test_key():
    import winreg

    def delete_tree(root, path: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            with winreg.OpenKey(root, path, 0, winreg.KEY_ALL_ACCESS) as k:
                while True:
                    try:
                        child = winreg.EnumKey(k, 0)
                    except OSError:
                        break
                    delete_tree(root, path + "\\" + child)
            winreg.DeleteKey(root, path)

    delete_tree(winreg.HKEY_CURRENT_USER, TEST_KEY)
    yield TEST_KEY
    delete_tree(winreg.HKEY_CURRENT_USER, TEST_KEY)


def test_live_registry_reads_what_windows_own_export_says(test_key: str, tmp_path: Path) -> None:
    """Values written with winreg, read by WinRegistry, and exported by Windows' own reg.exe
    (a real regedit export, UTF-16LE with BOM) then parsed by the lab backend: all agree."""
    import winreg

    from collector.winsys.registry import RegFileRegistry, WinRegistry

    key = test_key + r"\6"
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key) as k:
        winreg.SetValueEx(k, "INFOv02", 0, winreg.REG_SZ, "eyJIVyI6IjEyMyJ9")
        winreg.SetValueEx(k, "Путь к данным", 0, winreg.REG_SZ, "C:\\ProgramData\\Ф-Лаб\\")
        winreg.SetValueEx(k, "Count", 0, winreg.REG_DWORD, 42)
        winreg.SetValueEx(k, "Blob", 0, winreg.REG_BINARY, bytes(range(40)))
        winreg.SetValueEx(k, "Multi", 0, winreg.REG_MULTI_SZ, ["один", "two"])
        winreg.SetValueEx(k, "Expand", 0, winreg.REG_EXPAND_SZ, "%ProgramData%\\F-Lab")
    winreg.CreateKey(winreg.HKEY_CURRENT_USER, key + r"\Sub").Close()

    live = WinRegistry()
    full = "HKEY_CURRENT_USER\\" + key
    values = live.values(full)
    assert values is not None and values["count"].data == 42
    assert values["путь к данным"].data == "C:\\ProgramData\\Ф-Лаб\\"
    assert live.subkeys(full) == ["Sub"]

    export = tmp_path / "export.reg"
    subprocess.run(["reg", "export", "HKCU\\" + test_key, str(export), "/y"], check=True,
                   capture_output=True)
    assert export.read_bytes()[:2] == b"\xff\xfe"  # as regedit writes it
    parsed = RegFileRegistry(export)
    assert parsed.problem is None
    assert parsed.values(full) == values
    assert parsed.subkeys(full) == ["Sub"]


def test_a_log_held_open_by_the_program_is_read_and_can_still_be_rotated(tmp_path: Path) -> None:
    """NLog keeps its file open with ReadWrite|Delete sharing and renames it when archiving."""
    from collector.winsys.sharedfile import open_shared

    log = tmp_path / "trace.log"
    log.write_bytes(b"01.12.2026 10:00:00.0000 | INFO | A.B | start | \r\n")
    k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    k32.CreateFileW.restype = ctypes.c_void_p
    generic_write, share_all, open_existing = 0x40000000, 0x1 | 0x2 | 0x4, 3
    handle = k32.CreateFileW(str(log), generic_write, share_all, None, open_existing, 0x80, None)
    assert handle not in (None, ctypes.c_void_p(-1).value), ctypes.get_last_error()
    try:
        with open_shared(log) as f:
            assert f.read().startswith(b"01.12.2026 10:00:00.0000")
            log.rename(tmp_path / "trace.0.log")  # our open handle does not block the program
    finally:
        k32.CloseHandle(ctypes.c_void_p(handle))


def test_a_file_locked_without_sharing_is_a_sharing_violation(tmp_path: Path) -> None:
    from collector.winsys.sharedfile import is_sharing_violation, open_shared

    locked = tmp_path / "main.fdb"
    locked.write_bytes(b"\0" * 4096)
    k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    k32.CreateFileW.restype = ctypes.c_void_p
    handle = k32.CreateFileW(str(locked), 0x80000000, 0, None, 3, 0x80, None)  # no sharing
    assert handle not in (None, ctypes.c_void_p(-1).value), ctypes.get_last_error()
    try:
        with pytest.raises(PermissionError) as exc:
            open_shared(locked)
        assert is_sharing_violation(exc.value)
    finally:
        k32.CloseHandle(ctypes.c_void_p(handle))


def test_the_clipboard_round_trip_keeps_cyrillic_and_line_breaks() -> None:
    from collector import clipboard

    text = "GBS.ID: [6:0F3A9C41D2B84E67A1C35F9E2D704B18]\nКасса №2"
    clipboard.copy_text(text)
    assert clipboard.backend_name() == "windows"
    assert clipboard.read_text() == text


def test_windows_services_are_listed_with_their_state() -> None:
    import re

    from collector.winsys.services import list_services

    found, problem = list_services(re.compile(r"^EventLog$", re.I))
    assert problem is None
    assert [(s.name, s.status) for s in found] == [("EventLog", "running")]


def test_a_file_no_program_opens_is_reported_not_raised(tmp_path: Path) -> None:
    from collector.delivery.mailclient import WindowsDesktop

    orphan = tmp_path / "письмо.gbs-no-such-type"
    orphan.write_text("x")
    result = WindowsDesktop().open_file(orphan)
    assert result.ok is False
    assert "Не удалось открыть" in result.message and str(orphan) in result.message


def test_the_version_resource_reads_as_windows_itself_reads_it(tmp_path: Path) -> None:
    """pefile's reading of the demo's Market.exe equals GetFileVersionInfoW's answer."""
    from collector.demo_exe import write_exe
    from collector.winsys.fileversion import read_file_version

    exe = tmp_path / "Market.exe"
    write_exe(exe, version="6.6.12.2634")
    ver = ctypes.WinDLL("version", use_last_error=True)
    size = ver.GetFileVersionInfoSizeW(str(exe), None)
    assert size > 0, ctypes.get_last_error()
    buf = ctypes.create_string_buffer(size)
    assert ver.GetFileVersionInfoW(str(exe), 0, size, buf)
    value, length = ctypes.c_wchar_p(), ctypes.c_uint()
    # language neutral, Unicode: the block .NET (and the demo) writes
    assert ver.VerQueryValueW(buf, "\\StringFileInfo\\000004b0\\ProductVersion",
                              ctypes.byref(value), ctypes.byref(length))
    info = read_file_version(exe)
    assert info is not None and info.product_version == value.value == "6.6.12.2634"


def test_the_system_snapshot_reads_everything_on_windows() -> None:
    from collector.sysinfo import snapshot
    from collector.sysroot import SystemRoot

    snap = snapshot(SystemRoot(None), cpu_sample=0.1)
    assert "problems" not in snap, snap.get("problems")
    assert snap["os"]["system"] == "Windows"
    assert snap["services"]["problem"] is None


def _report_event(source: str, event_id: int, strings: list[str], category: int = 0) -> None:
    """An Application log entry written as the .NET runtime and WER write theirs: ReportEventW
    with the source's insertion strings (each becomes one <Data>)."""
    from ctypes import wintypes as w

    adv = ctypes.WinDLL("advapi32", use_last_error=True)
    adv.RegisterEventSourceW.argtypes = [w.LPCWSTR, w.LPCWSTR]
    adv.RegisterEventSourceW.restype = w.HANDLE
    adv.ReportEventW.argtypes = [w.HANDLE, w.WORD, w.WORD, w.DWORD, ctypes.c_void_p, w.WORD,
                                 w.DWORD, ctypes.POINTER(w.LPCWSTR), ctypes.c_void_p]
    adv.ReportEventW.restype = w.BOOL
    adv.DeregisterEventSource.argtypes = [w.HANDLE]
    handle = adv.RegisterEventSourceW(None, source)
    assert handle, ctypes.get_last_error()
    try:
        texts = (w.LPCWSTR * len(strings))(*strings)
        error_type = 0x0001  # EVENTLOG_ERROR_TYPE
        assert adv.ReportEventW(handle, error_type, category, event_id, None, len(strings), 0,
                                texts, None), ctypes.get_last_error()
    finally:
        adv.DeregisterEventSource(handle)


def test_market_crash_entries_written_by_windows_are_found_live_and_in_wevtutils_export(
        tmp_path: Path) -> None:
    """Real entries in the real Application log, read back by WinEventLog (EvtQuery) and from
    the exports the real wevtutil makes of them (default and /uni:true) by the lab's
    ExportedEventLog: the same entries, the same crash."""
    import uuid
    from datetime import date

    from collector.crash_events import crash_query, program_crashes
    from collector.winsys.eventlog import ExportedEventLog, WinEventLog

    marker = "Run" + uuid.uuid4().hex[:12]
    stack = (f"Application: Market.exe\r\nFramework Version: v4.0.30319\r\nDescription: The "
             f"process was terminated due to an unhandled exception.\r\nException Info: "
             f"System.NullReferenceException\r\n   at Gbs.Tests.Crash.{marker}()\r\n"
             f"   at Gbs.App.Main()\r\n   (касса №2)\r\n")
    app_path = f"C:\\GBS-Test-{marker}\\Market.exe"
    _report_event(".NET Runtime", 1026, [stack])
    _report_event("Application Error", 1000, [
        "Market.exe", "6.6.12.2634", "6734a5c1", "KERNELBASE.dll", "10.0.20348.1", "3e0d6a1c",
        "e0434352", "000000000012e9b2", "1a2c", "01db38c5f1a3b7e4", app_path,
        r"C:\Windows\System32\KERNELBASE.dll", str(uuid.uuid4()), "", ""], category=100)

    today = date.today()
    query = crash_query(today, today, None)

    def ours(events):
        return [e for e in events if marker in "".join(v for _k, v in e.data)]

    live = ours(WinEventLog().query(query))
    assert [(e.provider, e.event_id) for e in live] == [(".NET Runtime", 1026),
                                                       ("Application Error", 1000)]
    assert "(касса №2)" in live[0].data[0][1]
    crashes, _used = program_crashes(live, None)
    assert len(crashes) == 1 and crashes[0].frame == f"Gbs.Tests.Crash.{marker}()"
    assert crashes[0].module == "KERNELBASE.dll" and crashes[0].code == "0xe0434352"

    for n, extra in enumerate(([], ["/uni:true"])):
        folder = tmp_path / f"root{n}" / "eventlog"
        folder.mkdir(parents=True)
        out = subprocess.run(["wevtutil", "qe", "Application", f"/q:{query.xpath()}",
                              "/f:xml", "/e:Events", *extra], capture_output=True, check=True)
        (folder / "Application.xml").write_bytes(out.stdout)
        exported = ours(ExportedEventLog(folder, None).query(query))
        assert [(e.record_id, e.provider, e.event_id, e.created) for e in exported] == \
            [(e.record_id, e.provider, e.event_id, e.created) for e in live], extra
        assert program_crashes(exported, None)[0][0].known_line() == crashes[0].known_line()
        if extra:  # Unicode output keeps what the system's code page may not
            assert exported[0].data == live[0].data
