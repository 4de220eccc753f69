"""Queue tickets count in the figures (issue 9's wait and service times): their facts
rows carry the zone the ticket was taken for and its wait and service seconds. Existing
tickets get their rows from the figures' backfill (server.figure_rows.backfill), which
fills every figure stream that has none.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figure_facts") as t:
        t.add_column(sa.Column("zone", sa.String(64)))
        t.add_column(sa.Column("wait_s", sa.Integer))
        t.add_column(sa.Column("service_s", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("figure_facts") as t:
        t.drop_column("service_s")
        t.drop_column("wait_s")
        t.drop_column("zone")
