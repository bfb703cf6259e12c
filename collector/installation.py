"""Find GBS.Market on this PC: Market.exe, its exact version, DataPath, configs, database settings.

Sources, in order, each reported: the registry (uninstall entries **(U)**, the autostart value
``HKCU\\…\\Run\\AutoRunMarket``, the program's own key), the default install folders, a running
``Market.exe``, and — for the version only, when the exe cannot be read — the header of the newest
log file. The data folder is resolved as the program resolves it (GBS_MARKET.md §1, §2): a valid
vendor.dll moves the default, ``AppConfig.conf`` overrides it *verbatim* (sub-folders are
concatenated, so ``D:\\GBS`` means ``D:\\GBSLogs\\``). Nothing here writes anything.
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from collector import logs
from collector.branding import Branding, read_branding
from collector.configs import (
    DEFAULT_FB_PORT,
    ConfigError,
    DatabaseConfig,
    parse_database_config,
    read_country,
    read_json_config,
)
from collector.i18n import _
from collector.logs.layouts.nlog import STARTED
from collector.logs.runs import last_mark
from collector.market_version import VersionFacts, exe_bitness, version_facts
from collector.sysroot import RootError, SystemRoot
from collector.winsys.fileversion import VersionReadError, read_file_version
from collector.winsys.processes import MARKET_NAMES, ProcessInfo, find_processes

EXE_NAME = "Market.exe"
APP_CONFIG = "AppConfig.conf"
PROGRAM_KEY = r"HKEY_CURRENT_USER\Software\F-Lab\GBS.Market\{major}"
PROGRAM_KEY_VALUES = ("INFOv02", "INFO")  # the licence's ciphertext: only their presence matters
RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"
AUTORUN_VALUE = "AutoRunMarket"  # the program's own "start with Windows", its exe path
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


@dataclass
class Source:
    name: str  # user_folder | registry | default_folder | process | data_folder | log_header
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
    create_db_in_backup: bool | None = None  # BackUp.CreateDbInBackup: the program's zips hold it

    @property
    def networked(self) -> bool:
        return self.connection_type == "NetWork"


@dataclass
class Installation:
    product: str  # how people call it: "GBS.Market 6", "GBS.Market 5", "HiPos (…)"
    major: int | None
    partner: bool  # a partner or vendor build (see ``branding``)
    exe: Path | None
    exe_windows: str | None
    version: str | None  # four parts: what request.txt writes
    version_source: str | None  # exe | log_header | registry
    version_text: str | None  # one line for people: "6.6.12.2634 (x64)", + what the program shows
    data_path: Path
    data_path_windows: str  # as the program has it (AppConfig.conf's text verbatim)
    data_path_source: str  # AppConfig.conf | vendor | default
    configs_dir: Path
    logs_dir: Path
    crpt_logs_dir: Path
    database: DatabaseInfo | None
    correct_exit: bool | None  # None while Market.exe runs: it sets false at every start
    running: list[ProcessInfo] = field(default_factory=list)
    found_by: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    branding: Branding = field(default_factory=Branding)
    versions: VersionFacts | None = None
    correct_exit_raw: bool | None = None  # DataBase.json's CorrectExit as written

    @property
    def name(self) -> str:
        """What the program calls itself: "GBS.Market", "HiPos", a vendor's name."""
        return self.branding.name

    @property
    def collectable(self) -> bool:
        return self.major != 5

    def to_json(self) -> dict[str, Any]:
        db = self.database
        return {
            "product": self.product,
            "name": self.name,
            "build": self.branding.build,
            "branding": self.branding.to_json(),
            "major": self.major,
            "partner": self.partner,
            "exe": self.exe_windows,
            "version": self.version,
            "version_source": self.version_source,
            "version_text": self.version_text,
            "versions": self.versions.to_json() if self.versions else None,
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
            "correct_exit_raw": self.correct_exit_raw,
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


def detect(root: SystemRoot, *, processes: list[ProcessInfo] | None = None,
           folders: list[Path] | tuple[Path, ...] = ()) -> Detection:
    """Find every GBS.Market on the PC (under ``root``) and pick the one to collect from.

    ``folders``: places the user pointed to (the program's folder, or its data folder) when it
    was not found where it usually is; what is found there is preferred."""
    sources: list[Source] = []
    candidates: dict[str, _Candidate] = {}

    def add(exe: Path | None, how: str, data_path: Path | None = None) -> _Candidate:
        key = str(exe or data_path).casefold()
        cand = candidates.setdefault(key, _Candidate(exe, data_path))
        if how not in cand.found_by:
            cand.found_by.append(how)
        return cand

    _from_user_folders(root, sources, add, folders)
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
    program_keys = []
    for major in (6, 5):
        values = reg.values(PROGRAM_KEY.format(major=major))
        if values is not None:
            held = [v for v in PROGRAM_KEY_VALUES if v.casefold() in values]
            program_keys.append(f"{major} ({', '.join(held)})" if held else str(major))
    detail = "; ".join(hits) if hits else _("записей об установке программы нет")
    if program_keys:
        detail += "; " + _("ключ программы HKCU\\Software\\F-Lab\\GBS.Market\\{majors} есть",
                           majors=", ".join(program_keys))
    run = reg.values(RUN_KEY) or {}
    autorun = _reg_str(run, AUTORUN_VALUE.casefold())
    if autorun and autorun.strip('"').lower().endswith(".exe"):
        exe = _existing_case(root.path(autorun.strip('"')))
        add(exe, "autostart")
        hits.append(autorun)
        detail += "; " + _("автозапуск {value} = {path}", value=AUTORUN_VALUE, path=autorun)
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


DATA_MARKERS = ("Configs", "Logs", "AppConfig.conf", "main.fdb")  # what a data folder holds


def _from_user_folders(root: SystemRoot, sources: list[Source], add, folders) -> None:
    for folder in folders:
        exe = folder / EXE_NAME
        if exe.is_file():
            add(exe, "user_folder")
            sources.append(Source("user_folder", "found", root.windows_path(exe)))
        elif any((folder / name).exists() for name in DATA_MARKERS):
            add(None, "user_folder", folder)
            sources.append(Source("user_folder", "found", root.windows_path(folder)))
        else:
            sources.append(Source("user_folder", "not_found", _(
                "в {path} нет ни программы, ни её данных", path=root.windows_path(folder))))


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
               else _("папки данных по умолчанию {path} нет", path=root.windows_path(
                   _known(root, DEFAULT_DATA_DIR.replace("{major}", "6")))))
    )
    return found


