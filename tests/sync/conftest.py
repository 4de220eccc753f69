"""Server and PostgreSQL fixtures (tests/support/fixtures.py)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from tests.support.fixtures import (  # noqa: F401
    code_for,
    db_url,
    hall_db,
    pg_cluster,
    server,
    sqlite_url,
)
