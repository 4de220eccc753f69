"""Event ids: UUIDv7, time-ordered so an index on them stays append-mostly.

Python 3.11 has no uuid7, and the domain takes its clock and randomness as arguments.
"""

from __future__ import annotations

import hashlib
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


# A terminal's ids: the 74 bits RFC 9562 leaves to the generator carry the terminal's
# node, a counter of the replica's and 24 random bits. As unique as random ids (the
# counter never repeats on one replica, the node tells terminals apart, the random bits
# tell a copy restored from a backup from the original: the pull's clone fingerprint
# reads the last six hex digits), and on the wire a batch says the node once and each
# counter as a small delta (sync.wire): 3 random bytes an id instead of 9¼.
NODE_BITS, COUNTER_BITS, TAIL_BITS = 22, 28, 24


def node_of(terminal_id: str) -> int:
    """A terminal's node: 22 bits of its id's hash."""
    return int(hashlib.sha256(terminal_id.encode("utf-8")).hexdigest()[:6], 16) >> 2


def uuid7_counted(node: int, counter: int, now_ms: int | None = None,
                  rand: Callable[[int], bytes] = os.urandom) -> str:
    """A UUIDv7 whose random field is node, counter (both wrapped to their bits) and
    TAIL_BITS random bits."""
    r = ((node % (1 << NODE_BITS)) << (COUNTER_BITS + TAIL_BITS)
         | (counter % (1 << COUNTER_BITS)) << TAIL_BITS
         | int.from_bytes(rand(TAIL_BITS // 8), "big"))
    return uuid7(now_ms, rand=lambda _n: r.to_bytes(10, "big"))


def split(value: str) -> tuple[int, int, int, int] | None:
    """(milliseconds, node, counter, random tail) of a UUIDv7 string, None for another."""
    try:
        u = uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return None
    if u.version != 7 or u.variant != uuid.RFC_4122 or str(u) != value:
        return None
    n = u.int
    r = ((n >> 64) & 0xFFF) << 62 | (n & ((1 << 62) - 1))
    return (n >> 80, r >> (COUNTER_BITS + TAIL_BITS), (r >> TAIL_BITS) % (1 << COUNTER_BITS),
            r % (1 << TAIL_BITS))


def join(ms: int, node: int, counter: int, tail: int) -> str:
    """Inverse of split."""
    return uuid7_counted(node, counter, ms, rand=lambda _n: tail.to_bytes(3, "big"))
