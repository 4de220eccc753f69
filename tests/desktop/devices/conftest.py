"""Fixtures for the desktop side of the devices: simulators on ptys, a hub, a counter.

Every device runs for real: the simulators speak their protocols on ptys and the hub's
device threads open them like hardware. Waiting is always ``qtbot.waitSignal`` /
``waitUntil`` (an event loop runs), never a sleep on the GUI thread.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop.devices.hub import DeviceHub
from desktop.devices.settings import DeviceSettings
from devices.idcard.simulator import IdCardReaderSimulator
from devices.pad.simulator import RatingPadSimulator
from devices.printer.simulator import PrinterSimulator
from devices.scanner.simulator import ScannerSimulator

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs ptys (POSIX)")


@pytest.fixture
def idcard_sim():
    sim = IdCardReaderSimulator().start()
    yield sim
    sim.stop()


@pytest.fixture
def pad_sim():
    sim = RatingPadSimulator("yc-pad").start()
    yield sim
    sim.stop()


@pytest.fixture
def printer_sim():
    sim = PrinterSimulator("ok").start()
    yield sim
    sim.stop()


@pytest.fixture
def scanner_sim():
    sim = ScannerSimulator().start()
    yield sim
    sim.stop()


@pytest.fixture
def hub(qtbot, tmp_path):
    """A hub with nothing configured; tests ``apply`` what they need."""
    hub = DeviceHub(tmp_path)
    qtbot.addWidget(hub.pad.screen_pad.view)
    hub.start(DeviceSettings())
    yield hub
    hub.shutdown()


def fast_pad(settings: DeviceSettings, timeout_s: int) -> DeviceSettings:
    """Settings with a pad timeout below the settings' minimum (5 s), for tests."""
    return dataclasses.replace(settings, pad_timeout_s=timeout_s)


@pytest.fixture
def counter(qtbot, tmp_path: pathlib.Path, hub):
    """The real counter window (inline task runner), a clerk logged in, devices connected."""
    from desktop.counter.shell import CounterShell
    from desktop.devices.counter_hooks import connect_counter
    from desktop.settings import SettingsStore
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(tmp_path / DB_NAME)
    shell = CounterShell(tmp_path, SettingsStore(tmp_path), runner=runner)
    qtbot.addWidget(shell)
    assert shell.state is not None, "the inline runner starts the counter at once"
    staff = next(s for s in shell.state.catalog.staff if s.role == "clerk" and s.window)
    shell._on_logged_in(staff, staff.window)
    shell.devices = connect_counter(shell, hub)
    yield shell
    hub.shutdown()
    shell.shutdown()


@pytest.fixture
def instant_item(counter):
    """An instant item of the demo hall (issued on the spot)."""
    return next(i for i in counter.state.catalog.items if i.instant)
