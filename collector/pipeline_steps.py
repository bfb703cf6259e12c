"""What each step of the pipeline puts into the bundle (see steps.py for order and control)."""

from __future__ import annotations

import glob
import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from collector import sysinfo
from collector.attachments import plan_attachments
from collector.errors import Cancelled
from collector.i18n import _, join
from collector.installation import detect
from collector.plan import record_backup_rate
from collector.redact import redact_config
from collector.settings import load_settings
from collector.steps import StepTimeout
from collector.updates import check_latest

if TYPE_CHECKING:
    from collector.bundle import BundleResult
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
    if job.options.check_updates:
        settings = load_settings()
        status = check_latest(inst.version, settings.latest_version_url,
                              settings.update_check_timeout)
        job.extra["update"], job.extra["update_obj"] = status.to_json(), status
    version = inst.version or _("не определена")
    report.message = _("{product}, версия {version}", product=inst.product, version=version)
    if inst.problems:
        report.message = join("; ", [report.message, *inst.problems])


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
    unread = []
    for i, path in enumerate(files):
        control.progress(i / max(1, len(files)), path.name)
        arcname = f"config/{path.name}"
        try:
            raw = path.read_bytes()
        except OSError as exc:
            unread.append(_("{name} не прочитан ({error})", name=path.name,
                            error=exc.strerror or exc))
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
    report.message = join("; ", [_("Файлов: {n}; скрыто секретных значений: {count}",
                                   n=len(report.files), count=total), *unread])


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
        report.message = _("не добавлены")
        return
    plan = plan_attachments(paths)
    from collector.bundle import SourceError

    for i, item in enumerate(plan.items):
        control.progress(i / max(1, len(plan.items)), item.source.name)
        try:
            add_file(job, report, item.source, item.arcname)
        except SourceError as exc:
            plan.problems.append(exc.message)
    if report.files:
        job.included.append(_("вложения пользователя (файлов: {n})", n=len(report.files)))
    report.message = join("; ", [_("Файлов: {n}", n=len(report.files)), *plan.problems])


def form_of(job: Collection):
    """The request form of this run (parsed once): the given FORM.json, or a minimal one."""
    from collector.request import RequestForm, parse_form

    if "form_obj" in job.extra:
        return job.extra["form_obj"]
    if job.options.form is not None:
        form, problems = parse_form(job.options.form)
        job.extra["form_problems"] = [p.to_json() for p in problems]
    else:
        form = RequestForm(topic="errors")
    if form.problem_date is None:
        form.problem_date = job.options.problem_date
    job.extra["form_obj"] = form
    job.extra["form"] = form.to_json()
    return form


def step_gbs_id(job: Collection, report: StepReport, control: StepControl) -> None:
    from collector.gbsid import find_gbs_ids, no_id_help, normalize_gbs_id, write_gbs_id_files

    chosen = normalize_gbs_id(job.options.gbs_id) if job.options.gbs_id else None
    candidates = find_gbs_ids(job.root, job.installation, job.options.clipboard_text)
    if chosen is None and candidates:
        chosen = candidates[0].value
    if chosen is None:
        report.status = "failed"
        report.message = no_id_help()
        return
    job.extra["gbs_id"] = chosen
    job.extra["gbs_id_files"] = write_gbs_id_files(chosen, job.work_dir / "gbsid")
    source = next((c for c in candidates if c.value == chosen), None)
    report.message = _("{value} ({where})", value=chosen,
                       where=source.detail if source else _("выбран пользователем"))
    others = [c for c in candidates if c.value != chosen]
    if others:
        more = _("найдены и другие: {ids}", ids=", ".join(
            f"{c.value} ({c.describe()})" for c in others))
        report.message = join("; ", [report.message, more])


def write_early_entries(job: Collection) -> None:
    """What is known before the long steps: the form as given, the GBS.ID files."""
    form = form_of(job)
    gbs_report = next(r for r in job.reports if r.name == "gbs_id")
    files = job.extra.get("gbs_id_files")
    if files:
        txt, png = files
        add_file(job, gbs_report, txt, "gbs_id.txt")
        add_file(job, gbs_report, png, "gbs_id_qr.png")
    request_json = _json_bytes(form.to_json())
    if job.wanted("request.json"):
        job.writer.add_bytes(request_json, "request.json")


