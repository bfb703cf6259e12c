"""Facts about the database for the manifest: size, page size, ODS, server version, transactions.

The transaction counters are there for the desk's "the program is slow" cases: a large gap
between the oldest active and the next transaction means a transaction left open for long.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from collector.database.failures import fail, from_exception, os_reason
from collector.database.header import DbHeader, NotFirebirdDatabase, read_header
from collector.database.target import BackupTarget, Credentials, credential_chain
from collector.database.tools import connect_database, embedded_engine_version


@dataclass
class DatabaseFacts:
    path: str
    engine: str  # embedded | server
    server: str | None  # host:port for a server
    size_bytes: int | None
    page_size: int | None
    ods_version: str | None
    server_version: str | None
    dialect: int | None = None
    oldest_transaction: int | None = None
    oldest_active: int | None = None
    oldest_snapshot: int | None = None
    next_transaction: int | None = None
    read_only: bool | None = None
    shutdown: str | None = None
    created: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def facts_from_header(target: BackupTarget, header: DbHeader, size: int | None,
                      server_version: str | None) -> DatabaseFacts:
    return DatabaseFacts(
        path=target.display, engine="embedded", server=None, size_bytes=size,
        page_size=header.page_size, ods_version=header.ods_version,
        server_version=server_version, dialect=header.dialect,
        oldest_transaction=header.oldest_transaction, oldest_active=header.oldest_active,
        oldest_snapshot=header.oldest_snapshot, next_transaction=header.next_transaction,
        read_only=header.read_only, shutdown=header.shutdown,
        created=header.created.isoformat(sep=" ") if header.created else None,
    )


def facts_from_connection(target: BackupTarget, con) -> DatabaseFacts:
    info = con.info
    created = info.creation_date
    return DatabaseFacts(
        path=target.display, engine="server", server=target.server_label,
        size_bytes=info.pages_allocated * info.page_size, page_size=info.page_size,
        ods_version=f"{info.ods_version}.{info.ods_minor_version}", server_version=info.version,
        dialect=info.sql_dialect, oldest_transaction=info.oit, oldest_active=info.oat,
        oldest_snapshot=info.ost, next_transaction=info.next_transaction,
        created=created.replace(microsecond=0).isoformat(sep=" ") if created else None,
    )


def database_facts(target: BackupTarget, *,
                   credentials: list[Credentials] | None = None) -> DatabaseFacts:
    """Facts without making a backup. Embedded: from the file's header page (nothing is
    attached, nothing written); server: from a short attachment with the first credentials that
    work. Raises :class:`DatabaseBackupError` with the reason when the database is out of reach."""
    if target.networked:
        raise fail("networked", path=target.display, server=target.server_label)
    if target.embedded or target.snapshot:  # never attach a file we only copy
        return embedded_facts(target)
    facts, _cred = probe_server(target, credentials)
    return facts


def embedded_facts(target: BackupTarget) -> DatabaseFacts:
    path = target.local_file
    where = dict(path=target.display, server=target.server_label)
    if path is None or not path.is_file():
        raise fail("missing", **where)
    try:
        header = read_header(path)
        size = path.stat().st_size
    except NotFirebirdDatabase as exc:
        raise fail("not_database", **where) from exc
    except OSError as exc:
        raise fail(os_reason(exc), detail=exc.strerror or str(exc), **where) from exc
    return facts_from_header(target, header, size, embedded_engine_version())


def probe_server(target: BackupTarget, credentials: list[Credentials] | None
                 ) -> tuple[DatabaseFacts, Credentials]:
    """Attach with each credential in turn (defaults first); the first that works gives facts.

    Any failure other than a refused login ends the search: another password will not start a
    stopped server or create a missing file.
    """
    tried: list[str] = []
    where = dict(path=target.display, server=target.server_label)
    for cred in credential_chain(credentials):
        try:
            con = connect_database(target.dsn, cred)
        except Exception as exc:
            reason, detail = from_exception(exc)
            if reason == "login":
                tried.append(cred.describe())
                continue
            raise fail(reason, detail=detail, **where) from exc
        try:
            return facts_from_connection(target, con), cred
        finally:
            con.close()
    raise fail("login", tried=tried, **where)
