"""Every page of the real window rendered under Xvfb (X11, not offscreen), as ``python -m ui
--screenshot`` does for the README: the right size at 1366×768 and at device pixel ratio 2, not
blank, and the GBS.ID QR code on the start page readable by a real QR decoder in the picture."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.ui_support import zbar
from ui.screenshots import PAGES, make_draft, shoot, xvfb

pytestmark = pytest.mark.timeout(900)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def distinct_colours(path: Path) -> int:
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    step = max(1, img.width() // 200)
    return len({img.pixel(x, y) for x in range(0, img.width(), step)
                for y in range(0, img.height(), step)})


@pytest.fixture(scope="module")
def setup_shots(tmp_path_factory, demo_template):
    tmp = tmp_path_factory.mktemp("shots")
    data = tmp / "data"
    make_draft(data)
    return demo_template, data, tmp


def test_every_page_renders_under_xvfb(setup_shots) -> None:
    demo, data, tmp = setup_shots
    out_dir = tmp / "out"
    with xvfb("1366x768") as display:
        for page in PAGES:
            png = tmp / f"{page}.png"
            done = shoot(page, png, root=demo.root, display=display, out_dir=out_dir,
                         data_template=None if page == "start" else data)
            assert done.returncode == 0, done.stderr[-3000:]
            assert png_size(png) == (1366, 768), page  # fills a 1366×768 laptop screen
            assert distinct_colours(png) > 20, page  # drawn, not an empty window
            assert f"page {page}" in done.stderr  # the page asked for, not another
    assert zbar(tmp / "start.png") == [demo.gbs_id]  # the QR is readable on the screen
    bundles = sorted(out_dir.glob("*.7z"))
    assert len(bundles) == 1  # result ran a collection; collect was cancelled and left nothing


def test_device_pixel_ratio_two(setup_shots) -> None:
    demo, data, tmp = setup_shots
    with xvfb("2732x1536") as display:
        for page in ("start", "review"):
            png = tmp / f"{page}@2x.png"
            done = shoot(page, png, root=demo.root, display=display, scale=2,
                         data_template=None if page == "start" else data)
            assert done.returncode == 0, done.stderr[-3000:]
            assert png_size(png) == (2732, 1536), page
    assert zbar(tmp / "start@2x.png") == [demo.gbs_id]
