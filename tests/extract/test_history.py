"""Issue 11, class 3 (history inside news) and the precision fixes of the open fold's wrong
results: a result of an earlier meet is that meet's (`earlier`, its year), never the reported
one's, and a sentence about history does not move the story. Our own sentences."""

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.types import Result

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)  # a Saturday


def facts(text: str, date: dt.date = DATE) -> list[Result]:
    return extract_all(text, date, REGISTRY).results


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts(text)}


# --- a day of another season -------------------------------------------------------------


def test_a_day_of_an_earlier_season_does_not_date_the_next_sentences() -> None:
    text = (
        "Het oude baanrecord van Femke Kok stond sinds 12 december 2019 op 37,10. "
        "Kok won zaterdag de 500 meter in 36,95. Ze werd ook tweede op de 1000 meter."
    )
    found = facts(text)
    assert {r.race_date for r in found} == {DATE}
    assert not any(r.earlier for r in found)


def test_a_result_dated_to_an_earlier_season_is_that_seasons() -> None:
    text = "Op 14 maart 2021 won Femke Kok in Heerenveen de 500 meter in 36,98."
    (result,) = facts(text)
    assert (result.earlier, result.year, result.race_date) == (True, 2021, dt.date(2021, 3, 14))
    assert result.venue == "Heerenveen"


def test_a_day_right_after_an_old_time_dates_it() -> None:
    """ "Zij klokte 37,05 op 9 december 2017": the old mark's day follows its time; the
    record holder's time is history, not a result of the reported race."""
    text = (
        "Femke Kok won zaterdag de 500 meter in 36,95, een baanrecord. Het oude record was van "
        "Nao Kodaira. Zij klokte 37,05 op 9 december 2017, op dezelfde baan."
    )
    old = [r for r in facts(text) if r.athlete == "Nao Kodaira"]
    assert [(r.earlier, r.year, r.race_date) for r in old] == [(True, 2017, dt.date(2017, 12, 9))]
    text = "Femke Kok won de 500 meter in 36,95 en was sneller dan op 9 december 2017."
    assert not any(r.earlier for r in facts(text))


def test_a_result_dated_years_back_takes_no_meet_of_the_report() -> None:
    text = (
        "Jordan Stolz won de 1000 meter bij de World Cup in Calgary. "
        "Op 8 december 2023 reed Kjeld Nuis daar 1.06,40 en werd hij tweede."
    )
    (then,) = [r for r in facts(text) if r.athlete == "Kjeld Nuis"]
    assert (then.earlier, then.year, then.competition) == (True, 2023, None)


def test_a_meet_still_to_come_gives_no_race_day() -> None:
    text = (
        "De WK afstanden worden van 5 tot en met 8 maart in Inzell gehouden. "
        "Femke Kok won de 500 meter in 37,02."
    )
    assert {r.race_date for r in facts(text)} == {None}


# --- what moves the story's race --------------------------------------------------------


def test_a_palmares_list_of_distances_does_not_move_the_story() -> None:
    text = (
        "Joy Beune werd wereldkampioen op de 3000 meter in 3.55,10. Ze won eerder goud op "
        "de 1500 meter en op de 5000 meter. Vorig jaar werd ze tweede achter Ragne Wiklund."
    )
    then = {(r.athlete, r.distance, r.rank, r.year) for r in facts(text) if r.earlier}
    assert then == {("Joy Beune", "3000m", 2, 2025), ("Ragne Wiklund", "3000m", 1, 2025)}


def test_a_title_describing_a_skater_does_not_move_the_story() -> None:
    text = (
        "Patrick Roest won de 5000 meter in 6.10,99. De Italiaanse wereldkampioen op de "
        "10 kilometer Davide Ghiotto nam lang de leiding. Jesse Speijers werd elfde."
    )
    assert ("Jesse Speijers", "5000m", None, 11) in results(text)
    text = (
        "Jordan Stolz won the 1000m in 1:06.05. The reigning world champion over 1500 metres, "
        "Kjeld Nuis, was not at his best. Ning Zhongyan finished third."
    )
    assert ("Ning Zhongyan", "1000m", None, 3) in results(text)


# --- places that are not this race's ------------------------------------------------------


def test_faster_than_a_record_of_a_skater_is_no_win_over_that_skater() -> None:
    text = (
        "Jorrit Bergsma won de 10.000 meter in 12.43,70. Daarmee was hij ruim een seconde "
        "sneller dan het oude baanrecord van Sven Kramer."
    )
    assert not any(r.athlete == "Sven Kramer" for r in facts(text))
    text = "Jordan Stolz won the 1000m in 1:05.37, faster than the old record of Kjeld Nuis."
    assert not any(r.athlete == "Kjeld Nuis" for r in facts(text))


