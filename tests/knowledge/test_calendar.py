"""The 2025-26 season as a fan knows it, broken reference rows, and the calendar filters."""

from __future__ import annotations

import datetime as dt

import pytest

from schaatsradar.errors import BAD_REFERENCE_ROW, UNKNOWN_LEVEL, SchaatsradarError
from schaatsradar.knowledge.calendar import (
    CalendarEvent,
    CalendarRejected,
    bundled_calendar,
    event_slug,
    events_at_level,
    events_between,
    events_for_gender,
    events_for_skater,
    events_with_distance,
    filter_events,
    load_calendar,
    next_events,
    parse_level,
    short_name,
    venue_countries,
)

HEADER = "start_date,end_date,competition,city,rink,level,distances,source,notes\n"
D = dt.date


@pytest.fixture(scope="module")
def season() -> tuple[CalendarEvent, ...]:
    return bundled_calendar()


def by_short_name(season: tuple[CalendarEvent, ...], name: str) -> CalendarEvent:
    (event,) = [e for e in season if e.short_name == name]
    return event


# -- the bundled season ----------------------------------------------------------------------


def test_the_bundled_season_has_every_row_in_date_order(season: tuple[CalendarEvent, ...]) -> None:
    assert len(season) == 25
    assert [e.start for e in season] == sorted(e.start for e in season)
    assert len({e.slug for e in season}) == 25


def test_the_olympic_games_are_in_milan_in_february_2026(
    season: tuple[CalendarEvent, ...],
) -> None:
    olympics = [e for e in season if e.level == "olympics"]
    assert len(olympics) == 12  # one row per speed-skating day
    assert olympics[0].start == D(2026, 2, 7) and olympics[-1].end == D(2026, 2, 21)
    assert {(e.city, e.rink, e.country) for e in olympics} == {
        ("Milan", "Milano Speed Skating Stadium", "ITA")
    }
    assert {e.short_name for e in olympics} == {"Olympic Games"}
    opening = olympics[0]
    assert opening.distances == ("3000m",) and opening.races("3000m", "women")
    assert not opening.races("3000m", "men")
    assert "Milano Cortina" in opening.name


def test_world_cup_1_is_in_salt_lake_city(season: tuple[CalendarEvent, ...]) -> None:
    wc1 = by_short_name(season, "World Cup 1")
    assert (wc1.start, wc1.end) == (D(2025, 11, 14), D(2025, 11, 16))
    assert (wc1.city, wc1.rink, wc1.country) == ("Salt Lake City", "Utah Olympic Oval", "USA")
    assert wc1.slug == "2025-11-14-isu-world-cup-1"
    assert wc1.level == "world cup"
    assert [entry.label for entry in wc1.programme] == [
        "500m ×2",
        "1000m",
        "1500m",
        "3000m (W)",
        "5000m (M)",
        "mass start",
        "team pursuit",
    ]
    assert wc1.sources[1].startswith("https://isu-skating.com/")


def test_five_world_cups_in_order(season: tuple[CalendarEvent, ...]) -> None:
    world_cups = [e for e in season if e.level == "world cup"]
    assert [(e.short_name, e.city) for e in world_cups] == [
        ("World Cup 1", "Salt Lake City"),
        ("World Cup 2", "Calgary"),
        ("World Cup 3", "Heerenveen"),
        ("World Cup 4", "Hamar"),
        ("World Cup 5", "Inzell"),
    ]


def test_heerenveen_world_cup_has_the_only_long_distances_and_no_team_pursuit(
    season: tuple[CalendarEvent, ...],
) -> None:
    wc3 = by_short_name(season, "World Cup 3")
    assert wc3.races("10000m", "men") and not wc3.races("10000m", "women")
    assert wc3.races("5000m", "women") and not wc3.races("5000m", "men")
    assert wc3.races("team sprint") and not wc3.races("team pursuit")
    assert wc3.races("1000m", "women") and wc3.races("1000m", "men")  # Friday and Saturday


def test_championships_carry_their_classification(season: tuple[CalendarEvent, ...]) -> None:
    sprint = by_short_name(season, "World Sprint Championships")
    assert sprint.distances == ("500m", "1000m", "sprint")
    allround = by_short_name(season, "World Allround Championships")
    assert allround.distances == ("500m", "1500m", "3000m", "5000m", "10000m", "allround")
    assert allround.races("10000m", "men") and not allround.races("10000m", "women")
    nk = by_short_name(season, "NK allround & NK sprint")
    assert {"allround", "sprint"} <= set(nk.distances)


