"""Which meet and rink a result belongs to (issue 11, class 4): set by the headline, dateline
and first paragraph, moved only when the text clearly turns to another meet. Our own
sentences, Dutch and English, each with the reading a careful reader would give."""

import datetime as dt

from schaatsradar.extract import context_lead
from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.types import Result
from tests.extract.stated import Placed, placed

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)


def results(text: str, date: dt.date = DATE) -> list[Result]:
    return extract_all(text, date, REGISTRY).results


def one(text: str, athlete: str, distance: str, date: dt.date = DATE) -> Result:
    found = [r for r in results(text, date) if r.athlete == athlete and r.distance == distance]
    assert len(found) == 1, found
    return found[0]


# -- the lead sets the meet for the whole report ---------------------------------------------


def test_meet_named_after_the_first_result_still_holds_for_it():
    text = (
        "Femke Kok heeft zaterdag de 500 meter gewonnen in 36,71. De Friezin was bij de "
        "wereldbekerwedstrijden in Calgary ruim sneller dan Erin Jackson."
    )
    kok = one(text, "Femke Kok", "500m")
    assert (kok.competition, kok.venue) == ("World Cup", "Calgary")


def test_english_dateline_sets_the_venue():
    text = "SALT LAKE CITY (AP) — Jordan Stolz won the 1,000 meters in 1:05.90 on Friday."
    assert one(text, "Jordan Stolz", "1000m").venue == "Salt Lake City"


def test_dutch_dateline_sets_the_venue():
    text = "INZELL (ANP) - Joy Beune heeft de 3000 meter gewonnen in 3.56,12."
    assert one(text, "Joy Beune", "3000m").venue == "Inzell"


def test_dateline_with_country():
    text = "HEERENVEEN, Netherlands\nJenning de Boo won the men's 500 metres in 34.31."
    assert one(text, "Jenning de Boo", "500m").venue == "Heerenveen"


def test_all_capitals_word_is_no_dateline():
    assert context_lead.dateline_city("UPDATE — Kok won.") is None
    assert context_lead.dateline_city("Kok won de 500 meter in Inzell.") is None


def test_rink_named_for_the_meet_sets_the_city():
    text = "In de Max Aicher Arena won Jutta Leerdam de 1000 meter in 1.13,02."
    assert one(text, "Jutta Leerdam", "1000m").venue == "Inzell"
    text = "At the Utah Olympic Oval, Kimi Goetz won the 500m in 36.95."
    assert one(text, "Kimi Goetz", "500m").venue == "Salt Lake City"


def test_a_rink_outside_the_reference_file():
    text = "Kjeld Nuis won zaterdag bij de wereldbeker in Minsk de 1000 meter in 1.08,90."
    assert one(text, "Kjeld Nuis", "1000m").venue == "Minsk"


# -- mentions that do not move the story ---------------------------------------------------


def test_olympic_qualification_remark_keeps_a_world_cup():
    text = (
        "Joy Beune won bij de World Cup in Inzell de 3000 meter. Met die zege is haar "
        "startbewijs voor de Olympische Spelen binnen. Merel Conijn werd tweede."
    )
    assert one(text, "Merel Conijn", "3000m").competition == "World Cup"


def test_meet_still_to_come_keeps_the_story():
    text = (
        "Kai Verbij werd zondag in Thialf Nederlands kampioen op de 1000 meter. De top drie "
        "mag naar de WK afstanden, die van 5 tot en met 8 maart in Hamar worden gehouden. "
        "Tim Prins werd vierde op de 1000 meter."
    )
    prins = one(text, "Tim Prins", "1000m")
    assert prins.venue == "Heerenveen"
    assert prins.competition != "WK afstanden"


def test_english_upcoming_games_keep_the_world_cup():
    text = (
        "Jordan Stolz won the 1,000 meters at the World Cup in Calgary, ahead of next month's "
        "Winter Olympics. Ning Zhongyan was second."
    )
    ning = one(text, "Ning Zhongyan", "1000m")
    assert (ning.competition, ning.venue) == ("World Cup", "Calgary")


def test_record_from_another_rink_does_not_move_the_race():
    text = (
        "Femke Kok won bij de World Cup in Heerenveen de 500 meter. Ze bleef net boven haar "
        "record uit Salt Lake City. Jutta Leerdam werd tweede op de 500 meter."
    )
    assert one(text, "Jutta Leerdam", "500m").venue == "Heerenveen"


