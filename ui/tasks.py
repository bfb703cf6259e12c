"""Work off the GUI thread: every engine call that can take time runs in a :class:`Task`.

A task runs ``fn(task)`` in the thread pool; ``task.cancel`` is a ``threading.Event`` the engine
functions take as their cancel signal, ``task.progress(obj)`` sends anything back. Results,
errors and progress arrive in the GUI thread through queued signals, so no widget is ever touched
from a worker. Progress is thinned out (at most one event per ``min_interval`` seconds, the last
one always delivered) so a fast engine cannot flood the event loop.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_running: set[Task] = set()


def pool() -> QThreadPool:
    """A pool of its own: workers mostly wait on disks and the network, so more threads than
    cores keep a slow update check from queueing the calendar behind it."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(6, QThreadPool.globalInstance().maxThreadCount()))
    return _pool


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[Task], Any], *, name: str = "",
                 min_interval: float = 0.05) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "task")
        self.cancel = threading.Event()
        self.signals = _Signals()  # created in the GUI thread: its signals are queued there
        self.min_interval = min_interval
        self._last = 0.0
        self._pending: Any = None
        self._lock = threading.Lock()
        self.finished = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    # called from the worker ------------------------------------------------------------------
    def progress(self, obj: Any, *, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last < self.min_interval:
                self._pending = obj
                return
            self._last = now
            self._pending = None
        self.signals.progress.emit(obj)

    def run(self) -> None:
        try:
            self.result = self.fn(self)
        except BaseException as exc:  # handed to the GUI, which explains it
            self.error = exc
            if not _expected(exc):
                log.error("task %s failed:\n%s", self.name, traceback.format_exc())
            with self._lock:
                pending, self._pending = self._pending, None
            if pending is not None:
                self.signals.progress.emit(pending)
            self.signals.failed.emit(exc)
        else:
            with self._lock:
                pending, self._pending = self._pending, None
            if pending is not None:
                self.signals.progress.emit(pending)
            self.signals.done.emit(self.result)
        finally:
            self.finished.set()
            self.signals.finished.emit()


def _expected(exc: BaseException) -> bool:
    from collector.errors import CollectorError

    return isinstance(exc, CollectorError)


def start(fn: Callable[[Task], Any], *, on_done: Callable[[Any], None] | None = None,
          on_error: Callable[[BaseException], None] | None = None,
          on_progress: Callable[[Any], None] | None = None, name: str = "",
          min_interval: float = 0.05, context: QObject | None = None) -> Task:
    """Run ``fn(task)`` off the GUI thread; the callbacks run in the GUI thread.

    ``context``: a QObject whose destruction disconnects the callbacks (a page that is rebuilt
    when the language changes must not receive results meant for its predecessor)."""
    task = Task(fn, name=name, min_interval=min_interval)
    sig = task.signals
    for signal, callback in ((sig.done, on_done), (sig.failed, on_error),
                             (sig.progress, on_progress)):
        if callback is not None:
            signal.connect(_guarded(callback, context))
    _running.add(task)
    sig.finished.connect(lambda: QTimer.singleShot(0, lambda: _running.discard(task)))
    pool().start(task)
    return task


def _guarded(callback: Callable[[Any], None], context: QObject | None) -> Callable[[Any], None]:
    if context is None:
        return callback

    def call(value: Any) -> None:
        if shiboken6.isValid(context):
            callback(value)
    return call


def running() -> list[Task]:
    return [t for t in _running if not t.finished.is_set()]


def shutdown(timeout_ms: int = 15000) -> bool:
    """Cancel every task and wait for the workers (the engine cleans up its partial files)."""
    for t in list(_running):
        t.cancel.set()
    return pool().waitForDone(timeout_ms)
