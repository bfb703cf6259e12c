"""The database's header facts, read from the first page of ``main.fdb`` without attaching:
ODS, page size, the transaction counters and the gap between the oldest active and the next
transaction (a large gap is the classic cause of «программа работает медленно»). Nothing goes into
the archive; the facts go into the manifest and «Что известно»."""

from __future__ import annotations

from collector.i18n import _
from collector.sources.base import Source, Step
from collector.sources.database import DatabaseSource

GAP_WARNING = 20_000  # Firebird's default sweep interval: a gap past it is worth saying


class DatabaseHeaderSource(Source):
    name = "database_header"
    title = _("Проверка базы данных")
    group = DatabaseSource.group
    group_title = DatabaseSource.group_title
    icon = DatabaseSource.icon
    weight = 0.2
    time_limit = 15

    def collect(self, step: Step) -> None:
        from collector.database.header import HEADER_BYTES, NotFirebirdDatabase, parse_header
        from collector.winsys.sharedfile import open_shared

        db = step.installation.database
        if db is None or db.networked or db.path is None or not db.exists:
            step.skip(_("Файла базы на этом компьютере нет"))
            return
        try:
            with open_shared(db.path) as fh:  # the server holds it open
                header = parse_header(fh.read(HEADER_BYTES) or b"")
        except (OSError, NotFirebirdDatabase) as exc:
            step.skip(_("Заголовок базы не прочитан: {error}",
                        error=getattr(exc, "strerror", None) or exc))
            return
        gap = header.next_transaction - header.oldest_active
        step.manifest("database_header", header.to_json() | {"active_gap": gap})
        text = _("База данных: ODS {ods}, страница {page} байт; транзакции: oldest "
                 "{oit}, oldest active {oat}, next {next} (разрыв {gap}).",
                 ods=header.ods_version, page=header.page_size, oit=header.oldest_transaction,
                 oat=header.oldest_active, next=header.next_transaction, gap=gap)
        if gap > GAP_WARNING:
            text += " " + _("Разрыв больше {limit}: долго открытая транзакция, частая причина "
                            "медленной работы программы.", limit=GAP_WARNING)
        step.known(text)  # for the desk, in its words
        # for the person at the till, in theirs
        step.say(_("Похоже, в базе долго не закрывается транзакция — частая причина медленной "
                   "работы; подробности поддержка увидит в обращении.") if gap > GAP_WARNING
                 else _("Сведения о базе записаны в обращение"))
