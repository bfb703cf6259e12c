"""The program's settings: ``Configs\\*`` → ``config/…``, every secret value masked.

One function, :func:`config_files`, says which files go in, for the review list and for the
archive alike. Text formats are redacted by the bundle's writer (:mod:`collector.redact`);
anything else in the folder
(a binary cache, a key) is named in the step's message and left on the PC.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from collector.i18n import _, count, join
from collector.oserrors import os_error_text
from collector.sources.base import Source, Step

REDACTED_SUFFIXES = frozenset({".json", ".conf", ".config", ".xml", ".ini", ".txt", ".log",
                               ".csv"})
MAX_DEPTH = 3


@dataclass
class ConfigFile:
    path: Path
    arcname: str
    size: int


def config_files(folder: Path) -> tuple[list[ConfigFile], list[str]]:
    """(files that go into the bundle, names of those that stay on the PC), sorted."""
    taken: list[ConfigFile] = []
    left: list[str] = []

    def walk(d: Path, rel: str, depth: int) -> None:
        try:
            entries = sorted(d.iterdir(), key=lambda p: p.name.lower())
        except OSError:
            return
        for p in entries:
            name = f"{rel}{p.name}"
            if p.is_symlink():
                left.append(name)  # a link may lead out of the program's folder
            elif p.is_dir():
                if depth < MAX_DEPTH:
                    walk(p, f"{name}/", depth + 1)
            elif p.is_file():
                if p.suffix.lower() in REDACTED_SUFFIXES:
                    try:
                        taken.append(ConfigFile(p, f"config/{name}", p.stat().st_size))
                    except OSError:
                        left.append(name)
                else:
                    left.append(name)

    walk(folder, "", 0)
    return taken, left


def _keep(gbs_id: str | None) -> frozenset[str]:
    """Values that look secret but must stay: the GBS.ID is what support asks for."""
    return frozenset(filter(None, [(gbs_id or "")[2:]]))


class ConfigsSource(Source):
    name = "configs"
    title = _("Настройки программы")
    group = "configs"
    group_title = _("Настройки программы (секреты скрыты)")
    icon = "settings"
    weight = 1
    time_limit = 60
    archive_ratio = 0.5
    prefixes = ("config/",)

    def plan(self, ctx):
        from collector.plan import PlanItem

        if ctx.installation is None or not ctx.installation.configs_dir.is_dir():
            return []
        files, _left = config_files(ctx.installation.configs_dir)
        note = str(_("пароли и ключи будут заменены метками вида ***secret-1***"))
        return [PlanItem(self.group, f.arcname, f.size, str(f.path), True, note=note,
                         source_name=self.name) for f in files]

    def preview(self, item, ctx):
        if not item.source:
            return None
        src, keep = Path(item.source), _keep(ctx.gbs_id)

        def read() -> str:
            from collector.logs import decode_head
            from collector.redact import redact_config

            return decode_head(redact_config(src.read_bytes(), keep=keep).data)

        return read

    def collect(self, step: Step) -> None:
        job = step.job
        folder = step.installation.configs_dir
        if not folder.is_dir():
            step.fail(_("Папка настроек {path} не найдена", path=job.root.windows_path(folder)))
            return
        from collector.configs import settings_facts

        settings = settings_facts(folder)
        step.manifest("settings", settings.to_json())
        if settings.test_servers:
            step.known(_("В testing.json включены тестовые серверы: программа работает не с "
                         "настоящими серверами обновлений и лицензий."))
        files, left = config_files(folder)
        unread = []
        for i, f in enumerate(files):
            step.progress(i / max(1, len(files)), f.arcname)
            try:
                raw = f.path.read_bytes()
            except OSError as exc:
                unread.append(_("{name} не прочитан ({error})", name=f.path.name,
                                error=os_error_text(exc)))
                continue
            step.add_bytes(raw, f.arcname)  # the bundle's writer replaces the secrets
        counts = job.scrubber.tokens.counts
        total = sum(sum(counts.get(a, {}).values()) for a in step.report.files)
        notes = [*unread]
        if left:
            notes.append(_("не приложены (не файлы настроек): {names}", names=", ".join(left)))
        files = count(len(step.report.files), _("файл"), _("файла"), _("файлов"))
        message = _("{files}, скрыто {secrets}", files=files, secrets=count(
            total, _("секретное значение"), _("секретных значения"), _("секретных значений"))) \
            if total else _("{files}, секретных значений в них нет", files=files)
        step.say(join("; ", [message, *notes]) if notes else message)

    def describe(self, files: list[str]) -> list[str]:
        if any(self.owns(f) for f in files):
            return [str(_("настройки программы (пароли и ключи заменены метками)"))]
        return []
