"""Receipts go to the devices layer's printer; a printer that is not ready loses nothing."""

from __future__ import annotations

import os

import pytest
from conftest import write_case

from desktop.printing import archive
from desktop.printing.preview import PreviewDialog


def _receipt_dialog(counter, qtbot, case) -> PreviewDialog:
    dialog = PreviewDialog(counter.printing.flow, case, ["acceptance-receipt"], counter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered[0] is not None, timeout=20_000)
    return dialog


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="the printer simulator needs a pty")
def test_printer_out_of_paper_keeps_the_pdf_and_says_so(counter, qtbot):
    from desktop.devices.printer import PrinterService
    from desktop.devices.settings import DeviceSettings
    from devices.printer.simulator import PrinterSimulator

    sim = PrinterSimulator("paper_out").start()
    service = PrinterService()
    try:
        service.configure(DeviceSettings(printer_url=sim.port))
        counter.printing.flow.receipt_printer = lambda: service
        case = write_case(counter)
        dialog = _receipt_dialog(counter, qtbot, case)
        with qtbot.waitSignal(counter.printing.flow.sig_print_failed, timeout=10_000) as failed:
            dialog.print_current()
        rendered, text = failed.args
        assert "缺纸" in text and "PDF" in text
        assert text == counter.message.text() == dialog.status.text()
        assert "未打印" in dialog.papers.item(0).text()
        kept = archive.papers_of(counter.data_dir, case.case_number, case.id)
        assert [p.doc for p in kept] == ["acceptance-receipt"]
        assert kept[0].path.read_bytes() == rendered.pdf
        assert sim.printed_bytes() == b""  # the status was asked first; nothing sent

        sim.set_state("ok")  # paper loaded: the held job prints, the same bytes
        with qtbot.waitSignal(counter.printing.flow.sig_printed, timeout=10_000):
            service.reprint_all()
        # the simulator reads the pty in its own thread: give it the moment the bytes take
        qtbot.waitUntil(lambda: sim.printed_bytes() == rendered.escpos, timeout=5_000)
        assert len(archive.papers_of(counter.data_dir, case.case_number, case.id)) == 1
    finally:
        service.shutdown()
        sim.stop()


def test_without_a_receipt_printer_the_receipt_is_kept_and_the_dialog_says_so(
        counter, qtbot, pdf_printers):
    counter.printing.flow.receipt_printer = lambda: None
    case = write_case(counter)
    dialog = PreviewDialog(counter.printing.flow, case,
                           ["acceptance-notice", "acceptance-receipt"], counter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: all(r is not None for r in dialog.rendered), timeout=20_000)
    with qtbot.waitSignals([counter.printing.flow.sig_printed,
                            counter.printing.flow.sig_print_failed], timeout=20_000):
        dialog.print_all()
    assert dialog.isVisible(), "a paper did not print: the dialog stays to say which"
    assert "有1份文书没有打印" in dialog.status.text()
    assert "未打印" in dialog.papers.item(1).text() and "已打印" in dialog.papers.item(0).text()
    kept = archive.papers_of(counter.data_dir, case.case_number, case.id)
    assert sorted(p.doc for p in kept) == ["acceptance-notice", "acceptance-receipt"]
    assert len(pdf_printers.files) == 1  # the notice went to the A4 printer
