"""Everything that differs between SQLite and PostgreSQL, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from schaatsradar.store import pg_search, table_stats
from schaatsradar.store.models import Source
from schaatsradar.store.stemming import query_tokens, search_terms, stems

SQLITE_CHUNK = 5000  # values per IN list, far below SQLite's bound-parameter limit


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def is_postgresql(database_url: str) -> bool:
    """Whether a database URL names PostgreSQL (for work done before any connection)."""
    return make_url(database_url).get_backend_name() == "postgresql"


def plan_for_growing_tables(conn: Connection) -> None:
    """For the rest of this transaction, PostgreSQL plans every statement for the tables as
    they are now, not with the generic plan of a statement prepared while they were small.

    Why: a reconcile transaction grows results, claims and races many times over within one
    run, faster than the statistics follow (and a generic plan outlives the statistics until
    the next ANALYZE), so with reused plans the races of a meet were found by scanning all of
    them. Planning each statement again costs a fraction of a millisecond. `SET LOCAL`: this
    transaction only, so the site's reads keep their reused plans. SQLite has no plan cache
    to steer: nothing to do there. The statistics those plans are made from are brought up
    to date too (`table_stats.refresh`): a fresh plan from stale statistics still scans."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
        table_stats.refresh(conn)


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
            # Integer arrays as literals: psycopg dumps a list value by value in Python.
            (source_id, _int_array(hashes), _int_array(added)),
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


def _int_array(values: Sequence[int]) -> str:
    """PostgreSQL's text form of an integer array."""
    return "{" + ",".join(map(str, values)) + "}"


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


def index_articles(
    conn: Connection,
    rows: Sequence[tuple[int, str, str, str, str]],
    lexemes: Sequence[tuple[str, str] | None] | None = None,
) -> None:
    """Feed (id, title stems, body stems, published, language) to the search index: SQLite's
    FTS5 table, or PostgreSQL's `article_search` with the same tokens FTS5 makes of them. The
    last two are kept beside the words so filters need no join with the wide articles table.
    `lexemes`: per row, `pg_search.article_lexemes` of its stems when made ahead (PostgreSQL
    only; SQLite indexes the stems)."""
    if not rows:
        return
    if is_sqlite(conn):
        conn.exec_driver_sql(
            "INSERT INTO articles_fts(rowid, title, body, published, language) "
            "VALUES (?, ?, ?, ?, ?)",
            list(rows),
        )
        conn.exec_driver_sql(
            "INSERT INTO articles_title_fts(rowid, title, published, language) VALUES (?, ?, ?, ?)",
            [(i, title, published, language) for i, title, _, published, language in rows],
        )
        return
    pg_search.add_search_rows(conn, rows, lexemes)


def reindex_article(conn: Connection, article_id: int, title: str, body: str) -> None:
    if not is_sqlite(conn):
        _, _, _, title_tokens, tokens = pg_search.search_row(
            article_id, *search_terms(title, body), "", ""
        )
        conn.exec_driver_sql(
            "UPDATE article_search SET title_vector = array_to_tsvector(CAST(%s AS text[])), "
            "vector = array_to_tsvector(CAST(%s AS text[])) WHERE id = %s",
            (title_tokens, tokens, article_id),
        )
        return
    published, language = conn.exec_driver_sql(
        "SELECT published, language FROM articles_fts WHERE rowid = ?", (article_id,)
    ).one()
    for table in ("articles_fts", "articles_title_fts"):
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", (article_id,))
    index_articles(conn, [(article_id, *search_terms(title, body), published, language)])


# Scores of a hit: its title holds every query word, or its title and text together do.
TITLE_SCORE = 2.0
TEXT_SCORE = 1.0
# The newest RANKED matches of a query are ranked (title matches first); older ones follow,
# newest first. A fixed number, so a query's cost does not grow with the archive.
RANKED = 60


def search_matches(
    conn: Connection, query: str, filters: str, params: dict[str, Any], limit: int
) -> tuple[list[Any], set[str]]:
    """Rows (id, score) best first, at most `limit`, and the query stems used for
    highlighting. `filters` are `AND published …` / `AND language …` clauses.

    The same order on both engines, and bounded by the index on both: of the newest `RANKED`
    articles that hold every query word (in title and text together), those whose title holds
    them all come first, then the others, newest (highest id) first within each; older
    matches follow, newest first. The score says whether the title holds every word. Finding
    "the newest N matches" is what both indexes do without visiting every match of a common
    word; ranking all matches (bm25 on SQLite, ts_rank_cd on PostgreSQL, which could never
    agree) or looking for title matches in the whole archive costs more the larger it grows."""
    tokens = query_tokens(query)
    if not tokens:
        return [], set()
    found = _newest_matches(conn, tokens, filters, params, max(limit, RANKED))
    ranked = sorted(found[:RANKED], key=lambda hit: not hit[1])  # stable: newest first in each
    rows = [(i, TITLE_SCORE if in_title else TEXT_SCORE) for i, in_title in ranked + found[RANKED:]]
    return rows[:limit], set(stems(query))


def _newest_matches(
    conn: Connection, tokens: list[str], filters: str, params: dict[str, Any], limit: int
) -> list[tuple[int, bool]]:
    """(id, title holds every token) of the newest `limit` matches, newest first."""
    if not is_sqlite(conn):
        return pg_search.newest_matches(conn, tokens, filters, params, limit)
    match = " ".join(f'"{token}"' for token in tokens)  # tokens: letters and digits
    found = [
        row[0]
        for row in conn.execute(
            text(
                f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match {filters} "
                "ORDER BY rowid DESC LIMIT :limit"
            ),
            {**params, "match": match, "limit": limit},
        )
    ]
    if not found:
        return []
    # Titles have an index of their own, asked only for the ids found: FTS5 seeks to the
    # rowid range in each word's doclist (a column filter on articles_fts would read the
    # doclists of every article that holds the words anywhere).
    titled = {
        row[0]
        for row in conn.execute(
            text(
                "SELECT rowid FROM articles_title_fts WHERE articles_title_fts MATCH :match "
                "AND rowid BETWEEN :low AND :high"
            ),
            {"match": match, "low": found[-1], "high": found[0]},
        )
    }
    return [(i, i in titled) for i in found]
