"""A loopback HTTP server that implements the desk's intake contract exactly (GBS_MARKET.md §11),
with its faults. Used by the tests and by ``bench/time_to_desk.py``/``bench/upload.py``.

    with IntakeServer(tmp_path) as intake:       # http://127.0.0.1:<free port>/webhook/file/…
        intake.fault("status", status=503)         # the next POST answers 503 (no task)
        ...
        intake.tasks                                # every task made, with its parts

The contract it checks (a POST that breaks it gets 400 and makes no task):
- ``POST <path>``, ``Content-Type: multipart/form-data; boundary=…``, a ``Content-Length``;
- the body framed by RFC 7578 exactly: ``--B CRLF`` headers ``CRLF CRLF`` data ``CRLF`` … ``--B--``;
- text parts ``message`` and ``email``, each ``Content-Type: text/plain; charset=utf-8``;
- at most one ``file`` part, with a ``filename`` and *no* Content-Type.
A task answers ``200 {"task": N}`` (N counts up from ``first_task``).

Faults (``fault(kind, count=1, **options)``, taken in order, one per POST):
- ``status``: answer ``status`` (5xx, 429 with ``retry_after``, 413…) without making a task;
- ``hang``: read the whole body, make the task, then never answer (until the server stops);
- ``non_json``: read the whole body, make the task, answer 200 with an HTML page;
- ``reset``: read ``after`` bytes of the body, then reset the connection (no task);
- ``reset_after_body``: read the whole body, make the task, then reset the connection;
- ``silent``: accept the connection and read nothing, never answer (a server that hangs);
- ``slow``: read the body at ``rate`` bytes per second (a slow uplink in front of it), then
  answer as usual.
``max_bytes``: bodies above it get 413 (after the body was drained, as real servers do).
``keep_bodies=False`` (the bench) deletes each body once it is parsed and its task recorded.
Bodies are stored on disk (``store``), so big ones cost no memory.
"""

from __future__ import annotations

import contextlib
import email.message
import hashlib
import itertools
import json
import mmap
import socket
import struct
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

INTAKE_PATH = "/webhook/file/test-intake"
READ_BLOCK = 1 << 20


@dataclass
class Part:
    name: str
    headers: dict[str, str]  # as sent (names lower-cased), in order
    filename: str | None
    start: int  # offset of the data in the stored body
    length: int
    body_path: Path

    def data(self) -> bytes:
        with open(self.body_path, "rb") as f:
            f.seek(self.start)
            return f.read(self.length)

    def text(self) -> str:
        return self.data().decode("utf-8")

    def sha256(self) -> str:
        h = hashlib.sha256()
        with open(self.body_path, "rb") as f:
            f.seek(self.start)
            left = self.length
            while left > 0:
                block = f.read(min(READ_BLOCK, left))
                h.update(block)
                left -= len(block)
        return h.hexdigest()


@dataclass
class Post:
    """One POST that reached the server, whatever became of it."""

    index: int
    path: str
    headers: dict[str, str]
    length: int  # Content-Length announced
    received: int = 0  # body bytes read
    parts: dict[str, Part] = field(default_factory=dict)
    task: int | None = None
    outcome: str = ""  # task | fault:<kind> | contract: <why> | 413 | incomplete

    @property
    def message(self) -> str:
        return self.parts["message"].text()

    @property
    def email(self) -> str:
        return self.parts["email"].text()

    @property
    def file(self) -> Part | None:
        return self.parts.get("file")


class ContractError(Exception):
    pass


