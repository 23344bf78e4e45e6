"""The only package that speaks SQL. Callers open a `Store`, then use the query modules
(`articles`, `reading`, `sources`) inside `store.read()` / `store.write()` transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.engine import make_url

from schaatsradar.store import migrate
from schaatsradar.store.engine import WRITE_OPTION, make_engine


class Store:
    """One database, SQLite or PostgreSQL, behind the same calls."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)

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
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        connection = self.engine.connect().execution_options(**{WRITE_OPTION: True})
        with connection as conn, conn.begin():
            yield conn

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["Store"]
