"""A record claim without a time: the record as known when its words name that mark's holder,
otherwise no claim at all, left out with its reason (`reconcile --why`). A record is a time: a
claim without one can be neither backed by a result nor listed under `records --claims`."""

from __future__ import annotations

from pathlib import Path

import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store, record_book
from tests.knowledge.reconciling import load_reference_data
from tests.knowledge.test_record_claims import QUIET, _articles, _record, _take


@pytest.fixture
def knowledge(store: Store) -> Store:
    load_reference_data(store)
    return store


def _claims(store: Store) -> list[record_book.RecordRow]:
    with store.read() as conn:
        return record_book.records(conn, kind="national", status="claim")


def test_a_record_named_with_neither_holder_nor_time_is_left_out_saying_why(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article, *_] = _articles(knowledge, settings, tmp_path, QUIET)
    outcome = _take(knowledge, article, records=[_record(athlete=None, time=None, seconds=None)])

    assert _claims(knowledge) == []
    assert outcome.records == 0
    [why] = outcome.refused
    assert why.startswith(f"article:{article.id} national record 1000m: ")
    assert "neither holder nor time" in why


def test_a_holder_without_a_time_and_no_known_mark_of_theirs_is_left_out_saying_why(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article, *_] = _articles(knowledge, settings, tmp_path, QUIET)
    outcome = _take(knowledge, article, records=[_record(time=None, seconds=None)])

    assert _claims(knowledge) == []
    assert outcome.records == 0
    [why] = outcome.refused
    assert "no time, and no known mark of Jutta Leerdam" in why


def test_a_holder_without_a_time_naming_the_known_mark_is_a_source_of_it(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, third, _ = _articles(knowledge, settings, tmp_path, QUIET)
    _take(knowledge, first, records=[_record()])
    _take(knowledge, second, records=[_record(evidence=None)])  # two sources: the record
    outcome = _take(knowledge, third, records=[_record(time=None, seconds=None)])

    assert outcome.refused == [] and outcome.records == 1
    with knowledge.read() as conn:
        [record] = record_book.records(conn, kind="national")
        sources = {s["source_key"] for s in record_book.record_sources(conn, record.id)}
    assert f"article:{third.id}" in sources
