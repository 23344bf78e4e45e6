"""Classes of error found on the third batch of our own held-out articles
(tests/extract/cases_unseen u053-u059), each pinned with other sentences of our own: a fix
for the class, not for one text (issue 11)."""

from __future__ import annotations

import datetime as dt

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 2, 14)


def facts(text: str, date: dt.date = DATE):
    return extract_all(text, date, REGISTRY)


def results(text: str, date: dt.date = DATE) -> set[tuple[str, str, str | None, int | None]]:
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts(text, date).results}


# -- results lists: a bare number opens a line, a comma closes an item -----------------------


def test_a_bare_number_at_a_line_start_is_the_place():
    text = (
        "INZELL - Uitslag 1500 meter mannen\n1 Krol 1.44,10\n2 Nuis 1.44,52\n3 Roest 1.45,01"
        "\n\nThomas Krol won voor Kjeld Nuis en Patrick Roest."
    )
    found = results(text)
    assert ("Kjeld Nuis", "1500m", "1:44.52", 2) in found
    assert ("Patrick Roest", "1500m", "1:45.01", 3) in found


def test_list_items_run_on_with_commas_keep_their_places():
    text = (
        "CALGARY (ISU) - Men's 500m: 1. Jenning de Boo (NED) 33.80, 2. Laurent Dubreuil (CAN) "
        "33.95, 3. Tatsuya Shinhama (JPN) 34.02"
    )
    found = results(text)
    assert ("Jenning de Boo", "500m", "33.80", 1) in found
    assert ("Laurent Dubreuil", "500m", "33.95", 2) in found
    assert ("Tatsuya Shinhama", "500m", "34.02", 3) in found


# -- the meet a skater qualified for, and the squad picked for it, are not the meet ----------


def test_qualifying_for_the_first_world_cups_does_not_move_the_meet():
    text = (
        "HEERENVEEN - Kjeld Nuis heeft zaterdag bij de NK afstanden de 1500 meter gewonnen. "
        "Hij plaatste zich daarmee voor de eerste wereldbekers. Thomas Krol werd tweede."
    )
    comps = {r.competition for r in facts(text).results}
    assert comps == {"NK afstanden"}


def test_the_world_cup_team_is_no_world_cup():
    text = (
        "HEERENVEEN - Joy Beune won zaterdag bij de NK afstanden de 3000 meter. Voor Merel "
        "Conijn is een plek in het wereldbekerteam nog onzeker. Conijn werd vierde."
    )
    comps = {r.competition for r in facts(text).results}
    assert comps == {"NK afstanden"}


# -- places stated for the standings around a race --------------------------------------


def test_kept_behind_in_the_final_standings_after_a_race_win_is_the_classification():
    text = (
        "HEERENVEEN - Patrick Roest is zondag Nederlands kampioen allround geworden. Hij won de "
        "afsluitende 10.000 meter en bleef in het eindklassement Beau Snellink en Marcel "
        "Bosker voor."
    )
    found = results(text)
    assert ("Beau Snellink", "allround", None, 2) in found
    assert ("Marcel Bosker", "allround", None, 3) in found
    assert ("Beau Snellink", "10000m", None, 2) not in found


def test_standings_named_before_the_place_make_it_the_classification():
    text = (
        "HAMAR - Bij het WK allround werd Joy Beune zondag wereldkampioen. Miho Takagi "
        "eindigde in het klassement als tweede, na een val op de 1500 meter."
    )
    assert ("Miho Takagi", "allround", None, 2) in results(text)


# -- third behind a pair -------------------------------------------------------------------


def test_third_behind_two_names_places_both():
    text = (
        "CALGARY - Femke Kok werd zaterdag derde op de 500 meter, "
        "achter Erin Jackson en Kimi Goetz."
    )
    found = results(text)
    assert ("Erin Jackson", "500m", None, 1) in found
    assert ("Kimi Goetz", "500m", None, 2) in found


def test_third_behind_a_longer_list_places_nobody_else():
    text = (
        "CALGARY - Femke Kok werd derde op de 500 meter, achter Erin Jackson en Kimi Goetz, "
        "Jutta Leerdam en Kaja Ziomek-Nogal."
    )
    ranks = {r.athlete: r.rank for r in facts(text).results}
    assert "Erin Jackson" not in ranks and "Kimi Goetz" not in ranks


# -- rounds before the final are no places ----------------------------------------------------


def test_winning_the_b_final_or_a_semifinal_is_no_race_win():
    text = (
        "DORDRECHT - Suzanne Schulting viel in de kwartfinale van de 1000 meter en won daarna "
        "de B-finale. Xandra Velzeboer won her semifinal but finished fourth in the final."
    )
    found = results(text)
    assert all(r[3] != 1 for r in found)
    assert ("Xandra Velzeboer", "1000m", None, 4) in found


