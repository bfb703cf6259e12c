"""The person's own files (screenshots, a payment receipt): ``attachments/…``, names made safe
and sizes limited by ``collector/attachments.py``; voice messages are refused by the form."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from collector.i18n import _, count, join
from collector.sources.base import TEXT_SUFFIXES, Source, Step


def _paths(options, form) -> list:
    paths = list(options.attachments)
    paths += [Path(p) for p in getattr(form, "attachments", []) if Path(p) not in paths]
    return paths


class AttachmentsSource(Source):
    name = "attachments"
    title = _("Вложения")
    group = "attachments"
    group_title = _("Ваши файлы")
    icon = "clip"
    weight = 4
    time_limit = 600
    archive_ratio = 1.0  # pictures and PDFs do not shrink
    prefixes = ("attachments/",)
    needs_installation = False

    def plan(self, ctx):
        from collector.attachments import plan_attachments
        from collector.plan import PlanItem

        paths = _paths(ctx.options, ctx.form)
        if not paths:
            return []
        att = plan_attachments(paths, confirmed_links=ctx.options.confirmed_links,
                               exclude=[ctx.options.out_dir])
        ctx.problems += [str(p) for p in att.problems]
        return [PlanItem(self.group, a.arcname, a.size, str(a.source),
                         a.source.suffix.lower() in TEXT_SUFFIXES, source_name=self.name)
                for a in att.items]

    def collect(self, step: Step) -> None:
        from collector.attachments import plan_attachments
        from collector.bundle import SourceError

        paths = _paths(step.options, step.job.form)
        if not paths:
            step.skip(_("не добавлены"))
            return
        plan = plan_attachments(paths, confirmed_links=step.options.confirmed_links,
                                exclude=[step.options.out_dir])
        for i, item in enumerate(plan.items):
            step.progress(i / max(1, len(plan.items)), item.source.name)
            try:
                step.add_file(item.source, item.arcname)
            except SourceError as exc:
                plan.problems.append(exc.message)
        files = count(len(step.report.files), _("файл"), _("файла"), _("файлов"))
        step.say(join("; ", [_("{files}", files=files), *plan.problems]))

    def describe(self, files: list[str]) -> list[str]:
        return [str(_("файл пользователя: {name}", name=PurePosixPath(f).name))
                for f in files if self.owns(f) and f != "attachments/"]
