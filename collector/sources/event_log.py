"""The program's crashes from the Windows Application event log: the chosen days' «.NET Runtime»
1026 and «Application Error» 1000 entries naming Market.exe → ``system/eventlog-application.xml``
(each entry as Windows rendered it), a line per crash in «Что известно», the crashes in the
manifest (``event_log``). Windows access is behind :mod:`collector.winsys.eventlog`; under a
system root the log is its ``eventlog/Application.xml`` export."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from collector.i18n import _
from collector.sources.base import Source, Step
from collector.sources.system import SystemSource

ARCNAME = "system/eventlog-application.xml"
MAX_KNOWN = 5  # crash lines in «Что известно»; the rest are counted


def _days(options) -> tuple:
    day, around = options.problem_date, options.around_days
    return day - timedelta(days=around), day + timedelta(days=around)


def program_crash_events(root, options) -> tuple[Any, list, list]:
    """(the event log, Market.exe's crashes of the chosen days, their events); raises
    EventLogError when the log cannot be read."""
    from collector.crash_events import crash_query, program_crashes
    from collector.winsys.eventlog import open_event_log

    log = open_event_log(root)
    first, last = _days(options)
    events = log.query(crash_query(first, last, log.zone))
    crashes, used = program_crashes(events, log.zone)  # §1: every build runs as Market.exe
    return log, crashes, used


class EventLogSource(Source):
    name = "event_log"
    title = _("Журнал событий Windows: сбои программы")
    group = SystemSource.group
    group_title = SystemSource.group_title
    icon = SystemSource.icon
    weight = 0.5
    time_limit = 30
    archive_ratio = 0.2
    prefixes = (ARCNAME,)
    needs_installation = False

    def plan(self, ctx):
        from collector.plan import PlanItem
        from collector.winsys.eventlog import EventLogError, events_document

        try:
            _log, crashes, events = program_crash_events(ctx.root, ctx.options)
        except EventLogError:
            return []  # nothing to pack; the step says why when it runs
        if not events:
            return []
        return [PlanItem(self.group, ARCNAME, len(events_document(events)), text=True,
                         note=str(_("сбои программы за выбранные дни: {n}", n=len(crashes))),
                         source_name=self.name)]

    def preview(self, item, ctx):
        def read() -> str:
            from collector.winsys.eventlog import events_document

            _log, _crashes, events = program_crash_events(ctx.root, ctx.options)
            return events_document(events).decode("utf-8")

        return read

    def collect(self, step: Step) -> None:
        from collector.winsys.eventlog import EventLogError, NoEventLog, events_document

        try:
            log, crashes, events = program_crash_events(step.root, step.options)
        except NoEventLog as exc:
            step.skip(str(exc))
            return
        except EventLogError as exc:
            step.fail(str(exc))
            return
        step.manifest("event_log", {"source": log.where, "entries": len(events),
                                    "crashes": [c.to_json() for c in crashes]})
        if not crashes:
            step.say(_("В журнале событий Windows за выбранные дни сбоев программы нет"))
            return
        step.add_bytes(events_document(events), ARCNAME)
        for crash in crashes[:MAX_KNOWN]:
            step.known(crash.known_line())
        if len(crashes) > MAX_KNOWN:
            step.known(_("…и ещё аварийных завершений в журнале событий Windows: {n}",
                         n=len(crashes) - MAX_KNOWN))
        step.say(_("Аварийных завершений за выбранные дни: {n}", n=len(crashes)))

    def describe(self, files: list[str]) -> list[str]:
        if ARCNAME in files:
            return [str(_("записи журнала событий Windows о сбоях программы "
                          "(system/eventlog-application.xml)"))]
        return []
