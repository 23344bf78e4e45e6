"""The site's index pages: every skater, most recently active first, and every competition of
a season. Read-only; rows come back as dataclasses.

A skater's activity is the later of their last shown result's race day (the meet's first day
when the race's own day is not known) and the day of the last article about them (its
subjects, as the personal feed reads them): a skater the news names but whose results are
not known yet still counts as active. Skaters with neither come last, by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, String, case, cast, exists, func, literal, select
from sqlalchemy.types import Date

from schaatsradar.store.knowledge import COMPETITION_COLUMNS, SHOWN
from schaatsradar.store.models import (
    Article,
    ArticleSubject,
    Competition,
    Race,
    RaceResult,
    Skater,
)

NEVER = dt.date(1, 1, 1)


def _or_never(column: Any) -> Any:
    return func.coalesce(column, literal(NEVER, Date()), type_=Date())


# -- skaters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkaterFilters:
    country: str | None = None  # IOC code
    gender: str | None = None
    distance: str | None = None  # with a shown result at this distance


@dataclass(frozen=True)
class SkaterEntry:
    id: int
    slug: str
    name: str
    country: str | None
    gender: str | None
    known: bool
    last_active: dt.date | None  # None: no result and no article about them
    results: int


def _skater_query(filters: SkaterFilters) -> Any:
    race_day = func.coalesce(Race.race_date, Competition.start_date)
    raced = (
        select(
            RaceResult.skater_id.label("skater_id"),
            func.max(race_day).label("last_race"),
            func.count(RaceResult.id).label("results"),
        )
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .where(SHOWN, RaceResult.skater_id.is_not(None))
        .group_by(RaceResult.skater_id)
        .subquery()
    )
    named = (
        select(
            ArticleSubject.value.label("value"),
            func.max(Article.published).label("last_news"),
        )
        .join(Article, Article.id == ArticleSubject.article_id)
        .where(ArticleSubject.kind == "skater")
        .group_by(ArticleSubject.value)
        .subquery()
    )
    last_race, last_news = _or_never(raced.c.last_race), _or_never(named.c.last_news)
    active = case((last_race >= last_news, last_race), else_=last_news).label("active")
    query = (
        select(
            Skater.id,
            Skater.slug,
            Skater.name,
            Skater.country,
            Skater.gender,
            Skater.known,
            active,
            func.coalesce(raced.c.results, 0).label("results"),
        )
        .outerjoin(raced, raced.c.skater_id == Skater.id)
        .outerjoin(named, named.c.value == cast(Skater.id, String))
        .where(Skater.merged_into.is_(None))
    )
    if filters.country:
        query = query.where(Skater.country == filters.country.upper())
    if filters.gender:
        query = query.where(Skater.gender == filters.gender)
    if filters.distance:
        query = query.where(
            exists(
                select(RaceResult.id)
                .join(Race, Race.id == RaceResult.race_id)
                .where(RaceResult.skater_id == Skater.id, Race.distance == filters.distance, SHOWN)
            )
        )
    return query, active


def skaters(
    conn: Connection, filters: SkaterFilters, offset: int = 0, limit: int = 50
) -> list[SkaterEntry]:
    """One page of skaters, most recently active first, then by name."""
    query, active = _skater_query(filters)
    query = query.order_by(active.desc(), Skater.name, Skater.id).offset(offset).limit(limit)
    return [
        SkaterEntry(
            row.id,
            row.slug,
            row.name,
            row.country,
            row.gender,
            row.known,
            row.active if row.active is not None and row.active > NEVER else None,
            row.results,
        )
        for row in conn.execute(query)
    ]


def count_skaters(conn: Connection, filters: SkaterFilters) -> int:
    query, _active = _skater_query(filters)
    return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar() or 0)


def skater_countries(conn: Connection) -> list[str]:
    """Every country some skater is from (IOC codes)."""
    query = (
        select(Skater.country)
        .where(Skater.country.is_not(None), Skater.merged_into.is_(None))
        .group_by(Skater.country)
    )
    return sorted(code for code in conn.scalars(query) if code)


# -- competitions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetitionEntry:
    id: int
    slug: str
    name: str
    level: str | None
    city: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    origin: str
    races: int  # races with a shown result
    results: int  # shown results


def competitions(
    conn: Connection,
    first: dt.date | None = None,
    last: dt.date | None = None,
    levels: Sequence[str] | None = None,
) -> list[CompetitionEntry]:
    """Meets starting between `first` and `last` (every meet, the undated last, when neither
    is given), in date order, with how much of their results is known."""
    counted = (
        select(
            Race.competition_id.label("competition_id"),
            func.count(func.distinct(Race.id)).label("races"),
            func.count(RaceResult.id).label("results"),
        )
        .join(RaceResult, RaceResult.race_id == Race.id)
        .where(SHOWN)
        .group_by(Race.competition_id)
        .subquery()
    )
    query = select(
        *COMPETITION_COLUMNS,
        func.coalesce(counted.c.races, 0),
        func.coalesce(counted.c.results, 0),
    ).outerjoin(counted, counted.c.competition_id == Competition.id)
    if first is not None:
        query = query.where(Competition.start_date >= first)
    if last is not None:
        query = query.where(Competition.start_date <= last)
    if levels is not None:
        query = query.where(Competition.level.in_(list(levels)))
    undated_last = case((Competition.start_date.is_(None), 1), else_=0)
    query = query.order_by(undated_last, Competition.start_date, Competition.id)
    return [CompetitionEntry(*row) for row in conn.execute(query)]


def competition_days(conn: Connection) -> list[dt.date]:
    """The first days of every dated meet (the seasons that have meets follow from them)."""
    query = (
        select(Competition.start_date)
        .where(Competition.start_date.is_not(None))
        .group_by(Competition.start_date)
    )
    return sorted(day for day in conn.scalars(query) if day is not None)


def competition_levels(conn: Connection) -> list[str]:
    query = select(Competition.level).where(Competition.level.is_not(None)).distinct()
    return sorted(level for level in conn.scalars(query) if level)
