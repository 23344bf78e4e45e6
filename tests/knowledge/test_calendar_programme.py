"""The distances column in each shape the reference calendar uses, and the typos it must refuse."""

from __future__ import annotations

import pytest

from schaatsradar.knowledge.calendar_programme import (
    ProgrammeError,
    ScheduledDistance,
    canonical_distance,
    parse_programme,
)


def labels(text: str, competition: str = "") -> list[str]:
    return [entry.label for entry in parse_programme(text, competition)]


@pytest.mark.parametrize(
    ("text", "competition", "expected"),
    [
        (
            "500m (x2), 1000m, 1500m, 3000m (W), 5000m (M), team pursuit, mass start",
            "ISU World Cup 1",
            ["500m ×2", "1000m", "1500m", "3000m (W)", "5000m (M)", "mass start", "team pursuit"],
        ),
        ("team pursuit, mixed relay", "", ["team pursuit", "relay (mixed)"]),
        (
            "Fri: 5000m (W), 1000m (W); Sat: 10000m (M), 1000m (M); "
            "Sun: 500m (one race per gender), team sprint",
            "",
            ["500m", "1000m", "5000m (W)", "10000m (M)", "team sprint"],
        ),
        (
            "Fri: team pursuit (M); Sun: team pursuit (W), mass start (M, W)",
            "",
            ["mass start", "team pursuit"],
        ),
        ("Men: 500m, 10000m; Women: 500m, 3000m", "", ["500m", "3000m (W)", "10000m (M)"]),
        ("Women 3000m", "", ["3000m (W)"]),
        ("Men 500m; Women team pursuit quarterfinals", "", ["500m (M)", "team pursuit (W)"]),
        ("Team pursuit semifinals and finals (men and women)", "", ["team pursuit"]),
        (
            "allround: 500m/3000m (W), 500m/10000m (M); sprint: 2x500m + 2x1000m",
            "",
            ["500m ×2", "1000m ×2", "3000m (W)", "10000m (M)", "allround", "sprint"],
        ),
        (
            "2x500m + 2x1000m (M, W)",
            "ISU World Sprint Speed Skating Championships",
            ["500m ×2", "1000m ×2", "sprint"],
        ),
        (
            "1000m, team pursuit (Saturday programme); other distances not listed",
            "",
            ["1000m", "team pursuit"],
        ),
        ("", "Viking Race (juniors)", []),
        ("10.000 m, Mass Start", "", ["10000m", "mass start"]),
    ],
)
def test_each_shape_of_the_distances_column(
    text: str, competition: str, expected: list[str]
) -> None:
    assert labels(text, competition) == expected


def test_all_single_distances_is_the_individual_programme_per_gender() -> None:
    programme = parse_programme("all single distances")
    assert programme == (
        ScheduledDistance("500m"),
        ScheduledDistance("1000m"),
        ScheduledDistance("1500m"),
        ScheduledDistance("3000m", ("women",)),
        ScheduledDistance("5000m"),
        ScheduledDistance("10000m", ("men",)),
        ScheduledDistance("mass start"),
    )
    assert parse_programme("Olympic distances") == programme


def test_team_events_keeps_every_team_event() -> None:
    assert labels("mass start, team events") == [
        "mass start",
        "team pursuit",
        "team sprint",
        "relay (mixed)",
    ]


def test_team_sprint_in_a_name_is_not_a_sprint_championship() -> None:
    assert labels("team sprint", "World Cup team sprint final") == ["team sprint"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("500m, 1000 yards", "'1000 yards'"),
        ("500m, 1000m (X)", "(X)"),
        ("Tomorrow: 500m", "'Tomorrow: 500m'"),
        ("5000m; curling", "'curling'"),
    ],
)
def test_unreadable_parts_are_refused_and_quoted(text: str, quoted: str) -> None:
    with pytest.raises(ProgrammeError, match=quoted.replace("(", r"\(").replace(")", r"\)")):
        parse_programme(text)


def test_mixed_events_are_open_to_everyone() -> None:
    relay = ScheduledDistance("relay", ("mixed",))
    assert relay.open_to("women") and relay.open_to("men")
    assert not ScheduledDistance("3000m", ("women",)).open_to("men")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("500 m", "500m"), ("10.000m", "10000m"), ("Team Pursuit", "team pursuit"), ("400m", None)],
)
def test_canonical_distance(text: str, expected: str | None) -> None:
    assert canonical_distance(text) == expected
