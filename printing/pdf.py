"""PDF renderer (reportlab platypus): A4/A5 notices, and receipts as a narrow page.

Text goes through `fonts.markup`, which switches to the fallback font for each
character the main font lacks, so a rare name prints instead of becoming a box.
Page numbers say 第i页/共n页: the total is only known after layout, so the canvas
keeps every page and stamps the numbers at save time.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import Table as RLTable

from printing import fonts, model
from printing.barcodes import BarcodeFlowable

SIZES = {"small": 9, "normal": 11, "large": 14, "huge": 30}
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
PAGE = {model.A4: A4, model.A5: A5}
RECEIPT_WIDTH = 80 * mm
FRAME_PADDING = 6  # platypus frames pad 6 pt on each side


def style(size: str = "normal", align: str = "left", *, indent: bool = False,
          leading: float = 1.5) -> ParagraphStyle:
    """A paragraph style in the CJK font; wordWrap CJK lets lines break between hanzi."""
    pt = SIZES.get(size, 11)
    return ParagraphStyle(
        f"{size}-{align}-{indent}", fontName=fonts.MAIN, fontSize=pt, leading=pt * leading,
        alignment=ALIGN[align], wordWrap="CJK", firstLineIndent=2 * pt if indent else 0,
        spaceAfter=pt * 0.3,
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    return Paragraph(fonts.markup(text), st)


class Renderer:
    """Turns blocks into flowables for one frame width (the page minus margins)."""

    def __init__(self, width: float, *, receipt: bool) -> None:
        self.width = width
        self.receipt = receipt
        self.scale = 0.8 if receipt else 1.0

    def flowables(self, blocks: tuple[model.Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for b in blocks:
            out.extend(getattr(self, type(b).__name__.lower())(b))
        return out

    def title(self, b: model.Title) -> list[Flowable]:
        size = 15 if self.receipt else 20
        st = ParagraphStyle("title", fontName=fonts.MAIN, fontSize=size, leading=size * 1.4,
                            alignment=TA_CENTER, spaceAfter=4, spaceBefore=2)
        out: list[Flowable] = [para(b.text, st)]
        if b.subtitle:
            out.append(para(b.subtitle, style("small", "center")))
        out.append(Spacer(1, 2 * mm))
        return out

    def para(self, b: model.Para) -> list[Flowable]:
        text = f"<b>{fonts.markup(b.text)}</b>" if b.bold else fonts.markup(b.text)
        return [Paragraph(text, style(b.size, b.align, indent=b.indent))]

    def fields(self, b: model.Fields) -> list[Flowable]:
        key_st, val_st = style("normal"), style("normal")
        longest = max((stringWidth(f"{k}：", fonts.MAIN, key_st.fontSize) for k, _ in b.rows),
                      default=0)
        # + the cell's right padding, so that no label ever wraps before its colon
        label_w = min(max(longest + 8, 0 if self.receipt else 22 * mm), self.width * 0.4)
        rows = [[para(f"{k}：", key_st), para(v, val_st)] for k, v in b.rows]
        t = RLTable(rows, colWidths=[label_w, self.width - label_w], hAlign="LEFT")
        t.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),  # cells default to Helvetica
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
        return [t, Spacer(1, 2 * mm)]

    def table(self, b: model.Table) -> list[Flowable]:
        aligns = b.align or ("left",) * len(b.headers)
        total = sum(b.widths)
        widths = [self.width * w / total for w in b.widths]
        head = [para(h, style("normal", "center")) for h in b.headers]
        body = [[para(cell, style("normal", aligns[i])) for i, cell in enumerate(row)]
                for row in b.rows]
        t = RLTable([head, *body], colWidths=widths, repeatRows=1)
        t.setStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ])
        return [t, Spacer(1, 3 * mm)]

    def items(self, b: model.Items) -> list[Flowable]:
        st = style("small" if self.receipt else "normal")
        st.leftIndent = st.fontSize * 1.8
        st.firstLineIndent = -st.fontSize * 1.8
        return [para(f"{n}. {t}" if b.numbered else f"· {t}", st)
                for n, t in enumerate(b.items, 1)]

    def barcode(self, b: model.Barcode) -> list[Flowable]:
        module = 0.25 * mm if self.receipt else 0.33 * mm
        return [BarcodeFlowable(b.value, module=module, align=b.align, caption=b.caption,
                                font=fonts.MAIN, height=(10 if self.receipt else 12) * mm),
                Spacer(1, 2 * mm)]

    def rule(self, b: model.Rule) -> list[Flowable]:
        return [HRFlowable(width="100%", thickness=0.5, dash=(2, 2) if b.dashed else None,
                           spaceBefore=2, spaceAfter=4)]

    def space(self, b: model.Space) -> list[Flowable]:
        return [Spacer(1, b.lines * 4 * mm * self.scale)]

    def signature(self, b: model.Signature) -> list[Flowable]:
        st = style("normal", "right")
        lines = [para(f"{b.seal_text}（盖章）", st), para(b.date_text, st)]
        if b.staff_text:
            lines.append(para(b.staff_text, st))
        return [KeepTogether(lines)]


def _numbered_canvas(document: model.Document) -> type[rl_canvas.Canvas]:
    """A canvas that defers page furniture until it knows how many pages there are."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                _furniture(self, document, n, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _furniture(c: rl_canvas.Canvas, document: model.Document, page: int, total: int) -> None:
    w, _h = c._pagesize
    margin = 15 * mm
    c.saveState()
    c.setLineWidth(0.4)
    c.line(margin, 14 * mm, w - margin, 14 * mm)
    number = f"第{page}页/共{total}页"
    c.setFont(fonts.MAIN, 8)
    c.drawRightString(w - margin, 10 * mm, number)
    room = w - 2 * margin - c.stringWidth(number, fonts.MAIN, 8) - 6 * mm
    size = 8.0  # a long address shrinks rather than running into the page number
    while size > 5 and c.stringWidth(document.footer, fonts.MAIN, size) > room:
        size -= 0.5
    _draw_runs(c, margin, 10 * mm, document.footer, size)
    if page > 1 and document.header:
        _draw_runs(c, margin, _h - 10 * mm, document.header, 8)
        c.line(margin, _h - 12 * mm, w - margin, _h - 12 * mm)
    c.restoreState()


