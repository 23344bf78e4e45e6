"""Every fact says who said it and where: claims and record sources carry the evidence span,
which slices the article's clean text to exactly the evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.conftest import run_ingest

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"


def test_claims_and_record_sources_point_at_their_words(store: Store, settings: Settings) -> None:
    with store.write() as conn:
        load_reference(conn)
    run_ingest(store, settings.model_copy(update={"extract_on_ingest": True}), SEEDS)
    reconcile_pending(store, dt.datetime(2026, 2, 1))
    with store.read() as conn:
        spans = conn.execute(
            text(
                "SELECT a.clean_text, c.evidence_start, c.evidence_end, c.evidence_text "
                "FROM result_claims c JOIN articles a ON a.id = c.article_id "
                "UNION ALL "
                "SELECT a.clean_text, s.evidence_start, s.evidence_end, s.evidence_text "
                "FROM record_sources s JOIN articles a ON a.id = s.article_id"
            )
        ).all()
    assert len(spans) >= 8
    for clean, start, end, evidence in spans:
        assert clean[start:end] == evidence
