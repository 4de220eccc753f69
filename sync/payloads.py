"""Event payloads kept compressed on disk, against a dictionary made from the replica's
own payloads.

A registration's payload is about 1.4 kB of JSON — the item's material checklist, its
rules, the applicant — and most of it is the same from one case to the next. Alone, zlib
halves it; with a preset dictionary of the hall's own recent payloads it shrinks to a
tenth. Compaction (sync.compaction) compresses events once they are a few days old; the
newest stay plain text, so the write path and a fresh case's fold never pay for it.

A compressed payload is a BLOB: a version byte, the 8-byte id of its dictionary, then a
raw deflate stream. The id is a hash of the dictionary, so it names the same bytes in
every replica; dictionaries live in `payload_dicts` and are never changed or deleted
(a new one is made when the hall's payloads drift). Every replica opened in this process
registers its dictionaries here, so `decode` needs no connection.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from typing import Any

VERSION = b"\x01"
DICT_BYTES = 32 * 1024  # deflate looks back 32 KiB: a longer dictionary is not used
_DICTS: dict[bytes, bytes] = {}
_LOCK = threading.Lock()


class PayloadError(ValueError):
    """A compressed payload whose dictionary this process does not know."""


def dict_id(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:8]


def register(conn: Any) -> None:
    """Learn the dictionaries of a replica (Replica does it when it opens)."""
    try:
        rows = conn.execute("SELECT data FROM payload_dicts").fetchall()
    except Exception:  # a replica before the migration that made the table
        return
    with _LOCK:
        for (data,) in rows:
            _DICTS[dict_id(bytes(data))] = bytes(data)


def add(conn: Any, data: bytes, made_at: str) -> bytes:
    """Store a new dictionary (caller's transaction); returns its id."""
    did = dict_id(data)
    conn.execute("INSERT OR IGNORE INTO payload_dicts (id, data, made_at) VALUES (?,?,?)",
                 (did.hex(), data, made_at))
    with _LOCK:
        _DICTS[did] = data
    return did


def encode(text: str, did: bytes) -> bytes:
    """The compressed form of a payload's JSON text."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=_DICTS[did])
    return VERSION + did + co.compress(text.encode()) + co.flush()


def decode(value: str | bytes) -> str:
    """A payload's JSON text, whether stored plain or compressed."""
    if isinstance(value, str):
        return value
    raw = bytes(value)
    if raw[:1] != VERSION:
        return raw.decode()
    did = raw[1:9]
    zd = _DICTS.get(did)
    if zd is None:
        raise PayloadError(f"payload dictionary {did.hex()} unknown")
    do = zlib.decompressobj(-15, zdict=zd)
    return (do.decompress(raw[9:]) + do.flush()).decode()


def train(samples: list[str]) -> bytes:
    """A dictionary from sample payloads: the most common material lines and keys end
    up nearest the end, where deflate finds them cheapest."""
    seen: set[str] = set()
    parts: list[str] = []
    for s in samples:  # newest first in, so the newest sit at the end after reversal
        if s not in seen:
            seen.add(s)
            parts.append(s)
    data = "".join(reversed(parts)).encode()
    return data[-DICT_BYTES:]
