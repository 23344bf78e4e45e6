"""Whose time or place it is when the sentence names the skater by a description or a
pronoun, and one skater's time and place told in two sentences (issue 11). Our own invented
sentences, Dutch and English, positive and negative."""

import datetime as dt

import pytest

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    facts = extract_all(text, DATE, REGISTRY)
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts.results}


def owners(text: str, time: str) -> set[str]:
    """Who the rules give the time `time` to."""
    return {name for name, _, found, _ in results(text) if found == time}


# -- descriptions as subjects -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A region is a Dutch woman's description; a strong past tense follows it.
        ("De 31-jarige Noord-Hollandse dook met 3.58,40", "Irene Schouten"),
        ("De Overijsselse snelde met 3.58,40", "Irene Schouten"),
        ("De Tsjechische schoot met 3.58,40", "Martina Sáblíková"),
        ("De Noorse liep met 3.58,40", "Ragne Wiklund"),
    ],
)
def test_a_description_takes_the_last_compatible_skater(description: str, expected: str) -> None:
    text = (
        "Op de 3000 meter won Martina Sablikova in 3.56,10. Ragne Wiklund werd tweede. "
        "Irene Schouten reed eerder op de dag in de B-groep. "
        f"{description} onder haar eigen baanrecord."
    )
    assert owners(text, "3:58.40") == {expected}


def test_an_age_skips_the_skater_the_article_gave_another_age() -> None:
    text = (
        "Op de 5000 meter won Natalya Voronina. Esmee Visser werd derde. De 32-jarige "
        "Martina Sablikova werd tweede. De 24-jarige rijdster van Team X reed 6.46,68."
    )
    assert owners(text, "6:46.68") == {"Esmee Visser"}


def test_a_description_that_concedes_gets_no_win() -> None:
    text = (
        "Op de 5000 meter won Natalya Voronina. Esmee Visser werd derde. De 24-jarige "
        "rijdster van Team X moest zich in de slotfase gewonnen geven."
    )
    assert ("Esmee Visser", "5000m", None, 1) not in results(text)


def test_a_nationality_skips_the_skaters_of_another_country() -> None:
    text = (
        "Erin Jackson werd derde op de 500 meter. Femke Kok won in 36,90. "
        "De Amerikaanse reed 37,22."
    )
    assert owners(text, "37.22") == {"Erin Jackson"}


def test_english_description_after_two_skaters() -> None:
    text = (
        "Jordan Stolz won the 1000m in 1:06.10 ahead of Laurent Dubreuil. "
        "The Canadian clocked 1:07.02 for second place."
    )
    assert ("Laurent Dubreuil", "1000m", "1:07.02", 2) in results(text)


@pytest.mark.parametrize(
    "text",
    [
        "Patrick Roest legde het af tegen Jorrit Bergsma, maar de wereldkampioen eindigde in "
        "12.50,86 als tweede.",
        "Patrick Roest verloor van Jorrit Bergsma en de wereldkampioen eindigde in 12.50,86 "
        "als tweede.",
    ],
)
def test_a_description_is_the_subject_of_its_sentence_not_the_rival_named_last(
    text: str,
) -> None:
    assert owners(text, "12:50.86") == {"Patrick Roest"}


def test_a_description_after_a_sentence_end_is_the_last_compatible_person() -> None:
    # The next sentence may well be about the beaten one: the text cannot tell.
    text = (
        "Brittany Bowe rekende op de 1000 meter af met Jutta Leerdam. De wereldkampioene "
        "klokte 1.14,15."
    )
    assert owners(text, "1:14.15") == {"Jutta Leerdam"}


def test_a_description_that_does_not_fit_the_subject_is_the_rival() -> None:
    text = "Jutta Leerdam won de 1000 meter voor Miho Takagi. De Japanse klokte 1.14,20."
    assert owners(text, "1:14.20") == {"Miho Takagi"}


def test_a_description_followed_by_a_noun_is_no_subject() -> None:
    text = "Irene Schouten won de 3000 meter in 3.56,10. De Noord-Hollandse ploeg reed 3.58,40."
    assert "Irene Schouten" not in owners(text, "3:58.40")


@pytest.mark.parametrize(
    "description",
    [
        "De rijder van Team Reggeborgh klokte 1.13,80.",
        "De rijdster van Team Reggeborgh klokte 1.13,80.",
        "Na een matige opening klokte de pupil van Jac Orie 1.13,80.",
    ],
)
def test_a_skater_named_by_team_or_coach_is_the_latest_subject(description: str) -> None:
    text = (
        "Jutta Leerdam won de 1000 meter in 1.13,20. Femke Kok reed in de laatste rit tegen "
        f"Miho Takagi. {description}"
    )
    assert owners(text, "1:13.80") == {"Femke Kok"}


