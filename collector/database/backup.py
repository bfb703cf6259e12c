"""A consistent Firebird backup, streamed into the caller's writer as it is made.

The backup is gbak's format (``.fbk``), produced by Firebird itself, never a copy of the ``.fdb``:

* **server** (a shop PC: GBS.Market's own Firebird, ``localhost:3060``) — gbak attaches through
  the server like the program's own nightly backup does, so the running program can keep working;
  Firebird's snapshot transaction makes the copy consistent.
* **embedded** (under a system root) — the file is first copied to a private snapshot in a work
  folder and the backup is made from that copy. Any Firebird attachment writes to the database
  (header counters, transaction inventory), and the customer's file must not change by a single
  byte; the copy also works when the original sits on read-only media. The file is checked to be
  unchanged while it was copied; if it changed, something is using it and a server is needed.

Engines: ``gbak`` (a child process, verbose progress on stderr, backup on stdout) and ``services``
(firebird-driver's services API, for machines without gbak; progress by bytes only). Both write
into ``out`` chunk by chunk, so an archive writer can compress while the backup runs; memory use
stays flat whatever the database size.

Credentials: the Firebird defaults (SYSDBA/masterkey) first, then those a technician gave. gbak
gets them through its environment (``ISC_USER``/``ISC_PASSWORD``), never on its command line,
where every user of the PC could read them; the services engine passes them in-process.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from collector.database.facts import DatabaseFacts, embedded_facts, probe_server
from collector.database.failures import (
    DatabaseBackupError,
    classify,
    fail,
    from_exception,
    os_reason,
)
from collector.database.header import read_header_bytes
from collector.database.target import BackupTarget, Credentials, credential_chain
from collector.database.tools import attach_services, client_available, find_gbak
from collector.errors import Cancelled
from collector.i18n import _
from collector.winsys import scratch

log = logging.getLogger("collector.database")

CHUNK = 1 << 20  # bytes read from gbak's stdout at a time
COPY_CHUNK = 64 << 20  # bytes per snapshot copy step (cancel is checked between steps)
VERBOSE_INTERVAL = 20000  # gbak reports every this many records of a table
PROGRESS_EVERY_S = 0.2
SNAPSHOT_MARGIN = 64 << 20  # free space kept beyond the snapshot's size
KILL_GRACE_S = 5.0


@dataclass
class BackupProgress:
    """What the backup is doing; passed to the ``progress`` callback in the calling thread."""

    phase: str  # snapshot | connect | metadata | data | done
    bytes_written: int = 0  # backup bytes handed to ``out`` so far
    bytes_expected: int | None = None  # size of the database (an upper bound for the backup)
    snapshot_bytes: int = 0  # embedded: bytes of the private copy made so far
    snapshot_total: int | None = None
    tables_done: int = 0
    tables_total: int | None = None  # known once gbak has listed the tables
    table: str | None = None  # the table being written
    records: int = 0  # records written so far, all tables

    @property
    def fraction(self) -> float | None:
        """0..1 for a progress bar; None while unknown."""
        if self.phase == "done":
            return 1.0
        if self.phase == "snapshot":
            return (self.snapshot_bytes / self.snapshot_total * 0.2) if self.snapshot_total \
                else None
        parts = []
        if self.tables_total:
            parts.append(self.tables_done / self.tables_total)
        if self.bytes_expected:
            # A backup holds no index pages and packs records, so it is smaller than the file.
            parts.append(self.bytes_written / (self.bytes_expected * 0.8))
        if not parts:
            return None
        done = min(0.99, max(parts))
        return done if self.snapshot_total is None else 0.2 + 0.8 * done

    def message(self) -> str:
        if self.phase == "snapshot":
            return _("Копия файла базы для резервного копирования: {done} из {total} МБ",
                     done=self.snapshot_bytes >> 20, total=(self.snapshot_total or 0) >> 20)
        if self.phase == "connect":
            return _("Подключение к базе данных…")
        if self.phase == "metadata":
            return _("Структура базы данных…")
        if self.phase == "done":
            return _("Копия базы данных готова: {mb} МБ", mb=self.bytes_written >> 20)
        if self.table and self.tables_total:
            return _("Таблица {n} из {total}: {table}, записано {mb} МБ",
                     n=min(self.tables_done + 1, self.tables_total), total=self.tables_total,
                     table=self.table, mb=self.bytes_written >> 20)
        return _("Записано {mb} МБ", mb=self.bytes_written >> 20)


ProgressFn = Callable[[BackupProgress], None]


@dataclass
class BackupResult:
    bytes_written: int
    seconds: float
    engine: str  # gbak | services
    mode: str  # embedded | server
    facts: DatabaseFacts
    tables: int | None = None
    records: int | None = None
    credentials: str | None = None  # which login worked: default | technician (never the secret)
    snapshot_seconds: float | None = None

    def to_json(self) -> dict:
        return {
            "bytes": self.bytes_written,
            "seconds": round(self.seconds, 3),
            "engine": self.engine,
            "mode": self.mode,
            "tables": self.tables,
            "records": self.records,
            "credentials": self.credentials,
            "snapshot_seconds": None if self.snapshot_seconds is None
            else round(self.snapshot_seconds, 3),
            "database": self.facts.to_json(),
        }


# --- public API ----------------------------------------------------------------------------
def backup_database(
    target: BackupTarget,
    out: BinaryIO,
    *,
    credentials: list[Credentials] | None = None,
    progress: ProgressFn | None = None,
    cancel: threading.Event | None = None,
    engine: str = "auto",
    work_dir: Path | None = None,
    gbak: Path | None = None,
) -> BackupResult:
    """Write a gbak backup of ``target`` into ``out`` while it is produced.

    ``engine``: ``auto`` (gbak when found, else the services API), ``gbak`` or ``services``.
    ``work_dir``: where the embedded snapshot goes (default: the system temp folder).
    Raises :class:`~collector.errors.Cancelled` when ``cancel`` is set (the caller removes what it
    got so far) and :class:`DatabaseBackupError` with a Russian message and a ``reason`` otherwise.
    """
    cancel = cancel or threading.Event()
    where = dict(path=target.display, server=target.server_label)
    if target.networked:
        raise fail("networked", **where)
    started = time.monotonic()
    tracker = _Tracker(progress)
    chosen, tool = _choose_engine(engine, gbak, target, work_dir)

    if target.embedded or target.snapshot:
        facts = embedded_facts(target)
        tracker.state.bytes_expected = facts.size_bytes
        snap_started = time.monotonic()
        with _snapshot(target, work_dir, tracker, cancel) as snap:
            snapshot_seconds = time.monotonic() - snap_started
            snap_target = replace(target, database=str(snap), local_file=snap, snapshot=False)
            scratch.delete_after_reboot(snap)
            # Only a child process may keep the copy without a name: an engine inside this
            # process caches databases by file identity, and the freed inode of the copy may
            # come back as another database file later in a long-lived process.
            # A server is long-lived too: it gets the copy with its name.
            sink = _ReleaseOnFirstWrite(out, snap) if chosen == "gbak" and target.embedded \
                else out
            if target.embedded:
                stats = _run(chosen, tool, snap_target, None, sink, tracker, cancel, where)
                cred_source = None
            else:
                stats, cred, _probed = _server_backup(chosen, tool, snap_target, credentials,
                                                      sink, tracker, cancel, where)
                cred_source = cred.source if cred else None
    else:
        snapshot_seconds = None
        stats, cred, facts = _server_backup(chosen, tool, target, credentials, out, tracker,
                                            cancel, where)
        cred_source = cred.source if cred else None
    if stats.tables:
        tracker.note(tables_done=stats.tables, tables_total=stats.tables)
    tracker.update(phase="done", bytes_written=stats.bytes, force=True)
    return BackupResult(
        bytes_written=stats.bytes, seconds=time.monotonic() - started, engine=chosen,
        mode="embedded" if target.embedded else "server", facts=facts,
        tables=stats.tables, records=stats.records, credentials=cred_source,
        snapshot_seconds=snapshot_seconds)


def _server_backup(chosen: str, tool: Path | None, target: BackupTarget,
                   credentials: list[Credentials] | None, out: BinaryIO, tracker: _Tracker,
                   cancel: threading.Event, where: dict
                   ) -> tuple[_Stats, Credentials | None, DatabaseFacts]:
    tracker.update(phase="connect")
    cred: Credentials | None = None
    facts = None
    if client_available() is None:
        facts, cred = probe_server(target, credentials)
        tracker.state.bytes_expected = tracker.state.bytes_expected or facts.size_bytes
    if cred is not None:
        stats = _run(chosen, tool, target, cred, out, tracker, cancel, where)
    else:  # no client library in this process: let gbak try each login itself
        stats = _gbak_each_login(tool, target, credentials, out, tracker, cancel, where)
        cred = stats.cred
    if facts is None:
        facts = DatabaseFacts(path=target.display, engine="server",
                              server=target.server_label, size_bytes=None, page_size=None,
                              ods_version=None, server_version=None)
    return stats, cred, facts


def backup_to_file(target: BackupTarget, path: Path, **kwargs) -> BackupResult:
    """:func:`backup_database` into ``path``; on any failure or cancel the partial file is
    removed. The file appears under its name only when complete."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        f = open(partial, "wb")  # noqa: SIM115 - closed below, before the rename
    except OSError as exc:
        raise fail("no_space" if exc.errno == errno.ENOSPC else "output",
                   detail=f"{partial}: {exc.strerror or exc}", path=target.display,
                   server=target.server_label) from exc
    try:
        with f:
            result = backup_database(target, f, **kwargs)
        os.replace(partial, path)
        return result
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


