"""Who holds a claimed delivery: each claim writes its own token, so a worker renews and
finishes only rows it still holds. Before, a lease that ran out during a slow delivery went
to a second worker, and the first then wrote its outcome over the second's claim (alerts
sent twice).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("lease_token", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("lease_token")
