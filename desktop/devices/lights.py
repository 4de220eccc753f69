"""A status light per device for the main window's status bar.

Green: working. Grey: not configured (the counter works by hand). Red: a fault — the
tooltip says what is wrong and what to do. The light never blocks anything; a click
opens the device settings, where each device can be tested.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.devices import messages
from desktop.devices.state import DeviceService, DeviceState

COLOURS = {
    DeviceState.OK: "#2e9d4f",
    DeviceState.OFF: "#9aa3ad",
    DeviceState.FAULT: "#d0342c",
    DeviceState.BUSY: "#e0a800",
}


class DeviceLight(QLabel):
    """● 身份证阅读器 — coloured by the service's status, the sentence as tooltip."""

    sig_clicked = Signal(str)
    """The clerk clicked the light (the device name): open the settings."""

    def __init__(self, service: DeviceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.state = DeviceState.OFF
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setObjectName(f"light_{service.device}")
        service.sig_status_changed.connect(self._on_status)
        status = service.status
        self._on_status(status.state.value, status.text)

    def _on_status(self, state: str, text: str) -> None:
        self.state = DeviceState(state)
        colour = COLOURS[self.state]
        name = messages.device_name(self.service.device)
        self.setText(f'<span style="color:{colour}; font-size:14px">●</span> {name}')
        self.setToolTip(f"{name}：{text}")
        self.setAccessibleDescription(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.sig_clicked.emit(self.service.device)
        super().mousePressEvent(event)


class DeviceLights(QWidget):
    """The four lights in a row: ``statusBar().addPermanentWidget(DeviceLights(hub))``."""

    sig_settings_requested = Signal()
    """A light was clicked."""

    def __init__(self, services: list[DeviceService], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.lights: dict[str, DeviceLight] = {}
        for service in services:
            light = DeviceLight(service, self)
            light.sig_clicked.connect(lambda _d: self.sig_settings_requested.emit())
            row.addWidget(light)
            self.lights[service.device] = light
