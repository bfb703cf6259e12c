"""The program's crashes as Windows recorded them in the Application event log.

A .NET program that dies of an unhandled exception leaves two entries: «.NET Runtime» 1026, whose
one Data holds the runtime's text (the program, the framework, the exception type, its stack:
``Application: Market.exe`` / ``Exception Info: System.NullReferenceException`` /
``   at Gbs…``; labels in the system's language), and «Application Error» 1000 from Windows Error
Reporting (program, versions, the faulting module, the exception code: ``e0434352`` is the CLR's;
unnamed Data in a fixed order on older Windows, named on newer). A native crash leaves only the
1000. Entries of other programs are ignored; a 1026 and a 1000 of one crash make one line.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from collector.i18n import Text, _, join
from collector.winsys.eventlog import Event, EventQuery, local_to_utc, utc_to_local

CHANNEL = "Application"
DOTNET, DOTNET_ID = ".NET Runtime", 1026
APP_ERROR, APP_ERROR_ID = "Application Error", 1000
MARKET_EXE = "Market.exe"
CLR_EXCEPTION = "0xe0434352"  # what WER records for any unhandled .NET exception
PAIR_SECONDS = 120  # WER writes its 1000 a moment after the runtime's 1026
# Application Error 1000's EventData, in the order classic events carry it unnamed
APP_ERROR_FIELDS = ("AppName", "AppVersion", "AppTimeStamp", "ModuleName", "ModuleVersion",
                    "ModuleTimeStamp", "ExceptionCode", "FaultingOffset", "ProcessId",
                    "ProcessCreationTime", "AppPath", "ModulePath", "IntegratorReportId",
                    "PackageFullName", "PackageRelativeAppId")

# "<label>: <program>.exe" (the first such line names the program; a path has a drive colon)
_PROGRAM = re.compile(r"^[^:\n]{2,40}:[^\S\n]*(?P<exe>[^\n\\/:*?\"<>|]+?\.exe)[^\S\n]*$",
                      re.M | re.I)
# "<label>: System.NullReferenceException[: message]" (.NET Framework; .NET adds the message)
_EXCEPTION = re.compile(r"^[^:\n]{2,40}:[^\S\n]*(?P<type>(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*"
                        r"(?:Exception|Error))\b(?::[^\S\n]*(?P<message>[^\n]*))?", re.M)
# "   at Gbs.Forms.X.Save()" / "   в Gbs.Forms.X.Save()": a frame of the stack
_FRAME = re.compile(r"^[^\S\n]+\w{1,4}[^\S\n]+(?P<frame>[\w.`<>\[\],]+\([^\n]*\))[^\S\n]*$",
                    re.M)


@dataclass
class Crash:
    when: datetime  # the PC's local time
    exe: str
    exception: str = ""  # .NET type (the innermost: the runtime lists it first)
    message: str = ""
    frame: str = ""  # the first frame of its stack
    module: str = ""  # the faulting module (Application Error)
    module_version: str = ""
    code: str = ""  # exception code, 0x…
    app_version: str = ""
    record_ids: list[int] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "when": self.when.isoformat(timespec="seconds")}

    def known_line(self) -> Text:
        """One «Что известно» line: «17.11.2026 13:10:01 — аварийное завершение Market.exe
        (.NET: System.NullReferenceException в Gbs….Build)». The faulting module of a .NET
        crash is always the one that raised the CLR's exception (KERNELBASE.dll): not said."""
        details = []
        if self.exception:
            method = self.frame.split("(", 1)[0]
            details.append(_(".NET: {exception} в {method}", exception=self.exception,
                             method=method) if method else
                           _(".NET: {exception}", exception=self.exception))
        if self.module and not (self.exception and self.code == CLR_EXCEPTION):
            details.append(_("сбойный модуль {module} {version}", module=self.module,
                             version=self.module_version) if self.module_version else
                           _("сбойный модуль {module}", module=self.module))
        if self.code and not self.exception:
            details.append(_("код исключения {code}", code=self.code))
        when = self.when.strftime("%d.%m.%Y %H:%M:%S")
        if not details:
            return _("{when} — аварийное завершение {exe}", when=when, exe=self.exe)
        return _("{when} — аварийное завершение {exe} ({details})", when=when, exe=self.exe,
                 details=join("; ", details))


def crash_query(first_day: date, last_day: date, zone: tzinfo | None) -> EventQuery:
    """The two providers' crash entries of these local days."""
    start = local_to_utc(datetime.combine(first_day, time()), zone)
    end = local_to_utc(datetime.combine(last_day + timedelta(days=1), time()), zone)
    return EventQuery(CHANNEL, (DOTNET, APP_ERROR), (DOTNET_ID, APP_ERROR_ID), start, end)


def dotnet_program(event: Event) -> str:
    text = event.data[0][1] if event.data else ""
    m = _PROGRAM.search(text)
    return m.group("exe").strip() if m else ""


def event_program(event: Event) -> str:
    if event.provider.casefold() == DOTNET.casefold():
        return dotnet_program(event)
    return event.value("AppName", 0).strip()


def _dotnet(crash: Crash, event: Event) -> None:
    text = "\n".join(v for _k, v in event.data)
    m = _EXCEPTION.search(text)
    if m is None:
        return
    crash.exception = m.group("type")
    crash.message = (m.group("message") or "").strip()
    frame = _FRAME.search(text, m.end())
    if frame is not None:
        crash.frame = frame.group("frame")


def _app_error(crash: Crash, event: Event) -> None:
    def value(name: str) -> str:
        return event.value(name, APP_ERROR_FIELDS.index(name)).strip()

    crash.module, crash.module_version = value("ModuleName"), value("ModuleVersion")
    crash.app_version = value("AppVersion")
    code = value("ExceptionCode").lower().removeprefix("0x")
    crash.code = f"0x{code}" if code else ""


def program_crashes(events: list[Event], zone: tzinfo | None,
                    exe: str = MARKET_EXE) -> tuple[list[Crash], list[Event]]:
    """(the crashes of ``exe``, the events they were read from), oldest first."""
    mine = sorted((e for e in events if event_program(e).casefold() == exe.casefold()),
                  key=lambda e: e.created)
    crashes: list[Crash] = []
    last: Event | None = None  # the latest event of crashes[-1]
    for e in mine:
        prev = crashes[-1] if crashes else None
        if prev is not None and last is not None and e.provider not in prev.providers \
                and (e.created - last.created).total_seconds() <= PAIR_SECONDS:
            crash = prev  # the other entry of the same crash
        else:
            crash = Crash(utc_to_local(e.created, zone), event_program(e))
            crashes.append(crash)
        (_dotnet if e.provider.casefold() == DOTNET.casefold() else _app_error)(crash, e)
        crash.providers.append(e.provider)
        if e.record_id is not None:
            crash.record_ids.append(e.record_id)
        last = e
    return crashes, mine
