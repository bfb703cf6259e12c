"""``demo --root DIR``: write a demo GBS.Market installation to try the tool on."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from collector.cli import add_json_option, err, print_json
from collector.demo import DemoError, build_demo
from collector.demo_db import rows_for_size
from collector.errors import CollectorError, ExitCode


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="создать демонстрационную установку GBS.Market")
    p.add_argument("--root", required=True, metavar="DIR",
                   help="пустая папка (или прежняя демо-установка), которая изобразит диск C:\\")
    p.add_argument("--today", type=date.fromisoformat, metavar="ГГГГ-ММ-ДД",
                   help="последний день журналов (по умолчанию сегодня)")
    p.add_argument("--no-db", action="store_true", help="без базы данных Firebird")
    p.add_argument("--db-size-mb", type=int, metavar="N",
                   help="примерный размер базы данных в мегабайтах (для замеров)")
    add_json_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    params = rows_for_size(args.db_size_mb) if args.db_size_mb else None
    try:
        info = build_demo(Path(args.root), today=args.today, with_database=not args.no_db,
                          db_params=params, progress=lambda m: err(f"… {m}"))
    except DemoError as exc:
        raise CollectorError(str(exc)) from exc
    if args.json:
        print_json(info.to_json())
    else:
        err(f"Демо-установка готова: {info.root}")
        err(f"  GBS.Market {info.version}, GBS.ID {info.gbs_id}")
        err(f"  Проверьте: python -m collector detect --root {info.root}")
    return ExitCode.OK
