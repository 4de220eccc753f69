"""Receipt bytes: Chinese mode, GB18030 text, native CODE128 set C, the cut, and rare
characters sent as a raster image rather than as text the printer cannot print."""

from __future__ import annotations

import re

import pytest

from printing import escpos, layout
from printing.documents import NotAReceipt, to_escpos, to_png
from printing.model import RECEIPT, Barcode, Document, Para

HALL = "日照市政务服务中心".encode("gb18030")


def gb18030_four_byte_runs(data: bytes) -> list[bytes]:
    """4-byte GB18030 sequences: byte1 81–FE, byte2 30–39, byte3 81–FE, byte4 30–39."""
    return re.findall(rb"[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]", data)


def text_segments(data: bytes) -> bytes:
    """The bytes with raster payloads (GS v 0 …) cut out, so only text remains."""
    out, i = bytearray(), 0
    while (j := data.find(b"\x1d\x76\x30\x00", i)) >= 0:
        out += data[i:j]
        w = int.from_bytes(data[j + 4:j + 6], "little")
        h = int.from_bytes(data[j + 6:j + 8], "little")
        i = j + 8 + w * h
    return bytes(out + data[i:])


@pytest.mark.parametrize("width", [58, 80])
def test_slip_bytes(make, width):
    d = make("slip")
    data = to_escpos(d, width_mm=width)
    assert data.startswith(b"\x1b\x40\x1c\x26")  # init, then Chinese mode
    assert HALL in data
    slip = d.blocks[[type(b) for b in d.blocks].index(Barcode)].value
    pairs = bytes(int(slip[i:i + 2]) for i in range(0, 20, 2))
    assert b"\x1d\x6b\x49\x0c{C" + pairs in data
    assert data.endswith(b"\x1d\x56\x42\x00")


@pytest.mark.parametrize("doc", ["slip", "acceptance-receipt", "pickup-slip"])
def test_no_four_byte_or_non_gbk_text_is_sent(make, doc):
    data = to_escpos(make(doc), width_mm=58)
    text = text_segments(data)
    assert gb18030_four_byte_runs(text) == []
    assert "王䶮".encode("gb18030") not in text  # 䶮 is FE9F: GB18030, not GBK
    if doc != "slip":  # the slip masks the name (王*); the others print it whole
        assert b"\x1d\x76\x30\x00" in data  # so the line with 䶮 went as an image


def test_case_number_barcode_on_receipt(make):
    d = make("acceptance-receipt")
    pairs = bytes(int(d.case_number[i:i + 2]) for i in range(0, 16, 2))
    assert b"\x1d\x6b\x49\x0a{C" + pairs in to_escpos(d)


def test_protocol_vectors():
    assert escpos.code128("20240518") == bytes.fromhex("1D6B49067B4314180512")
    assert escpos.code128("ZW2024001") == bytes.fromhex("1D6B490B7B425A5732303234303031")
    assert escpos.size(2) == b"\x1d\x21\x11"


def test_yen_is_sent_as_fullwidth():
    doc = Document(doc="slip", title="t", paper=RECEIPT, blocks=(Para("收费 ¥10"),))
    data = to_escpos(doc)
    assert "￥".encode("gb18030") in data and b"\x81\x30\x84\x36" not in data


def test_full_width_punctuation_is_text_not_question_marks():
    doc = Document(doc="slip", title="t", paper=RECEIPT, blocks=(Para("（），：、"),))
    assert "（），：、".encode("gb18030") in to_escpos(doc)


def test_a4_doc_refuses_escpos(make):
    with pytest.raises(NotAReceipt, match="不能用小票打印机打印"):
        to_escpos(make("refusal-notice"))


def test_layout_fits_columns_and_keeps_punctuation_off_line_starts(make):
    for cols in (32, 48):
        for line in layout.layout(make("slip"), cols):
            if isinstance(line, layout.TextLine):
                assert layout.width(line.text) * line.scale <= cols, line
                assert line.text[:1] not in layout.NO_LINE_START or line.text == "", line


def test_wrap_keeps_numbers_whole():
    assert layout.wrap("办件编号1250314000100073", 16) == ["办件编号", "1250314000100073"]
    assert layout.wrap("材料原件1份", 10) == ["材料原件", "1份"]


def test_png_preview_width(make):
    from io import BytesIO

    from PIL import Image

    for mm, dots in ((58, 384), (80, 576)):
        img = Image.open(BytesIO(to_png(make("slip"), width_mm=mm)))
        assert img.width == dots + 32 and img.height > 800


def test_raster_line_draws_the_rare_name(make):
    """The GS v 0 image of the name line has ink where 䶮 sits (not an empty cell)."""
    from PIL import Image

    data = to_escpos(make("acceptance-receipt"), width_mm=80)
    j = data.find(b"\x1d\x76\x30\x00")
    w = int.from_bytes(data[j + 4:j + 6], "little")
    h = int.from_bytes(data[j + 6:j + 8], "little")
    bits = bytes(b ^ 0xFF for b in data[j + 8:j + 8 + w * h])
    img = Image.frombytes("1", (w * 8, h), bits).convert("L")
    name_cell = img.crop((12 * 10, 0, 12 * 12, h))  # 申请人：王䶮 → 䶮 in columns 10-11
    assert sum(name_cell.histogram()[:128]) > 40


def test_a4_png_without_poppler_falls_back_to_pillow(make, monkeypatch):
    from io import BytesIO

    from PIL import Image

    from printing import raster

    monkeypatch.setattr(raster.shutil, "which", lambda _name: None)
    img = Image.open(BytesIO(to_png(make("refusal-notice"))))
    assert img.width == 96 * 12 + 88 and img.height >= 1754
