"""Official results and records from saved ISU results API and SpeedSkatingResults.com JSON
(tests/knowledge/fixtures/), read the way `schaatsradar official import FILE` reads them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from schaatsradar import errors
from schaatsradar.knowledge.official import (
    OfficialCompetition,
    OfficialData,
    OfficialRecord,
    OfficialResult,
    is_ssr_payload,
    parse_official,
    parse_ssr,
)
from schaatsradar.knowledge.official_fetch import read_official_file
from schaatsradar.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
INZELL = "ISU World Cup Speed Skating 2025/26 - Inzell"


def load(name: str, settings: Settings | None = None) -> OfficialData:
    path = FIXTURES / name
    return parse_official(read_official_file(path, settings or Settings()), str(path))


def problems(data: OfficialData) -> list[tuple[str, str | None]]:
    return [(rejection.path, rejection.code) for rejection in data.rejections]


def test_an_isu_event_file_gives_its_competition_and_every_result():
    data = load("isu_event_inzell.json")
    source = str(FIXTURES / "isu_event_inzell.json")
    assert data.ok, data.rejections
    assert data.competitions == [
        OfficialCompetition(
            INZELL, "Inzell", dt.date(2026, 1, 23), dt.date(2026, 1, 25), source, "2026_GER_0001"
        )
    ]
    assert data.results[0] == OfficialResult(
        athlete="Jutta Leerdam",
        country="NED",
        distance="1000m",
        gender="women",
        seconds=72.74,
        rank=1,
        competition=INZELL,
        venue="Inzell",
        race_date=dt.date(2026, 1, 24),
        source=source,
    )
    assert len(data.results) == 15


def test_isu_names_read_as_the_registry_writes_them():
    names = {result.athlete for result in load("isu_event_inzell.json").results}
    assert names == {
        "Jutta Leerdam",
        "Miho Takagi",
        "Antoinette Rijpma-de Jong",  # "RIJPMA-DE JONG Antoinette"
        "Femke Kok",
        "Nadezhda Morozova",
        "Jenning de Boo",  # lastName "DE BOO"
        "Stijn van de Bunt",
        "Ning Zhongyan",  # Chinese names stay family first
        "Netherlands",  # teams by their country's English name
        "Japan",
        "Canada",
        "Jorrit Bergsma",
        "Bart Swings",
    }


def test_the_two_500m_races_of_a_world_cup_stay_apart():
    races = {
        (r.round, r.race_date, r.rank)
        for r in load("isu_event_inzell.json").results
        if r.athlete == "Ning Zhongyan"
    }
    assert races == {("1", dt.date(2026, 1, 23), 2), ("2", dt.date(2026, 1, 25), 1)}


def test_dutch_written_times_and_optional_fields_are_read():
    results = {(r.athlete, r.distance): r for r in load("isu_event_inzell.json").results}
    assert results["Femke Kok", "1000m"].seconds == 73.6  # written "1.13,60"
    assert results["Nadezhda Morozova", "1000m"].country is None
    swings = results["Bart Swings", "mass start"]
    assert (swings.rank, swings.seconds, swings.points) == (2, None, 40.0)


def test_a_disqualified_skater_is_skipped_not_an_error():
    data = load("isu_event_inzell.json")
    [skipped] = data.skipped
    assert skipped.path == "$.competitions[0].results[5]"
    assert "Yukino Yoshida: DQ" in skipped.reason
    assert "Yukino Yoshida" not in {r.athlete for r in data.results}


def test_an_isu_event_list_page_gives_the_calendar_entries():
    data = load("isu_events_2025_26.json")
    assert data.ok and data.results == []
    assert [(c.name, c.venue, c.start, c.end) for c in data.competitions] == [
        (
            "ISU World Cup Speed Skating 2025/26 - Salt Lake City",
            "Salt Lake City",
            dt.date(2025, 11, 14),
            dt.date(2025, 11, 16),
        ),
        (
            "ISU World Cup Speed Skating 2025/26 - Calgary",
            "Calgary",
            dt.date(2025, 11, 21),
            dt.date(2025, 11, 23),
        ),
        ("ISU European Championships Speed Skating", None, dt.date(2026, 1, 9), None),
    ]


def test_a_competition_carries_its_event_along():
    data = load("isu_competition_with_event.json")
    assert data.ok
    kok = data.results[0]
    assert (kok.athlete, kok.seconds, kok.gender, kok.venue, kok.race_date) == (
        "Femke Kok",
        36.09,
        "women",
        "Salt Lake City",
        dt.date(2025, 11, 16),
    )
    assert kok.competition == "ISU World Cup Speed Skating 2025/26 - Salt Lake City"


def test_isu_record_lists_give_world_and_track_records():
    data = load("isu_records.json")
    assert data.ok
    assert [(r.kind, r.athlete, r.distance, r.seconds, r.venue) for r in data.records] == [
        ("world", "Femke Kok", "500m", 36.09, "Salt Lake City"),
        ("track", "Jutta Leerdam", "1000m", 72.74, "Inzell"),
        ("world", "Japan", "team pursuit", 170.76, "Salt Lake City"),
    ]


def test_ssr_personal_records_belong_to_the_skater_asked_about():
    data = load("ssr_personal_records_leerdam.json")
    source = str(FIXTURES / "ssr_personal_records_leerdam.json")
    assert data.ok
    assert data.records[0] == OfficialRecord(
        kind="personal",
        athlete="Jutta Leerdam",
        country="NED",
        distance="500m",
        gender="women",
        seconds=36.88,
        date=dt.date(2025, 11, 15),
        venue="Salt Lake City",
        source=source,
    )
    assert [r.distance for r in data.records] == ["500m", "1000m", "1500m"]
    [skipped] = data.skipped  # the 300m: a real distance, not one Schaatsradar tracks
    assert skipped.path == "$.records[0]" and "300" in skipped.reason


def test_ssr_season_bests_from_every_season():
    data = load("ssr_season_bests_leerdam.json")
    assert data.ok
    assert [(r.kind, r.distance, r.seconds, r.date) for r in data.records] == [
        ("season_best", "1000m", 72.09, dt.date(2025, 2, 15)),
        ("season_best", "500m", 37.02, dt.date(2025, 11, 15)),
        ("season_best", "1000m", 72.74, dt.date(2026, 1, 24)),
    ]


def test_ssr_world_records_take_gender_from_the_list_and_name_teams_by_country():
    data = load("ssr_world_records_women.json")
    assert data.ok
    assert [(r.kind, r.athlete, r.country, r.gender, r.distance) for r in data.records] == [
        ("world", "Femke Kok", "NED", "women", "500m"),
        ("world", "Brittany Bowe", "USA", "women", "1000m"),
        ("world", "Japan", "JPN", "women", "team pursuit"),
    ]


def test_ssr_track_records_are_set_at_the_track_asked_about():
    data = load("ssr_track_records_thialf.json")
    assert data.ok
    assert [(r.kind, r.athlete, r.gender, r.seconds, r.venue) for r in data.records] == [
        ("track", "Jenning de Boo", "men", 33.99, "Heerenveen"),
        ("track", "Jutta Leerdam", "women", 72.58, "Heerenveen"),
    ]


def test_ssr_skater_lookup_gives_skaters():
    data = load("ssr_skater_lookup.json")
    assert data.ok
    assert [(a.name, a.country, a.gender, a.ssr_id) for a in data.athletes] == [
        ("Jutta Leerdam", "NED", "women", 12345),
        ("Jenning de Boo", "NED", "men", 23456),
        ("Ning Zhongyan", "CHN", None, 34567),
    ]


@pytest.mark.parametrize(
    ("name", "ssr"),
    [
        ("isu_event_inzell.json", False),
        ("isu_events_2025_26.json", False),
        ("isu_records.json", False),
        ("isu_competition_with_event.json", False),
        ("ssr_skater_lookup.json", True),
        ("ssr_personal_records_leerdam.json", True),
        ("ssr_season_bests_leerdam.json", True),
        ("ssr_world_records_women.json", True),
        ("ssr_track_records_thialf.json", True),
    ],
)
def test_the_api_is_told_by_the_shape_of_the_file(name: str, ssr: bool):
    assert is_ssr_payload(json.loads((FIXTURES / name).read_text())) is ssr


def test_a_broken_isu_file_names_every_bad_row_and_why():
    data = load("isu_event_broken.json")
    assert not data.ok
    assert problems(data) == [
        ("$.competitions[0].results[1]", errors.OFFICIAL_ROW),
        ("$.competitions[0].results[2]", errors.OFFICIAL_ROW),
        ("$.competitions[0].results[3]", errors.OFFICIAL_ROW),
        ("$.competitions[0].results[4]", errors.MISSING_FIELD),
        ("$.competitions[1]", errors.OFFICIAL_ROW),
        ("$.competitions[2]", errors.OFFICIAL_ROW),
    ]
    reasons = [str(rejection) for rejection in data.rejections]
    assert all(reason.startswith(str(FIXTURES / "isu_event_broken.json")) for reason in reasons)
    assert "Jutta Leerdam: time 21.30 is impossible for 500m" in reasons[0]
    assert "Erin Jackson: rank 0 is below 1" in reasons[1]
    assert "Miho Takagi: time 'abc' is not a time" in reasons[2]
    assert "missing skater or team name" in reasons[3]
    assert "distance 800 is not a distance Schaatsradar knows" in reasons[4]
    assert "gender 'Q'" in reasons[5]


def test_a_broken_ssr_file_names_every_bad_row_and_why():
    data = load("ssr_personal_records_broken.json")
    assert problems(data) == [
        ("$.records[1]", errors.OFFICIAL_ROW),
        ("$.records[2]", errors.OFFICIAL_ROW),
        ("$.records[3]", errors.OFFICIAL_ROW),
    ]
    reasons = [rejection.reason for rejection in data.rejections]
    assert "'1:72.74' is not a time" in reasons[0]
    assert "'800m' is not a distance" in reasons[1]
    assert "'2025-13-40' is not a date" in reasons[2]


def test_a_list_whose_ranks_contradict_its_times_is_refused():
    data = load("isu_competition_swapped.json")
    assert problems(data) == [
        ("$.results[1]", errors.OFFICIAL_ROW),
        ("$.results[2]", errors.OFFICIAL_ROW),
    ]
    assert "rank 2 in 1:42.95 contradicts rank 1 in 1:43.20" in data.rejections[0].reason
    assert "Tijmen Krijnen: listed twice in this race" in data.rejections[1].reason
    assert {r.athlete for r in data.results} == {
        "Tijmen Krijnen",
        "Kjeld Nuis",
        "Nils van der Poel",
    }


def test_a_file_of_neither_api_is_refused_as_a_whole():
    data = load("unknown_shape.json")
    assert problems(data) == [("$", errors.WRONG_TYPE)]


def test_results_saved_without_their_competition_are_refused():
    """A result row names no distance or gender: it cannot be compared with any news."""
    data = load("isu_results_without_competition.json")
    assert problems(data) == [("$[0]", errors.WRONG_TYPE)]
    assert "without its competition" in data.rejections[0].reason


def test_a_file_that_is_not_json_says_where_it_breaks():
    with pytest.raises(errors.InputRejected) as caught:
        load("not_json.json")
    assert caught.value.code == errors.BAD_JSON
    assert "not_json.json" in caught.value.message and "line 3" in caught.value.message


def test_missing_and_oversized_files_are_refused_before_reading(tmp_path: Path):
    with pytest.raises(errors.InputRejected) as missing:
        read_official_file(tmp_path / "nope.json", Settings())
    assert missing.value.code == errors.NOT_FOUND
    with pytest.raises(errors.InputRejected) as big:
        load("isu_event_inzell.json", Settings(max_file_bytes=100))
    assert big.value.code == errors.TOO_LARGE


def _one_record(distance: object, time: object) -> OfficialData:
    skater = {"givenname": "Jutta", "familyname": "Leerdam", "country": "NED"}
    return parse_ssr({"skater": skater, "records": [{"distance": distance, "time": time}]}, "t")


@pytest.mark.parametrize(
    ("distance", "time", "seconds"),
    [
        (1000, "1:12.74", 72.74),
        (1000, "1.12,74", 72.74),
        (1000, "1:12,74", 72.74),
        (1000, "1:12.740", 72.74),
        ("500m", "36.09", 36.09),
        ("500 m", "36,09", 36.09),
        ("1.000 meter", 72.74, 72.74),
        ("10.000m", "12:45.67", 765.67),
        ("Mass Start", "7:45.1", 465.1),
    ],
)
def test_times_are_read_in_every_way_the_sources_write_them(distance, time, seconds):
    data = _one_record(distance, time)
    assert data.ok, data.rejections
    assert data.records[0].seconds == seconds


@pytest.mark.parametrize(
    ("distance", "time", "needle"),
    [
        ("500m", "0:21.30", "impossible for 500m"),
        ("500m", "36", "not a time"),
        ("500m", "-36.09", "not a time"),
        ("500m", True, "not a time"),
        ("1000m", "1:72.74", "seconds must be 00-59"),
        ("10000m", "1:12.74", "impossible for 10000m"),
        ("700m", "55.00", None),  # untracked: skipped, not refused
        ("800m", "1:02.00", "not a distance"),
        ("marathon", "1:02.00", "not a distance"),
    ],
)
def test_impossible_times_and_unknown_distances_are_refused(distance, time, needle):
    data = _one_record(distance, time)
    assert data.records == []
    if needle is None:
        assert data.ok and len(data.skipped) == 1
    else:
        [rejection] = data.rejections
        assert rejection.code == errors.OFFICIAL_ROW and needle in rejection.reason


def test_facts_serialise_in_the_extraction_contracts_time_format():
    result = load("isu_event_inzell.json").results[0].to_json()
    assert (result["time"], result["seconds"], result["race_date"]) == (
        "1:12.74",
        72.74,
        "2026-01-24",
    )
    record = load("isu_records.json").records[0].to_json()
    assert (record["type"], record["time"], record["date"]) == ("world", "36.09", "2025-11-16")
