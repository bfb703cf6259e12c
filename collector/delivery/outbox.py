"""Send later: bundles waiting to be uploaded, kept in the user data dir across restarts.

A bundle enters the outbox when its upload starts (so even a crash leaves it listed), stays
"waiting" while there is no connection or the server is busy, and becomes "sent" with its request
code once uploaded. The app offers the waiting ones at its next start (:meth:`Outbox.pending`).
The outbox holds references, not copies: the bundle files stay where the user saved them, and a
sent bundle stays on disk until the user deletes it (:meth:`Outbox.remove` with
``delete_files=True``), never automatically.

Entries are ``outbox/<id>.json``; the id comes from the bundle's name and size, so adding the same
bundle again updates its entry.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from collector.delivery.bundlefile import BundleFiles, find_bundle
from collector.delivery.state import atomic_write_json, now_iso, read_json
from collector.delivery.tus import DeliveryError
from collector.errors import Cancelled, CollectorError
from collector.i18n import _
from collector.userdata import user_data_dir

WAITING, SENT, FAILED = "waiting", "sent", "failed"


@dataclass
class OutboxEntry:
    id: str
    bundle: str  # archive name (volumes: without .001)
    paths: list[str]  # the file(s), absolute
    size: int
    added_at: str = field(default_factory=lambda: now_iso("microseconds"))  # order
    status: str = WAITING
    message: str = ""  # last outcome, Russian
    attempts: int = 0
    last_attempt_at: str = ""
    request_code: str = ""
    upload_id: str = ""
    sent_at: str = ""

    @property
    def files_exist(self) -> bool:
        return all(Path(p).is_file() for p in self.paths)

    def to_json(self) -> dict:
        d = asdict(self)
        d["files_exist"] = self.files_exist
        return d


def _entry_id(files: BundleFiles) -> str:
    return hashlib.sha256(f"{files.name}\0{files.total_size}".encode()).hexdigest()[:16]


class Outbox:
    def __init__(self, root: Path | None = None) -> None:
        self.data_root = root
        self.dir = (root or user_data_dir()) / "outbox"

    def _path(self, entry_id: str) -> Path:
        return self.dir / f"{entry_id}.json"

    def save(self, entry: OutboxEntry) -> None:
        atomic_write_json(self._path(entry.id), asdict(entry))

    def get(self, entry_id: str) -> OutboxEntry | None:
        data = read_json(self._path(entry_id))
        if not isinstance(data, dict):
            return None
        data.pop("files_exist", None)
        try:
            return OutboxEntry(**data)
        except TypeError:
            return None

    def entries(self) -> list[OutboxEntry]:
        out = [e for p in sorted(self.dir.glob("*.json")) if (e := self.get(p.stem))]
        return sorted(out, key=lambda e: e.added_at)

    def pending(self) -> list[OutboxEntry]:
        """What to offer at start: waiting bundles whose files are still there."""
        return [e for e in self.entries() if e.status == WAITING and e.files_exist]

    def add(self, bundle: BundleFiles | str | Path) -> OutboxEntry:
        files = bundle if isinstance(bundle, BundleFiles) else find_bundle(bundle)
        entry_id = _entry_id(files)
        entry = self.get(entry_id)
        paths = [str(p.resolve()) for p in files.parts]
        if entry is None:
            entry = OutboxEntry(entry_id, files.name, paths, files.total_size)
        else:
            entry.paths = paths  # the user may have moved it
        self.save(entry)
        return entry

    def find(self, bundle: BundleFiles | str | Path) -> OutboxEntry | None:
        files = bundle if isinstance(bundle, BundleFiles) else find_bundle(bundle)
        return self.get(_entry_id(files))

    def mark(self, entry: OutboxEntry, status: str, message: str = "", *,
             request_code: str = "", upload_id: str = "") -> OutboxEntry:
        entry.status = status
        entry.message = message
        entry.last_attempt_at = now_iso()
        if status == SENT:
            entry.request_code, entry.upload_id, entry.sent_at = request_code, upload_id, now_iso()
        self.save(entry)
        return entry

    def remove(self, entry_id: str, *, delete_files: bool = False) -> list[str]:
        """Forget an entry; with ``delete_files`` also delete the bundle (and its .sha256).
        Returns the files deleted."""
        entry = self.get(entry_id)
        deleted: list[str] = []
        if entry is None:
            return deleted
        if delete_files:
            targets = [Path(p) for p in entry.paths]
            if targets:
                targets.append(targets[0].with_name(entry.bundle + ".sha256"))
            for p in targets:
                try:
                    p.unlink()
                    deleted.append(str(p))
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    raise CollectorError(_("Не удалось удалить {path}: {error}", path=str(p),
                                           error=exc.strerror or type(exc).__name__)) from exc
        with contextlib.suppress(FileNotFoundError):
            self._path(entry_id).unlink()
        return deleted

    def send(self, entry: OutboxEntry, upload: Callable[[BundleFiles], object]) -> object:
        """Run ``upload(files)`` for an entry and record the outcome.

        Network trouble and a busy server leave the entry waiting (it is offered again later);
        a refusal (too large, wrong token, TLS) marks it failed with the reason; cancel leaves it
        waiting. The exception is re-raised after recording, so the caller reports it.
        """
        if not entry.files_exist:
            missing = next(p for p in entry.paths if not Path(p).is_file())
            msg = _("Файл {path} не найден: его переместили или удалили.", path=missing)
            self.mark(entry, FAILED, msg)
            raise DeliveryError(msg)
        files = find_bundle(entry.paths[0])
        entry.attempts += 1
        try:
            result = upload(files)
        except Cancelled:
            self.mark(entry, WAITING, _("Отправка прервана пользователем."))
            raise
        except DeliveryError as exc:
            self.mark(entry, WAITING if exc.retry_later else FAILED, exc.message)
            raise
        except CollectorError as exc:
            self.mark(entry, FAILED, exc.message)
            raise
        code = getattr(result, "request", None)
        self.mark(entry, SENT, "", request_code=getattr(code, "code", ""),
                  upload_id=getattr(code, "upload_id", ""))
        return result
