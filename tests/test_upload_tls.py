"""TLS is always verified: a self-signed (untrusted) certificate is refused with a clear Russian
message before any data leaves; the same server is accepted once its CA is supplied (setting
``ca_bundle`` or ``REQUESTS_CA_BUNDLE``). The system proxy (``HTTPS_PROXY``) is used."""

from __future__ import annotations

import select
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from collector.delivery import Uploader
from collector.delivery.tus import RetryPolicy, TLSRefused
from collector.errors import ExitCode
from collector.http_session import HttpSetup
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env, write_settings
from tests.tus_server.harness import TusServer, make_bundle

clean_env = fixtures.clean_env
FAST = RetryPolicy(retries=2, base_delay=0.05)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[TusServer, Path]]:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_pem, key_pem, ca_pem = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert_pem.write_bytes(b"".join(b.bytes() for b in cert.cert_chain_pems))
    cert.private_key_pem.write_to_path(str(key_pem))
    ca.cert_pem.write_to_path(str(ca_pem))
    with TusServer(tmp_path / "store", cert=cert_pem, key=key_pem, ca=ca_pem) as server:
        assert server.url.startswith("https://127.0.0.1:")
        yield server, ca_pem


def _methods(server: TusServer) -> list[str]:
    return [r["method"] for r in server.stats() if r.get("method")]


def test_untrusted_certificate_is_refused_with_a_russian_message(clean_env, tls_server, tmp_path):
    server, _ca = tls_server
    b = make_bundle(tmp_path / "out", payload=50_000)
    with pytest.raises(TLSRefused) as e:
        Uploader(server.url, retry=RetryPolicy(2, 0.01)).upload(b.path)
    msg = e.value.message
    assert "сертификат" in msg and "не прошёл проверку" in msg and "ca_bundle" in msg
    assert e.value.exit_code == ExitCode.DELIVERY_FAILED and not e.value.retry_later
    assert _methods(server) == []  # the handshake failed: no request reached the server
    assert server.uploads() == []

    write_settings(clean_env["settings"], intake_url="", upload_url=server.url)
    p = subprocess.run(cli("upload", str(b.path)), env=cli_env(), capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == ExitCode.DELIVERY_FAILED
    assert "не прошёл проверку" in p.stderr
    assert "Traceback" not in p.stderr


def test_certificate_accepted_when_its_ca_is_in_the_setting(clean_env, tls_server, tmp_path):
    server, ca = tls_server
    b = make_bundle(tmp_path / "out", payload=300_000)
    r = Uploader(server.url, setup=HttpSetup(ca_files=[str(ca)]), chunk_size=128 << 10,
                 retry=FAST).upload(b.path)
    assert server.data(r.request.upload_id) == b.data

    c = make_bundle(tmp_path / "c", payload=100_000, seed=4)
    write_settings(clean_env["settings"], intake_url="", upload_url=server.url, ca_bundle=str(ca))
    p = subprocess.run(cli("upload", str(c.path)), env=cli_env(), capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    assert len(server.uploads()) == 2


def test_certificate_accepted_with_requests_ca_bundle(clean_env, tls_server, tmp_path):
    server, ca = tls_server
    b = make_bundle(tmp_path / "out", payload=100_000)
    write_settings(clean_env["settings"], intake_url="", upload_url=server.url)
    p = subprocess.run(cli("upload", str(b.path)), env=cli_env(REQUESTS_CA_BUNDLE=str(ca)),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    [uid] = server.uploads()
    assert server.data(uid) == b.data


class ConnectProxy:
    """A minimal HTTPS proxy (CONNECT tunnels) on loopback that counts what went through it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.tunnels: list[str] = []
        self.bytes_up = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _addr = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                client.close()
                return
            head += chunk
        line = head.split(b"\r\n", 1)[0].decode()
        method, target, _ = line.split(" ", 2)
        if method != "CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            client.close()
            return
        host, port = target.rsplit(":", 1)
        assert host in ("127.0.0.1", "localhost"), host  # loopback only
        upstream = socket.create_connection((host, int(port)))
        self.tunnels.append(target)
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        socks = [client, upstream]
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select(socks, [], [], 0.2)
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    if s is client:
                        self.bytes_up += len(data)
                    (upstream if s is client else client).sendall(data)
        finally:
            client.close()
            upstream.close()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


def test_system_proxy_is_used(clean_env, tls_server, tmp_path, monkeypatch):
    server, ca = tls_server
    proxy = ConnectProxy()
    try:
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
        b = make_bundle(tmp_path / "out", payload=400_000)
        u = Uploader(server.url, setup=HttpSetup(ca_files=[str(ca)]), chunk_size=128 << 10,
                     retry=FAST)
        r = u.upload(b.path)
        assert server.data(r.request.upload_id) == b.data
        assert proxy.tunnels and all(t == f"127.0.0.1:{server.port}" for t in proxy.tunnels)
        assert proxy.bytes_up > len(b.data)  # the bundle went through the tunnel
    finally:
        proxy.close()
