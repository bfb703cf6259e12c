"""Every collected source, one module each, in the order the pipeline runs them.

Cheap and vital first (the program, the GBS.ID, the day's logs, the settings, the computer, the
person's files), the database last, so a slow or failing backup never loses the rest; the
request text after all of them, since it names what they attached. To add a source: write a
module with a :class:`~collector.sources.base.Source` subclass and list it here.
"""

from __future__ import annotations

from typing import NamedTuple

from collector.sources.attachments import AttachmentsSource
from collector.sources.base import PlanContext, PreviewContext, Source, Step
from collector.sources.configs import ConfigsSource
from collector.sources.database import DatabaseSource
from collector.sources.database_header import DatabaseHeaderSource
from collector.sources.event_log import EventLogSource
from collector.sources.firebird_log import FirebirdLogSource
from collector.sources.gbs_id import GbsIdSource
from collector.sources.installation import InstallationSource
from collector.sources.logs import LogsSource
from collector.sources.request import RequestSource
from collector.sources.system import SystemSource

REGISTRY: list[Source] = [
    InstallationSource(),
    GbsIdSource(),
    LogsSource(),
    ConfigsSource(),
    SystemSource(),
    EventLogSource(),
    AttachmentsSource(),
    DatabaseHeaderSource(),
    FirebirdLogSource(),
    DatabaseSource(),
    RequestSource(),
]
STAGES = ("identify", "collect", "finish")
_BY_NAME = {s.name: s for s in REGISTRY}


def names() -> list[str]:
    """Step names in the order they run (and appear in the manifest)."""
    return [s.name for s in ordered()]


def ordered() -> list[Source]:
    return sorted(REGISTRY, key=lambda s: STAGES.index(s.stage))


def get(name: str) -> Source:
    return _BY_NAME[name]


def titles() -> dict[str, str]:
    return {s.name: s.title for s in ordered()}


class Group(NamedTuple):
    name: str
    title: str
    icon: str  # one of the GUI's drawn icons (ui/theme.py)


def groups() -> list[Group]:
    """Review groups in the order the review lists them: the request first, the rest as the
    registry orders its sources; a group's title and icon are its first source's."""
    seen: dict[str, Group] = {}
    for s in sorted(REGISTRY, key=lambda s: (s.group != "request", REGISTRY.index(s))):
        seen.setdefault(s.group, Group(s.group, s.group_title, s.icon))
    return list(seen.values())


def group_title(name: str) -> str:
    return next(g.title for g in groups() if g.name == name)


def owner(arcname: str) -> Source | None:
    return next((s for s in REGISTRY if s.owns(arcname)), None)


def describe_entries(entries: list[str]) -> list[str]:
    """«Приложено» lines for archive entries, each source naming its own, in registry order."""
    by_source: dict[str, list[str]] = {}
    for e in entries:
        s = owner(e)
        if s is not None:
            by_source.setdefault(s.name, []).append(e)
    return [line for s in REGISTRY for line in s.describe(by_source.get(s.name, []))]


def describe_reports(reports) -> tuple[list[str], list[str]]:
    """(«Приложено» lines, «Не удалось приложить» lines) from the steps of a run."""
    attached = describe_entries([f for r in reports for f in r.files])
    missing = [f"{_BY_NAME[r.name].title}: {r.message}" for r in reports
               if r.status == "failed" and r.name in _BY_NAME and r.name != "request"
               and r.message]
    return attached, missing


__all__ = ["REGISTRY", "Group", "PlanContext", "PreviewContext", "Source", "Step",
           "describe_entries", "describe_reports", "get", "group_title", "groups", "names",
           "ordered", "owner", "titles"]
