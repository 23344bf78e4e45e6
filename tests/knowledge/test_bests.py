"""Personal and season bests from the rows a profile reads (issue 15): the same bests the
best-time queries give, without asking the database again. The database tests import an
official list for real and hold the pure function to `best_times` over it."""

from __future__ import annotations

import datetime as dt

import pytest

from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.bests import bests
from schaatsradar.knowledge.book import import_official, load_reference
from schaatsradar.knowledge.official_types import OfficialData, OfficialRecord, OfficialResult
from schaatsradar.knowledge.views import profile, season_start
from schaatsradar.store import Store, article_refs, record_book
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import ResultView
from schaatsradar.store.record_book import RecordRow
from schaatsradar.store.together import _compiled, together
from tests.rows import result_view

NOW = dt.datetime(2026, 2, 1, 12, 0)
SEASON = dt.date(2025, 7, 1)
SKATER = "Wietske Proefrijder"  # our own, in no registry


def result(
    result_id: int,
    distance: str,
    seconds: float | None,
    race_date: dt.date | None = None,
    start_date: dt.date | None = None,
) -> ResultView:
    return result_view(
        id=result_id,
        race_id=result_id,
        athlete=SKATER,
        distance=distance,
        seconds=seconds,
        official=True,
        race_date=race_date,
        start_date=start_date,
    )


def record(record_id: int, kind: str, distance: str, seconds: float | None) -> RecordRow:
    return RecordRow(
        id=record_id,
        kind=kind,
        scope=SKATER,
        distance=distance,
        gender="women",
        seconds=seconds,
        skater_id=1,
        holder=SKATER,
        holder_country="NED",
        set_on=None,
        venue=None,
        status="current",
        superseded_by=None,
        disputes=None,
        origin="official",
    )


def test_the_fastest_time_per_distance_and_the_result_behind_it():
    old = result(1, "500m", 38.10, dt.date(2024, 12, 1))
    new = result(2, "500m", 38.40, dt.date(2025, 11, 15))
    tie = result(3, "500m", 38.10, dt.date(2024, 12, 2))  # a tie keeps the first listed
    untimed = result(4, "1000m", None, dt.date(2025, 11, 16))
    found = bests([old, new, tie, untimed], [], SEASON)
    assert found.personal == {"500m": 38.10}
    assert found.set_in == {"500m": old}
    assert found.season == {"500m": 38.40}


def test_a_race_without_a_day_counts_in_the_season_of_its_meet():
    undated = result(1, "1500m", 117.0, None, start_date=dt.date(2025, 12, 6))
    earlier = result(2, "1500m", 116.0, None, start_date=dt.date(2025, 3, 1))
    nowhen = result(3, "1500m", 115.0)  # no day at all: never of this season
    found = bests([undated, earlier, nowhen], [], SEASON)
    assert found.season == {"1500m": 117.0}
    assert found.personal == {"1500m": 115.0}


def test_a_faster_personal_record_beats_the_results_and_has_no_race_behind_it():
    raced = result(1, "1000m", 76.0, dt.date(2025, 11, 15))
    found = bests(
        [raced],
        [
            record(1, "personal", "1000m", 75.5),
            record(2, "personal", "3000m", 240.0),  # a distance never raced here
            record(3, "season_best", "1000m", 74.0),  # season-best lists are not read
            record(4, "track", "1000m", 73.0),
        ],
        SEASON,
    )
    assert found.personal == {"1000m": 75.5, "3000m": 240.0}
    assert found.set_in == {}
    assert found.season == {"1000m": 76.0}


def test_a_slower_personal_record_leaves_the_result_standing():
    raced = result(1, "1000m", 75.0, dt.date(2025, 11, 15))
    found = bests([raced], [record(1, "personal", "1000m", 75.5)], SEASON)
    assert found.personal == {"1000m": 75.0}
    assert found.set_in == {"1000m": raced}