# --- building an installation ------------------------------------------------------------------
def _build(root: SystemRoot, cand: _Candidate) -> Installation:
    problems: list[str] = []
    version = product_text = assembly = version_source = None
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
                version, product_text = info.version, info.product_version_text
                assembly = info.strings.get("Assembly Version")
                version_source = "exe" if version else None
    if version is None and cand.registry_version:
        version, version_source = cand.registry_version, "registry"

    major = _major(version)
    branding = read_branding(cand.exe.parent if cand.exe is not None else None,
                             root.windows_path)
    problems.extend(branding.notes)
    if cand.exe is not None:
        data_windows, data_source, more = _data_path_for(root, cand.exe, branding, major)
        problems.extend(more)
    else:
        assert cand.data_path is not None
        data_windows, data_source = root.windows_path(cand.data_path) + "\\", "default"
        if major is None:
            major = int(cand.data_path.name) if cand.data_path.name.isdigit() else None
    data_path = _mapped(root, data_windows)
    configs_dir = _mapped(root, data_windows + "Configs\\")

    db, correct_exit, db_problems = _database(root, data_windows, configs_dir)
    problems.extend(db_problems)

    if branding.build != "original":
        product = branding.describe()
    elif major == 5:
        product = _("GBS.Market 5 (старая версия: собрать можно, но поддержка попросит обновиться)")
    else:
        product = "GBS.Market 6" if major in (6, None) else f"GBS.Market {major}"
    inst = Installation(
        product=product,
        major=major,
        partner=branding.build != "original",
        exe=cand.exe,
        exe_windows=root.windows_path(cand.exe) if cand.exe else None,
        version=version,
        version_source=version_source,
        version_text=product_text,
        data_path=data_path,
        data_path_windows=data_windows,
        data_path_source=data_source,
        configs_dir=configs_dir,
        logs_dir=_mapped(root, data_windows + "Logs\\"),
        crpt_logs_dir=_mapped(root, data_windows + "CRPT_logs\\"),
        database=db,
        correct_exit=None if cand.processes else correct_exit,
        running=cand.processes,
        found_by=cand.found_by,
        problems=problems,
        branding=branding,
        correct_exit_raw=correct_exit,
    )
    inst._root = root  # type: ignore[attr-defined]
    inst._assembly_version = assembly  # type: ignore[attr-defined]
    if not data_path.is_dir():
        problems.append(
            _("Папка данных {path} не найдена: журналы и настройки собрать не получится",
              path=inst.data_path_windows))
    return inst