def step_request(job: Collection, report: StepReport, control: StepControl) -> None:
    from collector.request import (
        RequestContext,
        describe_bundle_entries,
        render_request_text,
        validate,
    )

    form = form_of(job)
    entries = [f for r in job.reports for f in r.files]
    ctx = RequestContext.from_installation(
        job.installation, update=job.extra.get("update_obj"), gbs_id=job.extra.get("gbs_id"),
        attached=describe_bundle_entries(entries), today=job.options.problem_date,
    )
    ctx.check_files = False  # attachments were already checked when added
    text = render_request_text(form, ctx)
    add_bytes(job, report, text.encode("utf-8"), "request.txt")
    problems = validate(form, ctx)
    job.extra["form_problems"] = job.extra.get("form_problems", []) + [
        p.to_json() for p in problems if p.severity == "error"]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        report.message = _("В обращении есть замечания: {list}",
                           list="; ".join(str(p.message) for p in errors))


def step_logs(job: Collection, report: StepReport, control: StepControl) -> None:
    from collector.bundle import EntryIncomplete, SourceError
    from collector.logs import LogFileChanged, ru_date, select_logs

    day = job.options.problem_date
    selection = select_logs(
        job.installation, day, around=job.options.around_days,
        max_file_bytes=job.options.max_log_file_bytes, cancel=control.event,
        progress=lambda done, total: control.progress(0.3 * done / max(1, total)),
    )
    job.extra["logs"] = {
        "day": day.isoformat(),
        "days": [d.isoformat() for d in selection.days],
        "errors": selection.errors,
        "fatals": selection.fatals,
        "versions": selection.versions,
        "files": len(selection.files),
        "bytes": selection.total_bytes,
        "cut": [{"path": f.archive_path, "notes": [str(n) for n in f.notes]}
                for f in selection.files if f.cut],
        "nearby_days": [d.isoformat() for d in selection.nearby_days],
    }
    if not selection.found:
        report.status = "failed"
        report.message = join("; ", selection.problems) or _(
            "Журналов за {day} нет", day=ru_date(day))
        return
    total = max(1, selection.bundle_bytes)
    done = 0
    changed = []
    for f in selection.files:
        control.check()
        if not job.wanted(f.archive_path):
            continue
        try:
            with f.open_for_bundle() as stream:
                job.writer.add_fileobj(stream, f.archive_path, mtime=f.modified.timestamp())
        except (LogFileChanged, SourceError):
            changed.append(f.archive_path)  # rotated or truncated meanwhile: skip, say so
            continue
        except EntryIncomplete as exc:
            if isinstance(exc.__cause__, Cancelled):
                raise exc.__cause__ from None
            changed.append(f.archive_path)
            continue
        report.files.append(f.archive_path)
        done += f.bundle_size
        control.progress(0.3 + 0.7 * done / total, f.archive_path)
    # Counts after a colon need no plural forms, in Russian or in the English translation.
    report.message = _("За {days}: файлов — {n}, ошибок — {errors}",
                       days=", ".join(ru_date(d) for d in selection.days), n=len(report.files),
                       errors=selection.errors + selection.fatals)
    notes = [str(p) for p in selection.problems]
    if changed:
        notes.append(_("изменились во время сбора и пропущены: {files}", files=", ".join(changed)))
    if notes:
        report.message = join("; ", [report.message, *notes])


def include_database(job: Collection) -> bool:
    from collector.request import effective_include_database

    if job.options.include_database is not None:
        return job.options.include_database
    if job.options.form is not None:
        return effective_include_database(form_of(job))
    return True  # the command line's default: `--no-db` turns it off


