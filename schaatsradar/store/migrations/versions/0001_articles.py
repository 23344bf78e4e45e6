"""Sources, articles, duplicate bookkeeping and the full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
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
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(255), nullable=False, unique=True),
        sa.Column("feed_url", sa.String(2048), unique=True),
        sa.Column("etag", sa.String(512)),
        sa.Column("last_modified", sa.String(128)),
        sa.Column("error_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("last_polled_at", sa.DateTime),
        sa.Column("next_poll_at", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("url", sa.String(2048), unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Date, nullable=False),
        sa.Column("date_precision", sa.String(5), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("original_text", sa.Text, nullable=False),
        sa.Column("clean_text", sa.Text, nullable=False),
        sa.Column("text_hash", sa.String(32), nullable=False, unique=True),
        sa.Column("cluster_id", sa.Integer, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("boundary_paragraphs", sa.Text, nullable=False, server_default=""),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_language", "articles", ["language"])
    op.create_index("ix_articles_cluster_id", "articles", ["cluster_id"])
    op.create_table(
        "article_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("url", sa.String(2048), unique=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_article_aliases_article_id", "article_aliases", ["article_id"])
    op.create_table(
        "minhash_bands",
        sa.Column("band_key", sa.BigInteger, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "boundary_paragraphs",
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), primary_key=True),
        sa.Column("paragraph_hash", sa.BigInteger, primary_key=True),
        sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
    )
    _create_search_index()


def _create_search_index() -> None:
    """FTS5 over stems written by the store on SQLite; a generated tsvector on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "title, body, published UNINDEXED, language UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        op.execute(
            "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('dutch', clean_text), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search_vector)")
        # Ingest hands out article ids itself (a cluster points at ids of the same batch).
        op.execute("CREATE SEQUENCE article_id_seq")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE articles_fts")
    else:
        op.execute("DROP SEQUENCE article_id_seq")
    for table in ("boundary_paragraphs", "minhash_bands", "article_aliases", "articles", "sources"):
        op.drop_table(table)
