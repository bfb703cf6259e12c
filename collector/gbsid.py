"""GBS.ID, the licence id: find it without typing, validate it strictly, write it with its QR code.

The desk's rule (support-request-guidelines.ru.txt): a licence question needs the GBS.ID *as text
copied from the program* — never retyped or dictated ("в 99% случаев это приводит к ошибкам"); at
worst a photo showing the whole ID *and* the QR code next to it. So the tool never offers a field
to type the ID into. It takes the ID from places the program itself wrote it:

* ``trace_log`` — the ``GBS.ID: <32 hex>`` line the program writes to trace.log at every start
  (GBS_MARKET.md §3), newest day first: the id it runs with now;
* ``backup_folder`` — the per-ID folder ``<BackUp.Path>\\<32 hex>\\`` the program creates for its
  backups (``BackUp.Path`` from ``Configs\\DataBase.json``);
* ``user_backup_folder`` — the default ``Documents\\GBS.Market6_backups\\<32 hex>\\`` of every user
  profile (the setting may have changed since, or point at a disk that is gone);
* ``clipboard`` — the text the user copied with the copy button of the program's licence window
  (About does not offer it): ``<GBS.ID label>: [6:<ID>]``. :class:`ClipboardIdWatcher` lets the
  GUI take it the moment it appears.

Format: ``6:`` + 32 upper-case hex digits, exactly as the program shows it.
:func:`normalize_gbs_id` accepts that, with or without the ``6:``, in any letter case, with
surrounding white space — and nothing else; :func:`extract_gbs_id` also the licence window's
copied text. When the program cannot read its id from the registry it writes the placeholder
``ERROR ---UNKNOWN GBS ID--- ERROR`` instead (in trace.log, and as a backup folder's name): that is
never an id, and is explained.

Several ids on one PC are normal (GBS_MARKET.md §10): the program makes a new one for another
Windows user, when the hardware it remembers differs, and after «Сбросить ID». The current one is
chosen by evidence: copied from the program now, else the one its newest start wrote to trace.log,
else the one whose backups are newest. GUIDs with dashes or braces are rejected on purpose:
the program never shows the id that way, so such text did not come from its copy button, and
Windows clipboards are full of unrelated dashed GUIDs (COM class ids, log lines, registry exports)
that the clipboard watcher must not mistake for the licence.

QR code (``gbs_id_qr.png``): encodes exactly the text of ``gbs_id.txt``. Error correction level
**H** (≈30 % of the symbol recoverable): the code is read from a phone photo of a screen — moiré,
glare spots, blur, a mouse pointer across it. "6:" + 32 upper-case hex is pure QR *alphanumeric*
data (34 characters), which fits version 3 (29×29 modules) at H as well as at Q, so the strongest
level costs nothing in size. Quiet zone 4 modules (the minimum of ISO/IEC 18004, kept white even on
a dark GUI theme because it is part of the image), 12 px per module by default so a 2× downscale
by a chat app still leaves ≥ 5 px per module.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from collector.errors import CollectorError
from collector.i18n import _
from collector.sysroot import SystemRoot
from collector.userdata import atomic_write

if TYPE_CHECKING:  # qrcode and Pillow load on first use: detect starts without them
    import qrcode
    from PIL import Image

PREFIX = "6:"
HEX_LEN = 32
TXT_NAME = "gbs_id.txt"
PNG_NAME = "gbs_id_qr.png"
DEFAULT_BACKUPS_FOLDER = "GBS.Market6_backups"

QR_BORDER = 4  # modules of quiet zone on every side
QR_BOX_SIZE = 12  # pixels per module in gbs_id_qr.png

UNKNOWN_ID = "ERROR ---UNKNOWN GBS ID--- ERROR"  # the program's text when the registry fails
SOURCES = ("clipboard", "trace_log", "backup_folder", "user_backup_folder")  # preference
SOURCE_LABELS = {  # for the GUI: a short name of each kind of source
    "clipboard": _("скопирован из программы (буфер обмена)"),
    "trace_log": _("записан программой в журнал trace.log при запуске"),
    "backup_folder": _("папка резервных копий из настроек программы (DataBase.json → "
                       "BackUp.Path)"),
    "user_backup_folder": _("папка резервных копий в «Документах» пользователя"),
}

# Characters that surround copied text without being part of it: spaces, line breaks, no-break
# space, BOM and zero-width marks some programs add when copying.
_SURROUNDING = " \t\r\n\v\f\u00a0\u202f\ufeff\u200b\u200c\u200d\u2060"
_STRICT = re.compile(r"(?:6:)?([0-9A-Fa-f]{32})")
# the licence window's copy button: "<localized GBS.ID label>: [6:<ID>]"
_COPIED = re.compile(r"[^\[\]\r\n]{0,80}:\s*\[\s*6:([0-9A-Fa-f]{32})\s*\]")
# Inside longer text only the prefixed form counts: a bare 32-hex run is as likely an MD5 sum.
_EMBEDDED = re.compile(r"(?<![0-9A-Za-z:])6:([0-9A-Fa-f]{32})(?![0-9A-Za-z])")
_HEX_FOLDER = re.compile(r"[0-9A-Fa-f]{32}")
# Cyrillic letters that look like hex digits: the sign that an id was typed, not copied.
_CYRILLIC_LOOKALIKES = str.maketrans("АВСЕавсеОоЗ", "ABCEabceOo3")


class InvalidGbsId(CollectorError):
    pass


# --- validation -----------------------------------------------------------------------------------
def normalize_gbs_id(text: str | None) -> str | None:
    """``"6:<32 UPPER HEX>"`` if ``text`` is a GBS.ID and nothing else, else ``None``."""
    if not text:
        return None
    body = text.strip(_SURROUNDING)
    m = _STRICT.fullmatch(body) or _COPIED.fullmatch(body)
    return PREFIX + m.group(1).upper() if m else None


def extract_gbs_id(text: str | None) -> str | None:
    """The GBS.ID in copied text: the whole text, or the one ``6:<32 hex>`` inside it.

    For text pasted from an e-mail ("Мой GBS.ID: 6:0F3A…"). Two different ids → ``None``: which one
    is meant is not ours to guess.
    """
    whole = normalize_gbs_id(text)
    if whole or not text or len(text) > 100_000:
        return whole
    found = {PREFIX + m.group(1).upper() for m in _EMBEDDED.finditer(text)}
    return found.pop() if len(found) == 1 else None


def how_to_copy(product: str = "GBS.Market") -> str:
    """The one sentence every explanation ends with (GBS_MARKET.md §10: only the licence window
    offers the id; its copy button copies it with its label)."""
    return _("Скопируйте ID в {product}: окно лицензии, кнопка копирования рядом с ID.",
             product=product)


def unknown_id_help(product: str = "GBS.Market") -> str:
    return _("Вместо GBS.ID здесь «{placeholder}»: так {product} пишет, когда не может прочитать "
             "свой ID из реестра Windows (HKCU\\Software\\F-Lab\\GBS.Market\\6) — например, "
             "при запуске под другим пользователем или без доступа к реестру. Это не ID. "
             "Запустите {product} под обычным пользователем кассы и скопируйте ID из окна "
             "лицензии.", placeholder=UNKNOWN_ID, product=product)


def explain_gbs_id(text: str | None, product: str = "GBS.Market") -> str | None:
    """Why ``text`` is not a GBS.ID (Russian, for the person), or ``None`` if it is one.

    Each message says what is wrong and ends with what to do.
    """
    if extract_gbs_id(text):
        return None
    body = (text or "").strip(_SURROUNDING)
    if UNKNOWN_ID in body:
        return unknown_id_help(product)
    core = body[2:] if body.startswith(PREFIX) else body
    bad = sorted({c for c in core if c not in "0123456789ABCDEFabcdef"})
    fixed = core.translate(_CYRILLIC_LOOKALIKES)
    if not body:
        why = _("Буфер обмена пуст.")
    elif len(body) > 200:
        why = _("Скопирован длинный текст, в нём нет GBS.ID вида 6:<32 знака>.")
    elif re.fullmatch(r"\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
                      r"[0-9A-Fa-f]{12}\}?", core):
        why = _("Это идентификатор с дефисами, а {product} показывает GBS.ID без дефисов, в "
                "виде 6:<32 знака>: такой текст скопирован не из программы.", product=product)
    elif re.match(r"\d:", body) and not body.startswith(PREFIX):
        why = _("GBS.ID программы версии 6 начинается с «6:», а здесь «{prefix}».",
                prefix=body[:2])
    elif fixed != core and _STRICT.fullmatch(fixed):
        why = _("В ID есть русские буквы вместо латинских — похоже, его набрали вручную, а "
                "вручную ID не переписывают: в 99% случаев это приводит к ошибкам.")
    elif re.search(r"\s", core):
        why = _("В GBS.ID не бывает пробелов и переносов строк.")
    elif bad:
        why = _("В GBS.ID бывают только цифры 0–9 и латинские буквы A–F, а здесь есть "
                "«{chars}».", chars="".join(bad[:5]))
    else:
        why = _("В GBS.ID 32 знака после «6:», а здесь {n}.", n=len(core))
    return why + " " + how_to_copy(product)


# --- discovery ------------------------------------------------------------------------------------
@dataclass
class Sighting:
    """One place an id was seen."""

    source: str  # one of SOURCES
    detail: str  # Russian, for people: which folder, how many backups
    path: Path | None = None
    last_activity: datetime | None = None  # newest backup in the folder
    backups: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "detail": str(self.detail),
                "last_activity": self.last_activity.isoformat() if self.last_activity else None,
                "backups": self.backups}


@dataclass
class GbsIdCandidate:
    """A GBS.ID found on this PC. ``source``/``detail`` describe the most convincing place it was
    seen; ``sightings`` every place (the same id in the settings' folder and in Documents is one
    candidate, not two)."""

    value: str  # "6:<32 UPPER HEX>"
    source: str
    detail: str
    sightings: list[Sighting] = field(default_factory=list)

    @property
    def last_activity(self) -> datetime | None:
        times = [s.last_activity for s in self.sightings if s.last_activity]
        return max(times) if times else None

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s.source for s in self.sightings))

    @property
    def confirmed(self) -> bool:
        """Seen where the program runs with it now (copied, or its last start's log line) and
        in one more place: the backups it makes under that id."""
        return bool({"clipboard", "trace_log"} & set(self.sources)) and len(self.sources) > 1

    @property
    def started(self) -> datetime | None:
        """When the program last started with this id, as trace.log says."""
        times = [s.last_activity for s in self.sightings
                 if s.source == "trace_log" and s.last_activity]
        return max(times) if times else None

    def describe(self) -> str:
        """One line for a list of choices: the id and where it came from."""
        return _("{value} — {where}", value=self.value, where=self.detail)

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value, "source": self.source, "detail": str(self.detail),
            "confirmed": self.confirmed,
            "last_activity": self.last_activity.isoformat() if self.last_activity else None,
            "sightings": [s.to_json() for s in self.sightings],
        }


@dataclass
class SearchPlace:
    source: str
    path: Path
    windows_path: str
    user: str | None = None


def gbs_id_search_places(root: SystemRoot, inst: Any | None) -> list[SearchPlace]:
    """Folders where per-ID backup folders may be, most authoritative first, no duplicates."""
    places: list[SearchPlace] = []
    seen: set[str] = set()

    def add(source: str, path: Path | None, user: str | None = None) -> None:
        if path is None:
            return
        key = os.path.normcase(str(path.absolute())).rstrip("\\/").casefold()
        if key in seen:
            return
        seen.add(key)
        places.append(SearchPlace(source, path, root.windows_path(path), user))

    db = getattr(inst, "database", None) if inst is not None else None
    add("backup_folder", getattr(db, "backup_path", None))
    branding = getattr(inst, "branding", None)
    names = list(dict.fromkeys([getattr(branding, "backups_folder", DEFAULT_BACKUPS_FOLDER),
                                DEFAULT_BACKUPS_FOLDER]))  # the program falls back to the latter
    if root.native:
        with contextlib.suppress(OSError, KeyError):
            for name in names:
                add("user_backup_folder", root.known_folder("Documents") / name)
    for profile in root.user_profiles():
        for docs in (("Documents",), ("OneDrive", "Documents"), ("OneDrive", "Документы")):
            for name in names:
                folder = _child_ci(profile, *docs, name)
                if folder is not None:
                    add("user_backup_folder", folder, profile.name)
    return places


TRACE_DAYS = 7  # day folders looked at for the start-up line, newest first


def trace_gbs_ids(root: SystemRoot, logs_dir: Path | None) -> list[tuple[datetime, str, Path]]:
    """The id each of the newest days' last start wrote (``GBS.ID: <32 hex>`` in trace.log), newest
    first: ``(time, text after "GBS.ID: ", file)``; the text may be the UNKNOWN placeholder."""
    from collector.logs import day_folders
    from collector.logs.layouts.nlog import GBS_ID
    from collector.logs.runs import last_mark

    if logs_dir is None:
        return []
    found = []
    for day, folder in sorted(day_folders(logs_dir).items(), reverse=True)[:TRACE_DAYS]:
        trace = _child_ci(folder, "trace.log")
        if trace is None:
            continue
        try:
            mark = last_mark(trace, GBS_ID)
        except OSError:
            continue
        if mark is None:
            continue
        key, rest = mark
        when = datetime.combine(day, datetime.min.time())
        if key is not None:
            with contextlib.suppress(ValueError):
                when = datetime.strptime(key[:14].decode(), "%Y%m%d%H%M%S")
        found.append((when, rest.split(" | ", 1)[0].strip(), trace))
    return found


def find_gbs_ids(
    root: SystemRoot, inst: Any | None, clipboard_text: str | None = None
) -> list[GbsIdCandidate]:
    """Every GBS.ID this PC shows in plain text, best first.

    Order: the id in the clipboard (the user just copied it from the program), then the one the
    program's newest start wrote to trace.log, then ids by their newest backup (the licence in
    use keeps getting backups, an old one's folder only ages).
    Reads only; unreadable folders are skipped. ``inst`` is an ``Installation`` or ``None``.
    """
    by_value: dict[str, GbsIdCandidate] = {}

    def add(value: str, sighting: Sighting) -> None:
        cand = by_value.get(value)
        if cand is None:
            by_value[value] = GbsIdCandidate(value, sighting.source, sighting.detail, [sighting])
            return
        cand.sightings.append(sighting)
        if SOURCES.index(sighting.source) < SOURCES.index(cand.source):
            cand.source, cand.detail = sighting.source, sighting.detail

    clip = extract_gbs_id(clipboard_text)
    if clip:
        add(clip, Sighting("clipboard", _("скопирован из программы в буфер обмена")))
    for when, text, trace in trace_gbs_ids(root, getattr(inst, "logs_dir", None)):
        value = normalize_gbs_id(text)
        if value:
            add(value, Sighting("trace_log", _("записан программой при запуске {when} в {path}",
                                               when=when.strftime("%d.%m.%Y %H:%M"),
                                               path=root.windows_path(trace)), trace, when))
    for place in gbs_id_search_places(root, inst):
        for sighting, value in _scan_backup_root(root, place):
            add(value, sighting)

    def rank(c: GbsIdCandidate) -> tuple:
        started = c.started.timestamp() if c.started else float("-inf")
        newest = c.last_activity.timestamp() if c.last_activity else float("-inf")
        return ("clipboard" not in c.sources, -started, -newest, SOURCES.index(c.source),
                c.value)

    return sorted(by_value.values(), key=rank)


def _scan_backup_root(root: SystemRoot, place: SearchPlace) -> list[tuple[Sighting, str]]:
    found = []
    try:
        entries = sorted(place.path.iterdir()) if place.path.is_dir() else []
    except OSError:
        return []
    for entry in entries:
        if not _HEX_FOLDER.fullmatch(entry.name):
            continue
        try:
            if not entry.is_dir():
                continue
            count, newest = _backups_in(entry)
        except OSError:
            continue
        where = root.windows_path(entry)
        if place.source == "backup_folder":
            kind = _("папка резервных копий из настроек программы")
        elif place.user:
            kind = _("папка резервных копий пользователя {user}", user=place.user)
        else:
            kind = _("папка резервных копий в «Документах»")
        if count:
            detail = _("{kind}: {path} ({count} шт., последняя {when})", kind=kind, path=where,
                       count=count, when=newest.strftime("%d.%m.%Y %H:%M") if newest else "?")
        else:
            detail = _("{kind}: {path} (копий в ней нет)", kind=kind, path=where)
        found.append((Sighting(place.source, detail, entry, newest, count),
                      PREFIX + entry.name.upper()))
    return found


def _backups_in(folder: Path) -> tuple[int, datetime | None]:
    from collector.database.program_backups import BACKUP_ZIP

    count, newest = 0, None
    for f in folder.iterdir():
        if not f.name.lower().endswith(".zip") or not f.is_file():
            continue
        count += 1
        m = BACKUP_ZIP.match(f.name)
        when = None
        if m:
            try:  # the name is the program's own timestamp; mtime changes when folders are copied
                when = datetime.strptime(m.group(1), "%Y-%m-%d_%H-%M-%S")
            except ValueError:
                when = None
        if when is None:
            when = datetime.fromtimestamp(f.stat().st_mtime)
        newest = when if newest is None or when > newest else newest
    return count, newest


def _child_ci(base: Path, *names: str) -> Path | None:
    """``base/names…`` matching each name case-insensitively, as Windows does; None if absent."""
    current = base
    for name in names:
        direct = current / name
        try:  # another user's profile is often closed to us (PermissionError on Windows)
            if direct.exists():
                current = direct
                continue
            match = next((e for e in current.iterdir() if e.name.casefold() == name.casefold()),
                         None)
        except OSError:
            return None
        if match is None:
            return None
        current = match
    return current


def no_id_help(searched: list[SearchPlace] | list[str] | None = None,
               product: str = "GBS.Market") -> str:
    """What to do when no GBS.ID was found: exactly where to copy it in the program (Russian)."""
    lines = [
        _("GBS.ID не найден автоматически. Скопируйте его из {product} — сборщик подхватит его "
          "сам:", product=product),
        _("1. Запустите {product}.", product=product),
        _("2. Откройте окно лицензии (в окне «О программе» ID нет)."),
        _("3. Рядом с GBS.ID (он выглядит как 6: и 32 цифры и буквы A–F) нажмите кнопку "
          "копирования."),
        _("4. Вернитесь в сборщик: скопированный ID появится здесь сам, вводить его не нужно."),
        "",
        _("Не переписывайте ID вручную и не диктуйте его по телефону: в 99% случаев это приводит "
          "к ошибкам. В крайнем случае сфотографируйте окно так, чтобы были видны полностью и "
          "GBS.ID, и QR-код рядом с ним: фото только с ID, без QR-кода, поддержка не "
          "обрабатывает."),
    ]
    if searched:
        lines.append("")
        lines.append(_("Где искали:"))
        for place in searched:
            where = place.windows_path if isinstance(place, SearchPlace) else str(place)
            lines.append(f"  - {where}")
    return "\n".join(lines)


def several_ids_note(candidates: list[GbsIdCandidate], product: str = "GBS.Market") -> str | None:
    """Why this PC shows more than one id and which one is taken (Russian), or None."""
    if len(candidates) < 2:
        return None
    current = candidates[0]
    if "clipboard" in current.sources:
        why = _("его только что скопировали из программы")
    elif current.started is not None:
        why = _("с ним программа запускалась последней ({when})",
                when=current.started.strftime("%d.%m.%Y %H:%M"))
    else:
        why = _("его резервные копии самые новые")
    return _("На этом компьютере встречается несколько GBS.ID ({n}). Так бывает: {product} "
             "заводит новый ID для другого пользователя Windows, после замены оборудования "
             "и после «Сбросить ID». Взят {value}: {why}. Если вопрос о другой лицензии, "
             "скопируйте её ID из окна лицензии.", n=len(candidates), product=product,
             value=current.value, why=why)


def placeholder_seen(root: SystemRoot, inst: Any | None) -> str | None:
    """Where the program wrote ``ERROR ---UNKNOWN GBS ID--- ERROR`` instead of its id, if it did
    at its newest start (trace.log) or named a backup folder so; explained (Russian)."""
    product = getattr(inst, "name", "GBS.Market")
    newest = trace_gbs_ids(root, getattr(inst, "logs_dir", None))[:1]
    for _when, text, trace in newest:
        if UNKNOWN_ID in text:
            return unknown_id_help(product) + " " + _("(запись в {path})",
                                                        path=root.windows_path(trace))
    for place in gbs_id_search_places(root, inst):
        folder = _child_ci(place.path, UNKNOWN_ID)
        if folder is not None and folder.is_dir():
            return unknown_id_help(product) + " " + _("(папка резервных копий {path})",
                                                        path=root.windows_path(folder))
    return None


# --- QR code and files ----------------------------------------------------------------------------
def _require(gbs_id: str) -> str:
    value = normalize_gbs_id(gbs_id)
    if value is None:
        raise InvalidGbsId(_("Неверный GBS.ID: {reason}", reason=explain_gbs_id(gbs_id)))
    return value


def qr_code(gbs_id: str) -> qrcode.QRCode:
    """The QR symbol of exactly the normalized id: level H, alphanumeric mode (version 3).

    python-qrcode 8.2 fails with ``ValueError: glog(0)`` when a Reed-Solomon block's data is all
    zero bits (lincolnloop/python-qrcode#330, fixed after 8.2) — "6:" followed by many zeros does
    that in alphanumeric mode; a random GUID practically never. Then the same text is encoded
    with runs of digits as numeric segments (other bits, usually still version 3), and as a last
    resort in byte mode, whose codewords are never zero (version 4). The decoded text is the
    same in every case.
    """
    import qrcode
    from qrcode.constants import ERROR_CORRECT_H
    from qrcode.util import MODE_8BIT_BYTE, QRData

    value = _require(gbs_id)
    attempts = (
        lambda qr: qr.add_data(value, optimize=0),
        lambda qr: qr.add_data(value, optimize=3),  # numeric runs as their own segments
        lambda qr: qr.add_data(QRData(value.encode("ascii"), mode=MODE_8BIT_BYTE,
                                      check_data=False)),
    )
    last: ValueError | None = None
    for add in attempts:
        qr = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_H, box_size=1,
                           border=0)
        add(qr)
        try:
            qr.make(fit=True)
            return qr
        except ValueError as exc:
            last = exc
    raise CollectorError(_("Не удалось построить QR-код для {value}: {error}", value=value,
                           error=last))


def qr_image(gbs_id: str, box_size: int = QR_BOX_SIZE, *, border: int = QR_BORDER,
             caption: bool = False) -> Image.Image:
    """The QR code as an RGB image: ``box_size`` px per module, ``border`` modules of white.

    ``caption=True`` prints the id under the code (below the quiet zone), so a photo or printout
    of the image alone shows "the whole GBS.ID and the QR code next to it", as the desk asks.
    """
    from PIL import Image, ImageDraw

    if box_size < 1 or border < 4:
        raise ValueError("box_size >= 1 and border >= 4 (the quiet zone QR readers need)")
    value = _require(gbs_id)
    matrix = qr_code(value).get_matrix()
    n = len(matrix)
    small = Image.new("L", (n + 2 * border, n + 2 * border), 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                small.putpixel((x + border, y + border), 0)
    side = small.width * box_size
    img = small.resize((side, side), Image.Resampling.NEAREST).convert("RGB")
    if not caption:
        return img
    font, text_w, text_h = _caption_font(value, side - 4 * box_size, box_size)
    pad = max(4, text_h // 2)
    out = Image.new("RGB", (side, side + text_h + 2 * pad), "white")
    out.paste(img, (0, 0))
    ImageDraw.Draw(out).text(((side - text_w) // 2, side + pad), value, fill="black", font=font,
                             anchor="la")
    return out


def _caption_font(text: str, max_width: int, box_size: int):
    from PIL import ImageFont

    size = max(10, box_size * 2)
    while True:
        font = ImageFont.load_default(size=size)
        left, _top, right, bottom = font.getbbox(text, anchor="la")
        if right - left <= max_width or size <= 8:
            return font, right - left, bottom
        size -= 1


def write_gbs_id_files(gbs_id: str, folder: str | os.PathLike[str]) -> tuple[Path, Path]:
    """``gbs_id.txt`` (exactly ``6:<32 HEX>``, ASCII, no line break) and ``gbs_id_qr.png`` (its QR
    code with the id printed under it) in ``folder``. Written atomically; returns both paths."""
    value = _require(gbs_id)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        txt = folder / TXT_NAME
        png = folder / PNG_NAME
        atomic_write(txt, value.encode("ascii"))
        from PIL import PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("GBS.ID", value)
        img = qr_image(value, QR_BOX_SIZE, caption=True)
        buf = io.BytesIO()
        img.convert("L").save(buf, "PNG", optimize=True, pnginfo=info)
        atomic_write(png, buf.getvalue())
    except OSError as exc:
        raise CollectorError(
            _("Не удалось записать файлы GBS.ID в {path}: {error}", path=folder,
              error=exc.strerror or exc)
        ) from exc
    return txt, png


def copy_gbs_id(gbs_id: str) -> str:
    """Put the normalized id on the system clipboard (for pasting into a chat); returns it."""
    from collector.clipboard import copy_text

    value = _require(gbs_id)
    copy_text(value)
    return value


# --- clipboard watcher ----------------------------------------------------------------------------
class ClipboardIdWatcher:
    """Polled by the GUI (e.g. every 0.5 s while the GBS.ID step is shown): :meth:`poll` returns a
    GBS.ID the moment one is copied, once per new id.

    Privacy: the clipboard may hold anything (a password a moment ago). Only a hash of its text is
    kept between polls, nothing is logged, and only a valid id ever leaves this class. What was in
    the clipboard when the watcher started is ignored unless ``include_current`` — the caller
    passes that text to :func:`find_gbs_ids` instead.
    """

    def __init__(
        self,
        read_text: Callable[[], str | None] | None = None,
        change_token: Callable[[], Any] | None = None,
        *,
        include_current: bool = False,
    ) -> None:
        if read_text is None:
            from collector import clipboard

            read_text = clipboard.read_text
            change_token = change_token or clipboard.change_token
        self._read = read_text
        self._token = change_token
        self._last_token: Any = None
        self._last_hash: bytes | None = None
        self._returned: str | None = None
        self.rejection: str | None = None  # why the last copied near-id is not a GBS.ID
        self.error: str | None = None  # clipboard not readable (Russian), None when it is
        if not include_current:
            self._changed()

    def _changed(self) -> str | None:
        """The clipboard text if it changed since the last look, else None."""
        if self._token is not None:
            try:
                token = self._token()
            except Exception:
                token = None
            if token is not None and token == self._last_token:
                return None
            self._last_token = token
        try:
            text = self._read()
            self.error = None
        except CollectorError as exc:
            self.error = exc.message
            return None
        digest = hashlib.blake2b((text or "").encode("utf-8", "surrogatepass"),
                                 digest_size=16).digest()
        if digest == self._last_hash:
            return None
        self._last_hash = digest
        return text or ""

    def poll(self) -> str | None:
        text = self._changed()
        if text is None:
            return None
        value = extract_gbs_id(text)
        if value is None:
            # Only explain text that looks like an attempt at an id, not every copied word.
            compact = re.sub(r"[\s{}\-]", "", text).translate(_CYRILLIC_LOOKALIKES)
            looks = len(text) < 200 and (
                PREFIX in text or re.fullmatch(r"(\d:)?[0-9A-Za-z]{24,40}", compact) is not None)
            self.rejection = explain_gbs_id(text) if looks else None
            return None
        self.rejection = None
        if value == self._returned:
            return None
        self._returned = value
        return value
