"""Rows written in bulk (COPY on PostgreSQL, executemany on SQLite) are stored as SQLAlchemy's
own inserts store them: on SQLite a datetime is the same text, so comparisons and sorting
between rows written either way keep working."""

from __future__ import annotations

from sqlalchemy import text

from tests.conftest import run_ingest, seed_file


def test_bulk_written_times_equal_those_inserted_by_sqlalchemy(store, settings, tmp_path):
    settings = settings.model_copy(update={"extract_on_ingest": False})
    for n in range(3):
        seed_file(
            tmp_path / "krant",
            f"{n}.txt",
            "2026-01-18",
            f"Verslag {n}: Mila de Wit won de {500 * (n + 1)} meter in Heerenveen, dag {n}.",
        )
    report = run_ingest(store, settings, tmp_path / "krant")
    assert report.new == 3, report.rejected
    with store.read() as conn:
        # sources.created_at went through SQLAlchemy's insert, articles.ingested_at in bulk.
        same = conn.execute(
            text(
                "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id "
                "WHERE a.ingested_at = s.created_at"
            )
        ).scalar_one()
        published = conn.execute(text("SELECT min(published) FROM articles")).scalar_one()
    assert same == 3
    assert str(published) == "2026-01-18"
