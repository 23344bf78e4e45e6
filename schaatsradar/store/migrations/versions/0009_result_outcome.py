"""One race, one outcome: a claim extraction was unsure of is kept as a `candidate`, a claim
keeps the `margin` its article gave, and a result not confirmed by its sources or caught in
a conflict (two winners of one race) is `held` back from every reader, not deleted.

`results.held`: NULL when shown, "candidate" (only unsure claims, not yet confirmed by a
second independent source or an official list) or "conflict" (the race has another winner).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("result_claims") as batch:
        batch.add_column(
            sa.Column("candidate", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("margin", sa.Float))
    with op.batch_alter_table("results") as batch:
        batch.add_column(sa.Column("held", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("results") as batch:
        batch.drop_column("held")
    with op.batch_alter_table("result_claims") as batch:
        batch.drop_column("margin")
        batch.drop_column("candidate")
