"""Seasons run from 1 July to 30 June and are named by their two years."""

from __future__ import annotations

import datetime as dt

import pytest

from schaatsradar.knowledge.seasons import Season, parse_season, season_of


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(2026, 12, 7), "2026-27"),
        (dt.date(2027, 3, 1), "2026-27"),
        (dt.date(2026, 6, 30), "2025-26"),
        (dt.date(2026, 7, 1), "2026-27"),
        (dt.date(1999, 12, 31), "1999-00"),
    ],
)
def test_the_season_of_a_day(day: dt.date, name: str) -> None:
    season = season_of(day)
    assert season.name == name == str(season)
    assert season.holds(day)
    assert (season.first.month, season.first.day, season.last.month, season.last.day) == (
        7,
        1,
        6,
        30,
    )


@pytest.mark.parametrize("text", ["2025-26", "2025/26", "2025-2026", "2025", " 2025 - 26 "])
def test_seasons_are_read_as_people_write_them(text: str) -> None:
    assert parse_season(text) == Season(2025)


@pytest.mark.parametrize("text", ["2025-27", "2025-2025", "25-26", "seizoen", ""])
def test_a_season_that_is_none_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a season"):
        parse_season(text)


def test_seasons_order_and_step_back() -> None:
    assert sorted([Season(2026), Season(2024), Season(2025)]) == [
        Season(2024),
        Season(2025),
        Season(2026),
    ]
    assert Season(2026).previous == Season(2025)
