"""SQLite and PostgreSQL give the same hits in the same order for the same archive (issue 15):
both index the store's own stems and rank by "every word in the title", then "every word
anywhere", newest first. Needs SCHAATSRADAR_TEST_DATABASE_URL (CI's PostgreSQL run); the
token check against FTS5 and the migration round trip run on either engine."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import random
import re
import sqlite3
from pathlib import Path

import pytest
import Stemmer

from schaatsradar.settings import Settings
from schaatsradar.store import Store, dialect, migrate, pg_search, reading
from schaatsradar.store.stemming import index_text, index_tokens, search_terms, token_set
from tests.conftest import run_ingest

# Our own words: skating terms, places and names, some with diacritics and plurals.
WORDS = [
    "schaatsster",
    "schaatssters",
    "schaatser",
    "rijders",
    "baanrecord",
    "baanrecords",
    "wereldbeker",
    "podium",
    "seizoen",
    "sprint",
    "massastart",
    "ploegenachtervolging",
    "binnenbocht",
    "buitenbocht",
    "opening",
    "ronde",
    "trainer",
    "coach",
    "kampioen",
    "kampioenschap",
    "goud",
    "zilver",
    "brons",
    "tijd",
    "scorebord",
    "publiek",
    "ijs",
    "natuurijs",
    "dooi",
    "Thialf",
    "Heerenveen",
    "Inzell",
    "Calgary",
    "Hamar",
    "Erfurt",
    "Tomaszów",
    "Sjoukje",
    "Marieke",
    "Jorien",
    "Kjeld",
    "Patrick",
    "Bjørn",
    "Noémie",
    "Ireen",
    "één",
    "twee",
    "drie",
    "vier",
    "meter",
    "kilometer",
    "record",
    "persoonlijk",
    "nationaal",
    "Nederlands",
    "Noorse",
    "Duitse",
    "Canadese",
    "zege",
    "nederlaag",
    "val",
]
QUERIES = [
    "schaatssters",
    "schaatsster",
    "baanrecords",
    "wereldbeker",
    "podium seizoen",
    "één",
    "een",
    "Tomaszów",
    "tomaszow",
    "Bjørn",
    "Noémie",
    "persoonlijk record",
    "Thialf Heerenveen",
    "goud zilver brons",
    "val",
    "nederlaag Hamar",
    "10.000",
    "afgelast",
    "???",
]
FILTERS = [
    {},
    {"language": "nl"},
    {"date_from": dt.date(2025, 6, 1)},
    {"date_from": dt.date(2024, 3, 1), "date_to": dt.date(2025, 3, 1)},
]


def _archive(folder: Path, count: int = 300) -> Path:
    rng = random.Random(15)
    start = dt.date(2024, 1, 1)
    lines = []
    for i in range(count):
        title = " ".join(rng.choices(WORDS, k=rng.randint(2, 5)))
        body = " ".join(rng.choices(WORDS, k=rng.randint(30, 60)))
        if i % 7 == 0:
            body += " Het 10.000 meter record staat."
        published = start + dt.timedelta(days=rng.randint(0, 900))
        lines.append(
            json.dumps(
                {
                    "url": f"https://ijs.example/{i}",
                    "date": published.isoformat(),
                    "title": f"{title} ({i})",
                    "text": f"{body}.",
                }
            )
        )
    path = folder / "archive.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _hits(store: Store, query: str, **kwargs: object) -> list[tuple[object, ...]]:
    filters = reading.SearchFilters(**kwargs.pop("filters", {}))  # type: ignore[arg-type]
    with store.read() as conn:
        return [
            (hit.title, hit.published, hit.score, hit.snippet)
            for hit in reading.search(conn, query, filters, **kwargs)  # type: ignore[arg-type]
        ]


@pytest.mark.skipif(not os.environ.get("SCHAATSRADAR_TEST_DATABASE_URL"), reason="needs PostgreSQL")
@pytest.mark.parametrize("windows", ["as shipped", "tiny"])
def test_sqlite_and_postgresql_give_the_same_hits_in_the_same_order(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: str
) -> None:
    """ "tiny" shrinks PostgreSQL's id blocks and windows (`pg_search`) so that 300 articles
    take it through many windows, as 1,000,000 would with the shipped sizes, and the ranked
    newest matches (`dialect.RANKED`) so that every page mixes ranked and older hits."""
    if windows == "tiny":
        monkeypatch.setattr(pg_search, "BLOCK_SHIFTS", (7, 5, 3))
        monkeypatch.setattr(pg_search, "RECENT", 1)
        monkeypatch.setattr(pg_search, "MIN_RECENT", 5)
        monkeypatch.setattr(pg_search, "GROWTH", 2)
        monkeypatch.setattr(dialect, "RANKED", 7)
    archive = _archive(tmp_path)
    lite_settings = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'l.db'}"})
    lite = Store(lite_settings.database_url)
    try:
        lite.upgrade()
        assert (
            run_ingest(lite, lite_settings, archive).new == run_ingest(store, settings, archive).new
        )
        compared = 0
        for query in QUERIES:
            for filters in FILTERS:
                for page in ({"limit": 10}, {"limit": 10, "offset": 10}, {"limit": 60}):
                    expected = _hits(lite, query, filters=filters, **page)
                    assert _hits(store, query, filters=filters, **page) == expected, (
                        query,
                        filters,
                        page,
                    )
                    compared += len(expected)
        assert compared > 1000  # the archive gives most queries full pages
    finally:
        lite.close()


def test_tokens_are_the_ones_fts5_makes(tmp_path: Path) -> None:
    """PostgreSQL indexes `index_tokens` of the stems; SQLite's FTS5 tokenizes the same stems
    itself. Every Latin, Greek and Cyrillic word character, alone and inside words, upper and
    lower case, must come out the same."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
    for code in range(0x20, 0x530):
        char = chr(code)
        if not re.fullmatch(r"\w", char):
            continue
        stems = index_text(f"q{char}q x{char} {char} {char.upper()} a_b")
        conn.execute("DELETE FROM f")
        conn.execute("INSERT INTO f VALUES (?)", (stems,))
        made = [row[0] for row in conn.execute("SELECT term FROM v ORDER BY offset")]
        assert index_tokens(stems) == made, hex(code)


