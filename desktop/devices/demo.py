"""Demo mode's hardware: every simulator in-process, and the settings pointing at them.

``yichuang demo`` runs a whole counter on one PC with no hardware: the ID-card
reader, the rating pad (YC-PAD/1) and the serial scanner on ptys, the receipt printer
on a pty and on TCP. :func:`start_demo_devices` starts them and writes the terminal's
``devices.json`` so the counter's :class:`DeviceHub` opens them like real devices;
the control window (:mod:`desktop.devices.demo_window`) plays the citizen.

ptys exist on Linux and macOS only: on Windows the demo starts without simulated
devices (the screen pad, manual entry and PDFs still work) and says so in the log.
"""

from __future__ import annotations

import logging
import pathlib
import sys
from dataclasses import dataclass, field
from typing import Any

from desktop.devices import settings as device_settings
from desktop.devices.settings import DeviceSettings

log = logging.getLogger(__name__)


@dataclass
class DemoDevices:
    """The running simulators and the settings that point at them."""

    settings: DeviceSettings
    idcard: Any = None  # IdCardReaderSimulator
    pad: Any = None  # RatingPadSimulator
    scanner: Any = None  # ScannerSimulator
    printer: Any = None  # PrinterSimulator
    extra: list[Any] = field(default_factory=list)

    @property
    def simulators(self) -> list[Any]:
        """The running simulators."""
        return [s for s in (self.idcard, self.pad, self.scanner, self.printer) if s is not None]

    def stop(self) -> None:
        """Stop every simulator (idempotent)."""
        for sim in self.simulators:
            try:
                sim.stop()
            except OSError:
                log.debug("stopping a simulator failed", exc_info=True)
        self.idcard = self.pad = self.scanner = self.printer = None


def start_demo_devices(data_dir: pathlib.Path | str, *, pad_backend: str = "screen",
                       printer_tcp: bool = True, save: bool = True) -> DemoDevices:
    """Start the simulators and point this terminal's device settings at them.

    ``pad_backend`` ``"screen"`` keeps the screen pad (the demo's customer window) and
    still starts the YC-PAD/1 simulator so the settings screen can switch to it;
    ``"yc-pad"`` makes the simulated serial pad the window's pad.
    """
    old = device_settings.load(data_dir)
    if sys.platform == "win32":
        log.warning("demo: no ptys on Windows, devices are not simulated")
        return DemoDevices(old)
    from devices.idcard.simulator import IdCardReaderSimulator
    from devices.pad.simulator import RatingPadSimulator
    from devices.printer.simulator import PrinterSimulator
    from devices.scanner.simulator import ScannerSimulator

    demo = DemoDevices(old)
    try:
        demo.idcard = IdCardReaderSimulator().start()
        demo.pad = RatingPadSimulator("yc-pad").start()
        demo.scanner = ScannerSimulator().start()
        demo.printer = PrinterSimulator("ok", tcp_port=0 if printer_tcp else None).start()
    except OSError:
        demo.stop()
        raise
    demo.settings = old.replace(
        idcard_url=demo.idcard.port,
        pad_backend=pad_backend,
        pad_url=demo.pad.port,
        scanner_url=demo.scanner.port,
        printer_url=demo.printer.tcp_url or demo.printer.port,
    )
    if save:
        device_settings.save(data_dir, demo.settings)
    log.info("demo devices started")
    return demo
