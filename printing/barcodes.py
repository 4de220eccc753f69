"""CODE128 from python-barcode, drawn as vector bars (PDF) or pixels (PNG, raster).

We take only the module pattern ("1101…") from python-barcode and draw the bars
ourselves: vectors stay sharp at any printer resolution, and the bar width can be
made a whole number of device dots, which is what keeps a barcode scannable on a
203 dpi thermal head.
"""

from __future__ import annotations

import functools

import barcode
from PIL import Image, ImageDraw
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

QUIET_MODULES = 10  # the symbology asks for 10 modules of white on each side


class BarcodeError(ValueError):
    """The value cannot be a CODE128 symbol (e.g. non-ASCII)."""

    code = "printing.barcode"


@functools.lru_cache(maxsize=256)
def modules(value: str) -> str:
    """The bar/space pattern, '1' = bar; python-barcode picks set C for digit runs."""
    if not value or not value.isascii():
        raise BarcodeError(f"条码内容只能是ASCII字符: {value!r}")
    return "".join(barcode.get("code128", value).build())


def bars(pattern: str) -> list[tuple[int, int]]:
    """(start, width) in modules of each bar, so drawing does one rect per bar."""
    out = []
    start = None
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            out.append((start, i - start))
            start = None
    return out


class BarcodeFlowable(Flowable):
    """A CODE128 symbol for reportlab, optionally with its text below."""

    def __init__(self, value: str, *, module: float = 0.33 * mm, height: float = 12 * mm,
                 align: str = "center", caption: str = "", font: str = "Helvetica",
                 font_size: float = 8) -> None:
        super().__init__()
        self.value = value
        self.pattern = modules(value)
        self.module = module
        self.bar_height = height
        self.hAlign = {"center": "CENTER", "right": "RIGHT", "left": "LEFT"}[align]
        self.caption = caption
        self.font = font
        self.font_size = font_size
        self.width = (len(self.pattern) + 2 * QUIET_MODULES) * module
        self.height = height + font_size + 2  # the number is always printed under the bars

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        text_h = self.height - self.bar_height
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        x0 = QUIET_MODULES * self.module
        for start, width in bars(self.pattern):
            c.rect(x0 + start * self.module, text_h, width * self.module, self.bar_height,
                   stroke=0, fill=1)
        c.setFont(self.font, self.font_size)
        c.drawCentredString(self.width / 2, 1, f"{self.caption} {self.value}".strip())
        c.restoreState()


def draw_bars(draw: ImageDraw.ImageDraw, pattern: str, x: int, y: int, module: int,
              height: int) -> None:
    """Pixel bars at whole-dot widths, left edge at x (quiet zone not included)."""
    for start, width in bars(pattern):
        draw.rectangle((x + start * module, y, x + (start + width) * module - 1,
                        y + height - 1), fill=0)


def image(value: str, module: int = 2, height: int = 80) -> Image.Image:
    """A 1-bit image of the symbol with quiet zones, for raster previews."""
    pattern = modules(value)
    img = Image.new("1", ((len(pattern) + 2 * QUIET_MODULES) * module, height), 1)
    draw_bars(ImageDraw.Draw(img), pattern, QUIET_MODULES * module, 0, module, height)
    return img
