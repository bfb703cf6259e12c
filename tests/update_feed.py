"""A loopback copy of the program's update feed (GBS_MARKET.md §9): ``info.json`` served only at
``/<md5 of CodeName+"3364a3b8">/updates/<channel>//info.json`` (the program's double slash), so a
client that builds the path differently gets 404, as it would from the real mirrors."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from collector.branding import update_hash as feed_hash


class UpdateFeed:
    def __init__(self, versions: dict[tuple[str, str], str] | None = None) -> None:
        """``versions``: (CodeName, channel) → Version published there."""
        self.versions = dict(versions or {("gbsmarket", "release"): "6.6.13.2650"})
        self.asked: list[str] = []
        self.status = 200
        self.body: bytes | None = None  # a fixed body instead of the info.json
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.asked.append(self.path)
                body, status = owner._answer(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _answer(self, path: str) -> tuple[bytes, int]:
        for (code_name, channel), version in self.versions.items():
            if path == f"/{feed_hash(code_name)}/updates/{channel}//info.json":
                if self.body is not None:
                    return self.body, self.status
                info = {"Version": version, "Md5": "0" * 32}
                return json.dumps(info).encode(), self.status
        return b"{}", 404

    def __enter__(self) -> UpdateFeed:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
