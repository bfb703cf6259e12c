"""gbs_id.txt and gbs_id_qr.png, decoded by a real QR reader (zbar), also from bad "photos"."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import qrcode
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L
from qrcode.util import MODE_ALPHA_NUM

from collector.gbsid import (
    QR_BORDER,
    QR_BOX_SIZE,
    InvalidGbsId,
    qr_code,
    qr_image,
    write_gbs_id_files,
)

ZBAR = shutil.which("zbarimg")
assert ZBAR, "zbarimg (zbar-tools) is installed by scripts/setup.sh"

IDS = ["6:" + uuid.UUID(int=random.Random(f"qr-{i}").getrandbits(128)).hex.upper()
       for i in range(6)]
IDS[0] = "6:CF3B383FDC0E54DF415EC1225581B266"  # the demo's
IDS[1] = "6:00000000000000000000000000000000"  # degenerate but valid
IDS[2] = "6:A0000000000000000000000000000000"  # also hits the library bug below
ORDINARY = [IDS[0], *IDS[3:]]  # random-looking, as real GUIDs are


def zbar(image: Image.Image | Path, tmp_path: Path) -> list[bytes]:
    """Every QR code zbar finds in the image, as raw bytes."""
    if isinstance(image, Image.Image):
        path = tmp_path / f"scan-{random.random():.9f}.png"
        image.save(path)
    else:
        path = image
    proc = subprocess.run([ZBAR, "--nodbus", "--raw", "-q", "-Sdisable", "-Sqrcode.enable",
                           str(path)], capture_output=True, timeout=60)
    assert proc.returncode in (0, 4), proc.stderr  # 4: nothing found
    return [line for line in proc.stdout.split(b"\n") if line]


def photo(img: Image.Image, *, scale: float, angle: float = 7, blur: float = 1.0,
          noise: float = 16, jpeg: int = 45, glare: list[int] | None = None,
          seed: int = 1) -> Image.Image:
    """A phone photo of the image on a screen: glare spot, the screen tilted on a grey desk,
    taken from afar (scaled down), out of focus, sensor noise, JPEG."""
    img = img.convert("L")
    if glare:
        ImageDraw.Draw(img).rectangle(glare, fill=255)
    desk = Image.new("L", (int(img.width * 1.3), int(img.height * 1.3)), 90)
    desk.paste(img, ((desk.width - img.width) // 2, (desk.height - img.height) // 2))
    desk = desk.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=90)
    desk = desk.resize((int(desk.width * scale), int(desk.height * scale)),
                       Image.Resampling.BILINEAR)
    desk = desk.filter(ImageFilter.GaussianBlur(blur))
    rnd = random.Random(seed)  # reproducible noise (Image.effect_noise is not seedable)
    grain = Image.frombytes("L", desk.size, bytes(
        max(0, min(255, int(rnd.gauss(128, noise)))) for _ in range(desk.width * desk.height)))
    desk = ImageChops.add(desk, grain, scale=1.0, offset=-128)
    buf = io.BytesIO()
    desk.save(buf, "JPEG", quality=jpeg)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def glare_band(modules: int, fraction: float, box: int = QR_BOX_SIZE,
               border: int = QR_BORDER) -> list[int]:
    """A white band (a reflection on the screen) over ``fraction`` of the symbol, across the
    data area right of the left finder patterns."""
    width = modules - 9
    height = fraction * modules * modules / width
    x0 = (border + 9) * box
    y0 = int((border + modules / 2 - height / 2) * box)
    return [x0, y0, x0 + width * box - 1, y0 + int(height * box) - 1]


# --- the files ------------------------------------------------------------------------------------
def test_files_hold_exactly_the_id_and_zbar_reads_it_back(tmp_path):
    txt, png = write_gbs_id_files(" 6:cf3b383fdc0e54df415ec1225581b266\n", tmp_path / "out")
    assert txt.name == "gbs_id.txt" and png.name == "gbs_id_qr.png"
    assert txt.read_bytes() == b"6:CF3B383FDC0E54DF415EC1225581B266"  # normalized, no newline
    assert zbar(png, tmp_path) == [txt.read_bytes()]
    with Image.open(png) as im:
        assert im.format == "PNG"
        assert im.text.get("GBS.ID") == txt.read_text()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["gbs_id.txt",
                                                                   "gbs_id_qr.png"]


@pytest.mark.parametrize("gbs_id", IDS)
def test_round_trip_for_many_ids(gbs_id, tmp_path):
    txt, png = write_gbs_id_files(gbs_id, tmp_path)
    assert zbar(png, tmp_path) == [gbs_id.encode()] == [txt.read_bytes()]


def test_symbol_parameters_level_h_alphanumeric_version_3():
    qr = qr_code(IDS[0])
    assert qr.error_correction == ERROR_CORRECT_H
    assert [d.mode for d in qr.data_list] == [MODE_ALPHA_NUM]  # "6:" + hex is alphanumeric
    assert qr.version == 3 and qr.modules_count == 29
    # H costs nothing here: Q needs the same version 3 for 34 alphanumeric characters.
    q = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q)
    q.add_data(IDS[0], optimize=0)
    q.make(fit=True)
    assert q.version == 3


def test_all_zero_id_works_around_the_qrcode_library_bug(tmp_path):
    """python-qrcode 8.2 raises glog(0) for "6:" + 32 zeros in alphanumeric mode at level H
    (lincolnloop/python-qrcode#330); the id is then encoded in other segments — same text."""
    zeros = "6:" + "0" * 32
    plain = qrcode.QRCode(error_correction=ERROR_CORRECT_H)
    plain.add_data(zeros, optimize=0)
    try:
        plain.make(fit=True)
        library_fixed = True
    except ValueError:
        library_fixed = False
    qr = qr_code(zeros)
    assert qr.error_correction == ERROR_CORRECT_H
    if not library_fixed:
        assert [d.mode for d in qr.data_list] != [MODE_ALPHA_NUM]
        assert qr.version == 3
    _txt, png = write_gbs_id_files(zeros, tmp_path)
    assert zbar(png, tmp_path) == [zeros.encode()]


def test_quiet_zone_is_at_least_four_modules_of_white(tmp_path):
    _txt, png = write_gbs_id_files(IDS[3], tmp_path)
    box = QR_BOX_SIZE
    with Image.open(png) as im:
        im = im.convert("L")
        side = im.width
        assert side == (29 + 2 * QR_BORDER) * box
        px = im.load()

        def dark(x, y):
            return px[x, y] < 128

        quiet = QR_BORDER * box
        assert QR_BORDER >= 4
        assert not any(dark(x, y) for y in range(quiet) for x in range(side))  # top
        assert not any(dark(x, y) for y in range(side - quiet, side) for x in range(side))
        assert not any(dark(x, y) for x in range(quiet) for y in range(side))  # left
        assert not any(dark(x, y) for x in range(side - quiet, side) for y in range(side))
        # The finder pattern starts right after the quiet zone, modules box px wide.
        assert dark(quiet, quiet) and dark(quiet + box - 1, quiet + box - 1)
        assert not dark(quiet - 1, quiet)
        # Under the symbol: the caption with the id in readable text, below the quiet zone.
        assert im.height > side
        assert any(dark(x, y) for y in range(side, im.height) for x in range(side))


def test_qr_image_for_the_gui_any_size(tmp_path):
    for box in (1, 3, 8):
        img = qr_image(IDS[4], box)
        assert img.mode == "RGB" and img.size == ((29 + 8) * box,) * 2
    big = qr_image(IDS[4], 6)
    assert zbar(big, tmp_path) == [IDS[4].encode()]
    with_caption = qr_image(IDS[4], 6, caption=True)
    assert with_caption.width == big.width and with_caption.height > big.height
    assert zbar(with_caption, tmp_path) == [IDS[4].encode()]
    with pytest.raises(ValueError):
        qr_image(IDS[4], 4, border=2)  # a quiet zone under 4 modules is refused


@pytest.mark.parametrize("bad", ["", "6:123", "0F3A9C41-B2D8-4E6F-8A1C-3B5D7E9F2468",
                                 "6:" + "Ж" * 32])
def test_invalid_id_writes_nothing(bad, tmp_path):
    with pytest.raises(InvalidGbsId) as exc:
        write_gbs_id_files(bad, tmp_path / "out")
    assert "GBS.ID" in exc.value.message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    with pytest.raises(InvalidGbsId):
        qr_image(bad)


# --- photographed copies --------------------------------------------------------------------------
@pytest.mark.parametrize("gbs_id", IDS)
def test_degraded_photos_still_decode(gbs_id, tmp_path):
    _txt, png = write_gbs_id_files(gbs_id, tmp_path)
    with Image.open(png) as im:
        im.load()
        original = im.copy()
    cases = {
        "far and blurred": dict(scale=0.35, blur=1.2, noise=16, jpeg=45),
        "tiny (about 3 px per module)": dict(scale=0.25, blur=0.6, noise=10, jpeg=60, angle=-5),
        "sharp but noisy": dict(scale=0.5, blur=0.5, noise=22, jpeg=35, angle=3),
        "glare over 10 % of the symbol": dict(
            scale=0.4, glare=glare_band(qr_code(gbs_id).modules_count, 0.10)),
    }
    for seed, (name, kw) in enumerate(cases.items()):
        assert zbar(photo(original, **kw, seed=seed), tmp_path) == [gbs_id.encode()], name


@pytest.mark.parametrize("gbs_id", ORDINARY)
def test_level_h_is_what_survives_the_glare(gbs_id, tmp_path):
    """Why H: the same glare that H shrugs off makes a level-L code unreadable."""
    def symbol(level):
        qr = qrcode.QRCode(error_correction=level, box_size=QR_BOX_SIZE, border=QR_BORDER)
        qr.add_data(gbs_id, optimize=0)
        qr.make(fit=True)
        return qr.make_image().get_image().convert("L"), qr.modules_count

    h_img, h_n = symbol(ERROR_CORRECT_H)
    l_img, l_n = symbol(ERROR_CORRECT_L)
    assert zbar(photo(l_img, scale=0.4), tmp_path) == [gbs_id.encode()]  # readable without glare
    assert zbar(photo(h_img, scale=0.4, glare=glare_band(h_n, 0.10)), tmp_path) == \
        [gbs_id.encode()]
    assert zbar(photo(l_img, scale=0.4, glare=glare_band(l_n, 0.10)), tmp_path) == []
    # And our own image is the H one.
    ours = qr_image(gbs_id)
    assert ours.convert("L").tobytes() == h_img.tobytes()
