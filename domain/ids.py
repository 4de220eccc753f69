"""Event ids: UUIDv7, time-ordered so an index on them stays append-mostly.

Python 3.11 has no uuid7, and the domain takes its clock and randomness as arguments.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable


def uuid7(now_ms: int | None = None, rand: Callable[[int], bytes] = os.urandom) -> str:
    """A UUIDv7 string (RFC 9562): 48-bit milliseconds, version, 74 random bits."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    r = int.from_bytes(rand(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((r >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= r & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))
