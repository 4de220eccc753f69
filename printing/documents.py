"""The single entry to printing: `build(doc, case, …)` and the three renderers.

    document = build("slip", case, catalog, settings, today=today, staff=staff)
    to_pdf(document) / to_png(document) / to_escpos(document, width_mm=58)

A paper that does not fit the case (a refusal notice for an accepted case) is refused
with a clear message rather than printed with blanks: a wrong paper handed to a
citizen is worse than none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping
from typing import Any

from domain import lifecycle as lc
from domain.case import Case
from domain.catalog import Catalog, Staff
from domain.workdays import WorkCalendar
from printing import decisions, fonts, forms, notices, raster, slips
from printing.context import Context, default_calendar, staff_number, step_day
from printing.escpos import NotAReceipt, to_escpos
from printing.model import Document
from printing.pdf import to_pdf
from printing.settings import HallPrintSettings, settings_from

log = logging.getLogger(__name__)

__all__ = ["DOCS", "RECEIPT_DOCS", "DocumentNotApplicable", "MissingGlyph", "NotAReceipt",
           "UnknownDocument", "build", "to_escpos", "to_pdf", "to_png"]


class UnknownDocument(ValueError):
    code = "printing.unknown_document"


class DocumentNotApplicable(ValueError):
    """The case is not in a state this paper speaks about."""

    code = "printing.not_applicable"


class MissingGlyph(ValueError):
    """A character no shipped font can draw (raised only with strict_glyphs)."""

    code = "printing.missing_glyph"


Builder = Callable[[Context], Document]
Check = Callable[[Case], str | None]  # None = fine, else why not


def _needs_accepted(c: Case) -> str | None:
    return None if c.accepted_at else "办件尚未受理"


def _needs_missing(c: Case) -> str | None:
    return None if c.missing else "办件没有待补正的材料"


def _needs_state(*states: str) -> Check:
    def check(c: Case) -> str | None:
        if c.state in states:
            return None
        return f"办件状态为「{lc.state_label(c.state)}」"
    return check


def _needs_mail(c: Case) -> str | None:
    if c.delivery.get("method") == "mail" or c.applicant.get("address"):
        return None
    return "办件没有邮寄地址"


def _any(c: Case) -> str | None:
    return None


def _needs_step(kind: str, what: str) -> Check:
    def check(c: Case) -> str | None:
        return None if step_day(c, kind) else f"办件没有{what}"
    return check


def _needs(attr: str, what: str) -> Check:
    def check(c: Case) -> str | None:
        return None if getattr(c, attr) else f"办件没有{what}"
    return check


DOCS: Mapping[str, tuple[Builder, Check]] = {
    "slip": (slips.registration_slip, _any),
    "acceptance-receipt": (slips.acceptance_receipt, _needs_accepted),
    "pickup-slip": (slips.pickup_slip, _needs_state(lc.RESULT_READY, lc.ISSUED)),
    "acceptance-notice": (notices.acceptance_notice, _needs_accepted),
    "supplement-notice": (notices.supplement_notice, _needs_missing),
    "refusal-notice": (notices.refusal_notice, _needs_state(lc.REFUSED)),
    "materials-receipt": (forms.materials_receipt, _any),
    "completion-notice": (notices.completion_notice,
                          _needs_state(lc.ISSUED, lc.RESULT_READY)),
    "mailing-sheet": (forms.mailing_sheet, _needs_mail),
    "decision-refusal": (decisions.decision_refusal, _needs_step("rejected", "不予许可决定")),
    "extension-notice": (decisions.extension_notice, _needs("extension", "批准的延期")),
    "pause-notice": (decisions.pause_notice, _needs("procedures", "听证、核查或专家评审等特别程序")),
    "tolerance-promise": (decisions.tolerance_promise, _needs("promises", "容缺受理承诺")),
}
# the steps whose day each paper bears: the decision it records, not the day it is printed
DECIDED_BY: Mapping[str, tuple[str, ...]] = {
    "slip": ("registered",),
    "supplement-notice": ("supplement_requested",),
    "refusal-notice": ("refused",),
    "materials-receipt": ("accepted", "supplement_received", "supplement_requested",
                          "registered"),
    "completion-notice": ("issued", "result_ready"),
    "pickup-slip": ("result_ready",),
    "mailing-sheet": ("issued",),
}
RECEIPT_DOCS = frozenset({"slip", "acceptance-receipt", "pickup-slip"})
FORMATS = {"pdf", "png", "escpos"}


def formats_for(doc: str) -> frozenset[str]:
    """Which renderers a paper supports: A4 papers never go to a receipt printer."""
    return frozenset(FORMATS if doc in RECEIPT_DOCS else FORMATS - {"escpos"})


def decided_on(doc: str, case: Case) -> dt.date | None:
    """The day of the decision `doc` records, from the case's history (None: unknown)."""
    if doc in ("acceptance-notice", "acceptance-receipt"):
        return case.accepted_on
    if doc in DECIDED_BY:
        return step_day(case, *DECIDED_BY[doc])
    return decisions.decided_on(doc, case)


