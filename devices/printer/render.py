"""Draw captured ESC/POS bytes as a receipt PNG (for the simulator and the demo).

A small interpreter for what :mod:`devices.printer.escpos_raw` and python-escpos send:
text lines (GB18030), ``GS !`` sizes, ``ESC a`` alignment, ``ESC E`` bold, native
CODE128 (``{B``/``{C``, drawn with python-barcode so a barcode reader can decode the
image), ``GS v 0`` raster images, ``ESC d`` feeds and the cut. Unknown commands are
skipped by their known lengths; anything else prints as text, as a printer would.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

LINE = 24  # dots per text line at size 1


@dataclass
class _State:
    align: int = 0
    bold: bool = False
    width: int = 1
    height: int = 1
    bar_height: int = 162
    bar_module: int = 3
    hri: int = 0
    text: bytearray = field(default_factory=bytearray)


# Commands we skip: prefix → number of parameter bytes.
_SKIP = {
    b"\x1b\x21": 1, b"\x1b\x2d": 1, b"\x1b\x4d": 1, b"\x1b\x32": 0, b"\x1b\x33": 1,
    b"\x1b\x4a": 1, b"\x1b\x74": 1, b"\x1c\x21": 1, b"\x1d\x42": 1, b"\x1d\x66": 1,
    b"\x1b\x47": 1, b"\x1b\x56": 1, b"\x1b\x7b": 1, b"\x1d\x4c": 2, b"\x1d\x57": 2,
    b"\x10\x04": 1, b"\x1c\x26": 0, b"\x1c\x2e": 0, b"\x1b\x52": 1, b"\x1b\x20": 1,
}


def code128_text(payload: bytes) -> str:
    """The human text of a ``GS k 73`` payload (``{B``/``{C``/``{A`` sets, ``{{``)."""
    out, mode, i = [], "B", 0
    while i < len(payload):
        b = payload[i]
        if b == 0x7B and i + 1 < len(payload):
            nxt = chr(payload[i + 1])
            if nxt == "{":
                out.append("{")
            elif nxt in "ABC":
                mode = nxt
            i += 2
            continue
        out.append(f"{b:02d}" if mode == "C" else chr(b))
        i += 1
    return "".join(out)


class ReceiptRenderer:
    """Feed bytes, then :meth:`image`/:meth:`png`. Width in dots (576 = 80 mm paper)."""

    def __init__(self, font_path: str | None = None, width: int = 576) -> None:
        self.font_path = font_path
        self.width = width
        self._blocks: list[tuple[Image.Image, int]] = []  # (image, alignment)
        self._s = _State()
        self._fonts: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def _font(self, px: int):
        if px not in self._fonts:
            self._fonts[px] = (
                ImageFont.truetype(self.font_path, px) if self.font_path else ImageFont.load_default(px)
            )
        return self._fonts[px]

    def _flush_text(self, force: bool = False) -> None:
        s = self._s
        if not s.text and not force:
            return
        text = bytes(s.text).decode("gb18030", errors="replace")
        s.text.clear()
        font = self._font(LINE * s.height)
        h = LINE * s.height + 6
        probe = ImageDraw.Draw(Image.new("L", (1, 1)))
        w = max(1, int(probe.textlength(text, font=font))) if text else 1
        img = Image.new("L", (w, h), 255)
        ImageDraw.Draw(img).text(
            (0, 3), text, font=font, fill=0, stroke_width=1 if s.bold else 0, stroke_fill=0
        )
        if s.width != s.height:
            img = img.resize((max(1, w * s.width // s.height), h))
        self._blocks.append((img, s.align))

    def _barcode(self, payload: bytes) -> None:
        text = code128_text(payload)
        s = self._s
        try:
            from barcode.codex import Code128

            modules = Code128(text).build()[0]
        except Exception:  # python-barcode refuses some inputs: draw a striped stand-in
            modules = "1101" * 20
        quiet = 10 * s.bar_module
        img = Image.new("L", (len(modules) * s.bar_module + 2 * quiet, s.bar_height), 255)
        draw = ImageDraw.Draw(img)
        for i, bit in enumerate(modules):
            if bit == "1":
                x = quiet + i * s.bar_module
                draw.rectangle((x, 0, x + s.bar_module - 1, s.bar_height), fill=0)
        self._blocks.append((img, s.align))
        if s.hri in (2, 3):
            self._s.text += text.encode("ascii", "replace")
            self._flush_text()

    def _raster(self, data: bytes, i: int) -> int:
        if i + 8 > len(data):
            return len(data)
        xb = int.from_bytes(data[i + 4 : i + 6], "little")
        y = int.from_bytes(data[i + 6 : i + 8], "little")
        end = i + 8 + xb * y
        if xb:  # a truncated image draws the rows that arrived, never more
            y = min(y, (len(data) - i - 8) // xb)
        bits = data[i + 8 : i + 8 + xb * y]
        if 0 < xb <= 512 and y:
            img = Image.frombytes("1", (xb * 8, y), bytes(b ^ 0xFF for b in bits))
            self._blocks.append((img.convert("L"), self._s.align))
        return end

    def _cut(self) -> None:
        img = Image.new("L", (self.width, 16), 255)
        draw = ImageDraw.Draw(img)
        for x in range(0, self.width, 12):
            draw.line((x, 8, x + 6, 8), fill=0)
        self._blocks.append((img, 0))

    def feed(self, data: bytes) -> None:
        """Interpret one complete job (commands split across calls are not supported)."""
        i, s, n = 0, self._s, len(data)
        while i < n:
            b = data[i]
            two = data[i : i + 2]
            if b == 0x0A:
                self._flush_text(force=True)
                i += 1
            elif b == 0x0D:
                i += 1
            elif two == b"\x1b\x40":
                self._flush_text()
                self._s = s = _State()
                i += 2
            elif two in (b"\x1b\x61", b"\x1b\x45", b"\x1d\x21", b"\x1d\x68", b"\x1d\x77", b"\x1d\x48"):
                self._flush_text()
                v = data[i + 2] if i + 2 < n else 0
                if two == b"\x1b\x61":
                    s.align = v % 48 if v >= 48 else v
                elif two == b"\x1b\x45":
                    s.bold = bool(v & 1)
                elif two == b"\x1d\x21":
                    s.width, s.height = (v >> 4) + 1, (v & 0x0F) + 1
                elif two == b"\x1d\x68":
                    s.bar_height = max(1, v)
                elif two == b"\x1d\x77":
                    s.bar_module = max(1, min(6, v))
                else:
                    s.hri = v % 48 if v >= 48 else v
                i += 3
            elif two == b"\x1b\x64":
                self._flush_text()
                lines = data[i + 2] if i + 2 < n else 0
                self._blocks.append((Image.new("L", (1, LINE * lines), 255), 0))
                i += 3
            elif two == b"\x1d\x6b":
                self._flush_text()
                m = data[i + 2] if i + 2 < n else 0
                if m >= 65:
                    length = data[i + 3] if i + 3 < n else 0
                    self._barcode(data[i + 4 : i + 4 + length])
                    i += 4 + length
                else:
                    end = data.find(b"\0", i + 3)
                    end = n if end < 0 else end
                    self._barcode(b"{B" + data[i + 3 : end])
                    i = end + 1
            elif two == b"\x1d\x76" and data[i + 2 : i + 3] == b"\x30":
                self._flush_text()
                i = self._raster(data, i)
            elif two == b"\x1d\x56":
                self._flush_text()
                m = data[i + 2] if i + 2 < n else 0
                self._cut()
                i += 4 if m in (65, 66, 97, 98) else 3
            elif two == b"\x1d\x28" and i + 5 <= n:  # GS ( k … (QR and friends): skip
                i += 5 + int.from_bytes(data[i + 3 : i + 5], "little")
            elif two in _SKIP:
                i += 2 + _SKIP[two]
            elif b < 0x20 and b not in (0x09,):
                i += 1  # an unknown control byte
            else:
                s.text.append(b)
                i += 1
        self._flush_text()

    def image(self) -> Image.Image:
        """The receipt so far as a white strip with black print."""
        height = sum(img.height for img, _ in self._blocks) + 20
        page = Image.new("L", (self.width, max(height, 40)), 255)
        y = 10
        for img, where in self._blocks:
            img = img if img.width <= self.width else img.resize((self.width, img.height))
            x = {0: 0, 1: (self.width - img.width) // 2, 2: self.width - img.width}.get(where, 0)
            page.paste(img, (x, y))
            y += img.height
        return page

    def png(self) -> bytes:
        """:meth:`image` as PNG bytes."""
        buf = io.BytesIO()
        self.image().save(buf, "PNG")
        return buf.getvalue()


def render_png(data: bytes, font_path: str | None = None, width: int = 576) -> bytes:
    """One call: ESC/POS bytes → PNG bytes."""
    renderer = ReceiptRenderer(font_path, width)
    renderer.feed(data)
    return renderer.png()