# --- engine choice ---------------------------------------------------------------------------
def _choose_engine(engine: str, gbak: Path | None, target: BackupTarget,
                   work_dir: Path | None) -> tuple[str, Path | None]:
    where = dict(path=target.display, server=target.server_label)
    if engine not in ("auto", "gbak", "services"):
        raise ValueError(f"unknown engine {engine!r}")
    tool = gbak or (find_gbak() if engine != "services" else None)
    if engine == "gbak" and tool is None:
        raise fail("no_tool", detail=_("gbak не найден"), **where)
    names = [target.database]
    if target.embedded or target.snapshot:  # gbak opens the snapshot in the work folder
        names.append(str(work_dir or tempfile.gettempdir()))
    if engine == "gbak" or (engine == "auto" and tool is not None and _gbak_can_name(names)):
        return "gbak", tool
    problem = client_available()
    if problem is not None:
        raise fail("no_tool", detail=problem, **where)
    return "services", None


def _gbak_can_name(names: list[str]) -> bool:
    """gbak on Windows reads its command line in the ANSI code page (cp1251 on Russian
    Windows): a name outside it cannot reach gbak, the services engine takes such names."""
    if sys.platform != "win32":
        return True
    import locale

    try:
        for name in names:
            name.encode(locale.getpreferredencoding(False))
    except UnicodeEncodeError:
        return False
    return True


