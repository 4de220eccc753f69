"""Writes sent to the database together: one round trip on PostgreSQL.

A push holds the change-seq lock (server.db) from its first statement to its commit,
and on a busy server a round trip costs more than the statement it carries: the
database must be scheduled, and the writer thread must win the GIL back from the
request threads before it can send the next statement. The writes a push makes once
it has folded its batch (its events, their cases, figure rows, counters) depend on no
answer of each other, so they go together in psycopg's pipeline mode. SQLite makes no
round trips: there the block runs each statement as it comes, and both databases take
the same code path.

Only writes: a SELECT inside the block would get no rows (the driver has not been
answered yet when SQLAlchemy looks), so a mistake shows at once rather than quietly.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlalchemy as sa


@contextlib.contextmanager
def together(conn: sa.Connection) -> Iterator[None]:
    """The writes the block executes, sent when it ends, in one round trip on
    PostgreSQL; a database error is raised there, as SQLAlchemy raises it
    (IntegrityError …), so callers catch what they would catch from `conn.execute`."""
    if conn.dialect.name != "postgresql":
        yield
        return
    raw = conn.connection.driver_connection
    dbapi = conn.dialect.loaded_dbapi
    try:
        with raw.pipeline():
            yield
    except dbapi.Error as exc:
        if raw.closed:  # a connection that broke is not pooled again
            conn.invalidate()
        raise sa.exc.DBAPIError.instance("pipelined writes", None, exc, dbapi.Error,
                                         hide_parameters=True,
                                         dialect=conn.dialect) from exc
