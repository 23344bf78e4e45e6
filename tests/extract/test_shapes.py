"""Sentence shapes, names and notations that decide whose time or place it is (issue 11,
classes 6, 9 and 10). Our own invented sentences, Dutch and English, positive and negative."""

import datetime as dt

import pytest

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.times import find_times

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    facts = extract_all(text, DATE, REGISTRY)
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts.results}


def athletes(text: str) -> set[str]:
    return {a.skater.name for a in extract_all(text, DATE, REGISTRY).athletes}


def seconds(text: str) -> list[float]:
    return [t.seconds for t in find_times(text) if t.kind == "result"]


# -- class 6: sentence shapes -----------------------------------------------------------------


def test_numbered_result_lines_give_place_and_time():
    text = (
        "Uitslag 1500 meter mannen\n\n"
        "1. Jordan Stolz (VS) - 1.42,31\n\n"
        "2. Kjeld Nuis - 1.43,02\n\n"
        "3. Peder Kongshaug (NOR) 1.43,40\n"
    )
    found = results(text)
    assert ("Jordan Stolz", "1500m", "1:42.31", 1) in found
    assert ("Kjeld Nuis", "1500m", "1:43.02", 2) in found
    assert ("Peder Kongshaug", "1500m", "1:43.40", 3) in found


def test_numbered_lines_in_english_with_brackets():
    text = "Men's 500m:\n1. Jenning de Boo (NED) 34.21\n2. Jordan Stolz (USA) 34.30\n"
    found = results(text)
    assert ("Jenning de Boo", "500m", "34.21", 1) in found
    assert ("Jordan Stolz", "500m", "34.30", 2) in found


def test_number_before_a_name_in_prose_is_no_place():
    # The line says more than name and time: not a results line.
    text = "Op de 1000 meter: 2. Kjeld Nuis reed 1.08,30 en werd daarmee knap vijfde."
    assert ("Kjeld Nuis", "1000m", "1:08.30", 2) not in results(text)


def test_numbered_line_without_time_gives_no_place():
    text = "Programma 1000 meter\n1. Kjeld Nuis\n2. Thomas Krol\n"
    assert not any(rank == 2 for *_, rank in results(text))


def test_compared_pair_of_times_dutch():
    text = "Op de 1000 meter rekende Joep Wennemars af met Tim Prins: 1.07,17 om 1.07,42."
    found = results(text)
    assert ("Joep Wennemars", "1000m", "1:07.17", None) in found
    assert ("Tim Prins", "1000m", "1:07.42", None) in found


def test_compared_pair_of_times_after_a_relative_clause():
    text = (
        "Femke Kok was op de 500 meter sneller dan Jutta Leerdam, die zilver pakte: 36,90 om 37,12."
    )
    found = {(name, time) for name, _, time, _ in results(text)}
    assert found == {("Femke Kok", "36.90"), ("Jutta Leerdam", "37.12")}


def test_compared_pair_in_english():
    text = "In the 500m Erin Jackson beat Kimi Goetz 36.95 to 37.20."
    found = {(name, time) for name, _, time, _ in results(text)}
    assert found == {("Erin Jackson", "36.95"), ("Kimi Goetz", "37.20")}


def test_an_improvement_from_to_is_not_a_pair():
    text = "Erin Jackson improved her best in the 500m from 37.20 to 36.95, beating Kimi Goetz."
    assert ("Kimi Goetz", "500m", "37.20", None) not in results(text)


def test_a_lost_duel_pair_is_left_alone():
    text = "Op de 1000 meter verloor Tim Prins van Joep Wennemars: 1.07,17 om 1.07,42."
    found = results(text)
    assert ("Tim Prins", "1000m", "1:07.17", None) not in found
    assert ("Joep Wennemars", "1000m", "1:07.42", None) not in found


