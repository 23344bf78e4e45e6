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


# -- "the women's 1500m went to X", "ging de 1000 meter naar X": a race handed to its winner ---


def test_an_individual_race_went_to_its_winner():
    text = (
        "CALGARY - The women's 1500m at the World Cup in Calgary went to Miho Takagi in "
        "1:51.20. Joy Beune was the runner-up."
    )
    found = results(text)
    assert ("Miho Takagi", "1500m", "1:51.20", 1) in found
    assert ("Joy Beune", "1500m", None, 2) in found


def test_a_dutch_race_ging_naar_its_winner_verb_first_or_last():
    first = (
        "HEERENVEEN - Bij de World Cup in Heerenveen ging de 1000 meter naar Jenning de Boo "
        "in 1.07,40."
    )
    last = "HEERENVEEN - De 1500 meter bij de World Cup in Heerenveen ging naar Joy Beune."
    assert ("Jenning de Boo", "1000m", "1:07.40", 1) in results(first)
    assert ("Joy Beune", "1500m", None, 1) in results(last)


def test_a_race_that_went_wrong_is_handed_to_no_one():
    dutch = (
        "HEERENVEEN - Bij de World Cup in Heerenveen ging de 1500 meter naar de knoppen voor "
        "Joy Beune, die slechts negende werd."
    )
    english = (
        "CALGARY - At the World Cup in Calgary the 500m went to plan for Femke Kok, who "
        "finished second in 36.99."
    )
    travel = (
        "HEERENVEEN - Joy Beune reed de 1500 meter en ging na afloop naar Heerenveen, waar de "
        "World Cup verder gaat."
    )
    assert ("Joy Beune", "1500m", None, 9) in results(dutch)
    assert ("Joy Beune", "1500m", None, 1) not in results(dutch)
    assert ("Femke Kok", "500m", "36.99", 2) in results(english)
    assert not results(travel)


# -- a results list run into one paragraph, items closed by ";" or "." --------------------------


def test_a_results_list_with_semicolons_gives_each_line_its_place():
    for country in ("", " NED", " (NED)"):
        text = (
            f"CALGARY - Results women's 3000m: 1. Joy Beune{country} 3:55.10; 2. Ragne Wiklund "
            "3:55.52; 3. Isabelle Weidemann 3:56.01."
        )
        found = results(text)
        assert ("Joy Beune", "3000m", "3:55.10", 1) in found, country
        assert ("Ragne Wiklund", "3000m", "3:55.52", 2) in found, country
        assert ("Isabelle Weidemann", "3000m", "3:56.01", 3) in found, country


def test_a_dutch_results_list_with_commas_and_a_closing_full_stop():
    text = (
        "HEERENVEEN - Uitslag 500 meter vrouwen: 1. Femke Kok 36,88, 2. Jutta Leerdam 37,01, "
        "3. Erin Jackson 37,10."
    )
    assert ("Erin Jackson", "500m", "37.10", 3) in results(text)


def test_a_numbered_day_in_prose_is_no_place():
    text = "HEERENVEEN - Femke Kok reed op 2. Kerstdag 37,40 op de 500 meter."
    assert all(rank is None for *_, rank in results(text))


# -- "was fastest in the 1000m", "topped the 500m podium": English ways to say who won ----------


def test_fastest_in_the_race_is_a_win():
    found = results(
        "CALGARY - At the World Cup in Calgary Jordan Stolz was fastest in the 1000m, "
        "clocking 1:06.01."
    )
    assert ("Jordan Stolz", "1000m", "1:06.01", 1) in found
    found = results(
        "CALGARY - At the World Cup in Calgary Joy Beune was the fastest of the day in the "
        "3000m in 3:55.10."
    )
    assert ("Joy Beune", "3000m", "3:55.10", 1) in found


def test_topped_the_podium_is_a_win_and_who_was_behind_second():
    found = results(
        "CALGARY - At the World Cup in Calgary, Femke Kok topped the 500m podium in 36.88, "
        "ahead of Erin Jackson."
    )
    assert ("Femke Kok", "500m", "36.88", 1) in found
    assert ("Erin Jackson", "500m", None, 2) in found


def test_fastest_over_part_of_a_race_or_a_season_is_no_win():
    opening = results(
        "CALGARY - At the World Cup in Calgary Jordan Stolz was fastest in the 400m opening of "
        "the 1000m but finished fourth in 1:07.01."
    )
    standings = results(
        "CALGARY - Femke Kok topped the World Cup standings in the 500m after the races in Calgary."
    )
    assert opening == {("Jordan Stolz", "1000m", "1:07.01", 4)}
    assert not standings


# -- Dutch places and wins in other words: "op plek drie", "niet te verslaan", "beslag op" ------


