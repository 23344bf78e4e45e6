"""Relative time expressions counted back from the article's date (issue 12, "History is
history"): a result the article dates "vorig seizoen", "last winter" or "bij de vorige Spelen"
is filed under that meet's year, and only when the look back is in its own clause; a season
names a year only for a meet held in the season's second calendar year. Our own sentences."""

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.relative_dates import Back, meet_year, resolve, season_of
from schaatsradar.extract.types import Result

REGISTRY = Registry.bundled()
JANUARY = dt.date(2026, 1, 24)
NOVEMBER = dt.date(2025, 11, 22)


def facts(text: str, date: dt.date) -> list[Result]:
    return extract_all(text, date, REGISTRY).results


def of(found: list[Result], athlete: str) -> list[tuple[str, int | None, bool, int | None]]:
    return [(r.distance, r.rank, r.earlier, r.year) for r in found if r.athlete == athlete]


# --- the resolver -----------------------------------------------------------------------


def test_a_season_runs_july_to_june() -> None:
    assert season_of(dt.date(2025, 7, 1)) == 2025
    assert season_of(dt.date(2026, 6, 30)) == 2025


def test_last_season_is_the_season_before_the_articles() -> None:
    for words in ("vorig seizoen", "Last season", "het vorige seizoen", "the previous season"):
        assert resolve(words, JANUARY) == Back(2024), words
        assert resolve(words, NOVEMBER) == Back(2024), words


def test_last_season_written_just_after_a_season_ended_is_unclear() -> None:
    assert resolve("vorig seizoen", dt.date(2026, 5, 10)) is None


def test_last_winter_is_the_winter_just_past_once_the_season_ended() -> None:
    assert resolve("afgelopen winter", dt.date(2026, 5, 10)) == Back(2025)
    assert resolve("last winter", NOVEMBER) == Back(2024)


def test_weeks_and_months_back_fix_the_year_across_new_year() -> None:
    early = dt.date(2026, 1, 8)
    assert resolve("twee weken geleden", early) == Back(2025, 2025, 12)
    assert resolve("two weeks ago", JANUARY) == Back(2025, 2026, 1)
    assert resolve("vorige maand", early) == Back(2025, 2025, 12)
    assert resolve("last month", dt.date(2025, 12, 1)) == Back(2025, 2025, 11)


def test_years_back_fix_a_calendar_year() -> None:
    assert resolve("vorig jaar", JANUARY) == Back(None, 2025)
    assert resolve("four years ago", JANUARY) == Back(None, 2022)
    assert resolve("a year ago", JANUARY) == Back(None, 2025)


def test_the_last_games_are_the_winter_games_before() -> None:
    assert resolve("bij de vorige Spelen", dt.date(2026, 2, 12)) == Back(2021, 2022, 2, games=True)
    assert resolve("the last Olympics", dt.date(2024, 11, 30)) == Back(2021, 2022, 2, games=True)
    # Later in a Games year, the last Games may be those just held: unclear.
    assert resolve("de vorige Spelen", dt.date(2026, 10, 1)) is None


def test_a_future_or_unknown_expression_resolves_to_nothing() -> None:
    assert resolve("volgend seizoen", JANUARY) is None
    assert resolve("next season", JANUARY) is None
    assert resolve("dit seizoen", JANUARY) is None


def test_a_season_names_a_year_only_for_a_championship_of_its_second_year() -> None:
    last = Back(2024)
    assert meet_year(last, "WK afstanden") == 2025
    assert meet_year(last, "European Championships") == 2025
    assert meet_year(last, "Olympic Games") == 2025
    assert meet_year(last, "World Cup") is None  # a World Cup season spans both years
    assert meet_year(last, "NK afstanden") is None  # skated in October or December too
    assert meet_year(last, "OKT") is None  # the qualifier comes before the Games
    assert meet_year(last, None) is None
    assert meet_year(Back(2025, 2025, 12), "World Cup") == 2025


# --- in extraction ----------------------------------------------------------------------


def test_last_seasons_world_title_is_that_championships_result() -> None:
    text = (
        "Jordan Stolz won zaterdag de 1000 meter bij de World Cup in Inzell. "
        "Vorig seizoen werd Femke Kok wereldkampioen op de 500 meter."
    )
    assert of(facts(text, JANUARY), "Femke Kok") == [("500m", 1, True, 2025)]


