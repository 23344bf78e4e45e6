"""Polled sources: their conditional-request validators and error back-off state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, or_, select, update

from schaatsradar.store import dialect
from schaatsradar.store.models import Source


@dataclass(frozen=True)
class PolledSource:
    id: int
    key: str
    feed_url: str
    etag: str | None
    last_modified: str | None
    error_count: int
    last_error: str | None
    last_polled_at: dt.datetime | None
    next_poll_at: dt.datetime | None


_COLUMNS = select(*Source.__table__.c)


def _polled(row: Row[Any]) -> PolledSource:
    assert row.feed_url is not None
    return PolledSource(
        id=row.id,
        key=row.key,
        feed_url=row.feed_url,
        etag=row.etag,
        last_modified=row.last_modified,
        error_count=row.error_count,
        last_error=row.last_error,
        last_polled_at=row.last_polled_at,
        next_poll_at=row.next_poll_at,
    )


def add_feed(conn: Connection, key: str, feed_url: str, now: dt.datetime) -> tuple[int, bool]:
    """Register `feed_url` under the publisher `key`; returns (id, created).

    Two adds of the same feed at once (two `sources add`, or one beside an ingest creating the
    publisher) must not die on the unique key on PostgreSQL: an insert or claim that another
    transaction beat is looked at again as that one committed it, so the second add gets the
    source the first made (created False), and nothing is lost."""
    for _ in range(3):  # each retry sees a row another add committed, so two turns suffice
        existing = conn.execute(select(Source.id).where(Source.feed_url == feed_url)).scalar()
        if existing is not None:
            return existing, False
        by_key = conn.execute(_COLUMNS.where(Source.key == key)).first()
        if by_key is not None and by_key.feed_url is None:
            claimed = conn.execute(
                update(Source)
                .where(Source.id == by_key.id, Source.feed_url.is_(None))
                .values(feed_url=feed_url)
            )
            if claimed.rowcount:
                return by_key.id, True
            continue  # another add gave the publisher a feed meanwhile
        row_key = key if by_key is None else feed_url  # a publisher's second feed: by its URL
        new_id = dialect.add_source(conn, {"key": row_key, "feed_url": feed_url, "created_at": now})
        if new_id is not None:
            return new_id, True
    raise RuntimeError(f"could not register {feed_url}: its key keeps changing")


# Official result lists are polled like feeds but read by the knowledge base, not ingest.
OFFICIAL_PREFIX = "official:"


def _kind(official: bool) -> Any:
    prefixed = Source.key.startswith(OFFICIAL_PREFIX)
    return prefixed if official else ~prefixed


def list_feeds(conn: Connection, official: bool = False) -> list[PolledSource]:
    rows = conn.execute(
        _COLUMNS.where(Source.feed_url.is_not(None), _kind(official)).order_by(Source.id)
    )
    return [_polled(row) for row in rows]


def due_feeds(conn: Connection, now: dt.datetime, official: bool = False) -> list[PolledSource]:
    rows = conn.execute(
        _COLUMNS.where(
            Source.feed_url.is_not(None),
            _kind(official),
            or_(Source.next_poll_at.is_(None), Source.next_poll_at <= now),
        ).order_by(Source.id)
    )
    return [_polled(row) for row in rows]


def record_success(
    conn: Connection,
    source_id: int,
    now: dt.datetime,
    next_poll_at: dt.datetime,
    etag: str | None,
    last_modified: str | None,
    refused: str | None = None,
) -> None:
    """A poll that read the source. `refused` names the items it could not store: the source
    itself is healthy (no back-off), but whoever lists sources sees what was refused."""
    conn.execute(
        update(Source)
        .where(Source.id == source_id)
        .values(
            etag=_fitting(etag, "etag"),
            last_modified=_fitting(last_modified, "last_modified"),
            error_count=0,
            last_error=refused,
            last_polled_at=now,
            next_poll_at=next_poll_at,
        )
    )


def _fitting(validator: str | None, column: str) -> str | None:
    """A validator longer than its column is not kept (PostgreSQL would refuse the row, and
    with it the poll): the next request is then simply unconditional."""
    length: int | None = getattr(Source.__table__.c[column].type, "length", None)
    too_long = validator is not None and length is not None and len(validator) > length
    return None if too_long else validator


def record_failure(
    conn: Connection, source_id: int, now: dt.datetime, next_poll_at: dt.datetime, error: str
) -> None:
    conn.execute(
        update(Source)
        .where(Source.id == source_id)
        .values(
            error_count=Source.error_count + 1,
            last_error=error,
            last_polled_at=now,
            next_poll_at=next_poll_at,
        )
    )