# --- progress --------------------------------------------------------------------------------
class _Tracker:
    """Collects progress from any thread; reports it only in the backup's own thread.

    A new table is a milestone: it is reported even when it arrives between two throttled
    reports (a small table may come and go within one chunk of output)."""

    def __init__(self, callback: ProgressFn | None) -> None:
        self.callback = callback
        self.state = BackupProgress(phase="connect")
        self.lock = threading.Lock()
        self.dirty = False
        self.pending: list[BackupProgress] = []
        self.last = 0.0

    def update(self, force: bool = False, **changes) -> None:
        self.note(**changes)
        if force or "phase" in changes:
            self.emit(force=True)

    def note(self, milestone: bool = False, **changes) -> None:
        """From any thread: remember now, report from :meth:`emit`."""
        with self.lock:
            for k, v in changes.items():
                setattr(self.state, k, v)
            self.dirty = True
            if milestone and self.callback is not None:
                self.pending.append(BackupProgress(**vars(self.state)))

    def emit(self, force: bool = False) -> None:
        if self.callback is None:
            return
        with self.lock:
            pending, self.pending = self.pending, []
        for p in pending:
            self.callback(p)
        now = time.monotonic()
        if not force and (not self.dirty or now - self.last < PROGRESS_EVERY_S):
            return
        with self.lock:
            snapshot = BackupProgress(**vars(self.state))
            self.dirty = False
        self.last = now
        self.callback(snapshot)


