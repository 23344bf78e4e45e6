"""The only package that speaks SQL. Callers open a `Store`, then use the query modules
(`articles`, `reading`, `sources`) inside `store.read()` / `store.write()` transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.engine import make_url

from schaatsradar.store import data_version, migrate
from schaatsradar.store.engine import WRITE_OPTION, make_engine


class Store:
    """One database, SQLite or PostgreSQL, behind the same calls."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._version = data_version.VersionReader(self.engine)

    @property
    def backend(self) -> str:
        return make_url(self.url).get_backend_name()

    def upgrade(self) -> None:
        migrate.upgrade(self.engine)

    def is_current(self) -> bool:
        return migrate.current_revision(self.engine) == migrate.head_revision()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self, changes_content: bool = True) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any exception.

        Unless the caller says the write changes nothing readers see (delivery bookkeeping,
        a user's own settings), the data version is raised just before the commit: copies of
        pages made before it are then stale. Raising it last keeps PostgreSQL's row lock on
        the counter for the commit only."""
        connection = self.engine.connect().execution_options(**{WRITE_OPTION: True})
        with connection as conn, conn.begin():
            yield conn
            if changes_content:
                data_version.bump(conn)

    @contextmanager
    def trial(self) -> Iterator[Connection]:
        """A write transaction that is always rolled back: to ask what an operation would do
        now (`schaatsradar reconcile --why`) without changing anything."""
        connection = self.engine.connect().execution_options(**{WRITE_OPTION: True})
        with connection as conn:
            transaction = conn.begin()
            try:
                yield conn
            finally:
                transaction.rollback()

    def data_version(self) -> int:
        """The number every content-changing commit raises (see `store.data_version`)."""
        return self._version()

    def close(self) -> None:
        self._version.close()
        self.engine.dispose()


__all__ = ["Store"]
