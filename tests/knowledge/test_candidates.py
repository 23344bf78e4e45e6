"""Candidates (facts extraction is not sure of) are kept with the article's facts, and taken
into the knowledge base as unconfirmed claims: stored, but shown as results only once a second
independent source or an official list agrees (tests/knowledge/test_outcome.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from schaatsradar.extract import confidence
from schaatsradar.extract.confidence import ConfidenceModel, KindModel
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.knowledge.reconciling import (
    ingest_and_reconcile,
    load_reference_data,
    write_articles,
)

ARTICLE = (
    "Femke Kok heeft zaterdag de 500 meter van de World Cup in Calgary gewonnen. De "
    "Nederlandse klokte 36,54 en verbeterde daarmee het baanrecord."
)


def unsure_of_everything() -> ConfidenceModel:
    """A model whose bar nothing reaches: every fact becomes a candidate."""
    never = KindModel(kind="logistic", threshold=1.1, weights={}, bias=0.0)
    return ConfidenceModel(results=never, records=never, version="test")


@pytest.mark.parametrize("sure", [True, False])
def test_candidates_are_stored_as_unconfirmed_claims_and_not_shown(
    sure: bool, store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sure:
        monkeypatch.setattr(confidence, "shipped_model", unsure_of_everything)
    load_reference_data(store)
    folder = write_articles(tmp_path / "in", [("nos", "2025-11-22", ARTICLE)])
    _report, outcome = ingest_and_reconcile(
        store, settings.model_copy(update={"extract_on_ingest": True}), folder
    )
    with store.read() as conn:
        (facts,) = conn.execute(text("SELECT facts FROM article_facts")).scalars().all()
        results = conn.execute(text("SELECT count(*) FROM results")).scalar_one()
        held = conn.execute(text("SELECT held FROM results")).scalars().all()
        candidates = conn.execute(text("SELECT candidate FROM result_claims")).scalars().all()
        shown = kb.results(conn)
    facts = facts if isinstance(facts, dict) else json.loads(facts)
    stated = [(r["athlete"], r["time"]) for r in facts["results"]]
    unsure = [(r["athlete"], r["time"]) for r in facts["candidates"]["results"]]
    if sure:
        assert stated == [("Femke Kok", "36.54")] and unsure == []
        assert outcome.results == 1 and results == 1 and held == [None] and len(shown) == 1
        assert [bool(c) for c in candidates] == [False]
    else:
        assert stated == [] and unsure == [("Femke Kok", "36.54")]
        assert facts["candidates"]["records"], "the track record is kept as a candidate too"
        assert outcome.results == 0 and outcome.candidates == 1 and outcome.records == 0
        assert results == 1 and held == ["candidate"] and shown == []
        assert [bool(c) for c in candidates] == [True]
