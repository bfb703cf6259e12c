"""Firebird database backup for the bundle: consistent, streamed, verified, never touching the
customer's database. See :mod:`collector.database.backup` for how, and the modules below for the
pieces. Everything a caller needs is importable from here.
"""

from collector.database.backup import (
    BackupProgress,
    BackupResult,
    backup_database,
    backup_to_file,
)
from collector.database.facts import DatabaseFacts, database_facts, embedded_facts
from collector.database.failures import REASONS, DatabaseBackupError
from collector.database.program_backups import ProgramBackup, age_text, find_program_backups
from collector.database.target import (
    DEFAULT_CREDENTIALS,
    BackupTarget,
    Credentials,
    TargetError,
    embedded_target,
    parse_fb_server,
    server_target,
    target_from_installation,
)
from collector.database.tools import find_gbak
from collector.database.verify import VerifyResult, verify_backup

__all__ = [
    "DEFAULT_CREDENTIALS",
    "REASONS",
    "BackupProgress",
    "BackupResult",
    "BackupTarget",
    "Credentials",
    "DatabaseBackupError",
    "DatabaseFacts",
    "ProgramBackup",
    "TargetError",
    "VerifyResult",
    "age_text",
    "backup_database",
    "backup_to_file",
    "database_facts",
    "embedded_facts",
    "embedded_target",
    "find_gbak",
    "find_program_backups",
    "parse_fb_server",
    "server_target",
    "target_from_installation",
    "verify_backup",
]
