"""Sending the archive while it is still being made: each finished volume goes by tus at once.

A :class:`StreamingUpload` is the :class:`collector.bundle.VolumeSink` of a
:class:`~collector.bundle.BundleWriter`: every volume but the first and the last is final as soon
as the writer moves on to the next one, so a worker thread uploads it while the next is being
compressed. Total time then tends to max(compress, upload) instead of their sum.

The set (contract with the desk, DELIVERY.md "Streamed sets"): volumes 2…N are uploads with
``set`` (a random id of this set) and ``volume`` = ``i``; **volume 1 comes last**, with
``volume`` = ``1/N``, the same ``set`` and ``parts`` = the upload ids of volumes 2…N in order.
Volume 1 is the commit: until it is complete the desk has nothing that looks like a request,
and its id is the request code, as for a set sent after collecting.

- The bundle is given up (a failure, a cancel) before it is whole: every upload of the set is
  deleted (tus termination), and the desk never had a volume 1.
- The bundle checked out and was published: :meth:`StreamingUpload.published` writes what was
  sent into delivery's upload state (``state.UploadState`` with ``set_id``), and the ordinary
  sending (``send.Sender`` → ``upload.Uploader``) goes on from there: the volumes still to go,
  then volume 1. A cancel or a failure from then on leaves that state behind, so sending again
  resumes instead of starting over.

:class:`SendWhileCollecting` is what a collection asks of delivery (``collect --send``,
«Собрать и отправить»): the line's speed (the last upload's, or a short probe), volumes sized
for the overlap, and the sink. The speed measured while sending is kept
(``collector.bundle.preset.record_uplink``) for the next adaptive choice of the preset.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from collector import __version__
from collector.bundle.hashing import sha256_of_file
from collector.bundle.preset import (
    first_volumes_for,
    last_uplink,
    record_uplink,
    volume_size_for,
)
from collector.delivery.state import PartState, UploadState, UploadStore, public_url, upload_key
from collector.errors import Cancelled

log = logging.getLogger("collector.delivery")

PORTION = 16 << 20  # bytes per PATCH at most
MIN_PORTION = 256 << 10
ATTEMPTS = 4  # per volume, each resuming where the server says it stopped
MIN_STREAMED_ARCHIVE = 8 << 20  # smaller archives: sending after collecting is as quick


class _Paused(Exception):
    pass


class StreamingUpload:
    """Uploads finished volumes of one bundle by tus while the bundle is still being written."""

    def __init__(self, client: Any, bundle: str, metadata: dict[str, str], *,
                 cancel: threading.Event | None = None,
                 on_sent: Callable[[int], None] | None = None,
                 store: UploadStore | None = None) -> None:
        self.client = client
        self.bundle = bundle
        self.metadata = dict(metadata)
        self.cancel = cancel or threading.Event()
        self.on_sent = on_sent
        self.store = store
        self.set_id = uuid.uuid4().hex
        self.sent = 0  # bytes the server confirmed
        self.send_seconds = 0.0  # time spent in PATCH requests
        self.uploads: dict[int, str] = {}  # volume index (from 0) → upload URL, once complete
        self.errors: dict[int, BaseException] = {}
        self._begun: dict[int, str] = {}  # volume index → URL of an upload begun, not complete
        self._created: list[str] = []
        self._queue: queue.Queue[tuple[int, Path] | None] = queue.Queue()
        self._idle = threading.Condition()
        self._busy = 0
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._pausing = threading.Event()

    # --- VolumeSink (called by the writer) ---------------------------------------------------
    def volume_final(self, index: int, path: Path) -> None:
        if self._stopped:
            return
        with self._idle:
            self._busy += 1
        self._queue.put((index, path))
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="overlap-upload", daemon=True)
            self._thread.start()

    def release(self) -> None:
        """Let go of the ``.part`` files (the writer renames them next): the volume being sent
        stops after its current portion (the ordinary sending resumes it from the renamed
        file); volumes still queued are left to it too."""
        self._pausing.set()
        with self._idle:
            while self._busy and not self.cancel.is_set():
                self._idle.wait(0.2)
        if self.cancel.is_set():
            raise Cancelled()

    def abort(self) -> None:
        """The bundle is being deleted: stop, and take the set off the server."""
        self._stop()
        for url in self._created:
            with contextlib.suppress(Exception):
                self.client.delete(url)
        self._created.clear()
        self.uploads.clear()
        self._begun.clear()

    def published(self, paths: list[Path], sha256s: list[str]) -> None:
        """The bundle is whole, checked and renamed (``paths``, with their ``sha256s``): what
        was sent becomes the upload state the ordinary sending goes on from. From here on the
        uploads are the state's: nothing in this object deletes them any more."""
        self._stop()
        record_uplink(self.speed())
        sent = {**self._begun, **self.uploads}
        if self.store is not None and len(paths) > 1 and self.uploads:
            self.store.save(UploadState(
                key=upload_key(self.client.endpoint, paths),
                endpoint=public_url(self.client.endpoint), bundle=self.bundle,
                set_id=self.set_id, parts=[
                    PartState(p.name, p.stat().st_size, p.stat().st_mtime_ns, sha,
                              url=sent.get(i, ""), done=i in self.uploads)
                    for i, (p, sha) in enumerate(zip(paths, sha256s, strict=True))]))
            log.info("%d of %d volumes of %s sent while collecting", len(self.uploads),
                     len(paths), self.bundle)
        else:  # nothing worth going on from: no half set stays on the server
            self.abort()
        self._created.clear()

    def speed(self) -> float | None:
        """Bytes per second while sending, or None before anything measurable was sent."""
        if self.sent < 256 * 1024 or self.send_seconds <= 0:
            return None
        return self.sent / self.send_seconds

    # --- internals -----------------------------------------------------------------------------
    def _stop(self) -> None:
        self._stopped = True
        self._pausing.set()
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            index, path = item
            try:
                if not self.cancel.is_set() and not self._pausing.is_set():
                    self.uploads[index] = self._send(index, path)
                    self._begun.pop(index, None)
            except (_Paused, Cancelled):
                pass  # a volume begun is sent on from where it stopped, after publishing
            except Exception as exc:  # sent again afterwards; the bundle is never at stake
                log.info("streamed volume %d not sent: %s", index + 1, exc)
                self.errors[index] = exc
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

    def _send(self, index: int, path: Path) -> str:
        """Upload the final volume ``path`` whole, pausable; its upload URL."""
        size = path.stat().st_size
        meta = {**self.metadata, "filename": path.name.removesuffix(".part"),
                "filetype": "application/octet-stream", "size": str(size),
                "sha256": sha256_of_file(path, self.cancel), "bundle": self.bundle,
                "set": self.set_id, "volume": str(index + 1)}
        url = self.client.create(size, meta)
        self._created.append(url)
        self._begun[index] = url
        offset = attempt = 0
        while offset < size:
            if self.cancel.is_set():
                raise Cancelled()
            if self._pausing.is_set():
                raise _Paused()
            length = min(self._portion(), size - offset)
            started = time.monotonic()
            try:
                new = _patch(self.client, url, path, offset, length, self._count)
            except Cancelled:
                raise
            except Exception:
                attempt += 1
                if attempt >= ATTEMPTS:
                    raise
                offset, _length = self.client.head(url)
                continue
            self.send_seconds += time.monotonic() - started
            if new <= offset:
                raise RuntimeError(f"the server did not move past {offset} of {path.name}")
            self.sent += new - offset
            offset, attempt = new, 0
        return url

    def _portion(self) -> int:
        """About 5 s on the line (so that a pause comes soon), 256 KiB to 16 MiB."""
        speed = self.speed()
        if speed is None:
            return MIN_PORTION
        return int(max(MIN_PORTION, min(PORTION, speed * 5)))

    def _count(self, n: int) -> None:
        if self.on_sent is not None:
            self.on_sent(n)


