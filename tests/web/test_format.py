"""Values as each language's reader expects them."""

from __future__ import annotations

import datetime as dt

import pytest

from schaatsradar.web import format, names
from schaatsradar.web.deps import Language


@pytest.mark.parametrize(
    ("seconds", "dutch", "english"),
    [
        (72.74, "1.12,74", "1:12.74"),
        (36.09, "36,09", "36.09"),
        (38.01, "38,01", "38.01"),
        (60.0, "1.00,00", "1:00.00"),
        (745.69, "12.25,69", "12:25.69"),
        (None, "–", "–"),
    ],
)
def test_race_times_in_dutch_and_english(seconds: float | None, dutch: str, english: str):
    assert format.race_time(seconds, "nl") == dutch
    assert format.race_time(seconds, "en") == english


@pytest.mark.parametrize(
    ("start", "end", "dutch", "english"),
    [
        (dt.date(2026, 1, 23), dt.date(2026, 1, 25), "nog 3 dagen", "in 3 days"),
        (dt.date(2026, 1, 22), dt.date(2026, 1, 22), "nog 2 dagen", "in 2 days"),
        (dt.date(2026, 1, 21), dt.date(2026, 1, 21), "morgen", "tomorrow"),
        (dt.date(2026, 1, 20), dt.date(2026, 1, 20), "vandaag", "today"),
        (dt.date(2026, 1, 19), dt.date(2026, 1, 21), "nu bezig", "under way"),
        (dt.date(2026, 1, 9), dt.date(2026, 1, 11), "voorbij", "over"),
    ],
)
def test_countdown_to_an_event(start: dt.date, end: dt.date, dutch: str, english: str):
    today = dt.date(2026, 1, 20)
    assert format.countdown(start, end, today, "nl") == dutch
    assert format.countdown(start, end, today, "en") == english


def test_dates_months_and_ranges():
    day = dt.date(2026, 1, 24)
    assert format.day(day, "nl") == "24 januari 2026"
    assert format.day(day, "en") == "January 24, 2026"
    assert format.month_heading(day, "nl") == "Januari 2026"
    assert format.day_range(dt.date(2025, 11, 14), dt.date(2025, 11, 16), "nl") == "14–16 nov 2025"
    assert format.day(None, "nl") == "–"


def test_distances_genders_countries_and_record_kinds():
    assert format.distance("10000m", "nl") == "10.000\N{NO-BREAK SPACE}m"
    assert format.distance("10000m", "en") == "10,000\N{NO-BREAK SPACE}m"
    assert format.distance("team pursuit", "nl") == "ploegenachtervolging"
    assert format.distance("team pursuit", "en") == "team pursuit"
    assert format.gender("women", "nl") == "vrouwen"
    assert format.gender("", "nl") == ""
    assert format.record_kind("track", "nl") == "baanrecord"
    assert format.record_kind("world", "en") == "world record"
    assert format.filters("nl")["level"]("world championships") == "wereldkampioenschappen"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_missing_value_shows_a_gap_not_an_error(language: Language):
    """A fact stored without a distance, status or kind (an unsure extraction) is shown with
    a gap: every formatter takes None."""
    assert format.distance(None, language) == "–"
    assert format.distance("", language) == "–"
    assert names.record_status(None, language) == ""
    assert format.record_kind(None, language) == format.record_kind("other", language)
    assert format.month_heading(None, language) == "–"
    assert format.day_range(None, None, language) == "–"
    assert names.level(None, language) == ""
    assert names.country(None, language) == "–"
    assert format.gender(None, language) == ""