def parse_multipart(body_path: Path, size: int, content_type: str, *,
                    file_type_allowed: bool = False) -> dict[str, Part]:
    """The parts of a stored body, strictly by RFC 7578 and the intake's contract
    (``file_type_allowed``: a Content-Type on the file part too, as ``curl -F`` always sends
    one; for the bench's baseline only)."""
    ct = email.message.Message()
    ct["content-type"] = content_type
    if ct.get_content_type() != "multipart/form-data":
        raise ContractError(f"Content-Type is {ct.get_content_type()}")
    boundary = ct.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise ContractError("no boundary")
    delim = b"--" + boundary.encode("ascii")
    parts: dict[str, Part] = {}
    if size == 0:
        raise ContractError("empty body")
    with open(body_path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        if m[:len(delim) + 2] != delim + b"\r\n":
            raise ContractError("body does not start with the boundary")
        pos = len(delim) + 2
        while True:
            end_headers = m.find(b"\r\n\r\n", pos)
            if end_headers < 0:
                raise ContractError("part without a header end")
            headers: dict[str, str] = {}
            for line in m[pos:end_headers].decode("utf-8").split("\r\n"):
                name, sep, value = line.partition(":")
                if not sep:
                    raise ContractError(f"bad header line {line!r}")
                headers[name.strip().lower()] = value.strip()
            data_start = end_headers + 4
            nxt = m.find(b"\r\n" + delim, data_start)
            if nxt < 0:
                raise ContractError("part without its closing boundary")
            disp = email.message.Message()
            disp["content-disposition"] = headers.get("content-disposition", "")
            if disp.get_content_disposition() != "form-data":
                raise ContractError(f"part without form-data disposition: {headers}")
            name = disp.get_param("name", header="content-disposition")
            filename = disp.get_param("filename", header="content-disposition")
            if not isinstance(name, str) or name in parts:
                raise ContractError(f"part name {name!r}")
            parts[name] = Part(name, headers, filename if isinstance(filename, str) else None,
                               data_start, nxt - data_start, body_path)
            after = nxt + 2 + len(delim)
            tail = m[after:after + 2]
            if tail == b"--":
                rest = m[after + 2:]
                if rest not in (b"", b"\r\n"):
                    raise ContractError("bytes after the closing boundary")
                break
            if tail != b"\r\n":
                raise ContractError("boundary not followed by CRLF")
            pos = after + 2
    for name in ("message", "email"):
        p = parts.get(name)
        if p is None:
            raise ContractError(f"no {name} part")
        if p.headers.get("content-type", "").lower().replace(" ", "") != \
                "text/plain;charset=utf-8":
            raise ContractError(f"{name} part Content-Type {p.headers.get('content-type')!r}")
        if p.filename is not None:
            raise ContractError(f"{name} part has a filename")
    extra = set(parts) - {"message", "email", "file"}
    if extra:
        raise ContractError(f"unexpected parts {sorted(extra)}")
    file = parts.get("file")
    if file is not None:
        if not file.filename:
            raise ContractError("file part without a filename")
        if "content-type" in file.headers and not file_type_allowed:
            raise ContractError("file part with a Content-Type")
    return parts


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, status: int, body: bytes, ctype: str = "application/json",
               extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _read_body(self, post: Post, out, limit: int | None = None,
                   rate: float | None = None) -> None:
        left = post.length if limit is None else min(limit, post.length)
        started = time.monotonic()
        while left > 0:
            block = self.rfile.read(min(READ_BLOCK if rate is None else 16 << 10, left))
            if not block:
                break
            if out is not None:
                out.write(block)
            post.received += len(block)
            left -= len(block)
            if rate is not None:  # the line's pace: the next block arrives when it would
                ahead = post.received / rate - (time.monotonic() - started)
                if ahead > 0 and self.server.owner.release.wait(ahead):  # type: ignore
                    return  # the server is stopping

    def do_GET(self) -> None:
        self._reply(404, b"{}")

    def do_POST(self) -> None:
        srv = self.server
        post = srv.owner._new_post(self.path, dict(self.headers.items()),
                                   int(self.headers.get("Content-Length") or 0))
        fault = srv.owner._take_fault()
        kind = fault.get("kind") if fault else None
        if kind == "silent":
            post.outcome = "fault:silent"
            srv.owner.release.wait(srv.owner.hang_limit)
            self._reset()
            return
        if self.path != srv.owner.path:
            self._read_body(post, None)
            post.outcome = "404"
            self._reply(404, b'{"error": "not found"}')
            return
        if "Content-Length" not in self.headers:
            post.outcome = "contract: no Content-Length"
            self._reply(411, b'{"error": "length required"}')
            self.close_connection = True
            return
        if kind == "status":
            self._read_body(post, None)
            status = int(fault["status"])
            post.outcome = f"fault:{status}"
            extra = {"Retry-After": str(fault["retry_after"])} if "retry_after" in fault else {}
            self._reply(status, b'{"error": "fault"}', extra=extra)
            return
        if kind == "reset":
            self._read_body(post, None, int(fault.get("after", 0)))
            post.outcome = "fault:reset"
            self._reset()
            return
        limit = srv.owner.max_bytes
        if limit and post.length > limit:
            self._read_body(post, None)  # drained, so the client reads the answer
            post.outcome = "413"
            self._reply(413, b'{"error": "too large"}')
            return
        body_path = srv.owner.store / f"post-{post.index:04d}.body"
        with open(body_path, "wb") as out:
            self._read_body(post, out, rate=fault.get("rate") if kind == "slow" else None)
        if post.received != post.length:
            post.outcome = "incomplete"
            self.close_connection = True
            return
        try:
            post.parts = parse_multipart(body_path, post.received,
                                         self.headers.get("Content-Type", ""),
                                         file_type_allowed=srv.owner.file_type_allowed)
        except ContractError as exc:
            post.outcome = f"contract: {exc}"
            self._reply(400, json.dumps({"error": str(exc)}).encode())
            return
        post.task = srv.owner._new_task(post)
        post.outcome = "task"
        if not srv.owner.keep_bodies:
            body_path.unlink()
        if kind == "hang":
            srv.owner.release.wait(srv.owner.hang_limit)
            self._reset()
            return
        if kind == "reset_after_body":
            self._reset()
            return
        if kind == "non_json":
            self._reply(200, b"<html><body>OK</body></html>", "text/html; charset=utf-8")
            return
        self._reply(200, json.dumps({"task": post.task}).encode())

    def handle(self) -> None:
        # A fault closed the connection under the handler: nothing more to say.
        with contextlib.suppress(ConnectionError, OSError, ValueError):
            super().handle()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: IntakeServer


class IntakeServer:
    """The intake on ``127.0.0.1`` (a free port). Thread-safe to inspect while it runs."""

    def __init__(self, store: Path | None = None, *, first_task: int = 50001,
                 max_bytes: int = 0, path: str = INTAKE_PATH, hang_limit: float = 60.0,
                 file_type_allowed: bool = False, keep_bodies: bool = True) -> None:
        self._tmp = None if store else tempfile.TemporaryDirectory(prefix="intake-")
        self.store = Path(store or self._tmp.name)  # type: ignore[union-attr]
        self.store.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.max_bytes = max_bytes
        self.hang_limit = hang_limit
        self.file_type_allowed = file_type_allowed
        self.keep_bodies = keep_bodies
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._faults: list[dict] = []
        self._numbers = itertools.count(first_task)
        self.posts: list[Post] = []
        self.tasks: dict[int, Post] = {}
        self.got_post = threading.Condition(self._lock)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    # --- life ---------------------------------------------------------------------------------
    def start(self) -> IntakeServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{port}{self.path}"
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(10)
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> IntakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- faults and records -------------------------------------------------------------------
    def fault(self, kind: str, count: int = 1, **options: object) -> None:
        with self._lock:
            self._faults += [{"kind": kind, **options} for _ in range(count)]

    def _take_fault(self) -> dict | None:
        with self._lock:
            return self._faults.pop(0) if self._faults else None

    def _new_post(self, path: str, headers: dict[str, str], length: int) -> Post:
        with self._lock:
            post = Post(len(self.posts) + 1, path, headers, length)
            self.posts.append(post)
            self.got_post.notify_all()
            return post

    def _new_task(self, post: Post) -> int:
        with self._lock:
            number = next(self._numbers)
            self.tasks[number] = post
            return number

    def wait_posts(self, n: int, timeout: float = 30.0) -> bool:
        """Wait until ``n`` POSTs have arrived (no sleeping in the tests)."""
        with self._lock:
            return self.got_post.wait_for(lambda: len(self.posts) >= n, timeout)


class SilentServer:
    """Accepts connections on ``127.0.0.1`` and never reads or answers (a hung server)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(conn)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for c in self.accepted:
            c.close()
        self.listener.close()
