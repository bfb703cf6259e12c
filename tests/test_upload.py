"""Upload against a real tus server (node, @tus/server + @tus/file-store) on loopback: the stored
bytes must equal the bundle, through 5xx answers, cut connections, timeouts, a killed client,
cancel, volumes, a size limit and a missing network."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from collector.delivery import Outbox, Uploader, last_request_code, request_history
from collector.delivery.integrity import Tampered
from collector.delivery.state import UploadStore, short_code
from collector.delivery.tus import (
    NetworkDown,
    NotTusServer,
    Refused,
    RetryPolicy,
    TooLarge,
    encode_metadata,
)
from collector.errors import Cancelled, ExitCode
from collector.http_session import HttpSetup
from tests.intake_server import SilentServer
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env, write_settings
from tests.tus_server.harness import GBS_ID, TusServer, make_bundle, wait_for

clean_env, tus = fixtures.clean_env, fixtures.tus  # pytest fixtures used by name below

CHUNK = 128 << 10
FAST = RetryPolicy(retries=4, base_delay=0.05)


def uploader(server: TusServer, **kw) -> Uploader:
    kw.setdefault("chunk_size", CHUNK)
    kw.setdefault("retry", FAST)
    return Uploader(server.url, **kw)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_plain_upload_stores_the_bundle_with_metadata_and_request_code(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=700_000)
    progress = []
    result = uploader(tus, on_progress=progress.append).upload(b.path)

    uid = result.request.upload_id
    assert tus.uploads() == [uid]
    assert tus.data(uid) == b.data
    meta = tus.info(uid)["metadata"]
    assert meta["filename"] == b.name
    assert meta["sha256"] == sha(b.data)
    assert meta["gbs_id"] == GBS_ID
    assert meta["topic"] == "errors"
    assert meta["gbs_version"] == "6.3.0.1693"
    assert meta["problem_date"] == "2026-11-20"
    assert meta["previous_request"] == "AB12-CD34"
    assert "volume" not in meta and "request_id" not in meta
    # chunked: one PATCH per chunk
    size = len(b.data)
    assert len(tus.patches(uid)) == math.ceil(size / CHUNK)
    assert tus.announced(uid) == size
    # the request code: short form of the server's id, remembered for the next request
    assert result.code == short_code(uid) == f"{uid[:4].upper()}-{uid[4:8].upper()}"
    assert last_request_code() == result.code
    assert request_history()[-1].upload_id == uid
    # progress: bytes grow to the total and end "done"
    uploads = [p for p in progress if p.phase == "upload"]
    assert uploads and all(a.sent <= b.sent for a, b in itertools.pairwise(uploads))
    assert progress[-1].phase == "done" and progress[-1].sent == size


def test_only_an_upload_big_enough_to_measure_the_line_is_kept_as_its_speed(
        clean_env, tus, tmp_path):
    """A small upload is mostly its first burst into the system's buffers: it must not replace
    the speed the next adaptive preset is chosen by; a big one does."""
    from collector.bundle.preset import MIN_SAMPLE, last_uplink, record_uplink

    record_uplink(123_456.0)
    small = make_bundle(tmp_path / "small", payload=300_000, seed=2)
    up = uploader(tus)
    assert up.upload(small.path) is not None
    up.close()
    assert last_uplink() == 123_456.0
    big = make_bundle(tmp_path / "big", payload=MIN_SAMPLE + 500_000, seed=3)
    up = uploader(tus)
    assert up.upload(big.path) is not None
    up.close()
    assert last_uplink() not in (None, 123_456.0)


def test_sidecar_hash_is_checked_and_a_missing_sidecar_is_verified(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "a", payload=100_000, sidecar=False)
    r = uploader(tus).upload(b.path)  # no .sha256: checked against its manifest, then hashed
    assert tus.info(r.request.upload_id)["metadata"]["sha256"] == sha(b.data)
    # A .sha256 the bytes do not match: refused before the last byte leaves, nothing complete.
    c = make_bundle(tmp_path / "c", payload=300_000, seed=7)
    c.path.with_name(c.name + ".sha256").write_text(f"{'ab' * 32}  {c.name}\n")
    with pytest.raises(Tampered) as e:
        uploader(tus).upload(c.path)
    assert "контрольной суммой" in e.value.message and not e.value.retry_later
    for uid in tus.uploads():
        if uid != r.request.upload_id:
            assert tus.size(uid) < len(c.data)
    # Bytes changed after the bundle was built (its .sha256 is the writer's): the same.
    d = make_bundle(tmp_path / "d", payload=300_000, seed=8)
    data = bytearray(d.path.read_bytes())
    data[-10] ^= 0x55
    d.path.write_bytes(bytes(data))
    with pytest.raises(Tampered):
        uploader(tus).upload(d.path)
    assert all(tus.size(u) < len(data) for u in tus.uploads() if u != r.request.upload_id)


def test_second_upload_of_a_sent_bundle_sends_nothing(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=100_000)
    first = uploader(tus).upload(b.path)
    posts = [r for r in tus.stats() if r.get("method") == "POST"]
    again = uploader(tus).upload(b.path)
    assert again.already_sent and again.code == first.code
    assert [r for r in tus.stats() if r.get("method") == "POST"] == posts


def test_retries_after_5xx_answers(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=500_000)
    tus.control(fail=[{"method": "POST", "status": 503, "count": 1},
                      {"method": "PATCH", "status": 500, "count": 2},
                      {"method": "HEAD", "status": 502, "count": 1}])
    waits = []
    r = uploader(tus, on_progress=lambda p: p.phase == "wait" and waits.append(p.message)
                 ).upload(b.path)
    uid = r.request.upload_id
    assert tus.data(uid) == b.data
    statuses = [x["status"] for x in tus.stats() if x.get("method")]
    assert statuses.count(500) == 2 and statuses.count(503) == 1 and statuses.count(502) == 1
    assert len(waits) == 4 and all("ответ 50" in w for w in waits)
    assert tus.announced(uid) - len(b.data) <= 2 * CHUNK


def test_retry_after_header_is_honoured(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=50_000)
    tus.control(fail=[{"method": "PATCH", "status": 503, "count": 1, "retry_after": 1}])
    import time

    t = time.monotonic()
    r = uploader(tus).upload(b.path)
    assert time.monotonic() - t >= 1.0
    assert tus.data(r.request.upload_id) == b.data


def test_connection_cut_mid_chunk_resumes_from_server_offset(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=900_000)
    tus.control(drop=[{"method": "PATCH", "count": 2, "after_bytes": 50_000}])
    r = uploader(tus).upload(b.path)
    uid = r.request.upload_id
    assert r.resumed
    assert tus.data(uid) == b.data
    cut = [p for p in tus.patches(uid) if p.get("dropped")]
    assert len(cut) == 2
    # each retry started exactly where the server's stored bytes ended
    starts = [p["offset_before"] for p in tus.patches(uid)]
    assert starts[1] == 50_000 and starts[2] == 100_000
    assert tus.announced(uid) - len(b.data) <= 2 * CHUNK


def test_timeout_is_retried(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=300_000)
    tus.control(hang=[{"method": "PATCH", "count": 1}])
    r = uploader(tus, setup=HttpSetup(read_timeout=1.0)).upload(b.path)
    assert tus.data(r.request.upload_id) == b.data
    assert any(p.get("hung") for p in tus.patches())


def test_killed_client_resumes_after_restart_resending_at_most_one_chunk(clean_env, tus,
                                                                         tmp_path):
    b = make_bundle(tmp_path / "out", payload=1_500_000)
    write_settings(clean_env["settings"], intake_url="", upload_url=tus.url,
                   upload_chunk_mb=CHUNK / (1 << 20))
    env = cli_env()
    tus.control(delay_ms=150)  # slow enough to kill it in the middle
    proc = subprocess.Popen(cli("upload", str(b.path)), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: len([p for p in tus.patches() if p.get("status") == 204]) >= 4)
    finally:
        proc.kill()
        proc.wait()
    [uid] = tus.uploads()
    half = tus.size(uid)
    assert 0 < half < len(b.data)
    state = UploadStore().all()
    assert len(state) == 1 and state[0].parts[0].url.endswith(uid) and not state[0].finished
    assert [e.status for e in Outbox().entries()] == ["waiting"]

    tus.control(delay_ms=0)
    restarted_ms = time.time() * 1000  # the server stamps requests with the same clock
    done = subprocess.run(cli("upload", str(b.path)), env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert tus.uploads() == [uid]  # the same upload went on: no second one
    assert tus.data(uid) == b.data
    assert done.stdout.strip() == short_code(uid)
    assert "сообщите этот код поддержке" in done.stderr
    assert tus.announced(uid) - len(b.data) <= CHUNK
    first_run = [p for p in tus.patches(uid) if p["t"] < restarted_ms]
    second_run = [p for p in tus.patches(uid) if p["t"] >= restarted_ms]
    # the patch cut by the kill may still be stored after its record: the server only grows
    stopped_at = max(p["offset_after"] for p in first_run)
    assert stopped_at >= half
    assert second_run[0]["offset_before"] >= stopped_at  # went on, never back to the start
    assert all(p["offset_before"] > 0 for p in second_run)
    assert [e.status for e in Outbox().entries()] == ["sent"]


def test_cancel_keeps_state_and_the_next_run_resumes(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=1_200_000)
    holder: dict[str, Uploader] = {}

    def on_progress(p):
        if p.phase == "upload" and p.sent >= 400_000:
            holder["u"].cancel()

    tus.control(delay_ms=100)  # progress is reported 5 times a second: give it time
    u = uploader(tus, on_progress=on_progress)
    holder["u"] = u
    outbox = Outbox()
    entry = outbox.add(b.path)
    with pytest.raises(Cancelled):
        u.upload(b.path)
    outbox.mark(entry, "waiting", "прервана")
    [uid] = tus.uploads()
    assert 0 < tus.size(uid) < len(b.data)
    assert outbox.get(entry.id).status == "waiting"
    assert b.path.exists()

    tus.control(delay_ms=0)
    r = uploader(tus).upload(b.path)
    assert r.request.upload_id == uid and r.resumed
    assert tus.data(uid) == b.data
    assert tus.announced(uid) - len(b.data) <= CHUNK


def test_ctrl_c_on_the_command_line_exits_130_and_resumes(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=1_000_000)
    write_settings(clean_env["settings"], intake_url="", upload_url=tus.url,
                   upload_chunk_mb=CHUNK / (1 << 20))
    tus.control(delay_ms=150)
    proc = subprocess.Popen(cli("upload", str(b.path)), env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: len(tus.patches()) >= 2)
    proc.send_signal(signal.SIGINT)
    _out, errs = proc.communicate(timeout=30)
    assert proc.returncode == ExitCode.CANCELLED
    assert "прервана" in errs and "продолжится" in errs
    tus.control(delay_ms=0)
    done = subprocess.run(cli("upload", str(b.path)), env=cli_env(), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    [uid] = tus.uploads()
    assert tus.data(uid) == b.data


def test_volumes_one_request_code_for_the_set(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=600_000, volume_size=250_000)
    assert len(b.parts) == 3
    r = uploader(tus).upload(b.parts[1])  # any volume names the set
    ids = tus.uploads()
    assert len(ids) == 3 and r.request.parts == 3
    by_name = {tus.info(i)["metadata"]["filename"]: i for i in ids}
    first = by_name[b.parts[0].name]
    assert r.request.upload_id == first
    for n, part in enumerate(b.parts, start=1):
        uid = by_name[part.name]
        assert tus.data(uid) == part.read_bytes()
        meta = tus.info(uid)["metadata"]
        assert meta["volume"] == f"{n}/3"
        assert meta["bundle"] == b.name
        assert meta["sha256"] == sha(part.read_bytes())
        assert meta.get("request_id") == (None if n == 1 else first)
    # the desk joins the volumes: real 7-Zip tests the result
    joined = tmp_path / "desk" / b.name
    joined.parent.mkdir()
    joined.write_bytes(b"".join(tus.data(by_name[p.name]) for p in b.parts))
    t = subprocess.run(["7z", "t", str(joined)], capture_output=True, text=True)
    assert t.returncode == 0, t.stdout + t.stderr


def test_volume_set_resumes_after_restart_in_the_middle(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=600_000, volume_size=250_000)
    holder: dict[str, Uploader] = {}

    def on_progress(p):
        if p.phase == "upload" and p.part == 2 and p.sent > 260_000:
            holder["u"].cancel()

    tus.control(delay_ms=150)
    holder["u"] = uploader(tus, on_progress=on_progress, chunk_size=64 << 10)
    with pytest.raises(Cancelled):
        holder["u"].upload(b.path)
    assert len(tus.uploads()) == 2
    tus.control(delay_ms=0)
    r = uploader(tus).upload(b.path)
    ids = tus.uploads()
    assert len(ids) == 3
    assert b"".join(tus.data(tus_id) for tus_id in sorted(
        ids, key=lambda i: tus.info(i)["metadata"]["volume"])) == b.data
    assert r.request.upload_id in ids


def test_server_limit_refuses_before_upload(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=300_000)
    with TusServer(tmp_path / "store", max_size=200_000) as small:
        with pytest.raises(TooLarge) as e:
            uploader(small).upload(b.path)
        assert [r["method"] for r in small.stats()] == ["OPTIONS"]  # nothing created or sent
        assert "больше, чем принимает сервер" in e.value.message
        assert "томами" in e.value.message
        # volumes under the limit go through
        v = make_bundle(tmp_path / "vol", payload=300_000, volume_size=150_000, seed=3)
        r = uploader(small).upload(v.path)
        assert r.request.parts == len(v.parts) == 3
        # the command line: exit code 5, Russian message, entry marked failed (not waiting)
        write_settings(clean_env["settings"], intake_url="", upload_url=small.url)
        p = subprocess.run(cli("upload", str(b.path)), env=cli_env(), capture_output=True,
                           text=True, timeout=60)
        assert p.returncode == ExitCode.DELIVERY_FAILED
        assert "больше, чем принимает сервер" in p.stderr
        [entry] = [e for e in Outbox().entries() if e.bundle == b.name]
        assert entry.status == "failed"


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_network_gone_bundle_waits_in_outbox_and_is_sent_later(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=200_000)
    port = _closed_port()
    write_settings(clean_env["settings"], intake_url="", upload_url=f"http://127.0.0.1:{port}/files/",
                   upload_retries=2)
    p = subprocess.run(cli("upload", str(b.path)), env=cli_env(), capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == ExitCode.DELIVERY_FAILED
    assert "Нет связи с сервером поддержки" in p.stderr
    assert "Отправить позже" in p.stderr and "при следующем запуске" in p.stderr
    listed = subprocess.run(cli("upload", "--list", "--json"), env=cli_env(),
                            capture_output=True, text=True, timeout=60)
    [entry] = json.loads(listed.stdout)["outbox"]
    assert entry["status"] == "waiting" and entry["files_exist"]
    assert [e.bundle for e in Outbox().pending()] == [b.name]

    # next start: the server is reachable again on that port
    with TusServer(tmp_path / "store") as server:
        server.stop()
        server.start(port=port)
        p = subprocess.run(cli("upload", "--pending"), env=cli_env(), capture_output=True,
                           text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        [uid] = server.uploads()
        assert server.data(uid) == b.data
        assert p.stdout.strip() == short_code(uid)
    [entry] = Outbox().entries()
    assert entry.status == "sent" and entry.request_code == short_code(uid)
    assert Outbox().pending() == []
    assert b.path.exists()  # a sent bundle stays until the user deletes it


def test_network_gone_in_the_library_raises_network_down(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=10_000)
    u = Uploader(f"http://127.0.0.1:{_closed_port()}/files/", retry=RetryPolicy(1, 0.01))
    with pytest.raises(NetworkDown) as e:
        u.upload(b.path)
    assert e.value.retry_later and e.value.exit_code == ExitCode.DELIVERY_FAILED


def test_upload_gone_on_the_server_starts_anew(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=600_000)
    holder: dict[str, Uploader] = {}

    def on_progress(p):
        if p.phase == "upload" and p.sent > 200_000:
            holder["u"].cancel()

    tus.control(delay_ms=100)
    holder["u"] = uploader(tus, on_progress=on_progress)
    with pytest.raises(Cancelled):
        holder["u"].upload(b.path)
    tus.control(delay_ms=0)
    [old] = tus.uploads()
    (tus.store / old).unlink()
    (tus.store / f"{old}.json").unlink()
    r = uploader(tus).upload(b.path)
    assert r.request.upload_id != old
    assert tus.data(r.request.upload_id) == b.data


def test_token_is_sent_and_kept_out_of_outputs(clean_env, tmp_path):
    token = "s3cr3t-T0KEN-value"
    b = make_bundle(tmp_path / "out", payload=100_000)
    with TusServer(tmp_path / "store", token=token) as server:
        write_settings(clean_env["settings"], intake_url="", upload_url=server.url)
        env = cli_env(GBS_COLLECTOR_UPLOAD_TOKEN=token)
        p = subprocess.run(cli("-v", "upload", str(b.path), "--json"), env=env,
                           capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        [uid] = server.uploads()
        assert all(r["auth"] for r in server.stats() if r.get("method") in ("POST", "PATCH"))
        assert token not in p.stdout + p.stderr
        for f in clean_env["data"].rglob("*"):
            if f.is_file():
                assert token not in f.read_text(), f
        assert token not in json.dumps(server.info(uid))
        # token from a file, not argv; a wrong one is refused with a clear message
        wrong = tmp_path / "token.txt"
        wrong.write_text("wrong\n")
        c = make_bundle(tmp_path / "c", payload=10_000, seed=5)
        p = subprocess.run(cli("upload", str(c.path), "--token-file", str(wrong)), env=env,
                           capture_output=True, text=True, timeout=60)
        assert p.returncode == ExitCode.DELIVERY_FAILED
        assert "отказал в доступе" in p.stderr and "upload_token" in p.stderr


def test_unreadable_manifest_falls_back_to_file_name(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=50_000, password="пароль-1")
    r = uploader(tus).upload(b.path)
    meta = tus.info(r.request.upload_id)["metadata"]
    assert meta["gbs_id"] == "01234567" and meta["problem_date"] == "2026-11-20"
    assert "topic" not in meta or not meta["topic"]
    # with the password, full metadata (password from the environment, never argv)
    c = make_bundle(tmp_path / "c", payload=50_000, password="пароль-1", seed=9,
                    stamp="20261120-120000")
    write_settings(clean_env["settings"], intake_url="", upload_url=tus.url)
    p = subprocess.run(cli("upload", str(c.path)), env=cli_env(GBS_COLLECTOR_PASSWORD="пароль-1"),
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    uid = next(u for u in tus.uploads() if tus.info(u)["metadata"]["filename"] == c.name)
    assert tus.info(uid)["metadata"]["gbs_id"] == GBS_ID


def test_no_endpoint_configured_is_a_clear_error(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=10_000)
    write_settings(clean_env["settings"], intake_url="", upload_url="")
    p = subprocess.run(cli("upload", str(b.path)), env=cli_env(), capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == ExitCode.DELIVERY_FAILED
    assert "не настроен" in p.stderr and "intake_url" in p.stderr


def test_refused_request_is_not_retried(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=10_000)
    tus.control(fail=[{"method": "POST", "status": 400, "count": 1}])
    with pytest.raises(Refused):
        uploader(tus).upload(b.path)
    assert [r["method"] for r in tus.stats()].count("POST") == 1


def test_metadata_encoding_and_short_codes():
    assert encode_metadata({"filename": "а.7z", "empty": ""}) == "filename 0LAuN3o=,empty"
    with pytest.raises(ValueError):
        encode_metadata({"bad key": "x"})
    assert short_code("24e533e02ec3bc40c387f1a0e460e216") == "24E5-33E0"
    assert short_code("abc123") == "abc123"
    assert short_code("Zx9-aaaaaaaaaaaaaaaaaaaaa") == "Zx9aaaaa"
    assert RetryPolicy(base_delay=1).delay(3) <= 8 and RetryPolicy().delay(0, 7.0) == 7.0


def test_no_verify_false_in_the_code():
    root = Path(__file__).resolve().parent.parent
    this = Path(__file__).resolve()
    for f in [*(root / "collector").rglob("*.py"), *(root / "tests").rglob("*.py")]:
        if f.resolve() == this:
            continue
        text = f.read_text(encoding="utf-8")
        assert "verify=False" not in text and "CERT_NONE" not in text, f


def test_progress_reports_speed_and_time_left(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=1_000_000)
    tus.control(delay_ms=60)
    seen = []
    uploader(tus, on_progress=seen.append).upload(b.path)
    mid = [p for p in seen if p.phase == "upload" and p.speed]
    assert mid, "no speed reported"
    assert all(p.speed > 0 and p.eta is not None and p.eta >= 0 for p in mid)


def test_request_body_limit_of_a_proxy_halves_the_portions(clean_env, tus, tmp_path):
    b = make_bundle(tmp_path / "out", payload=600_000)
    tus.control(fail=[{"method": "PATCH", "status": 413, "count": 2}])
    u = uploader(tus, chunk_size=512 << 10)
    r = u.upload(b.path)
    assert tus.data(r.request.upload_id) == b.data
    lengths = [p["content_length"] for p in tus.patches()]
    assert lengths[:3] == [512 << 10, 256 << 10, 128 << 10]
    assert u.chunk == 128 << 10


def test_portions_follow_the_line_speed():
    u = Uploader("http://127.0.0.1:9/files/", chunk_size=16 << 20)
    u._adapt_chunk(16 << 20, 40.0)  # 0.4 MiB/s: a 16 MiB request took 40 s
    assert u.chunk == 4 << 20  # about 10 s per request now
    u._adapt_chunk(4 << 20, 60.0)  # slower still: shrink, at most 4× at a time
    assert u.chunk == 1 << 20
    u._adapt_chunk(1 << 20, 0.1)  # the line got fast: grow, 2× at a time, up to the setting
    assert u.chunk == 2 << 20
    for _ in range(5):
        u._adapt_chunk(u.chunk, 0.1)
    assert u.chunk == 16 << 20
    u._adapt_chunk(16 << 20, 10_000.0)
    assert u.chunk == 4 << 20  # never below a quarter of the last step…
    for _ in range(10):
        u._adapt_chunk(u.chunk, 10_000.0)
    assert u.chunk == 64 << 10  # …nor below the floor


def test_a_tus_server_that_never_answers_fails_within_the_deadline(clean_env, tmp_path):
    b = make_bundle(tmp_path / "out", payload=20_000)
    started = time.monotonic()
    with SilentServer() as silent, pytest.raises(NetworkDown) as e:
        Uploader(silent.url + "files/", setup=HttpSetup(stall_timeout=2.0),
                 retry=RetryPolicy(retries=50, base_delay=0.05)).upload(b.path)
    assert "не отвечает уже" in e.value.message or "не ответил" in e.value.message
    assert time.monotonic() - started < 30  # today's 677 s for 13 KB would fail this
    assert silent.accepted


@pytest.mark.parametrize(("status", "on"), [(501, "OPTIONS"), (404, "POST"), (405, "POST")])
def test_a_server_that_is_not_tus_is_not_retried(clean_env, tmp_path, status, on):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: list[str] = []

    class Plain(BaseHTTPRequestHandler):
        def _any(self) -> None:
            seen.append(self.command)
            code = status if self.command == on else 204
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_OPTIONS = do_POST = do_HEAD = do_PATCH = _any

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Plain)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    b = make_bundle(tmp_path / "out", payload=20_000)
    try:
        with pytest.raises(NotTusServer) as e:
            uploader_url = f"http://127.0.0.1:{server.server_port}/files/"
            Uploader(uploader_url, retry=RetryPolicy(retries=5, base_delay=0.05)).upload(b.path)
    finally:
        server.shutdown()
        server.server_close()
    assert f"ответ {status}" in e.value.message and "upload_url" in e.value.message
    assert seen.count(on) == 1  # not retried as "temporary"
    assert not e.value.retry_later