def test_a_team_description_as_object_is_not_the_subject_before() -> None:
    text = (
        "Op de 1000 meter reed Femke Kok in de eerste rit. Achter de rijder van Team "
        "Reggeborgh (1.13,10) werd Jutta Leerdam tweede in 1.13,80."
    )
    assert "Femke Kok" not in owners(text, "1:13.10")


def test_a_team_description_before_a_name_is_an_apposition() -> None:
    text = (
        "Jutta Leerdam won de 1000 meter in 1.13,20. De rijder van Team Reggeborgh, Femke Kok, "
        "klokte 1.13,80."
    )
    assert owners(text, "1:13.80") == {"Femke Kok"}


def test_a_feminine_description_skips_a_man() -> None:
    text = "Femke Kok won de 500 meter. Jenning de Boo keek toe. De rijdster van Team X reed 36,80."
    assert owners(text, "36.80") == {"Femke Kok"}


def test_english_age_description_is_the_skater_before() -> None:
    text = "Jordan Stolz won the 1500m in 1:41.50. The 21-year-old rode 1:06.05 in the 1000m."
    assert ("Jordan Stolz", "1000m", "1:06.05", None) in results(text)


# -- pronouns as subjects ---------------------------------------------------------------------


def test_she_is_the_subject_before_not_the_skater_named_last() -> None:
    text = (
        "Op de 5000 meter reed Martina Sablikova lang boven de tijden van Marijke Groenewoud. "
        "Ze kwam tot 6.59,60."
    )
    assert owners(text, "6:59.60") == {"Martina Sáblíková"}


def test_he_skips_a_woman_who_was_the_last_subject() -> None:
    text = (
        "Op de 1000 meter won Jordan Stolz. Jutta Leerdam keek toe vanaf de tribune. "
        "Hij reed 1.06,20."
    )
    assert owners(text, "1:06.20") == {"Jordan Stolz"}


def test_she_skips_a_man_who_was_the_last_subject() -> None:
    text = "Femke Kok won de 500 meter. Jenning de Boo keek toe vanaf de tribune. Zij reed 36,80."
    assert owners(text, "36.80") == {"Femke Kok"}


def test_a_pronoun_with_no_compatible_subject_gives_no_owner() -> None:
    text = "Femke Kok won de 500 meter. Hij reed 36,80."
    assert owners(text, "36.80") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Op de 500 meter won Jutta Leerdam. Femke Kok had een matige start. Haar tijd van "
            "37,20 was goed voor de derde plaats.",
            ("Femke Kok", "500m", "37.20", 3),
        ),
        (
            "Op de 5000 meter won Patrick Roest. Marcel Bosker reed in de laatste rit. Zijn "
            "6.23,87 was goed voor de twaalfde plaats.",
            ("Marcel Bosker", "5000m", "6:23.87", 12),
        ),
        (
            "Jordan Stolz won the 500m. Laurent Dubreuil struggled at the start. His time of "
            "34.50 was good for fifth.",
            ("Laurent Dubreuil", "500m", "34.50", 5),
        ),
    ],
)
def test_a_possessive_before_a_time_is_the_subject_before(text: str, expected: tuple) -> None:
    assert expected in results(text)


def test_a_possessive_skips_a_subject_of_the_other_gender() -> None:
    text = (
        "Op de 500 meter won Jutta Leerdam. Jenning de Boo keek toe. Haar tijd van 37,20 "
        "was een baanrecord."
    )
    assert owners(text, "37.20") == {"Jutta Leerdam"}


def test_plural_they_after_two_skaters_is_neither() -> None:
    text = "Op de 500 meter reden Femke Kok en Jutta Leerdam samen. Ze reden allebei 37,40."
    assert owners(text, "37.40") == set()


def test_they_after_a_team_is_the_team() -> None:
    text = (
        "Op de ploegenachtervolging bij de mannen openden Frankrijk en België. "
        "Uiteindelijk waren de Belgen sneller. Zij zetten een tijd neer van 3.45,08."
    )
    assert owners(text, "3:45.08") == {"Belgium"}


