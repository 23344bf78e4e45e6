"""Records as a report tells them: whose, which time, set, broken or standing. Our own
sentences, one rule of Dutch or English sports writing each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

# The rules' own findings, before the confidence model moves the unsure ones to candidates.
from schaatsradar.extract.pipeline import extract_all as extract
from schaatsradar.extract.record_marks import BEATING, BEATING_WORDS
from schaatsradar.extract.records import RecordDraft, complete_record
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.types import Record, Result, Span

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)

Row = tuple[str, str, str | None, str | None, str | None]


def records(text: str) -> set[Row]:
    """(type, status, athlete, distance, time) of every record extracted from `text`."""
    facts = extract(text, DATE, REGISTRY)
    return {
        (r.type, r.to_json()["status"], r.athlete, r.distance, r.to_json()["time"])
        for r in facts.records
    }


def result_times(text: str) -> set[tuple[str, str | None]]:
    facts = extract(text, DATE, REGISTRY)
    return {(r.athlete, r.to_json()["time"]) for r in facts.results}


def told(name: str, text: str, *rows: Row, no_result: tuple[str, str] | None = None) -> Any:
    """A case, named by the rule it shows: the text, records it states, and an (athlete, time)
    it gives as a record's mark that must not be taken for a race result."""
    return pytest.param(text, set(rows), no_result, id=name)


# Each text states these records and no others.
EVERY_RECORD = [
    # A mark taken over, beaten by a time, or lowered from one time to another
    told(
        "a_record_taken_over_from_its_holder",
        "Joy Beune won op de 3000 meter in 3.56,10 en nam het baanrecord over van "
        "Martina Sáblíková.",
        ("track", "set", "Joy Beune", "3000m", "3:56.10"),
        ("track", "broken", "Martina Sáblíková", "3000m", None),
    ),
    told(  # the second sentence adds the beaten mark, not another record
        "a_time_of_someone_beaten_without_a_record_word",
        "Femke Kok reed in Thialf een baanrecord op de 500 meter. Ze kwam tot 36,71 en "
        "verbeterde daarmee de 36,89 van Jutta Leerdam.",
        ("track", "set", "Femke Kok", "500m", "36.71"),
        ("track", "broken", "Jutta Leerdam", "500m", "36.89"),
    ),
    told(
        "own_mark_lowered_from_one_time_to_another",
        "Laurent Dubreuil lowered his own national record in the 500m from 34.02 to 33.89.",
        ("national", "set", "Laurent Dubreuil", "500m", "33.89"),
        ("national", "broken", "Laurent Dubreuil", "500m", "34.02"),
    ),
    told(
        "a_beaten_mark_named_by_the_record_word_after_it",
        "Tim Prins won de 500 meter in 34,38. Hij dook daarmee onder de 34,50 van Merijn "
        "Scheperkamp, het kampioenschapsrecord.",
        ("championship", "set", "Tim Prins", "500m", "34.38"),
        ("championship", "broken", "Merijn Scheperkamp", "500m", "34.50"),
    ),
    # Standing marks, and a mark told over two sentences
    told(
        "the_holder_holds_it",
        "Kjeld Nuis houdt al jaren het wereldrecord op de 1500 meter: 1.40,17.",
        ("world", "existing", "Kjeld Nuis", "1500m", "1:40.17"),
    ),
    told(
        "a_standing_mark_completed_by_the_next_sentence",
        "Jutta Leerdam won de 1000 meter in 1.13,20. Het wereldrecord bleef buiten bereik. "
        "Dat staat sinds 2019 met 1.11,61 op naam van Brittany Bowe.",
        ("world", "existing", "Brittany Bowe", "1000m", "1:11.61"),
        no_result=("Brittany Bowe", "1:11.61"),
    ),
    # Who set it, and how many
    told(
        "both_records_of_a_sentence",
        "Joy Beune won the 1,500 metres in 1:51.40 and Jutta Leerdam the 1,000 metres in "
        "1:12.30, both track records.",
        ("track", "set", "Joy Beune", "1500m", "1:51.40"),
        ("track", "set", "Jutta Leerdam", "1000m", "1:12.30"),
    ),
    told(
        "a_count_of_records_to_come_is_no_record",
        "In Hamar sneuvelden zaterdag drie baanrecords.",
    ),
]

