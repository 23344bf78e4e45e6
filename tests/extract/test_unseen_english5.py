"""English race-report classes from the invented unseen batch u120-u135
(tests/extract/cases_unseen_en_records), pinned with sentences of their own (issue 11,
precision round): descriptions hung on a name that lent it another skater's or another
year's result."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from tests.extract.stated import REGISTRY, every_record, every_result

DATE = dt.date(2026, 3, 8)


def results(text: str) -> set[tuple]:
    return every_result(text, DATE)


def test_a_description_with_a_relative_clause_keeps_its_win_out_of_the_main_clause():
    text = (
        "HAMAR - Joy Beune won the women's 3000m at the World Championships on Sunday in "
        "4:00.35. Ragne Wiklund, the Norwegian who won this title in 2023, was fourth in 4:02.77."
    )
    found = results(text)
    assert ("Ragne Wiklund", "3000m", 242.77, 4) in found
    assert not any(a == "Ragne Wiklund" and rank == 1 for a, _, _, rank in found)


def test_a_description_without_a_time_keeps_the_main_clause_place():
    text = (
        "INZELL - Jordan Stolz, the American who took gold here in 2024, finished third in the "
        "men's 1000m on Saturday in 1:07.90."
    )
    found = results(text)
    assert ("Jordan Stolz", "1000m", 67.9, 3) in found
    assert not any(rank == 1 for *_, rank in found)


def test_a_possessive_in_an_apposition_is_not_the_one_who_raced():
    text = (
        "INZELL - Joy Beune won the women's 1500m on Sunday in 1:54.10. Antoinette "
        "Rijpma-de Jong, Beune's training partner, was third in 1:55.02."
    )
    found = results(text)
    assert ("Antoinette Rijpma-de Jong", "1500m", 115.02, 3) in found
    assert ("Joy Beune", "1500m", 114.1, 1) in found
    assert not any(a == "Joy Beune" and rank == 3 for a, _, _, rank in found)


def test_a_possessive_that_opens_the_sentence_still_owns_its_time():
    text = "HEERENVEEN - Femke Kok won the women's 500m on Friday. Kok's winning time was 36.80."
    found = results(text)
    assert any(a == "Femke Kok" and d == "500m" and rank == 1 for a, d, _, rank in found)


def test_a_headline_win_does_not_take_the_race_of_the_clause_after_it():
    text = (
        "Kok cruises to home win as Stolz stays perfect over 1500m\n\n"
        "HEERENVEEN (Nov 8) - Femke Kok added another World Cup victory on Saturday, clocking "
        "36.71 seconds. In the men's 1500m, Jordan Stolz won in 1:43.52."
    )
    found = results(text)
    assert ("Femke Kok", "500m", 36.71, 1) in found
    assert ("Jordan Stolz", "1500m", 103.52, 1) in found
    assert not any(a == "Femke Kok" and d == "1500m" for a, d, _, _ in found)


def test_a_place_before_a_later_clause_on_the_story_race_keeps_it():
    text = (
        "HEERENVEEN - In the women's 1000m on Saturday, Jutta Leerdam won in 1:13.20. Miho "
        "Takagi took silver, while Kok, who had won the 500m on Friday, took bronze."
    )
    found = results(text)
    assert ("Miho Takagi", "1000m", None, 2) in found


def venues(text: str) -> set[tuple]:
    facts = extract_all(text, dt.date(2026, 3, 8), REGISTRY)
    return {(r.athlete, r.distance, r.venue) for r in facts.results}


def test_where_an_old_mark_with_a_time_was_set_does_not_move_the_race():
    text = (
        "HAMAR - Peder Kongshaug won the men's 1500m at the World Cup on Saturday. Kongshaug "
        "crossed the line in 1:44.02, bettering the previous mark of 1:44.25 that he had set "
        "himself in Inzell in November. Kjeld Nuis was second in 1:44.30."
    )
    found = venues(text)
    assert ("Kjeld Nuis", "1500m", "Hamar") in found
    assert not any(venue == "Inzell" for *_, venue in found)


def test_where_a_title_in_an_apposition_was_won_does_not_move_the_race():
    text = (
        "HAMAR - Joy Beune won the women's 3000m at the World Cup on Sunday in 4:01.10. Miho "
        "Takagi, the Olympic champion over 1000m in Beijing, was second in 4:02.30, and Ragne "
        "Wiklund third in 4:03.00."
    )
    found = venues(text)
    assert ("Miho Takagi", "3000m", "Hamar") in found
    assert not any(venue == "Beijing" for *_, venue in found)


def records(text: str) -> set[tuple]:
    return every_record(text, DATE)


def test_a_holder_who_still_owns_a_record_is_named():
    text = (
        "Jordan Stolz came close to his own mark again. Kjeld Nuis still owns the 1500m world "
        "record of 1:40.17."
    )
    assert ("world", "existing", "Kjeld Nuis", "1500m", 100.17) in records(text)


def test_a_team_that_owns_a_record_in_a_relative_clause_holds_it():
    text = (
        "CALGARY - The Dutch team won the men's team pursuit at the World Cup on Saturday in "
        "3:36.10. The Norwegians, who own the world record of 3:34.02, were second."
    )
    assert ("world", "existing", "Norway", "team pursuit", 214.02) in records(text)


def test_a_mark_the_skater_had_set_himself_is_beaten_by_that_skater():
    text = (
        "HAMAR - Marek Kania broke the Polish 500m record on his way to third place behind "
        "Jordan Stolz. Kania crossed the line in 34.21, bettering the previous mark of 34.30 "
        "that he had set himself."
    )
    found = records(text)
    assert ("national", "set", "Marek Kania", "500m", 34.21) in found
    assert ("national", "broken", "Marek Kania", "500m", 34.3) in found
    assert not any(athlete == "Jordan Stolz" for _, _, athlete, _, _ in found)


def test_breaking_a_round_barrier_is_not_beating_a_mark():
    text = (
        "HAMAR - Sander Eitrem won the men's 5000m on Saturday in 6:04.12. Eitrem, who became "
        "the first man to break six minutes when he set the world record of 5:58.52 in Inzell "
        "in January, pulled away late."
    )
    found = records(text)
    assert ("world", "existing", "Sander Eitrem", "5000m", 358.52) in found
    assert not any(status == "broken" for _, status, *_ in found)


def test_a_barrier_broken_beside_a_beaten_mark_keeps_the_mark():
    text = (
        "HAMAR - Jenning de Boo broke the 34-second barrier in the 500m with 33.98, a track "
        "record, improving the old mark of 34.05."
    )
    found = records(text)
    assert ("track", "set", "Jenning de Boo", "500m", 33.98) in found
    assert any(status == "broken" and seconds == 34.05 for _, status, _, _, seconds in found)


def test_a_time_in_a_relative_clause_yields_to_the_main_clause_time():
    text = (
        "SALT LAKE CITY - In the men's 500m on Saturday, Jenning de Boo won in 33.55. Stolz, "
        "who had been the only man to go under 33.70 this season, clocked 33.63 for second."
    )
    found = results(text)
    assert ("Jordan Stolz", "500m", 33.63, 2) in found
    assert not any(seconds == 33.7 for _, _, seconds, _ in found)


def test_a_relative_clause_that_names_its_own_race_keeps_its_time():
    text = (
        "HAMAR - Sander Eitrem, who won Saturday's 5000m in 6:08.44, was second in the 1500m "
        "on Sunday in 1:45.10."
    )
    found = results(text)
    assert ("Sander Eitrem", "5000m", 368.44, 1) in found
    assert ("Sander Eitrem", "1500m", 105.1, 2) in found


def test_a_relative_clause_after_a_description_is_the_named_skaters():
    text = (
        "HEERENVEEN - In the men's 1500m, Jordan Stolz won in 1:43.52 ahead of Kjeld Nuis, the "
        "2018 and 2022 Olympic champion, who stopped the clock at 1:44.10."
    )
    found = results(text)
    assert ("Kjeld Nuis", "1500m", 104.1, 2) in found
    assert ("Jordan Stolz", "1500m", 103.52, 1) in found