def test_a_place_in_a_semifinal_is_no_place_but_the_final_is():
    text = (
        "MONTREAL - In de halve finale van de 500 meter werd Xandra Velzeboer tweede. In de "
        "finale won Kim Boutin."
    )
    found = results(text)
    assert ("Kim Boutin", "500m", None, 1) in found
    assert not any(r[0] == "Xandra Velzeboer" for r in found)


# -- an ordinal that ranks all times ever is no place -----------------------------------------


def test_fastest_ever_ordinals_are_no_places():
    text = (
        "SALT LAKE CITY - Jordan Stolz won the 1000m in 1:05.60. It was the third-fastest time "
        "ever recorded. Kjeld Nuis zette de tweede snelste tijd ooit op laaglandijs neer."
    )
    found = results(text)
    assert ("Jordan Stolz", "1000m", "1:05.60", 1) in found
    assert not any(r[3] in (2, 3) for r in found)


# -- a relative clause's place of another edition beside the main clause's place ---------


def test_relative_clause_place_of_an_earlier_year_keeps_the_main_place():
    text = (
        "INZELL - Davide Ghiotto won the 10,000m on Sunday. Patrick Roest, who was second in "
        "2023, finished fifth."
    )
    found = facts(text).results
    main = [r for r in found if r.athlete == "Patrick Roest" and not r.earlier]
    assert [(r.distance, r.rank) for r in main] == [("10000m", 5)]
    assert any(r.athlete == "Patrick Roest" and r.earlier and r.rank == 2 for r in found)


def test_a_win_verb_governs_a_medal_of_an_earlier_games():
    text = (
        "MILAN - Erin Jackson won the women's 500m at the Olympics on Saturday. Femke Kok, "
        "who won silver at the 2022 Olympics, finished fourth."
    )
    found = facts(text).results
    kok = {(r.rank, r.earlier) for r in found if r.athlete == "Femke Kok"}
    assert (4, False) in kok and (1, False) not in kok and (2, False) not in kok


def test_dutch_verb_last_medal_in_a_clause_is_not_this_race():
    text = (
        "MILAAN - Erin Jackson won zaterdag de olympische 500 meter. Femke Kok, die op de "
        "Spelen van 2022 zilver won, werd vierde."
    )
    found = facts(text).results
    kok = {(r.rank, r.earlier) for r in found if r.athlete == "Femke Kok"}
    assert (4, False) in kok and not any(rank != 4 and not back for rank, back in kok)
    assert {r.competition for r in found if not r.earlier} == {"Olympic Games"}


def test_a_clause_about_another_race_keeps_its_own_distance():
    text = (
        "HAMAR - Joy Beune won the world allround title on Sunday. Norway's Ragne Wiklund, "
        "who won the 5000m on Saturday, took silver."
    )
    found = results(text)
    assert ("Ragne Wiklund", "5000m", None, 1) in found
    assert ("Ragne Wiklund", "allround", None, 2) in found


def test_a_later_clause_distance_is_not_an_earlier_place_race():
    text = (
        "BEIJING - Miho Takagi won the women's 1500m on Sunday. China's Han Mei took silver, "
        "while Ayano Sato, who had won the 3000m on Saturday, finished third."
    )
    assert ("Han Mei", "1500m", None, 2) in results(text)


# -- records equalled --------------------------------------------------------------------------


def test_an_equalled_record_stays_its_holders():
    text = (
        "CALGARY - Jordan Stolz won the 500m in 33.61, equalling the track record Laurent "
        "Dubreuil set in 2023. Kjeld Nuis evenaarde op de 1000 meter het baanrecord van Thomas "
        "Krol."
    )
    records = {(r.athlete, r.status, r.type) for r in facts(text).records}
    assert ("Laurent Dubreuil", "existing", "track") in records
    assert ("Laurent Dubreuil", "broken", "track") not in records
    assert ("Thomas Krol", "existing", "track") in records


# -- names: "in de" before a rink, events, one-two finishes -----------------------------------


def test_a_surname_before_in_de_and_a_rink_is_still_a_name():
    text = (
        "HAMAR - Sander Eitrem begint zaterdag aan de WK. Vorig jaar won Eitrem in het "
        "Vikingskipet Arena de 5000 meter in 6.01,20."
    )
    assert ("Sander Eitrem", "5000m", "6:01.20", 1) in results(text)


