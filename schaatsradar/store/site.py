"""Read queries the site's pages need beyond `reading` and `knowledge`: one article in full,
its related stories, fresh races and records, what a competition's page lists, and the
topics of search hits for facets. Read-only; every function returns dataclasses, not rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    any_,
    bindparam,
    func,
    literal,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY

from schaatsradar.store import article_refs, feed_reads
from schaatsradar.store.article_refs import ArticleRef
from schaatsradar.store.id_lists import Listed, among, listed
from schaatsradar.store.knowledge import SHOWN
from schaatsradar.store.models import (
    Article,
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
from schaatsradar.store.record_book import RecordRow
from schaatsradar.store.together import Read


@dataclass(frozen=True)
class ArticlePage:
    """One article as its page shows it: the clean text the evidence spans index."""

    id: int
    cluster_id: int
    title: str
    published: dt.date
    date_precision: str
    language: str
    url: str | None
    source: str
    demo: bool
    clean_text: str


def article(conn: Connection, article_id: int) -> ArticlePage | None:
    row = conn.execute(
        select(
            Article.id,
            Article.cluster_id,
            Article.title,
            Article.published,
            Article.date_precision,
            Article.language,
            Article.url,
            Source.key.label("source"),
            Article.demo,
            Article.clean_text,
        )
        .join(Source, Source.id == Article.source_id)
        .where(Article.id == article_id)
    ).first()
    return ArticlePage(**row._mapping) if row is not None else None


@dataclass(frozen=True)
class RelatedArticle:
    id: int
    title: str
    published: dt.date
    same_story: bool  # another source's version of this story (its near-duplicate cluster)


def related_articles(
    conn: Connection, page: ArticlePage, skater_ids: Sequence[int], limit: int = 6
) -> list[RelatedArticle]:
    """The same story from other sources first, then the newest articles with facts about
    the same skaters."""
    columns = select(Article.id, Article.title, Article.published)
    cluster = conn.execute(
        columns.where(Article.cluster_id == page.cluster_id, Article.id != page.id)
        .order_by(Article.published.desc(), Article.id)
        .limit(limit)
    ).all()
    related = [RelatedArticle(r.id, r.title, r.published, True) for r in cluster]
    if skater_ids and len(related) < limit:
        seen = [page.id, *(r.id for r in related)]
        about = conn.execute(
            columns.where(
                Article.id.in_(_articles_about_skaters(skater_ids)), Article.id.not_in(seen)
            )
            .order_by(Article.published.desc(), Article.id.desc())
            .limit(limit - len(related))
        ).all()
        related += [RelatedArticle(r.id, r.title, r.published, False) for r in about]
    return related


def _articles_about_skaters(skater_ids: Sequence[int]) -> Any:
    by_result = (
        select(ResultClaim.article_id)
        .join(RaceResult, RaceResult.id == ResultClaim.result_id)
        .where(RaceResult.skater_id.in_(skater_ids), ResultClaim.article_id.is_not(None), SHOWN)
    )
    by_record = (
        select(RecordSource.article_id)
        .join(Record, Record.id == RecordSource.record_id)
        .where(Record.skater_id.in_(skater_ids), RecordSource.article_id.is_not(None))
    )
    return union(by_result, by_record).subquery().select()


@dataclass(frozen=True)
class ClaimLink:
    """Where the knowledge base put a result this article claims: its evidence span and
    the competition it was filed under."""

    evidence_start: int
    evidence_end: int
    competition_id: int
    competition: str


def claims_of_article(conn: Connection, article_id: int) -> list[ClaimLink]:
    rows = conn.execute(
        select(
            ResultClaim.evidence_start,
            ResultClaim.evidence_end,
            Competition.id,
            Competition.name,
        )
        .join(RaceResult, RaceResult.id == ResultClaim.result_id)
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .where(ResultClaim.article_id == article_id, ResultClaim.evidence_start.is_not(None), SHOWN)
        .order_by(ResultClaim.evidence_start)
    )
    return [
        ClaimLink(row.evidence_start, row.evidence_end, row.id, row.name)
        for row in rows
        if row.evidence_start is not None and row.evidence_end is not None
    ]


@dataclass(frozen=True)
class RaceRef:
    id: int
    competition_id: int
    competition: str
    city: str | None
    distance: str
    gender: str
    day: dt.date | None


def _recent_races_query() -> Any:
    shown = (
        select(RaceResult.id).where(RaceResult.race_id == Race.id, SHOWN).correlate(Race).exists()
    )
    columns = (Race.id, Competition.id, Competition.name, Competition.city, Race.distance)
    dated = (
        select(*columns, Race.gender, Race.race_date)
        .join(Competition, Competition.id == Race.competition_id)
        .where(Race.race_date.is_not(None), Race.race_date <= bindparam("today"), shown)
        .order_by(Race.race_date.desc(), Race.id.desc())
        .limit(bindparam("limit"))
        .subquery()
    )
    undated = (
        select(*columns, Race.gender, Competition.start_date)
        .join(Race, Race.competition_id == Competition.id)
        .where(
            Competition.start_date.is_not(None),
            Competition.start_date <= bindparam("today"),
            Race.race_date.is_(None),
            shown,
        )
        .order_by(Competition.start_date.desc(), Race.id.desc())
        .limit(bindparam("limit"))
        .subquery()
    )
    return union_all(select(*dated.c), select(*undated.c))


_RECENT_RACES = _recent_races_query()


def recent_races(conn: Connection, today: dt.date, limit: int = 4) -> list[RaceRef]:
    """The latest races up to `today` with at least one shown result, newest first.

    A race's day is its own, else its meet's first day. Asked as one ordering over both
    (`coalesce(race_date, start_date)`), the database must day and sort every race there
    is and look up results for each: tens of milliseconds at 100,000 articles. Asked as
    two walks down an index each — dated races by `race_date`, undated ones by their meet's
    `start_date` — each stops after `limit` races with a shown result, and the newest of
    both are the answer (the two walks are one statement: one round trip)."""
    read = recent_races_read(today, limit)
    return read.convert(conn.execute(read.statement, read.params).all())


def recent_races_read(today: dt.date, limit: int = 4) -> Read[list[RaceRef]]:
    """`recent_races` as a read to send with others (`together`)."""

    def newest(rows: Sequence[Any]) -> list[RaceRef]:
        races = [RaceRef(*row) for row in rows]
        races.sort(key=lambda r: (r.day or dt.date.min, r.id), reverse=True)
        return races[:limit]

    return Read(_RECENT_RACES, newest, {"today": today, "limit": limit})


def _record_row(row: Any) -> RecordRow:
    return RecordRow(**{f.name: getattr(row, f.name) for f in fields(RecordRow)})


def recent_records(
    conn: Connection, today: dt.date, kinds: Sequence[str], limit: int = 6
) -> list[RecordRow]:
    """Records of `kinds` set on or before `today` that still stand (or are disputed),
    newest first."""
    read = recent_records_read(today, kinds, limit)
    return read.convert(conn.execute(read.statement, read.params).all())


@cache
def _recent_records_query(kinds: tuple[str, ...]) -> Any:
    # The kinds and states as plain parameters (no list expanded at execution), built once
    # per set of kinds: the home page sends it with its other reads.
    return (
        select(Record)
        .where(
            Record.kind.in_([literal(kind) for kind in kinds]),
            Record.set_on.is_not(None),
            Record.set_on <= bindparam("today"),
            Record.status.in_([literal("current"), literal("disputed")]),
        )
        .order_by(Record.set_on.desc(), Record.id.desc())
        .limit(bindparam("limit"))
    )


def recent_records_read(
    today: dt.date, kinds: Sequence[str], limit: int = 6
) -> Read[list[RecordRow]]:
    """`recent_records` as a read to send with others (`together`)."""
    return Read(
        _recent_records_query(tuple(kinds)),
        lambda rows: [_record_row(row) for row in rows],
        {"today": today, "limit": limit},
    )


def competition_ids(conn: Connection, slugs: Sequence[str]) -> dict[str, int]:
    """Competition id by slug (calendar events are stored under their slug)."""
    if not slugs:
        return {}
    rows = conn.execute(
        select(Competition.slug, Competition.id).where(Competition.slug.in_(list(slugs)))
    )
    return {slug: competition_id for slug, competition_id in rows}


def held_count(conn: Connection, competition_id: int) -> int:
    """How many of a meet's results are held back (conflicts, unconfirmed candidates)."""
    return int(
        conn.scalar(
            select(func.count())
            .select_from(RaceResult)
            .join(Race, Race.id == RaceResult.race_id)
            .where(Race.competition_id == competition_id, RaceResult.held.is_not(None))
        )
        or 0
    )