def test_record_set_earlier_elsewhere_in_a_relative_clause():
    text = (
        "Femke Kok won bij de World Cup in Heerenveen de 500 meter, maar bleef boven het "
        "baanrecord dat ze in 2022 in Calgary reed. Jutta Leerdam werd tweede op de 500 meter."
    )
    assert one(text, "Jutta Leerdam", "500m").venue == "Heerenveen"


def test_title_describing_a_skater_is_not_the_meet():
    text = (
        "Jordan Stolz won bij de World Cup in Hamar de 1500 meter. De regerend olympisch "
        "kampioen was sneller dan Ning Zhongyan, die tweede werd."
    )
    assert one(text, "Ning Zhongyan", "1500m").competition == "World Cup"
    text = (
        "Olympic champion Erin Jackson won the 500m at the World Cup in Nagano. "
        "Kimi Goetz was third."
    )
    assert one(text, "Kimi Goetz", "500m").competition == "World Cup"


def test_flashback_venue_stays_in_its_clause():
    text = (
        "Joy Beune won bij de WK afstanden in Hamar de 3000 meter. Vorig jaar pakte ze in "
        "Calgary het goud op de 5000 meter. Ragne Wiklund werd tweede op de 3000 meter."
    )
    assert one(text, "Ragne Wiklund", "3000m").venue == "Hamar"
    earlier = [r for r in results(text) if r.distance == "5000m"]
    assert earlier and all(r.venue == "Calgary" and r.earlier for r in earlier)


def test_english_flashback_with_a_year():
    text = (
        "Irene Schouten won the mass start at the Olympics in Beijing. She had fallen in the "
        "final at the 2018 Pyeongchang Games. Ivanie Blondin took silver in the mass start."
    )
    assert one(text, "Ivanie Blondin", "mass start").venue == "Beijing"


def test_home_town_is_not_the_venue():
    text = (
        "At the World Cup in Calgary, Courtney Sarault of Moncton won the 1000m. "
        "Toronto's Kim Boutin was second in the 1000m."
    )
    assert one(text, "Kim Boutin", "1000m").venue == "Calgary"


def test_aside_about_a_skater_does_not_move_a_known_story():
    text = (
        "Jorrit Bergsma won zondag in Heerenveen de 10.000 meter. Patrick Roest, die zaterdag "
        "nog een marathon reed in Enschede, werd tweede op de 10.000 meter."
    )
    results(text)  # no error
    roest = one(text, "Patrick Roest", "10000m")
    assert roest.venue == "Heerenveen"


def test_season_in_sum_does_not_move_a_championship():
    text = (
        "Marijke Groenewoud won bij de WK afstanden in Hamar de massastart. In de wereldbeker "
        "was ze dit seizoen al vier keer de sterkste. Ze werd ook zevende op de 3000 meter."
    )
    late = one(text, "Marijke Groenewoud", "3000m")
    assert (late.competition, late.venue) == ("WK afstanden", "Hamar")


def test_this_meet_returns_to_the_lead():
    text = (
        "Joy Beune won bij de WK afstanden in Hamar de 3000 meter. Vorig jaar was ze in "
        "Calgary nog tweede. Op deze WK won ze ook de 5000 meter."
    )
    later = [r for r in results(text) if r.distance == "5000m"]
    assert [(r.competition, r.venue) for r in later] == [("WK afstanden", "Hamar")]


# -- moving on to another meet ---------------------------------------------------------------


def test_text_clearly_moving_to_another_meet():
    text = (
        "Kjeld Nuis won bij de wereldbeker in Heerenveen de 1000 meter. Twee weken eerder "
        "was hij bij de WK sprint al tweede in het eindklassement."
    )
    sprint = [r for r in results(text) if r.distance == "sprint"]
    assert sprint and sprint[0].competition == "WK sprint"


def test_previous_meet_result_keeps_its_own_rink():
    text = (
        "Bij de World Cup daarvoor, in het Noorse Hamar, ging op de 1500 meter de overwinning "
        "naar Ragne Wiklund, maar in Heerenveen eindigde ze als vierde."
    )
    wiklund = [r for r in results(text) if r.athlete == "Ragne Wiklund" and r.rank == 1]
    assert wiklund and wiklund[0].venue == "Hamar"


# -- competition names --------------------------------------------------------------------------


def test_world_title_on_a_distance_is_the_single_distance_championship():
    text = "Jenning de Boo is in Hamar wereldkampioen op de 500 meter geworden."
    assert one(text, "Jenning de Boo", "500m").competition == "WK afstanden"