def _draw_runs(c: rl_canvas.Canvas, x: float, y: float, text: str, size: float) -> None:
    """drawString with per-character font fallback (page furniture is not a Paragraph)."""
    for name, chunk in fonts.runs(text):
        c.setFont(name, size)
        c.drawString(x, y, chunk)
        x += c.stringWidth(chunk, name, size)


def to_pdf(document: model.Document) -> bytes:
    """The document as PDF bytes, fonts subset and embedded."""
    fonts.register()
    buf = io.BytesIO()
    # initialFontName: else every page references Helvetica, a font we do not embed
    meta = {"title": document.title, "author": document.hall_name, "creator": "Yichuang",
            "initialFontName": fonts.MAIN}
    if document.is_receipt:
        _receipt_pdf(document, buf, meta)
        return buf.getvalue()
    size = PAGE[document.paper]
    margin = 18 * mm if document.paper == model.A4 else 12 * mm
    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=margin, rightMargin=margin,
                            topMargin=16 * mm, bottomMargin=20 * mm, **meta)
    story = Renderer(doc.width - 2 * FRAME_PADDING, receipt=False).flowables(document.blocks)
    doc.build(story, canvasmaker=_numbered_canvas(document))
    return buf.getvalue()


def _receipt_pdf(document: model.Document, buf: io.BytesIO, meta: dict) -> None:
    """One long narrow page, as long as the slip: a preview of what the printer cuts."""
    margin = 3 * mm
    width = RECEIPT_WIDTH - 2 * margin - 2 * FRAME_PADDING
    story = _receipt_story(document, width)
    height = sum(f.wrap(width, 100_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                 for f in story)
    # the sum ignores how platypus collapses spacing; the slack keeps it on one page
    page = (RECEIPT_WIDTH, height + 2 * margin + 2 * FRAME_PADDING + 15 * mm)
    doc = SimpleDocTemplate(buf, pagesize=page, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin, **meta)
    doc.build(_receipt_story(document, width))


def _receipt_story(document: model.Document, width: float) -> list[Flowable]:
    story = Renderer(width, receipt=True).flowables(document.blocks)
    if document.footer:
        story.append(para(document.footer, style("small", "center")))
    return story

