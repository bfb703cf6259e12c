"""Nothing the user typed is lost: the form is saved as a draft on every change and offered back on
the next start; requests sent from this PC are remembered (the desk's rule against duplicates).

Files, in the collector's user data folder (:mod:`collector.userdata`, ``GBS_COLLECTOR_DATA_DIR``):

``drafts/current.json``
    the form being written: ``{"schema", "saved_at", "form": FORM.json with include_database
    possibly null (= not decided yet), "ui": {…GUI state…}}``. Replaced atomically and flushed to
    disk, so a power cut leaves the previous or the new draft, never half a file.
``drafts/old/<YYYYMMDD-HHMMSS>.json``
    drafts the user declined to restore or replaced by a new request (the newest 20 are kept):
    "start over" must not destroy text either.
``drafts/broken-<YYYYMMDD-HHMMSS>.json``
    a ``current.json`` that could not be read, kept for a person to look at.
``sent.jsonl``
    one line per sent request: time, topic, request code, first words.

The GUI calls :meth:`DraftStore.save` on every change (cheap when nothing changed: the last content
is remembered and compared), :meth:`DraftStore.offer` at start, :meth:`DraftStore.mark_sent` after
a successful upload or hand-off to the mail client.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from collector.errors import CollectorError
from collector.i18n import _
from collector.request import RULES, RequestForm, SentRequest, parse_form
from collector.userdata import atomic_write, user_data_dir

DRAFT_SCHEMA = "gbs-collector-draft/1"
KEEP_OLD_DRAFTS = 20
KEEP_SENT = 200

log = logging.getLogger(__name__)


@dataclass
class Draft:
    form: RequestForm
    saved_at: datetime
    ui: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def describe(self) -> str:
        """For the "restore?" question: when, what about."""
        items = self.form.question_items()
        first = items[0][1].split("\n")[0] if items else ""
        if len(first) > 60:
            first = first[:57].rstrip() + "…"
        when = self.saved_at.strftime("%d.%m.%Y %H:%M")
        if first:
            return _("Черновик обращения от {when}: «{first}»", when=when, first=first)
        return _("Черновик обращения от {when}", when=when)


class DraftStore:
    """Drafts and the history of sent requests in ``folder`` (default: the user data folder)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self._folder = Path(folder) if folder is not None else None
        self._last_bytes: bytes | None = None
        self.problem: str | None = None  # Russian: the last draft could not be read

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = user_data_dir()
        return self._folder

    @property
    def drafts_dir(self) -> Path:
        return self.folder / "drafts"

    @property
    def current_path(self) -> Path:
        return self.drafts_dir / "current.json"

    @property
    def sent_path(self) -> Path:
        return self.folder / "sent.jsonl"

    # --- the current draft ---------------------------------------------------------------------
    def save(self, form: RequestForm, ui: dict[str, Any] | None = None,
             *, now: datetime | None = None) -> bool:
        """Save the draft; True when the file was written, False when nothing changed.

        A blank form is not written (but an existing draft is not removed either: clearing the
        form by mistake must not destroy the saved text — :meth:`discard` does that on purpose).
        """
        if form.is_blank() and not ui:
            return False
        body = {"form": form.to_json(keep_undecided=True), "ui": ui or {}}
        content = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
        if content == self._last_bytes:
            return False
        saved_at = (now or datetime.now()).astimezone()
        doc = {"schema": DRAFT_SCHEMA, "saved_at": saved_at.isoformat(timespec="seconds"), **body}
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            self.drafts_dir.mkdir(parents=True, exist_ok=True)
            atomic_write(self.current_path, data, durable=True)
        except OSError as exc:
            raise CollectorError(
                _("Не удалось сохранить черновик обращения в {path}: {error}. Текст пока "
                  "остаётся в окне — не закрывайте его.", path=self.current_path,
                  error=exc.strerror or exc)
            ) from exc
        self._last_bytes = content
        return True

    def load(self) -> Draft | None:
        """The saved draft, or None (none, or unreadable: then moved aside and ``problem`` set)."""
        self.problem = None
        path = self.current_path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.problem = _("Не удалось прочитать черновик {path}: {error}", path=path,
                             error=exc.strerror or exc)
            return None
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
            if not isinstance(doc, dict) or doc.get("schema") != DRAFT_SCHEMA:
                raise ValueError("not a draft")
            form, problems = parse_form(doc.get("form"))
            if any(p.severity == "error" for p in problems):
                raise ValueError("; ".join(str(p.message) for p in problems))
            saved_at = datetime.fromisoformat(str(doc.get("saved_at")))
            ui = doc.get("ui") if isinstance(doc.get("ui"), dict) else {}
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            kept = self._move_aside(path, self.drafts_dir / f"broken-{_stamp()}.json")
            self.problem = _("Черновик обращения повреждён и не может быть восстановлен; файл "
                             "сохранён как {path}.", path=kept or path)
            log.warning("unreadable draft %s: %s", path, exc)
            return None
        self._last_bytes = json.dumps({"form": form.to_json(keep_undecided=True), "ui": ui},
                                      ensure_ascii=False, sort_keys=True).encode("utf-8")
        return Draft(form, saved_at, ui, path)

    def offer(self) -> Draft | None:
        """At start: the draft to offer back ("Продолжить обращение от …?"), if there is one
        with anything typed in it."""
        draft = self.load()
        if draft is None or (draft.form.is_blank() and not draft.ui):
            return None
        return draft

    def discard(self) -> Path | None:
        """The user starts over: the draft is moved to ``drafts/old`` (not deleted)."""
        self._last_bytes = None
        if not self.current_path.exists():
            return None
        kept = self._move_aside(self.current_path, self.drafts_dir / "old" / f"{_stamp()}.json")
        self._prune_old()
        return kept

    # --- sent requests -------------------------------------------------------------------------
    def mark_sent(self, form: RequestForm, code: str = "", *,
                  when: datetime | None = None) -> SentRequest:
        """Remember a sent request and retire its draft."""
        items = form.question_items()
        summary = items[0][1].split("\n")[0][:80] if items else ""
        record = SentRequest((when or datetime.now()).astimezone(), form.topic, code, summary)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            history = [*self._read_sent()[-(KEEP_SENT - 1):], record]
            data = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in history)
            atomic_write(self.sent_path, data.encode("utf-8"), durable=True)
        except OSError as exc:
            log.warning("cannot record the sent request: %s", exc)
        self.discard()
        return record

    def recent_sent(self, within: timedelta | None = None,
                    now: datetime | None = None) -> list[SentRequest]:
        """Requests sent in the last ``within`` (default: the duplicate window of the rules)."""
        within = within or timedelta(hours=RULES.duplicate_window_hours)
        now = (now or datetime.now()).astimezone()
        return [r for r in self._read_sent() if timedelta(0) <= now - _aware(r.sent_at) <= within]

    def _read_sent(self) -> list[SentRequest]:
        try:
            lines = self.sent_path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        out = []
        for line in lines:
            try:
                out.append(SentRequest.from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError):
                continue  # a damaged line costs that line only
        return out

    # --- helpers -------------------------------------------------------------------------------
    def _move_aside(self, src: Path, dst: Path) -> Path | None:
        try:
            dst.parent.mkdir(parents=True, exist_ok=True)
            n = 1
            target = dst
            while target.exists():
                target = dst.with_name(f"{dst.stem}-{n}{dst.suffix}")
                n += 1
            os.replace(src, target)
            return target
        except OSError as exc:
            log.warning("cannot move %s aside: %s", src, exc)
            return None

    def _prune_old(self) -> None:
        old = self.drafts_dir / "old"
        try:
            files = sorted(old.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for f in files[KEEP_OLD_DRAFTS:]:
            with contextlib.suppress(OSError):
                f.unlink()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _aware(d: datetime) -> datetime:
    return d if d.tzinfo else d.astimezone()
