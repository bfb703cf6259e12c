"""The program's settings: every file of ``Configs\\`` → ``config/…``, text with every secret
value masked, other files as they are.

GBS_MARKET.md §2, §5: the program keeps ``<Type>.json`` settings, ``WindowOptions\\<Window>.json``
and the Excel import templates (``ExcelTemplates\\ImportToCatalog|ImportToWaybill\\<name>.json``,
a folder that lists any file put there) in it. One function, :func:`config_files`, says which
files go in and how, for the review list and for the archive alike. Text is redacted: by the
bundle's writer when its name says what it is (:mod:`collector.redact`), here when only its
content does (``DataBase.json.bak``); a binary file (a spreadsheet, an image) is not a place for
secrets and passes as it is. Links, shortcuts and devices are never followed or read: they are
named in the review and in the step's message and stay on the PC.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from collector.i18n import Text, _, count, join
from collector.oserrors import os_error_text
from collector.sources.base import Source, Step

MAX_DEPTH = 8  # folders below Configs walked; the program's own go two deep
SNIFF = 8192  # bytes read to tell text from binary when the name does not say
REPARSE_POINT = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT: a junction or symlink on Windows


@dataclass
class ConfigFile:
    path: Path
    arcname: str
    size: int
    text: bool  # redacted on its way in; False: packed as it is


@dataclass
class LeftFile:
    name: str  # relative to Configs, with "/"
    reason: Text

    def describe(self) -> Text:
        return _("{name} ({reason})", name=self.name, reason=self.reason)


def looks_like_text(head: bytes) -> bool:
    """The start of a file is text: a BOM, or no NUL and no control bytes but tab, line ends and
    form feed (UTF-8 or the ANSI code page)."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return not any(b < 0x20 and b not in b"\t\n\r\f" for b in head)


def _link_reason(p: Path, st: os.stat_result) -> Text | None:
    from collector.linktargets import link_target, special_reason

    if stat.S_ISLNK(st.st_mode) or getattr(st, "st_file_attributes", 0) & REPARSE_POINT:
        target = link_target(p)
        return target.describe() if target else _("ссылка")
    if stat.S_ISREG(st.st_mode) and p.suffix.lower() == ".lnk":
        target = link_target(p)
        return target.describe() if target else _("ярлык")
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        return special_reason(p) or _("не обычный файл")
    return None


def _is_text(p: Path, arcname: str) -> bool:
    from collector.redact import entry_kind

    if entry_kind(arcname) is not None:
        return True  # .json, .xml, .ini, .txt…: the writer redacts it by its format
    with open(p, "rb") as fh:
        return looks_like_text(fh.read(SNIFF))


def config_files(folder: Path) -> tuple[list[ConfigFile], list[LeftFile]]:
    """(every file that goes into the bundle, what stays on the PC and why), sorted."""
    taken: list[ConfigFile] = []
    left: list[LeftFile] = []

    def walk(d: Path, rel: str, depth: int) -> None:
        try:
            entries = sorted(d.iterdir(), key=lambda p: p.name.lower())
        except OSError as exc:
            left.append(LeftFile(rel.rstrip("/") or ".", os_error_text(exc)))
            return
        for p in entries:
            name = f"{rel}{p.name}"
            try:
                st = p.lstat()
                reason = _link_reason(p, st)
                if reason is None and stat.S_ISDIR(st.st_mode):
                    if depth < MAX_DEPTH:
                        walk(p, f"{name}/", depth + 1)
                    else:
                        left.append(LeftFile(name, _("вложенность больше {n} папок",
                                                     n=MAX_DEPTH)))
                    continue
                if reason is None:
                    arcname = f"config/{name}"
                    taken.append(ConfigFile(p, arcname, st.st_size, _is_text(p, arcname)))
            except OSError as exc:
                reason = os_error_text(exc)
            if reason is not None:
                left.append(LeftFile(name, reason))

    walk(folder, "", 0)
    return taken, left


def prepared(raw: bytes, arcname: str, scrubber) -> bytes:
    """A text file's bytes as they go to the bundle's writer: the writer redacts what its name
    says is text; a text file with another name is redacted here, by the format its content
    shows."""
    from collector.redact import entry_kind, redact_config

    if entry_kind(arcname) is not None:
        return raw
    return redact_config(raw, name=arcname, scrubber=scrubber, where=arcname).data


class _Kept:
    """Stands for the archive in a preview: keeps what would be written."""

    data = b""

    def add_bytes(self, data: bytes, arcname: str) -> None:
        self.data = data

    def add_fileobj(self, fileobj, arcname: str, *, mtime: float | None = None) -> None:
        self.data = fileobj.read()


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
        files, left = config_files(ctx.installation.configs_dir)
        ctx.problems.extend(_("Configs\\{name} не будет приложен: {reason}",
                              name=f.name.replace("/", "\\"), reason=f.reason) for f in left)
        redacted = str(_("пароли и ключи будут заменены метками вида ***secret-1***"))
        as_is = str(_("не текст: приложен как есть"))
        return [PlanItem(self.group, f.arcname, f.size, str(f.path), f.text,
                         note=redacted if f.text else as_is, source_name=self.name)
                for f in files]

    def preview(self, item, ctx):
        if not item.source or not item.text:
            return None
        src, keep = Path(item.source), _keep(ctx.gbs_id)

        def read() -> str:
            from collector.logs import decode_head
            from collector.redact import RedactingWriter, TextScrubber
            from collector.redact.prime import learn_config_secrets

            packed = _Kept()  # what the bundle's writer would pass to the archive
            scrubber = TextScrubber(keep=keep)
            # the run learns every config's secrets first, so a value secret in one file is
            # hidden in all; the token numbers follow the run's order and may differ
            learn_config_secrets(scrubber, [src.parents[item.arcname.count("/") - 1]])
            RedactingWriter(packed, scrubber).add_bytes(
                prepared(src.read_bytes(), item.arcname, scrubber), item.arcname)
            return decode_head(packed.data)

        return read

    def collect(self, step: Step) -> None:
        from collector.bundle import SourceError

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
                if f.text:
                    step.add_bytes(prepared(f.path.read_bytes(), f.arcname, job.scrubber),
                                   f.arcname)
                else:
                    step.add_file(f.path, f.arcname)  # streamed: a template may be large
            except OSError as exc:
                unread.append(_("{name} не прочитан ({error})", name=f.path.name,
                                error=os_error_text(exc)))
            except SourceError as exc:
                unread.append(exc.message)
        counts = job.scrubber.tokens.counts
        total = sum(sum(counts.get(a, {}).values()) for a in step.report.files)
        notes = [*unread]
        if left:
            notes.append(_("не приложены: {names}", names=join(", ", [f.describe()
                                                                      for f in left])))
        files = count(len(step.report.files), _("файл"), _("файла"), _("файлов"))
        message = _("{files}, скрыто {secrets}", files=files, secrets=count(
            total, _("секретное значение"), _("секретных значения"), _("секретных значений"))) \
            if total else _("{files}, секретных значений в них нет", files=files)
        step.say(join("; ", [message, *notes]) if notes else message)

    def describe(self, files: list[str]) -> list[str]:
        if any(self.owns(f) for f in files):
            return [str(_("настройки программы (пароли и ключи заменены метками)"))]
        return []
