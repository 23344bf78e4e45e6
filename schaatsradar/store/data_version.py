"""A counter that every content-changing write transaction raises before it commits.

Readers that keep rendered answers (the web's response cache) compare one number instead of
asking what changed; it is a table rather than SQLite's `PRAGMA data_version` so that it works
the same on PostgreSQL and across processes (an ingest from the CLI invalidates the server's
copies at its commit)."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from schaatsradar.store.models import DataVersion


def bump(conn: Connection) -> None:
    conn.execute(update(DataVersion).values(version=DataVersion.version + 1))


def current(conn: Connection) -> int:
    return int(conn.execute(select(DataVersion.version)).scalar_one())
