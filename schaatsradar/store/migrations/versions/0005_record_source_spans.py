"""Record sources keep the evidence span in the article, like result claims do.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record_sources") as batch:
        batch.add_column(sa.Column("evidence_start", sa.Integer))
        batch.add_column(sa.Column("evidence_end", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("record_sources") as batch:
        batch.drop_column("evidence_end")
        batch.drop_column("evidence_start")
