"""Sentence shapes reporters use for a time or a place (issue 11, "extraction that
generalizes"): time verbs, comparisons, a record that is the race's time, one skater winning
several distances, English team sentences. Our own invented sentences, Dutch and English,
each with a shape that must not be read as one."""

import datetime as dt
from pathlib import Path

from schaatsradar.extract.distances import find_distances
from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2025, 12, 1)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    facts = extract_all(text, DATE, REGISTRY)
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts.results}


def places(text: str) -> set[tuple[str, str, int | None]]:
    return {(athlete, distance, rank) for athlete, distance, _, rank in results(text)}


# -- one skater, several distances ------------------------------------------------------------


def test_zowel_als_gives_a_win_per_distance():
    found = places("Op het NK in Heerenveen won Femke Kok zowel de 500 als de 1000 meter.")
    assert ("Femke Kok", "500m", 1) in found
    assert ("Femke Kok", "1000m", 1) in found


def test_gold_medals_in_a_bare_list_of_distances():
    text = "At the World Cup in Stavanger, Kim Boutin won gold medals in the 500 and 1,500."
    found = places(text)
    assert ("Kim Boutin", "500m", 1) in found
    assert ("Kim Boutin", "1500m", 1) in found


def test_sweeping_a_list_of_distances():
    text = (
        "At the World Championships in Hamar, Jordan Stolz won gold by sweeping the 500m, "
        "1000m and 1500m."
    )
    found = places(text)
    assert {("Jordan Stolz", d, 1) for d in ("500m", "1000m", "1500m")} <= found


def test_both_the_500_and_the_1000():
    found = places(
        "At the World Cup in Calgary, Jutta Leerdam won both the 500 and the 1000 metres."
    )
    assert {("Jutta Leerdam", "500m", 1), ("Jutta Leerdam", "1000m", 1)} <= found


def test_swept_a_list_of_distances_without_a_medal_word():
    found = places("At the World Cup in Calgary, Jordan Stolz swept the 500, 1000 and 1500 metres.")
    assert {("Jordan Stolz", d, 1) for d in ("500m", "1000m", "1500m")} <= found


def test_a_podium_sweep_names_no_race_won():
    found = places(
        "At the World Cup in Calgary, the Dutch swept the podium in the 500m, with Femke Kok "
        "winning and Jutta Leerdam third."
    )
    assert ("Femke Kok", "500m", 1) in found
    assert not any(rank == 1 for athlete, _, rank in found if athlete != "Femke Kok")


def test_emphatic_en_joins_two_distances():
    found = places("Op het NK in Heerenveen werd Femke Kok kampioen op de 500 én de 1000 meter.")
    assert {("Femke Kok", "500m", 1), ("Femke Kok", "1000m", 1)} <= found


def test_a_comma_alone_starts_the_next_clause_not_a_list():
    found = places(
        "Op het NK in Heerenveen won Femke Kok de 500 meter, de 1000 meter was voor Jutta Leerdam."
    )
    assert ("Femke Kok", "500m", 1) in found
    assert ("Femke Kok", "1000m", 1) not in found


def test_a_list_continued_by_a_count_is_no_distance():
    text = "De 500 en 1000 toeschouwers in Thialf zagen een mooie race."
    assert [d.distance for d in find_distances(text)] == ["500m"]
    assert [d.distance for d in find_distances("the 500 and 1,500.")] == ["500m", "1500m"]


# -- comparisons --------------------------------------------------------------------------------


def test_only_slower_than_makes_the_rival_the_winner():
    text = (
        "Op de wereldbeker in Stavanger was Marijke Groenewoud met 7.03,27 alleen langzamer "
        "dan de Tsjechische Martina Sablikova op de 5000 meter."
    )
    found = results(text)
    assert ("Marijke Groenewoud", "5000m", "7:03.27", 2) in found
    assert ("Martina Sáblíková", "5000m", None, 1) in found


def test_only_beaten_by():
    found = places(
        "At the World Cup in Calgary, Erin Jackson was only beaten by Femke Kok in the 500m."
    )
    assert ("Erin Jackson", "500m", 2) in found
    assert ("Femke Kok", "500m", 1) in found


def test_slower_than_without_only_gives_no_places():
    text = (
        "Op de wereldbeker in Stavanger was Marijke Groenewoud met 7.03,27 langzamer dan "
        "Martina Sablikova op de 5000 meter."
    )
    found = results(text)
    assert ("Marijke Groenewoud", "5000m", "7:03.27", None) in found
    assert not any(rank for *_, rank in found)


def test_winner_time_against_the_rival_time():
    text = (
        "NK afstanden in Heerenveen. Joep Wennemars won de 1000 meter met een sterke slotronde "
        "in 1.07,17 tegen 1.07,22 voor Tim Prins."
    )
    found = results(text)
    assert ("Joep Wennemars", "1000m", "1:07.17", 1) in found
    assert ("Tim Prins", "1000m", "1:07.22", 2) in found


