"""Windows event logs, read-only: the live log through the Win32 Event Log API (``wevtapi``) on
Windows, an export under a system root in the lab.

Both give the same :class:`Event` records, parsed from the Event XML that Windows renders
(``http://schemas.microsoft.com/win/2004/08/events/event``: ``System/Provider@Name``,
``EventID``, ``Level``, ``TimeCreated@SystemTime`` in UTC, ``EventRecordID``, ``Computer``,
``EventData/Data``, named or not). The lab's export is what ``wevtutil qe <Channel> /f:xml
/e:Events`` writes, saved as ``<root>/eventlog/<Channel>.xml`` (the way ``registry.reg`` stands
for the registry): UTF-16 with ``/uni:true`` or when PowerShell redirected it, UTF-8 or the ANSI
code page otherwise, with or without the ``Events`` root and an XML declaration. An event's
XML is kept as Windows wrote it, for the bundle.

Times: Windows stores UTC; the day a person names is the PC's local day. On Windows that is
the system's own zone; under a root, the zone its ``registry.reg`` records
(``TimeZoneInformation``'s ``ActiveTimeBias``), else the lab machine's.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from collector.i18n import _

if TYPE_CHECKING:
    from collector.sysroot import SystemRoot

EXPORT_DIR = "eventlog"  # under a system root: <root>/eventlog/<Channel>.xml
TIMEZONE_KEY = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\TimeZoneInformation"

# One <Event> element: its text cannot hold "</Event>" (it would be escaped), so the first end
# tag closes it; <Events>, <EventData>, <EventID> do not match the opening.
_EVENT = re.compile(r"<Event[\s>].*?</Event\s*>", re.S)
# Event XML never has a DTD; refusing one rules out entity expansion and external entities.
_DTD = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.I)
_SYSTEM_TIME = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z?$")


class EventLogError(Exception):
    """The log could not be read; the message says why, in Russian."""


class NoEventLog(EventLogError):
    """There is no such log here at all (not Windows, no export under the root)."""


@dataclass
class Event:
    provider: str
    event_id: int
    created: datetime  # aware, UTC
    level: int | None = None
    record_id: int | None = None
    channel: str = ""
    computer: str = ""
    data: list[tuple[str | None, str]] = field(default_factory=list)  # (Name, text) in order
    xml: str = ""  # the event as Windows rendered it

    def value(self, name: str, index: int) -> str:
        """A field of EventData: by its Name when the provider names them (manifest-based
        providers), else by its place (classic ones)."""
        named = {k.casefold(): v for k, v in self.data if k}
        if named:
            return named.get(name.casefold(), "")
        return self.data[index][1] if index < len(self.data) else ""


@dataclass(frozen=True)
class EventQuery:
    """Events of ``providers`` with one of ``ids``, created in [start, end)."""

    channel: str
    providers: tuple[str, ...]
    ids: tuple[int, ...]
    start: datetime  # aware
    end: datetime  # aware, excluded

    def matches(self, event: Event) -> bool:
        return (event.provider.casefold() in {p.casefold() for p in self.providers}
                and event.event_id in self.ids and self.start <= event.created < self.end)

    def xpath(self) -> str:
        """The same filter as the event log service's XPath subset understands it."""
        providers = " or ".join(f"@Name='{p}'" for p in self.providers)
        ids = " or ".join(f"EventID={i}" for i in self.ids)
        last = self.end - timedelta(milliseconds=1)
        return (f"*[System[Provider[{providers}] and ({ids}) and TimeCreated["
                f"@SystemTime>='{_system_time(self.start)}' and "
                f"@SystemTime<='{_system_time(last)}']]]")


