"""The server's epoch: which database this is and how far its history goes, so a
terminal can tell when the server lost history it had been told about.

A server restored from a backup (or a SQLite file that lost its last commits) hands out
change seqs again that its terminals already hold for other events. Every answer carries
`epoch` = {db: the database's id, top: its change seq, restore: the last restore it knows
of}; every request carries what the terminal was told (header X-Yichuang-Seen:
`db:seen:restore:own`, `own` being the highest of its own terminal_seqs the server
confirmed). The server compares:

- another database id → the terminal's whole history with this server is suspect (fork 0);
- `seen` above `top`, or `own` above what the server holds for the terminal → the server
  was restored: it records the restore, with a fork point at or before the restored top
  (the start of the earliest process start in the day before the last one: a restore
  always restarts the server, and an earlier fork only costs re-sending);
- a recorded restore the terminal has not heard of, forking below its `seen`.

Then it answers 409 with `restored` = {fork, db, top, restore}; the terminal forgets the
server seqs above the fork, queues its own events again (the server dedupes by id),
pulls again from the fork and tells its supervisor (sync.epoch). Nothing is stored from
a request answered 409. Everything lives in the database (no process memory): several
workers agree.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from server import db
from server.auth import Terminal, now_iso
from sync import wire

log = logging.getLogger(__name__)

HEADER = wire.SEEN_HEADER


@dataclass(frozen=True)
class Seen:
    """What a terminal says it was told (parsed from the header)."""

    db: str
    seq: int
    restore: int
    own: int


def parse(value: str | None) -> Seen | None:
    """The header's value, or None when absent or unreadable (then nothing is checked)."""
    if not value:
        return None
    parts = value.strip().split(":")
    if len(parts) != 4 or not parts[0] or len(parts[0]) > 64:
        return None
    try:
        seq, restore, own = (int(x) for x in parts[1:])
    except ValueError:
        return None
    if min(seq, restore, own) < 0 or max(seq, restore, own) >= 2**62:
        return None
    return Seen(parts[0], seq, restore, own)


def record_boot(database: db.Database) -> str:
    """One row per process start: where the change seq stood (a restore always restarts)."""
    bid = uuid.uuid4().hex
    with database.writer() as conn:
        conn.execute(db.boots.insert().values(id=bid, start_seq=db.current_seq(conn),
                                              started_at=now_iso()))
    return bid


def latest_restore(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(db.restores.c.id), 0)))
               .scalar_one())


def state(conn: sa.Connection) -> dict[str, Any]:
    """The `epoch` every answer carries."""
    return {"db": db.db_id(conn), "top": db.current_seq(conn),
            "restore": latest_restore(conn)}


def _fork_for_new_restore(conn: sa.Connection, top: int) -> int:
    boots = list(conn.execute(sa.select(db.boots.c.start_seq, db.boots.c.started_at)
                              .order_by(db.boots.c.started_at)))
    if not boots:
        return 0
    last = dt.datetime.fromisoformat(boots[-1].started_at)
    since = (last - dt.timedelta(days=1)).isoformat(timespec="seconds")
    starts = [int(b.start_seq) for b in boots if b.started_at >= since]
    return min(top, *starts)


def check(conn: sa.Connection, term: Terminal, seen: Seen | None,
          writer: bool = False) -> dict[str, Any] | None:
    """None when the terminal's view agrees with this database; else what it must
    forget (`fork`) — recording a newly found restore when `writer` (else the caller
    retries under the writer: see `needs_writer`)."""
    if seen is None:
        return None
    me = state(conn)
    if seen.db != me["db"]:
        return {**me, "fork": 0, "reason": "another_database"}
    if seen.seq > me["top"] or seen.own > term.max_seq:
        if not writer:
            return {"needs_writer": True}
        fork = _fork_for_new_restore(conn, me["top"])
        conn.execute(db.restores.insert().values(fork_seq=fork, top_seq=me["top"],
                                                 found_at=now_iso(), found_by=term.id))
        log.warning("the server lost history (restored from a backup?): terminal %s had "
                    "seen seq %d, own seq %d; the server is at %d (own %d); fork at %d",
                    term.code, seen.seq, seen.own, me["top"], term.max_seq, fork)
        return {**state(conn), "fork": fork, "reason": "restored"}
    if seen.restore < me["restore"]:
        forks = [int(r[0]) for r in conn.execute(
            sa.select(db.restores.c.fork_seq).where(db.restores.c.id > seen.restore))]
        fork = min(forks) if forks else me["top"]
        if fork < seen.seq:
            return {**me, "fork": fork, "reason": "restored"}
    return None

