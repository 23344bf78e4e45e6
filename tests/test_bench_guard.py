"""A bench pointed at the wrong PostgreSQL database stops before it empties it: only a schema
without tables, or one a bench or the test suite made (and marked), is emptied."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import common

from tests.conftest import THROWAWAY


def test_the_suite_and_the_benches_mark_schemas_with_the_same_words():
    assert common.THROWAWAY == THROWAWAY


def _rows(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM newsroom")).scalar_one())
    finally:
        engine.dispose()


def test_a_database_someone_uses_is_refused_and_kept_a_marked_one_is_emptied(database_url: str):
    if not database_url.startswith("postgresql"):
        pytest.skip("the guard is for PostgreSQL (a SQLite bench file is the bench's own)")
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("COMMENT ON SCHEMA public IS NULL"))  # not made by us
        conn.execute(text("CREATE TABLE newsroom (id int)"))
        conn.execute(text("INSERT INTO newsroom VALUES (1), (2)"))
    engine.dispose()

    with pytest.raises(SystemExit, match=r"refusing to empty database .*holds 1 tables"):
        common.fresh_postgres(database_url)
    assert _rows(database_url) == 2

    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text(f"COMMENT ON SCHEMA public IS '{THROWAWAY}'"))
    engine.dispose()
    common.fresh_postgres(database_url)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        left = conn.execute(
            text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        ).scalar_one()
    engine.dispose()
    assert left == 0