def _patch(client: Any, url: str, path: Path, offset: int, length: int,
           on_sent: Callable[[int], None]) -> int:
    """One PATCH of ``length`` bytes of ``path`` from ``offset``; the server's new offset."""
    from collector.delivery.tus import _FileSlice

    return client.patch(url, _FileSlice(path, offset, length, on_sent, client.cancel.is_set))


# --- what a collection asks of delivery ----------------------------------------------------------

class SendWhileCollecting:
    """The delivery side of a collection that is sent as it is made (``CollectOptions.delivery``).

    With an upload server (``upload_url``) the archive is written in volumes sized for the line
    and each finished volume is on its way while the next is compressed; without one nothing is
    streamed and the bundle is sent after collecting, as «Отправить» does. Either way the
    sending itself ends in ``Sender.send`` on the published bundle (``collect --send``, the
    GUI's result page).
    """

    def __init__(self, settings: Any, *, upload_url: str | None = None,
                 token: str | None = None, cancel: threading.Event | None = None,
                 on_sent: Callable[[int], None] | None = None,
                 data_root: Path | None = None) -> None:
        self.settings = settings
        self.named_upload = upload_url  # given by the caller rather than the settings
        self.upload_url = settings.upload_url if upload_url is None else upload_url
        self.token = settings.upload_token if token is None else token
        self.cancel = cancel or threading.Event()
        self.on_sent = on_sent
        self.data_root = data_root
        self.streaming: StreamingUpload | None = None
        self._client: Any = None

    @property
    def streams(self) -> bool:
        return bool(self.upload_url)

    def prepare(self, facts: dict[str, Any]) -> None:
        """Before the plan, once the installation is known (``facts``: the manifest's so far):
        the upload server this bundle may go to — the one ``Sender.route`` will choose for it,
        none for a demo without a server on this PC or a build with a desk of its own — and
        the line's speed, for the preset."""
        from collector.delivery.bundlefile import BundleInfo
        from collector.delivery.send import Sender
        from collector.delivery.tus import DeliveryError

        sender = Sender(self.settings, upload_url=self.named_upload, data_root=self.data_root)
        try:
            sender.route(BundleInfo(demo=facts.get("demo") is True, manifest=facts,
                                    gbs_id=str(facts.get("gbs_id") or "")))
        except DeliveryError:
            self.upload_url = ""  # it is refused when sent, with the reason; nothing goes now
        else:
            self.upload_url = sender.upload_url
        self.measure_uplink()

    def measure_uplink(self) -> float | None:
        """The last upload's speed (bytes/s); a short probe when nothing was measured yet."""
        speed = last_uplink(self.data_root)
        if speed is None and self.streams:
            speed = probe_uplink(self._tus(), cancel=self.cancel)
            record_uplink(speed, self.data_root)
        return speed

    def volume_size(self, archive_bytes: int) -> int | None:
        """Volumes for the overlap (None: one file, nothing to stream)."""
        if not self.streams or archive_bytes < MIN_STREAMED_ARCHIVE:
            return None
        return volume_size_for(last_uplink(self.data_root), archive_bytes)

    def first_volumes(self, volume_size: int | None) -> tuple[int, ...]:
        """Small volumes ahead of ``volume_size`` ones, so that sending starts early."""
        if not self.streams or volume_size is None:
            return ()
        return first_volumes_for(volume_size)

    def sink(self, bundle: str) -> StreamingUpload | None:
        """The writer's volume sink for the bundle named ``bundle`` (``X.7z``)."""
        if not self.streams:
            return None
        from collector.delivery.bundlefile import info_from_name

        facts = info_from_name(bundle)
        self.streaming = StreamingUpload(
            self._tus(), bundle, {"gbs_id": facts.gbs_id, "problem_date": facts.problem_date,
                                  "collector_version": __version__},
            cancel=self.cancel, on_sent=self.on_sent, store=UploadStore(self.data_root))
        return self.streaming

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _tus(self) -> Any:
        if self._client is None:
            from collector.delivery.upload import tus_client_from_settings

            self._client = tus_client_from_settings(self.settings, self.upload_url, self.token,
                                                    cancel=self.cancel)
        return self._client


