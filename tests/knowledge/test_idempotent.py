"""Every write path is idempotent: ingesting and reconciling the same articles again, taking
an article's facts in a second time, or loading the reference data again changes no row of
any table.

The articles are the seeds plus our own in tests/knowledge/articles/ (one publisher per
folder): a wire story on three sites (anp, regiokrant, sportsite) that disagrees with two
reports of their own (nos, ad), a result faster than the Heerenveen track record (omroep), a
"baanrecord" slower than the known one (dagblad, a record claim nothing backs) and a result
no competition can be found for (weekblad), so new and superseded records, record claims,
disputed results, near duplicates and refusals are all written the first time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schaatsradar.knowledge.book import load_reference, reconcile_article
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, articles
from schaatsradar.store import knowledge as kb
from tests.conftest import NOW
from tests.knowledge.reconciling import (
    OWN_ARTICLES,
    SEEDS,
    dump_tables,
    ingest_and_reconcile,
    load_reference_data,
)


@pytest.fixture
def targets() -> list[Path]:
    return [SEEDS, OWN_ARTICLES] if SEEDS.is_dir() else [OWN_ARTICLES]


@pytest.fixture
def reconciled(store: Store, settings: Settings, targets: list[Path]) -> Store:
    load_reference_data(store)
    report, outcome = ingest_and_reconcile(store, settings, *targets)
    # The first run writes every kind of knowledge the second must leave alone.
    assert report.near_duplicate == 2
    assert outcome.new_records and outcome.claims and outcome.refused
    with store.read() as conn:
        assert kb.results(conn, disputed=True)
    return store


def test_ingesting_and_reconciling_the_same_folders_twice_changes_nothing(
    reconciled: Store, settings: Settings, targets: list[Path]
):
    before = dump_tables(reconciled)
    report, outcome = ingest_and_reconcile(
        reconciled, settings, *targets, now=NOW + dt.timedelta(days=1)
    )
    assert (report.new, report.near_duplicate) == (0, 0)
    assert outcome.results == 0 and outcome.new_records == [] and outcome.refused == []
    assert dump_tables(reconciled) == before


def test_reconciling_twice_with_nothing_new_changes_nothing(reconciled: Store, settings):
    before = dump_tables(reconciled)
    for later in (1, 2):
        _, outcome = ingest_and_reconcile(reconciled, settings, now=NOW + dt.timedelta(days=later))
        assert outcome.results == 0
    assert dump_tables(reconciled) == before


def test_taking_in_every_articles_facts_a_second_time_changes_nothing(reconciled: Store):
    """What a re-run after a crash between the knowledge writes and `mark_reconciled`, or
    `reconcile_article` called again for one article, does."""
    before = dump_tables(reconciled)
    with reconciled.write() as conn:
        stored = article_refs.articles_by_id(conn, article_refs.article_ids(conn))
        for article in stored:
            facts = articles.facts_for(conn, article.id)
            assert facts is not None
            reconcile_article(conn, article, facts)
    assert len(stored) >= 8
    assert dump_tables(reconciled) == before


def test_loading_the_reference_data_again_changes_nothing(reconciled: Store):
    before = dump_tables(reconciled)
    with reconciled.write() as conn:
        load_reference(conn)
    assert dump_tables(reconciled) == before
