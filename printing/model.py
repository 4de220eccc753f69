"""The device-neutral document: what a paper says, not how a device draws it.

Builders (slips.py, notices.py, forms.py) turn domain records into a `Document` of a
few block kinds; renderers (pdf.py, raster.py, escpos.py) draw blocks. Keeping the two
apart is what lets one slip come out the same on an 80 mm printer, a 58 mm printer,
a PDF preview and a PNG on screen, and lets tests read the content without a device.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

RECEIPT = "receipt"
A4 = "A4"
A5 = "A5"


@dataclass(frozen=True)
class Title:
    """The name of the paper, centred and large."""

    text: str
    subtitle: str = ""


@dataclass(frozen=True)
class Para:
    """Running text. `size`: small | normal | large | huge (a queue number)."""

    text: str
    size: str = "normal"
    align: str = "left"  # left | center | right
    bold: bool = False
    indent: bool = False  # first-line indent of two characters, as Chinese notices do


@dataclass(frozen=True)
class Fields:
    """Label–value lines (申请人：王䶮); a value may wrap, the label never does."""

    rows: tuple[tuple[str, str], ...]
    columns: int = 1  # A4 may set two pairs per line; receipts always use one


@dataclass(frozen=True)
class Table:
    """A grid with a header row; `widths` are relative column widths."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[str, ...] = ()  # per column; default left


@dataclass(frozen=True)
class Items:
    """A numbered list (materials to bring, materials missing)."""

    items: tuple[str, ...]
    numbered: bool = True


@dataclass(frozen=True)
class Barcode:
    """A CODE128 barcode with its number printed under it."""

    value: str
    caption: str = ""
    align: str = "center"


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line between sections."""

    dashed: bool = True


@dataclass(frozen=True)
class Space:
    """Vertical space in lines (receipts) or in multiples of 4 mm (A4)."""

    lines: int = 1


@dataclass(frozen=True)
class Signature:
    """Where the hall's seal is stamped by hand, and the date of issue.

    We print the seal text (印章文字) and leave room; we never draw a seal, because a
    printed seal is not a seal.
    """

    seal_text: str
    date_text: str
    staff_text: str = ""


Block = Title | Para | Fields | Table | Items | Barcode | Rule | Space | Signature


@dataclass(frozen=True)
class Document:
    """One paper, ready for any renderer that supports its `paper`."""

    doc: str  # the name used by build(): slip, acceptance-notice, …
    title: str
    paper: str  # RECEIPT | A4 | A5
    blocks: tuple[Block, ...]
    case_number: str = ""
    hall_name: str = ""
    footer: str = ""
    header: str = ""  # repeated at the top of every A4 page after the first
    missing_glyphs: tuple[str, ...] = field(default=())

    @property
    def is_receipt(self) -> bool:
        return self.paper == RECEIPT

    def texts(self) -> Iterator[str]:
        """Every string the paper prints, for glyph checks and tests."""
        yield from (self.title, self.footer, self.header, self.hall_name)
        for b in self.blocks:
            yield from block_texts(b)


def block_texts(b: Block) -> Iterator[str]:
    """The strings one block prints."""
    if isinstance(b, Title):
        yield from (b.text, b.subtitle)
    elif isinstance(b, Para):
        yield b.text
    elif isinstance(b, Fields):
        for k, v in b.rows:
            yield from (k, v)
    elif isinstance(b, Table):
        yield from b.headers
        for row in b.rows:
            yield from row
    elif isinstance(b, Items):
        yield from b.items
    elif isinstance(b, Barcode):
        yield from (b.value, b.caption)
    elif isinstance(b, Signature):
        yield from (b.seal_text, b.date_text, b.staff_text)
