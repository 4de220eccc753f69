"""How the replica stores the ids of its events: a UUID as its 16 bytes, a terminal as
a small number.

An event row names itself, its stream and its terminal, and the table's indexes name
them again: as 36-character text those ids were half of what an event cost on disk
(sync.sizes). So in `events` and `outbox`:

- `id`, `case_id` and `outbox.event_id` hold a canonical UUID (lowercase, hyphenated:
  what domain.ids makes and the wire carries) as a 16-byte BLOB. Any other id (a test's
  "back-1", a derived id) stays the same TEXT; the columns have no type affinity, so
  each value keeps its own. `unpack(pack(x)) == x` for every text.
- `terminal` is the number of its terminal id in the `terminals` table: a replica sees
  a handful of terminals (its own, its hall's, the server's), so one byte names one.

The conversion happens in the SQL of each statement, through the functions `register`
puts on every replica connection (sync.replica.connect): write `case_id = pack_id(?)`
(never `unpack_id(case_id) = ?`, which cannot use an index) and read
`unpack_id(id) AS id`; terminals through TERMINAL_NO and terminal_id_of. Other tables
(`cases`, `figure_facts`, `notices` …) keep their ids as text.

Terminal numbers are looked up in SQL rather than cached in Python: a number handed out
in a transaction that is then rolled back (a page that fails half-way) would otherwise
stay cached here while another terminal gets the same number.
"""

from __future__ import annotations

import sqlite3
from typing import Any

PACK, UNPACK = "pack_id", "unpack_id"

# SQL: note a terminal id before an event of it is written (a parameter: its id)
NOTE_TERMINAL = "INSERT OR IGNORE INTO terminals (id) VALUES (?)"
# SQL: the number of the terminal id given as a parameter (NULL when unknown here)
TERMINAL_NO = "(SELECT t.no FROM terminals t WHERE t.id = ?)"


def terminal_id_of(column: str) -> str:
    """SQL: the terminal id of the number in `column` (e.g. "e.terminal")."""
    return f"(SELECT t.id FROM terminals t WHERE t.no = {column})"


def pack(value: Any) -> Any:
    """The stored form of an id: a canonical UUID's 16 bytes, anything else unchanged."""
    if (isinstance(value, str) and len(value) == 36
            and value[8] == value[13] == value[18] == value[23] == "-"):
        digits = value.replace("-", "")
        try:
            raw = bytes.fromhex(digits)
        except ValueError:
            return value
        # only a form unpack gives back exactly: lower case, no spaces, no other hyphen
        if len(raw) == 16 and raw.hex() == digits:
            return raw
    return value


def unpack(value: Any) -> Any:
    """The id an event carries: the canonical text of a packed UUID, text unchanged."""
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        if len(raw) != 16:
            raise ValueError(f"a stored id of {len(raw)} bytes: only a UUID's 16 are packed")
        h = raw.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return value


def register(conn: sqlite3.Connection) -> None:
    """Give the connection pack_id() and unpack_id() (the migration that packed the ids
    needs them too)."""
    conn.create_function(PACK, 1, pack, deterministic=True)
    conn.create_function(UNPACK, 1, unpack, deterministic=True)
