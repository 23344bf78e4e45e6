"""Record shapes of Dutch and English reports (issue 11, class 7): the status, kind, distance,
time and holder of each record a text mentions, and the mentions that are no record at all.
Invented sentences, one shape each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)

Row = tuple[str, str, str | None, str | None, str | None]


def records(text: str) -> set[Row]:
    """(type, status, athlete, distance, time) of every record extracted from `text`."""
    facts = extract_all(text, DATE, REGISTRY)
    return {
        (r.type, r.to_json()["status"], r.athlete, r.distance, r.to_json()["time"])
        for r in facts.records
    }


def shape(name: str, text: str, *rows: Row) -> Any:
    return pytest.param(text, set(rows), id=name)


# Each text states exactly these records.
EXACT = [
    shape(
        "nl_world_record_on_a_lowland_rink_is_other",
        "Joy Beune won de 1500 meter in 1.52,80. Ze scherpte daarmee haar eigen wereldrecord "
        "op een laaglandbaan aan.",
        ("other", "set", "Joy Beune", "1500m", "1:52.80"),
    ),
    shape(
        "en_lowland_world_record_is_other",
        "Joy Beune won the 1500 meters in 1:52.80, a lowland world record.",
        ("other", "set", "Joy Beune", "1500m", "1:52.80"),
    ),
    shape(
        "nl_worldwide_best_time_is_a_world_record",
        "Op de 5000 meter was Ragne Wiklund de snelste. Met een mondiale toptijd van 6.40,50 "
        "won ze de titel.",
        ("world", "set", "Ragne Wiklund", "5000m", "6:40.50"),
    ),
    shape(
        "nl_new_personal_top_time_with_its_time",
        "Op de 500 meter werd Suzanne Schulting tweede in een nieuwe persoonlijke toptijd van "
        "37,41.",
        ("personal", "set", "Suzanne Schulting", "500m", "37.41"),
    ),
    shape(
        "nl_a_record_named_again_is_one_record",
        "Femke Kok won de 500 meter in een wereldrecord van 36,05. Het wereldrecord van Kok "
        "was het eerste van het seizoen.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
    ),
    shape(
        "nl_slower_of_two_marks_set_in_one_race_is_no_record",
        "Op de 3000 meter reed Joy Beune in de vierde rit een baanrecord van 3.55,80. In de "
        "laatste rit reed Ragne Wiklund een baanrecord van 3.55,10.",
        ("track", "set", "Ragne Wiklund", "3000m", "3:55.10"),
    ),
    shape(
        "nl_the_standing_mark_of_another_skater_is_beaten_by_the_new_one",
        "Jenning de Boo reed op de 500 meter een wereldrecord van 33,50. Het wereldrecord stond "
        "op naam van Jordan Stolz.",
        ("world", "set", "Jenning de Boo", "500m", "33.50"),
        ("world", "broken", "Jordan Stolz", "500m", None),
    ),
]


EXACT += [
    # status: set
    shape(
        "nl_won_in_a_track_record",
        "Ragne Wiklund won de 3 kilometer in een nieuw baanrecord, terwijl Femke Kok de 500 meter "
        "op haar naam schreef. Wiklund klokte 3.55,48.",
        ("track", "set", "Ragne Wiklund", "3000m", "3:55.48"),
    ),
    shape(
        "nl_dove_some_seconds_under_the_track_record_with_the_time_before",
        "Kramer, De Vries en Bosker kwamen op de ploegenachtervolging tot 3.37,80. Daarmee "
        "doken ze ruim een seconde onder het baanrecord (3.39,10).",
        ("track", "set", "Netherlands", "team pursuit", "3:37.80"),
        ("track", "broken", None, "team pursuit", "3:39.10"),
    ),
    shape(
        "nl_that_was_a_personal_record_for_the_skater_of_the_time_before",
        "Op de 10.000 meter finishte Marwin Talsma als derde in 12.55,40. Dat was een "
        "persoonlijk record voor Talsma.",
        ("personal", "set", "Marwin Talsma", "10000m", "12:55.40"),
    ),
    shape(
        "nl_with_that_olympic_record_after_the_race",
        "Sven Kramer won de 5000 meter in 6.08,90. Met dat olympisch record pakte hij zijn "
        "derde titel op rij.",
        ("olympic", "set", "Sven Kramer", "5000m", "6:08.90"),
    ),
    shape(
        "en_dove_under_own_track_record_with_a_time",
        "Irene Schouten won the 5000 meters. She dipped under her own track record with 6:48.20.",
        ("track", "set", "Irene Schouten", "5000m", "6:48.20"),
        ("track", "broken", "Irene Schouten", "5000m", None),
    ),
    shape(
        "nl_points_world_record_is_the_classification",
        "Met 145,100 punten zette Patrick Roest bij het WK allround een wereldrecord punten neer.",
        ("world", "set", "Patrick Roest", "allround", None),
    ),
    # status: broken
    shape(
        "nl_old_track_record_stood_at_a_time_far_after",
        "Miho Takagi won de 1500 meter in een baanrecord van 1.52,88. Haar oude baanrecord "
        "stond sinds 2019 - neergezet tijdens de wereldbekerfinale in Thialf - op 1.53,26.",
        ("track", "set", "Miho Takagi", "1500m", "1:52.88"),
        ("track", "broken", "Miho Takagi", "1500m", "1:53.26"),
    ),
    shape(
        "nl_a_new_national_record_replacing_one_that_stood_in_a_name",
        "Tim Prins won de 500 meter in 34,02, een nationaal record dat al sinds 2015 op naam "
        "stond van Hein Otterspeer met 34,11.",
        ("national", "set", "Tim Prins", "500m", "34.02"),
        ("national", "broken", "Hein Otterspeer", "500m", "34.11"),
    ),
    shape(
        "nl_the_holderless_mark_told_apart_joins_the_named_one",
        "Femke Kok brak op de 500 meter het oude Nederlandse record van Jutta Leerdam. Kok "
        "noteerde 36,91, terwijl het nationale record op 37,06 stond.",
        ("national", "set", "Femke Kok", "500m", "36.91"),
        ("national", "broken", "Jutta Leerdam", "500m", "37.06"),
    ),
    shape(
        "nl_points_record_that_stood_in_another_name_is_broken",
        "Patrick Roest reed op het WK allround een nieuw wereldrecord vierkamp. Dat record "
        "stond op naam van Sven Kramer.",
        ("world", "set", "Patrick Roest", "allround", None),
        ("world", "broken", "Sven Kramer", "allround", None),
    ),
    # status: existing
    shape(
        "nl_holder_is_with_a_time_the_holder_of_the_track_record",
        "Kimi Goetz won de 1000 meter in 1.13,72. Goetz is met 1.13,31 de houdster van het "
        "baanrecord in Heerenveen op de 1000 meter en met 1.11,48 staat het wereldrecord ook "
        "op haar naam.",
        ("track", "existing", "Kimi Goetz", "1000m", "1:13.31"),
        ("world", "existing", "Kimi Goetz", "1000m", "1:11.48"),
    ),
    shape(
        "nl_slower_than_the_national_record",
        "Het Nederlandse vrouwenteam reed op de ploegenachtervolging 2.56,45. Daarmee bleven "
        "ze een fractie langzamer dan het Nederlands record (2.55,71).",
        ("national", "existing", None, "team pursuit", "2:55.71"),
    ),
    shape(
        "en_world_record_holder_in_an_apposition",
        "Miho Takagi, the Olympic silver medallist and world record-holder in the 1500 meters, "
        "won the 1500 meters in 1:55.90.",
        ("world", "existing", "Miho Takagi", "1500m", None),
    ),
    shape(
        "nl_just_above_own_personal_record",
        "Jorrit Bergsma won de 10.000 meter in 12.44,10. Hij bleef slechts zeven seconden boven "
        "zijn persoonlijk record (12.37,72).",
        ("personal", "existing", "Jorrit Bergsma", "10000m", "12:37.72"),
    ),
]

EXACT += [
    shape(
        "nl_standing_mark_in_his_name_further_on",
        "Kjeld Nuis won de 1500 meter in 1.41,90. Het wereldrecord van 1.40,17 staat sinds "
        "2019 op zijn naam.",
        ("world", "existing", "Kjeld Nuis", "1500m", "1:40.17"),
    ),
    shape(
        "en_just_outside_her_own_world_record",
        "Miho Takagi won the 1500 meters in 1:50.50, just outside her own world record.",
        ("world", "existing", "Miho Takagi", "1500m", None),
    ),
    shape(
        "en_new_world_record_and_the_previous_one_held_by",
        "Jordan Stolz won the 500 meters in 33.70, a new world record. The previous world "
        "record of 33.79 was held by Pavel Kulizhnikov.",
        ("world", "set", "Jordan Stolz", "500m", "33.70"),
        ("world", "broken", "Pavel Kulizhnikov", "500m", "33.79"),
    ),
    shape(
        "nl_close_to_the_world_record_of_another",
        "Jutta Leerdam won de 1000 meter in 1.12,50 en kwam daarmee dicht bij het wereldrecord "
        "van Brittany Bowe (1.11,61).",
        ("world", "existing", "Brittany Bowe", "1000m", "1:11.61"),
    ),
    shape(
        "nl_a_record_aimed_at_next_year_is_none",
        "Patrick Roest won de 5000 meter in 6.05,10 en verbeterde daarmee het baanrecord van "
        "Sven Kramer. Roest wil volgend jaar het wereldrecord aanvallen.",
        ("track", "set", "Patrick Roest", "5000m", "6:05.10"),
        ("track", "broken", "Sven Kramer", "5000m", None),
    ),
    shape(
        "nl_team_record_belongs_to_the_country",
        "Het Nederlandse team won de ploegenachtervolging in 2.55,10, een wereldrecord.",
        ("world", "set", "Netherlands", "team pursuit", "2:55.10"),
    ),
]

EXACT += [
    shape(
        "nl_standing_since_last_season_in_her_name",
        "Op de 500 meter won Femke Kok in 36,72. Het wereldrecord van 36,09 staat sinds vorig "
        "seizoen op haar naam.",
        ("world", "existing", "Femke Kok", "500m", "36.09"),
    ),
    shape(
        "nl_national_record_that_stood_in_a_compatriots_name_is_broken",
        "Jenning de Boo won de 1000 meter in 1.06,85, een Nederlands record. Dat record stond "
        "sinds 2015 op naam van Kjeld Nuis.",
        ("national", "set", "Jenning de Boo", "1000m", "1:06.85"),
        ("national", "broken", "Kjeld Nuis", "1000m", None),
    ),
]

EXACT += [
    shape(
        "en_a_mark_of_last_season_remains_the_record",
        "Femke Kok won the 500 meters in 36.70. Her 36.09 from last season remains the world "
        "record.",
        ("world", "existing", "Femke Kok", "500m", "36.09"),
    ),
    shape(
        "en_his_record_still_stands",
        "Jordan Stolz won the 500 meters in 34.10. His world record of 33.60 still stands.",
        ("world", "existing", "Jordan Stolz", "500m", "33.60"),
    ),
    shape(
        "en_the_previous_record_by_another_had_stood",
        "Femke Kok won the 500 meters in 36.05, a world record. The previous record, 36.09 by "
        "Lee Sang-hwa, had stood since 2013.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
        ("world", "broken", "Lee Sang-hwa", "500m", "36.09"),
    ),
    shape(
        "en_a_time_that_was_a_track_record",
        "Brittany Bowe won the 1000 meters. Her time of 1:13.01 was a track record.",
        ("track", "set", "Brittany Bowe", "1000m", "1:13.01"),
    ),
]

EXACT += [
    shape(
        "nl_points_world_record_in_one_word",
        "Jordan Stolz won het WK allround met 144,500 punten, een wereldpuntenrecord.",
        ("world", "set", "Jordan Stolz", "allround", None),
    ),
]


# Sharpening one's own record sets a new one (the old mark may be told or not).
def test_sharpened_her_world_record() -> None:
    text = "Femke Kok won de 500 meter en scherpte haar wereldrecord aan tot 36,05."
    assert ("world", "set", "Femke Kok", "500m", "36.05") in records(text)


EXACT += [
    shape(
        "nl_team_mark_the_people_of_a_country_had_set",
        "Japan won de ploegenachtervolging bij de vrouwen in 2.49,10. Daarmee namen ze het "
        "wereldrecord af dat de Nederlanders in maart in Calgary op 2.49,90 hadden gezet.",
        ("world", "set", "Japan", "team pursuit", "2:49.10"),
        ("world", "broken", "Netherlands", "team pursuit", "2:49.90"),
    ),
]

EXACT += [
    shape(
        "en_well_off_her_timed_world_record",
        "Miho Takagi won the 1500 meters in 1:52.10, well off her 1:49.83 world record.",
        ("world", "existing", "Miho Takagi", "1500m", "1:49.83"),
    ),
    shape(
        "en_within_some_hundredths_of_her_personal_best",
        "Jutta Leerdam won the 1000 meters in 1:12.50, coming within two hundredths of her "
        "personal best.",
        ("personal", "existing", "Jutta Leerdam", "1000m", None),
    ),
]

EXACT += [
    shape(
        "nl_a_record_that_fell_then_the_time",
        "Kjeld Nuis won de 1500 meter. Het baanrecord sneuvelde: Nuis klokte 1.41,90.",
        ("track", "set", "Kjeld Nuis", "1500m", "1:41.90"),
    ),
    shape(
        "nl_broke_the_record_of_another_with_its_time_in_brackets",
        "Kjeld Nuis won de 1500 meter in 1.41,90 en verbrak het baanrecord van Thomas Krol "
        "(1.42,50) met ruim een halve seconde.",
        ("track", "set", "Kjeld Nuis", "1500m", "1:41.90"),
        ("track", "broken", "Thomas Krol", "1500m", "1:42.50"),
    ),
    shape(
        "en_that_broke_the_record_set_by_another",
        "Jordan Stolz won the 1000 meters in 1:06.10. That broke the track record of 1:06.50 set "
        "by Kjeld Nuis in 2021.",
        ("track", "set", "Jordan Stolz", "1000m", "1:06.10"),
        ("track", "broken", "Kjeld Nuis", "1000m", "1:06.50"),
    ),
    shape(
        "nl_that_is_a_new_record",
        "Joy Beune won de 3000 meter in 3.56,00. Dat is een nieuw baanrecord.",
        ("track", "set", "Joy Beune", "3000m", "3:56.00"),
    ),
]

# Each text states no record at all.
NONE = [
    pytest.param(
        "Femke Kok won de 500 meter in 36,12, bijna een wereldrecord.", id="nl_almost_a_record"
    ),
    pytest.param(
        "Jordan Stolz won the 1000 meters in 1:06.30, almost a world record.",
        id="en_almost_a_world_record",
    ),
    pytest.param(
        "Sven Kramer won de 10 kilometer, maar hij heeft nu geen enkel baanrecord meer in Thialf.",
        id="nl_no_track_record_left",
    ),
    pytest.param(
        "Jenning de Boo won de 500 meter in 34,20. 'Ik wilde een dik persoonlijk record rijden "
        "en het Nederlands record verbeteren.'",
        id="nl_a_record_wanted_is_none",
    ),
    pytest.param(
        "Femke Kok won the 500 meters in 37.10. It was not a track record.",
        id="en_not_a_record",
    ),
    pytest.param(
        "Kjeld Nuis won de 1500 meter in 1.44,00. Nuis heeft nooit een wereldrecord gereden.",
        id="nl_never_a_record",
    ),
    pytest.param(
        "Joy Beune won de 3000 meter in 3.58,00 en zei: 'Een baanrecord zat er vandaag niet in.'",
        id="nl_a_record_denied_after_it",
    ),
    pytest.param(
        "Femke Kok won the 500 meters in 36.80, narrowly missing the world record.",
        id="en_missing_the_record_names_no_holder",
    ),
    pytest.param(
        "Femke Kok won de 500 meter. Het baanrecord bleef overeind.",
        id="nl_a_record_that_stayed_is_nobody_s_new_one",
    ),
    pytest.param(
        "Jordan Stolz won the 500 meters in 33.95 while chasing the world record.",
        id="en_chasing_the_record",
    ),
    pytest.param(
        "Joy Beune won de 1500 meter in 1.54,10. Ze gaat in Calgary op jacht naar het "
        "wereldrecord.",
        id="nl_hunting_the_record_is_a_goal",
    ),
]


@pytest.mark.parametrize("text", NONE)
def test_no_record(text: str) -> None:
    assert records(text) == set()


# A record of another season told after a race is not set with the race's time.
def test_a_record_of_another_season_does_not_take_the_race_time() -> None:
    text = (
        "Femke Kok won de 500 meter in 36,90. Ze reed vorig jaar nog een wereldrecord in Salt "
        "Lake City."
    )
    assert not any(row[4] == "36.90" for row in records(text))


# A national record never passes from a skater of one country to one of another: the
# setter is misread, and no record is told for them.
def test_no_national_record_across_countries() -> None:
    text = (
        "Jordan Stolz won de 500 meter in 33,80, een nationaal record dat sinds 2024 op naam "
        "stond van Jenning de Boo."
    )
    assert not any(row[1] == "set" and row[0] == "national" for row in records(text))


# A negation later in the sentence, in another clause, leaves the record standing.
def test_a_negation_in_another_clause_keeps_the_record() -> None:
    text = "Femke Kok reed op de 500 meter een baanrecord van 36,80 en won niet de titel."
    assert ("track", "set", "Femke Kok", "500m", "36.80") in records(text)
    text = (
        "Femke Kok won de 500 meter in 36,80, niet alleen een baanrecord maar ook een wereldrecord."
    )
    assert {
        ("track", "set", "Femke Kok", "500m", "36.80"),
        ("world", "set", "Femke Kok", "500m", "36.80"),
    } <= records(text)


# Each text states at least these records (a shape inside a longer report).
HOLDS = [
    shape(
        "en_bettering_the_previous_mark",
        "Jordan Stolz won the 1500 meters in a track record of 1:41.10, bettering the previous "
        "mark of 1:41.50.",
        ("track", "set", "Jordan Stolz", "1500m", "1:41.10"),
        ("track", "broken", None, "1500m", "1:41.50"),
    ),
    shape(
        "en_from_old_to_new_time",
        "Jenning de Boo lowered the Dutch record from 34.08 to 33.87 on the 500 meters.",
        ("national", "set", "Jenning de Boo", "500m", "33.87"),
        ("national", "broken", None, "500m", "34.08"),
    ),
    shape(
        "en_previous_track_record_held_by",
        "Ragne Wiklund won the 1500 meters in 1:55.41, breaking the track record. Joy Beune "
        "also dipped below the previous track record of 1:56.09 held by Marrit Leenstra.",
        ("track", "set", "Ragne Wiklund", "1500m", "1:55.41"),
        ("track", "broken", "Marrit Leenstra", "1500m", "1:56.09"),
    ),
    shape(
        "nl_national_record_is_not_world",
        "Femke Kok reed op de 500 meter een Nederlands record van 36,49.",
        ("national", "set", "Femke Kok", "500m", "36.49"),
    ),
    shape(
        "en_american_record_is_national",
        "Jordan Stolz won the 1000 meters in an American record of 1:06.20.",
        ("national", "set", "Jordan Stolz", "1000m", "1:06.20"),
    ),
    shape(
        "nl_belgian_record",
        "Sandrine Tas reed op de 3000 meter een Belgisch record: 4.01,30.",
        ("national", "set", "Sandrine Tas", "3000m", "4:01.30"),
    ),
    shape(
        "en_junior_world_record",
        "Finn Sonnekalb won the 1500 meters in 1:43.20, a junior world record.",
        ("junior_world", "set", "Finn Sonnekalb", "1500m", "1:43.20"),
    ),
    shape(
        "en_championship_record",
        "Kjeld Nuis won the 1500 meters in 1:42.10, a championship record.",
        ("championship", "set", "Kjeld Nuis", "1500m", "1:42.10"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), HOLDS)
def test_holds_records(text: str, expected: set[Row]) -> None:
    assert expected <= records(text)


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_exact_records(text: str, expected: set[Row]) -> None:
    assert records(text) == expected