def test_an_english_last_season_dates_a_world_championships_sweep() -> None:
    text = (
        "Jutta Leerdam won the 1000 meters at the World Cup in Calgary on Saturday. "
        "Last season, Joy Beune won the 3000m at the world championships."
    )
    assert of(facts(text, NOVEMBER), "Joy Beune") == [("3000m", 1, True, 2025)]


def test_last_seasons_world_cup_win_stays_without_a_year() -> None:
    text = (
        "Jutta Leerdam won the 1000 meters at the World Cup in Calgary on Saturday. "
        "Last season, Kimi Goetz won the 500m at the World Cup in Stavanger."
    )
    found = of(facts(text, NOVEMBER), "Kimi Goetz")
    assert all(earlier and year is None for _, _, earlier, year in found)


def test_the_last_games_date_a_medal_to_those_games() -> None:
    text = (
        "Femke Kok won zaterdag de 500 meter bij de World Cup in Heerenveen. "
        "Bij de vorige Spelen werd Jutta Leerdam tweede op de 1000 meter."
    )
    (leerdam,) = [r for r in facts(text, NOVEMBER) if r.athlete == "Jutta Leerdam"]
    assert (leerdam.earlier, leerdam.year, leerdam.race_date) == (True, 2022, None)
    assert leerdam.competition is not None and "Olympic" in leerdam.competition


def test_a_look_back_of_another_clause_does_not_date_the_result() -> None:
    text = (
        "Joy Beune won zaterdag de 3000 meter bij de WK afstanden in Hamar, "
        "nadat ze vorig seizoen nog geblesseerd was."
    )
    assert of(facts(text, dt.date(2026, 3, 14)), "Joy Beune") == [("3000m", 1, False, None)]


def test_last_season_without_a_place_gives_no_result() -> None:
    text = (
        "Femke Kok won zaterdag de 500 meter bij de World Cup in Heerenveen. "
        "Vorig seizoen was Angel Daleman nog junior."
    )
    assert of(facts(text, NOVEMBER), "Angel Daleman") == []


def test_next_season_gives_no_result_of_an_earlier_meet() -> None:
    text = (
        "Femke Kok won zaterdag de 500 meter bij de World Cup in Heerenveen. "
        "Volgend seizoen wil Jutta Leerdam wereldkampioen worden op de 1000 meter."
    )
    assert not any(r.year for r in facts(text, NOVEMBER))


def test_a_comparison_with_last_season_keeps_the_place_of_today() -> None:
    text = (
        "Femke Kok won zaterdag de 500 meter bij de WK afstanden in Heerenveen. "
        "Jutta Leerdam werd tweede op de 1000 meter, sneller dan vorig seizoen."
    )
    assert of(facts(text, dt.date(2026, 3, 7)), "Jutta Leerdam") == [("1000m", 2, False, None)]


def test_last_seasons_win_and_todays_place_are_two_results() -> None:
    text = (
        "Femke Kok won zaterdag de 500 meter bij de WK afstanden in Heerenveen. "
        "Leerdam won vorig seizoen nog de 1000 meter, nu werd ze tweede."
    )
    found = of(facts(text, dt.date(2026, 3, 7)), "Jutta Leerdam")
    assert sorted(found) == [("1000m", 1, True, 2025), ("1000m", 2, False, None)]


def test_a_time_of_last_season_is_dated_only_when_its_sentence_names_the_meet() -> None:
    report = "Femke Kok won zaterdag de 500 meter bij de WK afstanden in Heerenveen. "
    alone = report + "Vorig seizoen reed Jutta Leerdam 1.13,20 op de 1000 meter."
    (time,) = [r for r in facts(alone, JANUARY) if r.athlete == "Jutta Leerdam"]
    assert (time.earlier, time.year) == (True, None)  # any meet of that season
    named = report + "Vorig seizoen reed Jutta Leerdam bij de WK afstanden 1.13,20 op de 1000 m."
    (time,) = [r for r in facts(named, JANUARY) if r.athlete == "Jutta Leerdam"]
    assert (time.earlier, time.year) == (True, 2025)


def test_a_championship_the_sentence_names_after_the_place_is_dated_by_the_season() -> None:
    text = (
        "Jutta Leerdam won the 1000 meters at the World Cup in Calgary on Saturday. "
        "Last season, Joy Beune won the 5000m at the world single distance championships "
        "in Calgary."
    )
    (beune,) = [r for r in facts(text, NOVEMBER) if r.athlete == "Joy Beune"]
    assert (beune.earlier, beune.year, beune.venue, beune.race_date) == (
        True,
        2025,
        "Calgary",
        None,
    )
