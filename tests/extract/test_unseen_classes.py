"""Classes of error found on the second batch of our own held-out articles
(tests/extract/cases_unseen u033-u052), each pinned with other sentences of our own: a fix
for the class, not for one text (issue 11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from schaatsradar.extract.pipeline import extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.types import Result

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 2, 14)


def facts(text: str, date: dt.date = DATE):
    return extract_all(text, date, REGISTRY)


Line = tuple[str, str, str | None, int | None]  # athlete, distance, time, rank


def results(text: str, date: dt.date = DATE) -> set[Line]:
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in facts(text, date).results}


def assert_results(
    text: str, present: Iterable[Line] = (), absent: Iterable[Line] = ()
) -> set[Line]:
    """The results of `text` hold every line of `present` and none of `absent`; one message
    names all that is wrong at once. Returns the results for any further check."""
    found = results(text)
    missing = [line for line in present if line not in found]
    wrong = [line for line in absent if line in found]
    assert not missing and not wrong, f"missing {missing}, not wanted {wrong}, found {found}"
    return found


def ranks(found: set[Line], athlete: str | None = None) -> set[int | None]:
    """The places in `found`, of `athlete` only when one is named."""
    return {rank for name, _, _, rank in found if athlete in (None, name)}


def picked(text: str, where: Callable[[Result], bool], date: dt.date = DATE) -> list[Result]:
    """The results of `text` that `where` picks, at least one: a check on all of them must not
    pass because there are none."""
    found = facts(text, date).results
    chosen = [r for r in found if where(r)]
    assert chosen, f"none picked from {found}"
    return chosen


# -- the years of an apposition date the title in it, not the main clause ---------------------


def test_years_in_an_apposition_do_not_date_the_main_clause_place():
    text = (
        "INZELL - Kjeld Nuis, the Olympic champion in 2018 and 2022, finished sixth in the "
        "1500m at the World Cup on Saturday in 1:44.80."
    )
    assert all(not r.earlier and r.year is None for r in picked(text, lambda r: r.rank == 6))
    assert_results(text, present=[("Kjeld Nuis", "1500m", "1:44.80", 6)])


def test_dutch_apposition_years_stay_in_the_apposition():
    text = (
        "HEERENVEEN - Irene Schouten, wereldkampioene in 2021 en 2023, werd zaterdag bij de "
        "wereldbeker derde op de 3000 meter in 3.58,12."
    )
    assert all(not r.earlier for r in picked(text, lambda r: r.rank == 3))


def test_a_list_of_years_still_dates_each_title():
    text = "HEERENVEEN - Sven Kramer werd in 2007, 2008 en 2009 wereldkampioen allround."
    years = {r.year for r in facts(text).results if r.distance == "allround"}
    assert years == {2007, 2008, 2009}


# -- a distance in a relative clause aside is not the race of the main clause -----------------


def test_distance_in_a_relative_aside_does_not_carry_to_the_next_skater():
    text = (
        "HEERENVEEN - Marijke Groenewoud retained her world allround title on Sunday. "
        "Antoinette Rijpma-de Jong, who won the 1500m on Saturday, took silver, with Joy Beune "
        "taking bronze."
    )
    assert_results(
        text,
        present=[
            ("Joy Beune", "allround", None, 3),
            ("Antoinette Rijpma-de Jong", "1500m", None, 1),
        ],
        absent=[("Joy Beune", "1500m", None, 3)],
    )


def test_dutch_relative_aside_distance_is_not_the_story_race():
    text = (
        "HEERENVEEN - Bij de WK sprint won Jenning de Boo zondag de titel. Kjeld Nuis, die "
        "zaterdag de eerste 1000 meter won, pakte zilver, met Tim Prins op brons."
    )
    assert_results(text, absent=[("Tim Prins", "1000m", None, 3)])


# -- "opening" of a meet's first pairs is not a split ---------------------------------------


def test_time_after_opening_pairs_aside_is_a_result():
    text = (
        "CALGARY - Erin Jackson won the women's 500m in 36.80. Kimi Goetz, best of the "
        "opening pairs, ended up third in 37.02."
    )
    assert_results(text, present=[("Kimi Goetz", "500m", "37.02", 3)])


def test_opening_lap_is_still_a_split():
    text = "CALGARY - Jordan Stolz opened in 16.20 and won the men's 1000m in 1:06.10."
    assert not any(time == "16.20" for _, _, time, _ in results(text))


# -- "vier jaar later": a year counted on from the one the sentence before named -------------


def test_years_later_after_a_dated_sentence_is_history():
    text = (
        "HEERENVEEN - Kjeld Nuis won zaterdag de 1500 meter bij de wereldbeker. Nuis werd in "
        "2018 olympisch kampioen op de 1000 meter. Vier jaar later won hij in Peking brons op "
        "de 1500 meter."
    )
    assert all(r.earlier and r.year == 2022 for r in picked(text, lambda r: r.rank == 3))


def test_two_years_later_in_english():
    text = (
        "INZELL - Joy Beune won the 3000m at the World Cup on Sunday. She took her first world "
        "title in 2022. Two years later she won the allround world title."
    )
    later = picked(text, lambda r: r.distance == "allround", dt.date(2026, 1, 25))
    assert all(r.earlier and r.year == 2024 for r in later)


# -- a record whose setting the words after it date to an earlier season is not set here -----


def records(text: str, date: dt.date = DATE) -> set[tuple[str, str, str | None, str | None]]:
    return {
        (r.type, r.to_json()["status"], r.athlete, r.to_json()["time"])
        for r in facts(text, date).records
    }


def set_here(found: set[tuple[str, str, str | None, str | None]]) -> set[str]:
    """The kinds of record `found` says were set in this article."""
    return {kind for kind, status, *_ in found if status == "set"}


def test_participle_dating_a_personal_best_earlier_makes_it_standing():
    text = (
        "HAMAR - Ragne Wiklund won the 3000m at the World Cup on Sunday in 3:58.40. Her "
        "personal best, skated in Salt Lake City three years ago, is still 3:54.50."
    )
    assert "personal" not in set_here(records(text))


def test_participle_dating_a_record_earlier_and_beaten_since():
    text = (
        "HEERENVEEN - Jorrit Bergsma werd zaterdag derde op de 10.000 meter in 12.59,40. "
        "Zijn baanrecord, gereden in 2016, werd vorig jaar verbeterd."
    )
    found = records(text)
    assert ("track", "broken", "Jorrit Bergsma", None) in found
    assert not set_here(found)


def test_english_record_set_in_an_earlier_year_is_standing_not_set():
    text = (
        "CALGARY - Ted-Jan Bloemen finished seventh in the 5000m on Saturday in 6:15.40. His "
        "world record in the 10,000m, set in Calgary in 2015, stood for six years."
    )
    assert not set_here(records(text))


# -- "voorlopig de snelste": a standing while pairs are still to come, not a place -------------


def test_provisionally_fastest_is_no_win():
    text = (
        "HEERENVEEN - De 1500 meter bij de NK afstanden. Kjeld Nuis reed 1.44,60 en was daarmee "
        "voorlopig de snelste. Uiteindelijk werd Nuis derde."
    )
    assert 1 not in ranks(results(text), "Kjeld Nuis")


def test_fastest_for_now_in_english():
    text = (
        "HAMAR - In the women's 3000m, Ragne Wiklund clocked 3:57.20 and was fastest for now. "
        "Joy Beune later won the race in 3:56.10."
    )
    assert 1 not in ranks(results(text), "Ragne Wiklund")


# -- a distance in front of a title names the title, not the race of the place after it -------


def test_distance_naming_a_title_is_not_the_race_of_the_place():
    text = (
        "INZELL - Jordan Stolz won the men's 1000m at the World Cup on Sunday. Kjeld Nuis, "
        "the 1500m Olympic champion, placed fifth."
    )
    assert_results(
        text, present=[("Kjeld Nuis", "1000m", None, 5)], absent=[("Kjeld Nuis", "1500m", None, 5)]
    )


# -- at a championship with a classification, those a title winner beat are beaten overall ----


def test_title_went_to_ahead_of_rivals_is_the_classification():
    text = (
        "HAMAR - On the last day of the world allround championships Davide Ghiotto won the "
        "10,000m. The men's title went to Sander Eitrem ahead of Patrick Roest and Ghiotto."
    )
    assert_results(
        text,
        present=[("Patrick Roest", "allround", None, 2)],
        absent=[("Patrick Roest", "10000m", None, 2)],
    )


# -- a partner, or someone there in a role a few words on, is no skater ------------------------


def athletes(text: str) -> set[str]:
    return {a.skater.name for a in facts(text).athletes}


def test_role_named_a_few_words_after_the_name():
    text = (
        "HEERENVEEN - Joy Beune won de 3000 meter. Sven Kramer was in Thialf als analist "
        "aanwezig. Ireen Wüst worked as a pundit for Dutch television."
    )
    found = athletes(text)
    assert "Joy Beune" in found
    assert "Sven Kramer" not in found and "Ireen Wüst" not in found


def test_partner_named_by_possessive_and_plain_word():
    text = "INZELL - Jorrit Bergsma werd vierde op de 5000 meter. Zijn vrouw Heather keek toe."
    assert athletes(text) == {"Jorrit Bergsma"}


def test_a_skater_who_wins_as_first_is_still_a_skater():
    text = "HAMAR - Femke Kok won als eerste Nederlandse de 500 meter in 37,01."
    assert "Femke Kok" in athletes(text)


# -- "Voor X was het ...: ze": a pronoun after the topic the sentence opens on ----------------


def test_pronoun_after_an_opening_topic_is_that_skater():
    text = (
        "HEERENVEEN - Jutta Leerdam won zaterdag de 1000 meter bij de NK afstanden. Voor "
        "Femke Kok was het een mooie dag: vorig jaar werd ze op deze afstand nog vierde."
    )
    assert all(r.athlete == "Femke Kok" for r in picked(text, lambda r: r.earlier))


# -- "X's time was M.SS.hh": a time cue for an odd notation too --------------------------------


def test_dotted_minutes_after_time_was_is_a_time():
    text = (
        "HAMAR - In the women's 1500m, Miho Takagi won in 1:54.20. Joy Beune was second; "
        "Beune's time was 1.54.61."
    )
    assert_results(text, present=[("Joy Beune", "1500m", "1:54.61", 2)])


# -- the present tense of a live report ties a time to a skater as the past tense does ------


def test_present_tense_clocking_after_a_nationality_description():
    text = (
        "HEERENVEEN - Live: de 10.000 meter bij de NK afstanden. Jorrit Bergsma gaat van start. "
        "De Fries klokt 13.05,40 en neemt de leiding."
    )
    found = results(text)
    assert any(a == "Jorrit Bergsma" and t == "13:05.40" for a, _, t, _ in found)


def test_present_tense_clocking_with_the_name():
    text = "HAMAR - Live vanuit Hamar, 5000 meter. Sander Eitrem klokt 6.03,11."
    assert_results(text, present=[("Sander Eitrem", "5000m", "6:03.11", None)])


# -- a results list flattened into one paragraph ------------------------------------------------


def test_flattened_results_list_gives_every_line_its_place():
    text = (
        "INZELL - Uitslag 1500 meter mannen: 1. Jordan Stolz 1.42,10 2. Kjeld Nuis 1.43,02 "
        "4. Peder Kongshaug 1.43,30 5. Tijmen Snel 1.43,55 6. Marek Kania 1.44,01"
    )
    assert_results(
        text,
        present=[
            ("Jordan Stolz", "1500m", "1:42.10", 1),
            ("Kjeld Nuis", "1500m", "1:43.02", 2),
            ("Peder Kongshaug", "1500m", "1:43.30", 4),
            ("Tijmen Snel", "1500m", "1:43.55", 5),
            ("Marek Kania", "1500m", "1:44.01", 6),
        ],
    )


def test_a_small_number_after_a_time_does_not_join_two_prose_sentences():
    text = "HAMAR - Op de 500 meter won Femke Kok in 37,02. Jutta Leerdam werd tweede in 37,40."
    assert_results(
        text, present=[("Femke Kok", "500m", "37.02", 1), ("Jutta Leerdam", "500m", "37.40", 2)]
    )


# -- "eindigde X (toch) als eerste", "werd X eerste": a win with the subject after the verb ----


def test_inverted_subject_first_in_the_classification():
    text = (
        "HEERENVEEN - Op de NK allround won Angel Daleman de 3000 meter. In het eindklassement "
        "eindigde Marijke Groenewoud uiteindelijk als eerste, Daleman werd tweede."
    )
    assert_results(text, present=[("Marijke Groenewoud", "allround", None, 1)])


def test_first_before_a_noun_is_not_a_place():
    text = (
        "HEERENVEEN - Op de 1500 meter bij de wereldbeker eindigde Joy Beune als eerste "
        "Nederlandse op de vierde plaats."
    )
    found = assert_results(text, present=[("Joy Beune", "1500m", None, 4)])
    assert 1 not in ranks(found)


# -- whose an old record is: the pronoun's subject; who beat it: the agent of "verbeterd door" --


def test_pronoun_holder_of_an_old_record_and_the_agent_who_beat_it():
    text = (
        "HEERENVEEN - Kjeld Nuis werd zaterdag zesde op de 1500 meter. In 2017 versloeg hij "
        "daar nog Thomas Krol. Het baanrecord, dat hij in 2018 in Thialf reed, werd later "
        "verbeterd door Jordan Stolz."
    )
    found = records(text, dt.date(2026, 1, 24))
    assert ("track", "broken", "Kjeld Nuis", None) in found
    assert not any(athlete == "Thomas Krol" for _, _, athlete, _ in found)
    assert not set_here(found)