def test_relative_clause_name_is_not_the_subject_dutch():
    text = (
        "Op de 3000 meter won Irene Schouten. De Italiaanse Francesca Lollobrigida, die met "
        "Ragne Wiklund in de laatste rit reed, snelde naar het zilver in 3.59,02."
    )
    found = results(text)
    assert ("Francesca Lollobrigida", "3000m", "3:59.02", 2) in found
    assert not any(name == "Ragne Wiklund" for name, *_ in found)


def test_relative_clause_name_is_not_the_subject_english():
    text = (
        "In the 1500m, Miho Takagi, who shared the final pair with Joy Beune, took silver in "
        "1:53.10."
    )
    found = results(text)
    assert ("Miho Takagi", "1500m", "1:53.10", 2) in found
    assert not any(name == "Joy Beune" for name, *_ in found)


def test_apposition_with_relative_time():
    text = "In the women's 500m, Kim Min-sun of South Korea, who clocked 37.44, took silver."
    assert ("Kim Min-sun", "500m", "37.44", 2) in results(text)


def test_medal_handed_on_with_its_time():
    text = "Op de 500 meter won Femke Kok. Het brons was met een tijd van 37,81 voor Kimi Goetz."
    assert ("Kimi Goetz", "500m", "37.81", 3) in results(text)


def test_medal_after_a_conjunction_is_not_the_earlier_place():
    text = (
        "Jutta Leerdam eindigde op de 1000 meter als tweede in 1.14,12 en het brons was "
        "voor Kok, die 1.14,35 reed."
    )
    found = results(text)
    assert ("Jutta Leerdam", "1000m", "1:14.12", 2) in found
    assert ("Femke Kok", "1000m", "1:14.35", 3) in found


def test_won_before_a_time_and_voor_is_not_handed_on():
    text = "Op de 1500 meter won Kjeld Nuis in 1.43,50, voor de Noor Peder Kongshaug (2de)."
    found = results(text)
    assert ("Kjeld Nuis", "1500m", "1:43.50", 1) in found
    assert ("Peder Kongshaug", "1500m", None, 1) not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jordan Stolz won the 1500m in 1:42.10. Kjeld Nuis finished second in 1:44.10.",
            ("Kjeld Nuis", "1500m", "1:44.10", 2),
        ),
        (
            "Joep Wennemars won the 1000m, clocking 1:05.37 to win.",
            ("Joep Wennemars", "1000m", "1:05.37", 1),
        ),
        (
            "In the 5000m Norway's Sander Eitrem took bronze in 6:05.32.",
            ("Sander Eitrem", "5000m", "6:05.32", 3),
        ),
        (
            "Davide Ghiotto skated three minutes and 40.12 seconds in the 3000m.",
            ("Davide Ghiotto", "3000m", "3:40.12", None),
        ),
        (
            "In the 1000m Brittany Bowe (1:13.60) edged Miho Takagi (1:13.94). The American "
            "took gold, Takagi settled for silver.",
            ("Miho Takagi", "1000m", "1:13.94", 2),
        ),
        (
            "Joep Wennemars won the 1000m. Jenning de Boo was second, 0.21 seconds back.",
            ("Jenning de Boo", "1000m", None, 2),
        ),
    ],
)
def test_english_result_shapes(text: str, expected: tuple[str, str, str | None, int | None]):
    assert expected in results(text)


# -- class 9: names ---------------------------------------------------------------------------


def test_title_before_a_name_is_not_part_of_it():
    found = athletes("Titelverdediger Marwin Talsma werd derde op de 5000 meter.")
    assert "Marwin Talsma" in found
    assert not any("itelverdediger" in name for name in found)


def test_nationality_noor_before_a_name_is_not_part_of_it():
    text = "Op de 1000 meter werd de Noor Simen Spieler Nilsen tweede."
    assert ("Simen Spieler Nilsen", "1000m", None, 2) in results(text)


def test_noor_as_a_given_name_stays():
    assert "Noor Visscher" in athletes("Noor Visscher werd derde op de 1500 meter.")


