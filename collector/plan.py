"""What a collection will put into the bundle, how big and how long, before anything is written.

The review list (grouped: logs, database, configs, system, attachments, request) lets a person
untick items and read text files before anything leaves the PC; the estimates (size and time per
part; the database from its file size and a measured rate) and the free-space check run before
«Собрать», so a full disk is reported up front with a better folder suggested.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from collector.humanize import duration, human_size
from collector.i18n import _
from collector.installation import Installation
from collector.pipeline import CollectOptions
from collector.sysroot import SystemRoot

# Rates measured on the lab machine (2 cores, SSD) with bench/db_backup and bench/bundle; a
# shop PC is usually slower, so the estimates lean to the long side. A real backup on this PC
# replaces the database rate (see record_backup_rate). Each source keeps its own share of what
# is left after compression (``Source.archive_ratio``).
SPACE_MARGIN = 64 * 2**20
RATE_FILE = "rates.json"


@dataclass
class PlanItem:
    group: str
    arcname: str
    size: int  # bytes before compression (estimated for the database backup)
    source: str | None = None  # a file on disk a person can open to read, when there is one
    text: bool = False
    note: str = ""
    estimated: bool = False
    source_name: str = ""  # the collected source (collector.sources) this item comes from

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SpaceCheck:
    folder: str
    purpose: str
    needed: int
    free: int | None

    @property
    def ok(self) -> bool:
        return self.free is None or self.free >= self.needed

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


@dataclass
class Plan:
    items: list[PlanItem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per group
    archive_bytes: int = 0
    space: list[SpaceCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    database_included: bool = False
    compression: Any = None  # collector.bundle.preset.Choice: the preset for this collection

    @property
    def to_desk_seconds(self) -> float | None:
        """Collecting and sending, when the line's speed is known (the last upload)."""
        est = self.compression.estimate if self.compression is not None else None
        if est is None:
            return None
        return self.total_seconds - self.seconds.get("database", 0.0) + est.total_s

    @property
    def total_bytes(self) -> int:
        return sum(i.size for i in self.items)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    @property
    def space_ok(self) -> bool:
        return all(s.ok for s in self.space)

    def group(self, name: str) -> list[PlanItem]:
        return [i for i in self.items if i.group == name]

    def to_json(self) -> dict[str, Any]:
        from collector import sources

        return {
            "items": [i.to_json() for i in self.items],
            "groups": {g: {"title": str(title), "files": len(self.group(g)),
                           "bytes": sum(i.size for i in self.group(g)),
                           "seconds": round(self.seconds.get(g, 0.0), 1)}
                       for g, title, _icon in sources.groups() if self.group(g)},
            "total_bytes": self.total_bytes,
            "archive_bytes": self.archive_bytes,
            "seconds": round(self.total_seconds, 1),
            "space": [s.to_json() for s in self.space],
            "space_ok": self.space_ok,
            "problems": [str(p) for p in self.problems],
            "compression": self.compression.to_json() if self.compression else None,
            "to_desk": self._to_desk(),
        }

    def _to_desk(self) -> dict[str, Any] | None:
        from collector.bundle.preset import eta_text

        seconds = self.to_desk_seconds
        if seconds is None:
            return None
        return {"seconds": round(seconds, 1), "text": str(eta_text(seconds))}


def _compression(plan: Plan) -> Any:
    """The adaptive preset for the backup: sent after collecting, at the last upload's speed."""
    from collector.bundle.preset import choose, last_uplink

    return choose(sum(i.size for i in plan.group("database")), last_uplink(),
                  backup_s=plan.seconds.get("database", 0.0))


def make_plan(root: SystemRoot, inst: Installation | None, options: CollectOptions,
              *, form: Any | None = None, include_database: bool = True,
              gbs_id: str | None = None) -> Plan:
    """The review list and the estimates for ``options`` (reads sizes only, writes nothing):
    every source of the registry says what it would add."""
    from collector import sources
    from collector.sources import PlanContext

    ctx = PlanContext(root, inst, options, form, include_database, gbs_id)
    plan = Plan()
    planned = []
    for source in sources.REGISTRY:
        if source.needs_installation and inst is None:
            continue
        items = [i for i in source.plan(ctx) if not _excluded(i.arcname, options.exclude)]
        planned.append((source, items))
        plan.items += items
    plan.problems += ctx.problems
    plan.database_included = any(i.group == "database" for i in plan.items)
    for source, items in planned:
        if not items:
            continue
        plan.seconds[source.group] = plan.seconds.get(source.group, 0.0) \
            + source.estimate_seconds(items, ctx)
        plan.archive_bytes += int(sum(i.size for i in items) * source.archive_ratio)
    plan.compression = _compression(plan)
    db = inst.database if inst is not None else None
    plan.space = check_space(options.out_dir, plan, root=root, db=db)
    for s in plan.space:
        if not s.ok:
            plan.problems.append(str(_(
                "Мало места в папке {folder} ({purpose}): нужно около {need}, свободно {free}. "
                "Выберите другую папку{hint}.", folder=s.folder, purpose=s.purpose,
                need=human_size(s.needed), free=human_size(s.free or 0),
                hint=suggest_folder(s.needed, exclude=s.folder))))
    return plan


