"""Firebird's own journal: the chosen days' entries of ``firebird.log`` → ``firebird/firebird.log``.

The program never reads it (GBS_MARKET.md §8: its place is not stated), so it is looked for where
the server writes it: the folder of the program's own Firebird service, the preferred one first.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from collector.i18n import _, count
from collector.sources.base import Source, Step
from collector.sources.database import DatabaseSource

ARCNAME = "firebird/firebird.log"


def find_firebird_log(root) -> Path | None:
    """The program's Firebird's ``firebird.log`` on this PC (under the root), or None."""
    from collector.database.firebird_log import LOG_NAMES
    from collector.database.tools import market_firebird_dirs

    for folder in market_firebird_dirs():
        for name in LOG_NAMES:
            try:
                path = root.path(str(folder) + "\\" + name) if root.base else folder / name
                if path.is_file():
                    return path
            except OSError:
                continue
    return None


class FirebirdLogSource(Source):
    name = "firebird_log"
    title = _("Журнал сервера базы данных за день")
    group = DatabaseSource.group
    group_title = DatabaseSource.group_title
    icon = DatabaseSource.icon
    weight = 1
    time_limit = 30
    archive_ratio = 0.2
    prefixes = (ARCNAME,)

    def plan(self, ctx):
        from collector.plan import PlanItem

        path = find_firebird_log(ctx.root)
        if path is None:
            return []
        return [PlanItem(self.group, ARCNAME, 8 * 1024, str(path), True, estimated=True,
                         note=str(_("только записи за выбранные дни")), source_name=self.name)]

    def collect(self, step: Step) -> None:
        from collector.database.firebird_log import (
            entries_of_days,
            parse_firebird_log,
            read_firebird_log,
        )

        path = find_firebird_log(step.root)
        if path is None:
            step.skip(_("Журнал сервера базы данных не найден"))
            return
        day, around = step.options.problem_date, step.options.around_days
        days = {day + timedelta(days=k) for k in range(-around, around + 1)}
        try:
            entries = entries_of_days(parse_firebird_log(read_firebird_log(path)), days)
        except OSError as exc:
            step.fail(_("Журнал сервера базы данных не прочитан: {error}",
                        error=exc.strerror or exc))
            return
        step.manifest("firebird_log", {"path": step.root.windows_path(path),
                                       "entries": len(entries)})
        if not entries:
            step.say(_("За выбранные дни записей нет"))
            return
        text = "".join(f"{e.host}\t{e.when:%a %b %d %H:%M:%S %Y}\n"
                       + "".join(f"\t{ln}\n" for ln in e.text.splitlines()) + "\n\n"
                       for e in entries)
        step.add_bytes(text.encode("utf-8"), ARCNAME)
        first = entries[0]
        step.known(_("В журнале Firebird (firebird.log) за выбранные дни записей: {n}; первая в "
                     "{when}: «{text}».", n=len(entries), when=first.when.strftime("%H:%M:%S"),
                     text=first.first_line[:160]))
        step.say(_("{entries} за выбранные дни", entries=count(
            len(entries), _("запись"), _("записи"), _("записей"))))

    def describe(self, files: list[str]) -> list[str]:
        if ARCNAME in files:
            return [str(_("записи журнала Firebird за выбранные дни (firebird/firebird.log)"))]
        return []
