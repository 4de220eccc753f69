"""Pushes written in groups (server.push_group): those that wait while the writer is busy
share one transaction; each is answered with its own result or its own error, and a
push that fails leaves nothing behind while the others of its group stand."""

from __future__ import annotations

import asyncio
import threading

import pytest
import sqlalchemy as sa

from server import db
from server.push_group import PushGroups


class Boom(Exception):
    pass


def _job(i: int, fail: bool = False):  # type: ignore[no-untyped-def]
    def fn(conn: sa.Connection) -> int:
        conn.execute(db.counters.insert().values(name=f"job{i}", value=i))
        if fail:
            raise Boom(f"job {i}")
        return i * 10
    return fn


def _stored(database: db.Database) -> set[str]:
    with database.reader() as conn:
        return {r[0] for r in conn.execute(sa.select(db.counters.c.name).where(
            db.counters.c.name.like("job%")))}


async def _run_all(groups: PushGroups, jobs: list) -> list:  # type: ignore[type-arg]
    return await asyncio.gather(*(groups.run(j) for j in jobs), return_exceptions=True)


@pytest.fixture
def database(db_url: str):  # type: ignore[no-untyped-def]
    d = db.Database(db_url)
    db.init_db(d.engine)
    yield d
    d.dispose()


def test_waiting_pushes_share_a_transaction_and_answer_alone(database):
    commits = []
    database.listeners.append(lambda: commits.append(1))
    groups = PushGroups(database)
    jobs = [_job(i, fail=i == 3) for i in range(6)]
    database._writer.acquire()  # the writer is busy: every push queues behind it
    released = threading.Timer(0.5, database._writer.release)
    released.start()
    try:
        got = asyncio.run(_run_all(groups, jobs))
    finally:
        released.join()
        groups.stop()
    assert [g for i, g in enumerate(got) if i != 3] == [0, 10, 20, 40, 50]
    assert isinstance(got[3], Boom)  # its own error, to its own request
    assert _stored(database) == {"job0", "job1", "job2", "job4", "job5"}  # its row undone
    assert len(commits) <= 2  # six pushes, one or two transactions (not six)


def test_a_push_alone_that_fails_leaves_nothing(database):
    groups = PushGroups(database)
    try:
        got = asyncio.run(_run_all(groups, [_job(7, fail=True)]))
        assert isinstance(got[0], Boom)
        assert _stored(database) == set()
        assert asyncio.run(_run_all(groups, [_job(8)])) == [80]  # and the writer goes on
    finally:
        groups.stop()
    assert _stored(database) == {"job8"}


def test_a_database_error_is_answered_and_the_writer_goes_on(sqlite_url):
    database = db.Database(sqlite_url)
    db.init_db(database.engine)
    groups = PushGroups(database)

    def clash(conn: sa.Connection) -> int:  # the primary key of a row already there
        conn.execute(db.counters.insert().values(name="change_seq", value=1))
        return 1

    try:
        got = asyncio.run(_run_all(groups, [clash]))
        assert isinstance(got[0], sa.exc.IntegrityError)
        assert asyncio.run(_run_all(groups, [_job(1)])) == [10]
    finally:
        groups.stop()
        database.dispose()
