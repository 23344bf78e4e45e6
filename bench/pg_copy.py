"""A bench's SQLite database copied row for row into PostgreSQL, so both engines serve the
same content: the same pages, the same skater, the same meet, figures side by side.

Building the PostgreSQL side the way the SQLite one was built (ingest with extraction, then
reconcile) takes many times longer and need not end with identical rows (ids, clusters);
copying the tables the models declare gives identical rows in minutes. PostgreSQL's own
columns (the generated `search_vector`) fill themselves; sequences are moved past the copied
ids; the statistics are gathered (ANALYZE) as autovacuum would soon after a bulk load."""

from __future__ import annotations

import time
from pathlib import Path

from common import fresh_postgres
from sqlalchemy import Integer, create_engine, insert, select, text

from schaatsradar.store import Store
from schaatsradar.store.models import Base

BATCH = 5_000


def copy_to_postgres(sqlite_path: Path, url: str) -> float:
    """Reset the schema at `url`, migrate it and copy every model table's rows from
    `sqlite_path`. Returns the seconds taken."""
    started = time.perf_counter()
    fresh_postgres(url)
    target = Store(url)
    target.upgrade()
    source = create_engine(f"sqlite:///{sqlite_path}")
    with source.connect() as reading, target.engine.begin() as writing:
        # Rows arrive table by table, and some point at later ones (a superseded record at
        # the mark that replaced it): the foreign-key triggers are off for this session only.
        writing.execute(text("SET session_replication_role = replica"))
        for table in Base.metadata.sorted_tables:
            writing.execute(table.delete())  # migrations seed a few (data_version)
            rows = reading.execute(select(table)).mappings()
            while batch := rows.fetchmany(BATCH):
                writing.execute(insert(table), [dict(row) for row in batch])
            for column in table.primary_key.columns:
                if isinstance(column.type, Integer) and column.autoincrement is not False:
                    writing.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                            f"'{column.name}'), coalesce((SELECT max({column.name}) "
                            f"FROM {table.name}), 0) + 1, false) "
                            f"WHERE pg_get_serial_sequence('{table.name}', '{column.name}') "
                            "IS NOT NULL"
                        )
                    )
        writing.execute(
            text(
                "SELECT setval('article_id_seq', coalesce((SELECT max(id) FROM articles), 0) "
                "+ 1, false)"
            )
        )
    source.dispose()
    with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    target.close()
    return time.perf_counter() - started
