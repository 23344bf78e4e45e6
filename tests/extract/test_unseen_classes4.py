"""Classes of error found on the fifth batch of our own held-out articles
(tests/extract/cases_unseen u087-u102, Dutch race reports written before the extractor was
read), each pinned with other sentences of our own: a fix for the class, not for one text
(issue 11)."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 31)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    return {
        (r.athlete, r.distance, r.to_json()["time"], r.rank)
        for r in extract_all(text, DATE, REGISTRY).results
    }


# -- the rivals a winner kept behind, each with a time in brackets ----------------------------


def test_rivals_kept_behind_with_bracketed_times_are_second_and_third():
    text = (
        "INZELL - Miho Takagi won de 1000 meter in 1.14,40 en bleef Jutta Leerdam (1.14,71) "
        "en Femke Kok (1.14,93) voor."
    )
    found = results(text)
    assert ("Jutta Leerdam", "1000m", "1:14.71", 2) in found
    assert ("Femke Kok", "1000m", "1:14.93", 3) in found


def test_a_mens_nationality_noun_may_stand_before_a_listed_rival():
    text = (
        "CALGARY - Bij de mannen won Jordan Stolz de 1500 meter. Stolz klokte 1.42,11 en bleef "
        "de Noor Peder Kongshaug (1.42,80) en de Italiaan Davide Ghiotto (1.43,02) voor."
    )
    found = results(text)
    assert ("Peder Kongshaug", "1500m", "1:42.80", 2) in found
    assert ("Davide Ghiotto", "1500m", "1:43.02", 3) in found


def test_one_rival_kept_behind_in_a_pairing_gets_no_place():
    text = (
        "HEERENVEEN - Femke Kok won de 500 meter. In de slotrit bleef Kok Erin Jackson (37,21) "
        "voor."
    )
    assert not any(rank == 2 for *_, rank in results(text))
