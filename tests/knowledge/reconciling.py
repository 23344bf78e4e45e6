"""Helpers for the knowledge tests: our own seed-format articles go through the real ingest
(extraction included) into a real database, then into the knowledge base, the way
`schaatsradar ingest` does it: `load_reference`, ingest, `reconcile_pending`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import inspect, text

from schaatsradar.extract.registry import norm_name
from schaatsradar.ingest.types import IngestReport
from schaatsradar.knowledge.book import Outcome, load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, record_book
from schaatsradar.store import knowledge as kb
from tests.conftest import NOW, run_ingest, seed_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
OWN_ARTICLES = Path(__file__).parent / "articles"
# The tables the knowledge base writes; ingest tables are left out of "nothing else changed".
KNOWLEDGE_TABLES = (
    "skaters",
    "skater_aliases",
    "rinks",
    "competitions",
    "races",
    "results",
    "result_claims",
    "records",
    "record_sources",
)


def load_reference_data(store: Store) -> None:
    with store.write() as conn:
        load_reference(conn)


def ingest_and_reconcile(
    store: Store, settings: Settings, *targets: str | Path, now: dt.datetime = NOW
) -> tuple[IngestReport, Outcome]:
    report = run_ingest(store, settings, *targets)
    assert not report.rejected, report.rejected
    return report, reconcile_pending(store, now)


def write_articles(folder: Path, articles: list[tuple[str, str, str]]) -> Path:
    """(source, date, text) each as `folder/<n>-<source>/article.txt`: the folder names the
    publisher, and is numbered so articles are ingested (and reconciled) in the order given."""
    for number, (source, date, body) in enumerate(articles):
        seed_file(folder / f"{number:02d}-{source}", "article.txt", date, body)
    return folder


def dump_tables(store: Store, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (or of `tables`), sorted, for 'nothing changed' checks. The
    data version is left out: any write raises it, changed or not (it only invalidates)."""
    with store.read() as conn:
        names = tables or tuple(sorted(set(inspect(conn).get_table_names()) - {"data_version"}))
        return {
            name: sorted(
                tuple(repr(v) for v in row) for row in conn.execute(text(f'SELECT * FROM "{name}"'))
            )
            for name in names
        }


def skater_id(store: Store, name: str) -> int:
    with store.read() as conn:
        skater = kb.skater_by_key(conn, norm_name(name))
    assert skater is not None, f"{name} is not in the knowledge base"
    return skater.id


def results_of(store: Store, name: str, distance: str | None = None) -> list[kb.ResultView]:
    wanted = skater_id(store, name)
    with store.read() as conn:
        return kb.results(conn, skater_id=wanted, distance=distance)


def record_marks(
    store: Store, kind: str, scope: str, distance: str, gender: str
) -> list[record_book.RecordRow]:
    with store.read() as conn:
        return record_book.record_marks(conn, kind, scope, distance, gender)


def current_record(
    store: Store, kind: str, scope: str, distance: str, gender: str
) -> record_book.RecordRow:
    marks = record_marks(store, kind, scope, distance, gender)
    current = [m for m in marks if m.status == "current"]
    assert len(current) == 1, f"{len(current)} current {kind} records {scope} {distance}: {marks}"
    return current[0]


def source_keys(store: Store, record_id: int) -> list[str]:
    with store.read() as conn:
        return [s["source_key"] for s in record_book.record_sources(conn, record_id)]


def claims_of(store: Store, result_id: int) -> list[kb.ClaimRow]:
    with store.read() as conn:
        return kb.claims(conn, result_id)
