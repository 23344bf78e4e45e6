"""Recall classes of Dutch and English race reports the rules missed (issue 11), each pinned
with sentences of our own in several phrasings, and near misses that must state nothing."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    facts = extract_all(text, DATE, REGISTRY)
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts.results}


# -- "gevolgd door X en Y", "followed by X and Y": who came second and third -----------------


def test_followed_by_two_named_rivals_places_them_second_and_third():
    text = (
        "HEERENVEEN - Femke Kok won zaterdag bij de World Cup in Heerenveen de 500 meter in "
        "36,90, gevolgd door Jutta Leerdam en Erin Jackson."
    )
    found = results(text)
    assert ("Femke Kok", "500m", "36.90", 1) in found
    assert ("Jutta Leerdam", "500m", None, 2) in found
    assert ("Erin Jackson", "500m", None, 3) in found


def test_followed_by_with_times_in_brackets_keeps_the_times():
    text = (
        "HEERENVEEN - Joy Beune won bij de World Cup in Heerenveen de 3000 meter in 3.56,10, "
        "gevolgd door Ragne Wiklund (3.57,02) en Marijke Groenewoud (3.57,40)."
    )
    found = results(text)
    assert ("Ragne Wiklund", "3000m", "3:57.02", 2) in found
    assert ("Marijke Groenewoud", "3000m", "3:57.40", 3) in found


def test_followed_by_in_english_with_a_time():
    text = (
        "CALGARY - Jordan Stolz won the 1000m at the World Cup in Calgary in 1:05.90, followed "
        "by Jenning de Boo in 1:06.30."
    )
    assert ("Jenning de Boo", "1000m", "1:06.30", 2) in results(text)


def test_followed_by_after_a_place_other_than_first_places_no_one():
    text = (
        "HEERENVEEN - Femke Kok won bij de World Cup in Heerenveen de 500 meter. Jutta Leerdam "
        "werd vijfde, gevolgd door Erin Jackson en Kim Min-sun."
    )
    found = results(text)
    assert not any(name in ("Erin Jackson", "Kim Min-sun") for name, *_ in found)


def test_followed_by_in_a_season_ranking_is_no_race():
    text = (
        "HEERENVEEN - In het wereldbekerklassement op de 500 meter staat Femke Kok bovenaan, "
        "gevolgd door Jutta Leerdam en Erin Jackson."
    )
    assert not results(text)


# -- "Achter X werd Y tweede": the fronted preposition governs X, not the subject -------------


def test_fronted_behind_the_winner_leaves_the_subject_its_place():
    text = (
        "HEERENVEEN - Bij de World Cup in Heerenveen won Femke Kok de 500 meter. Achter Kok "
        "werd Jutta Leerdam tweede."
    )
    found = results(text)
    assert ("Femke Kok", "500m", None, 1) in found
    assert ("Jutta Leerdam", "500m", None, 2) in found


def test_fronted_behind_in_the_standings():
    text = (
        "HEERENVEEN - Het WK sprint in Thialf. Achter Jutta Leerdam moest Femke Kok genoegen "
        "nemen met zilver in de eindstand."
    )
    found = results(text)
    assert ("Femke Kok", "sprint", None, 2) in found
    assert ("Jutta Leerdam", "sprint", None, 1) in found


def test_behind_a_possessive_name_still_governs_the_skater():
    text = (
        "CALGARY - At the World Cup in Calgary Laurent Dubreuil won the 500m ahead of "
        "Canada's Jordan Stolz."
    )
    found = results(text)
    assert ("Laurent Dubreuil", "500m", None, 1) in found
    assert ("Jordan Stolz", "500m", None, 1) not in found


# -- "schreef de 1000 meter op zijn naam": the Dutch win idiom with the verb second -----------


def test_wrote_the_race_to_his_name_is_a_win():
    text = (
        "MINSK - Kjeld Nuis schreef bij de wereldbeker in Minsk de 1000 meter op zijn naam. "
        "Hij klokte 1.09,23."
    )
    assert ("Kjeld Nuis", "1000m", "1:09.23", 1) in results(text)


def test_a_description_wrote_the_race_to_her_name():
    text = (
        "INZELL - Joy Beune heeft in Inzell weer een wereldbeker gewonnen. De Overijsselse "
        "schrijft de 1500 meter op haar naam in 1.53,40."
    )
    assert ("Joy Beune", "1500m", "1:53.40", 1) in results(text)


def test_a_record_written_to_a_name_is_no_win():
    text = (
        "HEERENVEEN - Femke Kok schreef zaterdag het baanrecord op de 500 meter op haar naam. "
        "Jutta Leerdam werd bij de World Cup tweede in 36,90, Erin Jackson derde."
    )
    assert ("Femke Kok", "500m", None, 1) not in results(text)
