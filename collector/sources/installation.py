"""The program itself: which GBS.Market is installed, its exact version, whether it is current.

Nothing goes into the archive from here; the manifest's ``gbs_market`` block and the first
lines of request.txt come from what this source found (``collector/installation.py`` reads the
PC, ``collector/updates.py`` asks whether the version is the latest).
"""

from __future__ import annotations

from collector.i18n import _, join
from collector.sources.base import Source, Step


class InstallationSource(Source):
    name = "installation"
    title = _("Программа и версия")
    group = "request"
    group_title = _("Обращение и GBS.ID")
    icon = "chat"
    weight = 1
    time_limit = 60
    stage = "identify"
    needs_installation = False

    def collect(self, step: Step) -> None:
        from collector.installation import detect
        from collector.settings import load_settings
        from collector.updates import check_latest

        job = step.job
        if job.detection is None:
            job.detection = detect(job.root)
        inst = job.detection.installation
        step.manifest("system_root", str(job.root.base) if job.root.base else None)
        if inst is None:
            step.fail(_("GBS.Market не найдена"))
            return
        if job.options.check_updates:
            settings = load_settings()
            job.update = check_latest(inst.version, settings.latest_version_url,
                                      settings.update_check_timeout)
        version = inst.version or _("не определена")
        message = _("{product}, версия {version}", product=inst.product, version=version)
        step.say(join("; ", [message, *inst.problems]) if inst.problems else message)
