"""``upload BUNDLE [--intake URL] [--url URL]``: send the bundle to the desk; prints the request
number («Номер обращения: N»; ``--json``: ``request_number``).

The desk's intake (``intake_url``) is the channel; ``--url`` (``upload_url``) is the tus server
for the large part of a big bundle, and the only channel when no intake is set. The token is never
taken from the command line (other programs can read a process's arguments): it comes from the
settings file, ``GBS_COLLECTOR_UPLOAD_TOKEN``, or ``--token-file``. Same for the archive password
(``--password-file`` or ``GBS_COLLECTOR_PASSWORD``), needed to read an encrypted bundle's request
text and manifest.

Not sent on purpose (``Sender.route``): a demo bundle when no server on this PC is named (exit
2), a bundle of a build with its own desk — partner, vendor, Country Ukraine or Kazakhstan —
unless ``intake_also_for`` allows it or ``--intake``/``--url`` names the server (exit 6, the
message says where to send it; ``--json``: ``not_sent``, ``desk``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from collector.cli import add_json_option, err, print_json
from collector.delivery.bundlefile import find_bundle
from collector.delivery.intake import MaybeDelivered, when_text
from collector.delivery.outbox import FAILED, SENT, UNCERTAIN, WAITING, Outbox, OutboxEntry
from collector.delivery.send import DemoNotSent, OtherDesk, Sender, SendResult
from collector.delivery.tus import DeliveryError, Progress
from collector.errors import Cancelled, CollectorError, ExitCode
from collector.humanize import human_size
from collector.i18n import _
from collector.secret_input import ARCHIVE_PASSWORD_ENV, read_secret_file
from collector.settings import load_settings

PASSWORD_ENV = ARCHIVE_PASSWORD_ENV


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("upload", help="отправить архив в поддержку через интернет; выводит "
                                      "номер обращения")
    p.add_argument("bundle", nargs="?", metavar="BUNDLE",
                   help="архив .7z (или первый том .7z.001)")
    p.add_argument("--intake", metavar="URL",
                   help="адрес приёма обращений поддержки (вместо intake_url из настроек)")
    p.add_argument("--url", metavar="URL",
                   help="адрес сервера загрузки больших файлов, tus (вместо upload_url)")
    p.add_argument("--token-file", metavar="FILE",
                   help="файл с ключом отправки («-» — прочитать со стандартного ввода)")
    p.add_argument("--password-file", metavar="FILE",
                   help="файл с паролем архива (чтобы прочитать manifest.json)")
    p.add_argument("--chunk-mb", type=float, metavar="N", help="размер порции в МБ")
    p.add_argument("--pending", action="store_true",
                   help="отправить всё, что ждёт в очереди «Отправить позже»")
    p.add_argument("--list", action="store_true", help="показать очередь отправки")
    p.add_argument("--remove", metavar="ID", help="убрать запись из очереди")
    p.add_argument("--delete-files", action="store_true",
                   help="вместе с --remove удалить и сам архив")
    add_json_option(p)
    p.set_defaults(handler=run)


class ProgressPrinter:
    """One updating line on a terminal; a line every few seconds in a log."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last = 0.0
        self.last_msg = ""
        self.open_line = False

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if p.message and p.message != self.last_msg:
            self._line(p.message, final=True)
            self.last_msg = p.message
        if p.phase not in ("upload", "hash"):
            return
        if not self.tty and now - self.last < 5 and p.sent < p.total:
            return
        self.last = now
        self._line(format_progress(p), final=not self.tty)

    def _line(self, text: str, final: bool) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + text + ("\n" if final else ""))
            self.open_line = not final
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False


