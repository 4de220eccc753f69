"""Preview, save, keep, reprint and print A4 papers from the real counter window."""

from __future__ import annotations

import os
import pathlib

import shiboken6
from conftest import pdf_pages, pdf_text, write_case

from desktop.printing import archive
from desktop.printing.pages import page_count, render_pages
from desktop.printing.preview import PreviewDialog
from desktop.settings import PREVIEW
from domain import events as ev


def _open(counter, qtbot, case, docs) -> PreviewDialog:
    dialog = PreviewDialog(counter.printing.flow, case, docs, counter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: all(r is not None for r in dialog.rendered), timeout=20_000)
    return dialog


def preview_everything(counter) -> None:
    """A hall that chose to see every paper before it prints (`paper_actions`)."""
    counter.printing.actions = dict.fromkeys(counter.printing.actions, PREVIEW)


def test_accepting_offers_its_papers_and_the_preview_shows_every_page(counter, qtbot, tmp_path):
    preview_everything(counter)
    case = write_case(counter, long_list=True)
    dialog = counter.printing.offer_after(case, counter)  # what sig_case_written does
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: all(r is not None for r in dialog.rendered), timeout=20_000)
    assert [r.doc for r in dialog.rendered] == ["acceptance-notice", "acceptance-receipt",
                                                "materials-receipt"]
    for row, rendered in enumerate(dialog.rendered):
        dialog.papers.setCurrentRow(row)
        pdf = tmp_path / f"{rendered.doc}.pdf"
        pdf.write_bytes(rendered.pdf)
        assert dialog.page_count() == pdf_pages(pdf) == page_count(rendered.pdf)
    assert dialog.page_count() >= 2, "34 materials run onto a second page"
    dialog.next_button.click()
    assert "第 2 /" in dialog.page_label.text()
    receipt, notice = dialog.rendered[1], dialog.rendered[0]
    assert receipt.receipt and receipt.escpos and not notice.receipt
    assert receipt.pages[0].width_mm == 80 and 209 < notice.pages[0].width_mm < 211


def test_save_writes_the_pdf_keeps_it_with_the_case_and_a_reprint_says_so(
        counter, qtbot, tmp_path, pdf_printers):
    case = write_case(counter, long_list=True)
    dialog = _open(counter, qtbot, case, ["materials-receipt"])
    target = tmp_path / "copy.pdf"
    dialog.ask_save_path = lambda _name: str(target)
    dialog.save_current()
    text = pdf_text(target)
    assert case.case_number in text and "材料接收凭证" in text

    kept = archive.papers_of(counter.data_dir, case.case_number, case.id)
    assert [p.doc for p in kept] == ["materials-receipt"]
    assert kept[0].path.parent == counter.data_dir / "documents" / case.case_number
    assert kept[0].path.read_bytes() == target.read_bytes()

    counter.workspace.show_case(case)  # the case view lists its papers
    panel = counter.printing.panel
    qtbot.waitUntil(lambda: panel.kept == kept)
    assert "材料接收凭证" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    again = panel.preview_selected()
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.rendered[0] is not None, timeout=20_000)
    reprint = tmp_path / "reprint.pdf"
    reprint.write_bytes(again.rendered[0].pdf)
    assert again.rendered[0].reprint and "补打" not in text
    redone = pdf_text(reprint)  # the same paper, marked 补打 with the day of the reprint
    assert "补打" in redone and case.case_number in redone and "材料接收凭证" in redone
    assert kept[0].path.read_bytes() == target.read_bytes()  # the kept paper stays as given
    assert again.page_count() == pdf_pages(reprint) >= 2

    panel.reprint_selected()  # 补打: straight to the printer, no second copy kept
    qtbot.waitUntil(lambda: pdf_printers.files and pdf_printers.files[-1].exists())
    assert pdf_pages(pdf_printers.files[-1]) == pdf_pages(target)
    assert len(archive.papers_of(counter.data_dir, case.case_number, case.id)) == 1