def test_place_noun_before_the_number():
    for phrase, rank in (("op plek drie", 3), ("op plaats 4", 4), ("op positie twee", 2)):
        text = (
            f"HEERENVEEN - Bij de World Cup in Heerenveen eindigde Jutta Leerdam op de 1000 "
            f"meter {phrase} met 1.13,40."
        )
        assert ("Jutta Leerdam", "1000m", "1:13.40", rank) in results(text), phrase


def test_a_place_number_with_thousands_is_no_place():
    text = (
        "HEERENVEEN - Bij de World Cup in Heerenveen reed Jutta Leerdam op de 1000 meter "
        "1.13,40. Op plaats 1.000 van de ranglijst stond niemand."
    )
    assert ("Jutta Leerdam", "1000m", "1:13.40", None) in results(text)


def test_unbeatable_is_a_win_unless_it_only_seemed_so():
    won = results(
        "HEERENVEEN - Bij de World Cup in Heerenveen was Femke Kok op de 500 meter niet te "
        "verslaan. Ze klokte 36,88."
    )
    seemed = results(
        "HEERENVEEN - Bij de World Cup in Heerenveen leek Femke Kok op de 500 meter niet te "
        "verslaan, maar Jutta Leerdam won in 36,80."
    )
    assert ("Femke Kok", "500m", "36.88", 1) in won
    assert ("Jutta Leerdam", "500m", "36.80", 1) in seemed
    assert not any(name == "Femke Kok" and rank == 1 for name, _, _, rank in seemed)


def test_beslag_leggen_op_the_race_is_a_win_on_a_place_is_that_place():
    won = results(
        "HEERENVEEN - Femke Kok legde bij de World Cup in Heerenveen beslag op de 500 meter. "
        "Jutta Leerdam werd tweede."
    )
    second = results(
        "HEERENVEEN - Bij de World Cup in Heerenveen legde Femke Kok beslag op de tweede "
        "plaats op de 500 meter."
    )
    assert ("Femke Kok", "500m", None, 1) in won
    assert ("Jutta Leerdam", "500m", None, 2) in won
    assert second == {("Femke Kok", "500m", None, 2)}


def test_points_for_second_in_a_mass_start():
    text = (
        "CALGARY - At the World Cup in Calgary the mass start was won by Marijke Groenewoud, "
        "who collected 60 points. Ivanie Blondin took 40 points for second."
    )
    found = results(text)
    assert ("Marijke Groenewoud", "mass start", None, 1) in found
    assert ("Ivanie Blondin", "mass start", None, 2) in found


# -- "finished third this time": this race's place, not a count of times ------------------------


def test_a_place_this_time_after_a_win_another_year():
    english = results(
        "CALGARY - Jordan Stolz, who won the 1000m at last year's World Cup in Calgary, "
        "finished third this time in 1:06.80."
    )
    dutch = results(
        "HEERENVEEN - Femke Kok won vorig jaar de 500 meter bij de World Cup in Heerenveen. Ze "
        "werd tweede deze keer, in 37,01."
    )
    assert ("Jordan Stolz", "1000m", "1:06.80", 3) in english
    assert ("Femke Kok", "500m", "37.01", 2) in dutch


def test_a_third_time_is_still_a_count():
    text = "CALGARY - Jordan Stolz won the 1000m at the World Cup in Calgary for a third time."
    assert results(text) == {("Jordan Stolz", "1000m", None, 1)}


# -- a team race's final: the team the winner beat there was second -----------------------------


def test_the_team_beaten_in_the_final_was_second():
    english = results(
        "MILAN - Canada won the women's team pursuit at the Olympics in Milan. The trio "
        "defeated the Netherlands in the final. The Netherlands finished in 2:56.77."
    )
    dutch = results(
        "HEERENVEEN - Japan won de ploegenachtervolging bij de vrouwen bij de World Cup in "
        "Heerenveen. Ze versloegen Nederland in de finale."
    )
    assert ("Netherlands", "team pursuit", "2:56.77", 2) in english
    assert ("Netherlands", "team pursuit", None, 2) in dutch


def test_a_semifinal_or_a_bronze_final_gives_no_second_place():
    semifinal = results(
        "MILAN - Canada won the women's team pursuit at the Olympics in Milan. In the semifinal "
        "the trio defeated the United States."
    )
    bronze = results(
        "MILAN - Canada won the women's team pursuit at the Olympics in Milan. Italy defeated "
        "Japan in the final for bronze."
    )
    assert not any(rank == 2 for *_, rank in semifinal)
    assert not any(athlete == "Japan" and rank == 2 for athlete, *_, rank in bronze)


