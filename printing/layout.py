"""Receipt layout: blocks → lines on the character grid of a thermal printer.

A receipt printer prints 12×24-dot cells: ASCII takes one, a Chinese (GB18030
two-byte) character two, so an 80 mm head (576 dots) holds 48 columns and a 58 mm
head (384 dots) 32. Both the ESC/POS encoder and the PNG preview draw these same
lines, which is why the preview wraps exactly where the paper will.
"""

from __future__ import annotations

from dataclasses import dataclass

from printing import model

COLUMNS = {58: 32, 80: 48}
DOTS = {58: 384, 80: 576}
CELL_W, CELL_H = 12, 24
# a line must not start with these (禁则); they are pulled back onto the line before
NO_LINE_START = set("，。、；：？！）》」』”’％%,.;:?!)]}/")
NO_LINE_END = set("（《「『“‘([{")
MEASURE_WORDS = set("份个日月年号项页时分元区")
SIZE_SCALE = {"small": 1, "normal": 1, "large": 2, "huge": 3}


@dataclass(frozen=True)
class TextLine:
    """One printed line; `scale` multiplies both cell sides (GS ! n)."""

    text: str
    align: str = "left"
    scale: int = 1
    bold: bool = False


@dataclass(frozen=True)
class BarLine:
    """A CODE128 symbol, printed natively by the printer."""

    value: str
    align: str = "center"


Line = TextLine | BarLine


def normalize(text: str) -> str:
    """¥ is four bytes in GB18030 and prints as garbage; ￥ is two (A3 A4)."""
    return text.replace("\u00a5", "\uffe5").replace("\u00a0", " ").replace("\t", " ")


def width(text: str) -> int:
    """Columns a string takes: 1 per ASCII character, 2 per anything else."""
    return sum(1 if ord(ch) < 128 else 2 for ch in text)


def _tokens(text: str) -> list[str]:
    # an ASCII word (a number, an ID) stays whole when it can; hanzi break anywhere
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch != " " and out[-1][-1].isascii() and out[-1][-1] != " ":
            out[-1] += ch
        else:
            out.append(ch)
    # a number stays with its measure word: 原件1份 never breaks as 原件1 / 份
    glued: list[str] = []
    for tok in out:
        if glued and tok in MEASURE_WORDS and glued[-1][-1:].isdigit():
            glued[-1] += tok
        else:
            glued.append(tok)
    return glued


def wrap(text: str, cols: int) -> list[str]:
    """Break text into lines of at most `cols` columns, honouring 禁则 where it can."""
    lines: list[str] = []
    cur = ""
    for tok in _tokens(normalize(text)):
        if width(tok) > cols:  # a word longer than the line: break it by character
            for ch in tok:
                cur = _add(lines, cur, ch, cols)
            continue
        cur = _add(lines, cur, tok, cols)
    if cur.strip() or not lines:
        lines.append(cur.rstrip())
    return lines


def _add(lines: list[str], cur: str, tok: str, cols: int) -> str:
    if width(cur) + width(tok) <= cols:
        return cur + tok
    if tok == " ":
        lines.append(cur.rstrip())
        return ""
    if (tok[0] in NO_LINE_START or cur[-1:] in NO_LINE_END) and len(cur) > 1:
        lines.append(cur[:-1].rstrip())
        return cur[-1] + tok
    lines.append(cur.rstrip())
    return tok


def layout(document: model.Document, cols: int) -> list[Line]:
    """The whole receipt as lines for a grid `cols` wide."""
    out: list[Line] = []
    for b in document.blocks:
        out.extend(_block(b, cols))
    if document.footer:
        out.extend(TextLine(t, "center") for t in wrap(document.footer, cols))
    return out


def _block(b: model.Block, cols: int) -> list[Line]:
    if isinstance(b, model.Title):
        lines = [TextLine(t, "center", 2, True) for t in wrap(b.text, cols // 2)]
        return lines + [TextLine(t, "center") for t in wrap(b.subtitle, cols) if t]
    if isinstance(b, model.Para):
        scale = SIZE_SCALE.get(b.size, 1)
        text = ("　" if b.indent else "") + b.text
        return [TextLine(t, b.align, scale, b.bold) for t in wrap(text, cols // scale)]
    if isinstance(b, model.Fields):
        return [line for k, v in b.rows for line in _field(k, v, cols)]
    if isinstance(b, model.Items):
        pad = len(f"{len(b.items)}.")  # 1. … 12. : the text of all items lines up
        return [line for n, t in enumerate(b.items, 1)
                for line in _hanging(f"{n}.".ljust(pad) if b.numbered else "·", t, cols)]
    if isinstance(b, model.Table):
        rows = [b.headers, *b.rows]
        return [TextLine(t) for row in rows for t in wrap(" ".join(row), cols)]
    if isinstance(b, model.Barcode):
        # a blank line between the caption and the bars: touching, they read as one
        cap = [TextLine(b.caption, "center"), TextLine("")] if b.caption else []
        return [*cap, BarLine(b.value)]
    if isinstance(b, model.Rule):
        return [TextLine("-" * cols)]
    if isinstance(b, model.Space):
        return [TextLine("")] * b.lines
    if isinstance(b, model.Signature):
        texts = [f"{b.seal_text}（盖章）", b.date_text, b.staff_text]
        return [TextLine(t, "right") for x in texts if x for t in wrap(x, cols)]
    raise TypeError(f"unknown block {type(b).__name__}")


def _field(label: str, value: str, cols: int) -> list[TextLine]:
    """label：value, continuation lines under the value (or below, if the label is long)."""
    head = f"{label}："
    indent = width(head)
    if indent > cols // 2:
        return [TextLine(head), *(TextLine("  " + t) for t in wrap(value, cols - 2))]
    parts = wrap(value, cols - indent)
    return [TextLine(head + parts[0])] + [TextLine(" " * indent + t) for t in parts[1:]]


def _hanging(mark: str, text: str, cols: int) -> list[TextLine]:
    pad = width(mark) + 1
    parts = wrap(text, cols - pad)
    return [TextLine(f"{mark} {parts[0]}")] + [TextLine(" " * pad + t) for t in parts[1:]]
