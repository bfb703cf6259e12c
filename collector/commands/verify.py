"""``verify BUNDLE [--password P]``: is the bundle whole, and is every file in it the one the
manifest lists?

Exit codes: 0 in order; 2 no such file, or a password is needed / is wrong; 4 damaged, a volume
missing, or a checksum does not match (``.sha256`` beside it or ``manifest.json`` inside).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from collector.bundle import verify_bundle
from collector.cli import add_json_option, err, print_json
from collector.i18n import _
from collector.secret_input import ARCHIVE_PASSWORD_ENV, add_secret_option, resolve_secret


def add_password_option(p: argparse.ArgumentParser) -> None:
    add_secret_option(p, "--password", ARCHIVE_PASSWORD_ENV, _("пароль архива"))


def resolve_password(value: str | None) -> str | None:
    return resolve_secret(value, ARCHIVE_PASSWORD_ENV, "Пароль архива: ")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "verify", help="проверить архив поддержки: тома, пароль, контрольные суммы",
        description="Проверяет архив поддержки: все ли тома на месте, открывается ли он, "
                    "совпадают ли контрольные суммы (.sha256 рядом и manifest.json внутри). "
                    "Коды выхода: 0 — в порядке; 2 — нет файла, нужен пароль или он неверный; "
                    "4 — архив повреждён, не хватает тома или не совпадает контрольная сумма.")
    p.add_argument("bundle", metavar="BUNDLE", help="файл .7z или любой его том (.7z.001 …)")
    add_password_option(p)
    add_json_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    report = verify_bundle(Path(args.bundle), resolve_password(args.password))
    if args.json:
        print_json(report.to_json())
    else:
        err(report.format())
    return int(report.exit_code)