# Each text states these records among others.
SOME_RECORDS = [
    # A mark taken over, beaten by a time, or lowered from one time to another
    told(
        "english_take_over_with_the_old_time_after_whose",
        "Sander Eitrem won the 5,000 metres in 6:01.20 and took the track record from "
        "Davide Ghiotto, whose 6:02.75 had stood since 2023.",
        ("track", "set", "Sander Eitrem", "5000m", "6:01.20"),
        ("track", "broken", "Davide Ghiotto", "5000m", "6:02.75"),
        no_result=("Davide Ghiotto", "6:02.75"),
    ),
    told(
        "possessive_time_taken_down",
        "Miho Takagi skated 1:13.40 in the 1,000 metres to take down Brittany Bowe's 1:13.62, "
        "a new track record.",
        ("track", "set", "Miho Takagi", "1000m", "1:13.40"),
        ("track", "broken", "Brittany Bowe", "1000m", "1:13.62"),
    ),
    told(
        "dutch_own_mark_from_one_time_to_another",
        "Davide Ghiotto verbeterde op de 10.000 meter zijn eigen baanrecord van 12.50,11 naar "
        "12.46,02.",
        ("track", "set", "Davide Ghiotto", "10000m", "12:46.02"),
        ("track", "broken", "Davide Ghiotto", "10000m", "12:50.11"),
    ),
    told(
        "the_old_mark_set_by_someone_named_in_a_relative_clause",
        "Damian Żurek won de 500 meter in 34,15. Hij was drie honderdsten sneller dan het oude "
        "baanrecord (34,18), dat Jenning de Boo vorig seizoen had gevestigd.",
        ("track", "broken", "Jenning de Boo", "500m", "34.18"),
        ("track", "set", "Damian Żurek", "500m", "34.15"),
    ),
    # Standing marks, and a mark told over two sentences
    told(
        "the_old_mark_named_in_the_sentence_after_by_a_possessive",
        "Jordan Stolz won de 500 meter in 33,95 en nam zo het baanrecord van Jenning de Boo "
        "over. Diens 34,20 stond sinds vorig jaar.",
        ("track", "broken", "Jenning de Boo", "500m", "34.20"),
        ("track", "set", "Jordan Stolz", "500m", "33.95"),
        no_result=("Jenning de Boo", "34.20"),
    ),
    told(
        "a_holder_named_by_nationality",
        "Femke Kok nam op de 500 meter het wereldrecord over van Lee Sang-hwa. Het oude "
        "wereldrecord van de Zuid-Koreaanse (36,36) stond sinds 2013.",
        ("world", "broken", "Lee Sang-hwa", "500m", "36.36"),
    ),
    told(
        "a_title_holder_and_a_time_of_someone_else",
        "World-record holder Sander Eitrem was second behind Davide Ghiotto, who won in 6:07.10.",
        ("world", "existing", "Sander Eitrem", None, None),
    ),
    # Who set it, and how many
    told(
        "a_team_record_by_the_nationality_of_its_skaters",
        "De Noorse mannen hebben in Inzell het baanrecord op de ploegenachtervolging op hun "
        "naam gezet. Sander Eitrem, Peder Kongshaug en Sverre Lunde Pedersen wonnen in 3.36,40.",
        ("track", "set", "Norway", "team pursuit", "3:36.40"),
    ),
    told(
        "a_record_that_went_to_a_country",
        "Vrijdag ging het eerste baanrecord al naar Italië: Davide Ghiotto, Andrea Giovannini "
        "en Michele Malfatti wonnen de ploegenachtervolging in 3.39,10.",
        ("track", "set", "Italy", "team pursuit", "3:39.10"),
    ),
    told(
        "a_junior_world_record_in_dutch",
        "Finn Sonnekalb won de 1500 meter in 1.44,20, een wereldrecord voor junioren.",
        ("junior_world", "set", "Finn Sonnekalb", "1500m", "1:44.20"),
    ),
    told(
        "a_points_record_belongs_to_the_classification",
        "Jenning de Boo won the world sprint title with a points world record. He finished "
        "on 135.900 points, improving the record of 136.065 points that Jordan Stolz had set.",
        ("world", "set", "Jenning de Boo", "sprint", None),
        ("world", "broken", "Jordan Stolz", "sprint", None),
    ),
    told(
        "season_best_told_in_words",
        "Marijke Groenewoud werd derde op de 3000 meter in 4.01,02, haar snelste tijd van het "
        "seizoen.",
        ("season_best", "set", "Marijke Groenewoud", "3000m", "4:01.02"),
    ),
    told(
        "a_rink_mark_is_a_track_record",
        "Ragne Wiklund set a new track record in the 3,000 metres. A day later she lowered her "
        "own Hamar mark in the 5,000 metres from 6:49.01 to 6:46.33.",
        ("track", "broken", "Ragne Wiklund", "5000m", "6:49.01"),
    ),
]