def build(doc: str, case: Case, catalog: Catalog,
          settings: HallPrintSettings | Mapping[str, Any] | None = None, *,
          today: dt.date, staff: Staff | str | None = None,
          calendar: WorkCalendar | None = None, reprint: bool = False) -> Document:
    """Build paper `doc` for `case`; raises UnknownDocument / DocumentNotApplicable.

    `settings` may be the frozen HallPrintSettings or a plain dict layered over the
    catalog's hall. `staff` is whoever prints (defaults to the case's clerk);
    `calendar` the pulled working-day calendar (defaults to the shipped one). The paper
    bears the date of its decision; `reprint` marks it 补打 with `today` as that date.
    """
    if doc not in DOCS:
        raise UnknownDocument(f"未知的文书: {doc}（可选: {'、'.join(DOCS)}）")
    builder, check = DOCS[doc]
    why = check(case)
    if why:
        number = case.case_number or case.slip_number
        raise DocumentNotApplicable(f"不能打印「{doc}」：{why}（办件编号 {number}）")
    if not isinstance(settings, HallPrintSettings):
        settings = settings_from(catalog.hall, settings)
    ctx = Context(doc=doc, case=case, catalog=catalog, settings=settings, today=today,
                  staff_no=staff_number(staff, catalog, case),
                  calendar=calendar or default_calendar(),
                  decided=decided_on(doc, case) or today,
                  reprint_on=today if reprint else None)
    document = builder(ctx)
    return _checked_glyphs(document, strict=settings.strict_glyphs)


def _checked_glyphs(document: Document, *, strict: bool) -> Document:
    """Name every character no font has: a blank box must never pass unnoticed."""
    missing = fonts.missing_glyphs("".join(document.texts()))
    if not missing:
        return document
    names = "、".join(f"{ch}({fonts.codepoint(ch)})" for ch in missing)
    if strict:
        raise MissingGlyph(f"字体中没有这些字符，无法打印: {names}")
    # the characters themselves may be part of a name: log code points only
    log.warning("printing %s: no font has %s", document.doc,
                ", ".join(fonts.codepoint(ch) for ch in missing))
    return dataclasses.replace(document, missing_glyphs=tuple(missing))


def to_png(document: Document, *, dpi: int = 150, width_mm: int = 80) -> bytes:
    """A preview image: receipts as the printer draws them, A4 page 1 via poppler.

    Without poppler the A4 preview is drawn by Pillow on a character grid: readable,
    not a facsimile.
    """
    if document.is_receipt:
        return raster.png_bytes(raster.receipt_image(document, width_mm))
    png = raster.pdf_page_png(to_pdf(document), dpi=dpi)
    if png is None:
        return raster.png_bytes(raster.page_image_fallback(document))
    return png


def render(document: Document, fmt: str, *, width_mm: int = 80) -> bytes:
    """Dispatch by format name, as the CLI and the desktop print dialog do."""
    if fmt not in formats_for(document.doc):
        raise NotAReceipt(f"「{document.title}」不能输出为 {fmt}（可选: "
                          f"{', '.join(sorted(formats_for(document.doc)))}）")
    if fmt == "pdf":
        return to_pdf(document)
    if fmt == "png":
        return to_png(document, width_mm=width_mm)
    return to_escpos(document, width_mm=width_mm)
