"""Find GBS.Market on this PC: Market.exe, its exact version, DataPath, configs, database settings.

Sources, in order, each reported: the registry (uninstall entries, the program's own key), the
default install folders, a running ``Market.exe``, and — for the version only, when the exe cannot
be read — the header of the newest log file. Nothing here writes anything.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from collector import logs
from collector.configs import (
    DEFAULT_FB_PORT,
    ConfigError,
    DatabaseConfig,
    parse_database_config,
    read_json_config,
)
from collector.i18n import _
from collector.sysroot import RootError, SystemRoot
from collector.winsys.fileversion import VersionReadError, read_file_version
from collector.winsys.processes import MARKET_NAMES, ProcessInfo, find_processes

EXE_NAME = "Market.exe"
APP_CONFIG = "AppConfig.conf"
PROGRAM_KEY = r"HKEY_CURRENT_USER\Software\F-Lab\GBS.Market\{major}"
UNINSTALL_KEYS = (
    r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
    r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall",
)
DEFAULT_EXE_DIRS = (
    r"{ProgramFiles(x86)}\F-Lab\Market 6",
    r"{ProgramFiles}\F-Lab\Market 6",
    r"{ProgramFiles(x86)}\F-Lab\Market 5",  # unverified: where version 5 was installed
    r"{ProgramFiles}\F-Lab\Market 5",
)
DEFAULT_DATA_DIR = r"{ProgramData}\F-Lab\GBS.Market\{major}"
PARTNER_DATA_DIR = r"{ProgramData}\{name}\data"


@dataclass
class Source:
    name: str  # registry | default_folder | process | data_folder | log_header
    status: str  # found | not_found | error
    detail: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class DatabaseInfo:
    path: Path | None
    path_windows: str | None
    exists: bool
    size_bytes: int | None
    connection_type: str
    server: str
    port: int
    has_credentials: bool
    backup_path: Path | None
    backup_path_windows: str | None

    @property
    def networked(self) -> bool:
        return self.connection_type == "NetWork"


@dataclass
class Installation:
    product: str  # how people call it: "GBS.Market 6", "GBS.Market 5", "HiPos (…)"
    major: int | None
    partner: bool
    exe: Path | None
    exe_windows: str | None
    version: str | None
    version_source: str | None  # exe | log_header | registry
    version_text: str | None  # as the exe writes it, e.g. "6.6.12.2634 (x64)"
    data_path: Path
    data_path_windows: str
    data_path_source: str  # AppConfig.conf | default | partner
    configs_dir: Path
    logs_dir: Path
    crpt_logs_dir: Path
    database: DatabaseInfo | None
    correct_exit: bool | None
    running: list[ProcessInfo] = field(default_factory=list)
    found_by: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def collectable(self) -> bool:
        return self.major != 5

    def to_json(self) -> dict[str, Any]:
        db = self.database
        return {
            "product": self.product,
            "major": self.major,
            "partner": self.partner,
            "exe": self.exe_windows,
            "version": self.version,
            "version_source": self.version_source,
            "version_text": self.version_text,
            "data_path": self.data_path_windows,
            "data_path_source": self.data_path_source,
            "data_path_exists": self.data_path.is_dir(),
            "configs_dir": _win(self, self.configs_dir),
            "logs_dir": _win(self, self.logs_dir),
            "crpt_logs_dir": _win(self, self.crpt_logs_dir),
            "database": None if db is None else {
                "path": db.path_windows,
                "exists": db.exists,
                "size_bytes": db.size_bytes,
                "connection_type": db.connection_type,
                "server": db.server,
                "port": db.port,
                "has_credentials": db.has_credentials,
                "backup_path": db.backup_path_windows,
            },
            "correct_exit": self.correct_exit,
            "running": [p.to_json() for p in self.running],
            "found_by": self.found_by,
            "problems": [str(p) for p in self.problems],
        }


def _win(inst: Installation, path: Path) -> str:
    return inst._root.windows_path(path)  # type: ignore[attr-defined]


@dataclass
class Detection:
    root: SystemRoot
    installation: Installation | None
    others: list[Installation]
    sources: list[Source]

    def to_json(self) -> dict[str, Any]:
        return {
            "found": self.installation is not None,
            "installation": self.installation.to_json() if self.installation else None,
            "others": [i.to_json() for i in self.others],
            "sources": [s.to_json() for s in self.sources],
            "system_root": str(self.root.base) if self.root.base else None,
        }


@dataclass
class _Candidate:
    exe: Path | None
    data_path: Path | None = None
    found_by: list[str] = field(default_factory=list)
    registry_version: str | None = None
    registry_name: str | None = None
    processes: list[ProcessInfo] = field(default_factory=list)


def detect(root: SystemRoot, *, processes: list[ProcessInfo] | None = None) -> Detection:
    """Find every GBS.Market on the PC (under ``root``) and pick the one to collect from."""
    sources: list[Source] = []
    candidates: dict[str, _Candidate] = {}

    def add(exe: Path | None, how: str, data_path: Path | None = None) -> _Candidate:
        key = str(exe or data_path).casefold()
        cand = candidates.setdefault(key, _Candidate(exe, data_path))
        if how not in cand.found_by:
            cand.found_by.append(how)
        return cand

    _from_registry(root, sources, add)
    _from_default_folders(root, sources, add)
    _from_processes(root, sources, add, processes)
    installations = [_build(root, cand) for cand in candidates.values()]
    claimed = {str(i.data_path).casefold() for i in installations}
    installations += [
        _build(root, _Candidate(None, folder, ["data_folder"]))
        for folder in _from_data_folders(root, sources)
        if str(folder).casefold() not in claimed
    ]
    _version_from_logs(installations, sources)
    installations.sort(key=_preference, reverse=True)
    chosen = next((i for i in installations if i.collectable), None)
    if chosen is None and installations:
        chosen = installations[0]  # only version 5: report it, collect from it
    others = [i for i in installations if i is not chosen]
    return Detection(root, chosen, others, sources)


# --- sources -----------------------------------------------------------------------------------
def _from_registry(root: SystemRoot, sources: list[Source], add) -> None:
    reg = root.registry
    if reg.problem:
        sources.append(Source("registry", "error", reg.problem))
        return
    hits = []
    for base in UNINSTALL_KEYS:
        for sub in reg.subkeys(base):
            values = reg.values(base + "\\" + sub) or {}
            name = _reg_str(values, "displayname")
            publisher = _reg_str(values, "publisher")
            ours = "gbs" in (name or "").casefold() or "f-lab" in (publisher or "").casefold()
            if not name or not ours:
                continue
            exe = None
            location = _reg_str(values, "installlocation")
            icon = _reg_str(values, "displayicon")
            if location:
                exe = root.path(location) / EXE_NAME
            elif icon and icon.split(",")[0].strip('"').lower().endswith(".exe"):
                exe = root.path(icon.split(",")[0].strip('"'))
            if exe is None:
                continue
            exe = _existing_case(exe)
            cand = add(exe, "registry")
            cand.registry_version = _reg_str(values, "displayversion")
            cand.registry_name = name
            hits.append(_("«{name}» → {path}", name=name, path=root.windows_path(exe)))
    program_keys = [m for m in (6, 5) if reg.values(PROGRAM_KEY.format(major=m)) is not None]
    detail = "; ".join(hits) if hits else _("записей об установке GBS.Market нет")
    if program_keys:
        detail += "; " + _("ключ программы HKCU\\Software\\F-Lab\\GBS.Market\\{majors} есть",
                           majors=",".join(map(str, program_keys)))
    sources.append(Source("registry", "found" if hits or program_keys else "not_found", detail))


def _from_default_folders(root: SystemRoot, sources: list[Source], add) -> None:
    found = []
    for template in DEFAULT_EXE_DIRS:
        folder = _known(root, template)
        exe = _existing_case(folder / EXE_NAME)
        if exe.is_file():
            add(exe, "default_folder")
            found.append(root.windows_path(exe))
    sources.append(
        Source("default_folder", "found" if found else "not_found",
               "; ".join(found) if found else
               _("в {path} программы нет",
                 path=root.windows_path(_known(root, DEFAULT_EXE_DIRS[0]))))
    )


def _from_processes(root: SystemRoot, sources: list[Source], add, processes) -> None:
    try:
        procs = processes if processes is not None else find_processes(MARKET_NAMES)
    except Exception as exc:  # psutil can fail in locked-down sessions; the rest still works
        sources.append(Source("process", "error", _("список процессов недоступен: {e}", e=exc)))
        return
    seen = []
    for p in procs:
        if not p.exe:
            seen.append(_("Market.exe (PID {pid}), путь недоступен", pid=p.pid))
            continue
        exe = Path(p.exe)
        if not root.contains(exe):
            continue  # a process on the lab machine is not the PC under the root
        cand = add(_existing_case(exe), "process")
        cand.processes.append(p)
        seen.append(_("{path} (PID {pid})", path=root.windows_path(exe), pid=p.pid))
    sources.append(
        Source("process", "found" if seen else "not_found",
               "; ".join(seen) if seen else _("Market.exe сейчас не запущен"))
    )


def _from_data_folders(root: SystemRoot, sources: list[Source]) -> list[Path]:
    """A data folder without any exe found (copied disk, broken install) is still worth logs."""
    found = []
    for major in (6, 5):
        folder = _known(root, DEFAULT_DATA_DIR.replace("{major}", str(major)))
        if folder.is_dir():
            found.append(folder)
    sources.append(
        Source("data_folder", "found" if found else "not_found",
               "; ".join(root.windows_path(f) for f in found) if found
               else _("папки данных GBS.Market нет"))
    )
    return found


# --- building an installation ------------------------------------------------------------------
def _build(root: SystemRoot, cand: _Candidate) -> Installation:
    problems: list[str] = []
    version = version_text = version_source = None
    product_name = None
    if cand.exe is not None:
        if not cand.exe.is_file():
            problems.append(_("Файл {path} не найден", path=root.windows_path(cand.exe)))
        else:
            try:
                info = read_file_version(cand.exe)
            except VersionReadError as exc:
                info = None
                problems.append(str(exc))
            if info is None:
                problems.append(
                    _("У {name} нет сведений о версии; версия будет взята из журналов",
                      name=cand.exe.name))
            else:
                version, version_text = info.version, info.product_version_text
                version_source = "exe" if version else None
                product_name = info.product_name
    if version is None and cand.registry_version:
        version, version_source = cand.registry_version, "registry"

    major = _major(version)
    partner_name = _partner_name(product_name, cand.registry_name)
    if cand.exe is not None:
        data_path, data_source, more = _data_path_for(root, cand.exe, partner_name, major)
        problems.extend(more)
    else:
        data_path, data_source = cand.data_path, "default"
        assert data_path is not None
        if major is None:
            major = int(data_path.name) if data_path.name.isdigit() else None

    db, correct_exit, db_problems = _database(root, data_path)
    problems.extend(db_problems)

    if partner_name:
        product = _("{name} (партнёрская сборка GBS.Market)", name=partner_name)
    elif major == 5:
        product = _("GBS.Market 5 (старая версия: собрать можно, но поддержка попросит обновиться)")
    else:
        product = "GBS.Market 6" if major in (6, None) else f"GBS.Market {major}"
    inst = Installation(
        product=product,
        major=major,
        partner=bool(partner_name),
        exe=cand.exe,
        exe_windows=root.windows_path(cand.exe) if cand.exe else None,
        version=version,
        version_source=version_source,
        version_text=version_text,
        data_path=data_path,
        data_path_windows=root.windows_path(data_path),
        data_path_source=data_source,
        configs_dir=_existing_case(data_path / "Configs"),
        logs_dir=_existing_case(data_path / "Logs"),
        crpt_logs_dir=_existing_case(data_path / "CRPT_logs"),
        database=db,
        correct_exit=correct_exit,
        running=cand.processes,
        found_by=cand.found_by,
        problems=problems,
    )
    inst._root = root  # type: ignore[attr-defined]
    if not data_path.is_dir():
        problems.append(
            _("Папка данных {path} не найдена: журналы и настройки собрать не получится",
              path=inst.data_path_windows))
    return inst


def _data_path_for(
    root: SystemRoot, exe: Path, partner_name: str | None, major: int | None = 6
) -> tuple[Path, str, list[str]]:
    problems: list[str] = []
    app_config = exe.parent / APP_CONFIG
    default = _known(root, DEFAULT_DATA_DIR.replace("{major}", str(major or 6)))
    if app_config.is_file():
        try:
            data = read_json_config(app_config)
            target = data.get("DataPath")
            if not isinstance(target, str) or not target.strip():
                raise ConfigError(_("в {name} нет DataPath", name=APP_CONFIG))
            mapped = root.path(target)
            if mapped.is_dir():
                return mapped, "AppConfig.conf", problems
            problems.append(
                _("{name} указывает на папку данных {target}, но её нет; "
                  "проверьте, подключён ли диск. Используется папка по умолчанию.",
                  name=APP_CONFIG, target=target))
        except (ConfigError, RootError) as exc:
            problems.append(_("{name} не прочитан: {error}", name=APP_CONFIG, error=exc))
    if partner_name:
        partner = _known(root, PARTNER_DATA_DIR.replace("{name}", partner_name))
        if partner.is_dir():
            return partner, "partner", problems
    return default, "default", problems


def _database(
    root: SystemRoot, data_path: Path
) -> tuple[DatabaseInfo | None, bool | None, list[str]]:
    problems: list[str] = []
    cfg_path = _existing_case(data_path / "Configs" / "DataBase.json")
    cfg: DatabaseConfig | None = None
    if data_path.is_dir():
        try:
            cfg = parse_database_config(read_json_config(cfg_path))
        except ConfigError as exc:
            problems.append(
                _("Настройки базы данных не прочитаны ({error}); база ищется в папке данных.",
                  error=exc))
    if cfg is None and not data_path.is_dir():
        return None, None, problems
    path_windows = cfg.path_windows if cfg and cfg.path_windows else None
    networked = bool(cfg and cfg.networked)
    db_path: Path | None
    try:
        db_path = root.path(path_windows) if path_windows else data_path / "main.fdb"
    except RootError:
        db_path = None
    if path_windows is None:
        path_windows = root.windows_path(data_path / "main.fdb")
    exists = bool(db_path and db_path.is_file())
    size = db_path.stat().st_size if exists and db_path else None
    backup_path = None
    if cfg and cfg.backup_path_windows:
        try:
            backup_path = root.path(cfg.backup_path_windows)
        except RootError:
            backup_path = None
    if not exists and not networked:
        problems.append(_("Файл базы данных {path} не найден", path=path_windows))
    info = DatabaseInfo(
        path=db_path,
        path_windows=path_windows,
        exists=exists,
        size_bytes=size,
        connection_type=cfg.connection_type if cfg else "NotSet",
        server=cfg.server if cfg else "localhost",
        port=cfg.port if cfg else DEFAULT_FB_PORT,
        has_credentials=bool(cfg and cfg.has_credentials),
        backup_path=backup_path,
        backup_path_windows=cfg.backup_path_windows if cfg else None,
    )
    return info, (cfg.correct_exit if cfg else None), problems


def _version_from_logs(installations: list[Installation], sources: list[Source]) -> None:
    used = []
    for inst in installations:
        if inst.version_source == "exe":
            continue
        found = logs.newest_logged_version(inst.logs_dir)
        if found is None:
            continue
        version, path = found
        if inst.version is None or inst.version_source == "registry":
            inst.version, inst.version_source = version, "log_header"
            inst.major = inst.major or _major(version)
        used.append(_("{version} из {file}", version=version, file=path.name))
    if used:
        sources.append(Source("log_header", "found", "; ".join(used)))
    elif any(i.version_source != "exe" for i in installations):
        sources.append(Source("log_header", "not_found", _("в журналах версия не записана")))


# --- helpers -----------------------------------------------------------------------------------
def _known(root: SystemRoot, template: str) -> Path:
    head, _sep, rest = template.partition("}")
    base = root.known_folder(head.lstrip("{"))
    return _existing_case(base.joinpath(*[p for p in rest.split("\\") if p]))


def _existing_case(path: Path) -> Path:
    """The same path with the case the disk uses (Windows ignores case; the lab does not)."""
    if path.exists():
        return path
    parent = path.parent
    if parent == path:
        return path
    parent = _existing_case(parent)
    try:
        for entry in parent.iterdir():
            if entry.name.casefold() == path.name.casefold():
                return entry
    except OSError:
        pass
    return parent / path.name


def _reg_str(values: dict, name: str) -> str | None:
    v = values.get(name)
    return str(v.data) if v is not None and isinstance(v.data, str) else None


def _major(version: str | None) -> int | None:
    if not version:
        return None
    head = version.split(".", 1)[0]
    return int(head) if head.isdigit() else None


def _partner_name(product_name: str | None, registry_name: str | None) -> str | None:
    """A re-branded build names itself something other than GBS.Market."""
    name = product_name or ""
    if not name or "gbs" in name.casefold() or name.casefold() in ("market", "market.exe"):
        return None
    return name.strip()


def _preference(inst: Installation) -> tuple:
    version = tuple(int(x) for x in (inst.version or "0").split(".") if x.isdigit())
    return (
        inst.collectable,
        bool(inst.running),
        inst.exe is not None and inst.exe.is_file(),
        inst.data_path.is_dir(),
        version,
    )
