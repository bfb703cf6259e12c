"""Pictures of every page of the real window, rendered under Xvfb (README, tests, review).

    python -m ui.screenshots OUT_DIR [--size 1366x768] [--scale 1.25] [--taskbar 40]
                             [--lang en] [--pages a,b] [--build hipos]

``--size`` is the screen as Windows reports it, in physical pixels; ``--scale`` its display
scale (125 % = 1.25); ``--taskbar`` takes that many pixels (at 100 %) off the bottom, as the
Windows taskbar does. The window then has ``size / scale`` logical pixels less the taskbar, as a
maximised window on such a screen, and the picture is in physical pixels. ``--build hipos``
makes the demo a partner build (``partner.json``, GBS_MARKET.md §1): the pictures get ``-hipos``.

Builds a demo installation and a filled-in draft request in a temporary folder, starts Xvfb on a
free display (``-displayfd``: the X server picks the number), and runs ``python -m ui
--screenshot`` once per page — the same window a user gets, over X11, not offscreen. ``collect``
and ``result`` run a real collection on the demo.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = ["start", "questions", "date", "include", "contacts", "review", "collect", "result"]
DEMO_TODAY = date(2026, 11, 20)


@contextlib.contextmanager
def xvfb(size: str = "1366x768", depth: int = 24) -> Iterator[str]:
    """An X server on a display number it chose itself; yields ``":N"``."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                             f"{size}x{depth}", "-nolisten", "tcp", "-noreset"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def latest_version_server(version: str) -> Iterator[str]:
    """A loopback update feed (GBS_MARKET.md §9) saying ``version`` is the latest on every channel
    (the update check then answers "up to date" as it would in a shop)."""
    import http.server
    import json
    import threading

    body = json.dumps({"Version": version, "Md5": "0" * 32}).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if not self.path.endswith("//info.json"):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
        srv.server_close()


def make_demo(folder: Path) -> Path:
    from collector.demo import build_demo

    root = folder / "C"
    build_demo(root, today=DEMO_TODAY)
    return root


def make_draft(data_dir: Path) -> None:
    """The request a shop owner might write, saved as a draft (the window restores it)."""
    from collector.drafts import DraftStore
    from collector.request import Contact, RequestForm

    form = RequestForm(
        topic="errors", problem_date=date(2026, 11, 17),
        questions=[
            "При открытии журнала продаж за 17.11 появляется ошибка «Object reference not set "
            "to an instance of an object», журнал не открывается.",
            "После этого касса печатает чек с задержкой 10–15 секунд. Что можно сделать?",
        ],
        symptoms=["sales_journal_error"],
        contact=Contact(name="Анна, магазин «Ромашка»", email="romashka.shop@mail.ru",
                        phone="+7 912 345-67-89"))
    DraftStore(data_dir).save(form, {"page": "review"})


def shoot(page: str, out: Path, *, root: Path, data_template: Path | None, display: str,
          lang: str | None = None, scale: float | None = None, timeout: float = 240,
          out_dir: Path | None = None, latest_url: str | None = None
          ) -> subprocess.CompletedProcess:
    """One page of the real window to ``out`` (a fresh copy of the data folder per shot)."""
    with tempfile.TemporaryDirectory(prefix="gbs-shot-") as tmp:
        data = Path(tmp) / "data"
        if data_template is not None:
            shutil.copytree(data_template, data)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("GBS_COLLECTOR_", "QT_"))}
        env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                    "GBS_COLLECTOR_DATA_DIR": str(data), "PYTHONPATH": str(REPO)})
        if scale:
            env["QT_SCALE_FACTOR"] = str(scale)
        cmd = [sys.executable, "-m", "ui", "--root", str(root), "--today",
               DEMO_TODAY.isoformat(), "--out", str(out_dir or Path(tmp) / "out"),
               "--screenshot", str(out), "--page", page]
        if latest_url:
            settings = Path(tmp) / "settings.json"
            settings.write_text(json.dumps({"update_mirrors": [latest_url]}), encoding="utf-8")
            env["GBS_COLLECTOR_SETTINGS"] = str(settings)
        else:
            cmd.append("--no-update-check")
        if lang:
            cmd += ["--lang", lang]
        return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                              cwd=REPO)


DEFAULT_SIZE = "1366x768"


def screen_size(size: str, scale: float | None = None, taskbar: int = 0) -> str:
    """The X screen standing for a Windows screen of ``size`` physical pixels at ``scale``
    with a taskbar of ``taskbar`` pixels (at 100 %) at the bottom: what a window can fill."""
    width, height = (int(x) for x in size.lower().split("x"))
    return f"{width}x{height - round(taskbar * (scale or 1))}"


def shot_name(page: str, *, lang: str | None = None, size: str = DEFAULT_SIZE,
              scale: float | None = None, taskbar: int = 0) -> str:
    """``review.png``, ``review-1024x768.png``, ``start-en-1366x768@1.25x-taskbar.png``."""
    suffix = f"-{lang}" if lang else ""
    if size != DEFAULT_SIZE or scale:
        suffix += f"-{size}"
    if scale:
        suffix += f"@{scale:g}x"
    if taskbar:
        suffix += "-taskbar"
    return f"{page}{suffix}.png"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", default=DEFAULT_SIZE, help="screen in physical pixels, WxH")
    ap.add_argument("--scale", type=float, help="display scale: 1.25 for 125 %%")
    ap.add_argument("--taskbar", type=int, default=0, help="pixels (at 100 %%) of a taskbar")
    ap.add_argument("--lang", choices=["ru", "en"])
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--no-program", action="store_true",
                    help="a PC without GBS.Market (the pictures get -noprogram)")
    ap.add_argument("--build", choices=["original", "hipos"], default="original",
                    help="the demo as a partner build: HiPos (the pictures get -hipos)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gbs-shots-") as tmp:
        os.environ["GBS_COLLECTOR_DATA_DIR"] = str(Path(tmp) / "build-data")
        root = make_demo(Path(tmp))
        if args.build == "hipos":
            from collector.demo import make_partner_build

            make_partner_build(root, "HiPos")
        if args.no_program:
            root = Path(tmp) / "empty"
            root.mkdir()
        data = Path(tmp) / "data"
        make_draft(data)
        from collector.demo import DEMO_VERSION

        with xvfb(screen_size(args.size, args.scale, args.taskbar)) as display, \
                latest_version_server(DEMO_VERSION) as latest_url:
            for page in args.pages.split(","):
                name = shot_name(page, lang=args.lang, size=args.size, scale=args.scale,
                                 taskbar=args.taskbar)
                if args.no_program:
                    name = name.replace(page, f"{page}-noprogram", 1)
                if args.build != "original":
                    name = name.replace(page, f"{page}-{args.build}", 1)
                target = args.out / name
                done = shoot(page, target, root=root,
                             data_template=None if page == "start" else data,
                             display=display, lang=args.lang, scale=args.scale,
                             latest_url=latest_url, out_dir=Path(tmp) / "GBS Support")
                ok = done.returncode == 0 and target.is_file()
                print(f"{'ok ' if ok else 'FAIL'} {target}", file=sys.stderr)
                if not ok:
                    print(done.stderr[-3000:], file=sys.stderr)
                    return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