def _mapped(root: SystemRoot, windows_path: str) -> Path:
    try:
        return _existing_case(root.path(windows_path))
    except RootError:
        return Path(windows_path)


def _data_path_for(root: SystemRoot, exe: Path, branding: Branding, major: int | None = 6
                   ) -> tuple[str, str, list[str]]:
    """DataPath as the program sets it (ApplicationInfo.SetDataPath): the default (moved by a
    valid vendor.dll), then AppConfig.conf's DataPath, verbatim. Returned with the program's own
    spelling: sub-folders are that text plus ``Logs\\``, ``Configs\\``…"""
    problems: list[str] = []
    program_data = root.windows_path(root.known_folder("ProgramData"))
    default = branding.data_dir(program_data)
    if major == 5:  # GBS.Market 5, another program: its data folder (the v5 import's default)
        default = program_data.rstrip("\\") + "\\F-Lab\\GBS.Market\\5\\"
    source = "vendor" if branding.build == "vendor" else "default"
    app_config = exe.parent / APP_CONFIG
    if not app_config.is_file():
        return default, source, problems
    try:
        data = read_json_config(app_config)
        target = data.get("DataPath")
        if not isinstance(target, str) or not target.strip():
            raise ConfigError(_("в {name} нет DataPath", name=APP_CONFIG))
    except ConfigError as exc:
        problems.append(_("{name} не прочитан: {error}. {product} с таким файлом не "
                          "запускается.", name=APP_CONFIG, error=exc, product=branding.name))
        return default, source, problems
    if not target.endswith("\\"):
        problems.append(_(
            "В {name} папка данных записана без «\\» в конце: «{target}». {product} "
            "приписывает к ней имена папок без разделителя, поэтому журналы лежат в "
            "{logs}, настройки в {configs} (а не в {target}\\Logs). Сборщик читает их "
            "там же, где программа.", name=APP_CONFIG, target=target, product=branding.name,
            logs=target + "Logs\\", configs=target + "Configs\\"))
    try:
        exists = root.path(target).is_dir()
    except RootError:
        exists = False
    if not exists:
        problems.append(_("{name} указывает на папку данных {target}, но её нет: {product} "
                          "создаёт её при запуске (или не запускается, если не может). "
                          "Проверьте, подключён ли диск.", name=APP_CONFIG, target=target,
                          product=branding.name))
    return target, "AppConfig.conf", problems


def _database(
    root: SystemRoot, data_windows: str, configs_dir: Path
) -> tuple[DatabaseInfo | None, bool | None, list[str]]:
    problems: list[str] = []
    data_path = _mapped(root, data_windows)
    cfg_path = _existing_case(configs_dir / "DataBase.json")
    cfg: DatabaseConfig | None = None
    if data_path.is_dir() or configs_dir.is_dir():
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
    if path_windows is None:
        path_windows = data_windows + "main.fdb"
    db_path: Path | None
    try:
        db_path = root.path(path_windows)
    except RootError as exc:
        db_path = None
        problems.append(str(exc))
    exists = bool(db_path and db_path.is_file())
    size = db_path.stat().st_size if exists and db_path else None
    backup_path = None
    if cfg and cfg.backup_path_windows:
        try:
            backup_path = root.path(cfg.backup_path_windows)
        except RootError:
            backup_path = None
    if not exists and not networked and db_path is not None:
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
        create_db_in_backup=cfg.create_db_in_backup if cfg else None,
    )
    return info, (cfg.correct_exit if cfg else None), problems