def test_title_kinds():
    values = {t.value for t in context_lead.find_titles("de wereldtitel allround", 0, 23)}
    assert values == {"WK allround"}
    text = "haar eerste Europese titel op de massastart"  # single distances only by guess
    found = [(t.value, t.format_guessed) for t in context_lead.find_titles(text, 0, len(text))]
    assert found == [("EK afstanden", True)]
    text = "werd Nederlands kampioene sprint"
    assert [t.value for t in context_lead.find_titles(text, 0, len(text))] == ["NK sprint"]


def test_a_result_before_a_guessed_meet_is_named_takes_it_with_its_guess():
    """A result read before any meet is named takes the report's meet once it is: a format
    read from a title stays a guess there too, and the name is the championship's own."""
    filler = "De kantine van de baan krijgt een nieuwe inrichting. " * 14  # past the lead
    text = filler + (
        "Femke Kok won de 500 meter in 37,00. Jutta Leerdam veroverde daarna de wereldtitel "
        "op de 1000 meter in 1.12,00."
    )
    kok = one(text, "Femke Kok", "500m")
    assert (kok.competition, kok.format_guessed) == ("WK afstanden", True)


def test_generic_name_keeps_the_specific_one():
    assert context_lead.merge_competition("WK afstanden", "World Championships") == "WK afstanden"
    assert context_lead.merge_competition("World Championships", "WK sprint") == "WK sprint"
    assert context_lead.merge_competition("World Cup", "NK afstanden") == "NK afstanden"


def test_friday_and_saturday_500_stay_two_races():
    text = (
        "Femke Kok won vrijdag bij de World Cup in Calgary de eerste 500 meter in 36,90. "
        "Zaterdag werd ze op de tweede 500 meter tweede in 37,02."
    )
    kok = sorted(
        (r for r in results(text) if r.athlete == "Femke Kok"), key=lambda r: r.race_date or DATE
    )
    assert [(r.rank, r.race_date) for r in kok] == [
        (1, dt.date(2026, 1, 23)),
        (2, dt.date(2026, 1, 24)),
    ]


# -- classifications (issue 11, class 8) -------------------------------------------------------


def ranks(text: str, date: dt.date = DATE) -> set[Placed]:
    """Every result with its place and time."""
    return placed(results(text, date), "time")


def test_kept_ahead_in_the_standings():
    text = (
        "Patrick Roest heeft in Hamar de wereldtitel allround veroverd. In het klassement "
        "bleef hij Jorrit Bergsma ruim voor."
    )
    assert ("Jorrit Bergsma", "allround", 2, None) in ranks(text)


def test_held_behind_in_the_standings():
    text = (
        "Joy Beune is in Heerenveen Nederlands kampioene allround geworden. Ze werd tweede op "
        "de 5000 meter en hield daarmee Marijke Groenewoud achter zich in het klassement."
    )
    found = ranks(text)
    assert ("Joy Beune", "allround", 1, None) in found
    assert ("Marijke Groenewoud", "allround", 2, None) in found


def test_time_is_the_race_place_is_the_standings():
    text = (
        "Bij het WK allround in Inzell reed Sverre Lunde Pedersen de 10.000 meter in 13.10,44 "
        "en sloot hij af met de vijfde plaats in het klassement."
    )
    found = ranks(text)
    assert ("Sverre Lunde Pedersen", "10000m", None, "13:10.44") in found
    assert ("Sverre Lunde Pedersen", "allround", 5, None) in found


def test_final_standings_of_a_sprint_championship():
    text = (
        "Bij het WK sprint in Hamar won Femke Kok de eerste 500 meter. "
        "Ze werd tweede in de eindstand."
    )
    # The race she won is the 500 meter named after her, not the "sprint" of the meet's name.
    assert ranks(text) == {("Femke Kok", "sprint", 2, None), ("Femke Kok", "500m", 1, None)}


def test_english_overall_place():
    text = (
        "INZELL, Germany — Jordan Stolz and Femke Kok were crowned world sprint champions on "
        "Sunday. Jutta Leerdam finished third overall."
    )
    assert ("Jutta Leerdam", "sprint", 3, None) in ranks(text)


def test_place_at_a_named_sprint_championship():
    text = "Kai Verbij eindigde als tweede bij het WK sprint in Hamar."
    assert ("Kai Verbij", "sprint", 2, None) in ranks(text)


def test_title_describing_a_skater_is_no_classification():
    text = (
        "Bij de World Cup in Calgary legde Jorrit Bergsma het af tegen Davide Ghiotto. De "
        "wereldkampioen allround Patrick Roest werd tweede op de 5000 meter in 6.05,11."
    )
    found = ranks(text)
    assert ("Patrick Roest", "5000m", 2, "6:05.11") in found
    assert not any(distance == "allround" for _, distance, _, _ in found)