def _excluded(arcname: str, exclude: set[str]) -> bool:
    return arcname in exclude or any(arcname.startswith(x.rstrip("/") + "/") for x in exclude)


def free_space(folder: Path) -> int | None:
    """Free bytes on the disk holding ``folder`` (or its nearest existing parent)."""
    probe = Path(folder).absolute()
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def check_space(out_dir: Path, plan: Plan, *, root: SystemRoot, db: Any) -> list[SpaceCheck]:
    checks = [SpaceCheck(str(out_dir), str(_("архив")),
                         int(plan.archive_bytes * 1.2) + SPACE_MARGIN, free_space(out_dir))]
    # Under a system root the backup reads a private copy of the .fdb in the temp folder.
    if plan.database_included and not root.native and db is not None and db.size_bytes:
        temp = Path(tempfile.gettempdir())
        checks.append(SpaceCheck(str(temp), str(_("временная копия базы")),
                                 db.size_bytes + SPACE_MARGIN, free_space(temp)))
    merged: dict[str, SpaceCheck] = {}
    for c in checks:  # one disk holding both: the needs add up
        key = _device_key(Path(c.folder))
        if key in merged:
            merged[key].needed += c.needed
            merged[key].purpose += ", " + c.purpose
        else:
            merged[key] = c
    return list(merged.values())


def _device_key(folder: Path) -> str:
    probe = folder.absolute()
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return str(probe.stat().st_dev)
    except OSError:
        return str(probe)


def suggest_folder(needed: int, exclude: str) -> str:
    """A folder with enough room (the Desktop, Documents, another disk), as a hint in a
    message."""
    import psutil

    candidates = [Path.home() / "Desktop", Path.home() / "Documents"]
    with contextlib.suppress(Exception):
        candidates += [Path(p.mountpoint) for p in psutil.disk_partitions(all=False)]
    for c in candidates:
        if str(c) == exclude or not c.exists():
            continue
        free = free_space(c)
        if free is not None and free >= needed:
            return str(_(", например {folder} (свободно {free})", folder=c,
                         free=human_size(free)))
    return ""


# --- the measured database rate of this PC -------------------------------------------------------
def _rate_path() -> Path | None:
    from collector.userdata import user_data_dir

    try:
        return user_data_dir() / RATE_FILE
    except Exception:
        return None


def learned_db_rate() -> float | None:
    path = _rate_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
        rate = float(data.get("db_bytes_per_second", 0))
        return rate if rate > 0 else None
    except (OSError, ValueError, TypeError):
        return None


def record_backup_rate(fdb_bytes: int | None, seconds: float) -> None:
    """After a real backup: remember its speed for the next estimate (smoothed)."""
    if not fdb_bytes or seconds <= 0.5:
        return  # too small to say anything about the disk's speed
    path = _rate_path()
    if path is None:
        return
    rate = fdb_bytes / seconds
    old = learned_db_rate()
    if old:
        rate = 0.5 * old + 0.5 * rate
    with contextlib.suppress(OSError):
        path.write_text(json.dumps({"db_bytes_per_second": rate}), encoding="utf-8")


def format_plan(plan: Plan) -> str:
    """The review list for the command line (``collect --review``)."""
    from collector import sources

    lines = [str(_("Что войдёт в архив:"))]
    for g, title, _icon in sources.groups():
        items = plan.group(g)
        if not items:
            continue
        size = sum(i.size for i in items)
        secs = plan.seconds.get(g, 0.0)
        lines.append(f"\n{title} — {len(items)}, {human_size(size)}"
                     + (f", ~{duration(secs)}" if secs >= 1 else ""))
        for i in items:
            est = "~" if i.estimated else ""
            note = f" ({i.note})" if i.note else ""
            lines.append(f"  {i.arcname}  {est}{human_size(i.size)}{note}")
    lines.append("")
    lines.append(str(_("Итого: {total} до сжатия, архив около {archive}, время около {time}.",
                       total=human_size(plan.total_bytes), archive=human_size(plan.archive_bytes),
                       time=duration(plan.total_seconds))))
    for s in plan.space:
        mark = "+" if s.ok else "!"
        lines.append(f"{mark} " + str(_("Место в {folder} ({purpose}): нужно {need}, свободно "
                                        "{free}", folder=s.folder, purpose=s.purpose,
                                        need=human_size(s.needed),
                                        free=human_size(s.free) if s.free is not None else "?")))
    if plan.problems:
        lines.append("")
        lines += [f"! {p}" for p in plan.problems]
    lines.append("")
    lines.append(str(_("Исключить файл или папку: --exclude ПУТЬ (например --exclude config).")))
    return "\n".join(lines)
