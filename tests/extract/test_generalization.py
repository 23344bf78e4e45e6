"""Classes of error found on articles the rules had never seen (tests/extract/cases_unseen),
each pinned with our own sentences, different from those articles: a fix for the class, not
for one text (issue 11)."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from tests.extract.test_record_shapes import records

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def results(text: str) -> set[tuple[str, str, str | None, int | None]]:
    facts = extract_all(text, DATE, REGISTRY)
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts.results}


# -- almost a record is no record ----------------------------------------------------------------


def test_nearly_good_for_a_record_sets_none():
    text = (
        "HAMAR - Femke Kok was bij de World Cup in Hamar bijna goed voor een baanrecord op de "
        "500 meter. Ze won in 37,12."
    )
    assert ("Femke Kok", "500m", "37.12", 1) in results(text)
    assert not any(status == "set" for _, status, *_ in records(text))


def test_within_a_margin_of_the_record_sets_none():
    text = (
        "CALGARY - Joy Beune came within three tenths of a second of the 3000 metres world "
        "record at the World Cup on Friday, winning in 3:53.10."
    )
    assert ("Joy Beune", "3000m", "3:53.10", 1) in results(text)
    assert not any(status == "set" for _, status, *_ in records(text))


# -- a rink is no skater ---------------------------------------------------------------------


def test_a_rink_named_before_an_unknown_skater_gets_no_result():
    text = (
        "DEVENTER - Op de Kunstijsbaan Deventer heeft Jorik Tammeling zaterdag de 1500 meter "
        "gewonnen. Hij won in 1.49,02."
    )
    assert not any("ijsbaan" in athlete.casefold() for athlete, *_ in results(text))


# -- "won ... voor X en Y": who followed, not who won -------------------------------------------


def test_pronoun_winner_ahead_of_two_named_rivals():
    text = (
        "HEERENVEEN - Het NK sprint in Thialf. Bij de vrouwen was Suzanne Schulting de beste. "
        "Ze won het eindklassement voor Dione Voskamp en Angel Daleman."
    )
    found = results(text)
    assert ("Dione Voskamp", "sprint", None, 2) in found
    assert ("Angel Daleman", "sprint", None, 3) in found
    assert ("Dione Voskamp", "sprint", None, 1) not in found


def test_the_prize_handed_on_still_goes_to_the_name_after():
    text = "HEERENVEEN - World Cup. De zege op de 1000 meter was voor Jutta Leerdam."
    assert ("Jutta Leerdam", "1000m", None, 1) in results(text)


# -- a relative clause after a name and its country ---------------------------------------------


def test_relative_clause_after_country_apposition_owns_place_and_time():
    text = (
        "CALGARY - Jordan Stolz won the men's 1000m at the World Cup. He finished ahead of "
        "Tatsuya Shinhama of Japan, who was second in 1:06.71."
    )
    found = results(text)
    assert ("Tatsuya Shinhama", "1000m", "1:06.71", 2) in found
    assert not any(a == "Jordan Stolz" and rank == 2 for a, _, _, rank in found)


# -- who followed a win in the standings followed in the standings ---------------------------


def test_rivals_behind_an_overall_win_are_placed_in_the_classification():
    text = (
        "INZELL (ISU) - The European Allround Championships ended on Sunday. Marijke Groenewoud "
        "won the closing 5000m in 6:55.12. Joy Beune took the title overall ahead of Ragne "
        "Wiklund and Merel Conijn."
    )
    found = results(text)
    assert ("Ragne Wiklund", "allround", None, 2) in found
    assert ("Merel Conijn", "allround", None, 3) in found
    assert not any(a == "Ragne Wiklund" and d == "5000m" for a, d, _, _ in found)


def test_an_elliptic_place_after_one_in_the_standings_is_in_the_standings():
    text = (
        "HAMAR (ISU) - At the World Sprint Championships, Miho Takagi won the second 1000m in "
        "1:13.95. Erin Jackson finished second overall, with Norway's Julie Nistad Samsonsen "
        "third."
    )
    found = results(text)
    assert ("Julie Nistad Samsonsen", "sprint", None, 3) in found
    assert not any(a == "Julie Nistad Samsonsen" and d == "1000m" for a, d, _, _ in found)


# -- history inside news does not leak into this race -----------------------------------------


def test_an_earlier_second_place_does_not_make_the_rival_a_winner():
    text = (
        "CALGARY - World Cup 1000 meter. Jutta Leerdam, vorig jaar nog tweede op de WK, werd nu "
        "derde achter Miho Takagi."
    )
    found = results(text)
    assert not any(a == "Miho Takagi" and rank == 1 for a, _, _, rank in found)


def test_winning_all_races_of_a_season_is_no_result():
    text = (
        "STAVANGER - World Cup ploegenachtervolging. Vorig seizoen won de Canadese vrouwenploeg "
        "nog alle ploegenachtervolgingen. Japan won zondag in 2.57,30."
    )
    found = results(text)
    assert ("Japan", "team pursuit", "2:57.30", 1) in found
    assert not any(a == "Canada" for a, *_ in found)


def test_a_distance_in_a_rivals_relative_clause_is_not_the_places_race():
    text = (
        "HAMAR - Het WK allround. Twee jaar geleden werd Joy Beune hier tweede achter Ragne "
        "Wiklund, die toen ook de 5000 meter won."
    )
    assert not any(
        a == "Joy Beune" and d == "5000m" and rank == 2 for a, d, _, rank in results(text)
    )


# -- record status and holder -----------------------------------------------------------------


def test_a_record_that_still_stands_is_existing():
    text = (
        "HEERENVEEN - Sven Kramer won in 2010 zijn vierde titel. Het baanrecord van Kramer op "
        "de 10.000 meter, gereden in 2007, staat nog altijd."
    )
    assert ("track", "existing", "Sven Kramer", "10000m", None) in records(text)


def test_standing_as_a_new_record_is_set():
    text = (
        "CALGARY - Miho Takagi won the women's 1500m in 1:50.10. Takagi's time also stands as a "
        "new track record at the Olympic Oval."
    )
    assert ("track", "set", "Miho Takagi", "1500m", "1:50.10") in records(text)


def test_inverted_holder_of_a_national_record():
    text = (
        "HEERENVEEN - Na de NK afstanden. Op de 1500 meter houdt Kjeld Nuis nog altijd het "
        "Nederlands record: 1.40,17."
    )
    assert ("national", "existing", "Kjeld Nuis", "1500m", "1:40.17") in records(text)


def test_his_fastest_time_this_season_is_a_season_best():
    text = (
        "INZELL - World Cup. Thomas Krol won de 1000 meter in 1.07,70, zijn snelste tijd van "
        "dit seizoen."
    )
    assert ("season_best", "set", "Thomas Krol", "1000m", "1:07.70") in records(text)


# -- English wire shapes: races taken, countries' possessives, names like "Jorrit" -----------


def test_claiming_a_race_is_winning_it_and_possessive_rivals_follow():
    text = (
        "HEERENVEEN (AP) - At the World Cup, Joy Beune claimed the women's 3000m ahead of "
        "Norway's Ragne Wiklund and Canada's Isabelle Weidemann."
    )
    found = results(text)
    assert ("Joy Beune", "3000m", None, 1) in found
    assert ("Ragne Wiklund", "3000m", None, 2) in found
    assert ("Isabelle Weidemann", "3000m", None, 3) in found


def test_taking_a_race_lead_or_record_is_no_win():
    text = (
        "CALGARY - World Cup. Kjeld Nuis took the 1500m lead in the fourth pair, but Jordan "
        "Stolz won the race."
    )
    found = results(text)
    assert ("Jordan Stolz", "1500m", None, 1) in found
    assert not any(a == "Kjeld Nuis" and rank == 1 for a, _, _, rank in found)


def test_a_name_ending_in_rit_is_no_pairing():
    text = (
        "HAMAR - World Cup. Jorrit Bergsma won the 10,000m, outsprinting Gerrit Schuurman of "
        "the Netherlands and Italy's Davide Ghiotto."
    )
    found = results(text)
    assert ("Davide Ghiotto", "10000m", None, 3) in found


# -- names: a typo, not another person ---------------------------------------------------------


def test_a_korean_given_name_is_not_fuzzily_another_skaters():
    text = "BEIJING - World Cup. South Korea's Chung Jae-won was third in the mass start."
    names = {a.skater.name for a in extract_all(text, DATE, REGISTRY).athletes}
    assert "Chung Jae-woong" not in names


def test_a_typo_in_a_long_given_name_still_finds_the_skater():
    text = "HEERENVEEN - World Cup. Britanny Bowe won de 1000 meter in 1.13,80."
    assert ("Brittany Bowe", "1000m", "1:13.80", 1) in results(text)


def test_a_rinks_nickname_is_no_skater():
    text = "HAMAR - Sander Eitrem won the 5000m at the Viking Ship in 6:01.20."
    names = {a.skater.name for a in extract_all(text, DATE, REGISTRY).athletes}
    assert names == {"Sander Eitrem"}


# -- a title sentence moves the story to the classification ----------------------------------


def test_places_after_a_title_sentence_are_classification_places():
    text = (
        "HEERENVEEN - Het NK allround in Thialf. Op de 10.000 meter won Jorrit Bergsma in "
        "13.05,20. Bij de mannen pakte Patrick Roest de titel. Marcel Bosker werd tweede."
    )
    found = results(text)
    assert ("Marcel Bosker", "allround", None, 2) in found
    assert not any(a == "Marcel Bosker" and d == "10000m" for a, d, _, _ in found)


def test_nationalities_inside_a_list_kept_behind():
    text = (
        "MONTREAL - World Tour shorttrack. Op de 1500 meter won Suzanne Schulting. In de finale "
        "hield ze de Amerikaanse Kristen Santos-Griswold en de Canadese Courtney Sarault achter "
        "zich."
    )
    found = results(text)
    assert ("Kristen Santos-Griswold", "1500m", None, 2) in found
    assert ("Courtney Sarault", "1500m", None, 3) in found


# -- found on the second unseen batch ------------------------------------------------------------


def test_leading_after_some_distances_is_no_win_of_the_race():
    text = (
        "HAMAR - Het WK allround. Ragne Wiklund won na twee afstanden al ruim en reed op de "
        "3000 meter 3.58,40, goed voor de derde plaats op die afstand."
    )
    found = results(text)
    assert not any(a == "Ragne Wiklund" and d == "3000m" and rank == 1 for a, d, _, rank in found)


def test_a_teams_time_in_comma_notation_after_a_plural_verb():
    text = (
        "HEERENVEEN - World Cup ploegenachtervolging. De Noorse mannen wonnen. Sander Eitrem, "
        "Peder Kongshaug en Hallgeir Engebråten klokten 3,37,15."
    )
    assert ("Norway", "team pursuit", "3:37.15", 1) in results(text)


def test_the_skater_from_a_home_town_is_the_subject_before_not_the_rival():
    text = (
        "INZELL - World Cup 1000 meter. Kjeld Nuis reed in de laatste rit tegen de Noor Håvard "
        "Lorentzen. De schaatser uit Leiden zette een tijd van 1.07,95 op de klok. Lorentzen "
        "finishte in 1.08,40."
    )
    found = results(text)
    assert ("Kjeld Nuis", "1000m", "1:07.95", None) in found
    assert not any(a == "Håvard Lorentzen" and t == "1:07.95" for a, _, t, _ in found)


# -- a record set in an earlier season, told in today's news -----------------------------------


def test_a_record_a_rival_set_years_ago_is_existing_not_set():
    text = (
        "INZELL - World Cup 1500m. Miho Takagi, who set the track record of 1:51.40 here in "
        "2021, finished fourth in 1:53.80."
    )
    assert ("track", "existing", "Miho Takagi", "1500m", "1:51.40") in records(text)


def test_a_record_set_this_season_stays_set():
    text = (
        "INZELL - World Cup 1500m. Miho Takagi, who set the track record of 1:51.40 here in "
        "2026, finished fourth in 1:53.80."
    )
    assert ("track", "set", "Miho Takagi", "1500m", "1:51.40") in records(text)


# -- not a race's order: a season's lead, the fastest of one pair ----------------------------


def test_a_lead_in_the_season_standings_places_nobody():
    text = (
        "INZELL (AP) - Femke Kok won the 500m in 37.05. She now leads the World Cup standings "
        "by 40 points ahead of Erin Jackson."
    )
    found = results(text)
    assert ("Femke Kok", "500m", "37.05", 1) in found
    assert not any(a == "Erin Jackson" for a, *_ in found)


def test_the_fastest_of_an_early_pair_did_not_win():
    text = (
        "HAMAR - World Cup 1500 meter. Joy Beune was in de zesde rit de snelste, maar later "
        "reed Miho Takagi sneller."
    )
    assert not any(a == "Joy Beune" and rank == 1 for a, _, _, rank in results(text))


def test_the_fastest_ever_is_no_place():
    text = (
        "CALGARY - Jordan Stolz is de snelste man ooit op de 1000 meter: in Salt Lake City "
        "reed hij 1.05,37."
    )
    assert not any(rank == 1 for *_, rank in results(text))


# -- coaches and near misses -------------------------------------------------------------------


def test_a_coach_named_as_the_agent_of_coaching_is_no_skater():
    text = "INZELL (ISU) - Kimi Goetz, coached by Kip Carpenter, won the 1000m in 1:13.55."
    facts = extract_all(text, DATE, REGISTRY)
    assert {a.skater.name for a in facts.athletes} == {"Kimi Goetz"}
    assert ("Kimi Goetz", "1000m", "1:13.55", 1) in results(text)


def test_a_margin_to_the_world_record_is_no_record_of_the_skater():
    text = (
        "SALT LAKE CITY - World Cup 1500 meter. Met 1.50,80 kwam Miho Takagi tot op 0,7 "
        "seconde van het wereldrecord."
    )
    assert not any(status == "set" for _, status, *_ in records(text))


def test_a_record_held_in_a_relative_clause_is_existing_and_its_time_no_result():
    text = (
        "INZELL - World Cup 1000 meter. Jutta Leerdam, die het wereldrecord op de 1000 meter "
        "(1.11,61) in handen heeft, werd vijfde."
    )
    assert ("world", "existing", "Jutta Leerdam", "1000m", "1:11.61") in records(text)
    assert ("Jutta Leerdam", "1000m", None, 5) in results(text)
    assert not any(t == "1:11.61" for _, _, t, _ in results(text))


def test_a_record_from_last_season_not_in_danger_is_existing():
    text = (
        "HAMAR (NTB) - Ragne Wiklund's track record of 3:55.20 from last season was not in "
        "danger as she won the 3000m in 3:58.40."
    )
    assert ("track", "existing", "Ragne Wiklund", "3000m", "3:55.20") in records(text)


def test_a_world_record_for_lowland_rinks_is_other():
    text = "HEERENVEEN - De 1.43,90 van Kjeld Nuis is een wereldrecord voor laaglandbanen."
    assert ("other", "set", "Kjeld Nuis", "1500m", "1:43.90") in records(text)


def test_an_as_clause_ends_the_reach_of_a_negation_and_of_last_season():
    text = (
        "HAMAR (NTB) - Miho Takagi's track record of 1:52.80 from last season was not in "
        "danger as she won the 1500m in 1:54.30."
    )
    facts = extract_all(text, DATE, REGISTRY)
    won = [r for r in facts.results if r.athlete == "Miho Takagi" and r.rank == 1]
    assert won and not won[0].earlier


def test_a_record_that_stayed_standing_is_existing():
    text = (
        "CALGARY - Miho Takagi won de 1500 meter. Het baanrecord van 1.50,40, dat zij in 2023 "
        "hier reed, bleef staan."
    )
    assert ("track", "existing", "Miho Takagi", "1500m", "1:50.40") in records(text)


def test_a_title_kept_at_a_championship_is_its_classification_not_the_race_named_after():
    text = (
        "HAMAR (ISU) - World Allround Championships. In the men's competition, Sander Eitrem "
        "retained his title after winning the 10,000m."
    )
    assert ("Sander Eitrem", "allround", None, 1) in results(text)


# -- a rink named for another stop of the tour does not move the story ------------------------


def test_a_rink_named_for_an_earlier_stop_keeps_the_story_where_it_is():
    text = (
        "HAMAR - World Cup 5000 meter. Davide Ghiotto werd tweede in 6.05,10. De Italiaan had "
        "een week eerder in Stavanger nog gewonnen. Patrick Roest pakte brons met 6.06,20."
    )
    facts = extract_all(text, DATE, REGISTRY)
    third = [r for r in facts.results if r.athlete == "Patrick Roest"]
    assert third and third[0].venue == "Hamar"


def test_the_short_track_world_tour_is_named_as_the_meet():
    text = (
        "MONTREAL (ISU) - Courtney Sarault won the women's 1000m at the Short Track World Tour "
        "in Montreal on Saturday."
    )
    facts = extract_all(text, DATE, REGISTRY)
    # The series, with the discipline that keeps it apart from long-track meets.
    assert [r.competition for r in facts.results] == ["World Tour shorttrack"]


def test_a_records_old_mark_in_colon_notation():
    text = (
        "CALGARY (ISU) - Joy Beune won the 1500m in 1:51.80, breaking the previous track "
        "record of 1:52:40 held by Miho Takagi."
    )
    assert ("track", "broken", "Miho Takagi", "1500m", "1:52.40") in records(text)