@pytest.mark.parametrize("seed", range(3))
def test_token_set_of_words_is_that_of_the_stems_text(seed: int) -> None:
    """The ingest's worker processes make PostgreSQL's lexemes from an article's words
    (`token_set`, a cache per word) instead of tokenizing its stems text: the same tokens,
    for every word character up to Cyrillic, words beyond a lexeme's length and `_`."""
    rng = random.Random(seed)
    characters = [chr(c) for c in range(0x20, 0x530) if re.fullmatch(r"\w", chr(c))]
    words = ["".join(rng.choices(characters, k=rng.randint(1, 6))) for _ in range(400)]
    body = " ".join([*words, "x" * 2100, "a_b", "één", "İstanbul", "Straße"])
    found = re.findall(r"\w+", body.casefold())
    assert token_set(found) == set(index_tokens(search_terms("", body, found)[1]))


def test_search_survives_a_migration_round_trip(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    """Down to 0013 (PostgreSQL's generated column again) and back up: the upgrade fills
    `article_search` from the stored articles, and search finds what it found before."""
    run_ingest(store, settings, _archive(tmp_path, 40))
    before = {query: _hits(store, query, limit=30) for query in QUERIES}
    assert sum(map(len, before.values())) > 50
    migrate.downgrade(store.engine, "0013")
    store.upgrade()
    assert {query: _hits(store, query, limit=30) for query in QUERIES} == before


def test_migration_0014_writes_what_the_store_writes_without_importing_it() -> None:
    """0014 keeps frozen copies of the stemming and the row it writes (a migration must not
    change when live code does); today they must give what the store's own code gives."""
    path = Path(migrate.__file__).parent / "migrations" / "versions" / "0014_article_search.py"
    source = path.read_text(encoding="utf-8")
    assert "schaatsradar" not in "".join(
        line for line in source.splitlines() if line.startswith(("import", "from"))
    )
    spec = importlib.util.spec_from_file_location("migration_0014", path)
    assert spec and spec.loader
    frozen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(frozen)
    stemmer = Stemmer.Stemmer("dutch")
    rng = random.Random(14)
    samples = [
        (
            "Één schaatsster wint in Tomaszów",
            "Bjørn en Noémie: 10.000 meter, İstanbul ΑΘΗΝΑ Москва",
        ),
        *(
            (" ".join(rng.choices(WORDS, k=4)), " ".join(rng.choices(WORDS, k=40)))
            for _ in range(50)
        ),
    ]
    for number, (title, body) in enumerate(samples):
        article_id = number * 40_009 + 3
        expected = pg_search.search_row(article_id, *search_terms(title, body), "2025-01-01", "nl")
        made = frozen.search_row(
            article_id, *frozen.search_terms(stemmer, title, body), "2025-01-01", "nl"
        )
        assert made == expected, title


@pytest.mark.skipif(not os.environ.get("SCHAATSRADAR_TEST_DATABASE_URL"), reason="needs PostgreSQL")
def test_the_stored_vectors_are_those_of_the_tokens(store: Store) -> None:
    """The ingest writes `tsvector` text (one COPY); PostgreSQL must read it as the very vector
    `array_to_tsvector` makes of the same tokens, quotes and backslashes included."""
    samples = [
        ["schaats", "één", "schaats", "#10_0"],
        ["it's", "back\\slash", "null", "Москва", "\ue000"],
        ["z", "a"],
        [],
    ]
    with store.read() as conn:
        for tokens in samples:
            same = conn.exec_driver_sql(
                "SELECT array_to_tsvector(CAST(%s AS text[])) = CAST(%s AS tsvector)",
                (tokens, pg_search.tsvector_text(tokens)),
            ).scalar()
            assert same, tokens