def test_dutch_championships_and_trials(season: tuple[CalendarEvent, ...]) -> None:
    nk = by_short_name(season, "NK afstanden")
    assert (nk.start, nk.end, nk.city, nk.country) == (
        D(2025, 10, 31),
        D(2025, 11, 2),
        "Heerenveen",
        "NED",
    )
    assert nk.races("10000m", "men") and nk.races("3000m", "women")
    okt = by_short_name(season, "OKT")
    assert (okt.start, okt.end) == (D(2025, 12, 26), D(2025, 12, 30))


def test_gaps_in_the_data_stay_visible(season: tuple[CalendarEvent, ...]) -> None:
    junior = by_short_name(season, "Junior World Cup")
    assert junior.start == junior.end == D(2025, 11, 29)  # end date not in the sources
    viking = by_short_name(season, "Viking Race")
    assert viking.programme == () and viking.level == "junior"
    euro = by_short_name(season, "European Championships")
    assert (euro.city, euro.country) == ("Tomaszów Mazowiecki", "POL")


# -- broken reference rows -------------------------------------------------------------------


def test_every_broken_row_is_reported_with_file_row_and_reason() -> None:
    text = HEADER + (
        "2025-11-14,2025-11-16,ISU World Cup 1,Salt Lake City,Utah Olympic Oval,world cup,"
        "1000m,,\n"
        "2025-13-01,,Bad Month Cup,Hamar,Vikingskipet,world cup,1000m,,\n"
        "2025-12-07,2025-12-05,Backwards Cup,Heerenveen,Thialf,world cup,1000m,,\n"
        "2025-12-12,,Mystery Cup,Hamar,Vikingskipet,club race,1000m,,\n"
        "2026-01-09,,,Inzell,Max Aicher Arena,national,1000m,,\n"
    )
    with pytest.raises(CalendarRejected) as caught:
        load_calendar(text, "kalender.csv")
    error = caught.value
    assert error.code == BAD_REFERENCE_ROW
    assert [(p.filename, p.row) for p in error.problems] == [
        ("kalender.csv", 3),
        ("kalender.csv", 4),
        ("kalender.csv", 5),
        ("kalender.csv", 6),
    ]
    message = str(error)
    assert "kalender.csv, row 3: start_date '2025-13-01' is not a date on the calendar" in message
    assert "row 4: end_date 2025-12-05 is before start_date 2025-12-07" in message
    assert "row 5: unknown level 'club race'" in message
    assert "row 6: competition name is empty" in message


def test_a_row_with_several_faults_lists_them_all() -> None:
    text = HEADER + "14-11-2025,yesterday,,Hamar,Vikingskipet,club,500m; curling,,\n"
    with pytest.raises(CalendarRejected) as caught:
        load_calendar(text, "x.csv")
    reasons = [p.reason for p in caught.value.problems]
    assert {p.row for p in caught.value.problems} == {2}
    assert reasons == [
        "competition name is empty",
        "start_date '14-11-2025' is not a date (YYYY-MM-DD)",
        "end_date 'yesterday' is not a date (YYYY-MM-DD)",
        "unknown level 'club' (expected one of: olympics, world championships, "
        "european championships, four continents championships, world cup, "
        "junior world cup, junior, national)",
        "distances: cannot read 'curling'",
    ]


def test_wrong_field_count_and_duplicates_are_rejected() -> None:
    text = HEADER + (
        "2025-11-14,,World Cup 1,Salt Lake City,Utah Olympic Oval,world cup,1000m,,\n"
        "2025-11-21,,World Cup 2,Calgary\n"
        "2025-11-14,2025-11-16,World Cup 1,Salt Lake City,Utah Olympic Oval,world cup,500m,,\n"
    )
    with pytest.raises(CalendarRejected) as caught:
        load_calendar(text, "x.csv")
    assert [str(p) for p in caught.value.problems] == [
        "x.csv, row 3: expected 9 fields, found 4",
        "x.csv, row 4: same start date and competition as row 2",
    ]


def test_a_missing_column_rejects_the_header() -> None:
    with pytest.raises(CalendarRejected, match=r"x.csv, row 1: missing column\(s\) \['level'\]"):
        load_calendar("start_date,end_date,competition,city,rink,distances\n", "x.csv")
    with pytest.raises(CalendarRejected, match="row 1: no header row"):
        load_calendar("", "x.csv")


def test_a_good_file_loads_with_bom_blank_lines_and_unknown_venue() -> None:
    text = (
        "\ufeff"
        + HEADER
        + ("\n2026-02-01,,Gewestelijk kampioenschap,Alkmaar,De Meent,national,500m (W),,\n")
    )
    (event,) = load_calendar(text, "x.csv", venue_countries(""))
    assert event.end == event.start == D(2026, 2, 1)
    assert event.country is None and event.notes == "" and event.sources == ()
    assert event.location == "De Meent, Alkmaar"


