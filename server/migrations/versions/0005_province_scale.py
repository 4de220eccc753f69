"""The central server at province scale (issue 16): each hall's high-water mark, so an
idle poll is answered without reading the change log; indexes that let the marks be
kept up cheaply, the paged snapshot walk a hall's live streams in id order, and the
newest start be read without a scan; and what lets a terminal find a case it no longer
keeps (its slip number, and a keyed hash of the applicant's ID number: the number
itself is never a column).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hall_marks",
        sa.Column("hall_code", sa.String(32), primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("hall_marks_seq", "hall_marks", ["seq"])
    op.create_index("reference_seq", "reference", ["change_seq"])
    op.create_index("notices_seq", "notices", ["change_seq"])
    op.create_index("boots_started", "boots", ["started_at"])
    op.create_index("cases_hall_id", "cases", ["hall_code", "id", "state", "updated_at"])
    with op.batch_alter_table("cases") as t:
        t.add_column(sa.Column("slip_number", sa.Text))
        t.add_column(sa.Column("applicant_key", sa.String(64)))
    op.create_index("cases_hall_case_number", "cases", ["hall_code", "case_number"])
    op.create_index("cases_hall_slip", "cases", ["hall_code", "slip_number"])
    op.create_index("cases_hall_applicant", "cases", ["hall_code", "applicant_key"])
    # what the marks would have said had they always been kept
    op.execute("""
        INSERT INTO hall_marks (hall_code, seq)
        SELECT hall_code, MAX(seq) FROM (
            SELECT hall_code, MAX(server_seq) AS seq FROM events GROUP BY hall_code
            UNION ALL
            SELECT hall_code, MAX(change_seq) AS seq FROM reference GROUP BY hall_code
            UNION ALL
            SELECT hall_code, MAX(change_seq) AS seq FROM notices GROUP BY hall_code
        ) AS marks GROUP BY hall_code
    """)


def downgrade() -> None:
    for name in ("cases_hall_applicant", "cases_hall_slip", "cases_hall_case_number"):
        op.drop_index(name, "cases")
    with op.batch_alter_table("cases") as t:
        t.drop_column("applicant_key")
        t.drop_column("slip_number")
    op.drop_index("cases_hall_id", "cases")
    op.drop_index("boots_started", "boots")
    op.drop_index("notices_seq", "notices")
    op.drop_index("reference_seq", "reference")
    op.drop_index("hall_marks_seq", "hall_marks")
    op.drop_table("hall_marks")
