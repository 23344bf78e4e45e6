"""Each result keeps the number of its claims (`results.claim_count`), kept by the database.

Every reader of results shows how many sources back each one. It was counted per result row
from `result_claims` (an index probe per row): for a skater with 1,000 results that was
1,000 probes and ~2,000 buffer reads on PostgreSQL, half the profile's results query (issue
15). The count is now a column, read with the row.

Triggers keep it, on both engines: a claim inserted counts for its result, a claim deleted
stops counting, a claim moved to another result (merging skaters or meets) moves its count.
They fire for every writer (reconciliation written behind, official imports, the merges,
a repair done by hand in psql), so the count cannot drift from the claims whichever code
path writes them; a copy made with triggers off (`session_replication_role = replica`)
carries the counts with the rows. Upgrade fills the column from the claims stored.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER result_claims_count_insert AFTER INSERT ON result_claims BEGIN "
    "UPDATE results SET claim_count = claim_count + 1 WHERE id = NEW.result_id; END",
    "CREATE TRIGGER result_claims_count_delete AFTER DELETE ON result_claims BEGIN "
    "UPDATE results SET claim_count = claim_count - 1 WHERE id = OLD.result_id; END",
    "CREATE TRIGGER result_claims_count_move AFTER UPDATE OF result_id ON result_claims "
    "WHEN OLD.result_id IS NOT NEW.result_id BEGIN "
    "UPDATE results SET claim_count = claim_count - 1 WHERE id = OLD.result_id; "
    "UPDATE results SET claim_count = claim_count + 1 WHERE id = NEW.result_id; END",
)
_SQLITE_NAMES = (
    "result_claims_count_insert",
    "result_claims_count_delete",
    "result_claims_count_move",
)

_POSTGRES_FUNCTION = """
CREATE FUNCTION result_claims_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.result_id IS NOT DISTINCT FROM NEW.result_id THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE results SET claim_count = claim_count - 1 WHERE id = OLD.result_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE results SET claim_count = claim_count + 1 WHERE id = NEW.result_id;
    END IF;
    RETURN NULL;
END
$$
"""
_POSTGRES_TRIGGER = (
    "CREATE TRIGGER result_claims_count AFTER INSERT OR DELETE OR UPDATE OF result_id "
    "ON result_claims FOR EACH ROW EXECUTE FUNCTION result_claims_count()"
)
_BACKFILL = (
    "UPDATE results SET claim_count = "
    "(SELECT count(*) FROM result_claims WHERE result_claims.result_id = results.id)"
)


def upgrade() -> None:
    # Added in place on both engines (no batch copy of `results`: its claims point at it).
    op.add_column(
        "results",
        sa.Column("claim_count", sa.Integer, nullable=False, server_default=sa.text("0")),
    )
    op.execute(_BACKFILL)
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)
    else:
        op.execute(_POSTGRES_FUNCTION)
        op.execute(_POSTGRES_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _SQLITE_NAMES:
            op.execute(f"DROP TRIGGER {name}")
    else:
        op.execute("DROP TRIGGER result_claims_count ON result_claims")
        op.execute("DROP FUNCTION result_claims_count()")
    # Dropped in place (SQLite 3.35+): a batch copy of `results` fails its claims' foreign keys.
    op.execute("ALTER TABLE results DROP COLUMN claim_count")
