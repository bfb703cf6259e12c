"""The demo desk: a small intake on this PC, so a person trying the demo sees the whole flow —
the request sent, a task number back — while nothing leaves the PC.

``ui/launch.py`` starts it when the window works on a demo installation (``collector.demo``);
while it runs, a demo bundle is sent here and nowhere else (``collector.delivery.send``). It
takes what the desk's intake takes (GBS_MARKET.md §11) and checks it the same way: ``POST``,
``multipart/form-data`` with a ``Content-Length``, text parts ``message`` and ``email``
(``text/plain; charset=utf-8``), one ``file`` part with a file name and no Content-Type; it
answers ``{"task": N}`` (N counts on across runs), or 400 naming the broken rule, or 413 above
:data:`MAX_BODY` (the sender then takes the big-bundle path, as with the real desk).

What it received stays in ``<user data>/demo-desk/<N>/``: ``message.html``, ``task.json`` (the
e-mail, the file's name, size and SHA-256, when). The archive itself is not copied: it is where
the user saved it.

The parts are read with the standard library's MIME parser (``email``), so the whole body is in
memory: fine for the demo's bundles, and the reason for the limit.
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import json
import logging
import shutil
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

log = logging.getLogger("collector.demo_desk")

PATH = "/webhook/file/demo-desk"
FIRST_TASK = 900001
MAX_BODY = 64 << 20
READ_BLOCK = 1 << 20
TEXT_TYPE = "text/plain; charset=utf-8"


class ContractError(Exception):
    pass


@dataclass
class DemoTask:
    """One request the demo desk accepted."""

    task: int
    email: str
    file_name: str
    file_size: int
    file_sha256: str
    received_at: str
    message: str = ""  # the message part (HTML), also in message.html

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("message")
        return d


@dataclass
class FormPart:
    content_type: str  # "" when the part has none
    charset: str
    filename: str | None
    data: bytes


def parse_form(content_type: str, body: bytes) -> dict[str, FormPart]:
    """``name → (headers, data)`` of a ``multipart/form-data`` body, checked against the
    intake's contract; raises :class:`ContractError` saying which rule was broken."""
    parser = email.parser.BytesParser(policy=email.policy.HTTP)
    msg = parser.parsebytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n"
                            + body)
    if msg.get_content_type() != "multipart/form-data" or not msg.is_multipart():
        raise ContractError("not multipart/form-data")
    if msg.defects:
        raise ContractError(f"malformed body: {msg.defects[0].__class__.__name__}")
    parts: dict[str, FormPart] = {}
    for part in msg.iter_parts():
        if part.get_content_disposition() != "form-data":
            raise ContractError("a part without Content-Disposition: form-data")
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or name in parts:
            raise ContractError(f"part name {name!r}")
        typed = "content-type" in part  # header names match case-insensitively
        parts[name] = FormPart(part.get_content_type() if typed else "",
                               part.get_content_charset() or "", part.get_filename(),
                               part.get_payload(decode=True) or b"")
    for name in ("message", "email"):
        if name not in parts:
            raise ContractError(f"no {name} part")
        p = parts[name]
        if (p.content_type, p.charset.lower()) != ("text/plain", "utf-8"):
            raise ContractError(f"{name} part is {p.content_type or 'untyped'} "
                                f"({p.charset or 'no charset'}), not {TEXT_TYPE}")
    if set(parts) - {"message", "email", "file"}:
        raise ContractError(f"unexpected parts {sorted(set(parts) - {'message', 'email', 'file'})}")
    if "file" in parts:
        if parts["file"].content_type:
            raise ContractError("the file part has a Content-Type")
        if not parts["file"].filename:
            raise ContractError("the file part has no filename")
    return parts


class DemoDesk:
    """``with DemoDesk() as desk:`` … ``desk.url``; :func:`running` is the one started last."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            from collector.userdata import user_data_dir

            folder = user_data_dir() / "demo-desk"
        self.folder = folder
        self.tasks: dict[int, DemoTask] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "the demo desk is not running"
        return f"http://127.0.0.1:{self._server.server_port}{PATH}"

    def start(self) -> DemoDesk:
        global _running
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                status, reply = owner._take(self)
                body = json.dumps(reply, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, fmt: str, *args: object) -> None:
                log.info("demo desk: " + fmt, *args)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-desk",
                                        daemon=True)
        self._thread.start()
        _running = self
        log.info("demo desk listening at %s, keeping requests in %s", self.url, self.folder)
        return self

    def close(self) -> None:
        global _running
        if _running is self:
            _running = None
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> DemoDesk:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- one request ------------------------------------------------------------------------------
    def _take(self, req: BaseHTTPRequestHandler) -> tuple[int, dict]:
        if req.path.split("?", 1)[0] != PATH:
            self._drain(req)
            return 404, {"error": "not the intake"}
        try:
            length = int(req.headers.get("Content-Length", ""))
        except ValueError:
            req.close_connection = True
            return 411, {"error": "Content-Length required"}
        if length > MAX_BODY:
            self._drain(req, length)
            return 413, {"error": "too large"}
        body = self._read(req, length)
        if len(body) < length:
            req.close_connection = True
            return 400, {"error": "incomplete body"}
        try:
            parts = parse_form(req.headers.get("Content-Type", ""), body)
        except ContractError as exc:
            log.warning("demo desk refused a request: %s", exc)
            return 400, {"error": str(exc)}
        try:
            return 200, {"task": self._record(parts).task}
        except OSError as exc:  # the folder is not writable: no task, the sender tries again
            log.warning("demo desk could not keep a request: %r", exc)
            return 503, {"error": "could not keep the request"}

    @staticmethod
    def _read(req: BaseHTTPRequestHandler, length: int) -> bytes:
        chunks, left = [], length
        while left > 0:
            block = req.rfile.read(min(READ_BLOCK, left))
            if not block:
                break
            chunks.append(block)
            left -= len(block)
        return b"".join(chunks)

    @staticmethod
    def _drain(req: BaseHTTPRequestHandler, length: int | None = None) -> None:
        if length is None:
            try:
                length = int(req.headers.get("Content-Length", "0"))
            except ValueError:
                length = 0
        while length > 0:
            block = req.rfile.read(min(READ_BLOCK, length))
            if not block:
                break
            length -= len(block)

    def _record(self, parts: dict[str, FormPart]) -> DemoTask:
        file = parts.get("file")
        data, filename = (file.data, file.filename or "") if file else (b"", "")
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            task = max([FIRST_TASK - 1, *_numbers(self.folder)]) + 1
            item = DemoTask(task, parts["email"].data.decode("utf-8", "replace"), filename,
                            len(data), hashlib.sha256(data).hexdigest(),
                            datetime.now().astimezone().isoformat(timespec="seconds"),
                            parts["message"].data.decode("utf-8", "replace"))
            # written aside and moved into place: a half-written task never takes a number
            work = Path(tempfile.mkdtemp(prefix=".task-", dir=self.folder))
            try:
                (work / "message.html").write_text(item.message, encoding="utf-8")
                (work / "task.json").write_text(json.dumps(item.to_json(), ensure_ascii=False,
                                                           indent=2), encoding="utf-8")
                work.rename(self.folder / str(task))
            except OSError:
                shutil.rmtree(work, ignore_errors=True)
                raise
            self.tasks[task] = item
        log.info("demo desk: task %d, %s (%d bytes)", task, filename, len(data))
        return item


def _numbers(folder: Path) -> list[int]:
    return [int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit()]


_running: DemoDesk | None = None


def running() -> DemoDesk | None:
    """The demo desk started in this process, if one runs."""
    return _running
