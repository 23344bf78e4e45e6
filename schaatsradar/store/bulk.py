"""Many rows into one table inside the caller's transaction: COPY on PostgreSQL, executemany of
plain tuples on SQLite.

Why: an ingest batch writes ~17 rows per article (the article and its sixteen LSH bands). As
INSERTs through psycopg each row is parsed, bound and executed on the server and costs tens of
microseconds of Python in the driver; `COPY ... FROM STDIN` streams them as one statement. The
rows go over the very connection SQLAlchemy's transaction holds, so a batch stays
all-or-nothing (a SIGKILL mid-batch leaves nothing of it) exactly as with INSERT.
On SQLite, executemany of tuples skips SQLAlchemy's per-row parameter compiling; values pass
through the columns' own bind processors, so what is stored is what `insert(Model)` stores.

Adding a table is one `copy_rows(conn, Model, columns, rows)` call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import psycopg
from sqlalchemy import Connection, Table, exc

from schaatsradar.store.models import Base


def copy_rows(
    conn: Connection, model: type[Base], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert `rows` (tuples in `columns` order) into `model`'s table. A row the database
    refuses raises SQLAlchemy's IntegrityError or DataError, as an INSERT would."""
    table = cast(Table, model.__table__)
    if conn.dialect.name == "sqlite":
        values = _processed(rows, _bind_processors(conn, table, columns))
        if values:
            names, marks = ", ".join(columns), ", ".join("?" * len(columns))
            conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", values)
        return
    copy_into(conn, table.name, columns, rows)


def copy_integer_rows(
    conn: Connection, model: type[Base], columns: Sequence[str], rows: Iterable[Sequence[int]]
) -> None:
    """`copy_rows` for rows of plain integers (no bools, no None). On PostgreSQL they go as
    COPY text made in one piece: `write_row` costs a few microseconds of Python a row, and an
    article has sixteen LSH band rows."""
    if conn.dialect.name == "sqlite":
        copy_rows(conn, model, columns, rows)
        return
    data = "".join(["\t".join(map(str, row)) + "\n" for row in rows])
    _copy(conn, cast(Table, model.__table__).name, columns, lambda copy: copy.write(data))


def copy_into(
    conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """PostgreSQL: COPY `rows` into `table`, values as PostgreSQL reads their text (also for a
    table no model declares, or a column type the models do not know, as `tsvector`)."""

    def write(copy: psycopg.Copy) -> None:
        for row in rows:
            copy.write_row(row)

    _copy(conn, table, columns, write)


def _copy(
    conn: Connection, table: str, columns: Sequence[str], write: Callable[[psycopg.Copy], None]
) -> None:
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            write(copy)
    except psycopg.Error as error:  # as SQLAlchemy wraps the driver's errors of an INSERT
        raise exc.DBAPIError.instance(statement, None, error, psycopg.Error) from error
    finally:
        cursor.close()


Processor = Callable[[Any], Any]


def _bind_processors(
    conn: Connection, table: Table, columns: Sequence[str]
) -> dict[int, Processor]:
    """Per column position, the conversion SQLAlchemy applies before the driver sees a value
    (dates and times as text on SQLite); most columns have none."""
    dialect = conn.dialect
    found = {
        i: table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        for i, name in enumerate(columns)
    }
    return {i: processor for i, processor in found.items() if processor is not None}


def _processed(rows: Iterable[Sequence[Any]], processors: dict[int, Processor]) -> list[Any]:
    if not processors:
        return [tuple(row) for row in rows]
    values = []
    for row in rows:
        value = list(row)
        for i, processor in processors.items():
            if value[i] is not None:
                value[i] = processor(value[i])
        values.append(tuple(value))  # exec_driver_sql takes a list of tuples
    return values
