"""A consistent backup of the Firebird database while the program runs: ``database/main.fbk``.

gbak or the services API (``collector/database``) writes the backup straight into the archive;
the program's database is only ever read. When no fresh copy can be made, the program's own
newest automatic backup is offered (``--db-fallback``), never sent unasked.
"""

from __future__ import annotations

from typing import Any

from collector.i18n import _, count, join
from collector.sources.base import Source, Step

ARCNAME = "database/main.fbk"
DEFAULT_DB_RATE = 60 * 2**20  # bytes of .fdb per second, backup + compression together (lab)
DB_BACKUP_RATIO = 0.75  # backup size / .fdb size without the program's own backup to go by


def wanted_database(job) -> bool:
    """Whether this run includes the database: the option, else the form, else yes (CLI)."""
    from collector.request import effective_include_database

    if job.options.include_database is not None:
        return job.options.include_database
    if job.options.form is not None:
        return effective_include_database(job.form)
    return True  # the command line's default: `--no-db` turns it off


def expected_backup_size(db: Any) -> int:
    """The size a gbak backup of this database will have: the program's own newest backup
    knows it best (its zip lists the .fbk's size); without one, a ratio of the .fdb size."""
    import contextlib

    from collector.database import find_program_backups

    with contextlib.suppress(OSError):
        for backup in find_program_backups(db.backup_path, None):
            if backup.fbk_size:
                return backup.fbk_size
    return int(db.size_bytes * DB_BACKUP_RATIO)


