"""The features of a result's time (extract/confidence_times.py): is a place-less time tied to
its skater the way reporters state a skater's own time? Our own sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from schaatsradar.extract.confidence import sift
from schaatsradar.extract.confidence_features import ArticleView
from schaatsradar.extract.confidence_times import time_features, time_span
from schaatsradar.extract.lexicon import RACE_TIME_WORDS
from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.types import Result, Span

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def features_of(
    text: str, athlete: str, time: str, seconds: float, rank: int | None = None
) -> dict[str, float]:
    """The time features of a result of `athlete` read from `time` (its last occurrence),
    the evidence running from the sentence start to the time; the article's other results
    are those extraction finds, this one added."""
    facts = extract_all(text, DATE, REGISTRY)
    at = text.rindex(time)
    start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
    result = Result(
        athlete=athlete,
        country=None,
        distance="1000m",
        gender=None,
        seconds=seconds,
        rank=rank,
        competition=None,
        venue=None,
        race_date=None,
        evidence=Span(start, at + len(time), text[start : at + len(time)]),
    )
    others = [r for r in facts.results if r.athlete != athlete or r.rank is not None]
    facts = dataclasses.replace(facts, results=[*others, result])
    return time_features(ArticleView.of(text, DATE, facts), result)


def test_a_named_skater_with_a_race_time_verb_states_the_time():
    f = features_of("Jutta Leerdam noteerde 1.14,41 in Thialf.", "Jutta Leerdam", "1.14,41", 74.41)
    assert f["time_named"] == f["time_verb"] == f["time_stated"] == 1.0
    assert f["time_referred"] == f["time_unnamed"] == f["time_rival_between"] == 0.0


def test_the_verb_may_stand_before_the_name_in_its_clause():
    text = "Later op de middag klokte Thomas Krol 1.08,12."
    f = features_of(text, "Thomas Krol", "1.08,12", 68.12)
    assert f["time_verb"] == f["time_stated"] == 1.0


def test_a_verb_in_an_earlier_clause_does_not_count():
    text = "Kjeld Nuis reed een sterke opening, maar Thomas Krol had met 1.08,12 de beste tijd."
    f = features_of(text, "Thomas Krol", "1.08,12", 68.12)
    assert f["time_verb"] == 0.0
    assert f["time_stated"] == 0.0


def test_a_time_without_a_verb_between_is_not_stated():
    text = "Kai Verbij zat daar met 1.09,02 vlak achter."
    f = features_of(text, "Kai Verbij", "1.09,02", 69.02)
    assert f["time_named"] == 1.0
    assert f["time_verb"] == f["time_stated"] == 0.0


def test_a_pronoun_or_description_is_a_reference_not_a_name():
    text = "Joy Beune won het brons. De Overijsselse klokte 1.15,20 op de kilometer."
    f = features_of(text, "Joy Beune", "1.15,20", 75.20)
    assert f["time_named"] == 0.0
    assert f["time_referred"] == f["time_stated_by_reference"] == 1.0
    assert f["time_stated"] == 0.0


def test_a_description_holding_the_name_is_a_name():
    text = "Jenning de Boo won de 500 meter. De Boo klokte 1.07,88 op de kilometer."
    f = features_of(text, "Jenning de Boo", "1.07,88", 67.88)
    assert f["time_named"] == f["time_stated"] == 1.0


def test_a_time_before_anyone_is_named_is_unnamed():
    text = "Met 1.14,90 verbeterde Antoinette Rijpma-de Jong haar persoonlijk record."
    f = features_of(text, "Antoinette Rijpma-de Jong", "1.14,90", 74.90)
    assert f["time_unnamed"] == 1.0
    assert f["time_named"] == f["time_stated"] == 0.0


def test_a_rival_named_between_the_skater_and_the_time():
    text = "Kjeld Nuis reed in de laatste rit tegen Thomas Krol en klokte 1.08,40."
    f = features_of(text, "Kjeld Nuis", "1.08,40", 68.40)
    assert f["time_rival_between"] == 1.0
    assert f["time_stated"] == 0.0


def test_a_time_in_brackets_is_an_old_mark_not_a_stated_time():
    text = "Het oude baanrecord van Kjeld Nuis (1.07,90) sneuvelde."
    f = features_of(text, "Kjeld Nuis", "1.07,90", 67.90)
    assert f["time_bracketed"] == 1.0
    assert f["time_stated"] == 0.0


def test_the_distance_named_in_the_sentence():
    named = features_of("Femke Kok klokte 1.13,80 op de 1000 meter.", "Femke Kok", "1.13,80", 73.8)
    unnamed = features_of("Femke Kok klokte 1.13,80 in Inzell.", "Femke Kok", "1.13,80", 73.8)
    english = features_of(
        "Miho Takagi clocked 1:13.80 in the 1,000 metres.", "Miho Takagi", "1:13.80", 73.8
    )
    assert named["time_distance_named"] == english["time_distance_named"] == 1.0
    assert unnamed["time_distance_named"] == 0.0


def test_a_placing_said_elsewhere_of_a_skater_without_a_read_place():
    text = "Joy Beune eindigde op het podium in Hamar. Beune klokte 1.15,30 op de kilometer."
    f = features_of(text, "Joy Beune", "1.15,30", 75.30)
    assert f["time_placed_elsewhere"] == 1.0


def test_an_ordinal_counting_heats_or_laps_is_no_placing():
    text = "Joy Beune reed in de achtste rit tegen Femke Kok. Beune klokte 1.15,30."
    f = features_of(text, "Joy Beune", "1.15,30", 75.30)
    assert f["time_placed_elsewhere"] == 0.0


def test_no_placing_elsewhere_when_the_skater_has_a_read_place():
    text = "Joy Beune werd derde op de 1500 meter. Later klokte Beune 1.15,30 op de kilometer."
    f = features_of(text, "Joy Beune", "1.15,30", 75.30, rank=None)
    assert f["time_placed_elsewhere"] == 0.0  # her third place was read: no missed place


def test_a_result_without_a_time_has_no_time_features():
    text = "Joy Beune werd derde op de 1500 meter."
    facts = extract_all(text, DATE, REGISTRY)
    (result,) = facts.results
    assert set(time_features(ArticleView.of(text, DATE, facts), result).values()) == {0.0}


@pytest.mark.parametrize(
    ("evidence", "seconds", "found"),
    [
        ("Stolz clocked 1 minute, 5.37 seconds", 65.37, "5.37"),
        ("Kok lowered her own mark from 37.07 to 36.87", 36.87, "36.87"),
        ("Kok lowered her own mark from 37.07 to 36.87", 37.07, "37.07"),
        ("Groenewoud reed 4.01,50", 241.5, "4.01,50"),
    ],
)
def test_the_time_is_found_in_its_evidence_by_value(evidence: str, seconds: float, found: str):
    text = "Kop. " + evidence
    result = Result(
        "X", None, "500m", None, seconds, None, None, None, None, Span(5, len(text), evidence)
    )
    start, end = time_span(result)
    assert text[start:end] == found


@pytest.mark.parametrize(
    "words",
    ["klokte", "noteerde", "finishte in", "kwam in", "stopte de klok", "reed", "clocked",
     "skated", "finished in", "stopped the clock", "crossed the finish line", "tijd van"],
)  # fmt: skip
def test_race_time_words_live_in_the_lexicon(words: str):
    assert RACE_TIME_WORDS.search(f"Zij {words} 37,20")


@pytest.mark.parametrize("words", ["verbeterde", "zat daar met", "won", "had"])
def test_other_verbs_are_no_race_time_words(words: str):
    assert not RACE_TIME_WORDS.search(f"Zij {words} 37,20")


def test_the_shipped_model_shows_a_stated_time_without_a_place():
    text = "Femke Kok won de 500 meter in 36,88. Jutta Leerdam noteerde 37,41."
    facts = sift(text, DATE, extract_all(text, DATE, REGISTRY))
    assert {(r.athlete, r.rank, r.seconds) for r in facts.results} == {
        ("Femke Kok", 1, 36.88),
        ("Jutta Leerdam", None, 37.41),
    }
