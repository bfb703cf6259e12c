"""Proof that a backup is usable: Firebird restores it into a throw-away database.

The restore runs in a temporary folder (removed afterwards, whatever happens) with the embedded
engine, indexes left inactive (``-i``: their rebuilding proves nothing about the backup and takes
most of a restore's time) and without validity checks (``-n``: a customer's data that breaks a
constraint is still a faithful copy). It counts the records restored, which the caller can compare
with the records the backup wrote. Time-boxed: a restore that runs past ``timeout_s`` is stopped
and reported as such, which is not a failure of the backup.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from collector.database.backup import _read_lines, popen_extra, stop_process
from collector.database.failures import classify, explain
from collector.database.tools import find_gbak
from collector.errors import Cancelled
from collector.i18n import _

_TABLE = re.compile(r"^gbak:\s*restoring data for table (.+?)\s*$")
_RECORDS = re.compile(r"^gbak:\s*(\d+) records restored")
_ERROR = re.compile(r"^gbak:\s*ERROR:\s*(.*)$")


@dataclass
class VerifyResult:
    status: str  # ok | failed | timeout | skipped
    message: str  # Russian, for the manifest and the person
    seconds: float
    tables: int | None = None
    records: int | None = None
    timeout_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_json(self) -> dict:
        return {"status": self.status, "message": str(self.message),
                "seconds": round(self.seconds, 3), "tables": self.tables,
                "records": self.records, "timeout_s": self.timeout_s}


def verify_backup(fbk: Path, *, timeout_s: float = 900, expect_records: int | None = None,
                  work_dir: Path | None = None, gbak: Path | None = None,
                  cancel: threading.Event | None = None) -> VerifyResult:
    """Restore ``fbk`` into a temporary database and count what came back."""
    cancel = cancel or threading.Event()
    started = time.monotonic()
    tool = gbak or find_gbak()
    if tool is None:
        return VerifyResult("skipped", _("Проверка копии пропущена: gbak не найден."), 0.0)
    base = Path(work_dir) if work_dir else Path(tempfile.gettempdir())
    need = fbk.stat().st_size * 2
    free = shutil.disk_usage(base).free
    if free < need:
        return VerifyResult("skipped", _("Проверка копии пропущена: в {folder} нужно {need} МБ, "
                                         "свободно {free} МБ.", folder=base, need=need >> 20,
                                         free=free >> 20), 0.0)
    folder = Path(tempfile.mkdtemp(prefix="gbs-verify-", dir=base))
    tables = 0
    records_done = 0
    current = 0
    errors: list[str] = []

    def feed(line: str) -> None:
        nonlocal tables, records_done, current
        if m := _ERROR.match(line):
            if m.group(1).strip():
                errors.append(m.group(1).strip())
        elif _TABLE.match(line):
            tables += 1
            records_done += current
            current = 0
        elif m := _RECORDS.match(line):
            current = int(m.group(1))

    timed_out = False
    try:
        args = [str(tool), "-c", "-i", "-n", "-verbint", "20000", str(fbk),
                str(folder / "verify.fdb")]
        env = {**os.environ, "ISC_USER": "SYSDBA"}  # embedded engine: no password needed
        env.pop("ISC_PASSWORD", None)
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env, **popen_extra())
        reader = threading.Thread(target=_read_lines, args=(proc.stdout, feed), daemon=True)
        reader.start()
        try:
            deadline = started + timeout_s
            while proc.poll() is None:
                if cancel.wait(0.1):
                    break
                if time.monotonic() > deadline:
                    timed_out = True
                    break
        finally:
            stop_process(proc)
            reader.join()
            with contextlib.suppress(OSError):
                proc.stdout.close()  # type: ignore[union-attr]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.monotonic() - started
    if cancel.is_set():
        raise Cancelled()
    records = records_done + current
    if timed_out:
        return VerifyResult("timeout", _("Проверка копии остановлена через {s} с: база большая; "
                                         "копия сохранена без проверки.", s=int(timeout_s)),
                            seconds, tables, records, timeout_s)
    if proc.returncode != 0 or errors:
        text = " ".join(errors) or f"gbak exit code {proc.returncode}"
        reason = classify(text)
        detail = explain(reason, path=str(fbk), server="", detail=text) \
            if reason in ("no_space", "corrupt") else text
        return VerifyResult("failed", _("Копия базы не восстанавливается: {detail}",
                                        detail=detail), seconds, tables, records, timeout_s)
    if expect_records is not None and records != expect_records:
        return VerifyResult("failed", _("В копии {got} записей, а при копировании записано "
                                        "{want}.", got=records, want=expect_records),
                            seconds, tables, records, timeout_s)
    return VerifyResult("ok", _("Копия проверена: восстановлено {tables} таблиц, {records} "
                                "записей.", tables=tables, records=records),
                        seconds, tables, records, timeout_s)