# --- measuring the line ------------------------------------------------------------------------

def probe_uplink(client: Any, *, seconds: float = 2.0, size: int = 4 << 20,
                 cancel: threading.Event | None = None) -> float | None:
    """Measure the uplink with a short upload of random bytes that is deleted afterwards:
    bytes per second, or None when the server could not be reached."""
    import os
    import tempfile

    with tempfile.NamedTemporaryFile(prefix="gbs-probe-", delete=False) as f:
        f.write(os.urandom(size))
        probe = Path(f.name)
    url = None
    try:
        url = client.create(size, {"filename": "probe.bin", "probe": "1",
                                   "sha256": hashlib.sha256(probe.read_bytes()).hexdigest()})
        sent = 0
        started = time.monotonic()
        stop = threading.Event()

        def on_sent(n: int) -> None:
            nonlocal sent
            sent += n
            if time.monotonic() - started >= seconds:
                stop.set()

        offset = 0
        while offset < size and not stop.is_set():
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            piece = 256 * 1024
            offset = _patch(client, url, probe, offset, min(piece, size - offset), on_sent)
        elapsed = time.monotonic() - started
        return offset / elapsed if elapsed > 0 and offset else None
    except Cancelled:
        raise
    except Exception as exc:
        log.info("uplink probe failed: %s", exc)
        return None
    finally:
        if url is not None:
            with contextlib.suppress(Exception):
                client.delete(url)
        probe.unlink(missing_ok=True)