def test_a_start_ticket_counted_is_no_place() -> None:
    text = (
        "Patrick Roest werd tweede op de 10.000 meter. Hij pakte daarmee het tweede en "
        "laatste ticket voor de WK afstanden."
    )
    assert results(text) == {("Patrick Roest", "10000m", None, 2)}
    text = "Kai Verbij won de 1000 meter en greep zo het derde startbewijs voor de Spelen."
    assert results(text) == {("Kai Verbij", "1000m", None, 1)}


def test_places_in_a_ranking_made_up_for_a_selection_are_no_race_places() -> None:
    text = (
        "Kjeld Nuis, Kai Verbij en Thomas Krol eindigden als eerste, tweede en derde in een "
        "klassementje over de 1000 meter en de 500 meter."
    )
    assert {r.rank for r in facts(text)} <= {None}


def test_the_season_standings_won_at_a_world_cup_are_no_race_place() -> None:
    text = (
        "Bij de World Cup in Calgary won Canada de ploegenachtervolging bij de vrouwen in "
        "2.54,10. Japan, dat wel het klassement won, werd tweede."
    )
    assert ("Japan", "team pursuit", None, 1) not in results(text)
    assert ("Japan", "team pursuit", None, 2) in results(text)
    text = "Bij de WK allround in Hamar won Patrick Roest het klassement."
    assert ("Patrick Roest", "allround", None, 1) in results(text)


# --- history missed ------------------------------------------------------------------------


def test_a_title_a_year_ago_at_an_allround_championship_is_its_classification() -> None:
    text = (
        "Patrick Roest heeft bij de WK allround in Hamar zijn wereldtitel verlengd. Hij won de "
        "10.000 meter in 12.51,17. Een jaar geleden werd Roest in een spectaculair "
        "openluchttoernooi in Inzell ook al wereldkampioen."
    )
    then = [r for r in facts(text) if r.earlier]
    assert [(r.athlete, r.distance, r.rank, r.year, r.venue) for r in then] == [
        ("Patrick Roest", "allround", 1, 2025, "Inzell")
    ]


def test_the_last_champion_before_may_be_named_with_a_longer_description() -> None:
    text = (
        "Jordan Stolz is de jongste wereldkampioen allround sinds zijn beroemde landgenoot "
        "Eric Heiden in 1977."
    )
    then = [(r.athlete, r.distance, r.rank, r.year) for r in facts(text) if r.earlier]
    assert then == [("Eric Heiden", "allround", 1, 1977)]


def test_an_earlier_title_is_of_the_championship_it_names() -> None:
    text = (
        "Irene Schouten won zondag de massastart bij de EK afstanden in Heerenveen. Schouten "
        "kroonde zich in 2015 en 2019 tot wereldkampioen op dit onderdeel."
    )
    then = sorted((r.competition, r.year, r.distance, r.rank) for r in facts(text) if r.earlier)
    assert then == [("WK 2015", 2015, "mass start", 1), ("WK 2019", 2019, "mass start", 1)]
    now = [r for r in facts(text) if not r.earlier]
    assert [r.competition for r in now] == ["EK afstanden"]


# --- teams ---------------------------------------------------------------------------------


def test_a_team_is_the_country_of_the_teammates_raced_with() -> None:
    text = (
        "Irene Schouten won de massastart voor Ivanie Blondin. Ze won eerder op deze Spelen "
        "al goud op de ploegenachtervolging met Isabelle Weidemann en Valérie Maltais."
    )
    teams = {(r.athlete, r.rank) for r in facts(text) if r.distance == "team pursuit"}
    assert teams == {("Canada", 1)}
    text = (
        "Jordan Stolz won the 1000m. He also took gold in the team pursuit together with "
        "Ethan Cepuran and Casey Dawson."
    )
    teams = {(r.athlete, r.rank) for r in facts(text) if r.distance == "team pursuit"}
    assert teams == {("United States", 1)}


def test_a_team_time_tells_the_field_a_carried_gender_does_not() -> None:
    text = (
        "De Nederlandse vrouwen wonnen zaterdag de teamsprint. Bij de mannen pakte Nederland "
        "brons op dit onderdeel.\n\nHet Nederlandse trio zette een tijd van 1.27,85 neer. "
        "Polen werd in 1.29,51 tweede."
    )
    found = {(r.athlete, r.gender, r.to_json()["time"], r.rank) for r in facts(text)}
    assert found == {
        ("Netherlands", "women", "1:27.85", 1),
        ("Netherlands", "men", None, 3),
        ("Poland", "women", "1:29.51", 2),
    }


