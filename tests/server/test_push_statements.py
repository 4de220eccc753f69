"""What a push costs under the writer lock, statement by statement: every statement is
compiled once and then taken from SQLAlchemy's cache (a statement compiled anew on
every push cost more CPU than the rest of the push together), and the writes after the
fold reach PostgreSQL in one round trip (server.trips)."""

from __future__ import annotations

import os
import random
import re

import pytest
import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine.default import CACHE_HIT

from bench.loadgen import Terminal
from bench.servers import payloads
from server import admin, auth, db, push, trips
from sync import wire


@pytest.fixture(scope="module")
def pool() -> list[dict]:
    return payloads(6)


def _terminal(database: db.Database, pool: list[dict]) -> Terminal:
    with database.writer() as conn:
        admin.add_hall(conn, "H001", "大厅H001")
        got = auth.enrol(conn, auth.issue_code(conn, "H001"))
    return Terminal({"token": got["token"], "tid": got["terminal_id"], "seq": 0, "cursor": 0,
                     "cases": {}}, pool, random.Random(3))


def _push(database: db.Database, t: Terminal) -> push.Outcome:
    with database.writer() as conn:
        term = auth.terminal_for(conn, t.token)
        return push.store_batch(conn, term.hall_code, term.id, term.max_seq,
                                wire.unpack_events(wire.pack_events(t.events())))


def test_a_push_compiles_no_statement_anew(db_url, pool):
    database = db.Database(db_url)
    db.init_db(database.engine)
    t = _terminal(database, pool)
    for _ in range(4):  # registrations and steps: every shape of write seen once
        _push(database, t)
    seen: list[tuple[str, object]] = []

    @sa_event.listens_for(database.engine, "after_cursor_execute")
    def _note(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if context is not None and context.compiled is not None:
            seen.append((statement.split("\n", 1)[0][:60], context.cache_hit))

    for _ in range(3):
        out = _push(database, t)
        assert out.stored >= 1
    assert any(s.startswith("INSERT INTO cases") for s, _ in seen)
    assert any(s.startswith("INSERT INTO figure_facts") for s, _ in seen)
    missed = [s for s, hit in seen if hit is not CACHE_HIT]
    assert not missed, f"compiled anew on a push: {missed}"
    database.dispose()


@pytest.mark.postgres
def test_a_pushs_writes_reach_postgresql_in_one_round_trip(pg_cluster, pool, tmp_path):
    """The client's protocol trace: one Sync for the writes of a push, where each
    statement sent alone costs one. (SQLite makes no round trips.)"""
    database = db.Database(pg_cluster.new_database("one_trip"))
    db.init_db(database.engine)
    t = _terminal(database, pool)
    _push(database, t)
    trace = tmp_path / "trace"
    with database.writer() as conn, open(trace, "w") as f:
        raw = conn.connection.driver_connection
        raw.prepare_threshold = None  # (a prepared statement sends no Parse to count)
        term = auth.terminal_for(conn, t.token)
        rows = wire.unpack_events(wire.pack_events(t.events()))
        raw.pgconn.trace(f.fileno())
        push.store_batch(conn, term.hall_code, term.id, term.max_seq, rows)
        raw.pgconn.untrace()
        f.flush()
        os.fsync(f.fileno())
    sent = trace.read_text()
    inserts = len(re.findall(r"\tParse\t \"\" \"(INSERT|UPDATE)", sent))
    syncs = len(re.findall(r"\tF\t\d+\tSync", sent))
    parses = len(re.findall(r"\tF\t\d+\tParse", sent))
    assert inserts >= 5  # events, cases, figure facts, the counter, the terminal
    # each statement read alone is one Sync; the writes together are one more
    assert syncs == parses - inserts + 1, sent[-3000:]
    database.dispose()


def test_a_failed_write_among_others_is_sqlalchemys_error_and_undoes_its_savepoint(db_url):
    database = db.Database(db_url)
    db.init_db(database.engine)
    c = db.counters
    with database.writer() as conn:
        with pytest.raises(sa.exc.IntegrityError), conn.begin_nested(), \
                trips.together(conn):
            conn.execute(c.insert().values(name="gone", value=1))
            conn.execute(c.insert().values(name="change_seq", value=5))  # exists: fails
            conn.execute(c.insert().values(name="gone too", value=2))
        db.forget_seq(conn)
        with trips.together(conn):
            conn.execute(c.insert().values(name="kept", value=3))
    with database.reader() as conn:
        names = {r[0] for r in conn.execute(sa.select(c.c.name))}
        seq = conn.execute(sa.select(c.c.value).where(c.c.name == "change_seq")).scalar()
    assert "kept" in names and not {"gone", "gone too"} & names
    assert seq == 0  # the failed insert changed nothing that stood
    database.dispose()
