"""What the bundle will hold, before it is made: the review page's list, estimates, free space.

ADAPTER. The engine's own preview (``Collection.plan()``, issue 10) is not on main yet, so this
module assembles the same answer from engine calls that exist: ``select_logs`` (the day's files
and sizes), the configs folder with ``redact_config`` (so a config opens as it will be sent),
``plan_attachments`` (archive names of the user's files), ``render_request_text``. The speeds
and compression ratios below are rough constants, marked as estimates in the GUI. When the
engine's plan lands, :func:`build_plan` becomes a thin translation of it and the constants go.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# Rough throughput of this kind of PC (MB/s); only for "≈ N min" before the work starts.
DB_MB_PER_S = 12.0
FILES_MB_PER_S = 40.0
PACK_MB_PER_S = 8.0
# Share of the original size left after LZMA2, per group (for "≈ size of the archive").
RATIOS = {"request": 0.5, "logs": 0.12, "configs": 0.25, "system": 0.3, "database": 0.3,
          "attachments": 1.0}
CONFIG_SUFFIXES = (".json", ".conf", ".config", ".xml", ".ini", ".txt")
TEXT_SUFFIXES = (".txt", ".log", ".json", ".csv", ".xml", ".ini", ".conf", ".config", ".md")
PREVIEW_BYTES = 2 * 2**20
MARGIN = 16 * 2**20

GROUP_ORDER = ["request", "logs", "database", "configs", "system", "attachments"]


def database_seconds(size: int) -> float:
    return 5 + size / (DB_MB_PER_S * 2**20)


@dataclass
class PlanItem:
    arcname: str
    group: str
    size: int | None
    source: Path | None = None
    required: bool = False  # the request itself and the manifest cannot be left out
    estimated: bool = False  # the size is a guess (made during the collection)
    text: bool = True
    reader: Callable[[], str] | None = field(default=None, repr=False)
    note: str = ""


@dataclass
class SpaceCheck:
    where: str  # "out" | "temp"
    path: Path
    free: int | None
    need: int

    @property
    def ok(self) -> bool:
        return self.free is None or self.free >= self.need


@dataclass
class Plan:
    items: list[PlanItem]
    problems: list[str] = field(default_factory=list)
    database_size: int = 0

    def included(self, exclude: set[str]) -> list[PlanItem]:
        return [i for i in self.items if i.required or not excluded(i.arcname, exclude)]

    def group_bytes(self, group: str, exclude: set[str]) -> int:
        return sum(i.size or 0 for i in self.included(exclude) if i.group == group)

    def raw_bytes(self, exclude: set[str]) -> int:
        return sum(i.size or 0 for i in self.included(exclude))

    def archive_bytes(self, exclude: set[str]) -> int:
        """≈ size of the archive: each group at its usual compression."""
        return int(sum((i.size or 0) * RATIOS.get(i.group, 1.0) for i in self.included(exclude)))

    def seconds(self, exclude: set[str]) -> dict[str, float]:
        out: dict[str, float] = {}
        for g in GROUP_ORDER:
            b = self.group_bytes(g, exclude)
            if not b:
                continue
            if g == "database":
                out[g] = database_seconds(b)
            else:
                out[g] = b / (FILES_MB_PER_S * 2**20)
        out["pack"] = self.raw_bytes(exclude) / (PACK_MB_PER_S * 2**20)
        return out

    def space(self, out_dir: Path, exclude: set[str]) -> list[SpaceCheck]:
        """The archive needs room in the output folder (at most the raw size); the database
        copy is written to the temp folder first."""
        checks = [SpaceCheck("out", out_dir, free_bytes(out_dir), self.raw_bytes(exclude) + MARGIN)]
        db = self.group_bytes("database", exclude)
        if db:
            tmp = Path(tempfile.gettempdir())
            checks.append(SpaceCheck("temp", tmp, free_bytes(tmp), db + MARGIN))
        return checks


def excluded(arcname: str, exclude: set[str]) -> bool:
    return arcname in exclude or any(arcname.startswith(x.rstrip("/") + "/") for x in exclude)


def free_bytes(path: Path) -> int | None:
    p = Path(path)
    while not p.exists() and p.parent != p:
        p = p.parent
    try:
        return shutil.disk_usage(p).free
    except OSError:
        return None


@dataclass
class PlanInput:
    """A snapshot of the state (taken in the GUI thread, used in a worker)."""

    root: Any
    installation: Any
    form: Any
    day: date
    around: int
    logs_included: bool
    include_database: bool
    gbs_id: str | None
    context: Any
    screens: list


def build_plan(inp: PlanInput, cancel=None) -> Plan:
    from collector.attachments import plan_attachments
    from collector.logs import decode_head, select_logs
    from collector.redact import redact_config
    from collector.request import is_audio, render_request_text

    inst = inp.installation
    items: list[PlanItem] = []
    problems: list[str] = []
    ctx = inp.context
    form = inp.form

    request_text = render_request_text(form, ctx)
    items.append(PlanItem("request.txt", "request", len(request_text.encode()), required=True,
                          reader=lambda: request_text))
    request_json = json.dumps(form.to_json(), ensure_ascii=False, indent=2)
    items.append(PlanItem("request.json", "request", len(request_json.encode()), required=True,
                          reader=lambda: request_json))
    items.append(PlanItem("manifest.json", "request", 4096, required=True, estimated=True,
                          reader=None, note="manifest"))
    if inp.gbs_id:
        gid = inp.gbs_id
        items.append(PlanItem("gbs_id.txt", "request", len(gid), reader=lambda: gid))
        items.append(PlanItem("gbs_id_qr.png", "request", 2500, estimated=True, text=False))

    if inp.logs_included:
        sel = select_logs(inst, inp.day, around=inp.around, cancel=cancel)
        for f in sel.files:
            src = f.source
            items.append(PlanItem(f.archive_path, "logs", f.bundle_size, src,
                                  reader=lambda s=src: _read_log(s, decode_head)))
        problems += [str(p) for p in sel.problems]

    if inp.include_database and inst.database is not None and inst.database.exists:
        size = inst.database.size_bytes or 0
        items.append(PlanItem("database/main.fbk", "database", size, inst.database.path,
                              estimated=True, text=False))

    folder = inst.configs_dir
    keep = frozenset(filter(None, [(inp.gbs_id or "")[2:]]))
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    except OSError:
        files = []
    for path in files:
        if path.suffix.lower() not in CONFIG_SUFFIXES:
            continue
        try:
            red = redact_config(path.read_bytes(), keep=keep).data
        except OSError:
            continue
        items.append(PlanItem(f"config/{path.name}", "configs", len(red), path,
                              reader=lambda d=red: decode_head(d)))

    screens = inp.screens
    root = inp.root
    items.append(PlanItem("system.json", "system", 12_000, estimated=True,
                          reader=lambda: _system_json(root, screens)))

    wanted = [a for a in form.attachments if a.strip() and not is_audio(Path(a))]
    if wanted:
        att = plan_attachments(wanted)
        for a in att.items:
            src = a.source
            is_text = src.suffix.lower() in TEXT_SUFFIXES
            items.append(PlanItem(a.arcname, "attachments", a.size, src, text=is_text,
                                  reader=(lambda s=src: _read_text(s)) if is_text else None))
        problems += [str(p) for p in att.problems]
    db_size = inst.database.size_bytes if inst.database is not None else 0
    return Plan(items, problems, db_size or 0)


def _read_log(path: Path, decode: Callable[[bytes], str]) -> str:
    from collector.winsys.sharedfile import read_head

    raw = read_head(path, PREVIEW_BYTES + 1)
    text = decode(raw[:PREVIEW_BYTES])
    return text + ("\n…" if len(raw) > PREVIEW_BYTES else "")


def _read_text(path: Path) -> str:
    from collector.logs import decode_head

    with open(path, "rb") as fh:
        raw = fh.read(PREVIEW_BYTES + 1)
    return decode_head(raw[:PREVIEW_BYTES]) + ("\n…" if len(raw) > PREVIEW_BYTES else "")


def _system_json(root: Any, screens: list) -> str:
    from collector import sysinfo

    return json.dumps(sysinfo.snapshot(root, screens=screens), ensure_ascii=False, indent=2,
                      default=str)