def test_registry_east_asian_name_family_first():
    assert ("Ning Zhongyan", "1500m", "1:43.20", 1) in results(
        "Zhongyan Ning won the 1500m in 1:43.20."
    )


def test_unknown_korean_name_family_first():
    found = athletes("Min-Sun Kim was second in the 500m in 37.50. Kim was happy.")
    assert "Kim Min-sun" in found
    assert "Min-Sun Kim" not in found


def test_western_hyphenated_name_kept():
    assert "Anna-Lena Müller" in athletes("Anna-Lena Müller won the 500m in 38.10.")


# -- class 10: notation -----------------------------------------------------------------------


@pytest.mark.parametrize("written", ["1,54.00", "1,54,00", "1.54.00", "1:54:00"])
def test_unusual_notations_are_times_for_a_named_distance(written: str):
    text = f"Op de 1500 meter won Joy Beune in {written}."
    assert ("Joy Beune", "1500m", "1:54.00", 1) in results(text)


def test_unusual_notation_needs_a_time_cue():
    assert seconds("Het toernooi op 1.12.24 was druk, zei Joy Beune na de 1500 meter.") == []
    assert seconds("De ploeg vertrok om 14:30:00 naar de 500 meter.") == []


def test_unusual_notation_needs_a_named_distance():
    assert results("Joy Beune won in 1.54.00.") == {("Joy Beune", "1500m", None, 1)} or not any(
        time for _, _, time, _ in results("Joy Beune won in 1.54.00.")
    )


def test_thousandths():
    assert seconds("Kim Boutin won the 500m in 42.568.") == [42.568]
    assert seconds("Ted-Jan Bloemen reed op de 5000 meter 6.11,616.") == [371.616]
    assert seconds("Er kwamen 34.540 toeschouwers naar de 500 meter.") == []
    found = results("Russia's Pavel Kulizhnikov was second in the 500m in 34.540.")
    assert ("Pavel Kulizhnikov", "500m", "34.54", 2) in found


def test_bare_english_distance_before_a_clause_word():
    text = (
        "Kristen Santos-Griswold led the 500 all the way and won in 42.95. Danae Blais grabbed "
        "silver in the 1,000 while the relay squad took bronze."
    )
    found = results(text)
    assert ("Kristen Santos-Griswold", "500m", "42.95", 1) in found
    assert ("Danae Blais", "1000m", None, 2) in found


def test_edging_a_rival_makes_the_rival_runner_up():
    text = (
        "Erin Jackson won the 500m on Sunday. Jackson clocked 37.78 seconds, edging "
        "Dutchwoman Dione Voskamp by six hundredths."
    )
    found = results(text)
    assert ("Erin Jackson", "500m", "37.78", 1) in found
    assert ("Dione Voskamp", "500m", None, 2) in found


def test_edging_by_a_non_winner_ranks_nobody():
    found = results("In the 500m Erin Jackson finished fourth, edging Dione Voskamp.")
    assert not any(name == "Dione Voskamp" for name, *_ in found)


def test_conjunction_ends_a_governing_phrase():
    text = (
        "Op de 5000 meter ging de zege naar Davide Ghiotto. Beau Snellink zat er met 6.14,52 "
        "dicht achter en Jorrit Bergsma werd elfde met 6.16,03."
    )
    found = results(text)
    assert ("Jorrit Bergsma", "5000m", "6:16.03", 11) in found
    assert ("Beau Snellink", "5000m", "6:14.52", None) in found


def test_second_verb_after_en_shares_the_subject_for_times():
    text = (
        "De 1000 meter werd gewonnen door Jenning de Boo. Joep Wennemars gaf 0,23 seconde toe "
        "op De Boo en eindigde met 1.08,15 op de tweede plek."
    )
    found = results(text)
    assert ("Joep Wennemars", "1000m", "1:08.15", 2) in found
    assert ("Jenning de Boo", "1000m", "1:08.15", 1) not in found


