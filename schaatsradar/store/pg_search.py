"""PostgreSQL's side of search: the `article_search` rows and the "newest matches" queries.

Each row holds the tokens SQLite's FTS5 holds for the article (`stemming.index_tokens`):
`title_vector` those of the title, `vector` those of title and text. Both also hold a few
*block* lexemes (`#10_97` = ids 97·1024 to 98·1024 - 1, and likewise for blocks of 2^14,
2^18 and 2^22 ids), which no word can be (words are letters and digits only).

Why blocks: the newest N matches of a word must come from an index, whatever the word.
PostgreSQL's planner picks between walking the primary key backwards (cheap for a common
word, but it reads the whole table when the word is rare or absent) and reading the word's
GIN posting list (cheap for a rare word, but it fetches every match of a common one), from
estimates that are often wrong for words outside its statistics or for words that go
together ("10.000 meter"): measured at 1,000,000 articles, wrong guesses cost 0.9 to 8.4 s.
So the store does not let it guess:

1. the newest `RECENT` rows by primary key, checked in a subquery whose LIMIT bounds it
   (a word in more than 1 of 4 of these rows is done here);
2. then windows of ids below them, each 8 times the last, as `words & (blocks of the window)`:
   GIN intersects the word's posting list with the window's few block lists and PostgreSQL
   fetches only the matches inside the window, never a whole table or a whole posting list
   of rows; it stops at the first window that completes the page (one statement).

The cost of a query is then set by the page size and the word's frequency, not by the size
of the archive (`bench/search_bench.py`, docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from schaatsradar.store import bulk
from schaatsradar.store.stemming import index_tokens

BLOCK_SHIFTS = (22, 18, 14, 10)  # coarsest first: a window is covered with few lexemes
RECENT = 4  # step 1 checks RECENT × the page size (and at least MIN_RECENT) newest rows
MIN_RECENT = 200
GROWTH = 8


def search_row(
    article_id: int, title_stems: str, body_stems: str, published: str, language: str
) -> tuple[int, str, str, list[str], list[str]]:
    """A row of `article_search`: the title's tokens and all tokens, each once (no positions
    or weights: the rank needs none, and small vectors are cheap to check), with the block
    lexemes of the article's id."""
    blocks = [_block(shift, article_id >> shift) for shift in BLOCK_SHIFTS]
    title = sorted(set(index_tokens(title_stems)))
    every = sorted(set(title).union(index_tokens(body_stems)))
    return article_id, published, language, title + blocks, every + blocks


def add_search_rows(
    conn: Connection,
    rows: Sequence[tuple[int, str, str, str, str]],
    lexemes: Sequence[tuple[str, str] | None] | None = None,
) -> None:
    """Index (id, title stems, body stems, published, language) rows: the lexemes of
    `search_row`, as `tsvector` text, in one COPY. `lexemes`, per row, are its
    `article_lexemes` when the caller made them ahead (an ingest's worker processes do).

    Why not INSERT … array_to_tsvector(text[]): psycopg dumps a Python list of strings to an
    array element by element in Python, and an article has hundreds of tokens (220 us of the
    writer's 440 us per article went there); tsvector text is one string per row, and
    PostgreSQL makes the very same vector of it (each token one quoted lexeme; sorted and
    deduplicated by PostgreSQL as array_to_tsvector does, so not sorted here; a too-long one
    is refused by both alike)."""
    made = lexemes if lexemes is not None else [None] * len(rows)
    bulk.copy_into(
        conn,
        "article_search",
        ("id", "published", "language", "title_vector", "vector"),
        (
            (article_id, published, language, *_vectors(article_id, title, body, ahead))
            for (article_id, title, body, published, language), ahead in zip(
                rows, made, strict=True
            )
        ),
    )


def article_lexemes(
    title_stems: str, body_stems: str, body_tokens: set[str] | None = None
) -> tuple[str, str]:
    """The title's tokens and all tokens of an article as tsvector text, without the block
    lexemes of its id (which is not known before it is written). Made in the ingest's worker
    processes: tokenizing an article's stems was a fifth of the writing process's time.
    `body_tokens`: `set(index_tokens(body_stems))` when the caller has it (`token_set`)."""
    title = set(index_tokens(title_stems))
    every = title.union(index_tokens(body_stems) if body_tokens is None else body_tokens)
    return tsvector_text(list(title)), tsvector_text(list(every))


def _vectors(
    article_id: int, title_stems: str, body_stems: str, lexemes: tuple[str, str] | None = None
) -> tuple[str, str]:
    """`search_row`'s title and full lexemes as tsvector text."""
    title, every = lexemes or article_lexemes(title_stems, body_stems)
    blocks = tsvector_text([_block(shift, article_id >> shift) for shift in BLOCK_SHIFTS])
    return _joined(title, blocks), _joined(every, blocks)


def _joined(words: str, blocks: str) -> str:
    return f"{words} {blocks}" if words else blocks


def tsvector_text(tokens: list[str]) -> str:
    """`tokens` as tsvector input: each a quoted lexeme without position. Tokens are letters,
    digits and block lexemes; a quote or backslash would be escaped all the same."""
    if not tokens:
        return ""
    plain = "".join(tokens)
    if "'" in plain or "\\" in plain:
        tokens = [token.replace("\\", "\\\\").replace("'", "''") for token in tokens]
    return "'" + "' '".join(tokens) + "'"


def _block(shift: int, number: int) -> str:
    return f"#{shift}_{number}"