def step_database(job: Collection, report: StepReport, control: StepControl) -> None:
    from collector.bundle import EntryIncomplete
    from collector.database import (
        Credentials,
        DatabaseBackupError,
        TargetError,
        backup_database,
        database_facts,
        find_program_backups,
        target_from_installation,
    )
    from collector.logs import human_size

    if not include_database(job):
        report.status = "skipped"
        report.message = _("База данных не запрошена")
        return
    db = job.installation.database
    if db is None:
        report.status = "failed"
        report.message = _("Настройки базы данных не найдены")
        return
    try:
        target = target_from_installation(db, job.root, fb_server=job.options.fb_server)
    except TargetError as exc:
        report.status, report.message = "failed", str(exc)
        return
    creds = None
    if job.options.db_password:
        creds = [Credentials(job.options.db_user or "SYSDBA", job.options.db_password)]
    arcname = "database/main.fbk"
    if not job.wanted(arcname):
        report.status, report.message = "skipped", _("Исключено при просмотре")
        return
    results = []

    def produce(out) -> None:
        try:
            results.append(backup_database(
                target, out, credentials=creds, cancel=control.event, work_dir=job.work_dir,
                progress=lambda p: control.progress(p.fraction or 0.0, p.message())))
        except Cancelled:
            if control.timed_out and not control.cancelled:
                raise StepTimeout() from None  # this step's limit, not the user's cancel
            raise

    try:
        try:
            job.writer.add_stream(arcname, produce)
        except EntryIncomplete as incomplete:
            cause = incomplete.__cause__
            if isinstance(cause, (Cancelled, StepTimeout, DatabaseBackupError)):
                raise cause from None
            raise
    except DatabaseBackupError as exc:
        if exc.skipped:
            report.status, report.message = "skipped", exc.message
            return
        report.status, report.message = "failed", exc.message
        try:
            job.extra["database"] = {"facts": database_facts(target, credentials=creds).to_json(),
                                     "error": exc.reason}
        except Exception:
            job.extra["database"] = {"error": exc.reason}
        _program_backup_fallback(job, report, control, db, find_program_backups)
        return
    result = results[0]
    report.files.append(arcname)
    if result.mode == "embedded" or target.local_server:
        record_backup_rate(db.size_bytes, result.seconds)
    job.extra["database"] = result.to_json()
    report.message = _("{size}, таблиц: {tables}", size=human_size(result.bytes_written),
                       tables=result.tables or "?")


def _program_backup_fallback(job, report, control, db, find_program_backups) -> None:
    """Offered, never forced: the program's own newest backup, with its age stated."""
    backups = [b for b in find_program_backups(db.backup_path, job.extra.get("gbs_id"))
               if b.fbk_name]
    if not backups:
        return
    newest = backups[0]
    if not job.options.use_program_backup:
        report.message = join(" ", [report.message, _(
            "Есть автоматическая копия программы от {when} ({age}); её можно приложить "
            "(параметр --db-fallback или кнопка в окне).",
            when=newest.created.strftime("%d.%m.%Y %H:%M"), age=newest.age_text)])
        return
    arcname = f"database/program_backup_{newest.created.strftime('%Y-%m-%d_%H-%M-%S')}.fbk"
    if not job.wanted(arcname):
        return
    with newest.open_fbk() as stream:
        job.writer.add_fileobj(stream, arcname, mtime=newest.created.timestamp())
    report.files.append(arcname)
    job.extra.setdefault("database", {})["program_backup"] = newest.to_json()
    report.message = join(" ", [report.message, _(
        "Вместо неё приложена автоматическая копия программы от {when} ({age}).",
        when=newest.created.strftime("%d.%m.%Y %H:%M"), age=newest.age_text)])


# --- the archive ---------------------------------------------------------------------------------
def open_writer(job: Collection):
    from collector.bundle import BundleWriter, bundle_name

    # Two collections within one second (a retry with the program's own backup) must not
    # collide: take the next free second rather than change the contract's name format.
    moment = datetime.now().replace(microsecond=0)
    while True:
        name = bundle_name(job.extra.get("gbs_id"), job.options.problem_date, moment)
        taken = list(job.options.out_dir.glob(glob.escape(name) + ".7z*")) \
            if job.options.out_dir.is_dir() else []
        if not taken:
            break
        moment += timedelta(seconds=1)
    choice = job.compression  # the plan's adaptive preset
    preset = choice.preset.writer_args() if choice is not None else {}
    writer = BundleWriter(job.options.out_dir, name, password=job.options.password,
                          volume_size=job.options.volume_size, cancel=job.cancel, **preset)
    writer.open()
    return writer


def finish_writer(job: Collection, manifest: dict[str, Any]) -> BundleResult:
    return job.writer.finish(manifest)


def abort_writer(job: Collection) -> None:
    if job.writer is not None:
        job.writer.abort()
