"""Satisfaction rating pads behind one interface (:class:`RatingPad`)."""

from __future__ import annotations

from collections.abc import Mapping

from devices.pad.interface import LEVELS, REASONS, Rating, RatingPad

__all__ = ["LEVELS", "PROTOCOLS", "REASONS", "Rating", "RatingPad", "create_pad"]

#: Values of the pad-protocol setting.
PROTOCOLS = ("yc-pad", "keypad")


def create_pad(
    protocol: str,
    url: str,
    *,
    key_table: Mapping[str, int] | None = None,
    address: int = 1,
    baudrate: int = 9600,
    hall_name: str = "",
) -> RatingPad:
    """The backend named by the settings (not opened yet). Unknown name: ValueError."""
    if protocol == "yc-pad":
        from devices.pad.ycpad import YcPad

        return YcPad(url, address=address, baudrate=baudrate, hall_name=hall_name)
    if protocol == "keypad":
        from devices.pad.generic_keypad import GenericKeypad

        return GenericKeypad(url, key_table=key_table, baudrate=baudrate)
    raise ValueError(f"unknown pad protocol {protocol!r}")
