"""Test and bench helpers: the real tus server (node, @tus/server + @tus/file-store) on loopback,
and small real bundles (.7z made with py7zr, volumes as byte splits like 7-Zip's ``-v``)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVER_JS = HERE / "server.js"

# Loopback traffic must not go through a proxy from the environment.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class TusServer:
    def __init__(self, store: Path, *, max_size: int = 0, cert: Path | None = None,
                 key: Path | None = None, ca: Path | None = None, token: str = "",
                 log: Path | None = None) -> None:
        self.store = Path(store)
        self.ca = ca  # the CA that signed ``cert``: the harness verifies its own channel too
        self.max_size = max_size
        self.cert, self.key = cert, key
        self.token = token
        self.log = log
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.port = 0

    def start(self, port: int = 0) -> TusServer:
        if not (HERE / "node_modules" / "@tus" / "server").is_dir():
            raise RuntimeError("tests/tus_server/node_modules is missing: run scripts/setup.sh")
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node is not installed: run scripts/setup.sh")
        cmd = [node, str(SERVER_JS), "--dir", str(self.store), "--port", str(port)]
        if self.max_size:
            cmd += ["--max-size", str(self.max_size)]
        if self.cert and self.key:
            cmd += ["--tls-cert", str(self.cert), "--tls-key", str(self.key)]
        if self.log:
            cmd += ["--log", str(self.log)]
        env = dict(os.environ)
        env.pop("TUS_TOKEN", None)
        if self.token:
            env["TUS_TOKEN"] = self.token
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"tus server did not start: {self.proc.stderr.read()}")
        info = json.loads(line)
        self.port, self.url = info["port"], info["url"]
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def __enter__(self) -> TusServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        return self.url.rsplit("/files/", 1)[0]

    def _open(self, req: urllib.request.Request):
        if self.url.startswith("https"):
            import ssl

            ctx = ssl.create_default_context(cafile=str(self.ca) if self.ca else None)
            return urllib.request.build_opener(
                urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=ctx)
            ).open(req, timeout=10)
        return _NO_PROXY.open(req, timeout=10)

    def control(self, **faults: object) -> None:
        req = urllib.request.Request(self.base + "/__control", method="POST",
                                     data=json.dumps(faults).encode(),
                                     headers={"Content-Type": "application/json"})
        with self._open(req) as r:
            r.read()

    def stats(self) -> list[dict]:
        with self._open(urllib.request.Request(self.base + "/__stats")) as r:
            return json.loads(r.read())["requests"]

    def patches(self, upload_id: str | None = None) -> list[dict]:
        return [r for r in self.stats() if r.get("method") == "PATCH"
                and (upload_id is None or r["id"] == upload_id)]

    def announced(self, upload_id: str | None = None) -> int:
        """Body bytes the client set out to send, over all PATCHes (Content-Length). Every PATCH
        starts at the server's offset (tus answers 409 otherwise), so ``announced - size`` is
        exactly what was sent but lost to cuts: the bytes re-sent after them."""
        return sum(r.get("content_length") or 0 for r in self.patches(upload_id))

    def uploads(self) -> list[str]:
        return sorted(p.stem for p in self.store.glob("*.json"))

    def info(self, upload_id: str) -> dict:
        return json.loads((self.store / f"{upload_id}.json").read_text())

    def data(self, upload_id: str) -> bytes:
        return (self.store / upload_id).read_bytes()

    def size(self, upload_id: str) -> int:
        try:
            return (self.store / upload_id).stat().st_size
        except FileNotFoundError:
            return 0


# --- bundles --------------------------------------------------------------------------------------

GBS_ID = "6:0123456789abcdef0123456789abcdef"
REQUEST_TXT = (
    "Обращение в поддержку GBS.Market\n"
    "Тема: возможности, технические вопросы и ошибки\n"
    "Версия программы: 6.3.0.1693\n"
    "GBS.ID: 6:0123456789abcdef0123456789abcdef\n\n"
    "1. Не открывается журнал продаж за 20.11\n"
)


@dataclass
class Bundle:
    path: Path  # the .7z, or the first volume
    parts: list[Path]
    name: str
    manifest: dict
    request_text: str

    @property
    def data(self) -> bytes:
        return b"".join(p.read_bytes() for p in self.parts)


def make_bundle(folder: Path, *, payload: int = 200_000, volume_size: int | None = None,
                password: str | None = None, sidecar: bool = True, topic: str = "errors",
                version: str = "6.3.0.1693", gbs_id: str = GBS_ID, stamp: str | None = None,
                request_text: str = REQUEST_TXT, seed: int = 1, email: str = "",
                mode: int | None = None, manifest_extra: dict | None = None) -> Bundle:
    """A bundle in the DESIGN.md shape; ``payload`` random bytes make its size;
    ``manifest_extra`` adds keys to its manifest (``installation``, ``demo``…)."""
    import random

    import py7zr

    folder.mkdir(parents=True, exist_ok=True)
    stamp = stamp or f"20261120-1{seed % 100000:05d}"  # names differ as the seeds do
    short = gbs_id.split(":")[-1][:8] if gbs_id else "NOID"
    name = f"GBS-Support_{short}_2026-11-20_{stamp}.7z"
    manifest = {
        "schema": "gbs-support-bundle/1", "created_at": "2026-11-20T10:15:00+03:00",
        "collector_version": "0.1.0",
        "gbs_market": {"version": version, "path": "C:\\Program Files (x86)\\F-Lab\\Market 6",
                       "data_path": "C:\\ProgramData\\F-Lab\\GBS.Market\\6"},
        "gbs_id": gbs_id, "topic": topic, "problem_date": "2026-11-20",
        "steps": [], "files": [], "redactions": [], **(manifest_extra or {}),
    }
    form = {"topic": topic, "problem_date": "2026-11-20", "questions": ["Журнал продаж"],
            "previous_request": "AB12-CD34", "symptoms": [],
            "contact": {"email": email} if email else {}, "attachments": [],
            "include_database": False}
    rnd = random.Random(seed)
    # randbytes takes at most 2**31 bits at once: big payloads (benches) in 16 MiB pieces
    blob = rnd.randbytes(payload) if payload <= 64 << 20 else b"".join(
        rnd.randbytes(min(16 << 20, payload - i)) for i in range(0, payload, 16 << 20))
    target = folder / name
    # Stored, not compressed: the payload is random anyway, and tests stay fast.
    filters = [{"id": py7zr.FILTER_COPY}]
    if password:
        filters.append({"id": py7zr.FILTER_CRYPTO_AES256_SHA256})
    entries: list[tuple[str, bytes]] = [
        ("request.txt", request_text.encode("utf-8")),
        ("request.json", json.dumps(form, ensure_ascii=False).encode("utf-8")),
    ]
    if mode is not None:
        entries.append(("config/DataBase.json", json.dumps(
            {"ModeProgram": mode, "Connection": {"Password": "***"}}).encode()))
    entries.append(("database/main.fbk", blob))
    # As the bundle writer leaves it: every entry listed with its sha256, the manifest last.
    manifest["files"] = [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                         for n, d in entries]
    with py7zr.SevenZipFile(target, "w", password=password, filters=filters) as z:
        if password:
            z.set_encrypted_header(True)
        for n, d in entries:
            z.writestr(d, n)
        z.writestr(json.dumps(manifest, ensure_ascii=False, indent=1), "manifest.json")
    parts = [target]
    if volume_size:
        data = target.read_bytes()
        target.unlink()
        parts = []
        for i in range(0, len(data), volume_size):
            p = folder / f"{name}.{i // volume_size + 1:03d}"
            p.write_bytes(data[i:i + volume_size])
            parts.append(p)
    if sidecar:
        lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in parts]
        (folder / f"{name}.sha256").write_text("".join(lines))
    return Bundle(parts[0], parts, name, manifest, request_text)


def wait_for(cond, timeout: float = 20.0, step: float = 0.02) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with contextlib.suppress(Exception):
            if cond():
                return True
        time.sleep(step)
    return False