class DatabaseSource(Source):
    name = "database"
    title = _("Резервная копия базы данных")
    group = "database"
    group_title = _("База данных")
    icon = "database"
    weight = 80
    time_limit = 3 * 3600
    archive_ratio = 0.30  # a gbak backup of real shop data ≈ 25–30 % after LZMA2
    prefixes = ("database/",)

    def plan(self, ctx):
        from collector.humanize import duration, human_size
        from collector.plan import PlanItem, learned_db_rate

        inst = ctx.installation
        db = inst.database if inst is not None else None
        if db is None or not ctx.include_database:
            return []
        if db.networked:
            ctx.problems.append(str(_("База данных находится на другом компьютере (сетевое "
                                      "подключение): её копию нужно сделать там.")))
            return []
        if not db.exists or not db.size_bytes:
            return []
        seconds = db.size_bytes / (learned_db_rate() or DEFAULT_DB_RATE)
        note = _("резервная копия из файла {size}", size=human_size(db.size_bytes))
        if seconds >= 60:
            note += _("; займёт около {time} — программой можно пользоваться",
                      time=duration(seconds))
        return [PlanItem(self.group, ARCNAME, expected_backup_size(db), note=str(note),
                         estimated=True, source_name=self.name)]

    def estimate_seconds(self, items, ctx) -> float:
        from collector.plan import learned_db_rate

        db = ctx.installation.database if ctx.installation is not None else None
        if not items or db is None or not db.size_bytes:
            return 0.0
        # the rate is bytes of .fdb per second: gbak reads the whole file, whatever it writes
        return db.size_bytes / (learned_db_rate() or DEFAULT_DB_RATE) + 2.0

    def collect(self, step: Step) -> None:
        from collector.bundle import EntryIncomplete
        from collector.database import (
            Credentials,
            DatabaseBackupError,
            TargetError,
            backup_database,
            database_facts,
            embedded_facts,
            target_from_installation,
        )
        from collector.errors import Cancelled
        from collector.humanize import human_size
        from collector.pipeline import StepTimeout
        from collector.plan import record_backup_rate

        job, control = step.job, step.control
        if not wanted_database(job):
            step.skip(_("База данных не запрошена"))
            return
        db = step.installation.database
        if db is None:
            step.fail(_("Настройки базы данных не найдены"))
            return
        try:
            target = target_from_installation(db, job.root, fb_server=job.options.fb_server)
        except TargetError as exc:
            step.fail(str(exc))
            return
        creds = None
        if job.options.db_password:
            creds = [Credentials(job.options.db_user or "SYSDBA", job.options.db_password)]
        if not step.wanted(ARCNAME):
            step.skip(_("Исключено при просмотре"))
            return
        if target.embedded or target.snapshot:
            try:  # a missing file or one that is not Firebird: said before any entry is begun
                embedded_facts(target)
            except DatabaseBackupError as exc:
                step.fail(exc.message)
                step.manifest("database", {"error": exc.reason})
                self._program_backup_fallback(step, db)
                return
        results = []

        def produce(out) -> None:
            try:
                results.append(backup_database(
                    target, out, credentials=creds, cancel=control.event, work_dir=job.work_dir,
                    progress=lambda p: step.progress(p.fraction or 0.0, p.message())))
            except Cancelled:
                if control.timed_out and not control.cancelled:
                    raise StepTimeout() from None  # this step's limit, not the user's cancel
                raise

        try:
            try:
                step.add_stream(ARCNAME, produce)
            except EntryIncomplete as incomplete:
                cause = incomplete.__cause__
                if isinstance(cause, (Cancelled, StepTimeout, DatabaseBackupError)):
                    raise cause from None
                raise
        except DatabaseBackupError as exc:
            if exc.skipped:
                step.skip(exc.message)
                return
            step.fail(exc.message)
            try:
                facts = database_facts(target, credentials=creds).to_json()
                step.manifest("database", {"facts": facts, "error": exc.reason})
            except Exception:
                step.manifest("database", {"error": exc.reason})
            self._program_backup_fallback(step, db)
            return
        result = results[0]
        if result.mode == "embedded" or target.local_server:
            record_backup_rate(db.size_bytes, result.seconds)
        step.manifest("database", result.to_json())
        size = human_size(result.bytes_written)
        step.say(_("{size}, {tables}", size=size, tables=count(
            result.tables, _("таблица"), _("таблицы"), _("таблиц"))) if result.tables else size)

    def _program_backup_fallback(self, step: Step, db) -> None:
        """Offered, never forced: the program's own newest backup, with its age stated."""
        from collector.branding import product_name
        from collector.database import find_program_backups
        from collector.database.program_backups import fbk_name_for, no_fbk_reason

        job = step.job
        found = find_program_backups(db.backup_path, job.gbs_id,
                                     db_name=fbk_name_for(db.path_windows))
        backups = [b for b in found if b.fbk_name]
        if not backups:
            if found:  # the program's zips are there, without the database
                step.say(join(" ", [step.report.message, _(
                    "В автоматических копиях программы базы нет: {reason}", reason=no_fbk_reason(
                        db.connection_type, db.create_db_in_backup,
                        product_name(job.installation)))]))
            return
        newest = backups[0]
        when = newest.created.strftime("%d.%m.%Y %H:%M")
        if not job.options.use_program_backup:
            step.say(join(" ", [step.report.message, _(
                "Есть автоматическая копия программы от {when} ({age}); её можно приложить "
                "(параметр --db-fallback или кнопка в окне).", when=when, age=newest.age_text)]))
            return
        arcname = f"database/program_backup_{newest.created.strftime('%Y-%m-%d_%H-%M-%S')}.fbk"
        with newest.open_fbk() as stream:
            if not step.add_fileobj(stream, arcname, mtime=newest.created.timestamp()):
                return
        facts = dict(job.manifest_facts.get("database") or {})
        facts["program_backup"] = newest.to_json()
        step.manifest("database", facts)
        step.say(join(" ", [step.report.message, _(
            "Вместо неё приложена автоматическая копия программы от {when} ({age}).",
            when=when, age=newest.age_text)]))

    def describe(self, files: list[str]) -> list[str]:
        for f in files:
            if f == ARCNAME:
                return [str(_("резервная копия базы данных"))]
            if f.startswith("database/program_backup_"):
                return [str(_("автоматическая резервная копия базы, сделанная программой"))]
        return []
