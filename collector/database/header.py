"""Read a Firebird database's header page straight from the file, without any engine.

Attaching with any Firebird engine writes to the database (the header page's transaction and
attachment counters, the transaction inventory), so facts about a file we must not change are read
from its first page instead. Layout: ``struct header_page`` in Firebird's ``src/jrd/ods.h``
(ODS 10–13 share the fields used here; all little-endian on the x86 machines GBS.Market runs on).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

PAGE_TYPE_HEADER = 1
ODS_FIREBIRD_FLAG = 0x8000
# hdr_flags bits
FLAG_FORCE_WRITE = 0x02
FLAG_DIALECT_3 = 0x10
FLAG_READ_ONLY = 0x20
SHUTDOWN_MASK = 0x1080
SHUTDOWN_MODES = {0x0000: None, 0x0080: "multi", 0x1000: "full", 0x1080: "single"}
_MJD_EPOCH = datetime(1858, 11, 17)
HEADER_BYTES = 128


class NotFirebirdDatabase(ValueError):
    pass


@dataclass(frozen=True)
class DbHeader:
    page_size: int
    ods_major: int
    ods_minor: int
    generation: int  # bumped on every write of the header page
    oldest_transaction: int
    oldest_active: int
    oldest_snapshot: int
    next_transaction: int
    next_attachment_id: int
    dialect: int
    forced_writes: bool
    read_only: bool
    shutdown: str | None  # None | multi | full | single
    created: datetime | None

    @property
    def ods_version(self) -> str:
        return f"{self.ods_major}.{self.ods_minor}"

    def to_json(self) -> dict:
        return {
            "page_size": self.page_size,
            "ods_version": self.ods_version,
            "dialect": self.dialect,
            "oldest_transaction": self.oldest_transaction,
            "oldest_active": self.oldest_active,
            "oldest_snapshot": self.oldest_snapshot,
            "next_transaction": self.next_transaction,
            "forced_writes": self.forced_writes,
            "read_only": self.read_only,
            "shutdown": self.shutdown,
            "created": self.created.isoformat(sep=" ") if self.created else None,
        }


def parse_header(raw: bytes) -> DbHeader:
    if len(raw) < 80:
        raise NotFirebirdDatabase("short header")
    page_type = raw[0]
    page_size, ods_raw = struct.unpack_from("<HH", raw, 16)
    if page_type != PAGE_TYPE_HEADER or not ods_raw & ODS_FIREBIRD_FLAG or \
            page_size not in (1024, 2048, 4096, 8192, 16384, 32768):
        raise NotFirebirdDatabase("not a Firebird header page")
    generation = struct.unpack_from("<I", raw, 4)[0]
    oit, oat, next_tx = struct.unpack_from("<III", raw, 28)
    flags = struct.unpack_from("<H", raw, 42)[0]
    cdate, ctime, att_id = struct.unpack_from("<iii", raw, 44)
    ods_minor = struct.unpack_from("<H", raw, 64)[0]
    ost = struct.unpack_from("<I", raw, 72)[0]
    try:
        created = _MJD_EPOCH + timedelta(days=cdate, seconds=ctime / 10000)
    except (OverflowError, ValueError):
        created = None
    return DbHeader(
        page_size=page_size,
        ods_major=ods_raw & ~ODS_FIREBIRD_FLAG,
        ods_minor=ods_minor,
        generation=generation,
        oldest_transaction=oit,
        oldest_active=oat,
        oldest_snapshot=ost,
        next_transaction=next_tx,
        next_attachment_id=att_id,
        dialect=3 if flags & FLAG_DIALECT_3 else 1,
        forced_writes=bool(flags & FLAG_FORCE_WRITE),
        read_only=bool(flags & FLAG_READ_ONLY),
        shutdown=SHUTDOWN_MODES.get(flags & SHUTDOWN_MASK),
        created=created.replace(microsecond=0) if created else None,
    )


def read_header_bytes(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(HEADER_BYTES)


def read_header(path: Path) -> DbHeader:
    return parse_header(read_header_bytes(path))
