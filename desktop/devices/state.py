"""What every device service shares: a status (ok / not configured / fault) and its thread.

The status bar shows one light per device from :attr:`DeviceService.status`; the light
never decides anything: a red light tells the clerk why the counter went manual.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.devices.worker import DeviceThread

log = logging.getLogger(__name__)


class DeviceState(enum.StrEnum):
    """The three colours of a status light (and ``busy`` for a blinking one)."""

    OK = "ok"
    OFF = "off"  # not configured: grey
    FAULT = "fault"
    BUSY = "busy"  # connecting or testing: the light keeps its last colour


@dataclass(frozen=True)
class DeviceStatus:
    """A state and the sentence the light's tooltip shows."""

    state: DeviceState
    text: str = ""


class DeviceService(QObject):
    """Base of the four services: a device thread, a status, the status signal."""

    device = "device"

    sig_status_changed = Signal(str, str)
    """The light changed: (DeviceState value, tooltip sentence)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = DeviceThread(self.device, self)
        self._status = DeviceStatus(DeviceState.OFF, self.tr("未配置"))

    @property
    def status(self) -> DeviceStatus:
        """The latest status."""
        return self._status

    def _set_status(self, state: DeviceState, text: str) -> None:
        new = DeviceStatus(state, text)
        if new == self._status:
            return
        if state != self._status.state:
            log.info("%s: %s -> %s", self.device, self._status.state, state)
        self._status = new
        self.sig_status_changed.emit(state.value, text)

    def shutdown(self) -> None:
        """Stop the device thread (application exit, settings changed)."""
        self.thread.shutdown()
