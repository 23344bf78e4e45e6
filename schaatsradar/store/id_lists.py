"""`column IN (ids)` for the long id lists pages pass (a meet's hundreds of results, the
skaters on its podiums), written the way each engine takes it best.

SQLAlchemy sends `IN (:id_1, :id_2, ...)`, one parameter per id. On PostgreSQL that made
every list length a new statement: psycopg parses statements of more than 50 parameters
afresh each time (no cached parse, never prepared) and the server plans each anew; a meet
page spent more time there than in the queries. `= ANY(:ids)` with one array parameter is
one statement text whatever the length. SQLite keeps the expanding `IN`, which it runs from
its own statement cache."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY


def among(conn: Connection, column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """`column` is one of `ids` (integers), as one array parameter on PostgreSQL."""
    wanted = sorted(set(ids))
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, wanted, type_=ARRAY(Integer)))  # type: ignore[no-any-return]
    return column.in_(wanted)  # type: ignore[no-any-return]
