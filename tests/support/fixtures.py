"""Fixtures shared by tests/server and tests/sync (imported by their conftest.py)."""

from __future__ import annotations

import itertools
import pathlib
from collections.abc import Iterator

import pytest

from tests.support.servers import PgCluster, ServerProcess, enrol_code, setup_hall

_db_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL on loopback, or a skip that says why."""
    try:
        cluster = PgCluster().start()
    except Exception as exc:  # no binaries, no postgres user, initdb failed...
        pytest.skip(f"PostgreSQL not available for tests: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: pathlib.Path) -> str:
    """A fresh, empty server database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    cluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database(f"t{next(_db_names)}")


@pytest.fixture
def sqlite_url(tmp_path: pathlib.Path) -> str:
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


@pytest.fixture
def hall_db(db_url: str) -> str:
    """A server database with the demo hall, its catalog and a reviewer."""
    setup_hall(db_url)
    return db_url


@pytest.fixture
def server(hall_db: str, tmp_path: pathlib.Path) -> Iterator[ServerProcess]:
    """A running `yichuang server` on a free loopback port over `hall_db`."""
    proc = ServerProcess(hall_db, log_dir=tmp_path).start()
    yield proc
    proc.stop()


@pytest.fixture
def code_for(hall_db: str):  # type: ignore[no-untyped-def]
    """A function that issues a fresh enrolment code for the demo hall."""
    return lambda hall="371100": enrol_code(hall_db, hall)
