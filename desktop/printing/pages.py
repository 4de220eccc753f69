"""PDF pages as images, and a PDF onto a QPrinter — both run on a worker thread.

Two ways to rasterise a page, tried in order: QtPdf (``PySide6.QtPdf``, pdfium; in the
PySide6 wheels that bundle it) and poppler's ``pdftoppm``.
A counter PC may have either, so both are kept working; with neither, the preview
falls back to the printing package's character-grid drawing of the paper.

QPainter may paint on a QImage or a QPrinter outside the GUI thread (Qt documents
this), which is what keeps a 2-page notice at 300 dpi from freezing the counter.
Pages go to the printer as images at up to 300 dpi: the PDF's own vectors would need
pdfium's printing path, and 300 dpi is what the hall's laser printers resolve anyway.
"""

from __future__ import annotations

import logging
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

MM_PER_POINT = 25.4 / 72
PRINT_DPI = 300
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class CannotRender(RuntimeError):
    """Neither QtPdf nor poppler is installed: the PDF cannot be drawn here."""

    code = "printing.no_renderer"


@dataclass(frozen=True)
class Page:
    """One page image and the paper's real width, so papers keep their proportions."""

    image: QImage
    width_mm: float


def qtpdf_available() -> bool:
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        return False
    return True


def page_count(pdf: bytes) -> int:
    """Pages in one of our PDFs (reportlab writes no object streams, so a scan works)."""
    return len(_PAGE.findall(pdf))


def render_pages(pdf: bytes, dpi: int = 110, *, backend: str = "auto") -> list[Page]:
    """Every page of `pdf` at `dpi`; backend "auto", "qtpdf" or "poppler"."""
    return list(_pages(pdf, dpi, backend))


def _pages(pdf: bytes, dpi: int, backend: str) -> Iterator[Page]:
    if backend in ("auto", "qtpdf") and qtpdf_available():
        yield from _qtpdf_pages(pdf, dpi)
        return
    if backend == "qtpdf":
        raise CannotRender("QtPdf is not installed")
    yield from _poppler_pages(pdf, dpi)


def _qtpdf_pages(pdf: bytes, dpi: int) -> Iterator[Page]:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(None)
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    try:
        document.load(buffer)  # from a device: synchronous, answers through status()
        if document.status() != QPdfDocument.Status.Ready:
            raise CannotRender(f"QtPdf could not read the PDF: {document.error()}")
        for i in range(document.pageCount()):
            points = document.pagePointSize(i)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(i, size)
            yield Page(image, points.width() * MM_PER_POINT)
    finally:
        document.close()
        buffer.close()


def _poppler_pages(pdf: bytes, dpi: int) -> Iterator[Page]:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise CannotRender("neither QtPdf nor poppler (pdftoppm) is installed")
    # one run for all pages: pdftoppm spends most of its time loading the CJK font
    hide = {"creationflags": subprocess.CREATE_NO_WINDOW} if sys.platform == "win32" else {}
    with tempfile.TemporaryDirectory(prefix="yc-pages-") as tmp:
        src = pathlib.Path(tmp, "paper.pdf")
        src.write_bytes(pdf)
        subprocess.run([exe, "-r", str(dpi), "-png", str(src), str(pathlib.Path(tmp, "p"))],
                       check=True, capture_output=True, timeout=120, **hide)
        files = sorted(pathlib.Path(tmp).glob("p-*.png"),
                       key=lambda f: int(f.stem.rsplit("-", 1)[1]))
        for f in files:
            image = QImage(str(f))
            yield Page(image, image.width() / dpi * 25.4)


def print_pdf(pdf: bytes, printer: QPrinter, *, dpi: int = PRINT_DPI,
              backend: str = "auto") -> int:
    """Paint every page of `pdf` on `printer` (each page at its own paper size).

    Returns the number of pages sent. The printer's resolution is capped at `dpi` for
    the page images: a 600 dpi A4 page would be 140 MB of pixels for no visible gain.
    """
    dpi = min(dpi, max(printer.resolution(), 72))
    painter = QPainter()
    sent = 0
    for page in _pages(pdf, dpi, backend):
        height_mm = page.image.height() / page.image.width() * page.width_mm
        layout = QPageLayout(QPageSize(QSizeF(page.width_mm, height_mm),
                                       QPageSize.Unit.Millimeter),
                             QPageLayout.Orientation.Portrait, QMarginsF())
        printer.setFullPage(True)
        if sent == 0:
            printer.setPageLayout(layout)
            if not painter.begin(printer):
                raise OSError("the printer could not be opened")
        else:
            printer.setPageLayout(layout)
            printer.newPage()
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        painter.drawImage(target, page.image)
        sent += 1
    if painter.isActive():
        painter.end()
    return sent
