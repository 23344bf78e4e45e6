"""Writing and reading articles, and the bookkeeping duplicate detection needs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, func, insert, select, update

from schaatsradar.store import bulk, dialect, stemming
from schaatsradar.store.models import (
    Article,
    ArticleAlias,
    ArticleFacts,
    MinhashBand,
    Source,
)

T = TypeVar("T")
CHUNK = 5000  # stays far below both databases' bound-parameter limits


@dataclass(frozen=True)
class NewArticle:
    """A row ready to insert; ids were handed out by `allocate_ids`."""

    id: int
    source_id: int
    url: str | None
    title: str
    published: dt.date
    date_precision: str
    language: str
    original_text: str
    clean_text: str
    text_hash: str
    cluster_id: int
    minhash: bytes
    band_keys: tuple[int, ...]
    boundary_paragraphs: tuple[int, ...]
    origin: str
    demo: bool = False
    search_terms: tuple[str, str] | None = None  # stemming.search_terms(title, clean_text)
    # pg_search.article_lexemes(*search_terms), made ahead for PostgreSQL; None: made here
    search_lexemes: tuple[str, str] | None = None
    facts: dict[str, Any] | None = None  # the extraction contract for clean_text
    extractor: str | None = None


@dataclass(frozen=True)
class NewAlias:
    article_id: int
    source_id: int
    url: str | None
    origin: str


@dataclass
class KnownArticles:
    """What the store already holds that can make a batch's articles duplicates."""

    id_by_url: dict[str, int] = field(default_factory=dict)
    id_by_hash: dict[str, int] = field(default_factory=dict)
    ids_by_band: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    signature_by_id: dict[int, bytes] = field(default_factory=dict)
    cluster_by_id: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredArticle:
    id: int
    source_id: int
    title: str
    clean_text: str
    original_text: str
    boundary_paragraphs: tuple[int, ...]
    published: dt.date
    date_precision: str
    language: str
    origin: str


