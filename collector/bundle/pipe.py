"""A bounded in-memory pipe between a producer thread (the database backup) and the archive."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from collector.bundle.names import CHUNK
from collector.errors import Cancelled


class _PipeClosed(BrokenPipeError):
    pass


class ProducerPipe:
    """A bounded in-memory pipe: a producer thread writes, the compressor reads.

    A fixed ring of ``capacity`` bytes: a faster producer blocks in ``write`` until the
    compressor has taken data out, so memory does not grow with the stream. ``abort()`` wakes
    both sides: the producer's next ``write`` raises ``BrokenPipeError``, so a backup stops soon
    after the archive failed or was cancelled.
    """

    def __init__(self, capacity: int = 4 * CHUNK, cancel: threading.Event | None = None) -> None:
        self.capacity = capacity
        self.cancel = cancel
        self._ring = bytearray(capacity)
        self._start = 0  # first unread byte
        self._count = 0  # unread bytes
        self._eof = False
        self._aborted = False
        self._cond = threading.Condition()
        self.error: BaseException | None = None
        self.writer = _PipeWriter(self)

    # producer side
    def put(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            with self._cond:
                while (self._count == self.capacity and not self._aborted
                       and not self._cancelled()):
                    self._cond.wait(0.2)
                if self._aborted or self._cancelled() or self._eof:
                    raise _PipeClosed("архив больше не принимает данные")
                end = (self._start + self._count) % self.capacity
                room = min(self.capacity - self._count, self.capacity - end, len(view) - done)
                self._ring[end:end + room] = view[done:done + room]
                self._count += room
                done += room
                self._cond.notify_all()
        return done

    @property
    def finished(self) -> bool:
        """The producer has returned (or raised)."""
        return self._eof

    def finish(self, error: BaseException | None = None) -> None:
        with self._cond:
            self.error = error
            self._eof = True
            self._cond.notify_all()

    # consumer side
    def read(self, n: int = -1) -> bytes:
        with self._cond:
            while not self._count and not self._eof:
                if self._cancelled():
                    raise Cancelled()
                self._cond.wait(0.2)
            if not self._count:
                return b""
            n = self._count if n is None or n < 0 else min(n, self._count)
            first = min(n, self.capacity - self._start)
            out = bytes(self._ring[self._start:self._start + first])
            if first < n:
                out += self._ring[:n - first]
            self._start = (self._start + n) % self.capacity
            self._count -= n
            self._cond.notify_all()
            return out

    def abort(self) -> None:
        with self._cond:
            self._aborted = True
            self._count = 0
            self._cond.notify_all()

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()


class _PipeWriter(io.RawIOBase):
    """The file object a producer writes into."""

    def __init__(self, pipe: ProducerPipe) -> None:
        super().__init__()
        self._pipe = pipe

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:  # type: ignore[override]
        return self._pipe.put(b)


def run_producer(pipe: ProducerPipe, producer: Callable[[BinaryIO], Any]) -> threading.Thread:
    """Start ``producer(pipe.writer)`` on its own thread; its end or failure ends the stream."""

    def target() -> None:
        try:
            producer(pipe.writer)  # type: ignore[arg-type]
        except BaseException as exc:  # handed over to the consumer
            pipe.finish(exc)
        else:
            pipe.finish(None)

    thread = threading.Thread(target=target, name="bundle-producer", daemon=True)
    thread.start()
    return thread


