"""A race as fans read it: the field in order of finish, medals for the podium only, the gap
to the winner only when the winner's time is known, and races in programme order."""

from __future__ import annotations

import datetime as dt

from schaatsradar.store.knowledge import ResultView
from schaatsradar.store.site import LineSource
from schaatsradar.web.race_view import field_lines, race_tables
from schaatsradar.web.rendering import environment
from tests.rows import result_view

DAY = dt.date(2026, 11, 14)


def result(
    result_id: int,
    athlete: str,
    seconds: float | None,
    rank: int | None,
    race_id: int = 1,
    distance: str = "500m",
    gender: str = "women",
) -> ResultView:
    return result_view(
        id=result_id,
        race_id=race_id,
        skater_id=result_id,
        athlete=athlete,
        distance=distance,
        gender=gender,
        seconds=seconds,
        rank=rank,
        race_date=DAY,
        competition="World Cup 1",
        start_date=DAY,
        end_date=DAY,
    )


def test_the_field_runs_in_order_of_finish_with_medals_and_gaps_to_the_winner():
    lines = field_lines(
        [
            result(3, "Kim Vos", 37.61, 4),
            result(1, "Anna Berg", 37.12, 1),
            result(4, "Lot Maas", None, 2),  # a place without a time: no gap to show
            result(2, "Eva Smit", 37.39, 3),
            result(5, "Ina Kok", 38.02, None),  # a time without a place comes last
        ]
    )
    assert [line.result.athlete for line in lines] == [
        "Anna Berg",
        "Lot Maas",
        "Eva Smit",
        "Kim Vos",
        "Ina Kok",
    ]
    assert [line.medal for line in lines] == ["gold", "silver", "bronze", None, None]
    assert [line.gap for line in lines] == [None, None, 0.27, 0.49, 0.9]


def test_no_gap_without_a_winner_whose_time_is_known():
    untimed_winner = field_lines([result(1, "Anna Berg", None, 1), result(2, "Eva Smit", 37.4, 2)])
    assert [line.gap for line in untimed_winner] == [None, None]
    # Times but no places: the fastest time is not taken for the winner (the field may be
    # incomplete), and nobody gets a medal.
    unplaced = field_lines([result(1, "Anna Berg", 37.4, None), result(2, "Eva Smit", 37.1, None)])
    assert [(line.result.athlete, line.medal, line.gap) for line in unplaced] == [
        ("Eva Smit", None, None),
        ("Anna Berg", None, None),
    ]


def test_each_line_carries_its_sources():
    sources = {2: [LineSource(7, "nos", False), LineSource(9, "nos", False, 2)]}
    lines = field_lines([result(1, "Anna Berg", 37.1, 1), result(2, "Eva Smit", 37.4, 2)], sources)
    assert lines[0].sources == ()
    assert [s.source for s in lines[1].sources] == ["nos", "nos (2)"]


def test_races_come_in_programme_order_and_the_double_500_is_numbered():
    tables = race_tables(
        [
            result(1, "Anna Berg", 76.1, 1, race_id=3, distance="1000m"),
            result(2, "Eva Smit", 37.1, 1, race_id=1),
            result(3, "Eva Smit", 37.3, 1, race_id=2),
            result(4, "Kim Vos", 37.5, 2, race_id=2),
        ]
    )
    assert [(t.first.distance, t.number, t.repeated) for t in tables] == [
        ("500m", 1, True),
        ("500m", 2, True),
        ("1000m", 1, False),
    ]
    assert [len(t.podium) for t in tables] == [1, 2, 1]


def test_the_table_shows_gaps_in_dutch_notation_and_names_the_medals():
    lines = field_lines([result(1, "Anna Berg", 37.12, 1), result(2, "Eva Smit", 97.39, 2)])
    macros = environment("nl").get_template("macros.html").module
    html = str(macros.race_table(lines, {1: "anna-berg"}, "500 m vrouwen"))  # type: ignore[attr-defined]
    assert '<th scope="col" class="num gap-col">Verschil</th>' in html
    assert "+1.00,27" in html  # a minute behind: minutes, seconds, hundredths
    assert (
        '<span class="medal medal-gold">1</span><span class="visually-hidden"> (goud)</span>'
        in html
    )
    assert '<span class="medal medal-silver">2</span>' in html and "(zilver)" in html
    assert '<a href="/schaatsers/anna-berg">Anna Berg</a>' in html


def test_a_tie_in_place_time_and_name_comes_in_one_order_whatever_order_it_arrives_in():
    """Two namesakes tied in place and time: by skater id, not by the order of the rows."""
    namesakes = [result(7, "Kim Vos", 38.0, 2), result(5, "Kim Vos", 38.0, 2)]
    for given in (namesakes, namesakes[::-1]):
        assert [line.result.id for line in field_lines(given)] == [5, 7]