_HELD_COUNT = (
    select(func.count())
    .select_from(RaceResult)
    .join(Race, Race.id == RaceResult.race_id)
    .where(Race.competition_id == bindparam("competition_id"), RaceResult.held.is_not(None))
)


def held_count_read(competition_id: int) -> Read[int]:
    """`held_count` as a read to send with others (`together`)."""
    return Read(_HELD_COUNT, lambda rows: int(rows[0][0] or 0), {"competition_id": competition_id})


def competitions_with_results(conn: Connection, competition_ids: Sequence[int]) -> set[int]:
    """Those of the meets that have a shown result (a past calendar meet links its results)."""
    if not competition_ids:
        return set()
    shown = select(RaceResult.id).where(RaceResult.race_id == Race.id, SHOWN).exists()
    rows = conn.execute(
        select(Race.competition_id)
        .where(Race.competition_id.in_(sorted(set(competition_ids))), shown)
        .distinct()
    )
    return {competition_id for (competition_id,) in rows}


def records_at_competition(conn: Connection, competition_id: int) -> list[RecordRow]:
    """Records set at a meet: marks tied to one of its results, or set at its rink on one
    of its days."""
    meet = conn.execute(select(Competition).where(Competition.id == competition_id)).first()
    if meet is None:
        return []
    its_results = (
        select(RaceResult.id)
        .join(Race, Race.id == RaceResult.race_id)
        .where(Race.competition_id == competition_id, SHOWN)
    )
    during: ColumnElement[bool] = Record.result_id.in_(its_results)
    if meet.city and meet.start_date:
        last = meet.end_date or meet.start_date
        during = or_(
            during,
            (Record.venue == meet.city) & Record.set_on.between(meet.start_date, last),
        )
    rows = conn.execute(
        select(Record)
        .where(
            during,
            Record.kind.not_in(("personal", "season_best")),
            Record.status != "claim",  # a news record nothing backs is no record of the meet
        )
        .order_by(Record.kind, Record.gender, Record.distance, Record.id)
    )
    return [_record_row(row) for row in rows]