def test_a_time_only_one_distance_fits_moves_the_story_to_that_race() -> None:
    text = (
        "Ireen Wüst won de 1500 meter. Op de 500 meter won Nao Kodaira. Wüst noteerde een "
        "tijd van 1.53,30. Miho Takagi werd vierde."
    )
    assert ("Miho Takagi", "1500m", None, 4) in results(text)
    text = (
        "Davide Ghiotto won de 10.000 meter. Jesse Speijers reed eerder op de dag 6.23,71. "
        "Daarmee werd hij elfde."
    )
    assert ("Jesse Speijers", "5000m", "6:23.71", 11) in results(text)


def test_the_same_championship_at_another_rink_is_another_edition() -> None:
    text = (
        "MILAN — Jordan Stolz won the 1000m at the Olympic Games on Tuesday. "
        "He took bronze in the 500m in Beijing, where Gao Tingyu won gold."
    )
    found = {(r.athlete, r.distance, r.rank, r.venue, r.earlier) for r in facts(text)}
    assert ("Jordan Stolz", "1000m", 1, "Milan", False) in found
    assert ("Jordan Stolz", "500m", 3, "Beijing", True) in found


def test_a_race_someone_may_start_or_is_tipped_for_does_not_move_the_story() -> None:
    text = (
        "Patrick Roest zegevierde bij de WK allround in Hamar op de klassieke vierkamp. Bart "
        "Swings plaatste zich niet bij de beste acht, die op de 10.000 meter mochten starten. "
        "Hij eindigde uiteindelijk als twaalfde."
    )
    assert ("Bart Swings", "allround", None, 12) in results(text)
    text = (
        "Jordan Stolz won the 1000m in 1:06.05. He is also a contender in Saturday's mass "
        "start. Ning Zhongyan finished third."
    )
    assert ("Ning Zhongyan", "1000m", None, 3) in results(text)


def test_that_meet_refers_back_to_the_earlier_meet_the_sentence_before_named() -> None:
    text = (
        "Joy Beune won de 3000 meter in 3.55,10. Vorig jaar won ze in Calgary de 5000 meter. "
        "Op dat toernooi won ze ook brons op de 1500 meter."
    )
    then = {(r.distance, r.rank, r.year) for r in facts(text) if r.earlier}
    assert then == {("5000m", 1, 2025), ("1500m", 3, 2025)}
    text = (
        "Femke Kok won de 500 meter in 36,95. In 2023 werd ze wereldkampioen op de 500 meter. "
        "Op die WK werd ze ook tweede op de 1000 meter."
    )
    then = {(r.distance, r.rank, r.year) for r in facts(text) if r.earlier}
    assert then == {("500m", 1, 2023), ("1000m", 2, 2023)}


def test_another_editions_rink_does_not_move_the_story() -> None:
    text = (
        "MILAN — Jordan Stolz won the 1000m at the Olympic Games on Tuesday. "
        "He took bronze in the 500m in Beijing. Ning Zhongyan finished fifth in the 1000m."
    )
    (ning,) = [r for r in facts(text) if r.athlete == "Ning Zhongyan"]
    assert (ning.venue, ning.earlier) == ("Milan", False)


def test_a_title_held_from_another_championship_is_that_championships() -> None:
    text = (
        "Joy Beune won bij de WK afstanden in Hamar de 3000 meter. Ze is Europees kampioene "
        "op de 1500 meter."
    )
    found = {(r.distance, r.competition, r.earlier, r.venue) for r in facts(text)}
    assert ("1500m", "EK", True, None) in found
    assert ("3000m", "WK afstanden", False, "Hamar") in found


def test_a_count_of_titles_is_no_result() -> None:
    text = (
        "Irene Schouten won bij de EK afstanden de massastart. Ze is ook achtvoudig "
        "Nederlands kampioen op de massastart."
    )
    assert [(r.competition, r.rank) for r in facts(text)] == [("EK afstanden", 1)]


def test_a_look_back_of_weeks_is_this_years_meet() -> None:
    text = (
        "Laurent Dubreuil won the 500m at the World Cup in Heerenveen in 34.34, after picking "
        "up a silver medal at last week's season opener in Stavanger."
    )
    then = [(r.rank, r.year, r.venue) for r in facts(text) if r.earlier]
    assert then == [(2, 2026, "Stavanger")]
