"""Results and claims written behind, within one reconciliation transaction (`memoized`).

Why: reconciling sent three statements per fact that only wrote (a result inserted as a
candidate, its claim inserted, the result updated once settled), each a round trip to
PostgreSQL; over half of reconciling's time there was waiting on the server. Inside
`memoized` these writes are kept here instead, with the rows' ids taken ahead (a
sequence's next values on PostgreSQL; on SQLite, under its write lock, the next ids after
the largest, as SQLite itself would give them), and sent in a few multi-row statements:
before any statement that is not known to leave results and claims alone, and when the
block ends. A result made and settled in one batch is inserted once, as settled. What each
article is about (`article_subjects`, replaced per article) is sent the same way.

Nothing reads a stale row: every statement runs after the writes before it were sent,
unless it is one `SAFE` lists (statements that neither read nor write `results` and
`result_claims`). Outside `memoized` every write goes straight to the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, event, text, update

from schaatsradar.store import bulk
from schaatsradar.store.models import (
    ArticleSubject,
    Base,
    Race,
    RaceResult,
    ResultClaim,
    Skater,
    SkaterAlias,
)

BUFFER = "schaatsradar.knowledge.write_behind"
# Statements (built once, compared by identity) known to touch only the tables given of
# those written behind: they run without the pending writes being sent first unless one of
# those tables has some. Any other statement sends them all first.
SAFE: dict[int, frozenset[str]] = {}
_ID_CHUNK = 256

# In the order they are sent (each row's references come before it); article subjects last.
_MODELS: dict[str, type[Base]] = {
    "skaters": Skater,
    "skater_aliases": SkaterAlias,
    "races": Race,
    "results": RaceResult,
    "result_claims": ResultClaim,
}
_INSERTED = tuple(_MODELS)
_MODELS["article_subjects"] = ArticleSubject
_WITHOUT_ID = frozenset({"skater_aliases"})  # keyed by the alias itself
_UPDATE_RESULTS = update(RaceResult).where(RaceResult.id == bindparam("result_key"))
_UPDATE_CLAIMS = update(ResultClaim).where(ResultClaim.id == bindparam("claim_key"))
_FORGET_SUBJECTS = delete(ArticleSubject).where(
    ArticleSubject.article_id.in_(bindparam("articles", expanding=True))
)


def safe(*statements: Any, touching: tuple[str, ...] = ()) -> None:
    """Mark statements as touching none of the tables written behind but `touching`."""
    SAFE.update((id(s), frozenset(touching)) for s in statements)


@dataclass
class Buffer:
    """The writes not sent yet, in the order they must be sent."""

    inserts: dict[str, dict[Any, dict[str, Any]]] = field(
        default_factory=lambda: {table: {} for table in _INSERTED}
    )
    result_updates: dict[int, dict[str, Any]] = field(default_factory=dict)
    claim_updates: dict[int, dict[str, Any]] = field(default_factory=dict)
    subjects: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # by article
    races: set[int] = field(default_factory=set)  # races with a result among the writes
    ids: dict[str, list[int]] = field(default_factory=dict)
    next_sqlite_id: dict[str, int] = field(default_factory=dict)
    flushing: bool = False

    def __bool__(self) -> bool:
        return bool(
            any(self.inserts.values()) or self.result_updates or self.claim_updates or self.subjects
        )

    def pending(self, tables: frozenset[str]) -> bool:
        """Whether a write to one of `tables` waits."""
        if "results" in tables and self.result_updates:
            return True
        if "result_claims" in tables and self.claim_updates:
            return True
        if "article_subjects" in tables and self.subjects:
            return True
        return any(self.inserts[t] for t in tables if t in self.inserts)


def _buffer(conn: Connection) -> Buffer | None:
    found: Buffer | None = conn.info.get(BUFFER)
    return found


@contextmanager
def writing_behind(conn: Connection) -> Iterator[None]:
    """Within the block, `insert`, `update_result` and `update_claim` are kept and sent
    together; sent at the block's end, dropped if it raises (the transaction rolls back)."""
    if BUFFER in conn.info:
        yield
        return
    buffer = conn.info[BUFFER] = Buffer()
    event.listen(conn, "before_execute", _before_execute)
    try:
        yield
        flush(conn)
    finally:
        event.remove(conn, "before_execute", _before_execute)
        del conn.info[BUFFER]
        buffer.inserts.clear()