def test_time_pair_without_a_win_gives_no_runner_up():
    text = (
        "NK afstanden in Heerenveen. Op de 1000 meter reed Joep Wennemars in de derde rit "
        "1.07,17 tegen 1.07,22 voor Tim Prins."
    )
    assert not any(rank == 2 for *_, rank in results(text))


def test_crossed_the_line_first():
    found = results(
        "World Cup in Calgary. In the 1000m, Jordan Stolz crossed the line first in 1:05.37."
    )
    assert ("Jordan Stolz", "1000m", "1:05.37", 1) in found


# -- English team sentences -------------------------------------------------------------------


def test_a_race_won_by_a_country():
    text = (
        "World Cup in Calgary. In the men's team pursuit, Japan finished third in a race won "
        "by the Netherlands. Canada finished second."
    )
    found = places(text)
    assert ("Japan", "team pursuit", 3) in found
    assert ("Netherlands", "team pursuit", 1) in found
    assert ("Canada", "team pursuit", 2) in found


def test_won_by_a_skater_in_dutch_and_english():
    found = places(
        "World Cup in Calgary. Erin Jackson finished third in the 500m, a race won by Femke Kok."
    )
    assert {("Erin Jackson", "500m", 3), ("Femke Kok", "500m", 1)} <= found
    found = places(
        "Wereldbeker in Calgary. Erin Jackson werd derde op de 500 meter, gewonnen door Femke Kok."
    )
    assert {("Erin Jackson", "500m", 3), ("Femke Kok", "500m", 1)} <= found


# -- whose time: a relative clause that has closed ----------------------------------------------


def test_a_closed_relative_clause_hands_the_time_back_to_the_subject():
    text = (
        "Wereldbeker in Heerenveen. Op de 1500 meter reed Joy Beune achter Marijke Groenewoud, "
        "die haar eerste zege van het seizoen boekte, een tijd van 1.54,20."
    )
    found = results(text)
    assert ("Joy Beune", "1500m", "1:54.20", None) in found
    assert not any(a == "Marijke Groenewoud" and t for a, _, t, _ in found)


def test_an_open_relative_clause_keeps_the_time():
    text = (
        "Wereldbeker in Heerenveen. In de ploegenachtervolging klopte Nederland Canada, dat "
        "3.41,80 liet noteren en als tweede eindigde."
    )
    assert ("Canada", "team pursuit", "3:41.80", 2) in results(text)


def test_aftroeven_is_beating_the_ones_named():
    found = places("NK afstanden. Wennemars troeft Prins en De Boo af voor titel op 1000 meter")
    assert ("Joep Wennemars", "1000m", 1) in found
    assert ("Tim Prins", "1000m", 2) in found
    assert ("Jenning de Boo", "1000m", 3) in found
    assert ("Jenning de Boo", "1000m", 1) not in found


# -- a place and its race with a noun or verb between ------------------------------------------


def test_a_place_whose_verb_stands_before_the_race():
    text = (
        "NK allround in Heerenveen. Antoinette Rijpma-de Jong pakte de leiding door de 500 "
        "meter te winnen en als tweede te eindigen op de 3000 meter."
    )
    found = places(text)
    assert ("Antoinette Rijpma-de Jong", "500m", 1) in found
    assert ("Antoinette Rijpma-de Jong", "3000m", 2) in found


def test_een_zesde_tijd_is_a_place_een_vierde_a_quarter():
    text = (
        "NK allround in Heerenveen. Joy Beune eindigde na een derde plek op de 1500 meter en "
        "een zesde tijd op de 5000 meter als derde in het klassement."
    )
    found = places(text)
    assert {("Joy Beune", "1500m", 3), ("Joy Beune", "5000m", 6)} <= found
    assert ("Joy Beune", "allround", 3) in found
    quarter = "NK allround in Heerenveen. Joy Beune was een vierde seconde sneller op de 500 meter."
    assert not places(quarter)


def test_bleef_y_voor_after_the_win_makes_y_runner_up():
    text = (
        "EK afstanden in Heerenveen. Irene Schouten won de massastart. Ze bleef in de "
        "eindsprint de Italiaanse Francesca Lollobrigida voor."
    )
    found = places(text)
    assert ("Irene Schouten", "mass start", 1) in found
    assert ("Francesca Lollobrigida", "mass start", 2) in found


def test_a_rival_beaten_in_the_pairing_is_not_the_runner_up():
    text = (
        "Wereldbeker in Heerenveen. Jutta Leerdam won de 1000 meter. Leerdam bleef in de "
        "slotrit de Amerikaanse Brittany Bowe voor. Bowe werd met 1.14,55 vierde."
    )
    found = places(text)
    assert ("Brittany Bowe", "1000m", 4) in found
    assert ("Brittany Bowe", "1000m", 2) not in found


# -- time verbs and the winner's time -----------------------------------------------------------


