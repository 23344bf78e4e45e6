"""PostgreSQL counts a result's claims once per statement, not once per claim (issue 15).

Why: migration 0016's trigger ran a PL/pgSQL `UPDATE results ... + 1` for every claim
inserted. Reconciling writes its claims by COPY in batches (`store.write_behind`), so that
was a function call, a query and a new version of the result row per claim: the largest
single cost on the server (`EXPLAIN (ANALYZE)` of 18,018 claims inserted into the 5,000-article
bench database: the trigger 1,070 ms of 1,378 ms; a statement-level `+ n` still 804 ms, as
every result just written was written again with index entries for its new version).

Now, on PostgreSQL, a statement that inserts or deletes claims sets the count of each result
it touched to the number of claims that result holds, and writes the row only where that
differs. The writer that inserts a result together with its claims (reconciliation, written
behind) stores the count they make with the result, so no result row is written twice: the
same insert measured 225 ms, with no update. Moving a claim to another result (merges,
rare) keeps 0016's per-row trigger. A count is so always the count of claims after every
statement, whatever wrote them. SQLite keeps 0016's triggers (in-process, cheap there).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The results a statement touched, each set to the count of its claims where that differs.
# `id = ANY(ARRAY(...))`: the results are found by primary key whatever the size of the
# statement (a join let the planner scan every result for a COPY of a few hundred claims).
_RECOUNT = """
CREATE FUNCTION result_claims_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE results r
    SET claim_count = (SELECT count(*) FROM result_claims c WHERE c.result_id = r.id)
    WHERE r.id = ANY (ARRAY(SELECT DISTINCT t.result_id FROM touched t))
      AND r.claim_count <> (SELECT count(*) FROM result_claims c WHERE c.result_id = r.id);
    RETURN NULL;
END
$$
"""
_TRIGGERS = (
    "CREATE TRIGGER result_claims_count_insert AFTER INSERT ON result_claims "
    "REFERENCING NEW TABLE AS touched FOR EACH STATEMENT "
    "EXECUTE FUNCTION result_claims_recount()",
    "CREATE TRIGGER result_claims_count_delete AFTER DELETE ON result_claims "
    "REFERENCING OLD TABLE AS touched FOR EACH STATEMENT "
    "EXECUTE FUNCTION result_claims_recount()",
    # A claim moved to another result: 0016's function, per row, only for such an update.
    "CREATE TRIGGER result_claims_count AFTER UPDATE OF result_id ON result_claims "
    "FOR EACH ROW WHEN (OLD.result_id IS DISTINCT FROM NEW.result_id) "
    "EXECUTE FUNCTION result_claims_count()",
)
_BEFORE = (
    "CREATE TRIGGER result_claims_count AFTER INSERT OR DELETE OR UPDATE OF result_id "
    "ON result_claims FOR EACH ROW EXECUTE FUNCTION result_claims_count()"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP TRIGGER result_claims_count ON result_claims")
    op.execute(_RECOUNT)
    for statement in _TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for name in ("result_claims_count_insert", "result_claims_count_delete", "result_claims_count"):
        op.execute(f"DROP TRIGGER {name} ON result_claims")
    op.execute("DROP FUNCTION result_claims_recount()")
    op.execute(_BEFORE)
