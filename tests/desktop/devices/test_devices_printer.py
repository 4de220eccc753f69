"""Receipts: status first; a printer out of paper loses nothing."""

from __future__ import annotations

from desktop.devices.printer import PrintJob
from desktop.devices.state import DeviceState
from devices.printer.escpos_raw import Receipt
from devices.printer.status import QUERIES


def _job() -> PrintJob:
    return PrintJob("受理回执", Receipt(paper_mm=80).title("受理回执").line("办件编号 0001").cut()
                    .build())


def _configure(qtbot, hub, sim, want=DeviceState.OK) -> None:
    with qtbot.waitSignal(hub.printer.sig_status_changed,
                          check_params_cb=lambda s, _t: s == want, timeout=5000):
        hub.apply(hub.settings.replace(printer_url=sim.port))


def test_paper_out_tells_the_clerk_and_keeps_the_job(qtbot, counter, hub, printer_sim, tmp_path):
    printer_sim.set_state("paper_out")
    _configure(qtbot, hub, printer_sim, DeviceState.FAULT)
    assert "缺纸" in counter.devices.lights.lights["printer"].toolTip()
    job = _job()
    with qtbot.waitSignal(hub.printer.sig_print_failed, timeout=5000) as failed:
        hub.printer.print_job(job)
    assert failed.args[1] == "printer.paper_out"
    assert "缺纸" in failed.args[2] and "缺纸" in counter.message.text()
    assert hub.printer.held == [job]
    assert printer_sim.printed_bytes() == b""  # nothing but status queries was sent
    assert all(q in bytes(printer_sim.captured) for q in QUERIES)

    printer_sim.set_state("ok")  # paper loaded: print it again
    with qtbot.waitSignal(hub.printer.sig_printed, timeout=5000):
        hub.printer.reprint_all()
    assert hub.printer.held == []
    qtbot.waitUntil(lambda: printer_sim.printed_bytes() == job.data, timeout=2000)


def test_a_held_job_can_be_saved_as_pdf(qtbot, hub, tmp_path):
    job = _job()
    with qtbot.waitSignal(hub.printer.sig_print_failed, timeout=2000) as failed:
        hub.printer.print_job(job)  # no printer configured
    assert failed.args[1] == "printer.not_configured"
    path = hub.printer.save_pdf(job, tmp_path / "receipt.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    assert hub.printer.held == []


def test_cover_open_and_the_problem_dialog(qtbot, counter, hub, printer_sim):
    printer_sim.set_state("cover_open")
    _configure(qtbot, hub, printer_sim, DeviceState.FAULT)
    with qtbot.waitSignal(hub.printer.sig_print_failed, timeout=5000):
        hub.printer.print_job(_job())
    from desktop.devices.print_problem import PrintProblemDialog

    dialogs = [w for w in counter.findChildren(PrintProblemDialog) if w.isVisible()]
    assert dialogs and "纸仓盖" in dialogs[0].reason.text()
    printer_sim.set_state("ok")
    with qtbot.waitSignal(hub.printer.sig_printed, timeout=5000):
        dialogs[0].reprint_button.click()