def test_a_time_is_never_a_classification():
    text = "Op het WK allround in Hamar reed Patrick Roest in de slotrit 12.51,30."
    found = ranks(text)
    assert ("Patrick Roest", "10000m", None, "12:51.30") in found
    assert not any(distance == "allround" for _, distance, _, _ in found)


def test_world_cup_standings_are_no_classification():
    text = "Femke Kok won in Calgary de 500 meter en staat eerste in het wereldbekerklassement."
    found = ranks(text)
    assert not any(distance in ("allround", "sprint") for _, distance, _, _ in found)


def test_classic_four_distance_event_is_allround():
    text = "Patrick Roest zegevierde in Calgary op de klassieke vierkamp bij het WK allround."
    assert ("Patrick Roest", "allround", 1, None) in ranks(text)


def test_single_distance_title_is_not_the_classification():
    text = "Kai Verbij werd tweede op de 1000 meter bij het WK sprint in Hamar."
    found = ranks(text)
    assert ("Kai Verbij", "1000m", 2, None) in found
    assert ("Kai Verbij", "sprint", 2, None) not in found


# -- teams and their field (issue 11, class 5) ---------------------------------------------------


def teams(
    text: str, date: dt.date = DATE
) -> set[tuple[str, str, str | None, int | None, str | None]]:
    return {
        (r.athlete, r.distance, r.gender, r.rank, r.to_json()["time"]) for r in results(text, date)
    }


def test_team_field_from_the_words():
    text = (
        "Op de World Cup in Calgary won Nederland de ploegenachtervolging bij de vrouwen in "
        "2.56,40. Noorwegen werd bij de mannen tweede."
    )
    found = teams(text)
    assert ("Netherlands", "team pursuit", "women", 1, "2:56.40") in found
    assert ("Norway", "team pursuit", "men", 2, None) in found


def test_english_womens_team_pursuit():
    text = "Canada won the women's team pursuit in 2:54.07 at the World Cup in Calgary."
    assert ("Canada", "team pursuit", "women", 1, "2:54.07") in teams(text)


def test_team_field_from_its_members():
    text = (
        "De overwinning op de ploegachtervolging ging naar de ploeg van de Verenigde Staten. "
        "De Amerikanen Ethan Cepuran, Casey Dawson en Emery Lehman klokten 3.35,62."
    )
    found = teams(text)
    assert ("United States", "team pursuit", "men", 1, "3:35.62") in found
    assert not any(name in ("Casey Dawson", "Emery Lehman") for name, *_ in found)


def test_team_field_from_its_time():
    text = (
        "Bij de vrouwen won Japan de ploegenachtervolging. Op hetzelfde onderdeel reed "
        "Noorwegen 3.40,80 en werd het tweede."
    )
    found = teams(text)
    assert ("Norway", "team pursuit", "men", 2, "3:40.80") in found


def test_the_dutch_trio_is_the_team():
    text = (
        "Op de teamsprint bij de WK afstanden in Hamar was Nederland de sterkste. Het "
        "Nederlandse trio zette een tijd van 1.27,85 neer."
    )
    assert ("Netherlands", "team sprint", None, 1, "1:27.85") in {
        (a, d, None, r, t) for a, d, _, r, t in teams(text)
    }


def test_team_of_a_country_and_its_people():
    text = (
        "Bij de World Cup in Calgary eindigde op de ploegachtervolging de ploeg van de "
        "Verenigde Staten als derde. De Amerikanen klokten 3.37,20."
    )
    assert ("United States", "team pursuit", None, 3, "3:37.20") in {
        (a, d, None, r, t) for a, d, _, r, t in teams(text)
    }


def test_a_teams_place_is_not_its_members():
    text = (
        "Sven Kramer, Douwe de Vries en Marcel Bosker wonnen de ploegachtervolging bij de "
        "WK afstanden in Inzell in 3.38,43."
    )
    found = teams(text)
    assert ("Netherlands", "team pursuit", "men", 1, "3:38.43") in found
    assert not any(name == "Sven Kramer" for name, *_ in found)


def test_a_country_is_never_a_skater_in_an_individual_race():
    text = (
        "Canada won bronze in the women's relay at the World Cup in Montreal. Italy's Arianna "
        "Fontana won the 500m in 42.31."
    )
    found = teams(text)
    assert ("Arianna Fontana", "500m", "women", 1, "42.31") in found
    assert not any(name == "Italy" for name, *_ in found)