def test_aside_after_a_name_names_another_race():
    text = (
        "Op de 1000 meter was Jenning de Boo de snelste. Tim Prins, zaterdag al winnaar van "
        "de 500 meter, eindigde met een tijd van 1.08,92 op de zesde plek."
    )
    found = results(text)
    assert ("Tim Prins", "1000m", "1:08.92", 6) in found
    assert ("Tim Prins", "1000m", "1:08.92", 1) not in found
    assert ("Tim Prins", "500m", None, 1) in found


def test_english_relative_aside_place_is_not_the_time_place():
    text = (
        "In the men's 500m, Tatsuya Shinhama, who finished second in the 1500m on Friday, "
        "won in 34.69."
    )
    found = results(text)
    assert ("Tatsuya Shinhama", "500m", "34.69", 1) in found
    assert ("Tatsuya Shinhama", "500m", "34.69", 2) not in found


def test_completing_the_podium_is_third():
    text = "Op de 500 meter won Femke Kok. Olga Fatkulina (36,93) completeerde het podium."
    assert ("Olga Fatkulina", "500m", "36.93", 3) in results(text)


def test_statements_of_an_unknown_skater_merge_when_one_lacks_gender():
    text = (
        "Op de 5000 meter bij de mannen reed Pieter Zwartveld 6.14,75. Later op de dag: Pieter "
        "Zwartveld eindigde op de 5000 meter op de zevende plek."
    )
    found = [
        r for r in extract_all(text, DATE, REGISTRY).results if r.athlete == "Pieter Zwartveld"
    ]
    assert len(found) == 1
    assert (found[0].seconds, found[0].rank, found[0].gender) == (374.75, 7, "men")


def test_name_in_a_bracketed_remark_is_not_the_subject():
    text = (
        "Op de 3000 meter won Irene Schouten. Claudia Pechstein reed 4.17,16, ver boven haar "
        "(door Schouten verbroken) olympisch record, en eindigde ze als twintigste."
    )
    found = results(text)
    assert ("Irene Schouten", "3000m", None, 20) not in found
    assert ("Claudia Pechstein", "3000m", "4:17.16", 20) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Op de 500 meter won Femke Kok. Kimi Goetz, die 37,44 klokte, werd tweede.",
            ("Kimi Goetz", "500m", "37.44", 2),
        ),
        (
            "Op de 1000 meter versloeg Brittany Bowe (1.13,60) Jutta Leerdam. Leerdam eindigde "
            "in 1.13,94 als tweede.",
            ("Jutta Leerdam", "1000m", "1:13.94", 2),
        ),
        (
            "Op de 1000 meter won Brittany Bowe. Het brons ging naar Femke Kok, die een "
            "persoonlijk record reed: 1.14,07.",
            ("Femke Kok", "1000m", "1:14.07", 3),
        ),
        (
            "Jordan Stolz won the 500m. Jenning de Boo of the Netherlands, who clocked 34.10, "
            "took silver, and Laurent Dubreuil, finishing third in 34.22, took bronze.",
            ("Laurent Dubreuil", "500m", "34.22", 3),
        ),
        (
            "In the 1500m Miho Takagi clocked 1:53.10 to win, with Joy Beune second in 1:53.50.",
            ("Joy Beune", "1500m", "1:53.50", 2),
        ),
    ],
)
def test_more_result_shapes(text: str, expected: tuple[str, str, str | None, int | None]):
    assert expected in results(text)


def test_relative_clause_after_a_bracketed_time():
    text = (
        "Op de 3000 meter won Irene Schouten. Ragne Wiklund snelde naar zilver in 3.58,06 voor "
        "de Canadese Isabelle Weidemann (3.58,64; +1,71), die het brons veroverde."
    )
    found = results(text)
    assert ("Isabelle Weidemann", "3000m", "3:58.64", 3) in found
    assert ("Ragne Wiklund", "3000m", "3:58.06", 2) in found


