"""The first schema: what `metadata.create_all` made before migrations existed.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "halls",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "terminals",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("code", sa.String(4), nullable=False, unique=True),
        sa.Column("hall_code", sa.String(32), sa.ForeignKey("halls.code"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("enrolled_at", sa.Text, nullable=False),
        sa.Column("revoked_at", sa.Text),
        sa.Column("max_seq", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "enrol_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("hall_code", sa.String(32), sa.ForeignKey("halls.code"), nullable=False),
        sa.Column("expires_at", sa.Text, nullable=False),
        sa.Column("used_at", sa.Text),
        sa.Column("terminal_id", sa.String(64)),
    )
    op.create_table(
        "events",
        sa.Column("server_seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("hall_code", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("expected_state", sa.String(40)),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("terminal_seq", sa.BigInteger, nullable=False),
        sa.Column("staff_id", sa.String(64), nullable=False),
        sa.Column("window_id", sa.String(64)),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("pushed_by", sa.String(64), nullable=False),
        sa.Column("received_at", sa.Text, nullable=False),
        sa.UniqueConstraint("terminal_id", "terminal_seq", name="events_terminal_seq"),
    )
    op.create_index("ix_events_case_id", "events", ["case_id"])
    op.create_index("events_hall_seq", "events", ["hall_code", "server_seq"])
    op.create_table(
        "cases",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("hall_code", sa.String(32), nullable=False),
        sa.Column("stream", sa.String(20), nullable=False, server_default="case"),
        sa.Column("state", sa.String(40)),
        sa.Column("case_number", sa.Text),
        sa.Column("item_name", sa.Text),
        sa.Column("conflicts", sa.Integer, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
    )
    op.create_index("cases_hall_state", "cases", ["hall_code", "state"])
    op.create_table(
        "reference",
        sa.Column("hall_code", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("data", sa.Text),
        sa.Column("change_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("reference_hall_seq", "reference", ["hall_code", "change_seq"])
    op.create_table(
        "notices",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("hall_code", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("case_id", sa.String(64)),
        sa.Column("event_id", sa.String(64)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("notices_hall_seq", "notices", ["hall_code", "change_seq"])
    op.create_table(
        "counters",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