def _version_from_logs(installations: list[Installation], sources: list[Source]) -> None:
    """The version facts of each installation (GBS_MARKET.md §6): the exe's ProductVersion,
    cross-checked with its AssemblyVersion and the newest log header; bitness and what the
    program shows, from the newest ``Запуск программы.`` line of trace.log."""
    used = []
    for inst in installations:
        found = logs.newest_logged_version(inst.logs_dir)
        header = found[0] if found else None
        fallback = None
        if inst.version_source != "exe" and found is not None:
            fallback = (found[0], "log_header")
            used.append(_("{version} из {file}", version=found[0], file=found[1].name))
        elif inst.version_source == "registry" and inst.version:
            fallback = (inst.version, "registry")
        exe_ok = inst.exe is not None and inst.exe.is_file()
        facts = version_facts(
            exe_version=inst.version if inst.version_source == "exe" else None,
            product_text=inst.version_text if exe_ok else None,
            assembly_version=getattr(inst, "_assembly_version", None), header_version=header,
            started_line=_started_line(inst.logs_dir),
            exe_bits=exe_bitness(inst.exe) if exe_ok and inst.exe else None,
            ukraine=read_country(inst.configs_dir) == "Ukraine",
            exe_created=_created(inst.exe) if exe_ok and inst.exe else None,
            fallback=fallback, product=inst.name)
        inst.versions = facts
        inst.version, inst.version_source = facts.version, facts.source
        inst.major = inst.major or _major(facts.version)
        inst.version_text = _version_line(facts)
        inst.problems.extend(facts.problems)
    if used:
        sources.append(Source("log_header", "found", "; ".join(used)))
    elif any(i.version_source != "exe" for i in installations):
        sources.append(Source("log_header", "not_found", _("в журналах версия не записана")))


def _version_line(facts: VersionFacts) -> str | None:
    """«6.6.12.2634 (x64)»; with the program's own display beside it when that differs (the
    Ukraine date form)."""
    if not facts.version:
        return None
    own = f"{facts.version} ({facts.bitness})" if facts.bitness else facts.version
    if facts.shown and not facts.shown.startswith(facts.version + " "):
        return _("{version}; в программе показана как {shown}", version=own, shown=facts.shown)
    return own


def _started_line(logs_dir: Path) -> str | None:
    """What follows «Запуск программы.» in the newest day's trace.log."""
    for _day, folder in sorted(logs.day_folders(logs_dir).items(), reverse=True)[:2]:
        try:  # a day folder closed to us (PermissionError) is just not read here
            trace = _existing_case(folder / "trace.log")
            found = last_mark(trace, STARTED) if trace.is_file() else None
        except OSError:
            found = None
        if found is not None:
            return found[1]
    return None


def _created(path: Path) -> datetime | None:
    """The file's creation time on this PC (Windows keeps it as st_ctime before Python 3.12)."""
    try:
        st = path.stat()
    except OSError:
        return None
    birth = getattr(st, "st_birthtime", None)
    if birth is None and sys.platform == "win32":
        birth = st.st_ctime
    return datetime.fromtimestamp(birth) if birth else None


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


def _preference(inst: Installation) -> tuple:
    version = tuple(int(x) for x in (inst.version or "0").split(".") if x.isdigit())
    return (
        inst.collectable,
        "user_folder" in inst.found_by,  # the user showed where it is
        bool(inst.running),
        inst.exe is not None and inst.exe.is_file(),
        inst.data_path.is_dir(),
        version,
    )
