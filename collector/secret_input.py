"""Passwords for the command line without putting them where others can read them.

A value after ``--password`` is visible to every program on the PC (the process list), so the
options also work without a value (asked on the terminal, or one line read from stdin when
piped), from an environment variable, or from a file (``-`` for stdin).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from collector.errors import CollectorError
from collector.i18n import _
from collector.redact import register_secret

ARCHIVE_PASSWORD_ENV = "GBS_COLLECTOR_PASSWORD"
DB_PASSWORD_ENV = "GBS_COLLECTOR_DB_PASSWORD"
ASK = "\0ask"  # the option was given without a value


def add_secret_option(p: argparse.ArgumentParser, flag: str, env: str, what: str) -> None:
    p.add_argument(flag, nargs="?", const=ASK, metavar="P",
                   help=_("{what}. Без значения — спросить (так пароль не виден в списке "
                          "процессов); или переменная окружения {env}", what=what, env=env))


def read_secret_file(path: str) -> str:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CollectorError(_("Не удалось прочитать файл {path}: {error}", path=path,
                               error=exc.strerror or type(exc).__name__)) from exc
    return text.strip()


def resolve_secret(value: str | None, env: str, prompt: str, *, warn=None) -> str | None:
    """The secret from ``--option [P]`` / the environment; registered for log scrubbing."""
    secret: str | None
    if value == ASK:
        secret = os.environ.get(env) or None
        if secret is None:
            if sys.stdin is not None and sys.stdin.isatty():
                secret = getpass.getpass(prompt) or None
            elif sys.stdin is not None:
                secret = sys.stdin.readline().rstrip("\r\n") or None
    elif value:
        if warn is not None:
            warn(_("Внимание: пароль в командной строке видят другие программы на этом "
                   "компьютере. Безопаснее указать параметр без значения или переменную {env}.",
                   env=env))
        secret = value
    else:
        secret = os.environ.get(env) or None
    register_secret(secret)
    return secret
