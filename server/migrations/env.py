"""Alembic environment: always run by server.migrate on a connection it hands over.

Nothing here reads alembic.ini or a URL: the server (and `yichuang admin`) open the
database as they always do, and migrations run on that connection at start.
"""

from __future__ import annotations

from alembic import context

from server import db

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=db.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # several workers starting at once: one migrates, the others wait for it
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(74701)")
    context.run_migrations()
