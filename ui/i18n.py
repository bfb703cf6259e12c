"""Languages of the app: Russian is the source language of every string, English is a translation.

UI strings are written in Russian inside ``tr("…")`` (Qt context ``""``); engine messages arrive
as :class:`collector.i18n.Text` and are translated in context ``collector`` by
:func:`engine_text`. Both live in ``ui/translations/gbs_collector_en.ts`` (kept up to date by
``scripts/update-translations``: ``lupdate`` over ``ui/`` plus the engine's ``_("…")``
templates). The compiled ``.qm`` is not in git: this module builds it with ``lrelease`` from the
PySide6 wheel when it is missing or older than its ``.ts`` (a fresh clone, or a translator's
edit), next to the ``.ts`` or — when that folder is read-only — in the user data folder. If even
that fails, the ``.ts`` is read directly, so English never silently turns into Russian.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from collector.i18n import Text, Value, retranslate

log = logging.getLogger(__name__)

LANGUAGES = {"ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "ru"
BASENAME = "gbs_collector"
TS_DIR = Path(__file__).resolve().parent / "translations"
ENGINE_CONTEXT = "collector"


def tr(text: str, disambiguation: str | None = None) -> str:
    """A UI string (Russian source) in the current language."""
    return QCoreApplication.translate("", text, disambiguation)


def engine_text(message: Any) -> str:
    """An engine message (``collector.i18n.Text``) in the current language.

    Parameters that are messages themselves (a source description inside a sentence) are
    translated first, so a whole sentence comes out in one language where the engine allows it.
    """
    if message is None:
        return ""
    if isinstance(message, Value):
        return render_value(message)
    if isinstance(message, Text) and message.params:
        params = {k: engine_text(v) if isinstance(v, Text) else v
                  for k, v in message.params.items()}
        with contextlib.suppress(KeyError, IndexError, ValueError):
            message = Text(message.template, params)
    if not isinstance(message, str):
        return str(message)
    return retranslate(message, lambda t: QCoreApplication.translate(ENGINE_CONTEXT, t),
                       render_value)


def render_value(v: Value) -> str:
    """A day, a count or a number of an engine message, written the current language's way."""
    if isinstance(v.value, date):
        return fmt_date(v.value)
    if v.forms is not None:
        if QLocale().language() == QLocale.Language.Russian:
            return str(v)  # the engine chose the Russian form already
        return f"{v.value} {engine_text(v.forms[0] if abs(v.value) == 1 else v.forms[1])}"
    return QLocale().toString(float(v.value), "f", v.digits)


# --- building and loading translations -------------------------------------------------------
def tool_path(name: str) -> Path | None:
    """``lupdate``/``lrelease`` shipped inside the PySide6-Essentials wheel."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - PySide6 is what runs this module
        return None
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    return None


def ts_path(lang: str) -> Path:
    return TS_DIR / f"{BASENAME}_{lang}.ts"


def _fresh(qm: Path, ts: Path) -> bool:
    try:
        return qm.stat().st_mtime >= ts.stat().st_mtime and qm.stat().st_size > 0
    except OSError:
        return False


def _cache_dir() -> Path | None:
    try:
        from collector.userdata import user_data_dir

        return user_data_dir() / "translations"
    except Exception:  # a read-only profile must not stop the app: fall back to the .ts
        return None


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` with lrelease; False when that is not possible here."""
    import subprocess  # here: the window's first paint needs no compiler of translations

    lrelease = tool_path("lrelease")
    if lrelease is None or not ts.is_file():
        return False
    tmp = qm.with_name(qm.name + f".{os.getpid()}.tmp")
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        flags = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # no console
        done = subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp)],
                              capture_output=True, timeout=60, check=False, **flags)
        if done.returncode != 0 or not tmp.is_file():
            log.warning("lrelease failed for %s: %s", ts, done.stderr[-500:])
            return False
        os.replace(tmp, qm)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot build %s: %s", qm, exc)
        return False
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()  # gone after a successful replace; a leftover otherwise


