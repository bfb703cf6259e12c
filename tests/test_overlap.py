"""Sending volumes while the archive is still being made (collector.delivery.overlap), against
the real tus server on loopback: what reaches the desk, in which order, and after a cancel."""

from __future__ import annotations

import base64
import random
import threading
from pathlib import Path

import pytest

from collector.bundle import BundleWriter
from collector.bundle.preset import MIN_SAMPLE, last_uplink
from collector.delivery.overlap import StreamingUpload, probe_uplink
from collector.delivery.state import UploadStore
from collector.delivery.tus import RetryPolicy, TusClient
from collector.delivery.upload import Uploader
from collector.errors import Cancelled
from tests.tus_server import fixtures

clean_env, tus = fixtures.clean_env, fixtures.tus  # pytest fixtures used by name below

VOLUME = 96 << 10
SMALL = {"dict_size": 1 << 20, "block_size": 128 << 10, "volume_size": VOLUME}


def noise(n: int, seed: int) -> bytes:
    """Barely compressible, so that the archive has many volumes."""
    return random.Random(seed).randbytes(n)


def meta_of(tus, upload_id: str) -> dict[str, str]:
    info = tus.info(upload_id)
    raw = info.get("metadata") or {}
    if isinstance(raw, str):  # "key b64,key b64"
        return {k: base64.b64decode(v).decode() for k, v in
                (pair.split(" ") for pair in raw.split(","))}
    return {k: (v or "") for k, v in raw.items()}


class Watching(StreamingUpload):
    """Tells the test when the first streamed volume is complete on the server."""

    def __init__(self, *args, **kw) -> None:
        super().__init__(*args, **kw)
        self.first_done = threading.Event()

    def _send(self, index, path):
        url = super()._send(index, path)
        self.first_done.set()
        return url


def client(tus) -> TusClient:
    return TusClient(tus.url, retry=RetryPolicy(retries=3, base_delay=0.05))


def check_set(tus, head_id: str, paths: list[Path], set_id: str) -> list[str]:
    """The set as the desk joins it: volume 1 names volumes 2…N in order, and together they are
    exactly the published archive. Returns the ids of volumes 2…N."""
    n = len(paths)
    head = meta_of(tus, head_id)
    assert head["volume"] == f"1/{n}" and head["set"] == set_id
    parts = head["parts"].split(",")
    assert len(parts) == n - 1
    joined = b"".join(tus.data(u) for u in [head_id, *parts])
    assert joined == b"".join(p.read_bytes() for p in paths)
    for i, u in enumerate(parts, start=2):
        m = meta_of(tus, u)
        assert m["volume"] == str(i) and m["set"] == set_id
        assert m["filename"] == paths[i - 1].name
    return parts


def test_volumes_reach_the_desk_while_the_archive_is_written(clean_env, tus, tmp_path: Path):
    data = noise(2 * MIN_SAMPLE + 600_000, 1)  # streamed or sent after: one measures the line
    c = client(tus)
    sink = Watching(c, "GBS-Support_X.7z", {"gbs_id": "6:ABC"}, store=UploadStore())
    seen_while_writing = []

    def producer(out) -> None:
        out.write(data[:700_000])
        # The rest waits until a finished volume is on the server: only an upload that runs
        # while the archive is being made lets this producer end.
        seen_while_writing.append(sink.first_done.wait(60))
        out.write(data[700_000:])

    with BundleWriter(tmp_path / "out", "GBS-Support_X", volume_sink=sink, **SMALL) as w:
        w.add_stream("database/main.fbk", producer)
        result = w.finish({"schema": "gbs-support-bundle/1"})
    assert seen_while_writing == [True]
    streamed = set(tus.uploads())
    assert streamed and sink.uploads
    c.close()

    # The ordinary sending goes on from what was streamed: the rest, volume 1 last.
    up = Uploader(tus.url)
    res = up.upload(result.paths[0])
    up.close()
    assert res is not None
    first = res.request.upload_id
    n = len(result.paths)
    assert n >= 4
    parts = check_set(tus, first, result.paths, sink.set_id)
    assert streamed <= set(parts)
    for u in streamed:  # nothing streamed was sent twice
        assert tus.announced(u) == tus.size(u)
    # Volume 1 was created last: it is the commit, nothing before it names the request.
    assert sorted(tus.uploads()) == sorted([first, *parts])
    order = [r["id"] for r in tus.patches()]
    assert first in order and set(order[order.index(first):]) == {first}
    assert last_uplink() is not None  # the speed is kept for the next adaptive choice


def test_cancel_part_way_leaves_the_desk_nothing(clean_env, tus, tmp_path: Path):
    data = noise(1_200_000, 2)
    cancel = threading.Event()
    c = client(tus)
    sink = Watching(c, "GBS-Support_Y.7z", {}, cancel=cancel, store=UploadStore())

    def producer(out) -> None:
        out.write(data[:700_000])
        assert sink.first_done.wait(60)
        cancel.set()  # as if «Отменить» was pressed with volumes already at the desk
        out.write(data[700_000:])

    with pytest.raises(Cancelled), BundleWriter(tmp_path / "out", "GBS-Support_Y", cancel=cancel,
                                                volume_sink=sink, **SMALL) as w:
        w.add_stream("database/main.fbk", producer)
        w.finish({})
    c.close()
    assert list((tmp_path / "out").iterdir()) == []
    assert any(r.get("method") == "PATCH" for r in tus.stats())  # something had been sent
    assert tus.uploads() == []  # and was taken back: no set, no commit
    assert UploadStore().all() == []  # and nothing to resume: there is no bundle


def test_probe_measures_and_leaves_nothing(clean_env, tus):
    c = client(tus)
    speed = probe_uplink(c, seconds=0.3, size=1 << 20)
    c.close()
    assert speed is not None and speed > 0
    assert tus.uploads() == []
