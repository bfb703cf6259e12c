"""Collecting and sending in one go (``collect --send``, «Собрать и отправить»): the finished
volumes travel to the real tus server on loopback while the rest of the archive is made, the
loopback intake gets exactly one POST once the bundle is whole and checked, and a failure, a
cancel or a rerun never leaves a request that looks complete nor sends a volume twice."""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from pathlib import Path

import pytest

from collector.bundle import MIN_VOLUME_SIZE
from collector.delivery import Outbox, Sender
from collector.delivery.outbox import SENT, WAITING
from collector.delivery.overlap import SendWhileCollecting
from collector.delivery.state import UploadStore
from collector.delivery.tus import DeliveryError
from collector.errors import Cancelled
from collector.pipeline import Collection, CollectOptions, ProgressEvent
from collector.settings import Settings
from collector.sysroot import SystemRoot
from tests import netguard
from tests.conftest import DEMO_TODAY
from tests.intake_server import IntakeServer
from tests.tus_server import fixtures
from tests.tus_server.fixtures import cli, cli_env, write_settings

clean_env, tus = fixtures.clean_env, fixtures.tus  # pytest fixtures used by name below


@pytest.fixture
def intake(tmp_path: Path):
    with IntakeServer(tmp_path / "intake") as server:
        yield server


def settings(intake_url: str, upload_url: str = "", **kw) -> Settings:
    values = {**netguard.LOOPBACK_SETTINGS, "intake_url": intake_url, "upload_url": upload_url,
              "upload_retries": 2, "upload_retry_delay_s": 0.05, "stall_timeout_s": 20.0,
              "intake_reply_timeout_s": 20.0, **kw}
    return Settings(**values)  # type: ignore[arg-type]


def meta(tus, upload_id: str) -> dict[str, str]:
    raw = tus.info(upload_id).get("metadata") or {}
    if isinstance(raw, str):
        return {k: base64.b64decode(v).decode() for k, v in
                (pair.split(" ") for pair in raw.split(","))}
    return {k: (v or "") for k, v in raw.items()}


class Streamed:
    """Counts what the streamed volumes put on the line; set once a whole volume went."""

    def __init__(self) -> None:
        self.bytes = 0
        self.one_volume = threading.Event()

    def __call__(self, n: int) -> None:
        self.bytes += n
        if self.bytes >= MIN_VOLUME_SIZE:
            self.one_volume.set()


def collect(root: Path, out: Path, delivery: SendWhileCollecting, *,
            at_request_end=None, cancel: threading.Event | None = None):
    """The demo collected with ``delivery``; ``at_request_end()`` runs once the request step is
    done: the archive's database and request are written, its manifest and check not yet."""
    def progress(ev: ProgressEvent) -> None:
        if ev.step == "request" and ev.step_fraction >= 1.0 and at_request_end is not None:
            at_request_end()

    options = CollectOptions(problem_date=DEMO_TODAY, out_dir=out, volume_size=MIN_VOLUME_SIZE,
                             delivery=delivery)
    try:
        return Collection(SystemRoot.from_arg(root), options, progress=progress,
                          cancel=cancel).run()
    finally:
        delivery.close()


def the_set(tus) -> tuple[str, list[str]]:
    """Volume 1 of the one streamed set on the server, and the parts it names."""
    heads = [u for u in tus.uploads() if meta(tus, u).get("volume", "").startswith("1/")]
    assert len(heads) == 1, heads
    return heads[0], meta(tus, heads[0])["parts"].split(",")


