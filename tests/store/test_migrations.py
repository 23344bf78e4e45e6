from sqlalchemy import inspect

from schaatsradar.store import Store, migrate


def test_upgrade_creates_the_schema_and_is_idempotent(database_url):
    store = Store(database_url)
    assert migrate.current_revision(store.engine) is None
    store.upgrade()
    store.upgrade()
    assert store.is_current()
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "sources", "article_aliases", "minhash_bands"} <= tables
    store.close()


def test_sqlite_runs_in_wal_mode(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    store.upgrade()
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()
