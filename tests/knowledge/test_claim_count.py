"""The number of sources a result shows is the number of its claims, whatever wrote them.

Pages and the API read it from `results.claim_count`, a count the database keeps with the
claims (migration 0016) instead of counting claims for every row read. A count that drifted
from the claims would show a wrong number of sources without any error, so each way claims
are written is checked here against the claims themselves: reconciliation (claims written
behind), a second reading of the same articles, merging two entries of one skater (claims
moved, a claim both had dropped), merging two meets (the same), and a claim removed by hand."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from schaatsradar.knowledge.book import merge, reconcile_pending
from schaatsradar.knowledge.meet_merges import absorb
from schaatsradar.settings import Settings
from schaatsradar.store import Store, migrate
from schaatsradar.store import knowledge as kb
from tests.conftest import NOW
from tests.knowledge.reconciling import (
    claims_of,
    ingest_and_reconcile,
    results_of,
    skater_id,
    write_articles,
)
from tests.knowledge.test_meets import _articles, _fact, _news_meets, _reconcile, knowledge
from tests.knowledge.test_reconcile import FIVE_REPORTS

__all__ = ["knowledge"]  # the fixture, shared with test_meets


def drifted(store: Store) -> list[tuple[int, int, int]]:
    """(result, count shown, claims held) for every result whose count is not its claims,
    held-back results included."""
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT r.id, r.claim_count, "
                "(SELECT count(*) FROM result_claims c WHERE c.result_id = r.id) "
                "FROM results r ORDER BY r.id"
            )
        ).all()
    return [(row[0], row[1], row[2]) for row in rows if row[1] != row[2]]


def shown_sources(store: Store, result_id: int) -> int:
    with store.read() as conn:
        view = kb.result_by_id(conn, result_id)
    assert view is not None
    return view.sources


def test_reconciled_reports_count_one_source_each_and_reading_them_again_adds_none(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS))
    [result] = results_of(knowledge, "Joy Beune", "1500m")
    assert result.sources == len(claims_of(knowledge, result.id)) == 5
    assert drifted(knowledge) == []

    reconcile_pending(knowledge, NOW)  # nothing new: nothing counted twice
    assert shown_sources(knowledge, result.id) == 5
    assert drifted(knowledge) == []


def test_merging_two_entries_of_one_skater_moves_their_counts_with_their_claims(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, third = _articles(
        knowledge, settings, tmp_path, "2025-11-22", "2025-11-23", "2025-11-24"
    )
    race = {"venue": "Calgary", "distance": "1000m", "race_date": "2025-11-22", "rank": None}
    one, other = "Lotte Telrijder", "Lotte Tel-Rijder"
    # The first article names both spellings: after the merge its claim is held once.
    assert _reconcile(knowledge, first, _fact(one, **race), _fact(other, **race)) == []
    assert _reconcile(knowledge, second, _fact(other, **race)) == []
    assert _reconcile(knowledge, third, _fact(other, **race)) == []
    keep, drop = skater_id(knowledge, one), skater_id(knowledge, other)
    assert keep != drop
    assert drifted(knowledge) == []

    with knowledge.write() as conn:
        merge(conn, keep, drop)
        [result] = kb.results(conn, skater_id=keep)
    assert result.sources == len(claims_of(knowledge, result.id)) == 3
    assert drifted(knowledge) == []


def test_merging_two_meets_moves_the_counts_with_the_claims(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second = _articles(knowledge, settings, tmp_path, "2025-11-22", "2025-11-23")
    race = {"competition": "Proefwedstrijd", "distance": "3000m", "race_date": "2025-11-22"}
    here, there = {"venue": "Heerenveen"}, {"venue": "Enschede"}
    assert _reconcile(knowledge, first, _fact("Mies Tel", **race, **here)) == []
    assert _reconcile(knowledge, first, _fact("Mies Tel", **race, **there)) == []
    assert _reconcile(knowledge, second, _fact("Mies Tel", **race, **there)) == []
    meets = {m.city: m.id for m in _news_meets(knowledge)}
    assert set(meets) == {"Heerenveen", "Enschede"}
    assert drifted(knowledge) == []

    with knowledge.write() as conn:
        absorb(conn, meets["Heerenveen"], meets["Enschede"])
    [result] = results_of(knowledge, "Mies Tel")
    # The first article's claim, held by both results, is kept once; the second's moved.
    assert result.sources == len(claims_of(knowledge, result.id)) == 2
    assert drifted(knowledge) == []


def test_a_claim_removed_by_hand_stops_counting(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS[:2]))
    [result] = results_of(knowledge, "Joy Beune", "1500m")
    assert result.sources == 2
    removed = claims_of(knowledge, result.id)[0].id
    with knowledge.write() as conn:  # a repair in psql, not code of ours
        conn.execute(text("DELETE FROM result_claims WHERE id = :id"), {"id": removed})
    assert shown_sources(knowledge, result.id) == 1
    assert drifted(knowledge) == []


def test_the_counts_of_a_database_from_before_are_filled_in_on_upgrade(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS[:3]))
    migrate.downgrade(knowledge.engine, "0015")
    with knowledge.write() as conn:  # a claim written while no trigger counted
        conn.execute(
            text(
                "INSERT INTO result_claims (result_id, source_key, cluster, official, candidate) "
                "SELECT id, 'official:hand.json', 'official', :yes, :no FROM results"
            ),
            {"yes": True, "no": False},
        )
    knowledge.upgrade()
    [result] = results_of(knowledge, "Joy Beune", "1500m")
    assert result.sources == len(claims_of(knowledge, result.id)) == 4
    assert drifted(knowledge) == []