# -- near misses found while probing: a standing, a ranking, a forecast is no place -------------


def test_a_season_standing_is_no_place():
    for text in (
        "HEERENVEEN - Jutta Leerdam staat in de wereldbeker op de derde plaats op de 1000 meter.",
        "HEERENVEEN - In het wereldbekerklassement op de 1000 meter staat Jutta Leerdam derde.",
        "CALGARY - Jordan Stolz is ranked second in the World Cup 1000m standings.",
    ):
        assert not results(text), text


def test_a_place_in_the_race_beside_a_standing_stays():
    text = (
        "HEERENVEEN - Femke Kok werd bij de World Cup in Heerenveen tweede op de 500 meter, "
        "waardoor ze in het wereldbekerklassement de leiding pakte."
    )
    assert ("Femke Kok", "500m", None, 2) in results(text)
    podium = "HEERENVEEN - Bij de World Cup in Heerenveen stond Femke Kok op de 500 meter als "
    assert ("Femke Kok", "500m", None, 2) in results(podium + "tweede op het podium.")


def test_a_ranking_of_skaters_or_of_the_seasons_times_is_no_place():
    world = "HEERENVEEN - Femke Kok is de huidige nummer één van de wereld op de 500 meter."
    season = (
        "HEERENVEEN - Bij de World Cup in Heerenveen reed Jutta Leerdam op de 1000 meter "
        "1.13,40, goed voor de derde tijd van het seizoen."
    )
    assert not results(world)
    assert results(season) == {("Jutta Leerdam", "1000m", "1:13.40", None)}


def test_a_forecast_is_no_win_but_going_on_to_win_is():
    for text in (
        "CALGARY - Stolz is the favourite to win the 1000m at the World Cup in Calgary on "
        "Saturday.",
        "CALGARY - Stolz is expected to win the 1000m at the World Cup in Calgary on Saturday.",
    ):
        assert not results(text), text
    won = (
        "CALGARY - Stolz went on to win the 1000m at the World Cup in Calgary on Saturday in "
        "1:06.10."
    )
    assert ("Jordan Stolz", "1000m", "1:06.10", 1) in results(won)


# -- a medal handed on after its race and meet: "Het zilver op de 1000 meter bij ... was voor X" --


def test_a_medal_handed_on_after_its_race_and_meet():
    dutch = results(
        "HEERENVEEN - De zilveren medaille op de 1000 meter bij de World Cup in Heerenveen was "
        "voor Jutta Leerdam, het brons voor Miho Takagi."
    )
    english = results(
        "CALGARY - The silver medal in the women's 1000m at the World Cup in Calgary went to "
        "Jutta Leerdam."
    )
    assert ("Jutta Leerdam", "1000m", None, 2) in dutch
    assert ("Miho Takagi", "1000m", None, 3) in dutch
    assert ("Jutta Leerdam", "1000m", None, 2) in english


def test_a_medal_of_one_clause_is_not_handed_to_the_next():
    text = (
        "HEERENVEEN - Jutta Leerdam pakte zilver op de 1000 meter bij de World Cup in "
        "Heerenveen en de winst was voor Miho Takagi."
    )
    assert results(text) == {
        ("Jutta Leerdam", "1000m", None, 2),
        ("Miho Takagi", "1000m", None, 1),
    }


# -- "A and B rounded out the podium": second and third as named --------------------------------


def test_a_pair_that_completed_the_podium_is_second_and_third():
    english = results(
        "CALGARY - Femke Kok won the 500m at the World Cup in Calgary. Erin Jackson (37.01) and "
        "Kim Min-sun (37.20) rounded out the podium."
    )
    dutch = results(
        "HEERENVEEN - Femke Kok won de 500 meter bij de World Cup in Heerenveen. Jutta Leerdam "
        "en Erin Jackson completeerden het podium."
    )
    assert ("Erin Jackson", "500m", "37.01", 2) in english
    assert ("Kim Min-sun", "500m", "37.20", 3) in english
    assert ("Jutta Leerdam", "500m", None, 2) in dutch
    assert ("Erin Jackson", "500m", None, 3) in dutch


def test_a_pair_named_against_its_times_or_a_longer_list_gets_no_second():
    reversed_times = results(
        "CALGARY - Femke Kok won the 500m at the World Cup in Calgary. Erin Jackson (37.20) and "
        "Kim Min-sun (37.01) rounded out the podium."
    )
    top_four = results(
        "CALGARY - Femke Kok won the 500m at the World Cup in Calgary. Jutta Leerdam, Erin "
        "Jackson and Kim Min-sun rounded out the top four."
    )
    assert not any(rank == 2 for *_, rank in reversed_times)
    assert not any(rank == 2 for *_, rank in top_four)
