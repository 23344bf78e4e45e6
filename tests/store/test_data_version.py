"""The data version the web's kept answers depend on: raised by every content-changing
commit of any connection, read back at once, not raised by a rolled-back write or by writes
that say they change nothing readers see."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from schaatsradar.store import Store


def test_commits_elsewhere_raise_the_version_readers_see(database_url: str) -> None:
    store = Store(database_url)
    store.upgrade()
    other = Store(database_url)  # another process's ingest, as far as the database can tell
    try:
        first = store.data_version()
        with other.write() as conn:
            conn.execute(text("SELECT 1"))
        assert store.data_version() == first + 1
        with other.write(changes_content=False) as conn:
            conn.execute(text("SELECT 1"))
        assert store.data_version() == first + 1
        with pytest.raises(RuntimeError), other.write() as conn:
            conn.execute(text("SELECT 1"))
            raise RuntimeError("the write fails half-way")
        assert store.data_version() == first + 1
        with store.write() as conn:
            conn.execute(text("SELECT 1"))
        assert other.data_version() == store.data_version() == first + 2
    finally:
        other.close()
        store.close()
