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


def test_a_short_track_weekend_read_sunday_first_is_one_meet(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # A Monday report tells Sunday's final before Saturday's: the Saturday race is a day of
    # the same meet, not a second "World Cup shorttrack" at the rink.
    [article] = _articles(knowledge, settings, tmp_path, "2025-12-08")
    short = {"competition": "World Cup shorttrack", "venue": "Dordrecht", "gender": "women"}
    facts = {
        "results": [
            _fact("Kim Kort", distance="500m", race_date="2025-12-07", **short),
            _fact("Lot Kort", distance="1000m", race_date="2025-12-06", **short),
            _fact("Mia Kort", distance="1500m", race_date="2025-12-05", **short),
        ],
        "records": [],
    }
    with knowledge.write() as conn:
        reconcile_article(conn, article, facts)
    with knowledge.read() as conn:
        shown = {r.athlete: r for r in kb.results(conn)}
        [meet_id] = {r.competition_id for r in shown.values()}
        meet = kb.competition(conn, meet_id)
    assert meet is not None
    assert (meet.start_date, meet.end_date) == (dt.date(2025, 12, 5), dt.date(2025, 12, 7))


def test_olympic_short_track_is_one_meet_of_the_games_and_only_at_the_games(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # Reports of the Games' fortnight, the last one read first: one meet of those Games (their
    # place, their days), not one per report; history of other Games is filed under those;
    # an "Olympic" short-track race in a winter without Games makes no Olympic meet at all.
    late, early, winter = _articles(
        knowledge, settings, tmp_path, "2026-02-20", "2026-02-11", "2025-12-15"
    )
    olympic = {"competition": "Olympic Games shorttrack", "gender": "men"}
    with knowledge.write() as conn:
        reconcile_article(conn, late, {"results": [
            _fact("Ruud Rap", distance="500m", venue="Milaan", race_date="2026-02-19", **olympic),
        ], "records": []})  # fmt: skip
        reconcile_article(conn, early, {"results": [
            _fact("Sem Snel", distance="1000m", venue="Milano", race_date="2026-02-10", **olympic),
            _fact("Sem Snel", distance="1500m", venue="Peking", earlier=True, year=2022, **olympic),
        ], "records": []})  # fmt: skip
        invented = reconcile_article(conn, winter, {"results": [
            _fact("Tim Traag", distance="500m", venue="Assen", race_date="2025-12-14", **olympic),
        ], "records": []})  # fmt: skip
    assert any("Tim Traag" in r and "kept as a mention" in r for r in invented.refused)
    with knowledge.read() as conn:
        shown = {(r.athlete, r.distance): r for r in kb.results(conn)}
        games = kb.competition(conn, shown["Ruud Rap", "500m"].competition_id)
        history = kb.competition(conn, shown["Sem Snel", "1500m"].competition_id)
    assert ("Tim Traag", "500m") not in shown
    assert shown["Sem Snel", "1000m"].competition_id == shown["Ruud Rap", "500m"].competition_id
    assert games is not None and history is not None
    assert (games.name, games.city, games.level) == (
        "Olympic Games 2026 shorttrack",
        "Milan",
        SHORT_TRACK_LEVEL,
    )
    assert (games.start_date, games.end_date) == (dt.date(2026, 2, 7), dt.date(2026, 2, 21))
    assert (history.name, history.city) == ("Olympic Games 2022 shorttrack", "Beijing")


def test_two_short_track_world_cups_at_one_rink_on_following_weekends_are_two_meets(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # Each weekend's 500m has its own winner and its own meet: not one meet stretched over
    # both weekends (whose days and results would mix two World Cups).
    first, second = _articles(knowledge, settings, tmp_path, "2025-10-27", "2025-11-03")
    short = {"competition": "World Cup shorttrack", "venue": "Dordrecht", "distance": "500m"}
    with knowledge.write() as conn:
        reconcile_article(conn, first, {"results": [
            _fact("Kim Kort", race_date="2025-10-26", **short),
        ], "records": []})  # fmt: skip
        reconcile_article(conn, second, {"results": [
            _fact("Lot Kort", race_date="2025-11-02", **short),
        ], "records": []})  # fmt: skip
    with knowledge.read() as conn:
        shown = {r.athlete: r for r in kb.results(conn)}
        meets = [kb.competition(conn, shown[a].competition_id) for a in ("Kim Kort", "Lot Kort")]
    assert shown["Kim Kort"].rank == shown["Lot Kort"].rank == 1
    assert [(m.start_date, m.end_date) for m in meets if m is not None] == [
        (dt.date(2025, 10, 26), dt.date(2025, 10, 26)),
        (dt.date(2025, 11, 2), dt.date(2025, 11, 2)),
    ]
