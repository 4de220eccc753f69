"""ESC/POS bytes for 58 and 80 mm Chinese receipt printers (protocols/escpos-printer.md).

We build the bytes ourselves rather than through python-escpos' text path, which
sends `?` for lines of full-width punctuation and never enters Chinese mode. Text goes
as GB18030 after FS &. A printer's Chinese font covers GBK, two bytes a character; a
line holding anything else (a four-byte GB18030 character, an Extension A name
character like 䶮 whose GB18030 form is a two-byte code outside GBK) is drawn with
our fonts and sent as a raster image (GS v 0), so a name is never misprinted.
"""

from __future__ import annotations

from printing import model
from printing.layout import DOTS, BarLine, Line, TextLine, layout
from printing.raster import BAR_HEIGHT, bar_module, text_image

INIT = b"\x1b\x40"
CHINESE_ON = b"\x1c\x26"
CUT = b"\x1d\x56\x42\x00"
ALIGN = {"left": b"\x1b\x61\x00", "center": b"\x1b\x61\x01", "right": b"\x1b\x61\x02"}
BOLD = {True: b"\x1b\x45\x01", False: b"\x1b\x45\x00"}
LF = b"\n"


class NotAReceipt(ValueError):
    """An A4 document was sent to a receipt printer."""

    code = "printing.not_a_receipt"


def printable_as_text(ch: str) -> bool:
    """True when the printer's own font has the character: ASCII or a GBK character."""
    if ord(ch) < 128:
        return ch.isprintable() or ch == " "
    try:
        gbk = ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(gbk) == 2 and gbk == ch.encode("gb18030")


def size(scale: int) -> bytes:
    """GS ! n: ESC ! does not enlarge Chinese characters, GS ! does."""
    n = ((scale - 1) << 4) | (scale - 1)
    return b"\x1d\x21" + bytes([n])


def code128(value: str) -> bytes:
    """GS k 73: set C (one byte per digit pair) for an even run of digits, else set B."""
    if value.isdigit() and len(value) % 2 == 0:
        data = b"{C" + bytes(int(value[i:i + 2]) for i in range(0, len(value), 2))
    else:
        data = b"{B" + value.replace("{", "{{").encode("ascii")
    if len(data) > 255:
        raise ValueError(f"条码过长: {value}")
    return b"\x1d\x6b\x49" + bytes([len(data)]) + data


def barcode(line: BarLine, dots: int) -> bytes:
    """Height, module width, HRI below, then the symbol, centred."""
    module = bar_module(line.value, dots)
    return (ALIGN[line.align] + b"\x1d\x68" + bytes([BAR_HEIGHT]) + b"\x1d\x77"
            + bytes([module]) + b"\x1d\x48\x02" + code128(line.value) + LF)


def raster(line: TextLine, dots: int) -> bytes:
    """GS v 0: the line drawn with our fonts, one bit per dot, MSB first, 1 = black."""
    img = text_image(line, dots)
    w_bytes = (img.width + 7) // 8
    # Pillow's "1" mode stores 1 = white; the printer wants 1 = black
    data = bytes(b ^ 0xFF for b in img.tobytes())
    header = b"\x1d\x76\x30\x00" + w_bytes.to_bytes(2, "little") + img.height.to_bytes(2, "little")
    return ALIGN["left"] + header + data


def text(line: TextLine) -> bytes:
    return (ALIGN[line.align] + size(line.scale) + BOLD[line.bold]
            + line.text.encode("gb18030") + LF + BOLD[False] + size(1))


def encode_line(line: Line, dots: int) -> bytes:
    """One line: native barcode, GB18030 text, or a raster image when text can't do."""
    if isinstance(line, BarLine):
        return barcode(line, dots)
    if all(printable_as_text(ch) for ch in line.text):
        return text(line)
    return raster(line, dots)


def to_escpos(document: model.Document, width_mm: int = 80) -> bytes:
    """The receipt as bytes for the devices layer to send; ends with a partial cut."""
    if not document.is_receipt:
        raise NotAReceipt(f"「{document.title}」是{document.paper}文书，不能用小票打印机打印，"
                          "请用 PDF 打印")
    if width_mm not in DOTS:
        raise ValueError(f"纸宽只支持58或80毫米，而不是{width_mm}")
    dots = DOTS[width_mm]
    out = [INIT, CHINESE_ON]
    out += [encode_line(line, dots) for line in layout(document, dots // 12)]
    out += [ALIGN["left"], LF * 3, CUT]
    return b"".join(out)
