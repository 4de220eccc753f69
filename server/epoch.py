"""The server's epoch: which database this is and how far its history goes, so a
terminal can tell when the server lost history it had been told about.

A server restored from a backup (or a SQLite file that lost its last commits) hands out
change seqs again that its terminals already hold for other events. Every process start
is a row in `boots` with the change seq it started at (a restore always restarts the
server). Every answer carries `epoch` = {db: the database's id, top: its change seq,
boot: when its newest start was}; every request carries what the terminal was told
(header X-Yichuang-Seen: `db;seen;own;boot`: the database id, the highest server seq it
holds, the highest of its own terminal seqs the server confirmed, the newest start it
was told of). The server compares:

- another database id → the terminal's whole history with this server is suspect (fork 0);
- a start the terminal was not told of that began *below* what it had seen → the
  history after that start's seq was lost: fork there. A start made in the normal course
  begins at or above everything any terminal had seen before it (several workers
  starting at different times included), so this never fires without a loss; and it
  finds the exact fork even when other terminals pushed after the restore first;
- failing that, `seen` above `top` or `own` above what the server holds for the terminal
  (history lost under a running server) → fork at the top.

Then it answers 409 with `restored` = {fork, db, top, boot}, records the restore, and
stores nothing; the terminal forgets the server seqs above the fork, queues its own
events again (the server dedupes by id), pulls again from the fork and tells its
supervisor (sync.epoch). Everything lives in the database (no process memory).
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
    own: int
    boot: str  # started_at of the newest start it was told of ("" if none)


def parse(value: str | None) -> Seen | None:
    """The header's value, or None when absent or unreadable (then nothing is checked)."""
    if not value:
        return None
    parts = value.strip().split(";")
    if len(parts) != 4 or not parts[0] or len(parts[0]) > 64 or len(parts[3]) > 40:
        return None
    try:
        seq, own = int(parts[1]), int(parts[2])
    except ValueError:
        return None
    if min(seq, own) < 0 or max(seq, own) >= 2**62:
        return None
    return Seen(parts[0], seq, own, parts[3])


def _now() -> str:
    """Boot times to the microsecond: two starts never tie."""

    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def record_boot(database: db.Database) -> str:
    """One row per process start: where the change seq stood (a restore always restarts)."""
    bid = uuid.uuid4().hex
    with database.writer() as conn:
        conn.execute(db.boots.insert().values(id=bid, start_seq=db.current_seq(conn),
                                              started_at=_now()))
    return bid


def state(conn: sa.Connection) -> dict[str, Any]:
    """The `epoch` every answer carries (read in the answer's own transaction, in one
    statement: a push answers with it under the writer lock)."""
    got = conn.execute(_STATE).one()
    return {"db": str(got.db), "top": int(got.top), "boot": got.boot or ""}


_STATE = sa.select(
    sa.select(db.server_meta.c.value).where(db.server_meta.c.key == "db_id")
    .scalar_subquery().label("db"),
    sa.select(db.counters.c.value).where(db.counters.c.name == "change_seq")
    .scalar_subquery().label("top"),
    sa.select(sa.func.max(db.boots.c.started_at)).scalar_subquery().label("boot"))


def fork_point(conn: sa.Connection, term: Terminal, seen: Seen) -> tuple[int, str] | None:
    """Where the terminal's view and this database part, and why; None if they agree."""
    me = state(conn)
    if seen.db != me["db"]:
        return 0, "another_database"
    if seen.boot:
        forks = [int(r[0]) for r in conn.execute(
            sa.select(db.boots.c.start_seq).where(db.boots.c.started_at > seen.boot,
                                                  db.boots.c.start_seq < seen.seq))]
        if forks:
            return min(forks), "restored"
    if seen.seq > me["top"] or seen.own > term.max_seq:
        return min(seen.seq, me["top"]), "history_lost"
    return None


def check(conn: sa.Connection, term: Terminal, seen: Seen | None,
          writer: bool = False) -> dict[str, Any] | None:
    """None when the terminal's view agrees with this database; else what it must
    forget (`fork`). Under the writer, a restore found for the first time is recorded."""
    if seen is None:
        return None
    found = fork_point(conn, term, seen)
    if found is None:
        return None
    fork, why = found
    if writer and why != "another_database" and conn.execute(
            sa.select(db.restores.c.id).where(db.restores.c.fork_seq == fork)).first() is None:
        conn.execute(db.restores.insert().values(fork_seq=fork, top_seq=db.current_seq(conn),
                                                 found_at=now_iso(), found_by=term.id))
        log.warning("the server lost history after seq %d (restored from a backup?): terminal "
                    "%s had seen %d; the server is at %d", fork, term.code, seen.seq,
                    db.current_seq(conn))
    return {**state(conn), "fork": fork, "reason": why}
