"""Short-track races carry the discipline in their competition ("WK shorttrack"), so the
knowledge base never files them under a long-track meet (`extract.disciplines`). A long-track
report that names short track in passing stays long track."""

import datetime as dt

from schaatsradar.extract.disciplines import short_track_competition
from schaatsradar.extract.pipeline import extract_all as extract
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.scoring import competition_kind

REGISTRY = Registry.bundled()
DAY = dt.date(2026, 3, 16)


def _competitions(text: str) -> dict[str, str | None]:
    return {r.athlete: r.competition for r in extract(text, DAY, REGISTRY).results}


def test_a_dutch_short_track_world_championship_is_marked():
    text = (
        "MONTREAL - Xandra Velzeboer is zondag wereldkampioen shorttrack geworden op de "
        "500 meter. Ze was in de finale met 42,105 sneller dan Kim Boutin.\n\n"
        "In de halve finale was Suzanne Schulting nog gevallen."
    )
    found = _competitions(text)
    assert found["Xandra Velzeboer"] == "World Championships shorttrack"
    assert competition_kind(found["Xandra Velzeboer"]) == "world_championships"


def test_an_english_short_track_world_cup_is_marked():
    text = (
        "SEOUL - Kim Boutin won the women's 500m at the short-track World Cup on Sunday in "
        "41.902, ahead of Xandra Velzeboer.\n\nIn the relay final Canada took silver."
    )
    found = _competitions(text)
    assert found["Kim Boutin"] == "World Cup shorttrack"
    assert competition_kind(found["Kim Boutin"]) == "world_cup"


def test_a_headline_skater_noun_makes_a_short_track_story():
    text = (
        "Shorttrackster Velzeboer pakt goud in Seoul\n\n"
        "Xandra Velzeboer heeft zaterdag bij de World Cup de 1000 meter gewonnen in 1.29,870."
    )
    assert _competitions(text)["Xandra Velzeboer"] == "World Cup shorttrack"


def test_a_long_track_report_naming_short_track_in_passing_stays_long_track():
    text = (
        "HEERENVEEN - Femke Kok heeft zaterdag bij de World Cup in Thialf de 500 meter "
        "gewonnen in 36,71. Jutta Leerdam werd tweede.\n\n"
        "Op de langebaan was het druk; eerder in de week reed Suzanne Schulting nog shorttrack."
    )
    found = _competitions(text)
    assert found["Femke Kok"] == "World Cup"


def test_a_short_track_skater_in_a_long_track_sentence_stays_long_track():
    text = (
        "HEERENVEEN - Op het NK sprint in Thialf was het spannend.\n\n"
        "De shorttrackster Suzanne Schulting won de eerste 500 meter in 38,12.\n\n"
        "Het was haar eerste titel op de langebaan."
    )
    assert "shorttrack" not in (_competitions(text).get("Suzanne Schulting") or "")


def test_a_mixed_story_marks_only_the_short_track_sentence():
    text = (
        "HEERENVEEN - Femke Kok won op de langebaan de 500 meter in 36,90.\n\n"
        "Bij het shorttrack in Dordrecht won Xandra Velzeboer de 500 meter in 42,30."
    )
    found = _competitions(text)
    assert "shorttrack" not in (found.get("Femke Kok") or "")
    assert "shorttrack" in (found.get("Xandra Velzeboer") or "")


def test_the_discipline_is_added_once():
    assert short_track_competition("WK") == "WK shorttrack"
    assert short_track_competition(None) == "shorttrack"
    assert short_track_competition("ISU Short Track World Cup") == "ISU Short Track World Cup"