def newest_matches(
    conn: Connection, tokens: list[str], filters: str, params: dict[str, Any], limit: int
) -> list[tuple[int, bool]]:
    """(id, title holds every token) of the newest `limit` rows whose `vector` holds every
    token and that pass `filters`, newest first.

    The words are a bound parameter, not part of the statement's text: the text depends only
    on the filters and on the number of windows, so psycopg prepares it once per connection
    and PostgreSQL plans it once. The plan cannot depend on the words, and needs not: the
    subquery's LIMIT, the block lexemes and `ORDER BY id + 0` fix its shape (checked with a
    generic plan in docs/scaling.md)."""
    words = " & ".join(f"'{token}'" for token in tokens)  # tokens: letters and digits
    recent = max(RECENT * limit, MIN_RECENT)
    hits, titled, top, looked_at = conn.execute(
        text(
            "SELECT array_agg(id ORDER BY id DESC) FILTER (WHERE hit), "
            "array_agg(in_title ORDER BY id DESC) FILTER (WHERE hit), min(id), count(*) FROM ("
            f"SELECT id, vector @@ CAST(:words AS tsquery) {filters} AS hit, "
            "title_vector @@ CAST(:words AS tsquery) AS in_title FROM ("
            "SELECT id, published, language, title_vector, vector FROM article_search "
            "ORDER BY id DESC LIMIT :recent) AS newest) AS checked"
        ),
        {**params, "words": words, "recent": recent},
    ).one()
    found: list[tuple[int, bool]] = list(zip(hits or [], titled or [], strict=True))[:limit]
    if looked_at < recent or len(found) == limit:
        return found
    # Every id from `top` up has been looked at. Below it, windows of ids 8 times larger each,
    # newest first, in one statement: PostgreSQL runs the branches of a UNION ALL in order
    # and stops as soon as the LIMIT is met, so older windows are never read.
    branches: list[str] = []
    values: dict[str, Any] = {**params, "words": words, "limit": limit - len(found)}
    size = recent * GROWTH
    while top > 0:
        bottom = max(0, top - size) >> BLOCK_SHIFTS[-1] << BLOCK_SHIFTS[-1]
        blocks = " | ".join(f"'{b}'" for b in _cover(bottom, top))
        n = len(branches)
        branches.append(
            "(SELECT id, title_vector @@ CAST(:words AS tsquery) FROM article_search "
            f"WHERE vector @@ CAST(:window{n} AS tsquery) AND id + 0 < :top{n} {filters} "
            # `id + 0`: not the primary key's order, which the planner would walk from the
            # newest row on when it overestimates the window's matches (measured: 4 s at
            # 1,000,000 articles instead of 0.2 ms), nor its range, which a generic plan
            # (it assumes a third of the table) ANDs with the GIN bitmap: 185 ms at 300,000.
            "ORDER BY id + 0 DESC LIMIT :limit)"
        )
        values[f"window{n}"] = f"{words} & ({blocks})"
        values[f"top{n}"] = top
        top, size = bottom, size * GROWTH
    older = conn.execute(
        text(f"SELECT * FROM ({' UNION ALL '.join(branches)}) AS older LIMIT :limit"), values
    )
    return found + [(row[0], row[1]) for row in older]


def _cover(bottom: int, top: int) -> list[str]:
    """Block lexemes covering ids `bottom` (a multiple of the finest block) to `top` - 1, and
    at most one finest block beyond: as few and as coarse as the alignment allows."""
    blocks = []
    start = bottom
    while start < top:
        for shift in BLOCK_SHIFTS:
            size = 1 << shift
            if start % size == 0 and (start + size <= top or shift == BLOCK_SHIFTS[-1]):
                blocks.append(_block(shift, start >> shift))
                start += size
                break
    return blocks


# One statement for the page shown, given the matches best first (`ids`): one hit per
# near-duplicate cluster (its best-placed article), the page's rows in that order, and the
# number of sources carrying each page row's story. (SQLite takes three statements for the
# same; there each is a function call, here a round trip and a wait on the server.)
PAGE = text(
    "WITH matched AS (SELECT id, place FROM unnest(CAST(:ids AS integer[])) "
    "WITH ORDINALITY AS m(id, place)), "
    "firsts AS (SELECT DISTINCT ON (a.cluster_id) matched.id, matched.place FROM matched "
    "JOIN articles a ON a.id = matched.id ORDER BY a.cluster_id, matched.place), "
    "shown AS (SELECT id, place FROM firsts ORDER BY place OFFSET :offset LIMIT :limit) "
    "SELECT a.id, a.cluster_id, a.published, a.date_precision, a.title, a.language, "
    "a.clean_text, a.demo, s.key AS source, ("
    "SELECT count(DISTINCT member.source_id) FROM ("
    "SELECT b.source_id FROM articles b WHERE b.cluster_id = a.cluster_id UNION ALL "
    "SELECT al.source_id FROM article_aliases al JOIN articles b ON b.id = al.article_id "
    "WHERE b.cluster_id = a.cluster_id) AS member) AS sources "
    "FROM shown JOIN articles a ON a.id = shown.id JOIN sources s ON s.id = a.source_id "
    "ORDER BY shown.place"
)


def page_rows(conn: Connection, ids: list[int], offset: int, limit: int) -> list[Any]:
    """The summary columns of the page's hits and `sources`, in the order of `ids`."""
    return list(conn.execute(PAGE, {"ids": ids, "offset": offset, "limit": limit}))
