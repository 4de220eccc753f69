"""What issues 9, 10 and 11 added to the server: halls as a tree and hall nodes (their
role, their block of terminal codes, the city's seq and verdict of each forwarded event);
the figures' facts rows; the back office's logins and the department of each case.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FACT_INTS = ("instant", "work_days", "rating", "minutes")
FACT_COLUMNS = ("item_code", "window_id", "staff_id", "instant", "registered_on",
                "accepted_on", "completed_on", "refused_on", "withdrawn_on", "deadline",
                "work_days", "rating", "rating_ref", "rating_channel", "rated_on",
                "rating_staff_id", "rating_window_id", "opened_on", "closed_on", "due",
                "minutes", "outcome", "case_ref")


def upgrade() -> None:
    # --- hall node (issue 11, docs/hall-node.md) ---------------------------------------
    with op.batch_alter_table("halls") as t:
        t.add_column(sa.Column("parent", sa.String(32)))
    with op.batch_alter_table("terminals") as t:
        t.add_column(sa.Column("role", sa.String(10), nullable=False,
                               server_default="terminal"))
    with op.batch_alter_table("enrol_codes") as t:
        t.add_column(sa.Column("role", sa.String(10), nullable=False,
                               server_default="terminal"))
        t.add_column(sa.Column("codes", sa.Integer))
    with op.batch_alter_table("events") as t:
        t.add_column(sa.Column("up_seq", sa.BigInteger))
        t.add_column(sa.Column("up_verdict", sa.String(10)))
        t.add_column(sa.Column("up_note", sa.Text))
        t.add_column(sa.Column("first_seq", sa.BigInteger))
    op.create_index("events_up_seq", "events", ["up_seq"])
    op.create_table(
        "code_blocks",
        sa.Column("code", sa.String(4), primary_key=True),
        sa.Column("holder", sa.String(64), nullable=False),
    )
    op.create_table(
        "node_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text),
    )
    # --- the figures (issue 9): one row of facts per case, consultation, follow-up ------
    op.create_table(
        "figure_facts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("hall_code", sa.String(32), nullable=False),
        sa.Column("stream", sa.String(20), nullable=False),
        *(sa.Column(name, sa.Integer if name in FACT_INTS else sa.String(64))
          for name in FACT_COLUMNS),
        sa.Column("first_on", sa.String(10), nullable=False),
        sa.Column("last_on", sa.String(10), nullable=False),
    )
    op.create_index("figure_facts_hall_span", "figure_facts",
                    ["hall_code", "last_on", "first_on"])
    op.create_index("figure_facts_hall_stream", "figure_facts",
                    ["hall_code", "stream", "outcome"])
    # --- the back office (issue 10) ------------------------------------------------------
    op.create_table(
        "backoffice_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("hall_code", sa.String(32), nullable=False),
        sa.Column("staff_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("expires_at", sa.Text, nullable=False),
    )
    op.create_index("backoffice_tokens_expiry", "backoffice_tokens", ["expires_at"])
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", sa.Text, nullable=False),
        sa.Column("locked_until", sa.Text),
    )
    with op.batch_alter_table("cases") as t:
        t.add_column(sa.Column("department", sa.String(32)))
    op.create_index("cases_hall_department_state", "cases",
                    ["hall_code", "department", "state"])


def downgrade() -> None:
    op.drop_index("cases_hall_department_state", "cases")
    with op.batch_alter_table("cases") as t:
        t.drop_column("department")
    for table in ("login_failures", "backoffice_tokens", "figure_facts", "node_meta",
                  "code_blocks"):
        op.drop_table(table)
    op.drop_index("events_up_seq", "events")
    with op.batch_alter_table("events") as t:
        for c in ("first_seq", "up_note", "up_verdict", "up_seq"):
            t.drop_column(c)
    with op.batch_alter_table("enrol_codes") as t:
        t.drop_column("codes")
        t.drop_column("role")
    with op.batch_alter_table("terminals") as t:
        t.drop_column("role")
    with op.batch_alter_table("halls") as t:
        t.drop_column("parent")
