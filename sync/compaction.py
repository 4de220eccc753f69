"""Replicas that stay small: what a terminal keeps, and the background work that keeps it so.

A counter keeps what its faces use. Open cases, and closed ones for the hall's retention
window (`retention_days` in the hall's settings, default 90), in full: every event. A
case closed longer ago keeps its row only (`cases`, and its `figure_facts` row: enough to
find it by slip, case or ID number, for its rating and for the figures) — its events are
on the server, and the counter fetches them when someone opens it (sync.lookup). The
same goes for queue tickets. Events a few days old are kept compressed against a
dictionary of the hall's own payloads (sync.payloads).

Nothing here may hold up the clerk: the work runs in small transactions, each sized to
take about BATCH_MS (never near the 50 ms a write may wait), with a pause between them,
and stops when its time is up — the next sync round goes on from there. Only what the
server has confirmed is ever dropped: a stream with an event still in the outbox, or
not yet confirmed, stays whole; a standalone terminal (no server) drops nothing.

If events arrive for a stream kept as a row only (a late rating, a correction), the row
is not rebuilt from that part of its history: it is marked (compacted = 2) and the sync
client fetches the stream whole (`refetch`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from domain import streams
from domain.events import CHINA_TZ
from sync import payloads
from sync.replica import ENROLLED, Replica

log = logging.getLogger(__name__)

RETENTION_DAYS = 90
COMPRESS_AFTER = dt.timedelta(days=2)
BATCH_MS = 20.0
PAUSE_S = 0.02  # between batches: a waiting write goes first
MIN_SAMPLES = 50  # payloads before a dictionary is worth making
TABLES = (("case", "cases"), ("ticket", "tickets"))  # streams kept as rows only
STALE = 2


@dataclass
class Report:
    """What one call did."""

    compacted: int = 0
    events_dropped: int = 0
    compressed: int = 0
    pages_freed: int = 0
    batches: list[float] = field(default_factory=list)  # each transaction's ms
    done: bool = False


def retention_days(replica: Replica) -> int:
    """The hall's retention window for closed cases, in days."""
    row = replica.conn.execute("SELECT data FROM reference WHERE kind='hall' LIMIT 1"
                               ).fetchone()
    try:
        days = int(json.loads(row[0]).get("retention_days", RETENTION_DAYS)) if row else \
            RETENTION_DAYS
    except (TypeError, ValueError):
        days = RETENTION_DAYS
    return max(7, days)