def test_a_natural_ice_event_is_no_skater():
    text = (
        "WEISSENSEE - Bart Hoolwerf won donderdag de Alternatieve Elfstedentocht. Bij de "
        "Hollandse Natuurijsklassieker was Simon Schouten de sterkste."
    )
    names = {a.skater.name for a in facts(text).athletes}
    assert names == {"Bart Hoolwerf", "Simon Schouten"}


def test_leading_a_one_two_is_a_win_and_the_edged_teammate_second():
    text = (
        "OBIHIRO (ISU) - Miho Takagi led a Japanese one-two in the women's 1500m, clocking "
        "1:54.02 to edge teammate Ayano Sato by 0.15 seconds."
    )
    found = results(text)
    assert ("Miho Takagi", "1500m", "1:54.02", 1) in found
    assert ("Ayano Sato", "1500m", None, 2) in found


# -- negation and conditions stay in their own sentence and clause ---------------------------


def test_a_negation_in_the_next_sentence_does_not_cancel_a_win():
    text = (
        "INZELL - Marijke Groenewoud won de massastart. Irene Schouten reed niet mee. "
        "Joy Beune won de 3000 meter. Als Ragne Wiklund niet was gevallen, had ze kunnen winnen."
    )
    found = results(text)
    assert ("Marijke Groenewoud", "mass start", None, 1) in found
    assert ("Joy Beune", "3000m", None, 1) in found
    assert not any(r[0] == "Ragne Wiklund" for r in found)


def test_the_main_clause_after_a_condition_is_no_place():
    text = (
        "HAMAR - Sander Eitrem won de 5000 meter. Als Davide Ghiotto niet had gewisseld, was "
        "hij tweede geworden. Als titelverdediger was Patrick Roest favoriet, maar hij werd derde."
    )
    found = results(text)
    assert not any(r[0] == "Davide Ghiotto" for r in found)
    assert ("Patrick Roest", "5000m", None, 3) in found


# -- a time in M.SS.hh after "reed naar" ----------------------------------------------------


def test_rode_to_an_unusual_notation_time():
    text = (
        "ENSCHEDE - Merel Conijn won de 1500 meter in 1.56,10. Marrit Fledderus stormde naar "
        "1.56.84 en werd tweede."
    )
    assert ("Marrit Fledderus", "1500m", "1:56.84", 2) in results(text)


def test_a_possibility_is_no_place_but_could_only_is():
    text = (
        "CALGARY - Erin Jackson won the 500m. Analyst Tucker Fredricks said Brittany Bowe can "
        "win the 1000m on Sunday. Kimi Goetz could only finish sixth in the 500m."
    )
    found = results(text)
    assert not any(r[0] == "Brittany Bowe" for r in found)
    assert ("Kimi Goetz", "500m", None, 6) in found


# -- a later clause with its own subject keeps its distance --------------------------------


def test_a_later_clause_with_its_own_subject_keeps_its_distance_from_the_earlier_time():
    text = (
        "ENSCHEDE - Patrick Roest won de 5000 meter in 6.15,02. Beau Snellink werd tweede met "
        "6.16,70, Marcel Bosker was op de 1500 meter de snelste."
    )
    found = results(text)
    assert ("Beau Snellink", "5000m", "6:16.70", 2) in found
    assert not any(r[0] == "Beau Snellink" and r[1] == "1500m" for r in found)


def test_het_snelst_is_a_win_but_not_in_a_pair():
    text = (
        "HEERENVEEN - Op de 1000 meter was Jutta Leerdam met 1.13,41 het snelst. In de derde "
        "rit was Suzanne Schulting het snelst, maar ze werd vierde."
    )
    found = results(text)
    assert ("Jutta Leerdam", "1000m", "1:13.41", 1) in found
    assert ("Suzanne Schulting", "1000m", None, 4) in found
    assert not any(r[0] == "Suzanne Schulting" and r[3] == 1 for r in found)


# -- a team's field from the members named with it ------------------------------------------


def test_team_field_from_the_members_named_in_the_next_sentence():
    text = (
        "HAMAR - Nederland won zondag de ploegenachtervolging. Joy Beune, Marijke Groenewoud "
        "en Antoinette Rijpma-de Jong waren ruim sneller dan Canada."
    )
    team = [r for r in facts(text).results if r.athlete == "Netherlands"]
    assert team and all(r.gender == "women" for r in team)


def test_team_field_stays_open_when_the_members_are_of_both_fields():
    text = (
        "HAMAR - Nederland won de gemengde aflossing. Xandra Velzeboer en Jens van 't Wout "
        "reden de laatste ronden. Joy Beune en Jorrit Bergsma keken toe."
    )
    team = [r for r in facts(text).results if r.athlete == "Netherlands"]
    assert all(r.gender != "women" and r.gender != "men" for r in team)
