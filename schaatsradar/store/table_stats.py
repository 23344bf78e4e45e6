"""PostgreSQL's planner statistics brought up to date for the tables a reconcile grows.

Why: a reconcile batch reads the claims, results and races of the races it touches by lists
of ids. Planned against statistics from when those tables were small or empty (never
analyzed: autovacuum off, as on a bulk-load server, or behind a fast-growing run), the
planner guesses that such a list matches a share of the table and scans all of it: 5,000
articles made 1,030 sequential scans of `result_claims` (11M rows read) for 18,000 claims
actually wanted. Statistics of a table that has at least doubled since it was last analyzed
are renewed before the batch plans its statements: a few ANALYZEs over a whole run (one per
doubling, each a sample of at most 30,000 rows), after which an id list is an index lookup.
Autovacuum does the same when it runs; this only keeps a reconcile from waiting for it.
(SQLite plans without such statistics: nothing to do there.)
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, text

# The tables reconciliation grows (or replaces rows of) and reads by id lists.
GROWN = (
    "article_subjects",
    "competitions",
    "races",
    "records",
    "result_claims",
    "results",
    "skater_aliases",
    "skaters",
)
_FEWEST = 1000  # rows changed before a table's statistics count as old

_STALE = text(
    "SELECT relname FROM pg_stat_user_tables"
    " WHERE schemaname = current_schema() AND relname IN :tables"
    " AND n_mod_since_analyze >= :fewest"
    " AND n_mod_since_analyze >= n_live_tup / 2"
    " ORDER BY relname"
).bindparams(bindparam("tables", expanding=True))


def refresh(conn: Connection, tables: tuple[str, ...] = GROWN) -> list[str]:
    """ANALYZE those of `tables` changed by at least half their rows since their statistics
    were made (PostgreSQL only); the tables analyzed. ANALYZE runs inside the caller's
    transaction and blocks no reader or writer."""
    if conn.dialect.name != "postgresql":
        return []
    stale = list(conn.scalars(_STALE, {"tables": list(tables), "fewest": _FEWEST}))
    for table in stale:
        conn.exec_driver_sql(f'ANALYZE "{table}"')
    return stale
