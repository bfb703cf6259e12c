"""Sending the archive while it is still being made: each finished volume goes by tus at once.

A :class:`StreamingUpload` is the :class:`collector.bundle.VolumeSink` of a
:class:`~collector.bundle.BundleWriter`: every volume but the first and the last is final as soon
as the writer moves on to the next one, so a worker thread uploads it while the next is being
compressed. Total time then tends to max(compress, upload) instead of their sum. When the
archive has checked out and been published, :meth:`StreamingUpload.complete` sends what is left:
the last volume, then volume 1 (whose start the writer rewrote at the very end).

The set (contract with the desk, DELIVERY.md "Streamed sets"): volumes 2…N are uploads with
``set`` (a random id of this set) and ``volume`` = ``i``; **volume 1 comes last**, with
``volume`` = ``1/N``, the same ``set`` and ``parts`` = the upload ids of volumes 2…N in order.
Volume 1 is the commit: until it is complete the desk has nothing that looks like a request,
and its id is the request code, as for a set sent after collecting. A failure or a cancel before
that deletes every upload of the set (tus termination); the bundle itself stays on disk whenever
it was finished, and the ordinary ``upload`` sends it again (resumable from there).

The speed measured while sending is kept (``collector.bundle.preset.record_uplink``) for the next
adaptive choice of the compression preset; :func:`probe_uplink` measures it when nothing was
sent before.
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

from collector.bundle.hashing import sha256_of_file
from collector.bundle.preset import record_uplink
from collector.errors import Cancelled

log = logging.getLogger("collector.delivery")

PORTION = 16 << 20  # bytes per PATCH at most
MIN_PORTION = 256 << 10
ATTEMPTS = 4  # per volume, each resuming where the server says it stopped


class _Paused(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class StreamingUpload:
    """Uploads finished volumes of one bundle by tus while the bundle is still being written."""

    def __init__(self, client: Any, bundle: str, metadata: dict[str, str], *,
                 cancel: threading.Event | None = None,
                 on_sent: Callable[[int], None] | None = None) -> None:
        self.client = client
        self.bundle = bundle
        self.metadata = dict(metadata)
        self.cancel = cancel or threading.Event()
        self.on_sent = on_sent
        self.set_id = uuid.uuid4().hex
        self.sent = 0  # bytes the server confirmed
        self.send_seconds = 0.0  # time spent in PATCH requests
        self.uploads: dict[int, str] = {}  # volume index (from 0) → upload URL, once complete
        self.errors: dict[int, BaseException] = {}
        self._created: list[str] = []
        self._queue: queue.Queue[tuple[int, Path] | None] = queue.Queue()
        self._idle = threading.Condition()
        self._busy = 0
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._pausing = threading.Event()
        self._parked: dict[int, str] = {}  # volume index → URL of an upload begun, not finished

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
        stops after its current portion and is resumed by :meth:`complete` from the renamed
        file; volumes still queued wait for it too."""
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

    # --- after the writer published the bundle -------------------------------------------------
    def complete(self, paths: list[Path]) -> str:
        """Send what is left of the published volumes ``paths`` (in order), volume 1 last;
        returns volume 1's upload URL (its last segment is the request code)."""
        self._stop()
        try:
            n = len(paths)
            for index in range(1, n):  # whatever was not streamed (or failed), and the last
                if index not in self.uploads:
                    self.uploads[index] = self._send(paths[index], self._volume_meta(
                        index, n, paths), url=self._parked.pop(index, None))
            meta = self._volume_meta(0, n, paths)
            if n > 1:
                meta["parts"] = ",".join(self.uploads[i].rstrip("/").rsplit("/", 1)[-1]
                                         for i in range(1, n))
            self.uploads[0] = self._send(paths[0], meta)
        except BaseException:
            self.abort()
            raise
        record_uplink(self.speed())
        return self.uploads[0]

    def speed(self) -> float | None:
        """Bytes per second while sending, or None before anything measurable was sent."""
        if self.sent < 256 * 1024 or self.send_seconds <= 0:
            return None
        return self.sent / self.send_seconds

    # --- internals -----------------------------------------------------------------------------
    def _stop(self) -> None:
        self._stopped = True
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            index, path = item
            try:
                if not self.cancel.is_set() and not self._pausing.is_set():
                    self.uploads[index] = self._send(path, self._volume_meta(index, 0, [path]),
                                                     pausable=True)
            except _Paused as paused:
                self._parked[index] = paused.url
            except Cancelled:
                pass
            except Exception as exc:  # sent again by complete(); the bundle is never at stake
                log.info("streamed volume %d not sent: %s", index + 1, exc)
                self.errors[index] = exc
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

    def _volume_meta(self, index: int, n: int, paths: list[Path]) -> dict[str, str]:
        path = paths[index] if n else paths[0]
        name = path.name.removesuffix(".part")
        return {**self.metadata, "filename": name, "bundle": self.bundle, "set": self.set_id,
                "volume": f"1/{n}" if index == 0 else str(index + 1),
                "filetype": "application/x-7z-compressed" if n == 1
                else "application/octet-stream"}

    def _send(self, path: Path, meta: dict[str, str], *, url: str | None = None,
              pausable: bool = False) -> str:
        """Upload ``path`` whole (or go on with the upload at ``url``); its upload URL."""
        size = path.stat().st_size
        if url is None:
            meta = {**meta, "size": str(size), "sha256": sha256_of_file(path, self.cancel)}
            url = self.client.create(size, meta)
            self._created.append(url)
            offset = 0
        else:
            offset, _length = self.client.head(url)
        attempt = 0
        while offset < size:
            if self.cancel.is_set():
                raise Cancelled()
            if pausable and self._pausing.is_set():
                raise _Paused(url)
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
            offset = new
            attempt = 0
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