def ensure_qm(lang: str) -> Path | None:
    """The compiled translation of ``lang``, built when missing or stale; None if impossible."""
    ts = ts_path(lang)
    beside = ts.with_suffix(".qm")
    if not ts.is_file():
        return beside if beside.is_file() else None  # a frozen build ships only the .qm
    if _fresh(beside, ts):
        return beside
    cache = _cache_dir()
    cached = cache / beside.name if cache else None
    if cached is not None and _fresh(cached, ts):
        return cached
    if build_qm(ts, beside):
        return beside
    if cached is not None and build_qm(ts, cached):
        return cached
    return None


class TsTranslator(QTranslator):
    """Reads a ``.ts`` directly: the last resort when no ``.qm`` can be built."""

    def __init__(self, ts: Path) -> None:
        import xml.etree.ElementTree as ET  # here: only this last resort reads XML

        super().__init__()
        self.messages: dict[tuple[str, str, str], str] = {}
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                trans = msg.find("translation")
                if trans is None or trans.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if trans.text:
                    key = (name, msg.findtext("source") or "", msg.findtext("comment") or "")
                    self.messages[key] = trans.text

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self.messages.get((context, source, disambiguation or ""), "")

    def isEmpty(self) -> bool:
        return not self.messages


_installed: list[QTranslator] = []  # the translators installed in the application


class Translations:
    """Installs the app's and Qt's own translators for a language; can switch at run time."""

    def __init__(self) -> None:
        self.lang = DEFAULT_LANGUAGE

    def install(self, lang: str) -> str:
        """Switch to ``lang`` (unknown → Russian); returns the language now in use."""
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        for t in _installed:  # also what an earlier instance put in (one application)
            app.removeTranslator(t)
        _installed.clear()
        if lang != DEFAULT_LANGUAGE:
            ours = self._ours(lang)
            if ours is not None:
                app.installTranslator(ours)
                _installed.append(ours)
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        locale = QLocale(QLocale.Language.Russian, QLocale.Country.Russia) if lang == "ru" \
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        QLocale.setDefault(locale)
        self.lang = lang
        return lang

    def _ours(self, lang: str) -> QTranslator | None:
        qm = ensure_qm(lang)
        if qm is not None:
            t = QTranslator()
            if t.load(str(qm)):
                return t
        ts = ts_path(lang)
        if ts.is_file():
            from xml.etree.ElementTree import ParseError

            try:
                return TsTranslator(ts)
            except ParseError as exc:
                log.warning("cannot read %s: %s", ts, exc)
        return None


# --- formatting for people ---------------------------------------------------------------------
def fmt_size(n: int | float | None) -> str:
    """The engine's size (``collector.humanize.human_size``) in the current language."""
    if n is None:
        return tr("неизвестно")
    from collector.humanize import human_size

    return engine_text(human_size(n))


def fmt_files(n: int) -> str:
    """«7 файлов» / "7 files" (the engine's forms of the word)."""
    from collector.i18n import _, count

    return engine_text(count(n, _("файл"), _("файла"), _("файлов")))


def fmt_errors(n: int) -> str:
    """«3 ошибки» / "3 errors"."""
    from collector.i18n import _, count

    return engine_text(count(n, _("ошибка"), _("ошибки"), _("ошибок")))


def fmt_date(d: date, long: bool = False) -> str:
    """``17.11.2026`` in Russian, ``17 November 2026`` in English; ``long`` with the weekday."""
    loc = QLocale()
    from PySide6.QtCore import QDate

    qd = QDate(d.year, d.month, d.day)
    if long:
        return loc.toString(qd, "dddd, d MMMM yyyy")
    if loc.language() == QLocale.Language.Russian:
        return loc.toString(qd, "dd.MM.yyyy")
    return loc.toString(qd, "d MMMM yyyy")


def fmt_duration(seconds: float) -> str:
    """«меньше минуты», «≈ 3 мин», «≈ 1 ч 20 мин»."""
    if seconds < 60:
        return tr("меньше минуты")
    minutes = round(seconds / 60)
    if minutes < 60:
        return tr("≈ {m} мин").format(m=minutes)
    return tr("≈ {h} ч {m} мин").format(h=minutes // 60, m=minutes % 60)


def fmt_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
