"""ESC/POS bytes for Chinese receipt printers, built by hand where python-escpos falls short.

python-escpos sends GB18030 only for lines with a U+4E00–9FA5 character (full-width
punctuation alone becomes ``?``) and never sends ``FS &``. So text is encoded here:
``¥`` becomes ``￥`` (2 bytes in GB18030 instead of 4), and a line holding a character
whose GB18030 form is 4 bytes (a rare character in a name, beyond the printer's font)
is printed as a raster image drawn with Pillow from a CJK font the caller passes in.
CODE128 is native (``GS k 73``), with the dense ``{C`` set for even-length digits.
"""

from __future__ import annotations

import logging
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

INIT = b"\x1b\x40"
CHINESE_ON = b"\x1c\x26"
CHINESE_OFF = b"\x1c\x2e"
CUT = b"\x1d\x56\x42\x00"  # partial cut after feeding to the cutter
LF = b"\n"

Align = Literal["left", "center", "right"]
_ALIGN = {"left": 0, "center": 1, "right": 2}

#: Dots per line: 58 mm paper prints 384, 80 mm prints 576.
PAPER_DOTS = {58: 384, 80: 576}
LINE_DOTS = 24  # height of one line of Chinese text at size 1×1


def align(where: Align) -> bytes:
    """``ESC a n``."""
    return b"\x1b\x61" + bytes((_ALIGN[where],))


def bold(on: bool) -> bytes:
    """``ESC E n``."""
    return b"\x1b\x45" + (b"\x01" if on else b"\x00")


def size(width: int = 1, height: int = 1) -> bytes:
    """``GS ! n`` (enlarges Chinese too, unlike ``ESC !``); 1–8 each way."""
    if not (1 <= width <= 8 and 1 <= height <= 8):
        raise ValueError("size is 1–8 in each direction")
    return b"\x1d\x21" + bytes(((width - 1) << 4 | (height - 1),))


def feed(lines: int = 1) -> bytes:
    """``ESC d n``: print and feed n lines."""
    return b"\x1b\x64" + bytes((max(0, min(255, lines)),))


def normalize(text: str) -> str:
    """Printer-safe text: ``¥`` → ``￥``; tabs and line breaks → spaces."""
    return text.replace("\u00a5", "\uffe5").replace("\t", " ").replace("\r", " ").replace("\n", " ")


def needs_raster(text: str) -> bool:
    """True when a character encodes to 4 GB18030 bytes or not at all."""
    for ch in text:
        try:
            if len(ch.encode("gb18030")) > 2:
                return True
        except UnicodeEncodeError:
            return True
    return False


def code128_payload(data: str) -> bytes:
    """The ``GS k`` data: ``{C`` + digit pairs for even-length digits, else ``{B`` + text."""
    if not data:
        raise ValueError("empty barcode")
    if data.isascii() and data.isdigit() and len(data) % 2 == 0:
        return b"{C" + bytes(int(data[i : i + 2]) for i in range(0, len(data), 2))
    if not all(0x20 <= ord(ch) <= 0x7E for ch in data):
        raise ValueError("CODE128-B takes printable ASCII only")
    return b"{B" + data.replace("{", "{{").encode("ascii")


def barcode_code128(data: str, *, height: int = 80, module_width: int = 2, hri: int = 2) -> bytes:
    """Height, module width, HRI position (2 = below) then ``GS k 73 n {B|{C data``."""
    payload = code128_payload(data)
    if len(payload) > 255:
        raise ValueError("barcode too long")
    return (
        b"\x1d\x68" + bytes((height,))
        + b"\x1d\x77" + bytes((module_width,))
        + b"\x1d\x48" + bytes((hri,))
        + b"\x1d\x6b\x49" + bytes((len(payload),)) + payload
    )


def raster(img: Image.Image) -> bytes:
    """``GS v 0``: a 1-bit image, black dots printed; width padded to whole bytes."""
    mono = img.convert("L").point(lambda v: 255 if v < 128 else 0, mode="1")  # ink → 1
    width_bytes = (mono.width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, mono.height), 0)
    padded.paste(mono, (0, 0))
    head = b"\x1d\x76\x30\x00" + width_bytes.to_bytes(2, "little") + mono.height.to_bytes(2, "little")
    return head + padded.tobytes()


