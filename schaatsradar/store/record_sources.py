"""Where record marks come from, and the stored results that can back a news record.

Reads only (the writes are `store.knowledge.add_record_source` and `restate`). The CLI, the
API and the records page show a mark's provenance from `provenance`; reconciliation counts a
claim's independent sources with `standing` and looks for the race that backs it with
`timed_results`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from schaatsradar.store.knowledge import SHOWN, ResultView, _results_query, _view
from schaatsradar.store.models import (
    Article,
    Competition,
    Race,
    RaceResult,
    RecordSource,
    ResultClaim,
)

TOLERANCE = 0.005  # times are kept to the hundredth


@dataclass(frozen=True)
class Provenance:
    """One source of a mark: `kind` is "reference", "official" or "article"; an article
    source has its id and publication day, a reference or official one its key and URL."""

    kind: str
    source_key: str
    article_id: int | None
    published: dt.date | None
    url: str | None


def _kind(source_key: str) -> str:
    prefix = source_key.split(":", 1)[0]
    return prefix if prefix in {"reference", "official", "article"} else "other"


def provenance(conn: Connection, record_ids: Sequence[int]) -> dict[int, list[Provenance]]:
    """Every source of each mark, in the order they were recorded."""
    found: dict[int, list[Provenance]] = defaultdict(list)
    if not record_ids:
        return found
    rows = conn.execute(
        select(
            RecordSource.record_id,
            RecordSource.source_key,
            RecordSource.article_id,
            Article.published,
            RecordSource.url,
        )
        .outerjoin(Article, Article.id == RecordSource.article_id)
        .where(RecordSource.record_id.in_(list(record_ids)))
        .order_by(RecordSource.record_id, RecordSource.id)
    )
    for record_id, key, article_id, published, url in rows:
        found[record_id].append(Provenance(_kind(key), key, article_id, published, url))
    return found


def result_sources(conn: Connection, result_ids: Sequence[int]) -> dict[int, list[Provenance]]:
    """Where each result comes from: the articles and official lists whose claims it stands
    on (not the candidates that await a second source), oldest first. A mark a result made
    comes from these: they are its provenance, not "Bronnen" that name the record."""
    found: dict[int, list[Provenance]] = defaultdict(list)
    if not result_ids:
        return found
    rows = conn.execute(
        select(
            ResultClaim.result_id,
            ResultClaim.source_key,
            ResultClaim.article_id,
            Article.published,
        )
        .outerjoin(Article, Article.id == ResultClaim.article_id)
        .where(ResultClaim.result_id.in_(list(result_ids)), ResultClaim.candidate.is_(False))
        .order_by(ResultClaim.result_id, ResultClaim.id)
    )
    for result_id, key, article_id, published in rows:
        found[result_id].append(Provenance(_kind(key), key, article_id, published, None))
    return found


@dataclass(frozen=True)
class Standing:
    """How independent a mark's sources are: one per near-duplicate cluster of articles (a
    wire story on ten sites is one source), one per official list; and the day the earliest
    article said it."""

    independent: int
    official: bool
    first_said: dt.date | None


def standing(conn: Connection, record_id: int) -> Standing:
    rows = conn.execute(
        select(RecordSource.source_key, Article.cluster_id, Article.published)
        .outerjoin(Article, Article.id == RecordSource.article_id)
        .where(RecordSource.record_id == record_id)
    ).all()
    keys = {f"cluster:{cluster}" if cluster is not None else key for key, cluster, _ in rows}
    days = [day for _, _, day in rows if day is not None]
    return Standing(
        independent=len(keys),
        official=any(key.startswith("official:") for key, _, _ in rows),
        first_said=min(days) if days else None,
    )


@dataclass(frozen=True)
class TimedResult:
    result: ResultView
    level: str | None  # the meet's level ("olympics", "world cup", ...)


def timed_results(
    conn: Connection,
    distance: str,
    gender: str,
    seconds: float,
    *,
    skater_id: int | None = None,
    team: str | None = None,
) -> list[TimedResult]:
    """Shown settled results of `distance` and `gender` in `seconds` (to the hundredth), oldest
    first, of `skater_id` or `team` when given: the races a record of that time could have
    been set in. (By skater the results index finds them; a record claim names its holder
    nearly always.)"""
    query = (
        _results_query()
        .add_columns(Competition.level)
        .where(
            Race.distance == distance,
            Race.gender == gender,
            RaceResult.seconds.between(seconds - TOLERANCE, seconds + TOLERANCE),
            SHOWN,  # a result held back (a candidate, a conflict) backs nothing
        )
        .order_by(RaceResult.id)
    )
    if skater_id is not None:
        query = query.where(RaceResult.skater_id == skater_id)
    if team is not None:
        query = query.where(RaceResult.team == team)
    return [TimedResult(_view(row[:-1]), row[-1]) for row in conn.execute(query)]
