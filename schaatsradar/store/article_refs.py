"""Articles as the knowledge base sees them (`ArticleRef`): the ones whose facts wait for
reconciliation or were taken in, the ones about or naming a skater. Split from
`store.knowledge`, which reads and writes the knowledge tables themselves; like it, only
finds rows and marks articles reconciled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select

from schaatsradar.store import bulk
from schaatsradar.store.id_lists import among, listed
from schaatsradar.store.knowledge import SHOWN
from schaatsradar.store.models import (
    Article,
    ArticleFacts,
    ArticleSubject,
    RaceResult,
    ReconciledArticle,
    ResultClaim,
)
from schaatsradar.store.together import Read, one


@dataclass(frozen=True)
class ArticleRef:
    id: int
    published: dt.date
    cluster_id: int
    url: str | None
    title: str
    date_precision: str = "day"  # "month" when only the month of publication is known


# What an ArticleRef is read from, in its fields' order.
_ARTICLE_REF = (
    Article.id,
    Article.published,
    Article.cluster_id,
    Article.url,
    Article.title,
    Article.date_precision,
)


def articles_by_id(conn: Connection, ids: Sequence[int]) -> list[ArticleRef]:
    rows = conn.execute(
        select(*_ARTICLE_REF).where(among(conn, Article.id, ids)).order_by(Article.id)
    )
    return [ArticleRef(*r) for r in rows]


_ARTICLES_BY_ID = listed(
    lambda of_articles: select(*_ARTICLE_REF).where(of_articles).order_by(Article.id),
    Article.id,
    "ids",
)


def articles_by_id_read(conn: Connection, ids: Sequence[int]) -> Read[list[ArticleRef]]:
    """`articles_by_id` as a read to send with others (`together`)."""
    return Read(
        _ARTICLES_BY_ID.on(conn),
        lambda rows: [ArticleRef(*r) for r in rows],
        {"ids": sorted(set(ids))},
    )


def article_ids(conn: Connection, after: int = 0, limit: int = 1000) -> list[int]:
    return list(
        conn.scalars(select(Article.id).where(Article.id > after).order_by(Article.id).limit(limit))
    )


def articles_about(conn: Connection, skater_id: int, limit: int = 10) -> list[ArticleRef]:
    """Articles with a claim about the skater's results or records, newest first."""
    # Joined from the skater's results to their articles, grouped: written as `id IN (...)`,
    # PostgreSQL walks every article newest first looking for ten of theirs, all of them
    # when a skater has official results but no news.
    rows = conn.execute(
        select(Article.id, Article.published, Article.cluster_id, Article.url, Article.title)
        .join(ResultClaim, ResultClaim.article_id == Article.id)
        .join(RaceResult, RaceResult.id == ResultClaim.result_id)
        .where(RaceResult.skater_id == skater_id, SHOWN)
        .group_by(Article.id)
        .order_by(Article.published.desc(), Article.id.desc())
        .limit(limit)
    )
    return [ArticleRef(*r) for r in rows]


def articles_naming(conn: Connection, skater_id: int, limit: int = 20) -> list[ArticleRef]:
    """Articles whose facts name the skater (a result, a record or a mention: the subjects
    reconciliation keeps per article), newest first, one per near-duplicate story. Wider
    than `articles_about`, which only knows articles with a claim on one of their results."""
    return one(conn, naming(skater_id, limit))


_NAMING = (
    select(*_ARTICLE_REF)
    .join(ArticleSubject, ArticleSubject.article_id == Article.id)
    .where(ArticleSubject.kind == "skater", ArticleSubject.value == bindparam("skater"))
    .order_by(Article.published.desc(), Article.id)
    .limit(bindparam("rows"))
)


def naming(skater_id: int, limit: int = 20) -> Read[list[ArticleRef]]:
    """`articles_naming` as a read to send with others (`together`)."""

    def distinct_stories(rows: Sequence[Any]) -> list[ArticleRef]:
        seen: set[int] = set()
        refs = []
        for row in rows:
            if row.cluster_id not in seen:
                seen.add(row.cluster_id)
                refs.append(ArticleRef(*row))
        return refs[:limit]

    # room for the copies of one story, dropped by `distinct_stories`
    return Read(_NAMING, distinct_stories, {"skater": str(skater_id), "rows": limit * 3})


def pending_facts(
    conn: Connection, limit: int = 500, after: int = 0
) -> list[tuple[ArticleRef, str, dict[str, Any]]]:
    """Articles with extracted facts the knowledge base has not taken in yet, oldest first;
    only those with an id above `after` (a caller working through them in batches need not
    look past what it took in already again: that scan grows with every batch)."""
    return _facts(conn, limit, after, reconciled=False)


def reconciled_facts(
    conn: Connection, limit: int = 500, after: int = 0
) -> list[tuple[ArticleRef, str, dict[str, Any]]]:
    """Articles whose extracted facts the knowledge base has taken in, oldest first, with an
    id above `after` (as `pending_facts`, for the ones already done)."""
    return _facts(conn, limit, after, reconciled=True)


def _facts(
    conn: Connection, limit: int, after: int, *, reconciled: bool
) -> list[tuple[ArticleRef, str, dict[str, Any]]]:
    done = select(ReconciledArticle.article_id)
    taken_in = Article.id.in_(done) if reconciled else Article.id.not_in(done)
    rows = conn.execute(
        select(*_ARTICLE_REF, ArticleFacts.extractor, ArticleFacts.facts)
        .join(ArticleFacts, ArticleFacts.article_id == Article.id)
        .where(Article.id > after, taken_in)
        .order_by(Article.id)
        .limit(limit)
    )
    return [(ArticleRef(*r[: len(_ARTICLE_REF)]), r.extractor, r.facts) for r in rows]


def mark_reconciled(conn: Connection, rows: Sequence[tuple[int, str]], now: dt.datetime) -> None:
    """A batch of articles taken in: one COPY on PostgreSQL (`bulk.copy_rows`), where an
    executemany of INSERTs was a statement per article for the server to parse and run."""
    bulk.copy_rows(
        conn,
        ReconciledArticle,
        ("article_id", "extractor", "reconciled_at"),
        [(article_id, extractor, now) for article_id, extractor in rows],
    )
