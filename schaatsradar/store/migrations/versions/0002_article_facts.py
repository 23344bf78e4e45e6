"""Extracted facts per article, with the extractor version that produced them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_facts",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("facts", sa.JSON, nullable=False),
        sa.Column("extracted_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_article_facts_extractor", "article_facts", ["extractor"])


def downgrade() -> None:
    op.drop_table("article_facts")
