"""List the serial ports of this machine for the settings screen's drop-down."""

from __future__ import annotations

from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True)
class PortInfo:
    """One serial port as the clerk's settings screen shows it."""

    device: str  # what to put in the port setting: COM3, /dev/ttyUSB0
    description: str  # "USB-SERIAL CH340 (COM3)"
    hwid: str  # "USB VID:PID=1A86:7523 …", stable across reboots
    vid: int | None = None
    pid: int | None = None

    @property
    def label(self) -> str:
        """``device — description`` for a combo box."""
        if self.description and self.description != "n/a":
            return f"{self.device} — {self.description}"
        return self.device


def list_serial_ports() -> list[PortInfo]:
    """Every serial port the OS knows of, sorted by device name.

    USB-serial bridges (CH340, CP210x, PL2303, FTDI) carry a VID/PID, which is how a
    settings screen can suggest "this one is probably the ID-card reader".
    """
    ports = [
        PortInfo(p.device, p.description or "", p.hwid or "", p.vid, p.pid)
        for p in list_ports.comports()
    ]
    return sorted(ports, key=lambda p: p.device)
