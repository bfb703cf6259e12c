"""The program's logs for the day of the problem: ``logs/<YYYY-MM-DD>/…`` and ``logs/crpt/…``.

Where they are found, how a day is chosen and how big files are cut is ``collector/logs``; the
files are read while the program holds them open and stream into the archive as they are.
"""

from __future__ import annotations

from datetime import date

from collector.i18n import _, count, join
from collector.sources.base import Source, Step, parts_of


def first_error_of(selection, day) -> str | None:
    """«Первая ошибка 17.11.2026 — в 12:53:04: <message> (<exception>)» for request.txt."""
    from collector.humanize import ru_date

    prefixes = (day.isoformat(), day.strftime("%d.%m.%Y"))  # as the layouts write the day
    ours = [e for e in selection.first_errors if (e.time or "").startswith(prefixes)]
    if not ours:
        return None
    first = min(ours, key=lambda e: e.time)  # the same day: the clock orders them
    clock = first.time.split(" ")[-1].split(".")[0].split(",")[0]
    text = " ".join((first.message or first.callsite or "").split())
    if first.exception:
        text += f" ({' '.join(first.exception.split())})"
    if len(text) > 300:
        text = text[:299] + "…"
    return _("Первая ошибка {day} — в {time}: {text}", day=ru_date(day), time=clock, text=text)

class LogsSource(Source):
    name = "logs"
    title = _("Журналы за день проблемы")
    group = "logs"
    group_title = _("Журналы программы")
    weight = 8
    time_limit = 600
    archive_ratio = 0.12  # NLog text packs to about a tenth
    prefixes = ("logs/",)

    def plan(self, ctx):
        from collector.logs import LogsError, select_logs
        from collector.plan import PlanItem

        if ctx.installation is None:
            return []
        try:
            selection = select_logs(ctx.installation, ctx.options.problem_date,
                                    around=ctx.options.around_days,
                                    max_file_bytes=ctx.options.max_log_file_bytes, preview=0)
        except LogsError as exc:
            ctx.problems.append(exc.message)
            return []
        ctx.problems += [str(p) for p in selection.problems]
        return [PlanItem(self.group, f.archive_path, f.bundle_size, str(f.source), True,
                         note="; ".join(str(n) for n in f.notes), source_name=self.name)
                for f in selection.files]

    def collect(self, step: Step) -> None:
        from collector.bundle import EntryIncomplete, SourceError
        from collector.errors import Cancelled
        from collector.humanize import ru_date
        from collector.logs import LogFileChanged, select_logs

        job, control = step.job, step.control
        day = job.options.problem_date
        if "logs" in {x.rstrip("/") for x in job.options.exclude}:
            step.skip(_("не приложены"))  # unticked as a whole, or a question that needs none
            return
        selection = select_logs(
            step.installation, day, around=job.options.around_days,
            max_file_bytes=job.options.max_log_file_bytes, cancel=control.event,
            progress=lambda done, total: step.progress(0.3 * done / max(1, total)),
        )
        step.manifest("logs", {
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
        })
        from collector.logs.runs import crash_hints

        for f in selection.files:
            if f.runs is not None and f.day == day:
                # today's last run is open while Market.exe runs: that is no crash
                running = bool(step.installation.running) and f.day == date.today()
                for text in crash_hints(f.runs, still_running=running):
                    step.known(text)
        if not selection.found:
            step.fail(join("; ", selection.problems) or _("Журналов за {day} нет",
                                                          day=ru_date(day)))
            return
        total = max(1, selection.bundle_bytes)
        done = 0
        changed = []
        for f in selection.files:
            step.check()
            try:
                with f.open_for_bundle() as stream:
                    added = step.add_fileobj(stream, f.archive_path,
                                             mtime=f.modified.timestamp())
            except (LogFileChanged, SourceError):
                changed.append(f.archive_path)  # rotated or truncated meanwhile: skip, say so
                continue
            except EntryIncomplete as exc:
                if isinstance(exc.__cause__, Cancelled):
                    raise exc.__cause__ from None
                changed.append(f.archive_path)
                continue
            if added:
                done += f.bundle_size
                step.progress(0.3 + 0.7 * done / total, f.archive_path)
        n, errors = len(step.report.files), selection.errors + selection.fatals
        days = join(", ", [ru_date(d) for d in selection.days])  # each day stays a date
        files = count(n, _("файл"), _("файла"), _("файлов"))
        message = _("{files} за {days}, в них {errors}", files=files, days=days,
                    errors=count(errors, _("ошибка"), _("ошибки"), _("ошибок"))) if errors \
            else _("{files} за {days}, ошибок в них нет", files=files, days=days)
        notes = [str(p) for p in selection.problems]
        if changed:
            notes.append(_("изменились во время сбора и пропущены: {files}",
                           files=", ".join(changed)))
        step.say(join("; ", [message, *notes]) if notes else message)
        first = first_error_of(selection, day)
        if first is not None:
            step.known(first)


    def describe(self, files: list[str]) -> list[str]:
        from collector.humanize import ru_date
        from collector.request import parse_date

        days: dict[str, int] = {}
        crpt: set[str] = set()
        for entry in files:
            parts = parts_of(entry)
            if len(parts) < 2 or parts[0] != "logs":
                continue
            if parts[1] == "crpt" or "crpt" in parts[2:-1]:
                if len(parts) > 2:
                    crpt.add(parts[-1].rsplit(".", 1)[0])
            else:
                # "logs/<day>/" alone stands for a day whose files are not counted yet
                days.setdefault(parts[1], 0)
                if len(parts) > 2:
                    days[parts[1]] += 1
        lines = []
        for day, n in sorted(days.items()):
            d = parse_date(day)
            when = ru_date(d) if d else day
            if n:
                lines.append(_("журналы работы программы за {day} ({files})", day=when,
                               files=count(n, _("файл"), _("файла"), _("файлов"))))
            else:
                lines.append(_("журналы работы программы за {day}", day=when))
        for day in sorted(crpt):
            d = parse_date(day)
            lines.append(_("журнал обмена с «Честным знаком» за {day}",
                           day=ru_date(d) if d else day))
        return [str(x) for x in lines]