def test_the_winning_time_with_the_winner_named_between():
    found = results(
        "Wereldbeker in Calgary. De winnende tijd van Femke Kok op de 500 meter was 36,98."
    )
    assert ("Femke Kok", "500m", "36.98", 1) in found
    found = results(
        "World Cup in Calgary. The winning time of Femke Kok in the 500m was 36.98, "
        "Erin Jackson was 37.10."
    )
    assert ("Femke Kok", "500m", "36.98", 1) in found
    assert ("Erin Jackson", "500m", "37.10", None) in found


def test_runner_up_to_names_the_winner_not_the_time_owner():
    text = (
        "World Cup in Calgary. Jenning de Boo finished runner-up to Jordan Stolz in the 1000m, "
        "clocking 1:05.90."
    )
    found = results(text)
    assert ("Jenning de Boo", "1000m", "1:05.90", 2) in found
    assert ("Jordan Stolz", "1000m", None, 1) in found


def test_time_verbs_put_down_the_time_as_the_skaters_own():
    text = (
        "Wereldbeker in Calgary. Jordan Stolz won de 500 meter. Jenning de Boo finishte in "
        "33.92. Tim Prins kwam in 34.31 over de streep. Merijn Scheperkamp zette een tijd van "
        "34,40 seconden op de klok. Laurent Dubreuil stopte de klok op 34,45."
    )
    found = results(text)
    for athlete, time in (
        ("Jenning de Boo", "33.92"),
        ("Tim Prins", "34.31"),
        ("Merijn Scheperkamp", "34.40"),
        ("Laurent Dubreuil", "34.45"),
    ):
        assert (athlete, "500m", time, None) in found


def test_english_time_verbs_and_prose_times():
    text = (
        "World Cup in Hamar. Davide Ghiotto won the 5000m in six minutes and 4.12 seconds. "
        "Sander Eitrem clocked six minutes, 5.30 seconds. Patrick Roest stopped the clock at "
        "6:07.02."
    )
    found = results(text)
    assert ("Davide Ghiotto", "5000m", "6:04.12", 1) in found
    assert ("Sander Eitrem", "5000m", "6:05.30", None) in found
    assert ("Patrick Roest", "5000m", "6:07.02", None) in found


def test_a_counted_qualification_ticket_is_no_place():
    text = (
        "NK afstanden in Heerenveen. Jorrit Bergsma won de 10 kilometer. Patrick Roest pakte "
        "het tweede en laatste ticket voor de WK."
    )
    assert ("Patrick Roest", "10000m", 2) not in places(text)
    text = text.replace("pakte het tweede en laatste", "werd tweede en pakte het laatste")
    assert ("Patrick Roest", "10000m", 2) in places(text)


def test_winning_the_standings_is_no_race_win():
    text = (
        "Wereldbeker in Salt Lake City. Op de ploegenachtervolging klopte Canada Japan, dat "
        "wel het klassement won."
    )
    assert ("Japan", "team pursuit", 1) not in places(text)
    found = places("WK allround in Inzell. Jordan Stolz won het klassement met overmacht.")
    assert ("Jordan Stolz", "allround", 1) in found
    found = places("Wereldbeker in Calgary. Femke Kok won de 500 meter en het klassement.")
    assert ("Femke Kok", "500m", 1) in found


def test_faster_than_a_mark_of_someone_beats_no_rival():
    text = (
        "NK afstanden in Heerenveen. Jorrit Bergsma won de 10 kilometer in 12.43,70. Daarmee "
        "was hij ruim een seconde sneller dan het vijf jaar oude baanrecord van Sven Kramer."
    )
    assert not any(a == "Sven Kramer" for a, _, _ in places(text))
    text = (
        "NK afstanden in Heerenveen. Jorrit Bergsma won de 10 kilometer in 12.43,70 en was "
        "sneller dan Patrick Roest."
    )
    assert ("Patrick Roest", "10000m", 2) in places(text)


def test_places_in_a_mini_classification_are_no_race_places():
    text = (
        "NK afstanden in Heerenveen. Kjeld Nuis, Kai Verbij en Thomas Krol eindigden als "
        "eerste, tweede en derde in een klassementje over de 500 en de 1000 meter."
    )
    assert not places(text)


# -- spaces a web page writes ------------------------------------------------------------------


def test_no_break_and_thin_spaces_read_like_plain_ones():
    # Web pages write "1.000&nbsp;meter"; a whole case file with every space a no-break (or
    # thin) one must give what the plain text gives.
    cases = sorted((Path(__file__).parent / "cases").glob("*.txt"))[:25]
    for space, path in zip(("\xa0", "\u202f", "\u2009") * 9, cases, strict=False):
        plain = path.read_text(encoding="utf-8").split("\n", 1)[1]
        assert results(plain.replace(" ", space)) == results(plain), (path.name, repr(space))


def test_evidence_still_points_into_the_article_as_written():
    text = "Femke Kok won de 500\xa0meter in 36,09."
    facts = extract_all(text, DATE, REGISTRY)
    [win] = [r for r in facts.results if r.athlete == "Femke Kok"]
    start, end = win.evidence.start, win.evidence.end
    assert "36,09" in text[start:end]
