"""Demo mode: the simulators in-process, the settings pointing at them, the control window."""

from __future__ import annotations

from desktop.devices import settings as ds
from desktop.devices.demo import start_demo_devices
from desktop.devices.demo_window import DemoControlWindow
from desktop.devices.hub import DeviceHub
from desktop.devices.printer import PrintJob
from desktop.devices.state import DeviceState
from devices.printer.escpos_raw import Receipt


def test_demo_devices_work_end_to_end(qtbot, tmp_path):
    demo = start_demo_devices(tmp_path)
    hub = DeviceHub(tmp_path)
    try:
        assert ds.load(tmp_path) == demo.settings
        hub.start()
        window = DemoControlWindow(demo)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: hub.card_reader.status.state == DeviceState.OK, timeout=5000)
        window.card_choice.setCurrentIndex(window.card_choice.findData("ayguli"))
        with qtbot.waitSignal(hub.card_reader.sig_card_read, timeout=5000) as read:
            window.place_card()
        assert read.args[0]["name"] == "阿依古丽·买买提"
        qtbot.waitUntil(lambda: hub.printer.status.state == DeviceState.OK, timeout=5000)
        window.set_printer("paper_out")
        with qtbot.waitSignal(hub.printer.sig_print_failed, timeout=5000):
            hub.printer.print_job(PrintJob("t", Receipt().line("测试").build()))
        window.set_printer("ok")
        with qtbot.waitSignal(hub.printer.sig_printed, timeout=5000):
            hub.printer.reprint_all()
        window.refresh()
        assert window.receipt.pixmap() is not None and not window.receipt.pixmap().isNull()
        with qtbot.waitSignal(hub.scanner.sig_scanned, timeout=3000):
            window.scan_code.setText("2025031400010017")
            window.scan()
    finally:
        hub.shutdown()
        demo.stop()