def text_image(
    text: str, font_path: str | None, *, scale: tuple[int, int] = (1, 1), max_dots: int = 576
) -> Image.Image:
    """A line of text drawn black on white at the printer's line height."""
    px = LINE_DOTS * scale[1]
    font = ImageFont.truetype(font_path, px) if font_path else ImageFont.load_default(px)
    left, _top, right, _bottom = font.getbbox(text or " ")
    canvas = Image.new("L", (max(1, right - left), px + 4), 255)
    ImageDraw.Draw(canvas).text((-left, 2), text, font=font, fill=0)
    img = canvas.resize((max(1, canvas.width * scale[0] // scale[1]), canvas.height))
    if img.width > max_dots:
        img = img.resize((max_dots, max(1, img.height * max_dots // img.width)))
    return img


def text_line(
    text: str, *, font_path: str | None = None, scale: tuple[int, int] = (1, 1), max_dots: int = 576
) -> bytes:
    """One printed line: GB18030 + LF, or a raster image when the printer's font cannot.

    Without a CJK font a rare character becomes ``□`` rather than garbage.
    """
    text = normalize(text)
    if not needs_raster(text):
        return text.encode("gb18030") + LF
    if font_path is None:
        log.warning("no CJK font for a rare character: printed as a box")
        safe = "".join("□" if needs_raster(ch) else ch for ch in text)
        return safe.encode("gb18030") + LF
    return raster(text_image(text, font_path, scale=scale, max_dots=max_dots))


class Receipt:
    """Accumulates a job: ``Receipt().title("…").line("…").barcode("…").cut().build()``.

    Starts with ``ESC @`` and ``FS &`` (most Chinese printers start in Chinese mode;
    sending it costs nothing). Remembers the size so raster lines match the text.
    """

    def __init__(self, *, paper_mm: int = 80, font_path: str | None = None) -> None:
        self.max_dots = PAPER_DOTS.get(paper_mm, 576)
        self.font_path = font_path
        self._parts: list[bytes] = [INIT, CHINESE_ON]
        self._scale = (1, 1)

    def raw(self, data: bytes) -> Receipt:
        """Append bytes as they are."""
        self._parts.append(data)
        return self

    def style(
        self, *, where: Align | None = None, strong: bool | None = None,
        scale: tuple[int, int] | None = None,
    ) -> Receipt:
        """Change alignment, bold and/or size for the lines that follow."""
        if where is not None:
            self._parts.append(align(where))
        if strong is not None:
            self._parts.append(bold(strong))
        if scale is not None:
            self._scale = scale
            self._parts.append(size(*scale))
        return self

    def line(self, text: str = "") -> Receipt:
        """One line of text (GB18030, or raster for rare characters)."""
        self._parts.append(
            text_line(text, font_path=self.font_path, scale=self._scale, max_dots=self.max_dots)
        )
        return self

    def title(self, text: str) -> Receipt:
        """A centred, bold, double-size line; style back to normal after it."""
        self.style(where="center", strong=True, scale=(2, 2)).line(text)
        return self.style(where="left", strong=False, scale=(1, 1))

    def barcode(self, data: str, *, height: int = 80, module_width: int = 2) -> Receipt:
        """A centred native CODE128 with its text below."""
        self.style(where="center")
        self._parts.append(barcode_code128(data, height=height, module_width=module_width))
        self._parts.append(LF)
        return self.style(where="left")

    def feed(self, lines: int = 1) -> Receipt:
        """Feed paper."""
        self._parts.append(feed(lines))
        return self

    def cut(self) -> Receipt:
        """Feed past the cutter and cut (partial)."""
        self._parts.append(feed(4) + CUT)
        return self

    def build(self) -> bytes:
        """The job's bytes."""
        return b"".join(self._parts)
