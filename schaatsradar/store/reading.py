"""Read models for pages, the CLI and (later) the API: never raw rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, bindparam, distinct, func, select, union

from schaatsradar.store import dialect, pg_search
from schaatsradar.store.id_lists import listed
from schaatsradar.store.models import Article, ArticleAlias, Source
from schaatsradar.store.snippets import snippet
from schaatsradar.store.stemming import stems
from schaatsradar.store.together import Read


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    published: dt.date
    date_precision: str
    title: str
    language: str
    source: str
    demo: bool
    also_published_by: int  # other sources carrying the same story (its cluster)
    snippet: str
    score: float | None = None


@dataclass(frozen=True)
class SearchFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str | None = None


_SUMMARY_COLUMNS = select(
    Article.id,
    Article.cluster_id,
    Article.published,
    Article.date_precision,
    Article.title,
    Article.language,
    Article.clean_text,
    Article.demo,
    Source.key.label("source"),
).join(Source, Source.id == Article.source_id)


def _sources_query(of_clusters: ColumnElement[bool]) -> Any:
    members = union(
        select(Article.cluster_id, Article.source_id).where(of_clusters),
        select(Article.cluster_id, ArticleAlias.source_id)
        .join(ArticleAlias, ArticleAlias.article_id == Article.id)
        .where(of_clusters),
    ).subquery()
    return select(members.c.cluster_id, func.count(distinct(members.c.source_id))).group_by(
        members.c.cluster_id
    )


_SOURCES_PER_CLUSTER = listed(_sources_query, Article.cluster_id, "ids")


def sources_per_cluster(conn: Connection, cluster_ids: Sequence[int]) -> dict[int, int]:
    if not cluster_ids:
        return {}
    read = sources_per_cluster_read(conn, cluster_ids)
    return read.convert(conn.execute(read.statement, read.params).all())


def sources_per_cluster_read(conn: Connection, cluster_ids: Sequence[int]) -> Read[dict[int, int]]:
    """`sources_per_cluster` as a read to send with others (`together`)."""
    return Read(
        _SOURCES_PER_CLUSTER.on(conn),
        lambda rows: {key: value for key, value in rows},
        {"ids": sorted(set(cluster_ids))},
    )


_LATEST = (
    _SUMMARY_COLUMNS.where(Article.id == Article.cluster_id)
    .order_by(Article.published.desc(), Article.id.desc())
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)


def latest(conn: Connection, limit: int = 20, offset: int = 0) -> list[ArticleSummary]:
    """Newest stories, one per near-duplicate cluster (its first article)."""
    read = latest_read(limit, offset)
    rows = read.convert(conn.execute(read.statement, read.params).all())
    return summaries(rows, sources_per_cluster(conn, [row.cluster_id for row in rows]))


def latest_read(limit: int = 20, offset: int = 0) -> Read[list[Any]]:
    """The rows of `latest` (turned into summaries by `summaries`, with their clusters'
    `sources_per_cluster`), as a read to send with others (`together`)."""
    return Read(_LATEST, list, {"limit": limit, "offset": offset})


def summaries(rows: Sequence[Any], counts: dict[int, int]) -> list[ArticleSummary]:
    """`latest`'s summaries of the rows `latest_read` gave."""
    return [_summary(row, counts, _lead(row.clean_text), None) for row in rows]


def search(
    conn: Connection,
    query: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    highlight: bool = True,
) -> list[ArticleSummary]:
    """Ranked matches, one hit per near-duplicate cluster: the `limit` after the first
    `offset`. Snippets (stemming every word of an article) are made for those only, and only
    with `highlight`: a caller that filters the hits further highlights what it shows with
    `highlighted`. `score` is `dialect.TITLE_SCORE` when the title holds every query word,
    else `dialect.TEXT_SCORE`; the order is `dialect.search_matches`'s (title hits first
    among the newest `dialect.RANKED` matches)."""
    filters = filters or SearchFilters()
    where, params = _filter_sql(filters)
    # Over-fetch: several members of one cluster may rank next to each other.
    wanted = offset + limit
    matches, query_stems = dialect.search_matches(conn, query, where, params, wanted * 3)
    if not matches:
        return []
    score_by_id = {row[0]: float(row[1]) for row in matches}
    if dialect.is_sqlite(conn):
        chosen = _page_rows(conn, [row[0] for row in matches], offset, limit)
        counts = sources_per_cluster(conn, [row.cluster_id for row in chosen])
    else:  # one round trip for what SQLite answers in three
        chosen = pg_search.page_rows(conn, [row[0] for row in matches], offset, limit)
        counts = {row.cluster_id: row.sources for row in chosen}
    return [
        _summary(
            row,
            counts,
            snippet(row.clean_text, query_stems) if highlight else _lead(row.clean_text),
            score_by_id[row.id],
        )
        for row in chosen
    ]


