"""Everything that differs between SQLite and PostgreSQL, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.dialects import postgresql, sqlite

from schaatsradar.store.models import Source
from schaatsradar.store.stemming import search_terms, stems

SQLITE_CHUNK = 5000  # values per IN list, far below SQLite's bound-parameter limit


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def allocate_article_ids(conn: Connection, count: int) -> list[int]:
    """Ids for a batch before insert, so a near-duplicate can point at a batch neighbour."""
    if count == 0:
        return []
    if is_sqlite(conn):
        # Safe: write transactions hold SQLite's write lock from BEGIN IMMEDIATE.
        top = conn.execute(text("SELECT coalesce(max(id), 0) FROM articles")).scalar_one()
        return list(range(top + 1, top + 1 + count))
    rows = conn.execute(
        text("SELECT nextval('article_id_seq') FROM generate_series(1, :n)"), {"n": count}
    )
    return [row[0] for row in rows]


def add_paragraph_counts(
    conn: Connection, source_id: int, counts: dict[int, int]
) -> dict[int, int]:
    """`article_count += n` for each (paragraph hash, n) of one source; the counts after.
    PostgreSQL does it in one upsert of two arrays (per-row statements cost a round trip of
    driver work each); SQLite reads the counts before and upserts the rows."""
    if not counts:
        return {}
    hashes, added = list(counts), list(counts.values())
    if not is_sqlite(conn):
        rows = conn.exec_driver_sql(
            "INSERT INTO boundary_paragraphs (source_id, paragraph_hash, article_count) "
            "SELECT %s, h, n FROM unnest(%s::bigint[], %s::int[]) AS t(h, n) "
            "ON CONFLICT (source_id, paragraph_hash) DO UPDATE "
            "SET article_count = boundary_paragraphs.article_count + excluded.article_count "
            "RETURNING paragraph_hash, article_count",
            (source_id, hashes, added),
        )
        return {int(h): int(n) for h, n in rows}
    before: dict[int, int] = {}
    for start in range(0, len(hashes), SQLITE_CHUNK):
        chunk = hashes[start : start + SQLITE_CHUNK]
        marks = ", ".join("?" * len(chunk))
        before.update(
            conn.exec_driver_sql(
                "SELECT paragraph_hash, article_count FROM boundary_paragraphs "
                f"WHERE source_id = ? AND paragraph_hash IN ({marks})",
                (source_id, *chunk),
            ).all()
        )
    conn.exec_driver_sql(
        "INSERT INTO boundary_paragraphs (source_id, paragraph_hash, article_count) "
        "VALUES (?, ?, ?) ON CONFLICT (source_id, paragraph_hash) "
        "DO UPDATE SET article_count = article_count + excluded.article_count",
        [(source_id, h, n) for h, n in counts.items()],
    )
    return {h: before.get(h, 0) + n for h, n in counts.items()}


def add_sources(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert sources, leaving alone any key another transaction has just added: two ingests
    naming the same new publisher at once must both go on (on PostgreSQL the second waits for
    the first to commit, then skips the row)."""
    if not rows:
        return
    insert = sqlite.insert if is_sqlite(conn) else postgresql.insert
    conn.execute(insert(Source).on_conflict_do_nothing(index_elements=["key"]), list(rows))


def add_source(conn: Connection, row: dict[str, Any]) -> int | None:
    """One source, as `add_sources` inserts them; its new id, or None when another transaction
    has just added its key or its feed URL (PostgreSQL waits for that one to commit first)."""
    insert = sqlite.insert if is_sqlite(conn) else postgresql.insert
    statement = insert(Source).values(row).on_conflict_do_nothing()
    return conn.execute(statement.returning(Source.id)).scalar()


def index_articles(conn: Connection, rows: Sequence[tuple[int, str, str, str, str]]) -> None:
    """Feed (id, title stems, body stems, published, language) to the SQLite index; the last
    two are stored unindexed so filters need no join with the wide articles table.
    PostgreSQL's column is generated from the text itself."""
    if not rows or not is_sqlite(conn):
        return
    conn.exec_driver_sql(
        "INSERT INTO articles_fts(rowid, title, body, published, language) VALUES (?, ?, ?, ?, ?)",
        list(rows),
    )


def reindex_article(conn: Connection, article_id: int, title: str, body: str) -> None:
    if not is_sqlite(conn):
        return
    published, language = conn.exec_driver_sql(
        "SELECT published, language FROM articles_fts WHERE rowid = ?", (article_id,)
    ).one()
    conn.exec_driver_sql("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
    index_articles(conn, [(article_id, *search_terms(title, body), published, language)])


# SQLite ranks at most this many of the newest matches: bm25 over every match of a common word
# in 100,000 articles costs tens of milliseconds, and readers of news want the recent ones.
RANK_WINDOW = 2000


def search_matches(
    conn: Connection, query: str, filters: str, params: dict[str, Any], limit: int
) -> tuple[list[Any], set[str]]:
    """Rows (id, score) best first, and the query stems used for highlighting. `filters` are
    `AND published …` / `AND language …` clauses."""
    query_stems = stems(query)
    if not query_stems:
        return [], set()
    if is_sqlite(conn):
        match = " ".join(f'"{stem}"' for stem in query_stems)
        sql = (
            "SELECT id, score FROM (SELECT rowid AS id, -bm25(articles_fts, 4.0, 1.0) AS score "
            f"FROM articles_fts WHERE articles_fts MATCH :match {filters} "
            "ORDER BY rowid DESC LIMIT :window) ORDER BY score DESC LIMIT :limit"
        )
        rows = conn.execute(
            text(sql), {**params, "match": match, "limit": limit, "window": RANK_WINDOW}
        ).all()
    else:
        sql = (
            "SELECT a.id, ts_rank_cd(a.search_vector, q) AS score "
            "FROM articles a, plainto_tsquery('dutch', :query) q "
            f"WHERE a.search_vector @@ q {filters} ORDER BY score DESC LIMIT :limit"
        )
        rows = conn.execute(text(sql), {**params, "query": query, "limit": limit}).all()
    return list(rows), set(query_stems)
