"""Sync hardening (issue 13): the database's identity, boots and restores (server.epoch);
terminal lineage, version and last contact; idempotent enrolment.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("terminals") as t:
        t.add_column(sa.Column("replaces", sa.String(64)))
        t.add_column(sa.Column("version", sa.String(40)))
        t.add_column(sa.Column("last_seen", sa.Text))
    with op.batch_alter_table("enrol_codes") as t:
        t.add_column(sa.Column("request_id", sa.String(64)))
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "boots",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("start_seq", sa.BigInteger, nullable=False),
        sa.Column("started_at", sa.Text, nullable=False),
    )
    op.create_table(
        "restores",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fork_seq", sa.BigInteger, nullable=False),
        sa.Column("top_seq", sa.BigInteger, nullable=False),
        sa.Column("found_at", sa.Text, nullable=False),
        sa.Column("found_by", sa.String(64), nullable=False),
    )
