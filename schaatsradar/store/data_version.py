"""A counter that every content-changing write transaction raises before it commits.

Readers that keep rendered answers (the web's response cache) compare one number instead of
asking what changed; it is a table rather than SQLite's `PRAGMA data_version` so that it works
the same on PostgreSQL and across processes (an ingest from the CLI invalidates the server's
copies at its commit)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, select, update

from schaatsradar.store.models import DataVersion


def bump(conn: Connection) -> None:
    conn.execute(update(DataVersion).values(version=DataVersion.version + 1))


def current(conn: Connection) -> int:
    return int(conn.execute(select(DataVersion.version)).scalar_one())


class VersionReader:
    """Reads the version on a DBAPI connection of its own, in autocommit, outside the pool:
    the response cache asks on every request, and a pooled SQLAlchemy transaction for one
    integer cost ~100 µs against ~4 µs for the bare query (SQLite, measured)."""

    _QUERY = "SELECT version FROM data_version"

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Any = None

    def __call__(self) -> int:
        try:
            return self._read()
        except self._engine.dialect.loaded_dbapi.Error:
            self.close()  # a dropped or broken connection: one fresh try
            return self._read()

    def _read(self) -> int:
        if self._connection is None:
            pooled = self._engine.raw_connection()
            pooled.detach()
            connection: Any = pooled.dbapi_connection
            if hasattr(connection, "autocommit"):
                connection.autocommit = True  # psycopg: no transaction left open between reads
            self._connection = connection
        cursor = self._connection.cursor()
        try:
            cursor.execute(self._QUERY)
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