# -- one skater, one race, two sentences -------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Daarmee werd hij elfde.",
        "Hij werd daarmee elfde.",
        "Dat was uiteindelijk goed voor de elfde plaats.",
        "Dat leverde de elfde plaats op.",
        "Goed voor de elfde plaats.",
        "Die tijd was goed voor de elfde plaats.",
        "Deze tijd leverde hem de elfde plaats op.",
    ],
)
def test_a_time_and_the_place_in_the_next_sentence_are_one_result(second: str) -> None:
    text = (
        "Patrick Roest won de 5000 meter. Davide Ghiotto, de wereldkampioen op de 10.000 "
        f"meter, werd tweede. Marcel Bosker kwam tot een tijd van 6.23,71. {second}"
    )
    found = results(text)
    assert ("Marcel Bosker", "5000m", "6:23.71", 11) in found
    assert not any(name == "Marcel Bosker" and time is None for name, _, time, _ in found)


@pytest.mark.parametrize(
    "second",
    [
        "That was good enough for fifth place.",
        "That put him in fifth place.",
        "It was good for fifth.",
    ],
)
def test_english_time_then_place(second: str) -> None:
    text = f"Jordan Stolz won the 500m. Laurent Dubreuil clocked 34.50. {second}"
    assert ("Laurent Dubreuil", "500m", "34.50", 5) in results(text)


@pytest.mark.parametrize(
    "second",
    [
        "Dat was niet genoeg voor het podium.",
        "Dat was haar tweede tijd ooit.",
        "Dat was twee honderdste sneller dan Erin Jackson, die vierde werd.",
    ],
)
def test_what_follows_a_time_but_is_no_place_of_it(second: str) -> None:
    text = f"Op de 500 meter won Jutta Leerdam. Femke Kok reed 37,02. {second}"
    found = results(text)
    assert ("Femke Kok", "500m", "37.02", None) in found
    assert not any(name == "Femke Kok" and rank for name, _, _, rank in found)


def test_she_then_place_after_a_mass_start_aside() -> None:
    text = (
        "Irene Schouten won de 3000 meter. Op de massastart was Ragne Wiklund vorig jaar nog de "
        "beste. Wiklund was met 3.59,84 langzamer dan Schouten. Ze werd vijfde."
    )
    assert ("Ragne Wiklund", "3000m", "3:59.84", 5) in results(text)


def test_a_place_on_another_distance_is_another_race() -> None:
    text = "Femke Kok reed de 500 meter in 37,02. Op de 1000 meter werd ze tweede."
    found = results(text)
    assert ("Femke Kok", "500m", "37.02", None) in found
    assert ("Femke Kok", "1000m", None, 2) in found


def test_a_place_in_the_standings_is_not_the_times_place() -> None:
    text = (
        "Patrick Roest reed op de 10.000 meter 12.55,42. Daarmee werd hij derde in het "
        "eindklassement van het WK allround."
    )
    found = results(text)
    assert ("Patrick Roest", "10000m", "12:55.42", 3) not in found


def test_a_place_of_last_year_is_another_race() -> None:
    text = "Femke Kok reed op de 500 meter 37,02. Vorig jaar werd ze daar tweede."
    assert ("Femke Kok", "500m", "37.02", 2) not in results(text)


def test_a_count_in_the_next_sentence_is_no_place() -> None:
    text = "Femke Kok reed op de 500 meter 37,02. Dat was haar vierde tijd ooit."
    assert ("Femke Kok", "500m", "37.02", None) in results(text)
    assert not any(rank == 4 for *_, rank in results(text))


def test_that_time_is_the_timed_skaters_not_the_rival_named_last() -> None:
    text = (
        "Op de 500 meter won Jutta Leerdam. Femke Kok reed 37,02, sneller dan Erin Jackson. "
        "Die tijd was goed voor de tweede plaats."
    )
    found = results(text)
    assert ("Femke Kok", "500m", "37.02", 2) in found
    assert ("Erin Jackson", "500m", None, 2) not in found


def test_a_place_after_a_rivals_time_is_not_the_rivals() -> None:
    text = (
        "Op de 500 meter won Erin Jackson. Femke Kok bleef boven de tijd van Jutta Leerdam "
        "(37,02). Dat was goed voor de derde plaats."
    )
    assert ("Jutta Leerdam", "500m", "37.02", 3) not in results(text)


def test_a_place_two_sentences_on_is_not_joined() -> None:
    text = (
        "Femke Kok reed op de 500 meter 37,02. Jutta Leerdam was ziek. Dat was goed voor de "
        "zesde plaats."
    )
    assert ("Femke Kok", "500m", "37.02", 6) not in results(text)