def _before_execute(conn: Connection, statement: Any, *_args: Any) -> None:
    buffer = _buffer(conn)
    if buffer is None or buffer.flushing:
        return
    touching = SAFE.get(id(statement))
    if touching is not None:
        if buffer.pending(touching):
            flush(conn)
        return
    flush(conn)
    # A statement of unknown effect may have inserted or deleted rows: SQLite's next ids
    # are read again.
    buffer.next_sqlite_id.clear()


def flush(conn: Connection) -> None:
    """Send every pending write: new results, new claims, then changed rows."""
    buffer = _buffer(conn)
    if buffer is None or not buffer:
        return
    buffer.flushing = True
    try:
        if buffer.inserts["results"] and conn.dialect.name == "postgresql":
            _count_claims(buffer.inserts["results"], buffer.inserts["result_claims"])
        for table, rows in buffer.inserts.items():
            if rows:
                _write_rows(conn, table, rows.values())
                rows.clear()
        if buffer.result_updates:
            conn.execute(_UPDATE_RESULTS, list(buffer.result_updates.values()))
            buffer.result_updates.clear()
        if buffer.claim_updates:
            for values in buffer.claim_updates.values():  # their columns differ
                conn.execute(_UPDATE_CLAIMS, values)
            buffer.claim_updates.clear()
        if buffer.subjects:
            conn.execute(_FORGET_SUBJECTS, {"articles": sorted(buffer.subjects)})
            subjects = [row for rows in buffer.subjects.values() for row in rows]
            if subjects:
                _write_rows(conn, "article_subjects", subjects)
            buffer.subjects.clear()
        buffer.races.clear()
    finally:
        buffer.flushing = False


def _columns(model: type[Base]) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """A table's columns and what an INSERT leaving one out stores: its default (all of
    these tables' defaults are constants), else NULL. A column only the server fills (a
    server default, kept by triggers like `results.claim_count`) is left out of the rows, so
    the server's default applies as it does to an INSERT without it."""
    table = model.__table__
    assert isinstance(table, Table)
    names, defaults = [], []
    for column in table.columns:
        default = column.default
        if default is None and column.server_default is not None:
            continue
        if default is not None and not default.is_scalar:
            raise TypeError(
                f"{table.name}.{column.name}: only constant defaults are written behind"
            )
        names.append(column.name)
        defaults.append(default.arg if default is not None else None)  # type: ignore[attr-defined]
    return tuple(names), tuple(defaults)


_COLUMNS = {table: _columns(model) for table, model in _MODELS.items()}


def _count_claims(results: dict[Any, dict[str, Any]], claims: dict[Any, dict[str, Any]]) -> None:
    """Each new result's `claim_count` as the claims sent with it make it (PostgreSQL).

    Why: PostgreSQL's trigger sets a result's count to its claims after each statement that
    inserts claims, and writes the row only where it differs (migration 0017): a result
    stored with its count already right is not written a second time. (SQLite's triggers add
    one per claim to what is stored, so there the count is left to them, from 0.)"""
    counts = Counter(row["result_id"] for row in claims.values())
    for result_id, row in results.items():
        row["claim_count"] = counts[result_id]


