"""``detect``: which GBS.Market is installed, its exact version, where its data is."""

from __future__ import annotations

import argparse

from collector.cli import add_json_option, add_root_option, err, print_json
from collector.desk import BuildFacts, desk_of
from collector.errors import ExitCode
from collector.gbsid import find_gbs_ids, no_id_help
from collector.humanize import human_size
from collector.installation import Detection, Installation, detect
from collector.links import desk_links
from collector.settings import load_settings
from collector.sysroot import SystemRoot
from collector.updates import UpdateStatus, check_installation

SOURCE_NAMES = {
    "registry": "реестр",
    "default_folder": "папка установки по умолчанию",
    "process": "запущенная программа",
    "data_folder": "папка данных",
    "log_header": "заголовок журнала",
}
VERSION_SOURCES = {"exe": "из Market.exe", "log_header": "из журнала", "registry": "из реестра"}
DATA_SOURCES = {"AppConfig.conf": "задана в AppConfig.conf", "default": "по умолчанию",
                "partner": "партнёрская сборка"}
CONNECTION = {"Local": "локальная", "NetWork": "сетевая (база на другом компьютере)",
              "NotSet": "не настроена"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="найти GBS.Market и её точную версию")
    add_root_option(p)
    add_json_option(p)
    add_update_options(p)
    p.set_defaults(handler=run)


def add_update_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--offline", action="store_true",
                   help="не спрашивать сервер обновлений (только последний ответ, сохранённый "
                        "программой)")
    p.add_argument("--update-mirror", metavar="URL", action="append",
                   help="сервер обновлений программы (вместо update_mirrors из настроек; можно "
                        "несколько, по порядку)")


def check_update_for(inst: Installation, args: argparse.Namespace) -> UpdateStatus:
    settings = load_settings()
    if args.update_mirror:
        settings.update_mirrors = list(args.update_mirror)
    return check_installation(inst, settings, online=not args.offline)


def run(args: argparse.Namespace) -> int:
    root = SystemRoot.from_arg(args.root)
    detection = detect(root)
    update = None
    if detection.installation is not None:
        update = check_update_for(detection.installation, args)
    gbs_ids = find_gbs_ids(root, detection.installation) if detection.installation else []
    settings = load_settings()
    links = desk_links(settings, detection.installation, gbs_ids[0].value if gbs_ids else None)
    if args.json:
        data = detection.to_json()
        data["update"] = update.to_json() if update else None
        data["gbs_ids"] = [c.to_json() for c in gbs_ids]
        data["links"] = links.to_json()
        print_json(data)
    else:
        text = format_detection(detection, update, gbs_ids)
        if links.support or links.kb:
            desk = desk_of(BuildFacts.of_installation(detection.installation), settings)
            text += f"\n\nПоддержка {desk.name}:"
            if links.kb:
                text += f"\n  База знаний (сначала поищите ответ там): {links.kb}"
            if links.support:
                text += f"\n  Связаться с поддержкой: {links.support}"
        err(text)
    return ExitCode.OK if detection.installation is not None else ExitCode.NO_INSTALLATION


def format_installation(inst: Installation, update: UpdateStatus | None) -> list[str]:
    lines = [f"{inst.product} — найдена"]
    if inst.version:
        version = f"{inst.version} ({VERSION_SOURCES.get(inst.version_source or '', '?')})"
    else:
        version = "не определена"
    lines.append(f"  Версия:           {version}")
    if update is not None:
        lines.append(f"  Обновления:       {update.message}")
    lines.append(f"  Программа:        {inst.exe_windows or 'Market.exe не найден'}")
    lines.append(f"  Папка данных:     {inst.data_path_windows} "
                 f"({DATA_SOURCES.get(inst.data_path_source, inst.data_path_source)})")
    lines.append(f"  Настройки:        {inst.to_json()['configs_dir']}")
    lines.append(f"  Журналы:          {inst.to_json()['logs_dir']}")
    db = inst.database
    if db is None:
        lines.append("  База данных:      не найдена")
    else:
        where = CONNECTION.get(db.connection_type, db.connection_type)
        size = human_size(db.size_bytes) if db.exists and db.size_bytes is not None \
            else "файла нет"
        lines.append(f"  База данных:      {db.path_windows} ({size}), {where}, "
                     f"сервер {db.server}:{db.port}")
    if inst.running:
        pids = ", ".join(str(p.pid) for p in inst.running)
        lines.append(f"  Сейчас запущена:  да (PID {pids})")
    else:
        lines.append("  Сейчас запущена:  нет")
    exit_text = {True: "штатно", False: "программа закрылась аварийно (CorrectExit = false)",
                 None: "неизвестно"}[inst.correct_exit]
    lines.append(f"  Последний выход:  {exit_text}")
    return lines


def format_detection(det: Detection, update: UpdateStatus | None,
                     gbs_ids: list | None = None) -> str:
    lines: list[str] = []
    inst = det.installation
    if inst is None:
        lines.append("GBS.Market на этом компьютере не найдена.")
        lines.append("Что сделать: убедитесь, что программа установлена (ярлык «GBS.Market» на "
                     "рабочем столе). Если она установлена в другую папку, запустите её и "
                     "повторите — сборщик найдёт запущенную программу.")
    else:
        lines += format_installation(inst, update)
        if gbs_ids:
            for i, cand in enumerate(gbs_ids):
                label = "  GBS.ID:           " if i == 0 else "  ещё GBS.ID:       "
                lines.append(f"{label}{cand.value} ({cand.detail})")
        else:
            lines.append("  GBS.ID:           не найден. "
                         + str(no_id_help(product=inst.name)).splitlines()[0])
        if inst.problems:
            lines.append("")
            lines.append("Замечания:")
            lines += [f"  ! {p}" for p in inst.problems]
    for other in det.others:
        lines.append("")
        lines.append(f"Также найдена: {other.product}, версия {other.version or '?'}, "
                     f"{other.exe_windows or other.data_path_windows}")
    lines.append("")
    lines.append("Где искали:")
    for s in det.sources:
        mark = {"found": "+", "not_found": "-", "error": "!"}[s.status]
        lines.append(f"  {mark} {SOURCE_NAMES.get(s.name, s.name)}: {s.detail}")
    return "\n".join(lines)
