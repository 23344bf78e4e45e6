"""A reconcile transaction has PostgreSQL plan each statement for the tables as they are
(`dialect.plan_for_growing_tables`): for that transaction only, so the site's reads keep
their reused plans. On SQLite there is nothing to steer and the call does nothing. Real
SQLite or PostgreSQL (SCHAATSRADAR_TEST_DATABASE_URL), no mocks."""

from __future__ import annotations

from sqlalchemy import Connection

from schaatsradar.store import Store, dialect


def _plan_mode(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SHOW plan_cache_mode").scalar())


def test_custom_plans_hold_for_the_transaction_only(store: Store) -> None:
    with store.write() as conn:
        dialect.plan_for_growing_tables(conn)
        if dialect.is_sqlite(conn):
            return  # no plan cache to steer; the call is harmless
        assert _plan_mode(conn) == "force_custom_plan"
    with store.read() as conn:
        assert _plan_mode(conn) == "auto"