def format_duration(seconds: float) -> str:
    h, rest = divmod(round(seconds), 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def format_progress(p: Progress) -> str:
    pct = int(p.fraction * 100)
    if p.phase == "hash":
        return _("Контрольная сумма: {done} из {total} ({pct}%)", done=human_size(p.sent),
                 total=human_size(p.total), pct=pct)
    text = _("Отправлено {done} из {total} ({pct}%)", done=human_size(p.sent),
             total=human_size(p.total), pct=pct)
    if p.parts > 1:
        text += _(", том {part} из {parts}", part=p.part, parts=p.parts)
    if p.speed:
        text += f" · {human_size(p.speed)}/с"
    if p.eta is not None:
        text += _(" · осталось {eta}", eta=format_duration(p.eta))
    return text


def _password(args: argparse.Namespace) -> str | None:
    if args.password_file:
        return read_secret_file(args.password_file)
    return os.environ.get(PASSWORD_ENV) or None


def _status_text(e: OutboxEntry) -> str:
    if e.status == WAITING and e.request_code and e.large_part == "pending":
        return _("обращение {number} принято, полный архив ждёт отправки", number=e.request_code)
    return {WAITING: _("ждёт отправки"),
            SENT: _("отправлен, код {code}", code=e.request_code) if e.channel == "tus"
            else _("отправлен, номер обращения {code}", code=e.request_code),
            UNCERTAIN: _("возможно, дошёл (попытка {when}): ответ сервера не получен",
                         when=when_text(e.uncertain_at)),
            FAILED: _("не отправлен")}.get(e.status, e.status)


def list_outbox(outbox: Outbox, as_json: bool) -> int:
    entries = outbox.entries()
    if as_json:
        print_json({"outbox": [e.to_json() for e in entries]})
        return ExitCode.OK
    if not entries:
        err(_("Очередь отправки пуста."))
    for e in entries:
        err(f"{e.id}  {e.bundle}  {human_size(e.size)}  {_status_text(e)}"
            + ("" if e.files_exist else _(" (файл не найден)")))
        if e.message:
            err(f"    {e.message}")
    return ExitCode.OK


def run(args: argparse.Namespace) -> int:
    outbox = Outbox()
    if args.list:
        return list_outbox(outbox, args.json)
    if args.remove:
        deleted = outbox.remove(args.remove, delete_files=args.delete_files)
        err(_("Запись убрана из очереди.") + (
            " " + _("Удалены файлы: {files}", files=", ".join(deleted)) if deleted else ""))
        return ExitCode.OK
    if not args.bundle and not args.pending:
        raise CollectorError(_("Укажите архив для отправки (или --pending, --list)."))

    settings = load_settings()
    if args.chunk_mb:
        settings.upload_chunk_mb = args.chunk_mb
    token = read_secret_file(args.token_file) if args.token_file else None
    printer = ProgressPrinter()
    sender = Sender(settings, intake_url=args.intake, upload_url=args.url, token=token,
                    on_progress=printer, outbox=outbox)
    password = _password(args)

    entries: list[OutboxEntry] = []
    if args.bundle:
        entries.append(outbox.add(find_bundle(args.bundle)))
    if args.pending:
        entries += [e for e in outbox.pending() if e.id not in {x.id for x in entries}]
    if not entries:
        err(_("Нечего отправлять: очередь «Отправить позже» пуста."))
        if args.json:
            print_json({"results": []})
        return ExitCode.OK

    results: list[dict] = []
    failed = False
    worst = ExitCode.DELIVERY_FAILED
    try:
        for entry in entries:
            err(_("Отправка {name} ({size})…", name=entry.bundle, size=human_size(entry.size)))
            if entry.status == UNCERTAIN:
                err(_("Внимание: попытка {when} могла дойти до поддержки, хотя ответ не пришёл. "
                      "Эта отправка может её продублировать; в обращении это отмечено.",
                      when=when_text(entry.uncertain_at)))
            try:
                result: SendResult = sender.send(entry, password)
            except DeliveryError as exc:
                printer.done()
                number = getattr(exc, "request_number", "")
                if number:
                    err(_("Номер обращения: {number}", number=number))
                if exc.retry_later or number:
                    exc.message = _(
                        "{reason}\nАрхив {name} сохранён в очереди «Отправить позже»: программа "
                        "предложит отправить его при следующем запуске (или команда: collector "
                        "upload --pending).", reason=exc.message, name=entry.bundle)
                results.append({"bundle": entry.bundle, "error": exc.message,
                                "queued": exc.retry_later or bool(number),
                                "request_number": number or None,
                                "may_have_been_delivered": isinstance(exc, MaybeDelivered),
                                "not_sent": _not_sent_kind(exc),
                                "desk": exc.desk.to_json() if isinstance(exc, OtherDesk)
                                else None})
                if len(entries) == 1:
                    if args.json:
                        print_json(results[0])
                    raise
                err(exc.message)
                failed = True
                worst = max(worst, exc.exit_code) if _not_sent_kind(exc) else worst
                continue
            printer.done()
            err(result.summary())
            label = _("Код обращения: {number}") if result.channel == "tus" \
                else _("Номер обращения: {number}")
            err(label.format(number=result.request_number))
            if result.drafts:
                err(_("Письма с полным архивом: {paths}", paths=", ".join(result.drafts)))
            results.append(result.to_json())
            if not args.json:
                print(result.request_number, flush=True)
    except (KeyboardInterrupt, Cancelled):
        printer.done()
        raise Cancelled(_("Отправка прервана. Архив остался в очереди «Отправить позже»; "
                          "при следующей отправке она продолжится.")) from None
    if args.json:
        print_json(results[0] if len(results) == 1 and not args.pending else
                   {"results": results})
    return worst if failed else ExitCode.OK


def _not_sent_kind(exc: DeliveryError) -> str | None:
    """Not sent on purpose: ``other_desk`` (the build has its own desk, exit 6) or ``demo``
    (a demo bundle and no server on this PC, exit 2)."""
    if isinstance(exc, OtherDesk):
        return "other_desk"
    if isinstance(exc, DemoNotSent):
        return "demo"
    return None
