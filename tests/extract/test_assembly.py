"""How a sentence's times and ranks find their skater. Our own sentences, one rule each."""

import datetime as dt

import pytest

# The rules' own findings, before the confidence model moves the unsure ones to candidates.
from schaatsradar.extract.pipeline import extract_all as extract
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    facts = extract(text, DATE, REGISTRY)
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts.results}


def test_time_and_rank_of_one_skater():
    assert results("Femke Kok won in Inzell de 500 meter in 36,87.") == {
        ("Femke Kok", "500m", "36.87", 1)
    }


def test_medal_handed_to_whoever_follows():
    text = "Op de 1500 meter won Jutta Leerdam. Het zilver ging naar Miho Takagi."
    assert ("Miho Takagi", "1500m", None, 2) in results(text)


def test_runner_up_behind_winner():
    text = "Op de 1000 meter eindigde Jutta Leerdam op de tweede plek achter Miho Takagi."
    assert results(text) == {("Jutta Leerdam", "1000m", None, 2), ("Miho Takagi", "1000m", None, 1)}


def test_beaten_rivals_ranked_in_order():
    text = (
        "Jutta Leerdam won de 1000 meter. Ze was met 1.14,17 sneller dan Miho Takagi en Femke Kok."
    )
    found = results(text)
    assert ("Miho Takagi", "1000m", None, 2) in found
    assert ("Femke Kok", "1000m", None, 3) in found
    assert ("Jutta Leerdam", "1000m", "1:14.17", 1) in found


def test_time_named_after_its_owner():
    text = "Op de 1000 meter bleef Jutta Leerdam onder de tijd van 1.14,29 van Miho Takagi."
    assert ("Miho Takagi", "1000m", "1:14.29", None) in results(text)


def test_old_record_mark_is_not_a_result():
    text = (
        "Femke Kok reed op de 500 meter 36,87 en verbeterde het oude baanrecord van "
        "Nao Kodaira (37,25)."
    )
    found = results(text)
    assert ("Femke Kok", "500m", "36.87", None) in found
    assert not any(name == "Nao Kodaira" for name, *_ in found)


def test_title_as_description_is_no_rank():
    text = "Op de 1000 meter reed de Japanse wereldkampioene Miho Takagi 1.14,29."
    assert results(text) == {("Miho Takagi", "1000m", "1:14.29", None)}


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Die pakte met 34,38 het zilver.", "Jordan Stolz"),
        ("Hij pakte met 34,38 het zilver.", "Jenning de Boo"),
    ],
)
def test_demonstrative_and_personal_pronouns(second, expected):
    text = "Op de 500 meter versloeg Jenning de Boo met 34,24 Jordan Stolz. " + second
    assert (expected, "500m", "34.38", 2) in results(text)


def test_team_members_race_for_their_country():
    text = (
        "Bij de ploegenachtervolging voor vrouwen was Japan het snelst. Miho Takagi, "
        "Ayano Sato en Momoka Horikawa wonnen in 2.55,12."
    )
    assert ("Japan", "team pursuit", "2:55.12", 1) in results(text)


def test_split_times_and_margins_are_not_results():
    text = (
        "Jutta Leerdam won de 1000 meter na een opening van 17,73. Femke Kok kwam 0,27 "
        "seconde tekort en werd tweede."
    )
    assert results(text) == {("Jutta Leerdam", "1000m", None, 1), ("Femke Kok", "1000m", None, 2)}


def test_names_and_places_paired_in_order():
    text = "In the 500 metres, Tom Harper (35.01) and Eric Lund (35.40) placed eighth and 19th."
    found = results(text)
    assert ("Tom Harper", "500m", "35.01", 8) in found
    assert ("Eric Lund", "500m", "35.40", 19) in found


def test_a_breaking_sentence_gives_the_new_and_the_old_record():
    text = (
        "Op de 1000 meter reed Jordan Stolz 1.06,38 en verbeterde daarmee het baanrecord van "
        "Jenning de Boo (1.07,08)."
    )
    records = {
        (r.status, r.athlete, r.to_json()["time"]) for r in extract(text, DATE, REGISTRY).records
    }
    assert records == {("set", "Jordan Stolz", "1:06.38"), ("broken", "Jenning de Boo", "1:07.08")}


