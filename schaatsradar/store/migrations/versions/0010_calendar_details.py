"""A meet keeps what a season calendar says of it besides its days: the rink, the rink's
country, the programme (which distances, for whom, how often), notes, and when an imported calendar
last changed it (the calendar feed's Last-Modified). Until now only the
bundled 2025-26 file knew these, so an imported calendar of another season had nowhere to
keep them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("competitions") as batch:
        batch.add_column(sa.Column("rink", sa.String(200)))
        batch.add_column(sa.Column("country", sa.String(3)))
        batch.add_column(sa.Column("programme", sa.Text))
        batch.add_column(sa.Column("notes", sa.Text))
        batch.add_column(sa.Column("revised_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("competitions") as batch:
        batch.drop_column("revised_at")
        batch.drop_column("notes")
        batch.drop_column("programme")
        batch.drop_column("country")
        batch.drop_column("rink")