# --- embedded snapshot -------------------------------------------------------------------------
class _ReleaseOnFirstWrite:
    """The engine's first bytes of backup mean it has the copy open: from then on the copy
    needs no name (see :mod:`collector.winsys.scratch`)."""

    def __init__(self, out: BinaryIO, snap: Path) -> None:
        self._out = out
        self._snap: Path | None = snap

    def write(self, data) -> int:
        if self._snap is not None:
            scratch.release_name(self._snap)
            self._snap = None
        return self._out.write(data)

    def __getattr__(self, name: str):
        return getattr(self._out, name)


@contextlib.contextmanager
def _snapshot(target: BackupTarget, work_dir: Path | None, tracker: _Tracker,
              cancel: threading.Event):
    src = target.local_file
    assert src is not None
    where = dict(path=target.display, server=target.server_label)
    base = Path(work_dir) if work_dir else Path(tempfile.gettempdir())
    size = src.stat().st_size
    try:
        free = shutil.disk_usage(base).free
    except OSError as exc:
        raise fail("output", detail=f"{base}: {exc.strerror or exc}", **where) from exc
    if free < size + SNAPSHOT_MARGIN:
        raise fail("no_space", detail=_("в {folder} нужно {need} МБ, свободно {free} МБ",
                                        folder=base, need=(size + SNAPSHOT_MARGIN) >> 20,
                                        free=free >> 20), **where)
    folder = Path(tempfile.mkdtemp(prefix="gbs-db-", dir=base))
    snap = folder / (src.name or "main.fdb")  # the name gbak records inside the backup
    try:
        before = _file_state(src)
        tracker.update(phase="snapshot", snapshot_total=size, snapshot_bytes=0)
        try:
            _copy(src, snap, size, tracker, cancel)
        except OSError as exc:
            raise fail(os_reason(exc), detail=f"{exc.strerror or exc}", **where) from exc
        if _file_state(src) != before:
            raise fail("live_file", **where)
        yield snap
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _file_state(path: Path) -> tuple[int, int, bytes]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, read_header_bytes(path)


def _copy(src: Path, dst: Path, size: int, tracker: _Tracker, cancel: threading.Event) -> None:
    done = 0
    with open(src, "rb") as fi, open(dst, "xb") as fo:
        if sys.platform != "win32":
            os.fchmod(fo.fileno(), 0o600)
        in_kernel = hasattr(os, "copy_file_range")
        buf = None
        while True:
            if cancel.is_set():
                raise Cancelled()
            n = 0
            if in_kernel:
                try:
                    n = os.copy_file_range(fi.fileno(), fo.fileno(), COPY_CHUNK)
                except OSError as exc:
                    if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL,
                                         errno.EOPNOTSUPP):
                        raise
                    in_kernel = False
            if not in_kernel:
                buf = buf or bytearray(8 << 20)
                got = fi.readinto(buf)
                n = got or 0
                if n:
                    fo.write(memoryview(buf)[:n])
            if n == 0:
                break
            done += n
            tracker.update(snapshot_bytes=done)
            tracker.emit()


# --- running an engine ---------------------------------------------------------------------
@dataclass
class _Stats:
    bytes: int = 0
    tables: int | None = None
    records: int | None = None
    cred: Credentials | None = None
    errors: list[str] = field(default_factory=list)


def _run(chosen: str, tool: Path | None, target: BackupTarget, cred: Credentials | None,
         out: BinaryIO, tracker: _Tracker, cancel: threading.Event, where: dict) -> _Stats:
    tracker.update(phase="metadata")
    if chosen == "gbak":
        assert tool is not None
        stats = _gbak_backup(tool, target, cred, out, tracker, cancel)
        if stats.errors:
            text = " ".join(stats.errors)
            raise fail(classify(text), detail=text, **where)
        return stats
    return _services_backup(target, cred, out, tracker, cancel, where)


def _gbak_each_login(tool: Path | None, target: BackupTarget,
                     credentials: list[Credentials] | None, out: BinaryIO, tracker: _Tracker,
                     cancel: threading.Event, where: dict) -> _Stats:
    assert tool is not None
    tried: list[str] = []
    for cred in credential_chain(credentials):
        tracker.update(phase="metadata")
        stats = _gbak_backup(tool, target, cred, out, tracker, cancel)
        if not stats.errors:
            stats.cred = cred
            return stats
        text = " ".join(stats.errors)
        reason = classify(text)
        if reason != "login" or stats.bytes:
            raise fail(reason, detail=text, **where)
        tried.append(cred.describe())
    raise fail("login", tried=tried, **where)


