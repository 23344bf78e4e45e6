"""A superseded mark is no result of the race reported: "daarmee verdwijnt de T van X", "X's
T stood until ...", "lowered it from T to T2", "broke X's T". Sentences of our own, one
class each; the race's own result must stay."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 2, 8)


def results(text: str) -> set[tuple[str | None, float | None]]:
    """Every result, confirmed or candidate: (athlete, seconds)."""
    facts = extract(text, DATE, REGISTRY)
    return {(r.athlete, r.seconds) for r in [*facts.results, *facts.candidate_results]}


def test_verdwijnt_the_time_of_a_skater_two_sentences_after_the_record():
    text = (
        "Jenning de Boo heeft bij de World Cup in Calgary het wereldrecord op de 1000 meter "
        "verbeterd. De Nederlander klokte 1.05,12.\n\n"
        "Daarmee verdwijnt de 1.05,37 van Jordan Stolz uit de boeken."
    )
    found = results(text)
    assert ("Jenning de Boo", 65.12) in found
    assert not any(athlete == "Jordan Stolz" for athlete, _ in found)


def test_sneuvelde_the_time_of_a_skater_without_a_record_word_nearby():
    text = (
        "Femke Kok won zaterdag de 500 meter bij de World Cup in Heerenveen in 36,40. "
        "Ze was de snelste van de dag. Toen sneuvelde ook de 36,55 van Erin Jackson."
    )
    found = results(text)
    assert ("Femke Kok", 36.40) in found
    assert not any(athlete == "Erin Jackson" for athlete, _ in found)


def test_possessed_time_that_stood_until_a_month_is_no_result():
    text = (
        "Joy Beune won the 3000m at the World Cup in Heerenveen in 3:52.10. "
        "Martina Sablikova's 3:53.34 from 2019 had stood until then, when Beune broke it."
    )
    found = results(text)
    assert not any(athlete == "Martina Sablikova" for athlete, _ in found)


def test_hield_stand_after_a_time_of_a_holder_is_no_result():
    text = (
        "Kjeld Nuis won de 1500 meter bij de World Cup in Inzell in 1.41,20. "
        "De 1.41,80 van Thomas Krol hield daar zes jaar stand."
    )
    found = results(text)
    assert not any(athlete == "Thomas Krol" for athlete, _ in found)


def test_broke_a_possessed_time_is_no_result():
    text = (
        "Miho Takagi won the 1500m at the World Cup in Calgary in 1:50.95 and broke "
        "Brittany Bowe's 1:51.31 on the way."
    )
    found = results(text)
    assert not any(athlete == "Brittany Bowe" for athlete, _ in found)


def test_lowered_from_one_time_to_another_keeps_only_the_new_time():
    text = (
        "At the World Cup in Stavanger, Ragne Wiklund lowered her own track record from "
        "1:54.60 to 1:53.90 in the 1500m."
    )
    found = results(text)
    assert ("Ragne Wiklund", 114.60) not in found


def test_a_time_beaten_by_another_in_the_same_race_stays_a_result():
    # "sneller dan de T van X" is how a race is told too: X's time is a result of it.
    text = (
        "Bij de World Cup in Heerenveen won Femke Kok de 1000 meter in 1.13,10. "
        "Ze was sneller dan de 1.13,50 van Jutta Leerdam."
    )
    found = results(text)
    assert ("Jutta Leerdam", 73.50) in found


def dated(text: str) -> dict[str | None, tuple[bool, int | None]]:
    facts = extract(text, DATE, REGISTRY)
    return {r.athlete: (r.earlier, r.year) for r in [*facts.results, *facts.candidate_results]}


def test_time_dated_by_its_own_phrase_is_an_earlier_result():
    text = (
        "Antoinette Rijpma-de Jong won the 1500m at the World Cup in Tomaszow in 1:54.10. "
        "Ireen Wüst skated 1:53.80 from March 2019 on this rink."
    )
    found = dated(text)
    assert found.get("Ireen Wüst", (True, 2019)) == (True, 2019)
    assert found["Antoinette Rijpma-de Jong"] == (False, None)


def test_time_dated_by_the_next_sentence_anaphora_is_an_earlier_result():
    text = (
        "Patrick Roest won de 10.000 meter bij de World Cup in Hamar in 12.50,10. "
        "Sneller ging alleen Sven Kramer ooit, met 12.41,69. "
        "Hij reed die tijd op 10 maart 2007 in Salt Lake City."
    )
    found = dated(text)
    assert found.get("Sven Kramer", (True, 2007)) == (True, 2007)
    assert found["Patrick Roest"] == (False, None)


def test_that_time_after_an_old_mark_does_not_date_the_winner():
    text = (
        "Femke Kok won de 500 meter bij de World Cup in Heerenveen in 36,98, terwijl het "
        "baanrecord op 37,04 stond. Marrit Leenstra klokte die tijd in februari 2015."
    )
    assert dated(text)["Femke Kok"] == (False, None)
