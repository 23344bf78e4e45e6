"""`column IN (ids)` for the long id lists pages pass (a meet's hundreds of results, the
skaters on its podiums), written the way each engine takes it best.

SQLAlchemy sends `IN (:id_1, :id_2, ...)`, one parameter per id. On PostgreSQL that made
every list length a new statement: psycopg parses statements of more than 50 parameters
afresh each time (no cached parse, never prepared) and the server plans each anew; a meet
page spent more time there than in the queries. `= ANY(:ids)` with one array parameter is
one statement text whatever the length. SQLite keeps the expanding `IN`, which it runs from
its own statement cache."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Connection, Integer, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY


def among(conn: Connection, column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """`column` is one of `ids` (integers), as one array parameter on PostgreSQL."""
    wanted = sorted(set(ids))
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, wanted, type_=ARRAY(Integer)))  # type: ignore[no-any-return]
    return column.in_(wanted)  # type: ignore[no-any-return]


T = TypeVar("T")


@dataclass(frozen=True)
class Listed(Generic[T]):
    """A statement built once (at import) with `column IN :name` in both forms: the expanding
    `IN` SQLite takes from its statement cache, and `= ANY(:name)` (one array parameter) on
    PostgreSQL, where a batch's lists of every length would otherwise each be a statement of
    their own, parsed and planned afresh. The parameter is given as a list either way."""

    expanding: T
    array: T

    def on(self, conn: Connection) -> T:
        return self.array if conn.dialect.name == "postgresql" else self.expanding

    @property
    def both(self) -> tuple[T, T]:
        return self.expanding, self.array


def listed(
    build: Callable[[ColumnElement[bool]], T], column: Any, name: str, item: Any = Integer
) -> Listed[T]:
    """`build(column IN :name)`, once per form (`Listed`); `item`: the type of the values."""
    return Listed(
        expanding=build(column.in_(bindparam(name, expanding=True))),
        array=build(column == any_(bindparam(name, type_=ARRAY(item)))),
    )
