"""Reviewer face tests: the desktop fixtures (tests/desktop/conftest.py) plus a real
server for the network mode (tests/support/fixtures.py)."""

from tests.support.fixtures import (  # noqa: F401
    code_for,
    db_url,
    hall_db,
    pg_cluster,
    server,
)
