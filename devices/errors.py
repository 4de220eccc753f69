"""Typed device errors with stable string codes.

The desktop never shows an exception's text to a clerk: it looks the ``code`` up in its
translation table ("idcard.read_failed" → "请拿起身份证后重新放置"). Codes are therefore
part of the public API and listed in :data:`CODES`; renaming one is a breaking change.

A code is ``<device>.<kind>``. The device part comes from the subclass, so a driver
raises ``IdCardError("no_card")`` and the desktop reads ``err.code == "idcard.no_card"``.
Kinds shared by every device (``unavailable``, ``disconnected``, ``timeout``,
``protocol``, ``cancelled``) are raised by the transport on behalf of the driver.
"""

from __future__ import annotations

from typing import Any

#: Kinds every device can raise (via :mod:`devices.transport`).
COMMON_KINDS: dict[str, str] = {
    "unavailable": "the port cannot be opened (not plugged in, wrong name, no permission)",
    "disconnected": "the device went away while in use (unplugged, cable, power)",
    "timeout": "the device did not answer in time (silent, wrong port or baud rate)",
    "protocol": "the device answered with bytes that are not its protocol (garbage)",
    "cancelled": "the caller asked the driver to stop",
}

#: Device-specific kinds.
DEVICE_KINDS: dict[str, dict[str, str]] = {
    "idcard": {
        "no_card": "no card on the reader",
        "select_failed": "a card was found but could not be selected; place it flat",
        "read_failed": "reading the card failed; lift the card and place it again",
        "sam_failed": "the reader's security module (SAM) failed its self-test",
        "status": "the reader answered with an unexpected status code",
        "unsupported_card": "the card is of a type this software does not read",
    },
    "pad": {
        "failure": "the rating pad reported an error",
        "bad_key_table": "the key→level table from the settings is not usable",
    },
    "scanner": {},
    "printer": {
        "offline": "the printer is offline",
        "paper_out": "the printer is out of paper",
        "cover_open": "the printer cover is open",
        "error": "the printer reports an error (cutter, head temperature, …)",
        "no_status": "the printer did not answer the status query",
        "missing_driver": "this kind of link needs an optional part that is not installed "
                          "(usb: pyusb, yichuang[usb]; win32: pywin32, yichuang[windows])",
    },
}


def _all_codes() -> frozenset[str]:
    codes = set()
    for device, kinds in DEVICE_KINDS.items():
        codes.update(f"{device}.{k}" for k in COMMON_KINDS)
        codes.update(f"{device}.{k}" for k in kinds)
    return frozenset(codes)


#: Every code a driver in this package may raise; the desktop translates each one.
CODES: frozenset[str] = _all_codes()


class DeviceError(Exception):
    """Base of every error a driver raises; ``code`` is stable, ``detail`` is for logs.

    ``detail`` must never contain personal data (names, ID numbers): it is logged.
    """

    device = "device"

    def __init__(self, kind: str, detail: str = "", **info: Any) -> None:
        self.kind = kind
        self.code = f"{self.device}.{kind}"
        self.detail = detail
        self.info = info
        super().__init__(f"{self.code}: {detail}" if detail else self.code)


class ProtocolError(DeviceError):
    """Bytes that do not parse. Codecs raise only subclasses of this (fuzzed)."""

    def __init__(self, detail: str = "", kind: str = "protocol", **info: Any) -> None:
        super().__init__(kind, detail, **info)


class IdCardError(DeviceError):
    """An ID-card reader failure; see ``DEVICE_KINDS['idcard']``."""

    device = "idcard"


class IdCardProtocolError(IdCardError, ProtocolError):
    """A reader frame or text block that does not parse."""


class PadError(DeviceError):
    """A rating-pad failure."""

    device = "pad"


class PadProtocolError(PadError, ProtocolError):
    """A rating-pad frame that does not parse."""


class ScannerError(DeviceError):
    """A serial barcode scanner failure."""

    device = "scanner"


class ScannerProtocolError(ScannerError, ProtocolError):
    """Scanner bytes that are not a code (binary noise, wrong baud rate)."""


class PrinterError(DeviceError):
    """A receipt printer failure."""

    device = "printer"


class PrinterProtocolError(PrinterError, ProtocolError):
    """A status byte that does not follow the DLE EOT pattern."""


class PrinterNotReady(PrinterError):
    """The printer answered its status and is not ready; nothing but queries was sent.

    ``status`` is the :class:`devices.printer.status.PrinterStatus` it reported; the
    code names the most urgent reason (cover open before paper out before offline).
    """

    def __init__(self, status: Any) -> None:
        self.status = status
        super().__init__(status.reason or "offline", f"status {status}")


def describe(code: str) -> str:
    """The English description of a code, for logs and the command line.

    Screens do not use this: the desktop has its own translated message per code.
    """
    device, _, kind = code.partition(".")
    return DEVICE_KINDS.get(device, {}).get(kind) or COMMON_KINDS.get(kind, code)
