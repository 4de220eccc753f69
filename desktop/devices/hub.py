"""All the devices of one terminal, built from its settings: :class:`DeviceHub`.

The counter makes one hub at start-up and connects to its services' signals; the
settings screen calls :meth:`DeviceHub.apply` with new settings and only the devices
whose settings changed are restarted (a clerk changing the printer does not lose the
card on the reader).
"""

from __future__ import annotations

import logging
import pathlib

from PySide6.QtCore import QObject, Signal

from desktop.devices import settings as device_settings
from desktop.devices.idcard import CardReaderService
from desktop.devices.lights import DeviceLights
from desktop.devices.pad import PadService
from desktop.devices.printer import PrinterService
from desktop.devices.scanner import ScannerHub
from desktop.devices.screen_pad import ScreenPad
from desktop.devices.settings import DeviceSettings
from desktop.devices.state import DeviceService

log = logging.getLogger(__name__)

_IDCARD = ("idcard_url",)
_SCANNER = ("scanner_url",)
_PAD = ("pad_backend", "pad_url", "pad_address", "pad_key_table", "pad_timeout_s",
        "screen_pad_second_screen")
_PRINTER = ("printer_url", "printer_width_mm")


def _changed(old: DeviceSettings | None, new: DeviceSettings, names: tuple[str, ...]) -> bool:
    return old is None or any(getattr(old, n) != getattr(new, n) for n in names)


class DeviceHub(QObject):
    """The card reader, scanner, pad and printer services of this terminal."""

    sig_settings_applied = Signal(object)
    """New DeviceSettings are in force (the wedge filter may re-read its gap)."""

    def __init__(self, data_dir: pathlib.Path | str | None = None, *,
                 hall_name: str = "", screen_pad: ScreenPad | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = pathlib.Path(data_dir) if data_dir is not None else None
        self.card_reader = CardReaderService(self)
        self.scanner = ScannerHub(self)
        self.pad = PadService(screen_pad, self, hall_name=hall_name)
        self.printer = PrinterService(self)
        self.settings: DeviceSettings | None = None

    @property
    def services(self) -> list[DeviceService]:
        """In status-bar order."""
        return [self.card_reader, self.scanner, self.pad, self.printer]

    def start(self, settings: DeviceSettings | None = None) -> None:
        """Start every device from ``settings`` (default: the data folder's file)."""
        if settings is None:
            settings = (device_settings.load(self.data_dir) if self.data_dir is not None
                        else DeviceSettings())
        self.apply(settings, save=False)

    def apply(self, new: DeviceSettings, *, save: bool = True) -> None:
        """Put ``new`` in force, restarting only what changed; save it to the data folder."""
        old, self.settings = self.settings, new
        if save and self.data_dir is not None:
            device_settings.save(self.data_dir, new)
        if _changed(old, new, _IDCARD):
            self.card_reader.start(new.idcard_url)
        if _changed(old, new, _SCANNER):
            self.scanner.start(new.scanner_url)
        if _changed(old, new, _PAD):
            self.pad.configure(new)
        if _changed(old, new, _PRINTER):
            self.printer.configure(new)
        self.sig_settings_applied.emit(new)

    def lights(self) -> DeviceLights:
        """A new row of status lights for a status bar."""
        return DeviceLights(self.services)

    def shutdown(self) -> None:
        """Stop every device thread (application exit)."""
        self.pad.cancel()
        self.card_reader.stop()
        self.scanner.stop()
        for service in self.services:
            service.shutdown()
        self.pad.screen_pad.view.close()
