"""The migrations build exactly the tables the models describe: a model changed without a
migration would otherwise only show up as a failing query in production."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from schaatsradar.store import Store
from schaatsradar.store.models import Base


def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The full-text index is not a model: FTS5 tables on SQLite, a tsvector on PostgreSQL.
    real = [d for d in differences if "fts" not in str(d) and "search" not in str(d)]
    assert real == []
