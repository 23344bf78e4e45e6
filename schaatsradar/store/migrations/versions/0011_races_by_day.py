"""Index dated races by day: the home page's fresh results walk races newest first and stop
after a few with a shown result; without it the database days and sorts every race (the
home page's largest cost at 100,000 articles). Partial (dated races only), so the walk over
undated races keeps going through their meets' `start_date` index instead.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

DATED = sa.text("race_date IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_races_race_date",
        "races",
        ["race_date"],
        sqlite_where=DATED,
        postgresql_where=DATED,
    )


def downgrade() -> None:
    op.drop_index("ix_races_race_date", "races")
