"""A poll's look-up vouches for its token (server.tokens, server.idle): a terminal that
polls is not looked up once more before its push's body is read, and a revoked one
loses its entry at its next poll."""

from __future__ import annotations

import time

from server import admin, auth, db, idle
from server.tokens import AUTH_TTL_S, Known, TokenCache


def _enrolled(url: str) -> tuple[db.Database, str, auth.Terminal]:
    database = db.Database(url)
    db.init_db(database.engine)
    with database.writer() as conn:
        admin.add_hall(conn, "H001", "大厅H001")
        got = auth.enrol(conn, auth.issue_code(conn, "H001"))
        term = auth.terminal_for(conn, got["token"])
    return database, got["token"], term


def _poll(database: db.Database, tokens: TokenCache, token: str) -> object:
    return idle.look(database, tokens, idle.Request(token, 0, 500, 0, None, None))


def test_a_poll_vouches_for_its_token_and_a_revocation_ends_it(db_url):
    database, token, term = _enrolled(db_url)
    tokens = TokenCache()
    stale = time.monotonic() - AUTH_TTL_S - 1
    tokens._items[auth.digest(token)] = Known(auth.digest(token), term, stale)
    assert tokens.recent(token) is None  # checked too long ago: a push would look it up

    assert _poll(database, tokens, token) is not None
    assert tokens.recent(token) == term  # the poll's own read said it is current

    with database.writer() as conn:
        auth.revoke(conn, term.id)
    assert _poll(database, tokens, token) is None  # the full route refuses it
    assert tokens.recent(token) is None and tokens.get(token) is None
    database.dispose()


def test_a_first_contact_is_remembered_as_vouched_for(db_url):
    database, token, term = _enrolled(db_url)
    tokens = TokenCache()
    assert _poll(database, tokens, token) is not None
    assert tokens.recent(token) == term
    assert _poll(database, tokens, "y" * len(token)) is None  # a stranger: not remembered
    assert tokens.get("y" * len(token)) is None
    database.dispose()