@pytest.mark.parametrize(("text", "expected", "no_result"), EVERY_RECORD)
def test_every_record_a_text_states(
    text: str, expected: set[Row], no_result: tuple[str, str] | None
) -> None:
    assert records(text) == expected
    if no_result is not None:
        assert no_result not in result_times(text)


@pytest.mark.parametrize(("text", "expected", "no_result"), SOME_RECORDS)
def test_records_among_those_a_text_states(
    text: str, expected: set[Row], no_result: tuple[str, str] | None
) -> None:
    assert expected <= records(text)
    if no_result is not None:
        assert no_result not in result_times(text)


# --------------------------------------------------------------------------------------------
# A list of records, and a record told twice
# --------------------------------------------------------------------------------------------


def test_a_record_listed_per_holder():
    text = (
        "In Thialf staan de baanrecords van Kjeld Nuis op de 1500 meter (1.43,00) en van "
        "Jenning de Boo op de 1000 meter (1.07,08)."
    )
    assert records(text) == {
        ("track", "existing", "Kjeld Nuis", "1500m", "1:43.00"),
        ("track", "existing", "Jenning de Boo", "1000m", "1:07.08"),
    }
    assert result_times(text) == set()


def test_a_record_reported_again_is_one_record():
    text = (
        "Timothy Loubineaud opende het seizoen met een wereldrecord op de 5000 meter: 6.00,23. "
        "De Fransman nam het wereldrecord over van Nils van der Poel."
    )
    found = records(text)
    assert sum(1 for r in found if r[1] == "set") == 1
    assert ("world", "broken", "Nils van der Poel", "5000m", None) in found


# --------------------------------------------------------------------------------------------
# Completion from the article's results
# --------------------------------------------------------------------------------------------


def _result(athlete: str, distance: str, seconds: float | None) -> Result:
    return Result(athlete, None, distance, None, seconds, 1, None, None, None, Span(0, 0, ""))


def _draft(**fields: object) -> RecordDraft:
    base: dict[str, object] = {
        "type": "track", "status": None, "athlete": "Femke Kok", "distance": "1500m",
        "gender": None, "seconds": None, "venue": None, "evidence": Span(0, 0, ""),
    }  # fmt: skip
    base.update(fields)
    return RecordDraft(**base)  # type: ignore[arg-type]


def test_a_carried_distance_yields_to_the_holders_race():
    draft = _draft(distance_named=False)
    done = complete_record(draft, [_result("Femke Kok", "500m", 36.8)])
    assert (done.status, done.distance, done.seconds) == ("set", "500m", 36.8)
    assert type(done) is Record


def test_a_named_distance_without_a_race_there_is_a_standing_record():
    done = complete_record(_draft(), [_result("Femke Kok", "500m", 36.8)])
    assert (done.status, done.distance, done.seconds) == ("existing", "1500m", None)


def test_a_beaten_mark_takes_the_distance_of_the_race_that_beat_it():
    draft = _draft(status="broken", athlete="Sven Kramer", distance=None, beaten_by="Femke Kok")
    done = complete_record(draft, [_result("Femke Kok", "5000m", 407.5)])
    assert done.distance == "5000m"


def test_a_points_record_keeps_its_classification():
    draft = _draft(distance="allround", points=True)
    done = complete_record(draft, [_result("Femke Kok", "allround", None)])
    assert (done.status, done.distance, done.seconds) == ("set", "allround", None)


# --------------------------------------------------------------------------------------------
# The keyword gate in front of BEATING never hides a match
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "verbeterde", "verbrak", "brak", "onttroonde", "scherpte het aan", "aangescherpt",
        "uit de boeken", "took down", "broke", "breaking", "improved", "lowered", "bettered",
        "surpassing", "dook onder", "dook hij onder", "went under", "took a tenth off",
        "sneller dan", "faster than", "beter dan", "nam het record over", "overgenomen",
        "took the record from", "pakte het record af", "ontnam", "snatched", "smashed",
        "shattered", "verpulverde", "verdween", "sneuvelde", "went well under",
        "erasing", "eclipsed", "obliterated", "rewrote", "topping", "beat", "below the",
        "ruim onder het", "well under the", "tenths under her",
    ],
)  # fmt: skip
def test_every_beating_phrase_passes_the_keyword_gate(phrase: str) -> None:
    match = BEATING.search(phrase)
    assert match is not None
    assert any(word in match.group().casefold() for word in BEATING_WORDS)
