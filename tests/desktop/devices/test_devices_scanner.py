"""Every scanner ends in one signal: the wedge (keys) and the serial scanner (pty)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.devices.state import DeviceState

CODE = "2025031400010017"


def test_serial_scanner_and_wedge_deliver_the_same_signal(qtbot, hub, scanner_sim):
    with qtbot.waitSignal(hub.scanner.sig_status_changed,
                          check_params_cb=lambda s, _t: s == DeviceState.OK, timeout=5000):
        hub.apply(hub.settings.replace(scanner_url=scanner_sim.port))
    with qtbot.waitSignal(hub.scanner.sig_scanned, timeout=3000) as serial:
        scanner_sim.scan(CODE)
    with qtbot.waitSignal(hub.scanner.sig_scanned, timeout=1000) as wedge:
        hub.scanner.deliver_wedge(CODE)
    assert serial.args == wedge.args == [CODE]


def test_both_reach_the_counter(qtbot, counter, hub, scanner_sim):
    looked_up = []
    counter.workspace.search = looked_up.append
    hub.apply(hub.settings.replace(scanner_url=scanner_sim.port))
    qtbot.waitUntil(lambda: hub.scanner.status.state == DeviceState.OK, timeout=3000)
    scanner_sim.scan(CODE)
    qtbot.waitUntil(lambda: looked_up == [CODE], timeout=3000)
    # keys typed as fast as a wedge scanner types them, focus anywhere
    field = counter.workspace.search_bar.field
    field.clear()
    qtbot.keyClicks(field, CODE)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: looked_up == [CODE, CODE], timeout=3000)


def test_unplugged_serial_scanner_is_red_and_recovers(qtbot, hub, scanner_sim):
    hub.apply(hub.settings.replace(scanner_url=scanner_sim.port))
    qtbot.waitUntil(lambda: hub.scanner.status.state == DeviceState.OK, timeout=3000)
    scanner_sim.unplug()
    qtbot.waitUntil(lambda: hub.scanner.status.state == DeviceState.FAULT, timeout=3000)
    scanner_sim.replug()
    qtbot.waitUntil(lambda: hub.scanner.status.state == DeviceState.OK, timeout=6000)
    with qtbot.waitSignal(hub.scanner.sig_scanned, timeout=3000):
        scanner_sim.scan(CODE)