def _of_meet(column: Any) -> Any:
    return select(column).where(Competition.id == bindparam("competition_id")).scalar_subquery()


# `records_at_competition` in one statement built once: the meet's rink and days read in it
# (a venue that is no town, "", matches no meet, as a meet without a town takes no rink's
# records), the kinds as plain parameters, so the meet page sends it with its other reads.
_RECORDS_AT_COMPETITION = (
    select(Record)
    .where(
        or_(
            Record.result_id.in_(
                select(RaceResult.id)
                .join(Race, Race.id == RaceResult.race_id)
                .where(Race.competition_id == bindparam("competition_id"), SHOWN)
            ),
            (Record.venue == _of_meet(Competition.city))
            & (Record.venue != "")
            & Record.set_on.between(
                _of_meet(Competition.start_date),
                _of_meet(func.coalesce(Competition.end_date, Competition.start_date)),
            ),
        ),
        Record.kind.not_in([literal("personal"), literal("season_best")]),
        Record.status != "claim",
    )
    .order_by(Record.kind, Record.gender, Record.distance, Record.id)
)


def records_at_competition_read(competition_id: int) -> Read[list[RecordRow]]:
    """`records_at_competition` as a read to send with others (`together`)."""

    def rows_of(rows: Sequence[Any]) -> list[RecordRow]:
        return [_record_row(row) for row in rows]

    return Read(_RECORDS_AT_COMPETITION, rows_of, {"competition_id": competition_id})


def articles_about_competition(
    conn: Connection, competition_id: int, limit: int = 10
) -> list[ArticleRef]:
    """Articles with a claim about a result of the meet, newest first: the start of the list
    the competition's Atom feed shows, so page and feed cannot disagree."""
    ids = feed_reads.articles_about_competition(conn, competition_id, limit)
    refs = {ref.id: ref for ref in article_refs.articles_by_id(conn, ids)}
    return [refs[i] for i in ids if i in refs]


def about_competition_read(competition_id: int, limit: int = 10) -> Read[list[int]]:
    """The ids `articles_about_competition` shows, as a read to send with others."""
    params = {"competition_id": competition_id, "limit": limit}
    return Read(feed_reads.ABOUT_COMPETITION, lambda rows: [row[0] for row in rows], params)


@dataclass(frozen=True)
class LineSource:
    """Who reported one result: one of our articles (its publisher named), or an official
    list (`article_id` None, `source` its key)."""

    article_id: int | None
    publisher: str
    official: bool
    number: int = 1  # the publisher's how-manieth source of this result

    @property
    def source(self) -> str:
        return self.publisher if self.number == 1 else f"{self.publisher} ({self.number})"


_RESULT_SOURCES = listed(
    lambda of_results: (
        select(
            ResultClaim.result_id,
            ResultClaim.article_id,
            func.coalesce(Source.key, ResultClaim.source_key),
            ResultClaim.official,
        )
        .outerjoin(Article, Article.id == ResultClaim.article_id)
        .outerjoin(Source, Source.id == Article.source_id)
        .where(of_results)
        .order_by(ResultClaim.official.desc(), Article.published, ResultClaim.id)
    ),
    ResultClaim.result_id,
    "ids",
)


def result_sources(conn: Connection, result_ids: Sequence[int]) -> dict[int, list[LineSource]]:
    """The sources of each result, official lists first, then articles oldest first: one
    query for a whole meet, so a page lists every line's sources without a query per line."""
    if not result_ids:
        return {}
    read = result_sources_read(conn, result_ids)
    return read.convert(conn.execute(read.statement, read.params).all())


