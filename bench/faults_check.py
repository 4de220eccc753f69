"""The campaign's ledger and verdict: every event a terminal committed, and whether each
ended up exactly once on the server and on every terminal of its hall.

- lost: a committed event missing from the server or from a terminal of its hall (or
  quarantined or refused there: legitimate work set aside is lost work);
- doubled: an id stored twice, or a server copy that differs from what the terminal
  committed (a re-send stored altered);
- stuck: a committed event still waiting in an outbox after the quiet rounds, and every
  terminal whose last quiet sync still failed.
"""

from __future__ import annotations

import json
import pathlib
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from server import db
from sync.replica import Replica
from sync.stored_ids import TERMINAL_NO


@dataclass
class Ledger:
    """Every event id a terminal committed, with its hall and content fingerprint."""

    path: pathlib.Path
    events: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (hall, print)

    def note(self, data_dir: pathlib.Path, hall: str) -> int:
        """Add the terminal's own events (everything it recorded) not yet in the ledger."""
        new = 0
        with Replica.in_dir(data_dir) as r, self.path.open("a", encoding="utf-8") as out:
            for row in r.conn.execute("SELECT unpack_id(id) AS id, unpack_id(case_id) AS "
                                      "case_id, kind, payload, recorded_at FROM events WHERE "
                                      f"terminal = {TERMINAL_NO} OR id IN (SELECT event_id "
                                      "FROM outbox)",
                                      (r.get_meta("terminal_id"),)):
                if row["id"] in self.events:
                    continue
                self.events[row["id"]] = (hall, _print(row))
                out.write(json.dumps({"id": row["id"], "hall": hall,
                                      "terminal": data_dir.name}) + "\n")
                new += 1
        return new


def _print(row) -> str:  # type: ignore[no-untyped-def]
    payload = row["payload"]
    if isinstance(payload, str):
        payload = json.loads(payload)
    return json.dumps([row["case_id"], row["kind"], payload, row["recorded_at"]],
                      sort_keys=True, ensure_ascii=False)


@dataclass
class Verdict:
    lost: int = 0
    doubled: int = 0
    stuck: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Verdict) -> None:
        self.lost += other.lost
        self.doubled += other.doubled
        self.stuck += other.stuck
        self.notes += other.notes


def judge(ledger: Ledger, db_url: str, terminals: dict[str, list[pathlib.Path]],
          failed_syncs: int, poison: set[str]) -> Verdict:
    """Compare the ledger with the server and every replica (after the quiet rounds):
    every committed event on the server, every server event of a hall (conflict notices
    and all, the injected poison aside) kept on every terminal of that hall."""
    v = Verdict(stuck=failed_syncs)
    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            rows = list(conn.execute(sa.select(
                db.events.c.id, db.events.c.hall_code, db.events.c.case_id, db.events.c.kind,
                db.events.c.payload, db.events.c.recorded_at)))
    finally:
        database.dispose()
    counts = Counter(r.id for r in rows)
    v.doubled += sum(n - 1 for n in counts.values() if n > 1)
    server = {r.id: (r.hall_code, _print(r._mapping)) for r in rows}
    for eid, (hall, fp) in ledger.events.items():
        got = server.get(eid)
        if got is None:
            v.lost += 1
            v.notes.append(f"not on the server: {eid}")
        elif got != (hall, fp):
            v.doubled += 1
            v.notes.append(f"stored differently: {eid}")
    for hall, dirs in terminals.items():
        want = {eid for eid, (h, _) in ledger.events.items() if h == hall}
        want |= {eid for eid, (h, _) in server.items() if h == hall} - poison
        for d in dirs:
            with Replica.in_dir(d) as r:
                kept = {x[0] for x in r.conn.execute(
                    "SELECT unpack_id(id) FROM events WHERE verdict IS NULL OR verdict NOT IN "
                    "('refused', 'quarantined')")}
                waiting = {x[0] for x in r.conn.execute("SELECT unpack_id(event_id) "
                                                        "FROM outbox")}
            missing = want - kept
            v.lost += len(missing)
            v.notes += [f"{d.name} lacks {eid}" for eid in sorted(missing)[:5]]
            v.stuck += len(waiting & want)
    return v
