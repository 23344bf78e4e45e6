"""Provenance on the command line: `records` and `records --history` say where each mark
comes from (the result that made it with the articles and days that result stands on, the
articles that name it, the official list, the reference data) and `records --claims` the
articles behind each claim. A real process on the test database (SQLite, or PostgreSQL when
SCHAATSRADAR_TEST_DATABASE_URL is set), fed with our own articles."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from schaatsradar.store import Store, api_reads, article_refs
from schaatsradar.web.api_models import RecordOut

OWN_ARTICLES = Path(__file__).parent / "knowledge" / "articles"


def _run(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SCHAATSRADAR_DATABASE_URL": database_url,
        "SCHAATSRADAR_CONFIDENCE_MODEL": "none",  # every fact stated (see tests/every_fact.py)
        "COLUMNS": "240",
    }
    return subprocess.run(
        [sys.executable, "-m", "schaatsradar", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _rows(shown: str) -> list[list[str]]:
    lines = [line for line in shown.splitlines() if line.startswith("│")]
    return [[cell.strip() for cell in line.strip("│").split("│")] for line in lines]


def test_every_mark_names_its_articles_by_id_and_day(database_url: str) -> None:
    assert _run(database_url, "ingest", str(OWN_ARTICLES)).returncode == 0
    store = Store(database_url)
    try:
        with store.read() as conn:
            days = {
                a.id: a.published
                for a in article_refs.articles_by_id(conn, article_refs.article_ids(conn))
            }
    finally:
        store.close()

    def cited(cell: str) -> list[tuple[int, str]]:
        return [
            (int(n), day) for n, day in re.findall(r"article (\d+) \((\d{4}-\d\d-\d\d)\)", cell)
        ]

    history = _rows(_run(database_url, "records", "--history").stdout)
    [made] = [
        row
        for row in history
        if row[:4] == ["track Heerenveen", "women 500m", "36,58", "Femke Kok"]
    ]
    assert re.match(r"result \d+ \(race \d+\) from article \d+", made[-1]), made
    assert cited(made[-1]) and all(days[n].isoformat() == day for n, day in cited(made[-1]))
    reference = [row for row in history if row[0] == "world" and row[1] == "women 500m"]
    assert reference and all(row[-1] == "reference data" for row in reference)

    claims = _rows(_run(database_url, "records", "--claims").stdout)
    [claim] = [row for row in claims if row[3] == "Jutta Leerdam"]
    assert claim[5] == "claim"
    assert cited(claim[-1]) and all(days[n].isoformat() == day for n, day in cited(claim[-1]))


def test_the_api_names_the_articles_a_mark_made_by_a_result_stands_on(database_url: str) -> None:
    assert _run(database_url, "ingest", str(OWN_ARTICLES)).returncode == 0
    store = Store(database_url)
    try:
        with store.read() as conn:
            marks = api_reads.records(
                conn, kind="track", venue="Heerenveen", distance="500m", gender="women",
                history=False, status=None, after=None, limit=10,
            )  # fmt: skip
            days = {
                a.id: a.published
                for a in article_refs.articles_by_id(conn, article_refs.article_ids(conn))
            }
    finally:
        store.close()
    [made] = [RecordOut.of(m) for m in marks if m.holder == "Femke Kok"]
    assert made.origin in ("result", "article") and made.result_id is not None
    assert made.result_sources and all(s.kind == "article" for s in made.result_sources)
    assert all(
        s.article_id in days and s.published == days[s.article_id] for s in made.result_sources
    )
