"""The demo PC's Application event log, as ``wevtutil qe Application /f:xml /e:Events`` shows it
and Windows PowerShell saves it with ``>`` (UTF-16 LE with a BOM): the day's crash of Market.exe
(«.NET Runtime» 1026 with its stack, then «Application Error» 1000 and Windows Error Reporting's
1001), and other programs' entries that the collector must leave out."""

from __future__ import annotations

import codecs
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from xml.sax.saxutils import escape

EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event"
CLASSIC = "0x80000000000000"  # the «Classic» keyword of events written with ReportEvent
COMPUTER = "KASSA-1"
MARKET_PATH = r"C:\Program Files (x86)\F-Lab\Market 6\Market.exe"


def _data(text: str) -> str:
    # EvtRender escapes a carriage return as a character reference; a line feed stays
    return f"<Data>{escape(text).replace(chr(13), '&#xD;')}</Data>" if text else "<Data></Data>"


def classic_event(provider: str, event_id: int, level: int, task: int, when: datetime,
                  record: int, data: list[str]) -> str:
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
    return (f"<Event xmlns='{EVENT_NS}'><System><Provider Name='{provider}'/>"
            f"<EventID Qualifiers='0'>{event_id}</EventID><Version>0</Version>"
            f"<Level>{level}</Level><Task>{task}</Task><Opcode>0</Opcode>"
            f"<Keywords>{CLASSIC}</Keywords><TimeCreated SystemTime='{stamp}'/>"
            f"<EventRecordID>{record}</EventRecordID><Correlation/>"
            f"<Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel>"
            f"<Computer>{COMPUTER}</Computer><Security/></System>"
            f"<EventData>{''.join(_data(d) for d in data)}</EventData></Event>")


def dotnet_crash_text(program: str, exception: str, frames: list[str]) -> str:
    return "\r\n".join([f"Application: {program}", "Framework Version: v4.0.30319",
                        "Description: The process was terminated due to an unhandled "
                        "exception.", f"Exception Info: {exception}",
                        *(f"   at {f}" for f in frames), ""])


def write_application_log(path: Path, crash: datetime, zone: tzinfo, *, version: str,
                          today: date) -> None:
    """``crash``: the local moment Market.exe died (the demo's trace.log ends its run there)."""
    def at(moment: datetime) -> datetime:
        return moment.replace(tzinfo=zone)

    crash = at(crash)
    other_day = at(datetime.combine(today - timedelta(days=1), time(16, 2, 44, 913120)))
    events = [
        classic_event("Application Error", 1000, 2, 100, other_day - timedelta(hours=7), 0, [
            "Telegram.exe", "5.7.1.0", "673f0f1e", "Qt6Core.dll", "6.8.0.0", "66f3a0b2",
            "c0000005", "00000000002d5a1c", "2f8c", "01db38b97c2e4d10",
            r"C:\Users\Магазин\AppData\Roaming\Telegram Desktop\Telegram.exe",
            r"C:\Users\Магазин\AppData\Roaming\Telegram Desktop\Qt6Core.dll",
            "4f6b2d1e-93a7-4c0b-8e51-7a2c9d3f1b60", "", ""]),
        classic_event(".NET Runtime", 1026, 2, 0, crash - timedelta(hours=2, minutes=41), 0, [
            dotnet_crash_text("mmc.exe", "System.InvalidOperationException", [
                "Microsoft.ManagementConsole.Internal.SnapInMessagePumpProxy.OnThreadException("
                "System.Object, System.Threading.ThreadExceptionEventArgs)"])]),
        classic_event(".NET Runtime", 1026, 2, 0, crash + timedelta(microseconds=417369), 0, [
            dotnet_crash_text("Market.exe", "System.NullReferenceException", [
                "Gbs.Forms.Reports.ProfitReportViewModel.Build(System.DateTime, System.DateTime)",
                "Gbs.Helpers.MVVM.RelayCommand.Execute(System.Object)",
                "System.Windows.Controls.Primitives.ButtonBase.OnClick()",
                "System.Windows.Threading.ExceptionWrapper.InternalRealCall(System.Delegate, "
                "System.Object, Int32)",
                "System.Windows.Application.Run(System.Windows.Window)",
                "Gbs.App.Main()"])]),
        classic_event("Application Error", 1000, 2, 100, crash + timedelta(seconds=1, microseconds=
                      203456), 0, [
            "Market.exe", version, "6734a5c1", "KERNELBASE.dll", "10.0.19041.4355", "3e0d6a1c",
            "e0434352", "000000000012e9b2", "1a2c", "01db38c5f1a3b7e4", MARKET_PATH,
            r"C:\WINDOWS\System32\KERNELBASE.dll", "b1e3f9a2-6c4d-4e8f-9a17-2d5c8e0b3f41", "",
            ""]),
        classic_event("Windows Error Reporting", 1001, 4, 0, crash + timedelta(seconds=4), 0, [
            "2153914512307261447", "4", "CLR20r3", "Не доступно", "0", "Market.exe", version,
            "6734a5c1", "Gbs.Forms", version, "6734a5b9", "1f3", "2e",
            "System.NullReferenceException"]),
        classic_event(".NET Runtime", 1026, 2, 0, other_day, 0, [
            dotnet_crash_text("mmc.exe", "System.InvalidOperationException", [
                "System.Windows.Forms.Application+ThreadContext.OnThreadException("
                "System.Exception)"])]),
    ]
    events.sort(key=lambda e: e[e.index("SystemTime='"):])
    numbered = [e.replace("<EventRecordID>0<", f"<EventRecordID>{48190 + i}<", 1)
                for i, e in enumerate(events)]
    text = "<Events>\r\n" + "".join(e + "\r\n" for e in numbered) + "</Events>\r\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))  # PowerShell 5.1's ">"