def test_one_skater_after_a_relay_is_not_the_team():
    text = (
        "The Canadian women's relay team won bronze at the World Cup in Montreal. "
        "Poland's Natalia Maliszewska came in third."
    )
    found = teams(text)
    assert not any(name == "Poland" for name, *_ in found)


def test_meet_known_by_its_own_name():
    text = "Bij de KNSB Cup in Alkmaar won Jutta Leerdam de 1000 meter in 1.15,20."
    leerdam = one(text, "Jutta Leerdam", "1000m")
    assert (leerdam.competition, leerdam.venue) == ("KNSB Cup", "Alkmaar")
    text = "Erin Jackson won the 500m at the Pettit Fall Classic in Milwaukee in 37.90."
    assert one(text, "Erin Jackson", "500m").competition == "Pettit Fall Classic"


def test_world_cup_stays_world_cup():
    text = "Femke Kok won the 500m at the ISU World Cup in Calgary in 36.80."
    assert one(text, "Femke Kok", "500m").competition == "World Cup"


def test_a_year_naming_a_rink_is_no_flashback():
    text = (
        "Jordan Stolz set a world record of 1:05.52 over 1000m in a World Cup race at the 2002 "
        "Utah Olympic Oval."
    )
    stolz = one(text, "Jordan Stolz", "1000m")
    assert (stolz.competition, stolz.venue) == ("World Cup", "Salt Lake City")


def test_a_meet_someone_wants_to_win_is_not_the_story():
    text = (
        "Kjeld Nuis won in Thialf de 1500 meter. Op de Olympische Spelen in Milaan wil hij "
        "zijn titel verdedigen. Thomas Krol werd tweede op de 1500 meter."
    )
    krol = one(text, "Thomas Krol", "1500m")
    assert (krol.competition, krol.venue) == (None, "Heerenveen")


def test_the_rink_of_an_earlier_win_stays_in_its_phrase():
    text = (
        "Na haar zege bij de World Cup in Calgary won Femke Kok zaterdag ook in Heerenveen. "
        "Ze was op de 500 meter de snelste in 37,10."
    )
    kok = [r for r in results(text) if r.distance == "500m" and r.seconds is not None]
    assert kok and kok[0].venue == "Heerenveen"


def test_plural_pronoun_after_a_team_is_the_team():
    text = (
        "Chris Huizinga, Beau Snellink en Marcel Bosker reden de ploegenachtervolging bij de "
        "WK afstanden in Hamar. Daarna waren de Belgen aan de beurt. Zij zetten een tijd neer "
        "van 3.45,08."
    )
    found = teams(text)
    assert ("Belgium", "team pursuit", "men", None, "3:45.08") in found
    assert not any(name == "Netherlands" and time == "3:45.08" for name, *_, time in found)


def test_a_rink_abroad_is_not_the_host_countrys_meet():
    text = (
        "Joy Beune begon de WK afstanden in Noorwegen goed, met de wereldtitel op de 3000 meter. "
        "Vorige keer was Irene Schouten op die afstand de sterkste in het Canadese Calgary. "
        "Merel Conijn werd derde op de 3000 meter."
    )
    assert one(text, "Merel Conijn", "3000m").venue is None
    schouten = one(text, "Irene Schouten", "3000m")
    assert (schouten.venue, schouten.earlier) == ("Calgary", True)


# -- days counted from the story's day, not the article's -------------------------------------


def test_a_day_earlier_counts_from_the_day_the_story_is_on():
    # Published on a Tuesday about Sunday's races: "een dag eerder" is Saturday, not Monday.
    text = (
        "Marijke Groenewoud werd zondag in Hamar derde op de 1500 meter. Een dag eerder "
        "was ze op de 3000 meter nog zesde geworden."
    )
    tuesday = dt.date(2026, 1, 27)
    assert one(text, "Marijke Groenewoud", "1500m", tuesday).race_date == dt.date(2026, 1, 25)
    assert one(text, "Marijke Groenewoud", "3000m", tuesday).race_date == dt.date(2026, 1, 24)


def test_today_in_a_quote_is_the_speakers_day_not_the_race_day():
    # The skater posts "today" a day later; the report's race stays Sunday's.
    text = (
        "Jenning de Boo werd zondagavond in Calgary tweede op de 500 meter. Op Instagram "
        'schreef hij na afloop: "Vandaag even rust, wat een weekend." Later op de dag bleek '
        "hij op de 1000 meter als vierde geëindigd."
    )
    tuesday = dt.date(2026, 1, 27)
    assert one(text, "Jenning de Boo", "1000m", tuesday).race_date == dt.date(2026, 1, 25)