def test_places_between_a_stated_winner_and_last_follow_from_the_times():
    text = (
        "Op de 1000 meter won Jutta Leerdam in 1.14,17. Miho Takagi klokte 1.14,29 en Femke "
        "Kok 1.14,46. Brittany Bowe werd met 1.14,55 vierde."
    )
    found = results(text)
    assert ("Miho Takagi", "1000m", "1:14.29", 2) in found
    assert ("Femke Kok", "1000m", "1:14.46", 3) in found


def test_one_place_for_each_distance_of_a_list():
    text = "Joy Beune eindigde als vierde op de 3000 meter en de 1000 meter."
    assert results(text) == {
        ("Joy Beune", "3000m", None, 4),
        ("Joy Beune", "1000m", None, 4),
    }


def test_the_length_of_a_relay_is_not_another_distance():
    text = "Bij de vrouwen won Nederland de aflossing over 3000 meter in 4.12,06."
    assert ("Netherlands", "relay", "4:12.06", 1) in results(text)


def test_a_place_in_the_standings_is_the_classification():
    text = (
        "Op het NK allround won Tobias Kramer-Lind de 10.000 meter in 13.02,87. Jesse "
        "Hoekstra legde beslag op de tweede plaats in het klassement."
    )
    assert ("Jesse Hoekstra", "allround", None, 2) in results(text)


def test_a_place_per_race_when_one_skater_has_several():
    text = (
        "Joy Beune won de 1500 meter. Ze eindigde als zevende op de 500 meter en vierde op "
        "de 3000 meter en de 1000 meter."
    )
    found = results(text)
    assert {
        ("Joy Beune", d, None, r) for d, r in (("500m", 7), ("3000m", 4), ("1000m", 4))
    } <= found


def test_the_one_skater_faster_than_the_runner_up_won():
    text = (
        "Sander Eitrem skated the 5000 metres in 5:58.52. Metodej Jilek secured second place "
        "with 6:01.98."
    )
    assert ("Sander Eitrem", "5000m", "5:58.52", 1) in results(text)


def test_ahead_of_the_runner_up_is_the_winner():
    text = (
        "Joy Beune reed de 3000 meter in 3.55,72. Daarmee bleef Beune twee seconden voor op "
        "nummer twee Marijke Groenewoud."
    )
    found = results(text)
    assert ("Joy Beune", "3000m", "3:55.72", 1) in found
    assert ("Marijke Groenewoud", "3000m", None, 2) in found


def test_standing_mark_takes_the_time_right_before_it_and_this_record_its_type():
    text = (
        "Sander Eitrem won the 5000 metres and broke the world record. This record, "
        "surpassing the previous one set by Timothy Loubineaud, is remarkable. The 33.61 "
        "world mark by Pavel Kulizhnikov has stood since 2019."
    )
    records = {
        (r.type, r.athlete, r.to_json()["time"]) for r in extract(text, DATE, REGISTRY).records
    }
    assert ("world", "Pavel Kulizhnikov", "33.61") in records
    assert all(kind != "other" for kind, _, _ in records)


def test_text_that_runs_on_without_sentence_ends_names_skaters_but_gives_no_results():
    run_on = "Leerdam won de 1000 meter in 1.12,74 en " * 40  # 1,600 characters, no full stop
    facts = extract(run_on + "\n\nKok won de 500 meter in 36,09.", DATE, REGISTRY)
    assert {a.skater.name for a in facts.athletes} >= {"Jutta Leerdam", "Femke Kok"}
    assert [(r.athlete, r.distance, r.seconds) for r in facts.results] == [
        ("Femke Kok", "500m", 36.09)
    ]


def test_flashbacks_are_races_of_their_own():
    text = (
        "Leerdam won zaterdag in Inzell de 1000 meter in 1.12,74. "
        "Vorig jaar werd ze in Heerenveen nog tweede op de 1000 meter. "
        "Kok werd op de 1000 meter derde."
    )
    results = {(r.athlete, r.rank, r.competition) for r in extract(text, DATE, REGISTRY).results}
    assert ("Jutta Leerdam", 1, None) in {(a, r, None) for a, r, _ in results}
    assert ("Jutta Leerdam", 2, "2025") in results  # dated to the edition a year back
    assert ("Femke Kok", 3, None) in {(a, r, None) for a, r, _ in results}
