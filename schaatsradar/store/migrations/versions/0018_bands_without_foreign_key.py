"""`minhash_bands.article_id` without its foreign key to `articles`.

Why: an article has sixteen band rows, and PostgreSQL checks a foreign key with a trigger per
row (a lookup of the article, locked FOR KEY SHARE): on an ingest that checking cost about as
much server time as writing the bands themselves (issue 15, ingest >= 2,000 articles/s).
The check guards nothing the code does not: the bands are written only by `insert_articles`,
in the transaction that inserts their article, under the id just handed to it, and no
article is ever deleted. The primary key (band_key, article_id) stays.

SQLite cannot drop a constraint in place: the table (WITHOUT ROWID, as before) is made again
and its rows copied.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_CONSTRAINT = "minhash_bands_article_id_fkey"


def _rebuild_sqlite(foreign_key: bool) -> None:
    reference = ", FOREIGN KEY(article_id) REFERENCES articles (id)" if foreign_key else ""
    op.execute(
        "CREATE TABLE minhash_bands_new (band_key BIGINT NOT NULL, article_id INTEGER NOT NULL, "
        f"PRIMARY KEY (band_key, article_id){reference}) WITHOUT ROWID"
    )
    op.execute("INSERT INTO minhash_bands_new SELECT band_key, article_id FROM minhash_bands")
    op.execute("DROP TABLE minhash_bands")
    op.execute("ALTER TABLE minhash_bands_new RENAME TO minhash_bands")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(foreign_key=False)
    else:
        op.drop_constraint(_CONSTRAINT, "minhash_bands", type_="foreignkey")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(foreign_key=True)
    else:
        op.create_foreign_key(_CONSTRAINT, "minhash_bands", "articles", ["article_id"], ["id"])
