"""Cases accepted in an extended period (evenings, weekend and holiday duty) count apart
in the figures (issue 12, `accepted_extended`). No backfill: the stamp came with opening
periods in the same release, so no earlier case carries one.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figure_facts") as t:
        t.add_column(sa.Column("extended", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("figure_facts") as t:
        t.drop_column("extended")
