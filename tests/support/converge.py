"""Checking that a hall converged: every event exactly once everywhere, same case states."""

from __future__ import annotations

import pathlib
from collections.abc import Iterable

import sqlalchemy as sa

from server import db
from sync import projection
from sync.client_cli import sync_once
from sync.replica import Replica


def sync_all(dirs: Iterable[pathlib.Path], rounds: int = 3) -> list[dict]:
    """Sync every terminal, twice over, so each sees what the others pushed."""
    out = []
    dirs = list(dirs)
    for _ in range(rounds):
        out = [sync_once(d) for d in dirs]
    return out


def server_state(db_url: str, hall: str = "371100") -> tuple[list[str], dict[str, str | None]]:
    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            ids = [r[0] for r in conn.execute(
                sa.select(db.events.c.id).where(db.events.c.hall_code == hall))]
            # every stream: cases, and the notices (conflicts, kiosk alerts) that sync too
            states = {r.id: r.state for r in conn.execute(
                sa.select(db.cases.c.id, db.cases.c.state).where(db.cases.c.hall_code == hall))}
    finally:
        database.dispose()
    return ids, states


def replica_state(d: pathlib.Path) -> tuple[list[str], dict[str, str | None], int]:
    with Replica.in_dir(d) as r:
        # what is set aside (refused, quarantined, lost by the server) is kept, not folded
        ids = [x[0] for x in r.conn.execute(
            "SELECT unpack_id(id) FROM events WHERE verdict IS NULL OR verdict NOT IN "
            "('refused', 'quarantined', 'lost_on_server')")]
        states = {x[0]: x[1] for x in r.conn.execute(
            "SELECT id, state FROM cases UNION ALL SELECT id, state FROM notices "
            "UNION ALL SELECT id, state FROM tickets "
            "UNION ALL SELECT id, state FROM window_states")}
        # streams with no table of states of their own (follow-ups, appeals, consultations)
        for (sid,) in r.conn.execute(
                "SELECT DISTINCT unpack_id(case_id) FROM events WHERE kind LIKE 'followup.%' OR "
                "kind LIKE 'appeal.%' OR kind LIKE 'consultation.%'").fetchall():
            folded = projection.load_stream(r, sid)
            if folded is not None:
                states[sid] = folded.state
        pending = r.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    return ids, states, pending


def assert_converged(db_url: str, dirs: Iterable[pathlib.Path], hall: str = "371100") -> int:
    """Every event once on the server and on every terminal; the same stream states."""
    ids, states = server_state(db_url, hall)
    assert len(ids) == len(set(ids)), "an event is stored twice on the server"
    for d in dirs:
        rids, rstates, pending = replica_state(d)
        assert pending == 0, f"{d.name}: {pending} events still waiting"
        assert len(rids) == len(set(rids))
        assert set(rids) == set(ids), f"{d.name}: events differ from the server's"
        assert rstates == states, f"{d.name}: case states differ from the server's"
    return len(ids)