def _chunks(items: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def lookup_known(
    conn: Connection, urls: Sequence[str], hashes: Sequence[str], band_keys: Sequence[int]
) -> KnownArticles:
    """One round of index lookups for a whole batch. Plain SQL: these lists hold thousands of
    values, and compiling them through SQLAlchemy costs more than running them."""
    known = KnownArticles()
    url_list = sorted(set(urls))
    for url, article_id in _select_in(conn, "SELECT url, id FROM articles WHERE url", url_list):
        known.id_by_url[url] = article_id
    for url, article_id in _select_in(
        conn, "SELECT url, article_id FROM article_aliases WHERE url", url_list
    ):
        known.id_by_url.setdefault(url, article_id)
    known.id_by_hash.update(
        _select_in(conn, "SELECT text_hash, id FROM articles WHERE text_hash", sorted(set(hashes)))
    )
    candidates: set[int] = set()
    for band_key, article_id in _select_in(
        conn,
        "SELECT band_key, article_id FROM minhash_bands WHERE band_key",
        sorted(set(band_keys)),
        "bigint",
    ):
        known.ids_by_band[band_key].append(article_id)
        candidates.add(article_id)
    for article_id, cluster_id, signature in _select_in(
        conn, "SELECT id, cluster_id, minhash FROM articles WHERE id", sorted(candidates), "int"
    ):
        known.cluster_by_id[article_id] = cluster_id
        known.signature_by_id[article_id] = bytes(signature)
    return known


def _select_in(
    conn: Connection, sql: str, values: Sequence[Any], pg_type: str = "text"
) -> list[tuple[Any, ...]]:
    """`sql` ends with the column to match. SQLite gets ` IN (?, ...)` in chunks; PostgreSQL
    one array parameter (`= ANY(%s::type[])`): psycopg takes ~100 us per placeholder to
    rewrite a query of thousands, and the plan is the same index lookup either way."""
    if not values:
        return []
    if not dialect.is_sqlite(conn):
        # Integers go as one array literal: psycopg dumps a list of ints value by value.
        array = "{" + ",".join(map(str, values)) + "}" if pg_type != "text" else list(values)
        rows = conn.exec_driver_sql(f"{sql} = ANY(%s::{pg_type}[])", (array,))
        return [tuple(row) for row in rows]
    found: list[tuple[Any, ...]] = []
    for chunk in _chunks(values):
        marks = ", ".join("?" * len(chunk))
        found.extend(
            tuple(row) for row in conn.exec_driver_sql(f"{sql} IN ({marks})", tuple(chunk))
        )
    return found


def allocate_ids(conn: Connection, count: int) -> list[int]:
    return dialect.allocate_article_ids(conn, count)


ARTICLE_COLUMNS = (
    "id",
    "source_id",
    "url",
    "title",
    "published",
    "date_precision",
    "language",
    "original_text",
    "clean_text",
    "text_hash",
    "cluster_id",
    "minhash",
    "boundary_paragraphs",
    "origin",
    "demo",
    "ingested_at",
)


def insert_articles(conn: Connection, articles: Sequence[NewArticle], now: dt.datetime) -> None:
    """The articles, their facts, LSH bands and search index rows: bulk writes (COPY on
    PostgreSQL) in the caller's transaction."""
    if not articles:
        return
    bulk.copy_rows(conn, Article, ARTICLE_COLUMNS, [_article_row(a, now) for a in articles])
    save_facts(
        conn,
        [(a.id, a.extractor, a.facts) for a in articles if a.facts is not None and a.extractor],
        now,
    )
    bulk.copy_integer_rows(
        conn,
        MinhashBand,
        ("band_key", "article_id"),
        [(key, article.id) for article in articles for key in set(article.band_keys)],
    )
    dialect.index_articles(
        conn,
        [
            (
                a.id,
                *(a.search_terms or stemming.search_terms(a.title, a.clean_text)),
                a.published.isoformat(),
                a.language,
            )
            for a in articles
        ],
        [a.search_lexemes for a in articles],
    )


def _article_row(article: NewArticle, now: dt.datetime) -> tuple[Any, ...]:
    """The values of ARTICLE_COLUMNS, in that order."""
    return (
        article.id,
        article.source_id,
        article.url,
        article.title,
        article.published,
        article.date_precision,
        article.language,
        article.original_text,
        article.clean_text,
        article.text_hash,
        article.cluster_id,
        article.minhash,
        " ".join(str(h) for h in article.boundary_paragraphs),
        article.origin,
        article.demo,
        now,
    )


def insert_aliases(conn: Connection, aliases: Sequence[NewAlias], now: dt.datetime) -> None:
    """Remember duplicates; a URL already known (to an article or alias) is not added twice."""
    if not aliases:
        return
    bulk.copy_rows(
        conn,
        ArticleAlias,
        ("article_id", "source_id", "url", "origin", "seen_at"),
        [(a.article_id, a.source_id, a.url, a.origin, now) for a in aliases],
    )


def source_ids(conn: Connection, keys: Iterable[str], now: dt.datetime) -> dict[str, int]:
    """Ids of the named sources, creating those not seen before (race-safe: another ingest may
    be creating the same publisher right now)."""
    wanted = sorted(set(keys))
    found = dict(iter(conn.execute(select(Source.key, Source.id).where(Source.key.in_(wanted)))))
    missing = [key for key in wanted if key not in found]
    if missing:
        dialect.add_sources(conn, [{"key": key, "created_at": now} for key in missing])
        found.update(
            iter(conn.execute(select(Source.key, Source.id).where(Source.key.in_(missing))))
        )
    return found


def count_boundary_paragraphs(
    conn: Connection, source_id: int, counts: dict[int, int]
) -> dict[int, tuple[int, int]]:
    """Add this batch's counts; return (before, after) per paragraph hash."""
    after = dialect.add_paragraph_counts(conn, source_id, counts)
    return {h: (after[h] - n, after[h]) for h, n in counts.items()}


def articles_with_boundary_paragraph(
    conn: Connection, source_id: int, paragraph_hash: int
) -> list[StoredArticle]:
    # The hashes are stored space-separated; the surrounding spaces make the match exact.
    padded = " " + Article.boundary_paragraphs + " "
    rows = conn.execute(
        select(
            Article.id,
            Article.source_id,
            Article.title,
            Article.clean_text,
            Article.original_text,
            Article.boundary_paragraphs,
            Article.published,
            Article.date_precision,
            Article.language,
            Article.origin,
        ).where(Article.source_id == source_id, padded.contains(f" {paragraph_hash} "))
    )
    return [
        StoredArticle(
            id=row.id,
            source_id=row.source_id,
            title=row.title,
            clean_text=row.clean_text,
            original_text=row.original_text,
            boundary_paragraphs=tuple(int(h) for h in row.boundary_paragraphs.split()),
            published=row.published,
            date_precision=row.date_precision,
            language=row.language,
            origin=row.origin,
        )
        for row in rows
    ]


def update_clean_text(conn: Connection, article_id: int, title: str, clean_text: str) -> None:
    conn.execute(update(Article).where(Article.id == article_id).values(clean_text=clean_text))
    dialect.reindex_article(conn, article_id, title, clean_text)


def save_facts(
    conn: Connection, rows: Sequence[tuple[int, str, dict[str, Any]]], now: dt.datetime
) -> None:
    """Store (article id, extractor version, facts), replacing what an earlier run stored."""
    if not rows:
        return
    ids = [article_id for article_id, _, _ in rows]
    for chunk in _chunks(ids):
        conn.execute(delete(ArticleFacts).where(ArticleFacts.article_id.in_(chunk)))
    conn.execute(
        insert(ArticleFacts),
        [{"article_id": i, "extractor": e, "facts": f, "extracted_at": now} for i, e, f in rows],
    )


def facts_for(conn: Connection, article_id: int) -> dict[str, Any] | None:
    return conn.execute(
        select(ArticleFacts.facts).where(ArticleFacts.article_id == article_id)
    ).scalar()


def count_articles(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(Article)).scalar_one()