def _write_rows(conn: Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Rows of one table in one go (`bulk.copy_rows`: COPY on PostgreSQL, executemany of
    plain tuples on SQLite). Why not `conn.execute(insert(...), rows)`: psycopg sends that as
    one INSERT per row, each parsed, planned and run by the server (a 5,000-article
    reconcile sent 75,000 of them), and SQLAlchemy compiles every row's parameters; as
    multi-row INSERTs psycopg parses a statement of thousands of placeholders in Python
    each time. A row stores what the INSERT stored: a column it leaves out gets its
    default."""
    names, defaults = _COLUMNS[table]
    if table == "results" and conn.dialect.name == "postgresql":
        names, defaults = (*names, "claim_count"), (*defaults, 0)  # (`_count_claims`)
    bulk.copy_rows(
        conn,
        _MODELS[table],
        names,
        (
            [row.get(name, default) for name, default in zip(names, defaults, strict=True)]
            for row in rows
        ),
    )


def pending_meet(conn: Connection, competition_id: int) -> bool:
    """Whether a race of meet `competition_id` waits to be written."""
    buffer = _buffer(conn)
    return buffer is not None and any(
        row["competition_id"] == competition_id for row in buffer.inserts["races"].values()
    )


def pending_race(conn: Connection, race_id: int) -> bool:
    """Whether a write not sent yet is of a result of `race_id`."""
    buffer = _buffer(conn)
    return buffer is not None and race_id in buffer.races


@contextmanager
def unguarded(conn: Connection) -> Iterator[None]:
    """Statements in the block run without the pending writes sent first (the caller knows
    they do not touch them)."""
    buffer = _buffer(conn)
    if buffer is None or buffer.flushing:
        yield
        return
    buffer.flushing = True
    try:
        yield
    finally:
        buffer.flushing = False


def insert_row(conn: Connection, table: str, statement: Any, values: dict[str, Any]) -> int:
    """Insert a result or claim (written behind, with its id taken now); its id."""
    buffer = _buffer(conn)
    if buffer is None:
        key = conn.execute(statement, values).inserted_primary_key
        assert key is not None
        return int(key[0])
    row_id = _next_id(conn, buffer, table)
    buffer.inserts[table][row_id] = {**values, "id": row_id}
    if table == "results":
        buffer.races.add(values["race_id"])
    return row_id


def insert_keyed(conn: Connection, table: str, rows: list[dict[str, Any]]) -> bool:
    """Insert rows keyed by a column of their own (aliases), written behind; False when not
    writing behind (the caller inserts them)."""
    buffer = _buffer(conn)
    if buffer is None:
        return False
    for row in rows:
        buffer.inserts[table][tuple(row.values())] = row
    return True


def update_race(conn: Connection, race_id: int, values: dict[str, Any]) -> bool:
    """A race not sent yet changed: the row to insert changes; False if it was sent."""
    buffer = _buffer(conn)
    pending = buffer.inserts["races"].get(race_id) if buffer is not None else None
    if pending is None:
        return False
    pending.update(values)
    return True


def update_result(
    conn: Connection, result_id: int, race_id: int | None, state: dict[str, Any]
) -> bool:
    """A result's settled state (seconds, rank, disputed, official, held), written behind;
    False when not writing behind (the caller writes it)."""
    buffer = _buffer(conn)
    if buffer is None:
        return False
    _changed(buffer.inserts["results"], buffer.result_updates, result_id, "result_key", state)
    if race_id is not None:
        buffer.races.add(race_id)
    else:
        flush(conn)  # a result of a race not known here: written now, nothing to guess
    return True


def update_claim(conn: Connection, claim_id: int, values: dict[str, Any]) -> bool:
    """Changed columns of a claim, written behind; False when not writing behind."""
    buffer = _buffer(conn)
    if buffer is None:
        return False
    _changed(buffer.inserts["result_claims"], buffer.claim_updates, claim_id, "claim_key", values)
    return True


def _changed(
    inserts: dict[Any, dict[str, Any]],
    updates: dict[int, dict[str, Any]],
    row_id: int,
    key: str,
    values: dict[str, Any],
) -> None:
    """A row's new values: into its insert when that is not sent yet, else into its update
    (keyed by `key`, the bound name the update statement finds the row by)."""
    pending = inserts.get(row_id)
    if pending is not None:
        pending.update(values)
    else:
        updates.setdefault(row_id, {key: row_id}).update(values)


def replace_subjects(conn: Connection, article_id: int, rows: list[dict[str, Any]]) -> bool:
    """What an article is about, replacing what it was (`events.save_subjects`), written
    behind; False when not writing behind."""
    buffer = _buffer(conn)
    if buffer is None:
        return False
    buffer.subjects[article_id] = rows
    return True


def _next_id(conn: Connection, buffer: Buffer, table: str) -> int:
    if conn.dialect.name == "sqlite":
        # Under SQLite's write lock nobody else inserts: the ids SQLite would give, in turn.
        if table not in buffer.next_sqlite_id:
            with unguarded(conn):
                top = conn.execute(text(f"SELECT max(id) FROM {table}")).scalar()
            buffer.next_sqlite_id[table] = int(top or 0) + 1
        row_id = buffer.next_sqlite_id[table]
        buffer.next_sqlite_id[table] = row_id + 1
        return row_id
    ids = buffer.ids.setdefault(table, [])
    if not ids:
        with unguarded(conn):
            rows = conn.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                    "FROM generate_series(1, :n)"
                ),
                {"table": table, "n": _ID_CHUNK},
            )
            ids.extend(sorted(int(r[0]) for r in rows))
    return ids.pop(0)
