"""The lists the JSON API serves, each in a fixed order with keyset pagination.

Every list function takes `after`, the sort key of the last row a client has seen (the rows'
`sort_key`), and returns up to `limit` rows that follow it. A keyset, unlike an offset, never
shows a row twice or skips one when new rows arrive between two pages. Each order ends with
the row id, so keys are unique, and no column in a key may be NULL (NULLs sort differently on
SQLite and PostgreSQL): nullable dates are coalesced to a sentinel day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    func,
    literal,
    or_,
    select,
    union,
)
from sqlalchemy.types import Date

from schaatsradar.store.knowledge import (
    COMPETITION_COLUMNS,
    SHOWN,
    CompetitionRow,
    SkaterRow,
    where_results,
)
from schaatsradar.store.models import (
    Article,
    ArticleAlias,
    ArticleFacts,
    Competition,
    Race,
    RaceResult,
    Record,
    RecordSource,
    ResultClaim,
    Skater,
    Source,
)
from schaatsradar.store.record_book import record_filters
from schaatsradar.store.record_sources import Provenance, provenance, result_sources

Key = tuple[Any, ...]
Order = Sequence[tuple[Any, bool]]  # (column expression, descending)
EARLIEST = dt.date(1, 1, 1)
LATEST = dt.date(9999, 12, 31)


def _after(order: Order, key: Key) -> ColumnElement[bool]:
    """Rows strictly after `key` in `order` (lexicographic, each column in its direction)."""
    steps = []
    for i, (column, descending) in enumerate(order):
        ties = [earlier == value for (earlier, _), value in zip(order[:i], key, strict=False)]
        step = column < key[i] if descending else column > key[i]
        steps.append(and_(*ties, step))
    return or_(*steps)


def _page(query: Any, order: Order, after: Key | None, limit: int | None) -> Any:
    if after is not None:
        query = query.where(_after(order, after))
    query = query.order_by(*(column.desc() if desc else column.asc() for column, desc in order))
    return query.limit(limit) if limit is not None else query


def _day_or(column: Any, default: dt.date) -> ColumnElement[dt.date]:
    return func.coalesce(column, literal(default, Date()), type_=Date())


# -- articles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFilters:
    """`skater_id`, `distance` and `competition_id` select articles that state a result (or,
    without a competition, a record) matching all of them, as reconciliation linked it."""

    skater_id: int | None = None
    distance: str | None = None
    competition_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str | None = None


@dataclass(frozen=True)
class ArticleRow:
    id: int
    url: str | None
    title: str
    published: dt.date
    date_precision: str
    language: str
    source: str
    demo: bool
    story: int  # the first article of its near-duplicate cluster
    extractor: str | None
    facts: dict[str, Any] | None
    text: str | None = None  # only when one article is asked for

    @property
    def sort_key(self) -> Key:
        return (self.published, self.id)


_ARTICLE_COLUMNS = (
    Article.id,
    Article.url,
    Article.title,
    Article.published,
    Article.date_precision,
    Article.language,
    Source.key.label("source"),
    Article.demo,
    Article.cluster_id.label("story"),
    ArticleFacts.extractor,
    ArticleFacts.facts,
)


def _articles_query(*extra: Any) -> Select[Any]:
    return (
        select(*_ARTICLE_COLUMNS, *extra)
        .join(Source, Source.id == Article.source_id)
        .outerjoin(ArticleFacts, ArticleFacts.article_id == Article.id)
    )


def articles(
    conn: Connection, filters: ArticleFilters, after: Key | None, limit: int
) -> list[ArticleRow]:
    """Newest first (by publication day, then id)."""
    query = _articles_query()
    if filters.date_from is not None:
        query = query.where(Article.published >= filters.date_from)
    if filters.date_to is not None:
        query = query.where(Article.published <= filters.date_to)
    if filters.language is not None:
        query = query.where(Article.language == filters.language)
    about = _articles_about(filters)
    if about is not None:
        query = query.where(Article.id.in_(about))
    order = [(Article.published, True), (Article.id, True)]
    return [ArticleRow(*row) for row in conn.execute(_page(query, order, after, limit))]


def _articles_about(filters: ArticleFilters) -> Any:
    if filters.skater_id is None and filters.distance is None and filters.competition_id is None:
        return None
    claims = (
        select(ResultClaim.article_id)
        .join(RaceResult, RaceResult.id == ResultClaim.result_id)
        .join(Race, Race.id == RaceResult.race_id)
        .where(ResultClaim.article_id.is_not(None), SHOWN)
    )
    if filters.skater_id is not None:
        claims = claims.where(RaceResult.skater_id == filters.skater_id)
    if filters.distance is not None:
        claims = claims.where(Race.distance == filters.distance)
    if filters.competition_id is not None:
        return claims.where(Race.competition_id == filters.competition_id)
    marks = (
        select(RecordSource.article_id)
        .join(Record, Record.id == RecordSource.record_id)
        .where(RecordSource.article_id.is_not(None))
    )
    if filters.skater_id is not None:
        marks = marks.where(Record.skater_id == filters.skater_id)
    if filters.distance is not None:
        marks = marks.where(Record.distance == filters.distance)
    return union(claims, marks)


def article(conn: Connection, article_id: int) -> ArticleRow | None:
    row = conn.execute(_articles_query(Article.clean_text).where(Article.id == article_id)).first()
    return ArticleRow(*row) if row is not None else None


def article_id_for(conn: Connection, url: str | None, text_hash: str) -> int | None:
    """The stored article a posted one became or duplicates: by canonical URL (also a URL
    seen as a duplicate), else by the hash of its normalised text."""
    if url is not None:
        for found in (
            select(Article.id).where(Article.url == url),
            select(ArticleAlias.article_id).where(ArticleAlias.url == url),
        ):
            article_id = conn.execute(found).scalar()
            if article_id is not None:
                return int(article_id)
    found_id = conn.execute(select(Article.id).where(Article.text_hash == text_hash)).scalar()
    return int(found_id) if found_id is not None else None


# -- skaters ----------------------------------------------------------------------------------


def skater_sort_key(skater: SkaterRow) -> Key:
    return (skater.name, skater.id)


def skaters(
    conn: Connection,
    *,
    text: str | None,
    country: str | None,
    gender: str | None,
    after: Key | None,
    limit: int,
) -> list[SkaterRow]:
    """Skaters by name (merged-away entries left out); `text` matches part of the name."""
    query = select(
        Skater.id,
        Skater.slug,
        Skater.name,
        Skater.country,
        Skater.gender,
        Skater.born,
        Skater.known,
    ).where(Skater.merged_into.is_(None))
    if text:
        query = query.where(func.lower(Skater.name).contains(text.casefold(), autoescape=True))
    if country is not None:
        query = query.where(Skater.country == country.upper())
    if gender is not None:
        query = query.where(Skater.gender == gender)
    order = [(Skater.name, False), (Skater.id, False)]
    return [SkaterRow(*row) for row in conn.execute(_page(query, order, after, limit))]


def slugs_of(conn: Connection, skater_ids: Sequence[int]) -> dict[int, str]:
    ids = sorted(set(skater_ids))
    if not ids:
        return {}
    return dict(iter(conn.execute(select(Skater.id, Skater.slug).where(Skater.id.in_(ids)))))


# -- competitions and races -------------------------------------------------------------------


def competition_sort_key(row: CompetitionRow) -> Key:
    return (row.start_date or LATEST, row.id)


def competitions(
    conn: Connection,
    *,
    date_from: dt.date | None,
    date_to: dt.date | None,
    level: str | None,
    after: Key | None,
    limit: int,
) -> list[CompetitionRow]:
    """Meets in season order; those without a date (known only from the news) come last."""
    query = select(*COMPETITION_COLUMNS)
    if date_from is not None:
        last_day = func.coalesce(Competition.end_date, Competition.start_date)
        query = query.where(last_day >= date_from)
    if date_to is not None:
        query = query.where(Competition.start_date <= date_to)
    if level is not None:
        query = query.where(Competition.level == level)
    order = [(_day_or(Competition.start_date, LATEST), False), (Competition.id, False)]
    return [CompetitionRow(*row) for row in conn.execute(_page(query, order, after, limit))]


@dataclass(frozen=True)
class RaceSummary:
    id: int
    competition_id: int
    distance: str
    gender: str
    race_date: dt.date | None
    results: int


def _races_query() -> Select[Any]:
    counted = (
        select(func.count(RaceResult.id))
        .where(RaceResult.race_id == Race.id, SHOWN)
        .correlate(Race)
        .scalar_subquery()
    )
    return select(Race.id, Race.competition_id, Race.distance, Race.gender, Race.race_date, counted)


def races_of(conn: Connection, competition_id: int) -> list[RaceSummary]:
    query = (
        _races_query()
        .where(Race.competition_id == competition_id)
        .order_by(_day_or(Race.race_date, LATEST), Race.distance, Race.gender, Race.id)
    )
    return [RaceSummary(*row) for row in conn.execute(query)]


def race(conn: Connection, race_id: int) -> RaceSummary | None:
    row = conn.execute(_races_query().where(Race.id == race_id)).first()
    return RaceSummary(*row) if row is not None else None


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    id: int
    race_id: int
    skater_id: int | None
    skater_slug: str | None
    athlete: str
    country: str | None
    team: str | None
    distance: str
    gender: str
    seconds: float | None
    rank: int | None
    disputed: bool
    official: bool
    day: dt.date  # the race's day, else the meet's first day, else EARLIEST
    competition_id: int
    competition: str
    venue: str | None
    sources: int

    @property
    def date(self) -> dt.date | None:
        return self.day if self.day != EARLIEST else None

    @property
    def sort_key(self) -> Key:
        return (self.day, self.id)


def results(
    conn: Connection,
    *,
    skater_id: int | None = None,
    race_id: int | None = None,
    competition_id: int | None = None,
    distance: str | None = None,
    gender: str | None = None,
    after: Key | None = None,
    limit: int | None = None,
) -> list[ResultRow]:
    """Newest first (by race day, then id)."""
    day = _day_or(func.coalesce(Race.race_date, Competition.start_date), EARLIEST)
    sources = RaceResult.claim_count  # kept by triggers on the claims (migration 0016)
    query = (
        select(
            RaceResult.id,
            RaceResult.race_id,
            RaceResult.skater_id,
            Skater.slug,
            func.coalesce(Skater.name, RaceResult.team),
            func.coalesce(Skater.country, RaceResult.team),
            RaceResult.team,
            Race.distance,
            Race.gender,
            RaceResult.seconds,
            RaceResult.rank,
            RaceResult.disputed,
            RaceResult.official,
            day,
            Competition.id,
            Competition.name,
            Competition.city,
            sources,
        )
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .outerjoin(Skater, Skater.id == RaceResult.skater_id)
    )
    query = where_results(
        query,
        skater_id=skater_id,
        race_id=race_id,
        competition_id=competition_id,
        distance=distance,
        gender=gender,
    )
    order = [(day, True), (RaceResult.id, True)]
    return [ResultRow(*row) for row in conn.execute(_page(query, order, after, limit))]


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordMark:
    id: int
    kind: str
    scope: str
    distance: str
    gender: str
    seconds: float | None
    skater_slug: str | None
    holder: str | None
    holder_country: str | None
    set_on: dt.date | None
    venue: str | None
    status: str
    superseded_by: int | None
    disputes: int | None
    origin: str
    result_id: int | None
    sources: tuple[Provenance, ...] = ()
    result_sources: tuple[Provenance, ...] = ()  # what `result_id` stands on

    @property
    def sort_key(self) -> Key:
        return (self.kind, self.scope, self.gender, self.distance, self.set_on or EARLIEST, self.id)


def records(
    conn: Connection,
    *,
    kind: str | None,
    venue: str | None,
    distance: str | None,
    gender: str | None,
    history: bool,
    after: Key | None,
    limit: int,
    status: str | None = None,
) -> list[RecordMark]:
    """Current records (and disputed marks), or with `history` every mark ever held, or
    with `status` the marks of that standing (`claim`: news records nothing backs, which
    no other list shows); by type, scope, gender and distance, the newest mark of each
    record first, each with its sources."""
    query = select(
        Record.id,
        Record.kind,
        Record.scope,
        Record.distance,
        Record.gender,
        Record.seconds,
        Skater.slug,
        Record.holder,
        Record.holder_country,
        Record.set_on,
        Record.venue,
        Record.status,
        Record.superseded_by,
        Record.disputes,
        Record.origin,
        Record.result_id,
    ).outerjoin(Skater, Skater.id == Record.skater_id)
    query = query.where(
        *record_filters(
            kind=kind,
            venue=venue,
            distance=distance,
            gender=gender,
            history=history,
            status=status,
            venue_any_case=True,
        )
    )
    order = [
        (Record.kind, False),
        (Record.scope, False),
        (Record.gender, False),
        (Record.distance, False),
        (_day_or(Record.set_on, EARLIEST), True),
        (Record.id, True),
    ]
    marks = [RecordMark(*row) for row in conn.execute(_page(query, order, after, limit))]
    told = provenance(conn, [m.id for m in marks])
    stands_on = result_sources(conn, [m.result_id for m in marks if m.result_id is not None])
    return [
        replace(
            m,
            sources=tuple(told.get(m.id, ())),
            result_sources=tuple(stands_on.get(m.result_id, ())) if m.result_id else (),
        )
        for m in marks
    ]
