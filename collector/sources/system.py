"""The computer: ``system.json`` (OS, CPU, memory, disks, the program's and Firebird's processes
and services, screens), read by ``collector/sysinfo.py``."""

from __future__ import annotations

from collector.i18n import _
from collector.sources.base import Source, Step, json_bytes


class SystemSource(Source):
    name = "system"
    title = _("Сведения о компьютере")
    group = "system"
    group_title = _("Сведения о компьютере")
    icon = "monitor"
    weight = 2
    time_limit = 60
    archive_ratio = 0.5
    prefixes = ("system.json",)
    needs_installation = False

    def plan(self, ctx):
        from collector.plan import PlanItem

        return [PlanItem(self.group, "system.json", 6 * 1024, estimated=True,
                         source_name=self.name)]

    def estimate_seconds(self, items, ctx) -> float:
        return 1.5 if items else 0.0  # the CPU sample

    def preview(self, item, ctx):
        root, screens = ctx.root, ctx.screens

        def read() -> str:
            import json

            from collector import sysinfo

            return json.dumps(sysinfo.snapshot(root, screens=screens), ensure_ascii=False,
                              indent=2, default=str)

        return read

    def collect(self, step: Step) -> None:
        from collector import sysinfo

        snap = sysinfo.snapshot(step.root, screens=step.options.screens)
        step.add_bytes(json_bytes(snap), "system.json")
        if snap.get("problems"):
            step.say(_("Не всё прочитано: {parts}", parts=", ".join(snap["problems"])))

    def describe(self, files: list[str]) -> list[str]:
        if "system.json" in files:
            return [str(_("сведения о компьютере (system.json)"))]
        return []
