"""Shared fixtures: a real database (a SQLite file, or PostgreSQL when
SCHAATSRADAR_TEST_DATABASE_URL is set), real files, and our own test articles."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from schaatsradar.ingest.pipeline import ingest
from schaatsradar.ingest.readers import ReadContext, expand_targets, read_target
from schaatsradar.ingest.types import IngestReport
from schaatsradar.settings import Settings
from schaatsradar.store import Store

ARTICLES = Path(__file__).parent / "articles"
# bench/common.py's mark on a schema that benches and tests may empty (tests/test_bench_guard.py
# holds the two to the same words).
THROWAWAY = "schaatsradar throwaway: benches and tests may empty this schema"
NOW = dt.datetime(2026, 11, 21, 12, 0)
TABLES = [
    "article_facts",
    "article_aliases",
    "minhash_bands",
    "boundary_paragraphs",
    "articles",
    "sources",
]


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
        # The mark bench/common.py looks for before it empties a schema: this one is ours.
        conn.execute(text(f"COMMENT ON SCHEMA public IS '{THROWAWAY}'"))
    engine.dispose()


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    url = os.environ.get("SCHAATSRADAR_TEST_DATABASE_URL")
    if url:
        _reset_postgres(url)
        return url
    return f"sqlite:///{tmp_path / 'schaatsradar.db'}"


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        allow_private_networks=["127.0.0.0/8", "::1/128"],
        http_timeout=1.0,
        ingest_batch_size=50,
    )


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    store = Store(settings.database_url)
    store.upgrade()
    yield store
    store.close()


def run_ingest(
    store: Store, settings: Settings, *targets: str | Path, source: str | None = None
) -> IngestReport:
    """What `schaatsradar ingest` does, without the progress bar."""
    found, missing = expand_targets([str(t) for t in targets])
    ctx = ReadContext(settings, NOW.date(), source)

    def items():  # type: ignore[no-untyped-def]
        yield from missing
        for target in found:
            yield from read_target(target, ctx)

    try:
        return ingest(store, items(), settings, NOW)
    finally:
        ctx.close()


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, for 'nothing stored changed' checks."""
    with store.read() as conn:
        return {
            table: sorted(
                tuple(str(v) for v in row) for row in conn.execute(text(f"SELECT * FROM {table}"))
            )
            for table in TABLES
        }


def seed_file(folder: Path, name: str, date: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f" date {date} {body}", encoding="utf-8")
    return path
