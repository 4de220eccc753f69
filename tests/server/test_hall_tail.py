"""A hall's tail (server.hall_tail): a page served from a worker's memory is the page
the database gives, whatever the cursors, the interleaving of halls, reference rows and
notices — and the tail never answers for rows it does not hold."""

from __future__ import annotations

import random

import pytest

from bench.loadgen import Terminal
from bench.servers import payloads
from server import admin, auth, db, marks, pull, push
from server.hall_tail import HallTails
from sync import wire

HALLS = ("H001", "H002")


@pytest.fixture(scope="module")
def pool() -> list[dict]:
    return payloads(12)


def _world(url: str, pool: list[dict]) -> tuple[db.Database, list[Terminal]]:
    database = db.Database(url)
    db.init_db(database.engine)
    terms = []
    with database.writer() as conn:
        for hall in HALLS:
            admin.add_hall(conn, hall, f"大厅{hall}")
            for k in range(3):
                got = auth.enrol(conn, auth.issue_code(conn, hall))
                t = Terminal({"token": got["token"], "tid": got["terminal_id"], "seq": 0,
                              "cursor": 0, "cases": {}}, pool, random.Random(k))
                t.hall = hall  # type: ignore[attr-defined]
                terms.append(t)
    return database, terms


def _push(database: db.Database, t: Terminal, rng: random.Random) -> None:
    rows = t.events()
    if rng.random() < 0.2:  # a step on a case another terminal moved on: a conflict
        other = dict(rows[0], terminal_seq=t.seq + 1, id=rows[0]["id"][:-4] + "beef")
        t.seq += 1
        rows.append(other)
    with database.writer() as conn:
        term = auth.terminal_for(conn, t.token)
        push.store_batch(conn, term.hall_code, term.id, term.max_seq,
                         wire.unpack_events(wire.pack_events(rows)))


def _state(database: db.Database, hall: str) -> tuple[int, int, str]:
    with database.reader() as conn:
        top = db.current_seq(conn)
        return top, marks.mark_of(conn, pull.halls_of(hall)), db.db_id(conn)


def _page_db(database: db.Database, t: Terminal, cursor: int, top: int, limit: int) -> dict:
    term = auth.Terminal(t.tid, "", t.hall, 0)  # type: ignore[attr-defined]
    with database.reader() as conn:
        return pull.pull_page(conn, term, cursor, limit, pull.NO_OWN, top=top, compact=True)


def _page_tail(database: db.Database, tails: HallTails, t: Terminal, cursor: int,
               limit: int) -> tuple[dict, bool]:
    hall = t.hall  # type: ignore[attr-defined]
    top, mark, key = _state(database, hall)
    rows = tails.rows(hall, key, cursor, top, mark)
    held = rows is not None
    if rows is None:
        with database.reader() as conn:
            rows = tails.read(conn, hall, key, cursor, top, limit)
    return pull.build_page(rows, t.tid, cursor, top, limit, pull.NO_OWN, True), held


def test_pages_from_memory_are_the_databases_pages(db_url, pool):
    database, terms = _world(db_url, pool)
    tails = HallTails(max_rows=25)
    rng = random.Random(16)
    cursors = {t.tid: 0 for t in terms}
    held = 0
    try:
        for step in range(160):
            t = rng.choice(terms)
            if rng.random() < 0.45:
                _push(database, t, rng)
            elif step % 37 == 0:  # a reference row for every hall ("*") and one hall's
                with database.writer() as conn:
                    admin.add_hall(conn, rng.choice(HALLS), f"改名{step}")
            else:  # a pull from where it stood, now and then from further back
                cursor = cursors[t.tid]
                if rng.random() < 0.2:
                    cursor = rng.randrange(0, cursor + 1)
                limit = rng.choice((2, 5, 2000))
                got, from_memory = _page_tail(database, tails, t, cursor, limit)
                top = _state(database, t.hall)[0]
                want = _page_db(database, t, cursor, top, limit)
                assert got == want, (step, cursor, limit, from_memory)
                held += from_memory
                cursors[t.tid] = got["cursor"]
        assert held >= 10  # the tail did answer, not only the database
    finally:
        database.dispose()


def test_a_tail_answers_only_for_what_it_holds(sqlite_url, pool):
    database, terms = _world(sqlite_url, pool)
    t, rng = terms[0], random.Random(3)
    tails = HallTails(max_rows=4)
    try:
        for _ in range(3):
            _push(database, terms[1], rng)
        top, mark, key = _state(database, t.hall)
        assert tails.rows(t.hall, key, 0, top, mark) is None  # nothing read yet
        with database.reader() as conn:
            tails.read(conn, t.hall, key, 0, top, 2000)
        assert tails.rows(t.hall, key, top - 1, top, mark) is not None
        # another database (a restore: the same identity, another start) is not this one
        assert tails.rows(t.hall, key + "x", top - 1, top, mark) is None
        _push(database, terms[2], rng)  # the hall moved on: its new rows are not held
        top2, mark2, _ = _state(database, t.hall)
        assert mark2 > top and tails.rows(t.hall, key, top, top2, mark2) is None
        # another hall's push moves the counter, not this hall's mark: still held
        _push(database, terms[3], rng)
        top3, mark3, _ = _state(database, t.hall)
        assert mark3 == mark2 and top3 > top2
        with database.reader() as conn:
            tails.read(conn, t.hall, key, top, top2, 2000)
        assert tails.rows(t.hall, key, top, top3, mark3) is not None
        # trimmed to its newest rows: a cursor before them is no longer answered
        for _ in range(6):
            _push(database, terms[1], rng)
        top4, mark4, _ = _state(database, t.hall)
        with database.reader() as conn:
            tails.read(conn, t.hall, key, top3, top4, 2000)
        assert tails.rows(t.hall, key, top4, top4, mark4) is not None
        assert tails.rows(t.hall, key, 0, top4, mark4) is None
    finally:
        database.dispose()
