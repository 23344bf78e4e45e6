"""Planner statistics renewed for a table a reconcile grew (`store.table_stats`): on
PostgreSQL a table changed by at least half its rows (and a thousand) since it was last
analyzed is analyzed, once; SQLite has nothing to renew. Real databases, no mocks."""

from __future__ import annotations

from sqlalchemy import text

from schaatsradar.store import Store, bulk, table_stats
from schaatsradar.store.models import Skater

_COLUMNS = ("slug", "name", "country", "gender", "known", "source")


def _add_skaters(store: Store, count: int) -> None:
    with store.write() as conn:
        rows = [(f"schaatser-{n}", f"Schaatser {n}", "NED", "men", False, "") for n in range(count)]
        bulk.copy_rows(conn, Skater, _COLUMNS, rows)
        if conn.dialect.name == "postgresql":  # the counts reach the statistics on commit
            conn.execute(text("SELECT pg_stat_force_next_flush()"))


def test_a_table_that_grew_is_analyzed_once(store: Store) -> None:
    _add_skaters(store, 1500)
    with store.write() as conn:
        analyzed = table_stats.refresh(conn)
    if store.engine.dialect.name != "postgresql":
        assert analyzed == []
        return
    assert "skaters" in analyzed
    with store.write() as conn:
        assert "skaters" not in table_stats.refresh(conn)  # now up to date


def test_a_few_new_rows_leave_the_statistics_as_they_are(store: Store) -> None:
    _add_skaters(store, 50)
    with store.write() as conn:
        assert "skaters" not in table_stats.refresh(conn)
