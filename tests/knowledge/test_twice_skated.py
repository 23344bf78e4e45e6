"""One report naming two winners of a distance its meet skates twice tells the two races
(both shown); two reports disagreeing on one race's winner stay a conflict."""

from __future__ import annotations

from pathlib import Path

from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.knowledge.test_meets import _articles, _fact, _reconcile, knowledge

__all__ = ["knowledge"]  # the fixture, shared with test_meets

CUP = {"competition": "World Cup", "venue": "Salt Lake City", "distance": "500m"}  # 500m (x2)


def _shown(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {r.athlete or "": r.race_id for r in kb.results(conn, distance="500m")}


def test_two_winners_of_a_twice_skated_distance_in_one_report_are_the_two_races(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article] = _articles(knowledge, settings, tmp_path, "2025-11-17")
    pair = (_fact("Ans Eerst", **CUP), _fact("Bep Later", **CUP))
    assert _reconcile(knowledge, article, *pair) == []
    shown = _shown(knowledge)
    assert set(shown) == {"Ans Eerst", "Bep Later"}
    assert shown["Ans Eerst"] != shown["Bep Later"]
    # Read again: nothing moves.
    assert _reconcile(knowledge, article, *pair) == []
    assert _shown(knowledge) == shown


def test_two_reports_naming_other_winners_stay_a_conflict(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    one, other = _articles(knowledge, settings, tmp_path, "2025-11-17", "2025-11-18")
    _reconcile(knowledge, one, _fact("Cor Een", **CUP))
    _reconcile(knowledge, other, _fact("Dirk Ander", **CUP))
    assert _shown(knowledge) == {}  # one race, two claimed winners: held back
