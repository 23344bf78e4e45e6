"""Index the two ways reconciliation looks records up: by the result that made or backs
them (`records_made_by`, asked for a result claimed again) and by the record they are a mark
of (kind, scope, distance, gender: `record_marks`, asked for each result that may beat one).
Without them each lookup scans every record, claims included, so the cost per fact grew
with the record book (EXPLAIN on PostgreSQL: a sequential scan of `records` for both).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_result_id", "records", ["result_id"])
    op.create_index("ix_records_mark", "records", ["kind", "scope", "distance", "gender"])


def downgrade() -> None:
    op.drop_index("ix_records_mark", "records")
    op.drop_index("ix_records_result_id", "records")