def test_place_on_another_distance_is_not_the_time_place():
    text = (
        "Jordan Stolz eindigde zaterdag als derde op de 500 meter en schaatste vervolgens "
        "de 5000 meter in 6.21,30."
    )
    found = results(text)
    assert ("Jordan Stolz", "5000m", "6:21.30", None) in found
    assert ("Jordan Stolz", "500m", None, 3) in found
    assert ("Jordan Stolz", "5000m", "6:21.30", 3) not in found


def test_place_on_the_same_distance_goes_with_the_time():
    text = "Jordan Stolz werd derde op de 1500 meter in 1.44,10."
    assert ("Jordan Stolz", "1500m", "1:44.10", 3) in results(text)


def test_voor_after_a_subject_is_ahead_of_but_after_a_new_clause_for():
    ahead = results("Op de 500 meter won Femke Kok in 36,90 voor Jutta Leerdam.")
    assert ("Femke Kok", "500m", "36.90", 1) in ahead
    assert not any(name == "Jutta Leerdam" and time for name, _, time, _ in ahead)
    handed = results(
        "Erin Jackson nam op de 500 meter zilver mee (37,11) en het brons was met 37,25 "
        "voor Karolina Erbanova."
    )
    assert ("Karolína Erbanová", "500m", "37.25", 3) in handed


def test_medal_in_a_list_of_womens_distances():
    text = (
        "Isabelle Weidemann claimed a medal after taking silver in the women's 5,000 metres "
        "and 3,000 metres."
    )
    found = results(text)
    assert ("Isabelle Weidemann", "5000m", None, 2) in found
    assert ("Isabelle Weidemann", "3000m", None, 2) in found


def test_won_with_inverted_subject_governs_the_medal():
    text = "Op de massastart won Irene Schouten in de eindsprint brons, achter Marijke Groenewoud."
    found = results(text)
    assert ("Irene Schouten", "mass start", None, 3) in found
    assert ("Irene Schouten", "mass start", None, 1) not in found


def test_won_and_a_later_medal_in_another_clause_both_count():
    text = "Op de 1500 meter won Joy Beune en Femke Kok pakte brons."
    found = results(text)
    assert ("Joy Beune", "1500m", None, 1) in found
    assert ("Femke Kok", "1500m", None, 3) in found


def test_pair_with_the_rival_named_right_after():
    text = (
        "Op de 1500 meter reed Joy Beune in de laatste rit. Femke Kok finishte in 1.54,64 "
        "tegen 1.54,95 voor Beune."
    )
    found = results(text)
    assert ("Femke Kok", "1500m", "1:54.64", None) in found
    assert ("Joy Beune", "1500m", "1:54.95", None) in found


def test_pair_with_a_name_further_on_is_left_alone():
    text = "Op de 500 meter reed Femke Kok 37,02 tegen 37,30 vorig jaar, toen Jutta Leerdam won."
    assert not any(name == "Jutta Leerdam" and time for name, _, time, _ in results(text))


def test_a_list_of_names_is_not_an_aside():
    text = "Femke Kok, Jutta Leerdam en Erin Jackson reden de 500 meter, die Kok won in 37,02."
    assert ("Femke Kok", "500m", "37.02", 1) in results(text)


def test_numbered_lines_with_bare_codes_and_gaps():
    text = "Women's 1000m\n1. Miho Takagi JPN 1:13.10\n2. Jutta Leerdam NED 1:13.40 +0.30\n"
    found = results(text)
    assert ("Miho Takagi", "1000m", "1:13.10", 1) in found
    assert ("Jutta Leerdam", "1000m", "1:13.40", 2) in found


def test_an_age_is_not_an_old_mark():
    text = (
        "Jordan Stolz skated in the last pair of the 1000m. The 21-year-old took gold in 1:06.01."
    )
    assert ("Jordan Stolz", "1000m", "1:06.01", 1) in results(text)


