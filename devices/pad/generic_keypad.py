"""A cheap serial keypad: one byte (or one ASCII digit and CR) per key press.

Vendors label their 4–6 keys differently, so which key means which level is a table
from the settings, never code: ``parse_key_table("1=5,2=4,3=3,4=2,5=1")``. Keys are
printable ASCII characters or ``0xNN`` for other bytes. Keys not in the table (and
CR/LF) are ignored, so a pad that also sends a "call" key does no harm.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from devices.errors import PadError
from devices.pad.interface import LEVELS, Rating, RatingPad
from devices.transport import Port, PortDevice, deadline_in

log = logging.getLogger(__name__)

#: Used when the settings give no table: the digit on the key is the level.
DEFAULT_KEY_TABLE: dict[str, int] = {"5": 5, "4": 4, "3": 3, "2": 2, "1": 1}


def key_token(byte: int) -> str:
    """The table key for one received byte: ``"3"`` or ``"0x81"``."""
    return chr(byte) if 0x21 <= byte <= 0x7E else f"0x{byte:02X}"


def decode_keys(data: bytes) -> list[str]:
    """Key tokens in received bytes; CR, LF and NUL separate keys and are dropped."""
    return [key_token(b) for b in data if b not in (0x0D, 0x0A, 0x00)]


def parse_key_table(text: str) -> dict[str, int]:
    """``"1=5,2=4,0x41=3"`` → ``{"1": 5, "2": 4, "0x41": 3}``; ``pad.bad_key_table`` if bad."""
    table: dict[str, int] = {}
    for item in filter(None, (p.strip() for p in text.split(","))):
        key, sep, level = item.partition("=")
        key = key.strip()
        if key.lower().startswith("0x") and len(key) == 4:
            try:
                key = key_token(int(key, 16))
            except ValueError:
                key = ""
        if not sep or not key or not level.strip().isdigit() or int(level) not in LEVELS:
            raise PadError("bad_key_table", f"entry {item!r}")
        table[key] = int(level)
    if not table:
        raise PadError("bad_key_table", "empty table")
    return table


class GenericKeypad(PortDevice, RatingPad):
    """A display-less keypad: welcome/show_staff/thanks do nothing; keys map to levels."""

    def __init__(
        self,
        url: str,
        *,
        key_table: Mapping[str, int] | None = None,
        baudrate: int = 9600,
        port_factory: Callable[..., Port] = Port,
    ) -> None:
        table = dict(DEFAULT_KEY_TABLE if key_table is None else key_table)
        if not table or any(level not in LEVELS for level in table.values()):
            raise PadError("bad_key_table", "levels must be 1–5")
        self.key_table = table
        self._init_port(url, error_cls=PadError, baudrate=baudrate, port_factory=port_factory)

    def welcome(self) -> None:
        """Nothing to show on a keypad."""

    def show_staff(
        self, staff_no: str, name: str, photo: bytes | None = None, stars: int | None = None
    ) -> None:
        """Nothing to show on a keypad."""

    def thanks(self) -> None:
        """Nothing to show on a keypad."""

    def request_rating(self, timeout_s: float) -> Rating | None:
        """The first mapped key pressed within ``timeout_s``; None on timeout or stop."""
        self._stop.clear()
        try:
            self.port.discard_input()  # presses before the request do not count
            deadline = deadline_in(timeout_s)
            while True:
                chunk = self.port.read_some(deadline)
                if not chunk:
                    return None
                for token in decode_keys(chunk):
                    if token in self.key_table:
                        return Rating(self.key_table[token])
                    log.debug("keypad key %s is not in the table", token)
        except PadError as exc:
            if exc.kind == "cancelled":
                return None
            raise
