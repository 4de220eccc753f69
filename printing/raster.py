"""Pillow drawing of receipt lines: the on-screen preview and ESC/POS raster lines.

Characters are placed on the printer's 12×24 grid one by one, each in the first font
that has it, so the preview shows exactly where the thermal head will put them and a
rare character comes out from the fallback font rather than as a box.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from printing import barcodes, fonts, model
from printing.layout import CELL_H, CELL_W, DOTS, BarLine, Line, TextLine, layout, width

BAR_HEIGHT = 80  # dots; matches GS h 80 in escpos.py
MARGIN = 16


def bar_module(value: str, dots: int) -> int:
    """The widest whole-dot module (max 3) that fits the symbol and its quiet zones."""
    total = len(barcodes.modules(value)) + 2 * barcodes.QUIET_MODULES
    return max(1, min(3, dots // total))


def text_image(line: TextLine, dots: int) -> Image.Image:
    """One text line as a 1-bit image `dots` wide, aligned as the printer would."""
    s = line.scale
    img = Image.new("1", (dots, CELL_H * s), 1)
    draw_text(ImageDraw.Draw(img), line, 0, 0, dots)
    return img


def draw_text(draw: ImageDraw.ImageDraw, line: TextLine, x0: int, y0: int, dots: int) -> None:
    """Draw a line cell by cell; 'bold' is a one-dot stroke, like the printer's ESC E."""
    s = line.scale
    used = width(line.text) * CELL_W * s
    x = x0 + {"left": 0, "center": (dots - used) // 2, "right": dots - used}[line.align]
    size = CELL_H * s
    for ch in line.text:
        cell = (1 if ord(ch) < 128 else 2) * CELL_W * s
        if not ch.isspace() and ch != "\u3000":
            font = fonts.pil_font(fonts.font_for(ch) or fonts.MAIN, size - 2 * s)
            left, _top, right, _bottom = font.getbbox(ch)
            cx = x + (cell - (right - left)) // 2 - left
            draw.text((cx, y0 + s), ch, font=font, fill=0,
                      stroke_width=1 if line.bold else 0, stroke_fill=0)
        x += cell


def bar_image(line: BarLine, dots: int) -> Image.Image:
    """The barcode as the printer prints it: bars, then the number (HRI) below."""
    module = bar_module(line.value, dots)
    sym = barcodes.image(line.value, module, BAR_HEIGHT)
    img = Image.new("1", (dots, BAR_HEIGHT + CELL_H + 4), 1)
    img.paste(sym, ((dots - sym.width) // 2, 0))
    hri = TextLine(line.value, "center")
    draw_text(ImageDraw.Draw(img), hri, 0, BAR_HEIGHT + 2, dots)
    return img


def line_image(line: Line, dots: int) -> Image.Image:
    return bar_image(line, dots) if isinstance(line, BarLine) else text_image(line, dots)


def receipt_image(document: model.Document, width_mm: int = 80) -> Image.Image:
    """The whole receipt, with a paper-coloured margin, as the preview shows it."""
    dots = DOTS[width_mm]
    images = [line_image(line, dots) for line in layout(document, dots // CELL_W)]
    h = sum(i.height for i in images) + 2 * MARGIN
    page = Image.new("L", (dots + 2 * MARGIN, h), 255)
    y = MARGIN
    for im in images:
        page.paste(im.convert("L"), (MARGIN, y))
        y += im.height
    return page


def page_image_fallback(document: model.Document) -> Image.Image:
    """A4 without poppler: the same grid layout at 96 columns (a readable preview,
    not a facsimile of the PDF)."""
    dots = 96 * CELL_W
    images = [line_image(line, dots) for line in layout(document, 96)]
    page = Image.new("L", (dots + 88, max(1754, sum(i.height for i in images) + 88)), 255)
    y = 44
    for im in images:
        page.paste(im.convert("L"), (44, y))
        y += im.height
    return page


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def pdf_page_png(pdf: bytes, dpi: int = 150, page: int = 1) -> bytes | None:
    """Page `page` of a PDF via pdftoppm; None when poppler is not installed."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "doc.pdf")
        src.write_bytes(pdf)
        subprocess.run([exe, "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                        "-singlefile", str(src), str(Path(tmp, "out"))],
                       check=True, capture_output=True, timeout=60)
        return Path(tmp, "out.png").read_bytes()