def test_venue_countries_know_rinks_aliases_and_cities() -> None:
    countries = venue_countries(
        "rink,city,country,aliases\nThialf,Heerenveen,NED,IJsstadion Thialf;Thialf-hal (old)\n"
    )
    assert countries == {
        "thialf": "NED",
        "heerenveen": "NED",
        "ijsstadion thialf": "NED",
        "thialf-hal": "NED",
    }


# -- names -----------------------------------------------------------------------------------


def test_slug_is_ascii_and_fixed_by_date_and_name() -> None:
    assert event_slug(D(2026, 1, 9), "EK afstanden Tomaszów") == "2026-01-09-ek-afstanden-tomaszow"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ISU World Cup 5 (final)", "World Cup 5"),
        ("OKT (Dutch Olympic Qualification Tournament)", "OKT"),
        ("Olympic Winter Games Milano Cortina 2026 - speed skating", "Olympic Games"),
        ("Holland Cup", None),
    ],
)
def test_short_names(name: str, expected: str | None) -> None:
    assert short_name(name) == expected


# -- filters ---------------------------------------------------------------------------------


def test_between_keeps_events_that_overlap_the_window(season: tuple[CalendarEvent, ...]) -> None:
    march = events_between(season, D(2026, 3, 1), D(2026, 3, 31))
    assert [e.short_name for e in march] == [
        "NK allround & NK sprint",  # 28 Feb - 1 Mar
        "World Sprint Championships",
        "World Allround Championships",
        "Viking Race",
    ]
    assert len(events_between(season, end=D(2025, 11, 30))) == 4
    assert events_between(season) == season


def test_level_filter_accepts_cli_spellings(season: tuple[CalendarEvent, ...]) -> None:
    assert len(events_at_level(season, ["world-cup"])) == 5
    assert len(events_at_level(season, ["World Championships", "european_championships"])) == 3
    assert parse_level(" Junior World Cup ") == "junior world cup"
    with pytest.raises(SchaatsradarError) as caught:
        parse_level("marathon")
    assert caught.value.code == UNKNOWN_LEVEL


def test_distance_filter_respects_gender(season: tuple[CalendarEvent, ...]) -> None:
    assert events_with_distance(season, "10000m", "women") == ()
    men = events_with_distance(season, "10000m", "men")
    assert [e.start for e in men] == [
        D(2025, 10, 31),
        D(2025, 12, 5),
        D(2025, 12, 26),
        D(2026, 2, 13),
        D(2026, 2, 28),
        D(2026, 3, 7),
    ]
    relay = events_with_distance(season, "relay", "women")
    assert [e.city for e in relay] == ["Calgary", "Hamar", "Inzell"]


def test_gender_filter_drops_the_other_genders_olympic_days(
    season: tuple[CalendarEvent, ...],
) -> None:
    women_olympics = [
        e.start.day for e in events_for_gender(season, "women") if e.level == "olympics"
    ]
    assert women_olympics == [7, 9, 12, 14, 15, 17, 20, 21]
    assert all(e.short_name != "Viking Race" for e in events_for_gender(season, "men"))


def test_skater_filter_by_distance_level_and_country(season: tuple[CalendarEvent, ...]) -> None:
    sprinter = events_for_skater(season, "women", ["500m", "1000m"], levels=["olympics"])
    assert [e.start.day for e in sprinter] == [9, 15]
    norwegian = events_for_skater(season, "men", ["5000m"], country="NOR")
    assert all(e.level != "national" for e in norwegian)
    dutch = events_for_skater(season, "men", ["5000m"], country="NED")
    assert any(e.short_name == "NK afstanden" for e in dutch)


def test_next_events_includes_one_under_way(season: tuple[CalendarEvent, ...]) -> None:
    soon = next_events(season, D(2025, 11, 15), 3)
    assert [e.short_name for e in soon] == ["World Cup 1", "World Cup 2", "Junior World Cup"]
    assert next_events(season, D(2026, 3, 15)) == ()
    assert len(next_events(season, D(2025, 1, 1))) == 5


def test_filter_events_combines_everything(season: tuple[CalendarEvent, ...]) -> None:
    selected = filter_events(
        season,
        start=D(2026, 1, 1),
        end=D(2026, 2, 28),
        levels=["olympics"],
        distance="1500m",
        gender="women",
    )
    assert [(e.start, e.display_name) for e in selected] == [(D(2026, 2, 20), "Olympic Games")]
    # everything but the Viking Race (no programme) and the four women-only Olympic days
    assert len(filter_events(season, gender="men")) == 25 - 1 - 4