def result_sources_read(
    conn: Connection, result_ids: Sequence[int]
) -> Read[dict[int, list[LineSource]]]:
    """`result_sources` as a read to send with others (`together`)."""
    return Read(_RESULT_SOURCES.on(conn), _line_sources, {"ids": sorted(set(result_ids))})


def _line_sources(rows: Sequence[Any]) -> dict[int, list[LineSource]]:
    sources: dict[int, list[LineSource]] = {}
    for result_id, article_id, source, official in rows:
        line = sources.setdefault(result_id, [])
        if article_id is not None and any(s.article_id == article_id for s in line):
            continue
        # A second article of one publisher is told apart by a number: "nos (2)".
        same = sum(1 for s in line if s.publisher == source)
        line.append(LineSource(article_id, source, bool(official), same + 1))
    return sources


def skater_slugs(conn: Connection, skater_ids: Sequence[int]) -> dict[int, str]:
    if not skater_ids:
        return {}
    rows = conn.execute(select(Skater.id, Skater.slug).where(among(conn, Skater.id, skater_ids)))
    return {skater_id: slug for skater_id, slug in rows}


_SKATER_SLUGS = listed(
    lambda of_skaters: select(Skater.id, Skater.slug).where(of_skaters), Skater.id, "ids"
)


def skater_slugs_read(conn: Connection, skater_ids: Sequence[int]) -> Read[dict[int, str]]:
    """`skater_slugs` as a read to send with others (`together`)."""
    return Read(
        _SKATER_SLUGS.on(conn),
        lambda rows: {skater_id: slug for skater_id, slug in rows},
        {"ids": sorted(set(skater_ids))},
    )


def _podium_slugs(of_races: ColumnElement[bool], of_skaters: ColumnElement[bool]) -> Any:
    shown_in_races = select(RaceResult.skater_id).where(of_races, SHOWN)
    return select(Skater.id, Skater.slug).where(or_(Skater.id.in_(shown_in_races), of_skaters))


_PODIUM_SLUGS = Listed(
    expanding=_podium_slugs(
        RaceResult.race_id.in_(bindparam("races", expanding=True)),
        Skater.id.in_(bindparam("skaters", expanding=True)),
    ),
    array=_podium_slugs(
        RaceResult.race_id == any_(bindparam("races", type_=ARRAY(Integer))),
        Skater.id == any_(bindparam("skaters", type_=ARRAY(Integer))),
    ),
)


def podium_slugs_read(
    conn: Connection, race_ids: Sequence[int], records: Sequence[RecordRow]
) -> Read[dict[int, str]]:
    """The slugs of everyone with a shown result in these races and of the records'
    holders, as a read to send with the races' results (`together`): a superset of the
    podiums' skaters, asked before the podiums are known."""
    holders = sorted({r.skater_id for r in records if r.skater_id is not None})
    return Read(
        _PODIUM_SLUGS.on(conn),
        lambda rows: {skater_id: slug for skater_id, slug in rows},
        {"races": sorted(set(race_ids)), "skaters": holders},
    )


@dataclass
class ArticleTopics:
    """What an article is about, for search facets: skaters and distances its extracted
    facts name, and the competitions the knowledge base filed its results under."""

    skaters: set[str] = field(default_factory=set)
    distances: set[str] = field(default_factory=set)
    competitions: set[tuple[int, str]] = field(default_factory=set)


def article_topics(conn: Connection, article_ids: Sequence[int]) -> dict[int, ArticleTopics]:
    topics: dict[int, ArticleTopics] = {i: ArticleTopics() for i in article_ids}
    if not article_ids:
        return topics
    ids = list(article_ids)
    for article_id, facts in conn.execute(
        select(ArticleFacts.article_id, ArticleFacts.facts).where(ArticleFacts.article_id.in_(ids))
    ):
        _collect_facts(topics[article_id], facts or {})
    for article_id, competition_id, name in conn.execute(
        select(ResultClaim.article_id, Competition.id, Competition.name)
        .join(RaceResult, RaceResult.id == ResultClaim.result_id)
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .where(ResultClaim.article_id.in_(ids), SHOWN)
        .distinct()
    ):
        if article_id is not None:
            topics[article_id].competitions.add((competition_id, name))
    return topics


def _collect_facts(topics: ArticleTopics, facts: dict[str, Any]) -> None:
    topics.skaters.update(a["name"] for a in facts.get("athletes", []) if a.get("name"))
    for fact in (*facts.get("results", []), *facts.get("records", [])):
        if fact.get("distance"):
            topics.distances.add(fact["distance"])