def test_volumes_go_while_collecting_and_the_desk_gets_one_task(
        clean_env, big_demo_template, tus, intake, tmp_path):
    s = settings(intake.url, tus.url)
    streamed = Streamed()
    during: list[tuple[bool, int]] = []
    result = collect(big_demo_template.root, tmp_path / "out",
                     SendWhileCollecting(s, on_sent=streamed),
                     at_request_end=lambda: during.append(
                         (streamed.one_volume.wait(60), len(intake.posts))))
    # A whole volume reached the upload server before the archive was finished, and the
    # intake had nothing yet: the request text goes once the bundle is whole and checked.
    assert during == [(True, 0)]
    paths = result.paths
    assert len(paths) >= 3 and paths[0].name.endswith(".7z.001")
    assert UploadStore().all()[0].set_id  # what was streamed is kept to go on from

    sent = Sender(s).send(paths[0])

    assert sent.request_number == "50001" and sent.large_part == "tus"
    assert [p.outcome for p in intake.posts] == ["task"]
    post = intake.tasks[50001]
    assert post.file is not None and post.file.filename.endswith("_no-db.7z")
    assert "отправлен, пока собирался" in post.message
    head, parts = the_set(tus)
    head_meta = meta(tus, head)
    assert head_meta["intake_task"] == "50001" and head_meta["volume"] == f"1/{len(paths)}"
    # The desk joins volume 1 and the parts it names: exactly the bundle, no byte sent twice.
    assert b"".join(tus.data(u) for u in [head, *parts]) == \
        b"".join(p.read_bytes() for p in paths)
    for u in [head, *parts]:
        assert tus.announced(u) == tus.size(u)
    assert sorted(tus.uploads()) == sorted([head, *parts])  # the probe left nothing
    entry = Outbox().find(paths[0])
    assert entry is not None and entry.status == SENT and entry.request_code == "50001"


def test_volumes_sized_for_sending_start_small(clean_env, big_demo_template, tus, intake,
                                              tmp_path, monkeypatch):
    """Sized by delivery (no size asked), the first volumes are small and grow to the steady
    size: the first streamed volume is on its way early, and volume 1, sent last, is quick."""
    import collector.bundle.preset as preset

    monkeypatch.setattr(preset, "FIRST_VOLUME", 64 << 10)  # the demo's archive is small

    class Sized(SendWhileCollecting):
        def volume_size(self, archive_bytes: int) -> int:
            return 256 << 10

    s = settings(intake.url, tus.url)
    delivery = Sized(s)
    options = CollectOptions(problem_date=DEMO_TODAY, out_dir=tmp_path / "out",
                             delivery=delivery)
    try:
        result = Collection(SystemRoot.from_arg(big_demo_template.root), options).run()
    finally:
        delivery.close()
    sizes = [p.stat().st_size for p in result.paths]
    assert len(sizes) >= 4 and sizes[:3] == [64 << 10, 128 << 10, 256 << 10], sizes
    sent = Sender(s).send(result.paths[0])
    assert sent.request_number == "50001"
    head, parts = the_set(tus)
    assert b"".join(tus.data(u) for u in [head, *parts]) == \
        b"".join(p.read_bytes() for p in result.paths)


def test_a_failure_after_collecting_resumes_and_never_sends_twice(
        clean_env, big_demo_template, tus, intake, tmp_path):
    result = collect(big_demo_template.root, tmp_path / "out",
                     SendWhileCollecting(settings(intake.url, tus.url)))
    paths = result.paths
    down = settings(f"{netguard.NOWHERE}/intake", tus.url, upload_retries=1)
    with pytest.raises(DeliveryError):
        Sender(down).send(paths[0])
    # The intake was not reached: no task, and no volume 1 at the upload server, so nothing
    # there looks like a request; the bundle waits in the outbox.
    assert intake.posts == []
    assert not any(meta(tus, u).get("volume", "").startswith("1/") for u in tus.uploads())
    entry = Outbox().find(paths[0])
    assert entry is not None and entry.status == WAITING

    sent = Sender(settings(intake.url, tus.url)).send(paths[0])

    assert sent.request_number == "50001" and len(intake.posts) == 1
    head, parts = the_set(tus)
    assert b"".join(tus.data(u) for u in [head, *parts]) == \
        b"".join(p.read_bytes() for p in paths)
    for u in [head, *parts]:
        assert tus.announced(u) == tus.size(u)  # the rerun sent only what was missing