_TABLE_DEF = re.compile(r"^gbak:\s+writing table (.+?)\s*$")
_TABLE_DATA = re.compile(r"^gbak:\s+writing data for table (.+?)\s*$")
_RECORDS = re.compile(r"^gbak:\s*(\d+) records written")
_FINISHED = re.compile(r"closing file, committing, and finishing\.\s+(\d+) bytes written")
_ERROR = re.compile(r"^gbak:\s*ERROR:\s*(.*)$")


class _VerboseParser:
    """gbak's verbose lines → table counts, records, errors."""

    def __init__(self, tracker: _Tracker) -> None:
        self.tracker = tracker
        self.tables_defined = 0
        self.tables_started = 0
        self.records_before = 0  # records of finished tables
        self.records_current = 0
        self.final_bytes: int | None = None
        self.errors: list[str] = []
        self.tail: list[str] = []

    def feed(self, line: str) -> None:
        self.tail = [*self.tail[-19:], line]
        if m := _ERROR.match(line):
            if m.group(1).strip():
                self.errors.append(m.group(1).strip())
        elif m := _TABLE_DATA.match(line):
            self.records_before += self.records_current
            self.records_current = 0
            self.tables_started += 1
            self.tracker.note(milestone=True, phase="data", table=m.group(1),
                              tables_done=self.tables_started - 1,
                              tables_total=max(self.tables_defined, self.tables_started),
                              records=self.records_before)
        elif m := _TABLE_DEF.match(line):
            self.tables_defined += 1
        elif m := _RECORDS.match(line):
            self.records_current = int(m.group(1))
            self.tracker.note(records=self.records_before + self.records_current)
        elif m := _FINISHED.search(line):
            self.final_bytes = int(m.group(1))

    @property
    def records(self) -> int:
        return self.records_before + self.records_current


def _gbak_env(cred: Credentials | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ISC_PASSWORD", None)
    env["ISC_USER"] = cred.user if cred else "SYSDBA"
    if cred is not None:
        env["ISC_PASSWORD"] = cred.password
    return env


def popen_extra() -> dict:
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NO_WINDOW}
    return {}


class _Watchdog:
    """Ends a child process as soon as ``cancel`` is set, even while we wait on its pipe."""

    def __init__(self, proc: subprocess.Popen, cancel: threading.Event) -> None:
        self.proc = proc
        self.cancel = cancel
        self.finished = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="gbak-watchdog", daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.finished.is_set():
            if self.cancel.wait(0.1):
                stop_process(self.proc)
                return

    def close(self) -> None:
        self.finished.set()
        self.thread.join()


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(OSError):
        proc.terminate()
    try:
        proc.wait(KILL_GRACE_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            proc.kill()
        proc.wait()


def _gbak_backup(tool: Path, target: BackupTarget, cred: Credentials | None, out: BinaryIO,
                 tracker: _Tracker, cancel: threading.Event) -> _Stats:
    if cancel.is_set():
        raise Cancelled()
    args = [str(tool), "-b", "-g", "-verbint", str(VERBOSE_INTERVAL), target.dsn, "stdout"]
    log.info("gbak backup of %s (%s)", target.display, target.server_label)
    parser = _VerboseParser(tracker)
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_gbak_env(cred), **popen_extra())
    reader = threading.Thread(target=_read_lines, args=(proc.stderr, parser.feed),
                              name="gbak-verbose", daemon=True)
    reader.start()
    _widen_pipe(proc.stdout)
    watchdog = _Watchdog(proc, cancel)
    written = 0
    where = dict(path=target.display, server=target.server_label)
    try:
        fd = proc.stdout.fileno()  # type: ignore[union-attr]
        while True:
            chunk = os.read(fd, CHUNK)
            if not chunk:
                break
            try:
                out.write(chunk)
            except OSError as exc:
                stop_process(proc)
                reason = "no_space" if exc.errno == errno.ENOSPC else "output"
                raise fail(reason, detail=exc.strerror or str(exc), **where) from exc
            written += len(chunk)
            tracker.note(bytes_written=written)
            tracker.emit()
        proc.wait()
        reader.join()
        tracker.emit()
    finally:
        watchdog.close()
        stop_process(proc)
        for stream in (proc.stdout, proc.stderr):
            with contextlib.suppress(OSError):
                stream.close()  # type: ignore[union-attr]
    if cancel.is_set():
        raise Cancelled()
    stats = _Stats(bytes=written, tables=parser.tables_started, records=parser.records)
    if proc.returncode != 0 or parser.errors:
        stats.errors = parser.errors or [" ".join(parser.tail[-3:]) or
                                         f"gbak exit code {proc.returncode}"]
    elif parser.final_bytes is not None and parser.final_bytes != written:
        stats.errors = [f"gbak wrote {parser.final_bytes} bytes, {written} received"]
    return stats


