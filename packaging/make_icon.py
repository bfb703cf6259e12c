"""Draws the app icon: a white life ring with light-blue bands on a blue rounded square.

    python packaging/make_icon.py            # rewrites packaging/icon.png and packaging/icon.ico

Drawn at 1024 px and scaled down, so every size of the .ico is smooth. Colours and proportions
are constants below; the output depends only on them and Pillow.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CANVAS = 1024
PNG_SIZE = 256
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]

BLUE_TOP = (30, 99, 196)  # gradient of the background, top to bottom
BLUE_BOTTOM = (13, 71, 161)
WHITE = (255, 255, 255)
BAND = (100, 181, 246)  # the ring's four bands
SHADOW = (8, 40, 100, 90)
CORNER = 0.22  # corner radius of the square, share of the side
RING_OUTER = 0.34  # radii, share of the side
RING_INNER = 0.17
BAND_DEGREES = 34  # width of each band


def draw(size: int = CANVAS) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    # Background: vertical gradient clipped to a rounded square.
    gradient = Image.new("RGBA", (size, size))
    gd = ImageDraw.Draw(gradient)
    for y in range(size):
        t = y / (size - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True))
        gd.line([(0, y), (size, y)], fill=(*colour, 255))
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, size - 1, size - 1],
                                           radius=round(size * CORNER), fill=255)
    img.paste(gradient, (0, 0), mask)

    c = size / 2
    outer, inner = size * RING_OUTER, size * RING_INNER
    d = ImageDraw.Draw(img)
    # A soft shadow under the ring, offset down-right.
    shadow = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    sd = ImageDraw.Draw(shadow)
    off = size * 0.02
    sd.ellipse([c - outer + off, c - outer + off, c + outer + off, c + outer + off], fill=SHADOW)
    sd.ellipse([c - inner + off, c - inner + off, c + inner + off, c + inner + off],
               fill=(0, 0, 0, 0))
    img.alpha_composite(shadow)

    ring = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    rd = ImageDraw.Draw(ring)
    box = [c - outer, c - outer, c + outer, c + outer]
    rd.ellipse(box, fill=WHITE)
    for middle in (45, 135, 225, 315):
        rd.pieslice(box, middle - BAND_DEGREES / 2, middle + BAND_DEGREES / 2, fill=BAND)
    rd.ellipse([c - inner, c - inner, c + inner, c + inner], fill=(0, 0, 0, 0))
    img.alpha_composite(ring)
    # Thin outlines keep the ring crisp against the background at small sizes.
    line = max(2, round(size * 0.012))
    d.ellipse(box, outline=WHITE, width=line)
    d.ellipse([c - inner, c - inner, c + inner, c + inner], outline=WHITE, width=line)
    return img


def write(out_dir: Path = HERE) -> tuple[Path, Path]:
    big = draw()
    png, ico = out_dir / "icon.png", out_dir / "icon.ico"
    big.resize((PNG_SIZE, PNG_SIZE), Image.Resampling.LANCZOS).save(png, optimize=True)
    big.save(ico, sizes=[(s, s) for s in ICO_SIZES])
    return png, ico


if __name__ == "__main__":
    for path in write(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