def test_cancel_while_sending_keeps_what_went_and_goes_on_later(
        clean_env, big_demo_template, tus, intake, tmp_path):
    result = collect(big_demo_template.root, tmp_path / "out",
                     SendWhileCollecting(settings(intake.url, tus.url)))
    cancel = threading.Event()

    def progress(p) -> None:
        if p.phase == "upload":
            cancel.set()  # «Отменить отправку» with the rest under way

    with pytest.raises(Cancelled):
        Sender(settings(intake.url, tus.url), on_progress=progress, cancel=cancel
               ).send(result.paths[0])
    entry = Outbox().find(result.paths[0])
    assert entry is not None and entry.status == WAITING
    assert len(intake.posts) <= 1
    if intake.posts:  # the task was made: what is left is its large part, nothing more
        assert entry.request_code == "50001" and entry.large_part == "pending"

    sent = Sender(settings(intake.url, tus.url)).send(result.paths[0])
    assert sent.request_number == "50001" and len(intake.posts) == 1
    head, parts = the_set(tus)
    assert b"".join(tus.data(u) for u in [head, *parts]) == \
        b"".join(p.read_bytes() for p in result.paths)


def test_cancel_while_collecting_takes_the_volumes_back(
        clean_env, big_demo_template, tus, intake, tmp_path):
    cancel = threading.Event()
    streamed = Streamed()
    out = tmp_path / "out"

    def stop() -> None:
        assert streamed.one_volume.wait(60)  # something is at the upload server already
        cancel.set()

    with pytest.raises(Cancelled):
        collect(big_demo_template.root, out, SendWhileCollecting(
            settings(intake.url, tus.url), on_sent=streamed, cancel=cancel),
            at_request_end=stop, cancel=cancel)
    assert tus.uploads() == []  # taken back: nothing there looks like a request
    assert intake.posts == []
    assert UploadStore().all() == []  # and nothing to go on from: there is no bundle
    assert not out.exists() or list(out.iterdir()) == []


def test_collect_send_on_the_command_line_prints_the_number(
        clean_env, big_demo_template, intake, tmp_path):
    write_settings(clean_env["settings"], intake_url=intake.url)
    out = tmp_path / "out"
    res = subprocess.run(cli("collect", "--root", str(big_demo_template.root), "--date",
                             DEMO_TODAY.isoformat(), "--out", str(out), "--send", "--json"),
                         capture_output=True, text=True, env=cli_env(), timeout=300)
    assert res.returncode in (0, 4), res.stderr
    data = json.loads(res.stdout)
    assert data["request_number"] == "50001" and data["send"]["channel"] == "intake"
    assert "Номер обращения: 50001" in res.stderr
    # No upload server: the whole bundle went with the text, in one POST, after collecting.
    bundle = Path(data["bundle"][0])
    assert [p.outcome for p in intake.posts] == ["task"]
    assert intake.tasks[50001].file.data() == bundle.read_bytes()
    assert "--send" in data["manifest"]["command"]


def test_collect_send_without_an_address_stops_before_collecting(clean_env, big_demo_template,
                                                                  tmp_path):
    write_settings(clean_env["settings"], intake_url="", upload_url="")
    out = tmp_path / "out"
    res = subprocess.run(cli("collect", "--root", str(big_demo_template.root), "--date",
                             DEMO_TODAY.isoformat(), "--out", str(out), "--send"),
                         capture_output=True, text=True, env=cli_env(), timeout=120)
    assert res.returncode == 2
    assert "отправить сразу нельзя" in res.stderr
    assert not out.exists()


def test_a_demo_never_streams_to_a_real_server(clean_env, big_demo_template, tmp_path):
    # Addresses off this PC: the demo's archive must not go there, not even a probe or a volume
    # (the network guard fails the test at the first attempt to reach them).
    s = settings("https://intake.example.invalid/webhook", "https://upload.example.invalid/files/")
    delivery = SendWhileCollecting(s)
    result = collect(big_demo_template.root, tmp_path / "out", delivery)
    assert result.paths and not delivery.streams and delivery.streaming is None
    assert UploadStore().all() == []