def _widen_pipe(stream) -> None:
    """Linux pipes hold 64 KB; a wider one means fewer wake-ups per megabyte of backup."""
    if not sys.platform.startswith("linux"):
        return
    import fcntl

    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(stream.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), CHUNK)


def _read_lines(stream, feed: Callable[[str], None]) -> None:
    for raw in iter(stream.readline, b""):
        feed(raw.decode("utf-8", "replace").rstrip("\r\n"))


# --- services engine ---------------------------------------------------------------------------
def _services_backup(target: BackupTarget, cred: Credentials | None, out: BinaryIO,
                     tracker: _Tracker, cancel: threading.Event, where: dict) -> _Stats:
    """The services manager makes the backup and hands it over in small pieces (Firebird 3
    passes about 1–2 KB per request), so this engine is the slower one; it needs only fbclient."""
    from firebird.driver import SrvBackupFlag
    from firebird.driver.core import XpbKind, a
    from firebird.driver.types import ServerAction, SPBItem, SrvBackupOption

    if cancel.is_set():
        raise Cancelled()
    try:
        srv = attach_services(target.service_manager, cred)
    except Exception as exc:
        reason, detail = from_exception(exc)
        raise fail(reason, detail=detail, **where) from exc
    written = 0
    try:
        with a.get_api().util.get_xpb_builder(XpbKind.SPB_START) as spb:
            spb.insert_tag(ServerAction.BACKUP)
            spb.insert_string(SPBItem.DBNAME, target.database, encoding=srv.encoding)
            spb.insert_string(SrvBackupOption.FILE, "stdout")
            spb.insert_int(SPBItem.OPTIONS, SrvBackupFlag.NO_GARBAGE_COLLECT)
            srv._svc.start(spb.get_buffer())
        tracker.update(phase="data")
        while True:
            if cancel.is_set():
                raise Cancelled()
            chunk, eof = _service_chunk(srv)
            if chunk:
                try:
                    out.write(chunk)
                except OSError as exc:
                    reason = "no_space" if exc.errno == errno.ENOSPC else "output"
                    raise fail(reason, detail=exc.strerror or str(exc), **where) from exc
                written += len(chunk)
                tracker.note(bytes_written=written)
                tracker.emit()
            if eof:
                break
    except (Cancelled, DatabaseBackupError):
        raise
    except Exception as exc:
        reason, detail = from_exception(exc)
        raise fail(reason, detail=detail, **where) from exc
    finally:
        # Detaching from the services manager stops a backup still running on its side.
        with contextlib.suppress(Exception):
            srv.close()
    return _Stats(bytes=written)


def _service_chunk(srv) -> tuple[bytes, bool]:
    """One piece of the backup; waits at most a second so that cancel is noticed."""
    from firebird.driver.core import isc_info_end
    from firebird.driver.types import SrvInfoCode

    srv.response.clear()
    srv._svc.query(srv._make_request(1), bytes([SrvInfoCode.TO_EOF]), srv.response.raw)
    tag = srv.response.get_tag()
    if tag != SrvInfoCode.TO_EOF:
        raise DatabaseBackupError(_("Неожиданный ответ сервера Firebird ({tag})", tag=tag),
                                  reason="unknown")
    data = srv.response.read_bytes()
    return data, srv.response.get_tag() == isc_info_end
