"""A port picker: the serial ports that exist, or any pyserial URL typed by hand.

Listing ports asks the OS (setupapi on Windows can take a while), so the settings
screen lists them through the desktop's I/O lane and hands the result to
:meth:`PortCombo.set_ports`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from devices.ports import PortInfo


class PortCombo(QComboBox):
    """Editable: an item's data is its device name; typed text is taken as a URL."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setMinimumContentsLength(28)
        self.lineEdit().setPlaceholderText(placeholder)
        self.setToolTip(self.tr("从列表选择串口，或输入地址，如 COM3、/dev/ttyUSB0、"
                                "socket://192.168.1.50:9100"))
        self.addItem("", "")

    def set_ports(self, ports: list[PortInfo]) -> None:
        """Offer these ports, keeping what is selected or typed."""
        current = self.url()
        self.blockSignals(True)
        self.clear()
        self.addItem("", "")
        for port in ports:
            self.addItem(port.label, port.device)
        self.blockSignals(False)
        self.set_url(current)

    def url(self) -> str:
        """The device name of the chosen port, or the typed URL ('' = none)."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0 and self.itemData(index):
            return str(self.itemData(index))
        return text

    def set_url(self, url: str) -> None:
        """Select the port whose device is ``url``, else show ``url`` as typed text."""
        index = self.findData(url)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(url)
