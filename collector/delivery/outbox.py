"""Send later: bundles waiting to be sent, kept in the user data dir across restarts.

A bundle enters the outbox when its sending starts (so even a crash leaves it listed), stays
"waiting" while there is no connection or the server is busy, and becomes "sent" with its request
number once the desk has it. The app offers the waiting ones at its next start
(:meth:`Outbox.pending`). An attempt that may have reached the desk without its answer reaching
us is "uncertain" (with its time): it is never offered or repeated by itself. A big bundle whose
task exists while its large part is still to go stays "waiting" with the task number kept, so the
next attempt sends only the rest.
The outbox holds references, not copies: the bundle files stay where the user saved them, and a
sent bundle stays on disk until the user deletes it (:meth:`Outbox.remove` with
``delete_files=True``), never automatically.

Entries are ``outbox/<id>.json``; the id comes from the bundle's name and size, so adding the same
bundle again updates its entry.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from collector.delivery.bundlefile import BundleFiles, find_bundle
from collector.delivery.state import atomic_write_json, now_iso, read_json
from collector.errors import CollectorError
from collector.i18n import _
from collector.userdata import user_data_dir

WAITING, SENT, FAILED, UNCERTAIN = "waiting", "sent", "failed", "uncertain"


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
    request_code: str = ""  # the request number (intake task) or the upload code (tus)
    upload_id: str = ""
    sent_at: str = ""
    channel: str = ""  # intake | tus
    uncertain_at: str = ""  # the attempt that may have been delivered (ISO time)
    small_bundle: str = ""  # the small bundle that went to the intake, when split
    large_part: str = ""  # "" | pending | tus | mail: how the whole bundle follows the task
    large_code: str = ""  # the upload code of the large part (tus)

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

    def mark(self, entry: OutboxEntry, status: str, message: str = "", **fields) -> OutboxEntry:
        """Record an outcome; ``fields`` set the entry's other attributes (request_code…)."""
        entry.status = status
        entry.message = message
        entry.last_attempt_at = now_iso()
        for k, v in fields.items():
            setattr(entry, k, v)
        if status == SENT and not entry.sent_at:
            entry.sent_at = now_iso()
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
