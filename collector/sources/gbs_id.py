"""The GBS.ID (the licence id) as text and as its QR code: ``gbs_id.txt``, ``gbs_id_qr.png``.

Found on the PC, never typed (``collector/gbsid.py`` says where it is looked for); the one the
person picked in the window wins over the best candidate.
"""

from __future__ import annotations

from collector.i18n import _, join
from collector.sources.base import Source, Step

FILES = ("gbs_id.txt", "gbs_id_qr.png")


class GbsIdSource(Source):
    name = "gbs_id"
    title = _("GBS.ID")
    group = "request"
    group_title = _("Обращение и GBS.ID")
    icon = "chat"
    weight = 1
    time_limit = 30
    prefixes = FILES
    stage = "identify"  # the bundle's name carries the GBS.ID: known before the archive opens
    needs_installation = False

    def plan(self, ctx):
        from collector.plan import PlanItem

        return [PlanItem(self.group, "gbs_id.txt", 34, estimated=True, source_name=self.name),
                PlanItem(self.group, "gbs_id_qr.png", 4096, estimated=True,
                         source_name=self.name)]

    def preview(self, item, ctx):
        if item.arcname == "gbs_id.txt" and ctx.gbs_id:
            value = ctx.gbs_id
            return lambda: value
        return None

    def collect(self, step: Step) -> None:
        from collector.branding import product_name
        from collector.gbsid import (
            find_gbs_ids,
            no_id_help,
            normalize_gbs_id,
            placeholder_seen,
            several_ids_note,
            write_gbs_id_files,
        )

        job = step.job
        product = product_name(job.installation)
        placeholder = placeholder_seen(job.root, job.installation)
        if placeholder:
            step.known(placeholder)
        chosen = normalize_gbs_id(job.options.gbs_id) if job.options.gbs_id else None
        candidates = find_gbs_ids(job.root, job.installation, job.options.clipboard_text)
        if chosen is None and candidates:
            chosen = candidates[0].value
        if chosen is None:
            step.fail(join("\n\n", [placeholder, no_id_help(product=product)]) if placeholder
                      else no_id_help(product=product))
            return
        job.gbs_id = chosen
        txt, png = write_gbs_id_files(chosen, step.work_dir / "gbsid")
        step.add_file(txt, "gbs_id.txt")
        step.add_file(png, "gbs_id_qr.png")
        source = next((c for c in candidates if c.value == chosen), None)
        message = _("{value} ({where})", value=chosen,
                    where=source.detail if source else _("выбран пользователем"))
        others = [c for c in candidates if c.value != chosen]
        note = several_ids_note(candidates, product) if candidates[:1] and \
            candidates[0].value == chosen else None
        if note:
            step.known(note)
        if others:
            message = join("; ", [message, _("найдены и другие: {ids}", ids=", ".join(
                f"{c.value} ({c.describe()})" for c in others))])
        step.say(message)

    def describe(self, files: list[str]) -> list[str]:
        if any(f in FILES for f in files):
            return [str(_("GBS.ID в текстовом виде и QR-код (gbs_id.txt, gbs_id_qr.png)"))]
        return []
