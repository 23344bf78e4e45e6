"""Events, what articles are about, and the fan-out of an event to its followers' channels.

The fan-out is one INSERT … SELECT: every channel of every reader following one of the
event's subjects gets a pending delivery, in the transaction that recorded the fact. The
unique (event, channel) pair and the unique event key make it idempotent: the same result
told again by another outlet is the same event, and nobody is alerted twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from schaatsradar.store import write_behind
from schaatsradar.store.dialect import is_sqlite
from schaatsradar.store.knowledge import SHOWN
from schaatsradar.store.models import (
    Article,
    ArticleSubject,
    Channel,
    Competition,
    Delivery,
    Event,
    Follow,
    Race,
    RaceResult,
    Record,
    Skater,
)

Subject = tuple[str, str]  # (kind, value): ("skater", "12"), ("country", "NED"), ...


_FORGET_SUBJECTS = delete(ArticleSubject).where(ArticleSubject.article_id == bindparam("article"))
_INSERT_SUBJECTS = insert(ArticleSubject)


def save_subjects(conn: Connection, article_id: int, subjects: Mapping[Subject, int]) -> None:
    """Replace what the article is about (a re-reconciled article says it anew). (The
    statements are built once: this runs for every article reconciled.)"""
    rows = [
        {"kind": kind, "value": value, "article_id": article_id, "weight": weight}
        for (kind, value), weight in subjects.items()
    ]
    if write_behind.replace_subjects(conn, article_id, rows):
        return  # sent with a batch's results (`store.write_behind`)
    conn.execute(_FORGET_SUBJECTS, {"article": article_id})
    if rows:
        conn.execute(_INSERT_SUBJECTS, rows)


def record_event(
    conn: Connection,
    kind: str,
    key: str,
    payload: dict[str, Any],
    subjects: Sequence[Subject],
    occurred_at: dt.datetime,
) -> int | None:
    """The event's id if it is new, None if an event with this key was recorded before."""
    values = {
        "kind": kind,
        "key": key,
        "payload": payload,
        "subjects": [list(s) for s in subjects],
        "occurred_at": occurred_at,
    }
    dialect_insert = sqlite.insert if is_sqlite(conn) else postgresql.insert
    statement = (
        dialect_insert(Event).values(**values).on_conflict_do_nothing(index_elements=["key"])
    )
    found = conn.execute(statement.returning(Event.id)).scalar_one_or_none()
    return int(found) if found is not None else None


def fan_out(
    conn: Connection,
    event_id: int,
    event_bit: int,
    subjects: Sequence[Subject],
    now: dt.datetime,
) -> int:
    """A pending delivery to every enabled channel that takes this kind of event, of every
    reader who follows one of `subjects`; how many were queued."""
    if not subjects:
        return 0
    by_kind: dict[str, list[str]] = {}
    for kind, value in subjects:
        by_kind.setdefault(kind, []).append(value)
    matches = or_(
        *(and_(Follow.kind == kind, Follow.value.in_(values)) for kind, values in by_kind.items())
    )
    chosen = (
        select(
            literal(event_id),
            Channel.user_id,
            Channel.id,
            Channel.kind,
            literal("pending"),
            literal(now),
            literal(0),
            literal(now),
        )
        .select_from(Follow)
        .join(Channel, Channel.user_id == Follow.user_id)
        .where(
            matches,
            Channel.enabled.is_(True),
            Channel.confirmed_at.is_not(None),  # an unproved e-mail address gets nothing
            Channel.event_mask.op("&")(event_bit) != 0,
        )
    )
    columns = [
        "event_id",
        "user_id",
        "channel_id",
        "channel_kind",
        "status",
        "due_at",
        "attempts",
        "created_at",
    ]
    # A reader who follows both the skater and her country matches twice: the unique
    # (event, channel) pair keeps one (cheaper than DISTINCT, which sorted 100,000 rows).
    dialect_insert = sqlite.insert if is_sqlite(conn) else postgresql.insert
    statement = (
        dialect_insert(Delivery)
        .from_select(columns, chosen)
        .on_conflict_do_nothing(index_elements=["event_id", "channel_id"])
    )
    # Counted from RETURNING: psycopg reports rowcount -1 for this INSERT … SELECT.
    return len(conn.execute(statement.returning(Delivery.id)).fetchall())


def skaters_by_id(conn: Connection, ids: Iterable[int]) -> dict[int, Any]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(
        select(Skater.id, Skater.slug, Skater.name, Skater.country, Skater.gender).where(
            Skater.id.in_(wanted)
        )
    )
    return {row.id: row for row in rows}


def record_by_id(conn: Connection, record_id: int) -> Any | None:
    return conn.execute(select(Record).where(Record.id == record_id)).first()


def article_published(conn: Connection, article_id: int) -> dt.date | None:
    return conn.execute(
        select(Article.published).where(Article.id == article_id)
    ).scalar_one_or_none()


def competitions_starting(conn: Connection, day: dt.date) -> list[Any]:
    return list(
        conn.execute(
            select(Competition.id, Competition.name, Competition.city, Competition.level)
            .where(Competition.start_date == day)
            .order_by(Competition.id)
        )
    )


def skaters_racing_at(conn: Connection, level: str, since: dt.date) -> list[int]:
    """Skaters with a result at a meet of `level` since `since`: the field a coming meet of
    that level can expect."""
    rows = conn.execute(
        select(RaceResult.skater_id)
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .where(
            Competition.level == level,
            Competition.start_date >= since,
            RaceResult.skater_id.is_not(None),
            SHOWN,
        )
        .distinct()
    )
    return sorted(int(row[0]) for row in rows if row[0] is not None)


write_behind.safe(_FORGET_SUBJECTS, _INSERT_SUBJECTS, touching=("article_subjects",))
