"""``python -m collector``: the command line (contract in DESIGN.md).

Messages for people go to stderr in Russian; ``--json`` puts one JSON object on stdout. Exit codes:
0 done, 2 usage, 3 no installation, 4 a step failed, 5 delivery failed, 130 cancelled.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from collector import __version__
from collector.commands import COMMANDS
from collector.errors import Cancelled, CollectorError, ExitCode
from collector.sysroot import RootError

log = logging.getLogger("collector")
LOGGED_COMMANDS = {"collect", "upload", "email"}
INTERNAL_ERROR = 1  # not in the contract's list: only a bug in the collector gives it


class RussianArgumentParser(argparse.ArgumentParser):
    """argparse with its own messages in Russian and exit code 2 on misuse."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        err(f"Ошибка в параметрах: {_ru_argparse(message)}")
        sys.exit(ExitCode.USAGE)


def _ru_argparse(message: str) -> str:
    replacements = {
        "the following arguments are required": "не указаны обязательные параметры",
        "unrecognized arguments": "неизвестные параметры",
        "invalid choice": "недопустимое значение",
        "expected one argument": "нужно значение",
        "argument": "параметр",
    }
    for en, ru in replacements.items():
        message = message.replace(en, ru)
    return message


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    sys.stdout.flush()


def add_root_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", metavar="DIR",
                   help="папка, изображающая диск C:\\ (демо, тесты); по умолчанию этот ПК "
                        "или переменная GBS_COLLECTOR_ROOT")


def add_json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="вывести один объект JSON на stdout")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv`` naming a command, only that command's module is imported
    (each pulls in its own libraries: Firebird, py7zr, requests…), so ``detect`` starts
    without the archive code. Without one, every command is there for the help text."""
    parser = RussianArgumentParser(
        prog="collector",
        description="GBS Support Collector — собирает всё, что нужно поддержке GBS.Market, "
                    "в один файл.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="подробный журнал на stderr")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="настройка вместо collector_settings.json и переменных окружения "
                             "(можно несколько), например --set intake_max_mb=20")
    sub = parser.add_subparsers(
        dest="command", metavar="КОМАНДА", parser_class=RussianArgumentParser
    )
    sub.required = True
    for name in _commands_needed(argv):
        importlib.import_module(f"collector.commands.{name}").register(sub)
    return parser


def _commands_needed(argv: Sequence[str] | None) -> list[str]:
    if argv is None:
        return COMMANDS
    words = [a for a in argv if not a.startswith("-")]
    if words and words[0] in COMMANDS and words[0] == next(
            (a for a in argv if a not in ("-v", "--verbose")), None):
        return [words[0]]
    return COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    # Imported here: the GUI's launcher reads COMMANDS before its first paint, and the log's
    # secret filter (collector.redact) is not needed for that.
    from collector.applog import setup_logging

    # Only commands that change something keep a log file; looking (detect, logs…) leaves no trace.
    setup_logging(verbose=args.verbose, to_file=args.command in LOGGED_COMMANDS)
    log.info("command: %s", args.command)
    from collector.debris import clean_stale, runs_folder

    cleaned = clean_stale(runs=runs_folder())
    if cleaned:
        err(cleaned.message())
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        from collector.settings import set_cli_override

        for assignment in args.set:
            set_cli_override(assignment)
        return int(handler(args))
    except Cancelled as exc:
        err(exc.message)
        return ExitCode.CANCELLED
    except KeyboardInterrupt:
        err("Отменено пользователем.")
        return ExitCode.CANCELLED
    except CollectorError as exc:
        err(exc.message)
        return exc.exit_code
    except RootError as exc:
        err(str(exc))
        return ExitCode.USAGE
    except Exception as exc:  # a bug: a plain message for the person, the details to the log
        log.exception("unexpected error")
        where = getattr(logging.getLogger(), "_gbs_log_path", None)
        err(f"Внутренняя ошибка сборщика: {type(exc).__name__}: {exc}."
            + (f" Подробности в журнале {where}." if where else "")
            + " Сообщите об этом в поддержку.")
        return INTERNAL_ERROR
