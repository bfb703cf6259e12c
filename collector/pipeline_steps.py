"""What each step of the pipeline puts into the bundle (see steps.py for order and control)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from collector import sysinfo
from collector.attachments import plan_attachments
from collector.i18n import _
from collector.installation import detect
from collector.redact import redact_config

if TYPE_CHECKING:
    from collector.steps import Collection, StepControl, StepReport


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def add_bytes(job: Collection, report: StepReport, data: bytes, arcname: str) -> bool:
    if not job.wanted(arcname):
        return False
    job.writer.add_bytes(data, arcname)
    report.files.append(arcname)
    return True


def add_file(job: Collection, report: StepReport, src, arcname: str) -> bool:
    if not job.wanted(arcname):
        return False
    job.writer.add_file(src, arcname)
    report.files.append(arcname)
    return True


# --- steps ---------------------------------------------------------------------------------------
def step_installation(job: Collection, report: StepReport, control: StepControl) -> None:
    if job.detection is None:
        job.detection = detect(job.root)
    inst = job.detection.installation
    if inst is None:
        report.status = "failed"
        report.message = _("GBS.Market не найдена")
        return
    job.extra["system_root"] = str(job.root.base) if job.root.base else None
    version = inst.version or _("не определена")
    report.message = _("{product}, версия {version}", product=inst.product, version=version)
    if inst.problems:
        report.message += "; " + "; ".join(str(p) for p in inst.problems)


def step_configs(job: Collection, report: StepReport, control: StepControl) -> None:
    folder = job.installation.configs_dir
    if not folder.is_dir():
        report.status = "failed"
        report.message = _("Папка настроек {path} не найдена",
                           path=job.root.windows_path(folder))
        return
    keep = frozenset(filter(None, [(job.extra.get("gbs_id") or "")[2:]]))
    files = sorted(p for p in folder.iterdir() if p.is_file())
    total = 0
    for i, path in enumerate(files):
        control.progress(i / max(1, len(files)), path.name)
        arcname = f"config/{path.name}"
        try:
            raw = path.read_bytes()
        except OSError as exc:
            report.message += _("{name} не прочитан ({error}); ", name=path.name,
                                error=exc.strerror or exc)
            continue
        if path.suffix.lower() in (".json", ".conf", ".config", ".xml", ".ini", ".txt"):
            red = redact_config(raw, keep=keep)
            raw = red.data
            if red.count:
                job.redactions.append({"path": arcname, "count": red.count})
                total += red.count
        else:
            continue  # binary settings (caches, keys) are not what support reads
        add_bytes(job, report, raw, arcname)
    report.message = _("{n} файлов, скрыто секретных значений: {count}",
                       n=len(report.files), count=total) + (
        "; " + report.message if report.message else "")


def step_system(job: Collection, report: StepReport, control: StepControl) -> None:
    snap = sysinfo.snapshot(job.root, screens=job.options.screens)
    add_bytes(job, report, _json_bytes(snap), "system.json")
    if snap.get("problems"):
        report.message = _("Не всё прочитано: {parts}", parts=", ".join(snap["problems"]))


def step_attachments(job: Collection, report: StepReport, control: StepControl) -> None:
    paths = list(job.options.attachments)
    form = job.extra.get("form") or {}
    paths += [p for p in form.get("attachments", []) if p not in paths]
    if not paths:
        report.status = "skipped"
        report.message = _("Вложений нет")
        return
    plan = plan_attachments(paths)
    for i, item in enumerate(plan.items):
        control.progress(i / max(1, len(plan.items)), item.source.name)
        add_file(job, report, item.source, item.arcname)
    if report.files:
        job.included.append(_("вложения: {n} файл(ов)", n=len(report.files)))
    report.message = "; ".join([_("{n} файл(ов)", n=len(report.files)), *plan.problems])
