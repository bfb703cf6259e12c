"""``email BUNDLE``: write an e-mail draft (.eml) with the bundle attached, optionally open it in
the mail client or show it in the file manager."""

from __future__ import annotations

import argparse
from pathlib import Path

from collector.cli import add_json_option, err, print_json
from collector.commands.upload import _password
from collector.delivery.bundlefile import find_bundle, read_bundle_info
from collector.delivery.email_draft import write_drafts
from collector.delivery.mailclient import open_in_mail_client, reveal_in_file_manager
from collector.desk import desk_of
from collector.errors import CollectorError, ExitCode
from collector.i18n import _
from collector.settings import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("email", help="подготовить письмо в поддержку с архивом во вложении")
    p.add_argument("bundle", metavar="BUNDLE", help="архив .7z (или первый том .7z.001)")
    p.add_argument("--out", metavar="DIR", help="куда положить черновик (по умолчанию рядом "
                                                "с архивом)")
    p.add_argument("--to", metavar="ADDR",
                   help="адрес получателя (по умолчанию поддержка сборки, из которой архив: "
                        "support_email из настроек или адрес поставщика)")
    p.add_argument("--request", metavar="FILE",
                   help="текст письма из файла (по умолчанию request.txt из архива)")
    p.add_argument("--limit-mb", type=float, metavar="N",
                   help="предел размера письма в МБ (по умолчанию mail_limit_mb из настроек)")
    p.add_argument("--password-file", metavar="FILE",
                   help="файл с паролем архива (чтобы прочитать request.txt и manifest.json)")
    p.add_argument("--open", action="store_true", help="открыть черновик в почтовой программе")
    p.add_argument("--reveal", action="store_true", help="показать черновик в папке")
    p.add_argument("--again", action="store_true",
                   help="подготовить письмо, даже если архив уже отправлен в поддержку")
    add_json_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    request_text = None
    if args.request:
        try:
            request_text = Path(args.request).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CollectorError(_("Не удалось прочитать файл {path}: {error}",
                                   path=args.request,
                                   error=exc.strerror or type(exc).__name__)) from exc
    password = _password(args)
    files = find_bundle(args.bundle)
    info = read_bundle_info(files, password)
    # GBS's address, or the desk of the build the bundle comes from (collector.desk)
    to = args.to if args.to is not None else desk_of(info.build, settings).email
    result = write_drafts(
        files, out_dir=Path(args.out) if args.out else None, to=to,
        limit_mb=args.limit_mb or float(settings.mail_limit_mb),
        request_text=request_text, password=password, info=info, again=args.again)
    err(result.message)
    handoffs = []
    first = result.drafts[0].path
    if args.open:
        for d in result.drafts:
            h = open_in_mail_client(d.path)
            handoffs.append({"action": "open", "ok": h.ok, "message": h.message})
            err(h.message)
    if args.reveal:
        h = reveal_in_file_manager(first)
        handoffs.append({"action": "reveal", "ok": h.ok, "message": h.message})
        err(h.message)
    if args.json:
        data = result.to_json()
        data["handoff"] = handoffs
        print_json(data)
    else:
        for d in result.drafts:
            print(d.path, flush=True)
    return ExitCode.OK