class _Batches:
    """Transactions sized to take about BATCH_MS each, within a time budget."""

    def __init__(self, deadline: float, rep: Report) -> None:
        self.deadline, self.rep, self.size = deadline, rep, 50

    def more(self) -> bool:
        return time.monotonic() < self.deadline

    def phase(self) -> None:
        """A new kind of work (its rows cost otherwise): start small again."""
        self.size = 50

    def ran(self, t0: float) -> None:
        ms = (time.perf_counter() - t0) * 1000
        self.rep.batches.append(ms)
        if ms > BATCH_MS and self.size > 1:
            self.size = max(1, self.size // 2)
        elif ms < BATCH_MS / 3:
            self.size = min(2000, self.size * 2)
        time.sleep(PAUSE_S)


def step(replica: Replica, now: dt.datetime | None = None, budget_s: float = 1.0) -> Report:
    """Some of the work, for at most about `budget_s`; `done` when nothing is left."""
    rep = Report()
    now = now or dt.datetime.now(CHINA_TZ)
    if replica.get_meta("mode") != ENROLLED:
        rep.done = True
        return rep
    b = _Batches(time.monotonic() + budget_s, rep)
    left = _compact(replica, now, b)
    b.phase()
    left = _compress(replica, now, b) or left
    b.phase()
    rep.pages_freed = _vacuum(replica, b)
    rep.done = not left and not (_vacuuming(replica) and _free_pages(replica))
    return rep


def _closed(name: str) -> tuple[str, list[Any]]:
    """SQL: a row of stream type `name` in a state its type calls closed."""
    open_ = streams.get(name).open_states
    named = sorted(s for s in open_ if s is not None)
    cond = "state IS NOT NULL" if None in open_ else "1"
    if named:
        cond += f" AND state NOT IN ({','.join('?' * len(named))})"
    return cond, named


def _compact(replica: Replica, now: dt.datetime, b: _Batches) -> bool:
    """Drop the events of streams closed before the window; True if some are left."""
    cutoff = (now - dt.timedelta(days=retention_days(replica))).isoformat(timespec="seconds")
    c = replica.conn
    for name, table in TABLES:
        b.phase()
        cond, args = _closed(name)
        while b.more():
            t0 = time.perf_counter()
            with replica.transaction():
                ids = [r[0] for r in c.execute(
                    f"SELECT id FROM {table} WHERE compacted=0 AND updated_at < ? AND {cond} "
                    f"LIMIT ?", (cutoff, *args, b.size))]
                if not ids:
                    break
                marks = ",".join(["pack_id(?)"] * len(ids))
                # whatever the server has not confirmed keeps its stream whole
                held = {r[0] for r in c.execute(
                    f"SELECT DISTINCT unpack_id(case_id) FROM events WHERE case_id IN ({marks}) "
                    "AND (server_seq IS NULL OR id IN (SELECT event_id FROM outbox))", ids)}
                go = [i for i in ids if i not in held]
                if go:
                    packed = ",".join(["pack_id(?)"] * len(go))
                    got = c.execute(f"DELETE FROM events WHERE case_id IN ({packed})", go)
                    gm = ",".join("?" * len(go))
                    b.rep.events_dropped += got.rowcount
                    c.execute(f"UPDATE {table} SET compacted=1 WHERE id IN ({gm})", go)
                    b.rep.compacted += len(go)
            b.ran(t0)
            if len(go) == 0:
                break  # only held streams left in this window: try again next time
        else:
            return True
    return False


def _dictionary(replica: Replica, now: dt.datetime) -> bytes | None:
    """The dictionary new compressions use: the newest, made when there is none (or the
    newest is half a year old) and the replica has enough payloads to learn from."""
    c = replica.conn
    row = c.execute("SELECT id, made_at FROM payload_dicts ORDER BY made_at DESC LIMIT 1"
                    ).fetchone()
    old = (now - dt.timedelta(days=180)).isoformat(timespec="seconds")
    if row is not None and row["made_at"] > old:
        return bytes.fromhex(row["id"])
    samples = [r[0] for r in c.execute(
        "SELECT payload FROM events WHERE typeof(payload)='text' AND kind='registered' "
        "ORDER BY rowid DESC LIMIT 60")]
    samples += [r[0] for r in c.execute(
        "SELECT payload FROM events WHERE typeof(payload)='text' AND kind!='registered' "
        "ORDER BY rowid DESC LIMIT 200")]
    if len(samples) < MIN_SAMPLES:
        return bytes.fromhex(row["id"]) if row is not None else None
    with replica.transaction():
        return payloads.add(c, payloads.train(samples), now.isoformat(timespec="seconds"))


def _compress(replica: Replica, now: dt.datetime, b: _Batches) -> bool:
    """Compress confirmed payloads older than COMPRESS_AFTER, in rowid order from where
    the last call stopped; True if some are left.

    A compressed event is moved, not rewritten in place: deleted and inserted again at the
    table's end, so the pages it leaves empty out whole and go back to the file system
    (_vacuum) instead of staying two-thirds empty. The events of cases open for months,
    in the old part of the table, move along with them."""
    if not b.more():
        return True
    did = _dictionary(replica, now)
    if did is None:
        return False
    c = replica.conn
    before = (now - COMPRESS_AFTER).isoformat(timespec="seconds")
    mark = int(replica.get_meta("compressed_rowid") or 0)
    cols = [r[1] for r in c.execute("PRAGMA table_info(events)")]
    put = (f"INSERT INTO events ({','.join(cols)}) "
           f"VALUES ({','.join('?' * len(cols))})")
    at = cols.index("payload")
    while b.more():
        t0 = time.perf_counter()
        with replica.transaction():
            rows = c.execute(f"SELECT rowid AS rid, {','.join(cols)} FROM events "
                             "WHERE rowid > ? ORDER BY rowid LIMIT ?", (mark, b.size)
                             ).fetchall()
            if not rows:
                return False
            waiting = {r[0] for r in c.execute("SELECT event_id FROM outbox")} if any(
                r["server_seq"] is None for r in rows) else set()
            moved, stop = [], False
            for r in rows:
                if r["recorded_at"] >= before or r["server_seq"] is None or r["id"] in waiting:
                    stop = True  # too new, or not confirmed yet: go on from here next time
                    break
                if isinstance(r["payload"], str):
                    row = [r[k] for k in cols]
                    row[at] = payloads.encode(r["payload"], did)
                    moved.append((r["rid"], row))
                mark = r["rid"]
            c.executemany("DELETE FROM events WHERE rowid=?", [(rid,) for rid, _ in moved])
            c.executemany(put, [row for _, row in moved])
            b.rep.compressed += len(moved)
            replica.set_meta("compressed_rowid", str(mark))
        b.ran(t0)
        if stop:
            return False
    return True


def _vacuuming(replica: Replica) -> bool:
    return replica.conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2


def _free_pages(replica: Replica) -> int:
    return replica.conn.execute("PRAGMA freelist_count").fetchone()[0]


def _vacuum(replica: Replica, b: _Batches) -> int:
    """Give freed pages back to the file system, a few at a time (a replica made before
    auto_vacuum was set keeps reusing them instead)."""
    c = replica.conn
    if not _vacuuming(replica):
        return 0
    free = start = _free_pages(replica)
    while b.more() and free:
        t0 = time.perf_counter()
        # the pragma frees one page per step of its statement, and the sqlite3 module's
        # execute() steps once whatever is read after: executescript steps it to the end
        c.executescript(f"PRAGMA incremental_vacuum({max(64, min(1024, b.size * 4))})")
        free = _free_pages(replica)
        b.ran(t0)
    return start - free


def stale(replica: Replica, stream_ids: Iterable[str]) -> set[str]:
    """Of these streams, those kept as rows only: mark them for a fetch (compacted = 2)
    and return them, so their rows are not rebuilt from part of their history."""
    ids = list(set(stream_ids))
    out: set[str] = set()
    c = replica.conn
    for _name, table in TABLES:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            got = {r[0] for r in c.execute(
                f"SELECT id FROM {table} WHERE compacted!=0 AND id IN ({marks})", chunk)}
            if got:
                gm = ",".join("?" * len(got))
                c.execute(f"UPDATE {table} SET compacted={STALE} WHERE id IN ({gm})", list(got))
                out |= got
    return out


def waiting_refetch(replica: Replica, limit: int = 50) -> list[str]:
    """Streams kept as rows only that events have come for since (fetch them whole)."""
    return [r[0] for _n, t in TABLES for r in replica.conn.execute(
        f"SELECT id FROM {t} WHERE compacted={STALE} LIMIT ?", (limit,))]
