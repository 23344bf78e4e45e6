"""A record set in a race is part of that race's result: a report that gives the winner's
time only in its record sentence ("won the 5000 m, in an Olympic record of 6.08,00") shows
the winner with that time. Only where nothing else can be meant: an Olympic record with a
result at the Games, a track record with a result at its rink, the winner's one untimed
result of the distance; never from a world or national record (too often the standing mark
the article names), never for a skater who did not win, never over a time the article gives.

Our own facts, handed to `reconcile_article` in the extraction contract's shape for an
article ingested for real (see test_meets); the pure rule first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from schaatsradar.knowledge.book import reconcile_article
from schaatsradar.knowledge.statements import timed_by_records
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.knowledge.test_meets import _articles, _fact, knowledge

__all__ = ["knowledge"]

GAMES = {"competition": "Olympische Spelen", "venue": "Peking", "gender": "men"}


def _record(
    kind: str, athlete: str, distance: str, seconds: float, **changes: Any
) -> dict[str, Any]:
    minutes, rest = divmod(seconds, 60)
    record = {
        "type": kind,
        "status": "set",
        "athlete": athlete,
        "distance": distance,
        "gender": None,
        "time": f"{int(minutes)}:{rest:05.2f}" if minutes else f"{rest:.2f}",
        "seconds": seconds,
        "venue": None,
        "confidence": 1.0,
        "evidence": {"start": 0, "end": 5, "text": "Op de"},
    }
    return {**record, **changes}


def test_the_winners_record_time_is_the_time_of_the_race_it_was_set_in():
    won = _fact("Tom Vlug", distance="5000m", **GAMES)
    [timed] = timed_by_records([won], [], [_record("olympic", "Tom Vlug", "5000m", 368.0)])
    assert (timed["seconds"], timed["time"]) == (368.0, "6:08.00")
    # A track record at the rink the result names, too.
    cup = _fact("Ida Lang", distance="1000m", competition="World Cup", venue="Inzell")
    track = _record("track", "Ida Lang", "1000m", 72.5, venue="Inzell", gender="women")
    assert timed_by_records([cup], [], [track])[0]["seconds"] == 72.5


def test_a_record_is_no_time_where_it_can_be_another_race_or_another_mark():
    won = _fact("Tom Vlug", distance="5000m", **GAMES)
    olympic = _record("olympic", "Tom Vlug", "5000m", 368.0)
    untouched = [
        # A world record "set" is too often the standing mark the article names.
        ([won], [], [_record("world", "Tom Vlug", "5000m", 368.0)]),
        # Second place: a record set in a race is its fastest time, the winner's.
        ([{**won, "rank": 2}], [], [olympic]),
        # An Olympic record is no time of a World Cup race.
        ([{**won, "competition": "World Cup", "venue": "Inzell"}], [], [olympic]),
        # A track record of another rink, or of no rink the text names.
        ([{**won, "competition": "World Cup", "venue": "Inzell"}], [],
         [_record("track", "Tom Vlug", "5000m", 368.0, venue="Hamar")]),
        ([{**won, "competition": "World Cup", "venue": "Inzell"}], [],
         [_record("track", "Tom Vlug", "5000m", 368.0)]),
        # Another gender's record, an earlier race, a record only "existing".
        ([won], [], [_record("olympic", "Tom Vlug", "5000m", 368.0, gender="women")]),
        ([{**won, "earlier": True}], [], [olympic]),
        ([won], [], [{**olympic, "status": "existing"}]),
        # The article gives the skater's time of the distance elsewhere (even unsure).
        ([won], [{**won, "seconds": 369.1, "time": "6:09.10", "rank": None}], [olympic]),
    ]  # fmt: skip
    for results, candidates, records in untouched:
        [fact] = timed_by_records(results, candidates, records)
        assert fact["seconds"] is None, (results, candidates, records)


def test_the_record_time_reaches_the_shown_result(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article] = _articles(knowledge, settings, tmp_path, "2022-02-12")
    facts = {
        "results": [
            _fact("Tom Vlug", distance="5000m", **GAMES),
            _fact("Uri Gauw", distance="5000m", rank=2, time="6:09.50", seconds=369.5, **GAMES),
        ],
        "records": [_record("olympic", "Tom Vlug", "5000m", 368.0)],
    }
    with knowledge.write() as conn:
        outcome = reconcile_article(conn, article, facts)
    assert not outcome.refused
    with knowledge.read() as conn:
        shown = {r.athlete: r for r in kb.results(conn)}
    assert (shown["Tom Vlug"].seconds, shown["Tom Vlug"].rank) == (368.0, 1)
    assert shown["Tom Vlug"].competition == "Olympic Games 2022"
    assert (shown["Uri Gauw"].seconds, shown["Uri Gauw"].rank) == (369.5, 2)
