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
        from collector.demo import is_demo_root
        from collector.installation import detect
        from collector.settings import load_settings
        from collector.updates import check_installation

        job = step.job
        if job.detection is None:
            job.detection = detect(job.root)
        inst = job.detection.installation
        step.manifest("system_root", str(job.root.base) if job.root.base else None)
        # a bundle of a demo installation never goes to a real server (collector.demo)
        step.manifest("demo", is_demo_root(job.root))
        if inst is None:
            step.fail(_("GBS.Market не найдена"))
            return
        # The program's own last feed answer always; its feed too unless switched off.
        job.update = check_installation(inst, load_settings(),
                                        online=job.options.check_updates)
        step.manifest("installation", facts_of(inst))
        for text in known_of(job.detection):
            step.known(text)
        version = inst.version_text or inst.version or _("не определена")
        message = _("{product}, версия {version}", product=inst.product, version=version)
        step.say(join("; ", [message, *inst.problems]) if inst.problems else message)


def facts_of(inst) -> dict:
    """The manifest's facts of the program found (GBS_MARKET.md §1, §2, §6), with the
    program's country (Settings.json), which with the build decides whose desk the bundle
    belongs to (``collector.desk``) even when the configs are not in the bundle."""
    from collector.configs import settings_facts

    data = inst.to_json()
    keys = ("name", "build", "branding", "version", "version_text", "versions",
            "data_path", "data_path_source", "logs_dir", "configs_dir", "correct_exit",
            "correct_exit_raw", "found_by")
    return {k: data[k] for k in keys} | {"running": bool(inst.running),
                                         "country": settings_facts(inst.configs_dir).country}


def known_of(detection) -> list[str]:
    """What support should read first about the program itself (Russian)."""
    inst = detection.installation
    out: list[str] = []
    if inst.branding.build != "original":
        out.append(_("Программа: {product}.", product=inst.branding.describe()))
    facts = inst.versions
    if facts is not None and facts.shown and facts.version and \
            not facts.shown.startswith(facts.version + " "):
        out.append(_("Версия {version}; программа показывает её как {shown}.",
                     version=facts.version, shown=facts.shown))
    if inst.correct_exit is False:  # None while Market.exe runs: it sets false at every start
        out.append(_("В прошлый раз программа {product} закрылась не штатно (CorrectExit = false в "
                     "DataBase.json).", product=inst.name))
    for other in detection.others:
        if other.major == 5:
            out.append(_("На компьютере есть и данные GBS.Market 5: {path}.",
                         path=other.data_path_windows))
    return out