def _system_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{moment.astimezone(UTC).microsecond // 1000:03d}Z"


class EventLog(Protocol):
    where: str  # where the events come from, for the manifest
    zone: tzinfo | None  # the PC's time zone; None: this system's own (DST-aware)

    def query(self, q: EventQuery) -> list[Event]: ...  # raises EventLogError


def local_to_utc(moment: datetime, zone: tzinfo | None) -> datetime:
    """A naive local time of the PC as an aware UTC time."""
    local = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return local.astimezone(UTC)


def utc_to_local(moment: datetime, zone: tzinfo | None) -> datetime:
    """An aware time as the PC's naive local time."""
    return (moment.astimezone(zone) if zone is not None else moment.astimezone()).replace(
        tzinfo=None)


# --- Event XML ------------------------------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    return next((c for c in el if _local(c.tag) == name), None)


def _int(text: str | None) -> int | None:
    try:
        return int((text or "").strip())
    except ValueError:
        return None


def parse_system_time(text: str) -> datetime:
    m = _SYSTEM_TIME.match(text.strip())
    if m is None:
        raise ValueError(f"not a SystemTime: {text!r}")
    frac = (m.group(7) or "").ljust(6, "0")[:6]  # Windows writes 7 or 9 digits
    return datetime(*map(int, m.groups()[:6]), int(frac), tzinfo=UTC)


def parse_event(xml: str) -> Event:
    """One ``<Event>`` element; ValueError/ET.ParseError when it is not one."""
    if _DTD.search(xml):
        raise ValueError("a DTD in event XML")
    root = ET.fromstring(xml)
    if _local(root.tag) != "Event":
        raise ValueError(f"not an Event element: {root.tag}")
    system = _child(root, "System")
    provider = _child(system, "Provider")
    event_id = _int(getattr(_child(system, "EventID"), "text", None))
    created = _child(system, "TimeCreated")
    if provider is None or event_id is None or created is None:
        raise ValueError("an Event without Provider, EventID or TimeCreated")
    data = []
    event_data = _child(root, "EventData")
    for d in event_data if event_data is not None else ():
        if _local(d.tag) == "Data":
            text = (d.text or "").replace("\r\n", "\n").replace("\r", "\n")
            data.append((d.get("Name"), text))
    return Event(
        provider=provider.get("Name", ""),
        event_id=event_id & 0xFFFF,  # classic events may carry qualifiers in the high bits
        created=parse_system_time(created.get("SystemTime", "")),
        level=_int(getattr(_child(system, "Level"), "text", None)),
        record_id=_int(getattr(_child(system, "EventRecordID"), "text", None)),
        channel=(getattr(_child(system, "Channel"), "text", None) or "").strip(),
        computer=(getattr(_child(system, "Computer"), "text", None) or "").strip(),
        data=data,
        xml=xml,
    )


def decode_export(raw: bytes) -> str:
    """An export's text in whichever encoding wevtutil or a shell wrote it."""
    from collector.logs.encoding import decode_head

    return decode_head(raw).lstrip("\ufeff")


def parse_export(text: str) -> tuple[list[Event], int]:
    """(the events of an export, how many ``<Event>`` elements could not be read)."""
    if _DTD.search(text):
        raise EventLogError(_("Файл журнала событий содержит DTD и не читается: в выгрузке "
                              "Windows её не бывает"))
    events: list[Event] = []
    bad = 0
    for m in _EVENT.finditer(text):
        try:
            events.append(parse_event(m.group(0)))
        except (ET.ParseError, ValueError):
            bad += 1
    return events, bad


def events_document(events: list[Event]) -> bytes:
    """The events as one XML document, each as Windows rendered it (the bundle's entry)."""
    body = "".join(e.xml.strip() + "\r\n" for e in events)
    return ('<?xml version="1.0" encoding="utf-8"?>\r\n<Events>\r\n' + body
            + "</Events>\r\n").encode("utf-8")


# --- backends ------------------------------------------------------------------------------------
class ExportedEventLog:
    """``<root>/eventlog/<Channel>.xml``: the log of the PC a system root stands for."""

    def __init__(self, folder: Path, zone: tzinfo | None) -> None:
        self.folder = folder
        self.zone = zone
        self.where = str(folder)
        self.unreadable = 0

    def path(self, channel: str) -> Path:
        return self.folder / f"{channel}.xml"

    def query(self, q: EventQuery) -> list[Event]:
        path = self.path(q.channel)
        self.where = str(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise NoEventLog(_("Нет выгрузки журнала {channel} ({path}) в системном корне",
                                  channel=q.channel, path=path)) from None
        except OSError as exc:
            raise EventLogError(_("Выгрузка журнала {path} не прочитана: {error}", path=path,
                                  error=exc.strerror or exc)) from exc
        events, self.unreadable = parse_export(decode_export(raw))
        return sorted((e for e in events if q.matches(e)), key=lambda e: e.created)


class WinEventLog:  # pragma: no cover - exercised on Windows only (tests/test_windows.py)
    """The live log through ``EvtQuery``/``EvtNext``/``EvtRender`` of wevtapi.dll."""

    where = "wevtapi"
    zone = None
    BATCH = 32
    TIMEOUT_MS = 10_000

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes as w

        self._ct, self._w = ctypes, w
        api = ctypes.WinDLL("wevtapi", use_last_error=True)
        api.EvtQuery.argtypes = [w.HANDLE, w.LPCWSTR, w.LPCWSTR, w.DWORD]
        api.EvtQuery.restype = w.HANDLE
        api.EvtNext.argtypes = [w.HANDLE, w.DWORD, ctypes.POINTER(w.HANDLE), w.DWORD, w.DWORD,
                                ctypes.POINTER(w.DWORD)]
        api.EvtNext.restype = w.BOOL
        api.EvtRender.argtypes = [w.HANDLE, w.HANDLE, w.DWORD, w.DWORD, ctypes.c_void_p,
                                  ctypes.POINTER(w.DWORD), ctypes.POINTER(w.DWORD)]
        api.EvtRender.restype = w.BOOL
        api.EvtClose.argtypes = [w.HANDLE]
        api.EvtClose.restype = w.BOOL
        self._api = api

    def _error(self, code: int) -> EventLogError:
        return EventLogError(_("Журнал событий Windows не прочитан: {error}",
                               error=f"{self._ct.FormatError(code).strip()} ({code})"))

    def _render(self, handle: int) -> str:
        ct, w = self._ct, self._w
        used, props = w.DWORD(), w.DWORD()
        render_xml, insufficient = 1, 122  # EvtRenderEventXml, ERROR_INSUFFICIENT_BUFFER
        if not self._api.EvtRender(None, handle, render_xml, 0, None, ct.byref(used),
                                   ct.byref(props)):
            code = ct.get_last_error()
            if code != insufficient:
                raise self._error(code)
        buf = ct.create_unicode_buffer(used.value // ct.sizeof(ct.c_wchar) + 1)
        if not self._api.EvtRender(None, handle, render_xml, ct.sizeof(buf), buf,
                                   ct.byref(used), ct.byref(props)):
            raise self._error(ct.get_last_error())
        return buf.value

    def query(self, q: EventQuery) -> list[Event]:
        ct, w = self._ct, self._w
        channel_path, forward = 0x1, 0x100  # EvtQueryChannelPath | EvtQueryForwardDirection
        no_more = 259  # ERROR_NO_MORE_ITEMS
        results = self._api.EvtQuery(None, q.channel, q.xpath(), channel_path | forward)
        if not results:
            raise self._error(ct.get_last_error())
        events: list[Event] = []
        try:
            while True:
                batch = (w.HANDLE * self.BATCH)()
                got = w.DWORD()
                if not self._api.EvtNext(results, self.BATCH, batch, self.TIMEOUT_MS, 0,
                                         ct.byref(got)):
                    code = ct.get_last_error()
                    if code == no_more:
                        break
                    raise self._error(code)
                handles = [batch[i] for i in range(got.value)]
                try:
                    for h in handles:
                        try:
                            event = parse_event(self._render(h))
                        except (ET.ParseError, ValueError):
                            continue
                        if q.matches(event):
                            events.append(event)
                finally:
                    for h in handles:
                        self._api.EvtClose(h)
        finally:
            self._api.EvtClose(results)
        return sorted(events, key=lambda e: e.created)


def root_zone(root: SystemRoot) -> tzinfo | None:
    """The time zone of the PC under a root, as its registry records it; None (the lab's own
    zone) when the export has none."""
    values = root.registry.values(TIMEZONE_KEY) or {}
    for name in ("activetimebias", "bias"):
        v = values.get(name)
        if v is not None and isinstance(v.data, int):
            bias = v.data - (1 << 32) if v.data >= 1 << 31 else v.data  # a DWORD holding a LONG
            return timezone(-timedelta(minutes=bias))  # UTC = local + bias
    return None


def open_event_log(root: SystemRoot) -> EventLog:
    """The event log of the PC ``root`` stands for; EventLogError says why there is none."""
    if root.base is not None:
        return ExportedEventLog(root.base / EXPORT_DIR, root_zone(root))
    if sys.platform == "win32":  # pragma: no cover
        try:
            return WinEventLog()
        except OSError as exc:
            raise EventLogError(_("Журнал событий Windows недоступен: {error}",
                                  error=exc)) from exc
    raise NoEventLog(_("Журнал событий Windows есть только в Windows"))
