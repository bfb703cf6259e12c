"""What a collection leaves when it is killed (kill -9, a power cut, «Снять задачу»), and its
removal at the next start.

Every run works in a folder of its own, ``<temp>/gbs-collector-work-<random>``, with an owner
file naming the process (pid and start time) and the unfinished archive files it may leave in
the output folder (``<bundle>.7z.part``, volumes, ``.sha256.part``). The same record is kept in
the user data folder (``runs/``), because a temp folder may be wiped while the output folder is
not. At the next start (CLI or GUI) :func:`clean_stale` removes what belongs to runs whose
process is gone, and only that: folders without our name and owner file, files not named as our
unfinished archives, and runs still alive are never touched.

The private copy of the customer's database lives in the work folder and is also released to
the operating system as soon as the engine has it open (:mod:`collector.winsys.scratch`), so a
killed run usually leaves no copy at all.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import socket
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from collector.i18n import _

log = logging.getLogger(__name__)

WORK_PREFIX = "gbs-collector-work-"
OWNER_FILE = "owner.json"
RUNS_FOLDER = "runs"
_BUNDLE = r"GBS-Support_[0-9A-Za-z]{1,8}_\d{4}-\d{2}-\d{2}_\d{8}-\d{6}"
_PART = re.compile(rf"^(?P<bundle>{_BUNDLE})\.7z(?:\.\d{{3}})?(?:\.sha256)?\.part$")


def _process_start(pid: int) -> float | None:
    try:
        import psutil

        return psutil.Process(pid).create_time()
    except Exception:
        return None


def _alive(record: dict[str, Any]) -> bool:
    """Still running (or not ours to judge: another PC's run, a record we cannot read)."""
    pid, started = record.get("pid"), record.get("started")
    if record.get("host") != socket.gethostname() or not isinstance(pid, int) \
            or not isinstance(started, (int, float)):
        return True
    now = _process_start(pid)
    return now is not None and abs(now - float(started)) < 1.0


class WorkFolder:
    """The folder of one run, with its owner record (see module doc)."""

    def __init__(self, base: Path | None = None, runs: Path | None = None) -> None:
        base = Path(base or tempfile.gettempdir())
        self.id = uuid.uuid4().hex[:12]
        self.path = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{self.id}-", dir=base))
        self.runs = runs
        self.record: dict[str, Any] = {
            "id": self.id, "pid": os.getpid(), "started": _process_start(os.getpid()),
            "host": socket.gethostname(), "work_dir": str(self.path), "parts": []}
        self._save()

    def expect_parts(self, out_dir: Path, bundle: str) -> None:
        """The unfinished archive this run writes: removed by the next start if it dies."""
        self.record["parts"].append({"dir": str(Path(out_dir).absolute()), "bundle": bundle})
        self._save()

    def _save(self) -> None:
        data = json.dumps(self.record, ensure_ascii=False, indent=1)
        (self.path / OWNER_FILE).write_text(data, encoding="utf-8")
        if self.runs is not None:
            with contextlib.suppress(OSError):
                self.runs.mkdir(parents=True, exist_ok=True)
                (self.runs / f"{self.id}.json").write_text(data, encoding="utf-8")

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self.runs is not None:
            with contextlib.suppress(OSError):
                (self.runs / f"{self.id}.json").unlink()


@dataclass
class Cleanup:
    """What :func:`clean_stale` removed."""

    folders: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    bytes: int = 0

    def __bool__(self) -> bool:
        return bool(self.folders or self.files)

    def message(self) -> str:
        from collector.logs import human_size

        # Counts after a colon need no plural forms, in Russian or in English.
        return _("Удалены остатки прерванного сбора: недописанных архивов — {files}, временных "
                 "папок — {folders} ({size}).", files=len(self.files), folders=len(self.folders),
                 size=human_size(self.bytes))


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    total = 0
    for p in path.rglob("*"):
        with contextlib.suppress(OSError):
            if p.is_file():
                total += p.stat().st_size
    return total


def _remove_parts(record: dict[str, Any], done: Cleanup) -> None:
    for item in record.get("parts") or []:
        folder, bundle = Path(str(item.get("dir", ""))), str(item.get("bundle", ""))
        if not re.fullmatch(_BUNDLE, bundle) or not folder.is_dir():
            continue
        for p in folder.glob(glob_escape(bundle) + ".7z*.part"):
            m = _PART.match(p.name)
            if m is None or m["bundle"] != bundle or not p.is_file():
                continue
            with contextlib.suppress(OSError):
                size = p.stat().st_size
                p.unlink()
                done.files.append(str(p))
                done.bytes += size


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def clean_stale(temp: Path | None = None, runs: Path | None = None) -> Cleanup:
    """Remove what killed runs left (see module doc); never raises."""
    done = Cleanup()
    temp = Path(temp or tempfile.gettempdir())
    records: dict[str, dict[str, Any]] = {}
    with contextlib.suppress(OSError):
        for folder in temp.iterdir():
            if not folder.name.startswith(WORK_PREFIX) or folder.is_symlink() \
                    or not folder.is_dir():
                continue
            record = _read(folder / OWNER_FILE)
            if record is not None and record.get("work_dir") == str(folder):
                records[str(record.get("id"))] = record
    if runs is not None and runs.is_dir():
        for path in runs.glob("*.json"):
            record = _read(path)
            if record is not None:
                records.setdefault(str(record.get("id")), record)
    for run_id, record in records.items():
        try:
            if _alive(record):
                continue
            _remove_parts(record, done)
            work = Path(str(record.get("work_dir", "")))
            owner = _read(work / OWNER_FILE) if work.name.startswith(WORK_PREFIX) else None
            if owner is not None and str(owner.get("id")) == run_id:
                size = _size(work)
                shutil.rmtree(work, ignore_errors=True)
                if not work.exists():
                    done.folders.append(str(work))
                    done.bytes += size
            if runs is not None:
                with contextlib.suppress(OSError):
                    (runs / f"{run_id}.json").unlink()
        except Exception:  # cleanup is a courtesy: it must never stop the tool from starting
            log.exception("stale run %s not cleaned", run_id)
    if done:
        log.info("cleaned after killed runs: %s", done)
    return done


def runs_folder(*, create: bool = False) -> Path | None:
    """Where run records are kept; ``create`` only for a run that writes one (looking at the
    PC with detect or logs leaves no trace)."""
    from collector.userdata import user_data_dir

    try:
        folder = user_data_dir(create=create) / RUNS_FOLDER
    except Exception:
        return None
    return folder if create or folder.is_dir() else None
