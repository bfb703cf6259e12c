"""What survives a restart of the tool: resumable uploads and the request codes already given.

Everything lives in the user data dir (``collector.userdata``) as small JSON files written
atomically (temp file + rename), so a crash or a killed process never leaves a half-written state:
- ``uploads/<key>.json``: one per bundle being uploaded to one endpoint, with each part's upload
  URL. The key is made of the endpoint and each part's name, size and modification time, so a
  bundle moved to another folder still resumes and a rebuilt one with the same name does not.
- ``request_codes.json``: every request number (the intake's task number) or upload code received,
  newest last: the sent-requests history a follow-up takes its previous number from.
No token or password is ever written here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from collector.userdata import atomic_write, user_data_dir

UPLOADS_DIR = "uploads"
CODES_FILE = "request_codes.json"


def atomic_write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    atomic_write(path, text.encode("utf-8"), durable=True)


def read_json(path: Path) -> object | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def now_iso(timespec: str = "seconds") -> str:
    return datetime.now().astimezone().isoformat(timespec=timespec)


def public_url(url: str) -> str:
    """The URL without user info and query string: safe for logs and state files."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


# --- request codes -------------------------------------------------------------------------------

def upload_id_from_url(url: str) -> str:
    """The server's upload id: the last path segment of the upload URL."""
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])


def short_code(upload_id: str) -> str:
    """A form of the upload id a person can read over the phone: ``3F9A-1C2B``.

    Ids of the usual tus servers are 32 hex digits: their first 8 are as unique as a desk needs
    (the full id is kept beside it and goes into the upload metadata of every volume). Other ids:
    short ones as they are, long ones by their first 8 letters and digits (case kept, as such ids
    may be case-sensitive).
    """
    clean = re.sub(r"[^0-9A-Za-z]", "", upload_id)
    if re.fullmatch(r"[0-9a-fA-F]{16,}", clean):
        head = clean[:8].upper()
        return f"{head[:4]}-{head[4:]}"
    if len(upload_id) <= 12:
        return upload_id
    return clean[:8] or upload_id[:12]


@dataclass
class RequestCode:
    code: str  # what people quote: the task number ("12345") or the short upload code
    upload_id: str  # the server's full id (the task number for the intake)
    url: str  # intake address, or the upload URL of the first part (no query string)
    bundle: str  # bundle file name
    gbs_id: str = ""
    parts: int = 1
    sent_at: str = field(default_factory=now_iso)
    channel: str = "tus"  # "intake" (a task at the desk) | "tus" (an upload code)
    large_part: str = ""  # how the rest of a big bundle went: "tus:<code>" | "mail" | ""

    def to_json(self) -> dict:
        return asdict(self)


def _codes_path(root: Path | None) -> Path:
    return (root or user_data_dir()) / CODES_FILE


def request_history(root: Path | None = None) -> list[RequestCode]:
    data = read_json(_codes_path(root))
    out = []
    for item in data if isinstance(data, list) else []:
        try:
            out.append(RequestCode(**item))
        except TypeError:
            continue
    return out


def record_request_code(code: RequestCode, root: Path | None = None) -> None:
    history = [c for c in request_history(root)
               if (c.channel, c.upload_id) != (code.channel, code.upload_id)]
    history.append(code)
    atomic_write_json(_codes_path(root), [c.to_json() for c in history[-200:]])


def last_request_code(root: Path | None = None) -> str | None:
    """The code of the latest request sent from this PC: the "previous request" of a follow-up."""
    history = request_history(root)
    return history[-1].code if history else None


# --- resumable uploads ---------------------------------------------------------------------------

@dataclass
class PartState:
    name: str
    size: int
    mtime_ns: int
    sha256: str = ""
    url: str = ""
    done: bool = False


@dataclass
class UploadState:
    key: str
    endpoint: str
    bundle: str
    parts: list[PartState]
    request_id: str = ""  # upload id of part 1: the request code of the whole set
    created_at: str = field(default_factory=now_iso)
    updated_at: str = ""
    finished: bool = False

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> UploadState:
        data = dict(data)
        data["parts"] = [PartState(**p) for p in data.get("parts", [])]
        return cls(**data)


def upload_key(endpoint: str, parts: list[Path]) -> str:
    h = hashlib.sha256(public_url(endpoint).encode())
    for p in parts:
        st = p.stat()
        h.update(f"\0{p.name}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


class UploadStore:
    def __init__(self, root: Path | None = None) -> None:
        self.dir = (root or user_data_dir()) / UPLOADS_DIR

    def path(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def load(self, key: str) -> UploadState | None:
        data = read_json(self.path(key))
        if not isinstance(data, dict):
            return None
        try:
            return UploadState.from_json(data)
        except (TypeError, KeyError):
            return None

    def save(self, state: UploadState) -> None:
        state.updated_at = now_iso()
        atomic_write_json(self.path(state.key), state.to_json())

    def delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()

    def all(self) -> list[UploadState]:
        out = []
        for p in sorted(self.dir.glob("*.json")):
            s = self.load(p.stem)
            if s is not None:
                out.append(s)
        return out