def _page_rows(conn: Connection, ids: list[int], offset: int, limit: int) -> list[Any]:
    """The summary rows of the page: one hit per near-duplicate cluster, its best-placed
    article, in the order of `ids` (best first)."""
    cluster_by_id: dict[int, int] = {
        article_id: cluster_id
        for article_id, cluster_id in conn.execute(
            select(Article.id, Article.cluster_id).where(Article.id.in_(ids))
        )
    }
    best_per_cluster: dict[int, int] = {}
    for article_id in ids:
        best_per_cluster.setdefault(cluster_by_id[article_id], article_id)
    page = list(best_per_cluster.values())[offset : offset + limit]
    rows = {row.id: row for row in conn.execute(_SUMMARY_COLUMNS.where(Article.id.in_(page)))}
    return [rows[i] for i in page]


def highlighted(
    conn: Connection, query: str, hits: Sequence[ArticleSummary]
) -> list[ArticleSummary]:
    """`hits` of `search(..., highlight=False)` with the query's words marked in their
    snippets: for the hits a page shows, not every one it looked at."""
    if not hits:
        return []
    query_stems = set(stems(query))
    texts: dict[int, str] = {
        article_id: text
        for article_id, text in conn.execute(
            select(Article.id, Article.clean_text).where(Article.id.in_([h.id for h in hits]))
        )
    }
    return [replace(hit, snippet=snippet(texts[hit.id], query_stems)) for hit in hits]


def _filter_sql(filters: SearchFilters) -> tuple[str, dict[str, object]]:
    clauses: list[str] = []
    params: dict[str, object] = {}
    if filters.date_from:
        clauses.append("AND published >= :date_from")
        params["date_from"] = filters.date_from
    if filters.date_to:
        clauses.append("AND published <= :date_to")
        params["date_to"] = filters.date_to
    if filters.language:
        clauses.append("AND language = :language")
        params["language"] = filters.language
    return " ".join(clauses), params


def _summary(
    row: Row[*tuple[Any, ...]], counts: dict[int, int], excerpt: str, score: float | None
) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        published=row.published,
        date_precision=row.date_precision,
        title=row.title,
        language=row.language,
        source=row.source,
        demo=row.demo,
        also_published_by=max(0, counts.get(row.cluster_id, 1) - 1),
        snippet=excerpt,
        score=score,
    )


def _lead(text: str, words: int = 40) -> str:
    return snippet(text, set(), window=words)


def stats(conn: Connection) -> dict[str, int]:
    """Counts for `schaatsradar stats`, in a stable order."""

    def count(column: ColumnElement[int]) -> int:
        return int(conn.execute(select(column)).scalar_one())

    return {
        "articles": count(func.count(Article.id)),
        "sources": count(func.count(Source.id)),
        "feeds": count(func.count(Source.id).filter(Source.feed_url.is_not(None))),
        "stories": count(func.count(distinct(Article.cluster_id))),
        "near_duplicates": count(func.count(Article.id).filter(Article.id != Article.cluster_id)),
        "duplicate_urls": count(func.count(ArticleAlias.id)),
        "demo_articles": count(func.count(Article.id).filter(Article.demo.is_(True))),
        **{
            f"language_{language}": n
            for language, n in conn.execute(
                select(Article.language, func.count()).group_by(Article.language)
            )
        },
    }