def test_winner_ahead_of_a_list_with_bracketed_times():
    text = (
        "Jordan Stolz, 21, won the 1,000 metres in 1:06.21, ahead of Jenning de Boo (1:06.45) "
        "and Peder Kongshaug (1:06.80)."
    )
    found = results(text)
    assert ("Jenning de Boo", "1000m", "1:06.45", 2) in found
    assert ("Peder Kongshaug", "1000m", "1:06.80", 3) in found


def test_dutch_winner_voor_a_list():
    text = (
        "Winnaar op de 1500 meter werd Jordan Stolz in 1.41,33, voor Kjeld Nuis (1.42,80) en "
        "Peder Kongshaug (1.43,02)."
    )
    found = results(text)
    assert ("Kjeld Nuis", "1500m", "1:42.80", 2) in found
    assert ("Peder Kongshaug", "1500m", "1:43.02", 3) in found


def test_a_stated_place_keeps_its_slot_in_the_list():
    text = "Op de 1500 meter won Kjeld Nuis in 1.43,50, voor Joep Wennemars (2de) en Tim Prins."
    found = results(text)
    assert ("Joep Wennemars", "1500m", None, 2) in found
    assert ("Tim Prins", "1500m", None, 3) in found


def test_with_x_second_and_y_third():
    text = (
        "Japan's Miho Takagi won the women's 1,500 metres, with Joy Beune of the Netherlands "
        "second and Ragne Wiklund of Norway third."
    )
    found = results(text)
    assert ("Miho Takagi", "1500m", None, 1) in found
    assert ("Joy Beune", "1500m", None, 2) in found
    assert ("Ragne Wiklund", "1500m", None, 3) in found


def test_second_as_a_unit_is_no_place():
    text = "In the 500m Erin Jackson lost a second, Kimi Goetz was slower by a second."
    assert not any(rank == 2 for *_, rank in results(text))


def test_dutch_verb_final_clause_beats_its_names():
    text = (
        "Op de 3000 meter was de zege voor Joy Beune, die Ragne Wiklund (3.59,12) en "
        "Isabelle Weidemann (3.59,87) met een tijd van 3.58,40 voor bleef."
    )
    found = results(text)
    assert ("Joy Beune", "3000m", "3:58.40", 1) in found
    assert ("Ragne Wiklund", "3000m", "3:59.12", 2) in found
    assert ("Isabelle Weidemann", "3000m", "3:59.87", 3) in found


def test_verb_final_clause_of_a_non_winner_ranks_nobody():
    text = (
        "Op de 1000 meter werd Joep Wennemars tweede achter Jenning de Boo, die Tim Prins versloeg."
    )
    assert not any(name == "Tim Prins" and rank for name, _, _, rank in results(text))


def test_medal_of_a_named_race_handed_on():
    assert ("Femke Kok", "500m", None, 1) in results(
        "The gold in the women's 500m went to Femke Kok."
    )
    assert ("Femke Kok", "1000m", "1:14.07", 3) in results(
        "Het brons op de 1000 meter ging naar Femke Kok in 1.14,07."
    )


def test_medal_handed_on_by_a_relative_clause():
    text = "Op de 500 meter greep Jutta Leerdam naast het goud, dat naar Femke Kok ging."
    assert ("Femke Kok", "500m", None, 1) in results(text)


def test_role_in_apposition_before_a_name_is_no_skater():
    found = athletes("Her coach, Jac Orie, said Femke Kok won the 500m in 36.90.")
    assert "Jac Orie" not in found
    assert "Femke Kok" in found
    assert "Jillert Anema" not in athletes("Haar trainer, Jillert Anema, zag Kok winnen.")


def test_split_chinese_given_name_is_joined():
    found = athletes("China's Han Yu Tong won the 1,000 in 1:30.712. Han was delighted.")
    assert "Han Yutong" in found
    assert "Anna Maria Lin" in athletes("Anna Maria Lin won the 500m in 38.20.")
