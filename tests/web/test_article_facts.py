"""From an article's stored facts to what its page marks and links."""

from __future__ import annotations

from schaatsradar.store.knowledge import SkaterRow
from schaatsradar.web.article_facts import fact_items, spans

TEXT = "Jutta Leerdam reed 1.12,74 in Inzell."
LEERDAM = SkaterRow(2, "jutta-leerdam", "Jutta Leerdam", "NED", "women", None, True)
EVIDENCE = {"start": 0, "end": 26, "text": "Jutta Leerdam reed 1.12,74"}
FACTS = {
    "athletes": [{"name": "Jutta Leerdam", "mentions": [[0, 13]]}],
    "results": [{"athlete": "Jutta Leerdam", "seconds": 72.74, "evidence": EVIDENCE}],
}


def test_evidence_and_mentions_of_known_skaters():
    evidence, links = spans(TEXT, FACTS, {"Jutta Leerdam": LEERDAM})
    assert [(e.start, e.end, e.fact) for e in evidence] == [(0, 26, "result-0")]
    assert [(k.start, k.end, k.href) for k in links] == [(0, 13, "/schaatsers/jutta-leerdam")]
    assert spans(TEXT, FACTS, {})[1] == []  # a name the knowledge base lacks is not linked


def test_offsets_that_no_longer_fit_the_text_are_found_again_and_mentions_dropped():
    """The text was cleaned again after extraction: a paragraph went, offsets shifted."""
    shifted = "Promo weg. " + TEXT
    evidence, links = spans(shifted, FACTS, {"Jutta Leerdam": LEERDAM})
    [found] = evidence
    assert shifted[found.start : found.end] == EVIDENCE["text"]
    assert links == []


def test_fact_items_point_at_their_marks_and_fill_missing_fields():
    [item] = fact_items(FACTS, "result", {"result-0": "evidence-0"}, {"Jutta Leerdam": LEERDAM})
    assert (item.anchor, item.slug, item.span) == ("evidence-0", "jutta-leerdam", (0, 26))
    assert item.fact["rank"] is None and item.fact["seconds"] == 72.74
