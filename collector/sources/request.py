"""The request itself: ``request.json`` (the form as given) and ``request.txt`` (as a person of
the desk reads it, naming what every other source attached and what could not be attached).

Runs last: the text lists the bundle's real contents (``collector.sources.describe``).
"""

from __future__ import annotations

import json

from collector.i18n import _
from collector.sources.base import Source, Step, json_bytes

FILES = ("request.txt", "request.json")


class RequestSource(Source):
    name = "request"
    title = _("Текст обращения")
    group = "request"
    group_title = _("Обращение и GBS.ID")
    icon = "chat"
    weight = 1
    time_limit = 60
    archive_ratio = 1.0
    prefixes = FILES
    stage = "finish"
    needs_installation = False

    def plan(self, ctx):
        from collector.plan import PlanItem

        return [PlanItem(self.group, "request.txt", 2048, estimated=True, source_name=self.name),
                PlanItem(self.group, "request.json", 1024, estimated=True,
                         source_name=self.name)]

    def preview(self, item, ctx):
        if item.arcname == "request.txt":
            text = ctx.request_text
            return lambda: text
        if item.arcname == "request.json":
            data = json.dumps(ctx.options.form or {}, ensure_ascii=False, indent=2)
            return lambda: data
        return None

    def collect(self, step: Step) -> None:
        from collector.request import RequestContext, render_request_text, validate
        from collector.sources import describe_reports

        job = step.job
        form = job.form
        step.add_bytes(json_bytes(form.to_json()), "request.json")
        attached, missing = describe_reports(job.reports)
        ctx = RequestContext.from_installation(
            job.installation, update=job.update, gbs_id=job.gbs_id, attached=attached,
            today=job.options.problem_date)
        ctx.missing = missing
        ctx.known = list(job.known)
        ctx.check_files = False  # attachments were already checked when added
        step.add_bytes(render_request_text(form, ctx).encode("utf-8"), "request.txt")
        errors = [p for p in validate(form, ctx) if p.severity == "error"]
        job.form_problems += [p.to_json() for p in errors]
        if errors:
            step.say(_("В обращении есть замечания: {list}",
                       list="; ".join(str(p.message) for p in errors)))
