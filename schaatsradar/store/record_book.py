"""Reading and writing the record book: the marks of each record (current, superseded,
disputed, withdrawn), the news claims nothing backs yet, and their sources. Decisions (what
a new time does to the book, which claim stands) are made in `schaatsradar.knowledge`; this
module only finds, inserts and updates rows. Split from `store.knowledge`, whose memo
(`memoized`) it shares: within one, a book's marks are read whole and kept in step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)

from schaatsradar.store import write_behind
from schaatsradar.store.id_lists import listed
from schaatsradar.store.memo import MEMO as _MEMO
from schaatsradar.store.memo import forget as _forget
from schaatsradar.store.memo import remembered as _remembered
from schaatsradar.store.models import Record, RecordSource
from schaatsradar.store.together import Read


@dataclass(frozen=True)
class RecordRow:
    id: int
    kind: str
    scope: str
    distance: str
    gender: str
    seconds: float | None
    skater_id: int | None
    holder: str | None
    holder_country: str | None
    set_on: dt.date | None
    venue: str | None
    status: str
    superseded_by: int | None
    disputes: int | None
    origin: str
    result_id: int | None = None  # the result that made or backs the mark


def _record(row: Any) -> RecordRow:
    return RecordRow(
        row.id,
        row.kind,
        row.scope,
        row.distance,
        row.gender,
        row.seconds,
        row.skater_id,
        row.holder,
        row.holder_country,
        row.set_on,
        row.venue,
        row.status,
        row.superseded_by,
        row.disputes,
        row.origin,
        row.result_id,
    )


# A record from the news that nothing backs yet: kept with its sources, listed apart
# (`records --claims`), never shown as a record.
CLAIM = "claim"
SHOWN_RECORD_STATUSES = ("current", "disputed")

_RECORD_MARKS = (
    select(Record)
    .where(
        Record.kind == bindparam("kind"),
        Record.scope == bindparam("scope"),
        Record.distance == bindparam("distance"),
        Record.gender == bindparam("gender"),
    )
    .order_by((Record.status == "current").desc(), Record.seconds, Record.id)
)


_RECORD_BOOK = (
    select(Record)
    .where(Record.kind == bindparam("kind"), Record.scope == bindparam("scope"))
    .order_by((Record.status == "current").desc(), Record.seconds, Record.id)
)


def record_marks(
    conn: Connection, kind: str, scope: str, distance: str, gender: str
) -> list[RecordRow]:
    """Every mark of one record (current, superseded, disputed), the current first."""
    key = (kind, scope, distance, gender)
    memo = conn.info.get(_MEMO)
    if memo is not None and key not in memo["record_marks"]:
        # Within `memoized` a book's marks are read whole (every distance and gender of the
        # world's, a rink's, a country's records): a result asks of four books, each a query.
        known = memo["record_marks"]
        if ("book", kind, scope) not in known:
            known[("book", kind, scope)] = True
            for row in conn.execute(_RECORD_BOOK, {"kind": kind, "scope": scope}):
                mark = _record(row)
                known.setdefault((kind, scope, mark.distance, mark.gender), []).append(mark)
        known.setdefault(key, [])
    return list(
        _remembered(
            conn, "record_marks", key, lambda: _record_marks(conn, kind, scope, distance, gender)
        )
    )


def _record_marks(
    conn: Connection, kind: str, scope: str, distance: str, gender: str
) -> list[RecordRow]:
    rows = conn.execute(
        _RECORD_MARKS, {"kind": kind, "scope": scope, "distance": distance, "gender": gender}
    )
    return [_record(r) for r in rows]


def _records_changed(conn: Connection) -> None:
    _forget(conn, "record_marks")
    _forget(conn, "records_made_by")


def add_record(conn: Connection, **values: Any) -> int:
    _records_changed(conn)
    key = conn.execute(insert(Record).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def supersede(conn: Connection, old: int, new: int) -> None:
    _records_changed(conn)
    conn.execute(
        update(Record).where(Record.id == old).values(status="superseded", superseded_by=new)
    )


_RECORDS_MADE_BY = select(Record).where(
    Record.result_id == bindparam("result_id"),
    or_(Record.status == "current", (Record.origin == "article") & (Record.status != CLAIM)),
)


_RECORDS_MADE_BY_RESULTS = listed(
    lambda made_by: (
        select(Record)
        .where(
            made_by,
            or_(
                Record.status == "current", (Record.origin == "article") & (Record.status != CLAIM)
            ),
        )
        .order_by(Record.id)
    ),
    Record.result_id,
    "result_ids",
)
_RESULTS_AT_ONCE = 500
# The results `_RECORDS_MADE_BY` finds anything for: few (a record is rare), read once.
_RESULTS_WITH_RECORDS = (
    select(Record.result_id)
    .where(
        Record.result_id.is_not(None),
        or_(Record.status == "current", (Record.origin == "article") & (Record.status != CLAIM)),
    )
    .distinct()
)
# Kept among the answers of "records_made_by" (a key no result id is), so every write that
# makes those stale (`_records_changed`, a skater merge) drops it with them.
_WITH_RECORDS = "results with records"


def records_made_by(conn: Connection, result_id: int) -> list[RecordRow]:
    """Records a result made (by being faster than the record it found) that stand, and the
    news records it backs, whatever their standing. Within `memoized` the results that have
    any are read first (one query, again after a record changes): nearly every result asked
    about has none, and each was a query (or a share of one) before, a thousand per 5,000
    articles; the records of those that have some are asked for together."""
    memo = conn.info.get(_MEMO)
    if memo is not None and result_id not in memo["records_made_by"]:
        known = memo["records_made_by"]
        if _WITH_RECORDS not in known:
            known[_WITH_RECORDS] = frozenset(conn.scalars(_RESULTS_WITH_RECORDS))
        with_records: frozenset[int] = known[_WITH_RECORDS]
        if result_id not in with_records:
            return []
        others = (r for r in with_records if r not in known and r != result_id)
        wanted = [result_id, *islice(others, _RESULTS_AT_ONCE - 1)]
        for made_by in wanted:
            known[made_by] = []
        for row in conn.execute(_RECORDS_MADE_BY_RESULTS.on(conn), {"result_ids": wanted}):
            known[row.result_id].append(_record(row))
    return list(
        _remembered(conn, "records_made_by", result_id, lambda: _records_made_by(conn, result_id))
    )


def _records_made_by(conn: Connection, result_id: int) -> list[RecordRow]:
    rows = conn.execute(_RECORDS_MADE_BY, {"result_id": result_id})
    return [_record(r) for r in rows]


def withdraw(conn: Connection, record_id: int) -> None:
    """A record made from a time the sources no longer agree on: kept, no longer current,
    and the mark it had superseded is the record again."""
    _records_changed(conn)
    conn.execute(update(Record).where(Record.id == record_id).values(status="withdrawn"))
    conn.execute(
        update(Record)
        .where(Record.superseded_by == record_id)
        .values(status="current", superseded_by=None)
    )


def unback(conn: Connection, record_id: int) -> None:
    """A news record whose result no longer backs it (the sources now settle on another
    time): a claim again, as it was before the result backed it, and the mark it had
    superseded is the record again."""
    _records_changed(conn)
    conn.execute(
        update(Record)
        .where(Record.id == record_id)
        .values(status=CLAIM, superseded_by=None, disputes=None, set_on=None, result_id=None)
    )
    conn.execute(
        update(Record)
        .where(Record.superseded_by == record_id)
        .values(status="current", superseded_by=None)
    )


def restate(conn: Connection, record_id: int, **values: Any) -> None:
    """A stored mark's new standing (a news claim promoted, a claim shown to be history):
    `status`, `superseded_by`, `disputes`, and what a backing result tells (`set_on`,
    `venue`, `result_id`)."""
    _records_changed(conn)
    conn.execute(update(Record).where(Record.id == record_id).values(**values))


def dispute(conn: Connection, record_id: int, by: int) -> None:
    """A mark held as the record that a better-placed source contradicts."""
    _records_changed(conn)
    conn.execute(
        update(Record).where(Record.id == record_id).values(status="disputed", disputes=by)
    )


def add_record_source(
    conn: Connection,
    record_id: int,
    source_key: str,
    *,
    article_id: int | None = None,
    url: str | None = None,
    evidence: tuple[int, int, str] | None = None,
) -> None:
    """`evidence`: (start, end, text) of the words in the article that said it."""
    exists = conn.execute(
        select(RecordSource.id).where(
            RecordSource.record_id == record_id, RecordSource.source_key == source_key
        )
    ).scalar()
    if exists is None:
        conn.execute(
            insert(RecordSource).values(
                record_id=record_id,
                source_key=source_key,
                article_id=article_id,
                url=url,
                evidence_start=evidence[0] if evidence else None,
                evidence_end=evidence[1] if evidence else None,
                evidence_text=evidence[2] if evidence else None,
            )
        )


def records(
    conn: Connection,
    *,
    kind: str | None = None,
    venue: str | None = None,
    distance: str | None = None,
    gender: str | None = None,
    skater_id: int | None = None,
    history: bool = False,
    status: str | None = None,
) -> list[RecordRow]:
    """Current records and disputed marks; with `history` every mark but the news claims
    nothing backs; with `status` only the marks of that standing (`claim`: those claims)."""
    query = select(Record).where(
        *record_filters(
            kind=kind,
            venue=venue,
            distance=distance,
            gender=gender,
            skater_id=skater_id,
            history=history,
            status=status,
        )
    )
    query = query.order_by(
        Record.kind, Record.scope, Record.gender, Record.distance, Record.set_on.desc(), Record.id
    )
    return _records(conn.execute(query).all())


def record_filters(
    *,
    kind: str | None,
    venue: str | None,
    distance: str | None,
    gender: str | None,
    history: bool,
    status: str | None,
    skater_id: int | None = None,
    venue_any_case: bool = False,
) -> list[ColumnElement[bool]]:
    """The conditions of a record list, shared by the book's own reads (`records`) and the
    API's (`api_reads.records`) so the two never disagree on which marks a filter or a
    standing shows: no `status` and no `history` means the shown marks (current and
    disputed), `history` every mark but the news claims nothing backs, `status` just that
    standing. `venue` names a scope or the venue a mark was set at; `venue_any_case`
    matches it whatever the case (a visitor's query string)."""
    where: list[ColumnElement[bool]] = []
    if kind is not None:
        where.append(Record.kind == kind)
    if venue is not None:
        if venue_any_case:
            wanted = venue.casefold()
            where.append(
                or_(func.lower(Record.scope) == wanted, func.lower(Record.venue) == wanted)
            )
        else:
            where.append(or_(Record.scope == venue, Record.venue == venue))
    if distance is not None:
        where.append(Record.distance == distance)
    if gender is not None:
        where.append(Record.gender == gender)
    if skater_id is not None:
        where.append(Record.skater_id == skater_id)
    if status is not None:
        where.append(Record.status == status)
    elif history:
        where.append(Record.status != CLAIM)
    else:
        where.append(Record.status.in_(SHOWN_RECORD_STATUSES))
    return where


def _records(rows: Sequence[Any]) -> list[RecordRow]:
    return [_record(r) for r in rows]


# `records(conn, skater_id=...)` built once: the statuses as plain parameters, not a list
# expanded at execution (so it can be sent in a pipeline, `together`).
_SKATER_RECORDS = (
    select(Record)
    .where(
        Record.skater_id == bindparam("skater_id"),
        Record.status.in_([literal(status) for status in SHOWN_RECORD_STATUSES]),
    )
    .order_by(
        Record.kind, Record.scope, Record.gender, Record.distance, Record.set_on.desc(), Record.id
    )
)


def skater_records(skater_id: int) -> Read[list[RecordRow]]:
    """`records(conn, skater_id=skater_id)` as a read to send with others (`together`)."""
    return Read(_SKATER_RECORDS, _records, {"skater_id": skater_id})


def record_sources(conn: Connection, record_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(RecordSource).where(RecordSource.record_id == record_id).order_by(RecordSource.id)
    )
    return [dict(r._mapping) for r in rows]


# Statements that leave results and claims alone: they run without the writes reconciliation
# holds back (`store.write_behind`) sent first.
write_behind.safe(
    _RECORD_MARKS,
    _RECORD_BOOK,
    _RECORDS_MADE_BY,
    *_RECORDS_MADE_BY_RESULTS.both,
    _RESULTS_WITH_RECORDS,
)
