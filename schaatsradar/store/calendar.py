"""The season calendar as stored: meets with their days, rink and programme, whichever season
they are of. The bundled 2025-26 file, an imported calendar (`calendar import`) and the meets
the news reports are all rows of `competitions`; this module reads and writes the calendar's
part of them. Decisions (which meets a season shows, what a calendar file says) are made in
`schaatsradar.knowledge`; the programme is kept as JSON text the knowledge layer reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, literal, select, update

from schaatsradar.store import site, write_behind
from schaatsradar.store.id_lists import listed
from schaatsradar.store.memo import forget, remembered
from schaatsradar.store.models import Competition, ReconciledArticle
from schaatsradar.store.together import Read

# The meets a calendar lists: those a calendar gave and those the news reported (official
# lists make news-origin meets too). Undated history meets have no place on a calendar.
CALENDAR_ORIGINS = ("calendar", "news")


@dataclass(frozen=True)
class MeetRow:
    id: int
    slug: str
    name: str
    level: str | None
    city: str | None
    start_date: dt.date
    end_date: dt.date | None
    origin: str
    source: str
    rink: str | None
    country: str | None
    programme: str | None
    notes: str | None


def _meet(row: Any) -> MeetRow:
    return MeetRow(
        row.id,
        row.slug,
        row.name,
        row.level,
        row.city,
        row.start_date,
        row.end_date,
        row.origin,
        row.source or "",
        row.rink,
        row.country,
        row.programme,
        row.notes,
    )


def _listed() -> Any:
    return select(Competition).where(
        Competition.start_date.is_not(None), Competition.origin.in_(CALENDAR_ORIGINS)
    )


def meets_between(
    conn: Connection, first: dt.date | None = None, last: dt.date | None = None
) -> list[MeetRow]:
    """Calendar and news meets overlapping `first`..`last` (either side open), by day."""
    query = _listed()
    if last is not None:
        query = query.where(Competition.start_date <= last)
    if first is not None:
        query = query.where(func.coalesce(Competition.end_date, Competition.start_date) >= first)
    query = query.order_by(Competition.start_date, Competition.end_date, Competition.slug)
    return [_meet(row) for row in conn.execute(query)]


def _meets(rows: Sequence[Any]) -> list[MeetRow]:
    return [_meet(row) for row in rows]


# `meets_between(conn, first)` built once, the origins as plain parameters (not a list
# expanded at execution): a skater's page sends it with its other reads (`together`).
_MEETS_FROM = (
    select(Competition)
    .where(
        Competition.start_date.is_not(None),
        Competition.origin.in_([literal(origin) for origin in CALENDAR_ORIGINS]),
        func.coalesce(Competition.end_date, Competition.start_date) >= bindparam("first"),
    )
    .order_by(Competition.start_date, Competition.end_date, Competition.slug)
)


# `meet_by_id` built once, the origins as plain parameters (see `_MEETS_FROM`).
_MEET_BY_ID = select(Competition).where(
    Competition.start_date.is_not(None),
    Competition.origin.in_([literal(origin) for origin in CALENDAR_ORIGINS]),
    Competition.id == bindparam("meet_id"),
)


def meet_by_id_read(meet_id: int) -> Read[MeetRow | None]:
    """`meet_by_id` as a read to send with others (`together`)."""
    return Read(_MEET_BY_ID, lambda rows: _meet(rows[0]) if rows else None, {"meet_id": meet_id})


def meets_from(first: dt.date) -> Read[list[MeetRow]]:
    """`meets_between(conn, first)` as a read to send with others (`together`)."""
    return Read(_MEETS_FROM, _meets, {"first": first})


def meet_by_id(conn: Connection, meet_id: int) -> MeetRow | None:
    row = conn.execute(_listed().where(Competition.id == meet_id)).first()
    return _meet(row) if row is not None else None


def meet_programme(conn: Connection, meet_id: int) -> str | None:
    """A meet's stored programme (JSON), remembered within a reconciliation's transaction:
    asked for every result a calendar meet may take."""
    found: str | None = remembered(
        conn,
        "programme",
        meet_id,
        lambda: conn.execute(_PROGRAMME, {"meet_id": meet_id}).scalar(),
    )
    return found


# Built once: asked for every result reconciled (building a statement costs more than running it).
_PROGRAMME = select(Competition.programme).where(Competition.id == bindparam("meet_id"))


def meet_start_days(conn: Connection) -> list[dt.date]:
    """The first day of every calendar and news meet: which seasons the calendar knows."""
    query = (
        select(Competition.start_date)
        .where(Competition.start_date.is_not(None), Competition.origin.in_(CALENDAR_ORIGINS))
        .distinct()
    )
    return sorted(day for (day,) in conn.execute(query) if day is not None)


_CALENDAR_BETWEEN = (
    select(Competition.id)
    .where(
        Competition.origin == "calendar",
        Competition.start_date.between(bindparam("first"), bindparam("last")),
    )
    .limit(1)
)


def has_calendar_between(conn: Connection, first: dt.date, last: dt.date) -> bool:
    """Whether a calendar (not only the news) gave a meet starting in `first`..`last`."""
    read = has_calendar_between_read(first, last)
    return read.convert(conn.execute(read.statement, read.params).all())


def has_calendar_between_read(first: dt.date, last: dt.date) -> Read[bool]:
    """`has_calendar_between` as a read to send with others (`together`)."""
    return Read(_CALENDAR_BETWEEN, lambda rows: bool(rows), {"first": first, "last": last})


@dataclass(frozen=True)
class LatestMeet:
    """A meet with shown results, for "the latest results" where no calendar is known."""

    id: int
    name: str
    city: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    last_race: dt.date


# How many of the newest races `latest_meets_with_results` walks first, per meet wanted.
WALKED_PER_MEET = 8


def latest_meets_with_results(
    conn: Connection,
    today: dt.date,
    limit: int = 5,
    walked_first: list[site.RaceRef] | None = None,
) -> list[LatestMeet]:
    """The meets whose latest shown result was raced on or before `today`, newest first.

    Read by walking the newest races with a shown result (`site.recent_races`, two index
    walks) until `limit` meets are found: a meet's first race met on the way down is its
    latest. Grouping every race by meet instead costs ~70 ms at 100,000 articles, on a home
    page that must render in a few. `walked_first`: the first walk's races when the caller
    read them already (`site.recent_races(conn, today, WALKED_PER_MEET * limit)`)."""
    latest = latest_meets_walked(conn, today, limit, walked_first)
    read = latest_meets_read(conn, latest, limit)
    return read.convert(conn.execute(read.statement, read.params).all())


def latest_meets_walked(
    conn: Connection,
    today: dt.date,
    limit: int = 5,
    walked_first: list[site.RaceRef] | None = None,
) -> dict[int, dt.date]:
    """The latest day of each of the `limit` newest meets with results (the walk of
    `latest_meets_with_results`), newest first."""
    walked = WALKED_PER_MEET * limit
    races = walked_first
    while True:
        if races is None:
            races = site.recent_races(conn, today, limit=walked)
        latest: dict[int, dt.date] = {}
        for race in races:
            if race.day is not None:
                latest.setdefault(race.competition_id, race.day)
        if len(latest) >= limit or len(races) < walked:
            return latest
        walked *= 4
        races = None


_LATEST_MEETS = listed(
    lambda chosen: select(
        Competition.id,
        Competition.name,
        Competition.city,
        Competition.start_date,
        Competition.end_date,
    ).where(chosen),
    Competition.id,
    "ids",
)


def latest_meets_read(
    conn: Connection, latest: dict[int, dt.date], limit: int = 5
) -> Read[list[LatestMeet]]:
    """The `LatestMeet`s of the first `limit` of `latest_meets_walked`'s answer, as a read to
    send with others (`together`)."""
    chosen = list(latest)[:limit]
    statement = _LATEST_MEETS.on(conn)

    def in_order(rows: Sequence[Any]) -> list[LatestMeet]:
        meets = {row[0]: row for row in rows}
        return [
            LatestMeet(i, meets[i][1], meets[i][2], meets[i][3], meets[i][4], latest[i])
            for i in chosen
            if i in meets
        ]

    return Read(statement, in_order, {"ids": chosen})


def save_meet(
    conn: Connection,
    *,
    slug: str,
    name: str,
    level: str | None,
    city: str | None,
    start_date: dt.date,
    end_date: dt.date,
    source: str,
    rink: str | None,
    country: str | None,
    programme: str,
    notes: str,
    now: dt.datetime,
) -> str:
    """A calendar's meet, new ("new") or a correction of the stored one ("updated"), or
    "unchanged". A meet first known from the news keeps its origin: its results stay its."""
    values: dict[str, Any] = {
        "name": name,
        "level": level,
        "city": city,
        "start_date": start_date,
        "end_date": end_date,
        "source": source,
        "rink": rink,
        "country": country,
        "programme": programme,
        "notes": notes,
    }
    found = conn.execute(select(Competition).where(Competition.slug == slug)).first()
    for lookup in (
        "competitions_between",
        "between_answers",
        "news_competitions",
        "competition",
        "programme",
    ):
        forget(conn, lookup)
    if found is None:
        conn.execute(
            insert(Competition).values(slug=slug, origin="calendar", revised_at=now, **values)
        )
        return "new"
    if all(getattr(found, column) == value for column, value in values.items()):
        return "unchanged"
    conn.execute(
        update(Competition).where(Competition.id == found.id).values(revised_at=now, **values)
    )
    return "updated"


def calendar_revised_at(conn: Connection) -> dt.datetime | None:
    """When the calendar last changed in the database: a calendar import, or a
    reconciliation (the news makes and dates meets). None when neither happened."""
    imported = conn.execute(select(func.max(Competition.revised_at))).scalar()
    reconciled = conn.execute(select(func.max(ReconciledArticle.reconciled_at))).scalar()
    return max((t for t in (imported, reconciled) if t is not None), default=None)


def describe_meet(
    conn: Connection,
    slug: str,
    *,
    rink: str | None,
    country: str | None,
    programme: str,
    notes: str,
) -> None:
    """Fill in a stored meet's calendar details once (a database made before they were
    kept); details already there, or changed by an import since, are left alone."""
    conn.execute(
        update(Competition)
        .where(Competition.slug == slug, Competition.programme.is_(None))
        .values(rink=rink, country=country, programme=programme, notes=notes)
    )


write_behind.safe(_PROGRAMME)  # (touches nothing written behind)
