"""``gbsid``: find the GBS.ID without typing it; write ``gbs_id.txt`` and its QR code."""

from __future__ import annotations

import argparse
from pathlib import Path

from collector.branding import product_name
from collector.cli import add_json_option, add_root_option, err, print_json
from collector.errors import CollectorError, ExitCode
from collector.gbsid import (
    GbsIdCandidate,
    copy_gbs_id,
    find_gbs_ids,
    gbs_id_search_places,
    no_id_help,
    qr_image,
    write_gbs_id_files,
)
from collector.i18n import _
from collector.installation import detect
from collector.sysroot import SystemRoot


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gbsid", help="найти GBS.ID (без ввода вручную) и сделать его QR-код")
    add_root_option(p)
    add_json_option(p)
    p.add_argument("--clipboard", action="store_true",
                   help="взять также ID, скопированный в буфер обмена из GBS.Market")
    p.add_argument("--pick", type=int, metavar="N",
                   help="какой из найденных ID использовать (номер в списке, с 1)")
    p.add_argument("--out", metavar="DIR", help="записать gbs_id.txt и gbs_id_qr.png в папку DIR")
    p.add_argument("--qr", metavar="FILE", help="записать только QR-код в PNG-файл FILE")
    p.add_argument("--copy", action="store_true", help="скопировать выбранный ID в буфер обмена")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    root = SystemRoot.from_arg(args.root)
    inst = detect(root).installation
    clip_text = None
    clip_problem = None
    if args.clipboard:
        from collector.clipboard import ClipboardError, read_text

        try:
            clip_text = read_text()
        except ClipboardError as exc:
            clip_problem = exc.message
    candidates = find_gbs_ids(root, inst, clip_text)
    places = gbs_id_search_places(root, inst)
    chosen = _choose(candidates, args.pick, need=bool(args.out or args.qr or args.copy))
    files: dict[str, str] = {}
    if chosen is not None:
        if args.out:
            txt, png = write_gbs_id_files(chosen.value, Path(args.out))
            files.update(txt=str(txt), png=str(png))
        if args.qr:
            target = Path(args.qr)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                qr_image(chosen.value, caption=True).convert("L").save(target, "PNG")
            except OSError as exc:
                raise CollectorError(_("Не удалось записать {path}: {error}", path=target,
                                       error=exc.strerror or exc)) from exc
            files["qr"] = str(target)
        if args.copy:
            copy_gbs_id(chosen.value)
    if args.json:
        print_json({
            "candidates": [c.to_json() for c in candidates],
            "chosen": chosen.value if chosen else None,
            "ambiguous": len(candidates) > 1,
            "searched": [p.windows_path for p in places],
            "clipboard_problem": clip_problem,
            "help": None if candidates else no_id_help(places, product_name(inst)),
            "files": files,
        })
    else:
        if clip_problem:
            err(clip_problem)
        if not candidates:
            err(no_id_help(places, product_name(inst)))
        else:
            err(_("Найдено GBS.ID: {n}", n=len(candidates)))
            for i, c in enumerate(candidates, 1):
                mark = "*" if c is chosen else " "
                err(f"{mark} {i}. {c.value}")
                for s in c.sightings:
                    err(f"       {s.detail}")
            if len(candidates) > 1 and chosen is None:
                err(_("Найдено несколько ID: выберите нужный параметром --pick N (ID, которым "
                      "программа пользуется сейчас, — первый в списке)."))
        for name, path in files.items():
            err(_("Записан файл: {path}", path=path) if name != "png" else
                _("Записан QR-код: {path}", path=path))
        if args.copy and chosen is not None:
            err(_("GBS.ID {value} скопирован в буфер обмена.", value=chosen.value))
    return ExitCode.OK if candidates else ExitCode.STEP_FAILED


def _choose(candidates: list[GbsIdCandidate], pick: int | None,
            need: bool) -> GbsIdCandidate | None:
    if pick is not None:
        if not 1 <= pick <= len(candidates):
            raise CollectorError(_("Нет ID под номером {n}: найдено {count}.", n=pick,
                                   count=len(candidates)))
        return candidates[pick - 1]
    if len(candidates) == 1:
        return candidates[0]
    if need and len(candidates) > 1:
        listing = "\n".join(f"  {i}. {c.describe()}" for i, c in enumerate(candidates, 1))
        raise CollectorError(_("Найдено несколько GBS.ID — укажите нужный параметром --pick N:\n"
                               "{listing}", listing=listing))
    return None
