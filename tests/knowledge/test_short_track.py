"""Short track is kept apart from long track (issues 11/12): a short-track result is filed
under a short-track meet of its own, never the long-track meet of the same rink and days, and
its time is no long-track personal best, season best or track record. Our own facts, handed
to `reconcile_article` in the extraction contract's shape for an article ingested for real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from schaatsradar.knowledge.bests import bests
from schaatsradar.knowledge.book import reconcile_article
from schaatsradar.knowledge.disciplines import (
    SHORT_TRACK_LEVEL,
    counts_for_long_track,
    is_short_track,
    short_track_record,
)
from schaatsradar.settings import Settings
from schaatsradar.store import Store, record_book
from schaatsradar.store import knowledge as kb
from tests.knowledge.reconciling import skater_id
from tests.knowledge.test_meets import _articles, _fact, knowledge
from tests.rows import result_view

__all__ = ["knowledge"]  # the fixture, shared with test_meets

RACE_DAY = {"race_date": "2025-12-06", "venue": "Heerenveen", "gender": "women"}


def _record(athlete: str, distance: str, seconds: float) -> dict[str, Any]:
    return {
        "type": "track",
        "status": "set",
        "athlete": athlete,
        "distance": distance,
        "gender": "women",
        "time": f"{seconds:.2f}",
        "seconds": seconds,
        "venue": "Heerenveen",
        "confidence": 1.0,
        "evidence": {"start": 0, "end": 5, "text": "Op de"},
    }


def test_a_short_track_result_is_its_own_meet_and_no_long_track_best_or_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article] = _articles(knowledge, settings, tmp_path, "2025-12-07")
    with knowledge.read() as conn:
        before = record_book.record_marks(conn, "track", "Heerenveen", "500m", "women")
    facts = {
        "results": [
            _fact("Ida Lang", distance="500m", time="37.40", seconds=37.40, **RACE_DAY),
            _fact(
                "Ida Lang",
                competition="World Cup shorttrack",
                distance="1000m",
                time="1:28.00",
                seconds=88.0,
                **RACE_DAY,
            ),
            _fact(
                "Kim Kort",
                competition="World Cup shorttrack",
                distance="500m",
                time="41.50",
                seconds=41.50,
                **RACE_DAY,
            ),
        ],
        "records": [_record("Kim Kort", "500m", 41.50)],
    }
    with knowledge.write() as conn:
        outcome = reconcile_article(conn, article, facts)
    assert any("short-track mark" in reason for reason in outcome.refused)

    with knowledge.read() as conn:
        shown = {(r.athlete, r.distance): r for r in kb.results(conn)}
        long_meet = kb.competition(conn, shown["Ida Lang", "500m"].competition_id)
        short_meet = kb.competition(conn, shown["Kim Kort", "500m"].competition_id)
        assert long_meet is not None and short_meet is not None
        # Same rink, same day: two meets, the short-track one of its own level.
        assert long_meet.id != short_meet.id
        assert long_meet.level != SHORT_TRACK_LEVEL
        assert short_meet.level == SHORT_TRACK_LEVEL
        assert shown["Ida Lang", "1000m"].competition_id == short_meet.id
        # No long-track best from a short-track time, by the query or the pure function.
        ida, kim = skater_id(knowledge, "Ida Lang"), skater_id(knowledge, "Kim Kort")
        assert kb.best_times(conn, ida) == {"500m": 37.40}
        assert kb.best_times(conn, kim) == {}
        assert kb.best_times(conn, ida, since=dt.date(2025, 7, 1)) == {"500m": 37.40}
        assert bests(kb.results(conn, skater_id=kim), [], dt.date(2025, 7, 1)).personal == {}
        # The short-track "track record" is no Heerenveen long-track record.
        after = record_book.record_marks(conn, "track", "Heerenveen", "500m", "women")
        assert [m.holder for m in after] == [m.holder for m in before]
        assert all(m.holder != "Kim Kort" for m in after)


def test_a_second_short_track_report_joins_the_short_track_meet(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second = _articles(knowledge, settings, tmp_path, "2025-12-06", "2025-12-07")
    short = {"competition": "World Cup shorttrack", "distance": "500m", **RACE_DAY}
    for article, athlete, rank in ((first, "Kim Kort", 1), (second, "Lot Kort", 2)):
        with knowledge.write() as conn:
            fact = _fact(athlete, rank=rank, **short)
            reconcile_article(conn, article, {"results": [fact], "records": []})
    with knowledge.read() as conn:
        meets = {r.athlete: r.competition_id for r in kb.results(conn)}
    assert meets["Kim Kort"] == meets["Lot Kort"]


def test_the_discipline_tests_are_pure():
    assert is_short_track("WK shorttrack") and is_short_track("ISU Short Track World Cup")
    assert not is_short_track("World Cup") and not is_short_track(None)
    assert not counts_for_long_track("World Cup", SHORT_TRACK_LEVEL)
    assert counts_for_long_track("WK afstanden", "world")
    results = [{"athlete": "A", "distance": "500m", "competition": "World Cup shorttrack"}]
    assert short_track_record({"athlete": "B", "distance": "1000m"}, results)  # all short
    mixed = [*results, {"athlete": "B", "distance": "1000m", "competition": "World Cup"}]
    assert short_track_record({"athlete": "A", "distance": "500m"}, mixed)
    assert not short_track_record({"athlete": "B", "distance": "1000m"}, mixed)
    assert not short_track_record({"athlete": "B", "distance": "1000m"}, [])


def test_bests_leave_short_track_results_out():
    long_track = result_view(id=1, race_id=1, athlete="X", distance="500m", seconds=38.0)
    short_track = result_view(
        id=2, race_id=2, athlete="X", distance="500m", seconds=37.0, competition="EK shorttrack"
    )
    found = bests([long_track, short_track], [], dt.date(2025, 7, 1))
    assert found.personal == {"500m": 38.0}
