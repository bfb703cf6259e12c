"""Costs on the GUI's hot paths of the form, side by side with a baseline doing the bare minimum.

* draft save — called on every change (keystroke): ``DraftStore.save`` (JSON, atomic replace,
  fsync) against writing the same bytes with open/write/fsync/replace by hand;
* validate + advise + render of a long form — run on every change to show problems live —
  against ``json.dumps`` of the same form (the least any handling of it costs);
* gbs_id.txt + gbs_id_qr.png — against saving a blank PNG of the same size with PIL;
* clipboard watcher poll (when a display and xclip are there) — against running ``xclip -o``.

    .venv/bin/python bench/bench_form.py [--saves 300] [--questions 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from collector.drafts import DraftStore
from collector.gbsid import ClipboardIdWatcher, write_gbs_id_files
from collector.request import (
    Contact,
    RequestContext,
    RequestForm,
    advise,
    render_request_text,
    validate,
)

GBS_ID = "6:CF3B383FDC0E54DF415EC1225581B266"


def timed(fn, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        fn(i)
    return (time.perf_counter() - start) / n


def row(name: str, ours: float, base: float, base_name: str) -> None:
    print(f"{name:<34} {ours * 1000:9.3f} ms   {base_name:<28} {base * 1000:9.3f} ms   "
          f"ratio {ours / base:6.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--saves", type=int, default=300)
    ap.add_argument("--questions", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-form-"))
    try:
        text = "Не открывается журнал продаж за 20.11, программа пишет ошибку. " * 8
        form = RequestForm(topic="errors", problem_date=date(2026, 11, 20),
                           questions=[text] * args.questions, symptoms=["sales_journal_error"],
                           contact=Contact("Ирина", "irina@mail.ru", "89123456789",
                                           "@romashka_shop"))
        store = DraftStore(tmp / "store")

        def save(i: int) -> None:
            form.questions[0] = text + str(i)  # a keystroke
            store.save(form)

        raw_dir = tmp / "raw"
        raw_dir.mkdir()
        payload = json.dumps(form.to_json(), ensure_ascii=False, indent=1).encode()

        def raw(i: int) -> None:
            tmp_file = raw_dir / "d.tmp"
            with open(tmp_file, "wb") as f:
                f.write(payload + str(i).encode())
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp_file, raw_dir / "d.json")

        print(f"form: {args.questions} questions of {len(text)} chars; {args.saves} saves")
        row("draft save (per change)", timed(save, args.saves), timed(raw, args.saves),
            "write+fsync+replace by hand")

        ctx = RequestContext(version="6.6.12.2634", gbs_id=GBS_ID, check_files=False,
                             today=date(2026, 11, 20))

        def check(_i: int) -> None:
            validate(form, ctx)
            advise(form, ctx)
            render_request_text(form, ctx)

        row("validate+advise+render", timed(check, 200),
            timed(lambda _i: json.dumps(form.to_json(), ensure_ascii=False), 200),
            "json.dumps of the form")

        out = tmp / "id"
        size = (37 * 12, 37 * 12 + 60)

        def blank(i: int) -> None:
            Image.new("L", size, 255).save(out / f"blank{i % 2}.png", "PNG", optimize=True)

        out.mkdir()
        row("gbs_id.txt + gbs_id_qr.png", timed(lambda _i: write_gbs_id_files(GBS_ID, out), 50),
            timed(blank, 50), "PIL: blank PNG same size")

        if os.environ.get("DISPLAY") and shutil.which("xclip"):
            from collector.clipboard import copy_text

            copy_text("бенчмарк")
            watcher = ClipboardIdWatcher(include_current=True)
            poll = timed(lambda _i: watcher.poll(), 50)
            base = timed(lambda _i: subprocess.run(["xclip", "-selection", "clipboard", "-o"],
                                                   capture_output=True, check=False), 50)
            row("clipboard watcher poll (xclip)", poll, base, "xclip -o")
        else:
            print("clipboard watcher poll: skipped (no DISPLAY or xclip)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
