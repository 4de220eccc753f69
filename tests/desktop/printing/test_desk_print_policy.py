"""Issue 15.4: the preview fits the screen, each paper follows the hall's choice, and the
demo prints A4 into PDF files instead of failing with "本机没有可用的打印机"."""

from __future__ import annotations

import pathlib

from conftest import NOW, pdf_pages, write_case
from PySide6.QtWidgets import QApplication

from desktop.printing import archive
from desktop.printing.preview import PreviewDialog
from desktop.screen_fit import fits
from desktop.settings import ARCHIVE, PREVIEW, PRINT, SettingsStore
from domain import events as ev


def previews(parent) -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PreviewDialog) and w.isVisible()]


def close_previews() -> None:
    for dialog in previews(None):
        dialog.close()


def test_the_preview_fits_the_screen_with_its_buttons(counter, qtbot):
    case = write_case(counter, long_list=True)
    dialog = PreviewDialog(counter.printing.flow, case,
                           ["acceptance-notice", "acceptance-receipt"], counter)
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()  # 800×800 offscreen: smaller than a PC
    assert fits(dialog), (dialog.frameGeometry(), screen)
    for button in (dialog.print_all_button, dialog.close_button, dialog.save_button):
        corner = button.mapToGlobal(button.rect().bottomRight())
        assert screen.contains(corner), button.text()


def test_the_defaults_preview_the_notice_and_print_the_receipts_at_once(counter, qtbot):
    case = write_case(counter)
    dialog = counter.printing.offer_after(case, counter)
    qtbot.addWidget(dialog)
    assert [str(i) for i in dialog.items] == ["acceptance-notice"]
    # the two receipts went to the printer by themselves: no receipt printer here, so
    # both are kept as PDFs with the case and the clerk is told
    qtbot.waitUntil(lambda: len(archive.papers_of(counter.data_dir, case.case_number,
                                                   case.id)) == 2, timeout=20_000)
    kept = {p.doc for p in archive.papers_of(counter.data_dir, case.case_number, case.id)}
    assert kept == {"acceptance-receipt", "materials-receipt"}


def test_issuing_prints_at_once_and_opens_no_preview(counter, qtbot, pdf_printers):
    close_previews()
    case = write_case(counter, steps=[(ev.ACCEPTED, {}), (ev.SUBMITTED_FOR_REVIEW, {}),
                                      (ev.APPROVED, {}), (ev.RESULT_READY, {}),
                                      (ev.ISSUED, {"method": "collected"})])
    with qtbot.waitSignal(counter.printing.flow.sig_printed, timeout=20_000) as printed:
        assert counter.printing.offer_after(case, counter) is None
    assert previews(counter) == []
    assert printed.args[0].doc == "completion-notice"
    [file] = pdf_printers.files
    assert pdf_pages(file) == 1 and file.stat().st_size > 20_000  # a page image, not blank


def test_a_hall_may_only_archive_a_paper(counter, qtbot, pdf_printers):
    close_previews()
    counter.printing.actions = {**counter.printing.actions, "acceptance-notice": ARCHIVE,
                                "acceptance-receipt": ARCHIVE, "materials-receipt": ARCHIVE}
    case = write_case(counter)
    assert counter.printing.offer_after(case, counter) is None
    qtbot.waitUntil(lambda: len(archive.papers_of(counter.data_dir, case.case_number,
                                                  case.id)) == 3, timeout=20_000)
    assert pdf_printers.files == []  # kept, not printed
    assert previews(counter) == []


def test_the_setting_is_declared_once_and_repaired(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.snapshot().paper_action("acceptance-notice") == PREVIEW
    store.set("paper_actions", {"completion-notice": ARCHIVE, "pickup-slip": "shred"})
    again = SettingsStore(tmp_path).snapshot()
    assert again.paper_action("completion-notice") == ARCHIVE
    assert again.paper_action("pickup-slip") == PRINT  # a bad value keeps the default


def test_the_demo_prints_a4_into_a_folder(qtbot, tmp_path):
    from desktop.counter.shell import CounterShell
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    store = SettingsStore(tmp_path)
    store.set("paper_actions", {"completion-notice": PRINT})
    runner = InlineTaskRunner(tmp_path / DB_NAME, clock=lambda: NOW)
    shell = CounterShell(tmp_path, store, demo=True, runner=runner, clock=lambda: NOW)
    qtbot.addWidget(shell)
    staff = next(s for s in shell.state.catalog.staff if s.role == "clerk" and s.window)
    shell._on_logged_in(staff, staff.window)
    try:
        case = write_case(shell, steps=[(ev.ACCEPTED, {}), (ev.SUBMITTED_FOR_REVIEW, {}),
                                        (ev.APPROVED, {}), (ev.RESULT_READY, {}),
                                        (ev.ISSUED, {"method": "collected"})])
        with qtbot.waitSignal(shell.printing.flow.sig_printed, timeout=20_000):
            shell.printing.offer_after(case, shell)
        [pdf] = pathlib.Path(tmp_path, "printed").glob("*.pdf")
        assert pdf_pages(pdf) == 1 and pdf.stat().st_size > 20_000
        assert "没有可用的打印机" not in shell.message.text()
        assert pdf.name in shell.message.text()  # the clerk is told where it went
    finally:
        shell.shutdown()