def test_printing_a4_through_a_qprinter_gives_the_same_pages(counter, qtbot, pdf_printers):
    case = write_case(counter, long_list=True)
    dialog = _open(counter, qtbot, case, ["acceptance-notice", "materials-receipt"])
    with qtbot.waitSignals([counter.printing.flow.sig_printed] * 2, timeout=20_000):
        dialog.print_all()
    assert len(pdf_printers.files) == 2
    printed = sorted(pdf_pages(f) for f in pdf_printers.files)
    assert printed == sorted(page_count(r.pdf) for r in dialog.rendered) == [1, 2]
    kept = archive.papers_of(counter.data_dir, case.case_number, case.id)
    assert sorted(p.doc for p in kept) == ["acceptance-notice", "materials-receipt"]
    assert "已打印" in counter.message.text()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_the_print_menu_follows_the_case_state(counter, qtbot):
    refused = write_case(counter, steps=[(ev.REFUSED, {"reason": "不属于本中心受理范围"})])
    counter.workspace.show_case(refused)
    panel = counter.printing.panel
    docs = [a.data() for a in panel.print_menu.actions()]
    assert "refusal-notice" in docs and "acceptance-notice" not in docs
    dialog = panel.print_doc("refusal-notice")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.rendered[0] is not None, timeout=20_000)
    assert dialog.page_count() == 1 and not dialog.print_all_button.isVisible()


def test_rendering_runs_off_the_gui_thread_with_the_real_runner(qtbot, tmp_path):
    """The threaded TaskRunner: build, PDF and page images all on the I/O lane."""
    import threading

    from desktop.printing import render
    from desktop.tasks import TaskRunner
    from printing.demo import demo_case
    from sync.reference import load_catalog
    from sync.replica import DB_NAME, Replica

    runner = TaskRunner(tmp_path / DB_NAME)
    try:
        from sync.demo_data import ensure_catalog

        replica = Replica(tmp_path / DB_NAME)
        ensure_catalog(replica)
        catalog = load_catalog(replica)
        replica.close()
        case = demo_case(catalog, story="accepted", long_list=True)
        seen: list = []

        def job():
            seen.append(threading.current_thread().name)
            return render.render_paper(render.PaperRequest(
                "materials-receipt", case, catalog, case.accepted_on))

        got: list = []
        runner.io(job, got.append)
        qtbot.waitUntil(lambda: bool(got), timeout=20_000)
        assert seen[0].startswith("io") and len(got[0].pages) == page_count(got[0].pdf) >= 2
        assert all(not p.image.isNull() for p in got[0].pages)
    finally:
        runner.shutdown()


def test_both_page_backends_agree(counter):
    """QtPdf where the wheel has it, poppler elsewhere: the same number of pages."""
    import pytest

    from desktop.printing.pages import qtpdf_available
    from printing.documents import build, to_pdf

    case = write_case(counter, long_list=True)
    pdf = to_pdf(build("materials-receipt", case, counter.state.catalog,
                       today=counter.state.today()))
    poppler = render_pages(pdf, 40, backend="poppler")
    assert len(poppler) == page_count(pdf) == 2
    if not qtpdf_available():
        pytest.skip("QtPdf not in this PySide6 install")
    assert len(render_pages(pdf, 40, backend="qtpdf")) == 2


def test_screenshot_of_the_preview(counter, qtbot, tmp_path):
    """Grabs for our own eyes: YC_SCREENSHOTS=DIR keeps them, else they go to tmp."""
    out = pathlib.Path(os.environ.get("YC_SCREENSHOTS") or tmp_path)
    preview_everything(counter)
    case = write_case(counter, long_list=True)
    dialog = counter.printing.offer_after(case, counter)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: all(r is not None for r in dialog.rendered), timeout=20_000)
    out.mkdir(parents=True, exist_ok=True)
    for row, name in ((0, "preview-notice"), (1, "preview-receipt"), (2, "preview-page2")):
        dialog.papers.setCurrentRow(row)
        if row == 2:
            qtbot.wait(50)
            dialog.next_button.click()
        qtbot.wait(50)
        assert dialog.grab().save(str(out / f"{name}.png"))
    with qtbot.waitSignals([counter.printing.flow.sig_kept] * 3, timeout=20_000):
        dialog.print_all()
    counter.show_for_screen()
    counter.workspace.show_case(case)
    qtbot.waitUntil(lambda: len(counter.printing.panel.kept) == 3)
    counter.printing.panel.list.setCurrentRow(0)
    qtbot.wait(50)
    assert counter.grab().save(str(out / "case-papers.png"))
