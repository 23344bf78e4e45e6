"""Several independent reads sent at once: on PostgreSQL in one round trip (psycopg's
pipeline mode), on SQLite one after the other (a file in the process: no round trip to save).

A skater's page asks four things (results, records, news, the calendar). Sent one by one, each
waits for the server and, on a busy machine, for the process to be scheduled again; the p95
of the page was mostly those waits. In a pipeline the server answers all four while the first
answer is being turned into views.

SQLAlchemy cannot run a statement inside a pipeline (it reads the cursor's description right
after `execute`, which a pipeline only fills at the first fetch), so on PostgreSQL the
statements are compiled by SQLAlchemy once and run on the driver's cursors. That is only done
for statements SQLAlchemy does not rewrite at execution (checked when first compiled; any
other statement runs through SQLAlchemy as usual), and SQLAlchemy's result processors are
applied to the rows as it would apply them, so the rows are the same either way."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Executable

T = TypeVar("T")


@dataclass(frozen=True)
class Read(Generic[T]):
    """A statement built once (module level: compiled once), its parameters, and what turns
    its rows into the caller's values."""

    statement: Executable
    convert: Callable[[Sequence[Any]], T]
    params: dict[str, Any] = field(default_factory=dict)
    # `convert` reads the rows' values by position only: on PostgreSQL the driver's tuples are
    # handed over as they are when no value needs converting (no named row built per row).
    positional: bool = False


def one(conn: Connection, read: Read[T]) -> T:
    """`read` on its own, through SQLAlchemy."""
    return read.convert(conn.execute(read.statement, read.params).all())


def together(conn: Connection, *reads: Read[Any]) -> list[Any]:
    """The values of `reads`, in order: on PostgreSQL sent in one pipeline."""
    compiled = _pipelined(conn, reads)
    if compiled is None:
        return [one(conn, read) for read in reads]
    driver: Any = conn.connection.driver_connection
    cursors = []
    with driver.pipeline():
        for read, found in zip(reads, compiled, strict=True):
            cursor = driver.cursor()
            cursor.execute(found.string, _driver_params(found, read.params))
            cursors.append(cursor)
        rows = [
            _rows(conn, cursor, found, read.positional)
            for read, cursor, found in zip(reads, cursors, compiled, strict=True)
        ]
    for cursor in cursors:
        cursor.close()
    return [read.convert(found) for read, found in zip(reads, rows, strict=True)]


def _driver_params(compiled: Any, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters as SQLAlchemy hands them to the driver: its bind processors (an id
    list's array type has one) applied to the values given."""
    values = dict(compiled.construct_params(params))
    for name, process in compiled._bind_processors.items():
        if name in values:
            values[name] = process(values[name])
    return values


def _pipelined(conn: Connection, reads: Sequence[Read[Any]]) -> list[Any] | None:
    """Each read's statement compiled for the driver, or None when the reads go one after
    the other: not on PostgreSQL, a single read (no round trip to save), or a statement
    that has to run through SQLAlchemy (`_compiled`)."""
    if conn.dialect.name != "postgresql" or len(reads) < 2:
        return None
    compiled = [_compiled(conn, read.statement) for read in reads]
    return None if any(c is None for c in compiled) else compiled


def _rows(conn: Connection, cursor: Any, compiled: Any, positional: bool = False) -> list[Any]:
    """The rows as SQLAlchemy would give them: its result processors (chosen, as it does,
    by the column's type and the type the server sent) applied, fields named (unless the
    reader takes values by `positional` only and nothing needs converting: then the
    driver's tuples as they are)."""
    raw = cursor.fetchall()
    description = cursor.description
    processors = [
        column.type._cached_result_processor(conn.dialect, sent.type_code)
        for column, sent in zip(compiled._result_columns, description, strict=True)
    ]
    if not any(processors):
        if positional:
            return list(raw)
        shape = _shape(tuple(sent.name for sent in description))
        return [shape._make(row) for row in raw]
    shape = _shape(tuple(sent.name for sent in description))
    return [
        shape._make(
            value if convert is None else convert(value)
            for convert, value in zip(processors, row, strict=True)
        )
        for row in raw
    ]


@cache
def _shape(names: tuple[str, ...]) -> Any:
    return namedtuple("Row", names, rename=True)  # type: ignore[misc]


_COMPILED: dict[int, tuple[Any, Any]] = {}


def _compiled(conn: Connection, statement: Executable) -> Any:
    """`statement` compiled for the driver (once), or None when SQLAlchemy would have to
    change the statement at execution (lists expanded into it): then it runs through
    SQLAlchemy. Bind processors are applied to the parameters (`_driver_params`)."""
    kept = _COMPILED.get(id(statement))
    if kept is not None and kept[0] is statement:
        return kept[1]
    compiled: Any = statement.compile(dialect=conn.dialect)  # type: ignore[attr-defined]
    plain = not (compiled.post_compile_params or compiled.literal_execute_params)
    _COMPILED[id(statement)] = (statement, compiled if plain else None)
    return compiled if plain else None