@pytest.fixture
def known(store: Store) -> Store:
    with store.write() as conn:
        load_reference(conn)
    return store


def _imported(store: Store, records: list[OfficialRecord]) -> int:
    """Two seasons of an official list, faster further back: timed and untimed results."""
    rows = []
    for week, (distance, seconds) in enumerate(
        [("500m", 38.9), ("500m", 38.4), ("1000m", 76.8), ("1000m", None), ("1500m", 118.2)] * 4
    ):
        day = dt.date(2026, 1, 31) - dt.timedelta(days=30 * week)
        rows.append(
            OfficialResult(
                athlete=SKATER,
                country="NED",
                distance=distance,
                gender="women",
                seconds=None if seconds is None else round(seconds - 0.05 * week, 2),
                rank=1 + week % 5,
                competition=f"Proefwedstrijd {week + 1}",
                venue="Heerenveen",
                race_date=day,
                source="proef",
            )
        )
    with store.write() as conn:
        outcome = import_official(conn, OfficialData(results=rows, records=records), NOW)
        skater = kb.skater_by_key(conn, "wietske proefrijder")
    assert outcome.results == len(rows) and not outcome.refused
    assert skater is not None
    return skater.id


def test_bests_from_the_rows_read_are_those_the_best_time_queries_give(known: Store):
    skater_id = _imported(known, [])
    with known.read() as conn:
        results = kb.results(conn, skater_id=skater_id)
        found = bests(results, record_book.records(conn, skater_id=skater_id), SEASON)
        assert found.personal == kb.best_times(conn, skater_id)
        assert found.season == kb.best_times(conn, skater_id, since=SEASON)
        assert set(found.season) != set() and found.season != found.personal
    for distance, seconds in found.personal.items():
        assert found.set_in[distance].seconds == seconds


def test_the_profile_shows_those_bests_with_a_listed_personal_record(known: Store):
    listed = OfficialRecord(
        "personal", SKATER, "NED", "1500m", "women", 110.0, dt.date(2024, 3, 1), "Inzell", "proef"
    )
    skater_id = _imported(known, [listed])
    with known.read() as conn:
        skater = kb.skater_by_id(conn, skater_id)
        assert skater is not None
        view = profile(conn, skater, NOW.date())
        by_query = kb.best_times(conn, skater_id)
        season = kb.best_times(conn, skater_id, since=season_start(NOW.date()))
    assert view.personal_bests == {**by_query, "1500m": 110.0}
    assert view.season_bests == season
    assert "1500m" not in view.best_results
    assert view.best_results["500m"].seconds == by_query["500m"]


def test_the_profile_reads_sent_together_give_what_each_read_alone_gives(known: Store):
    """On PostgreSQL the profile's four reads go in one pipeline, run on the driver's cursors:
    the rows must be those SQLAlchemy gives for the same reads one by one (types included)."""
    listed = OfficialRecord(
        "personal", SKATER, "NED", "1500m", "women", 110.0, dt.date(2024, 3, 1), "Inzell", "proef"
    )
    skater_id = _imported(known, [listed])
    day = dt.date(2025, 6, 1)
    reads = [
        kb.skater_results(skater_id),
        record_book.skater_records(skater_id),
        article_refs.naming(skater_id),
        season_calendar.events_from(day),
    ]
    with known.read() as conn:
        sent = together(conn, *reads)
        alone = [
            kb.results(conn, skater_id=skater_id),
            record_book.records(conn, skater_id=skater_id),
            article_refs.articles_naming(conn, skater_id),
            season_calendar.events_between(conn, day),
        ]
        if conn.dialect.name == "postgresql":  # not quietly one by one
            assert all(_compiled(conn, read.statement) is not None for read in reads)
    assert [len(values) for values in sent[:2]] == [20, 1] and sent[3]
    assert sent == alone
    assert [type(v.seconds) for v in sent[0][:2]] == [type(v.seconds) for v in alone[0][:2]]
