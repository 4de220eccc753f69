"""Building and rasterising one paper: plain functions run on the I/O worker lane.

A `Rendered` carries everything the preview, the printers and the archive need, so
the GUI thread never builds, renders or reads a PDF itself: fonts and barcodes take
a moment on first use, and a 2-page notice takes longer to rasterise than a frame.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QImage

from desktop.printing import archive
from desktop.printing.pages import Page, render_pages
from domain.case import Case
from domain.catalog import Catalog, Staff
from domain.workdays import WorkCalendar
from printing import documents

log = logging.getLogger(__name__)

PREVIEW_DPI = 91  # = page_strip.PX_PER_MM at 1:1 on a standard screen


@dataclasses.dataclass(frozen=True)
class PaperRequest:
    """What `documents.build` needs, gathered on the GUI thread, used on a worker."""

    doc: str
    case: Case
    catalog: Catalog
    today: dt.date
    staff: Staff | str | None = None
    calendar: WorkCalendar | None = None
    settings: Mapping[str, Any] | None = None
    receipt_width_mm: int = 80


@dataclasses.dataclass(eq=False)
class Rendered:
    """One paper, built and drawn: its PDF, its page images, ESC/POS for receipts."""

    doc: str
    title: str
    case_id: str
    case_number: str
    pdf: bytes
    pages: list[Page]
    receipt: bool
    escpos: bytes | None = None
    missing_glyphs: tuple[str, ...] = ()
    kept: archive.Paper | None = None
    """Set once the PDF is in the case's archive (a reprint starts with its own file)."""
    reprint: bool = False

    @property
    def case_key(self) -> str:
        return archive.case_key(self.case_number, self.case_id)


def render_paper(req: PaperRequest, *, dpi: int = PREVIEW_DPI, pages: bool = True) -> Rendered:
    """Build `req.doc` for the case and draw it; raises the printing package's errors.

    `pages=False` skips the preview images of an A4 paper (printed or kept unseen).
    """
    document = documents.build(req.doc, req.case, req.catalog, req.settings, today=req.today,
                               staff=req.staff, calendar=req.calendar)
    pdf = documents.to_pdf(document)
    escpos = None
    if document.is_receipt:
        # the receipt as its printer draws it, at its real paper width
        png = documents.to_png(document, width_mm=req.receipt_width_mm)
        images = [Page(QImage.fromData(png, "PNG"), float(req.receipt_width_mm))]
        escpos = documents.to_escpos(document, width_mm=req.receipt_width_mm)
    else:
        images = render_pages(pdf, dpi) if pages else []
    return Rendered(req.doc, document.title, req.case.id, req.case.case_number, pdf, images,
                    document.is_receipt, escpos, document.missing_glyphs)


def render_kept(paper: archive.Paper, title: str, req: PaperRequest | None = None, *,
                dpi: int = PREVIEW_DPI, pages: bool = True) -> Rendered:
    """A kept paper, printed again: 补打, with the day of the reprint on it.

    The paper is built again from the case for `req.today` (the reprint day) with the
    补打 mark; it still bears the date of the decision it records, so it says what the
    first one said. When the case no longer allows that paper (or no case is given),
    the kept PDF is printed as it was. `pages=False` skips the preview images (a 补打
    straight to the printer needs none).
    """
    receipt = paper.doc in documents.RECEIPT_DOCS
    pdf, escpos = None, None
    if req is not None:
        try:
            document = documents.build(paper.doc, req.case, req.catalog, req.settings,
                                       today=req.today, staff=req.staff,
                                       calendar=req.calendar, reprint=True)
            pdf = documents.to_pdf(document)
            if receipt:
                escpos = documents.to_escpos(document, width_mm=req.receipt_width_mm)
        except ValueError as exc:  # not applicable any more, settings: print the PDF
            log.info("reprint of %s as kept: %s", paper.path.name, exc)
    if pdf is None:
        pdf = archive.read(paper)
    case_id = req.case.id if req is not None else paper.case_key
    number = req.case.case_number if req is not None else ""
    images = render_pages(pdf, dpi) if pages else []
    return Rendered(paper.doc, title, case_id, number, pdf, images, receipt, escpos,
                    kept=paper, reprint=True)


def keep(data_dir: Any, rendered: Rendered, when: dt.datetime) -> archive.Paper:
    """Put the paper's PDF with the case (once): the worker side of Save and Print."""
    if rendered.kept is not None:
        return rendered.kept
    return archive.save(data_dir, rendered.case_key, rendered.doc, rendered.pdf, when)
