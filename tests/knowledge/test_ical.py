"""iCal export: parses back with icalendar, keeps RFC 5545's rules, and per skater holds only
that skater's races."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar, Component

from schaatsradar.knowledge.calendar import CalendarEvent, bundled_calendar, load_calendar
from schaatsradar.knowledge.ical import calendar_ics, event_summary, skater_ics

STAMP = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def season() -> tuple[CalendarEvent, ...]:
    return bundled_calendar()


@pytest.fixture(scope="module")
def season_ics(season: tuple[CalendarEvent, ...]) -> bytes:
    return calendar_ics(season, "Schaatskalender 2025-26", stamp=STAMP)


def vevents(ics: bytes) -> list[Component]:
    return Calendar.from_ical(ics).walk("VEVENT")


def test_round_trip_keeps_every_event(season: tuple[CalendarEvent, ...], season_ics: bytes) -> None:
    parsed = vevents(season_ics)
    assert [str(v["UID"]) for v in parsed] == [f"{e.slug}@schaatsradar" for e in season]
    wc1 = next(v for v in parsed if str(v["UID"]) == "2025-11-14-isu-world-cup-1@schaatsradar")
    assert wc1.decoded("DTSTART") == dt.date(2025, 11, 14)
    assert wc1.decoded("DTEND") == dt.date(2025, 11, 17)  # exclusive: the day after 16 Nov
    assert str(wc1["SUMMARY"]) == "World Cup 1"
    assert str(wc1["LOCATION"]) == "Utah Olympic Oval, Salt Lake City"
    description = str(wc1["DESCRIPTION"])
    assert "Distances: 500m ×2, 1000m, 1500m, 3000m (W), 5000m (M)" in description
    assert "Level: world cup" in description
    assert "Source: https://isu-skating.com/" in description
    assert "URL" not in wc1  # the meet's page is the site's to give (`IcalWords.meet_url`)
    assert str(wc1["X-SCHAATSRADAR-LEVEL"]) == "world cup"


def test_calendar_has_required_properties(season_ics: bytes) -> None:
    calendar = Calendar.from_ical(season_ics)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Schaatsradar//")
    assert str(calendar["X-WR-CALNAME"]) == "Schaatskalender 2025-26"
    for vevent in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert name in vevent
        assert vevent.decoded("DTSTAMP") == STAMP
        assert vevent["DTSTART"].params["VALUE"] == "DATE"


def test_lines_end_in_crlf_and_fold_within_75_octets(season_ics: bytes) -> None:
    assert season_ics.startswith(b"BEGIN:VCALENDAR\r\n")
    assert season_ics.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in season_ics.replace(b"\r\n", b"")
    lines = season_ics.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded
    for line in lines:
        line.decode("utf-8")  # folding never splits a multi-byte character ("×", "ó")


def test_olympic_days_name_their_races(season: tuple[CalendarEvent, ...]) -> None:
    summaries = [event_summary(e) for e in season if e.level == "olympics"]
    assert summaries[0] == "Olympic Games – 3000m (W)"
    assert "Olympic Games – 500m (M), team pursuit (W)" in summaries


def test_uids_are_stable_and_output_reproducible(season: tuple[CalendarEvent, ...]) -> None:
    first = calendar_ics(season, "k", stamp=STAMP)
    assert calendar_ics(season, "k", stamp=STAMP) == first
    later = calendar_ics(season, "k", stamp=STAMP + dt.timedelta(days=30))
    assert [v["UID"] for v in vevents(later)] == [v["UID"] for v in vevents(first)]


def test_without_a_stamp_the_current_time_is_used() -> None:
    (event,) = vevents(calendar_ics(bundled_calendar()[:1], "k"))
    stamp = event.decoded("DTSTAMP")
    assert stamp.tzinfo is not None
    assert abs(dt.datetime.now(dt.UTC) - stamp) < dt.timedelta(minutes=5)


def test_skater_calendar_only_holds_that_skaters_races(season: tuple[CalendarEvent, ...]) -> None:
    ics = skater_ics(season, "women", ["500m", "1000m"], name="Jutta Leerdam", stamp=STAMP)
    assert str(Calendar.from_ical(ics)["X-WR-CALNAME"]) == "Jutta Leerdam"
    starts = [v.decoded("DTSTART") for v in vevents(ics)]
    assert dt.date(2026, 2, 9) in starts  # Olympic women's 1000m
    assert dt.date(2026, 2, 15) in starts  # Olympic women's 500m
    assert dt.date(2026, 2, 11) not in starts  # men's 1000m
    assert dt.date(2026, 2, 7) not in starts  # women's 3000m
    assert dt.date(2025, 11, 14) in starts  # World Cup 1
    assert dt.date(2026, 3, 13) not in starts  # Viking Race: no programme known


def test_long_distance_skater_gets_the_long_distance_days(
    season: tuple[CalendarEvent, ...],
) -> None:
    ics = skater_ics(season, "men", ["10000m"], levels=["world cup", "olympics"], stamp=STAMP)
    summaries = [str(v["SUMMARY"]) for v in vevents(ics)]
    assert summaries == ["World Cup 3", "Olympic Games – 10000m (M)"]


def test_national_championships_only_for_the_skaters_country(
    season: tuple[CalendarEvent, ...],
) -> None:
    norwegian = skater_ics(season, "men", ["5000m"], country="NOR", stamp=STAMP)
    assert not any("NK" in str(v["SUMMARY"]) for v in vevents(norwegian))
    dutch = skater_ics(season, "men", ["5000m"], country="NED", stamp=STAMP)
    assert any(str(v["SUMMARY"]) == "NK afstanden" for v in vevents(dutch))


def test_no_matching_events_is_still_a_valid_calendar(season: tuple[CalendarEvent, ...]) -> None:
    ics = skater_ics(season, "women", ["10000m"], stamp=STAMP)
    calendar = Calendar.from_ical(ics)
    assert calendar.walk("VEVENT") == [] and str(calendar["VERSION"]) == "2.0"


def test_event_without_rink_or_sources_has_no_location_or_url() -> None:
    text = (
        "start_date,end_date,competition,city,rink,level,distances,source,notes\n"
        "2026-02-01,2026-02-01,Natuurijs klassieker,,,national,,,\n"
    )
    (vevent,) = vevents(calendar_ics(load_calendar(text, "x.csv"), "k", stamp=STAMP))
    assert "LOCATION" not in vevent and "URL" not in vevent
    assert vevent.decoded("DTEND") == dt.date(2026, 2, 2)
