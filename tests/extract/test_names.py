"""Tests for the skater registry and name finding (schaatsradar.extract.registry / .names).

Every sentence here is written for these tests; none is taken from an article. Most tests use a
small registry built from CSV text so that what is and is not known is visible in the test.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schaatsradar.extract.names import NameMention, find_skaters
from schaatsradar.extract.registry import Registry, Venue, norm_name
from schaatsradar.extract.types import Skater
from schaatsradar.ingest.dense_prose import dense_race_prose

ATHLETES = """name,aliases,country,gender,born,discipline,source
Jutta Leerdam,,NED,women,,long track,
Femke Kok,,NED,women,,long track,
Antoinette Rijpma-de Jong,Rijpma-De Jong;Antoinette de Jong,NED,women,,long track,
Michelle de Jong,,NED,women,,long track,
Letitia de Jong,,NED,women,,long track,
Jenning de Boo,Jenning De Boo,NED,men,,long track,
Stijn van de Bunt,,NED,men,,long track,
Sanne in 't Hof,,NED,women,,long track,
Tijmen Snel,,NED,men,,long track,
Tim Prins,,NED,men,,long track,
Joep Wennemars,,NED,men,,long track,
Kjeld Nuis,,NED,men,,long track,
Sven Kramer,,NED,men,,long track,
Patrick Roest,,NED,men,,long track,
Jorrit Bergsma,,NED,men,,long track,
Heather Richardson-Bergsma,Heather Bergsma;Heather Richardson,USA,women,,long track,
Martina Sáblíková,,CZE,women,,long track,
Valérie Maltais,,CAN,women,,long track,
Ivanie Blondin,,CAN,women,,long track,
Laurent Dubreuil,,CAN,men,,long track,
Miho Takagi,Takagi Miho,JPN,women,,long track,
Nana Takagi,,JPN,women,,long track,
Erin Jackson,,USA,women,,long track,
Jordan Stolz,,USA,men,,long track,
Sander Eitrem,,NOR,men,,long track,
Ragne Wiklund,,NOR,women,,long track,
Bjørn Magnussen,Bjorn Magnussen,NOR,men,,long track,
Lee Sang-hwa,Sang-Hwa Lee,KOR,women,,long track,
Ning Zhongyan,,CHN,men,,long track,
"""

VENUES = """rink,city,country,indoor,altitude_m,aliases,source,notes
Max Aicher Arena,Inzell,GER,yes,690,Eisstadion Inzell (old name),,
Thialf,Heerenveen,NED,yes,0,IJsstadion Thialf,,
Utah Olympic Oval,Salt Lake City,USA,yes,1425,Kearns,,
Vikingskipet,Hamar,NOR,yes,125,Hamar Olympic Hall,,
Milano Speed Skating Stadium,Milan,ITA,yes,,Milano Ice Park,,
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.from_csv_text(ATHLETES, VENUES)


def known(registry: Registry, name: str) -> Skater:
    skater = registry.skater(name)
    assert skater is not None, name
    return skater


def venue(registry: Registry, name: str) -> Venue:
    found_venue = registry.venue(name)
    assert found_venue is not None, name
    return found_venue


def found(text: str, registry: Registry) -> list[tuple[str, str, str]]:
    """(words as written, skater name, how) for every mention."""
    return [(text[m.start : m.end], m.skater.name, m.how) for m in find_skaters(text, registry)]


def names(text: str, registry: Registry) -> set[str]:
    return {m.skater.name for m in find_skaters(text, registry)}


# ---------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------


def test_registry_parses_skaters_with_country_gender_and_aliases(registry: Registry) -> None:
    assert len(registry.skaters) == 29
    leerdam = registry.skater("Jutta Leerdam")
    assert leerdam == Skater("Jutta Leerdam", "NED", "women")
    assert registry.aliases(known(registry, "Heather Bergsma")) == (
        "Heather Bergsma",
        "Heather Richardson",
    )


@pytest.mark.parametrize(
    "written",
    [
        "Antoinette Rijpma-de Jong",
        "antoinette rijpma de jong",
        "Rijpma-De Jong",
        "Antoinette de Jong",
        "ANTOINETTE RIJPMA-DE JONG",
    ],
)
def test_registry_lookup_ignores_case_accents_and_hyphens(registry: Registry, written: str) -> None:
    assert known(registry, written).name == "Antoinette Rijpma-de Jong"


def test_registry_lookup_folds_accents_and_letters_nfkd_keeps(registry: Registry) -> None:
    assert known(registry, "Martina Sablikova").name == "Martina Sáblíková"
    assert known(registry, "Bjorn Magnussen").name == "Bjørn Magnussen"
    assert known(registry, "Sang-Hwa Lee").name == "Lee Sang-hwa"
    assert registry.skater("Jan Janssen") is None
    assert registry.skater("") is None


def test_norm_name_matches_the_scorer_folding() -> None:
    assert norm_name("Rijpma-De Jong") == "rijpma de jong"
    assert norm_name("Jens van ’t Wout") == "jens van t wout"
    assert norm_name("  Martina   Sáblíková ") == "martina sablikova"
    assert norm_name("Gabriel Groß") == "gabriel gross"


def test_registry_surnames_include_particles_and_alias_surnames(registry: Registry) -> None:
    def surname(key: str) -> list[str]:
        return [s.name for s in registry.by_surname(tuple(key.split()))]

    assert surname("van de bunt") == ["Stijn van de Bunt"]
    assert surname("rijpma de jong") == ["Antoinette Rijpma-de Jong"]
    assert sorted(surname("de jong")) == [
        "Antoinette Rijpma-de Jong",
        "Letitia de Jong",
        "Michelle de Jong",
    ]
    assert sorted(surname("bergsma")) == ["Heather Richardson-Bergsma", "Jorrit Bergsma"]
    assert surname("lee") == ["Lee Sang-hwa"]  # family name first
    assert surname("takagi") == ["Miho Takagi", "Nana Takagi"]


def test_registry_venues_carry_rink_and_common_city_spellings(registry: Registry) -> None:
    milan = registry.venue("Milaan")
    assert isinstance(milan, Venue)
    assert milan.city == "Milan"
    assert {"Milano Speed Skating Stadium", "Milano Ice Park", "Milaan", "Milano"} <= set(
        milan.aliases
    )
    assert venue(registry, "Thialf").city == "Heerenveen"
    assert venue(registry, "Kearns").city == "Salt Lake City"
    assert "Eisstadion Inzell" in venue(registry, "Inzell").aliases
    assert registry.is_venue(("salt", "lake", "city"))


def test_bundled_registry_is_read_once_and_knows_the_reference_data() -> None:
    bundled = Registry.bundled()
    assert Registry.bundled() is bundled
    assert bundled.skater("Jutta Leerdam") == Skater("Jutta Leerdam", "NED", "women")
    assert venue(bundled, "Vikingskipet").city == "Hamar"
    assert venue(bundled, "Milaan").city == "Milan"


# ---------------------------------------------------------------------------------------------
# Full names and aliases
# ---------------------------------------------------------------------------------------------


def test_full_name_with_exact_span(registry: Registry) -> None:
    text = "In Heerenveen was Jutta Leerdam zaterdag de snelste op de 1000 meter."
    [mention] = find_skaters(text, registry)
    assert mention == NameMention(18, 31, known(registry, "Jutta Leerdam"), "full")
    assert text[mention.start : mention.end] == "Jutta Leerdam"


def test_full_names_ignore_accents_case_and_hyphen_case(registry: Registry) -> None:
    text = (
        "Martina Sablikova reed een sterke 5000 meter. ANTOINETTE RIJPMA-DE JONG won de 1500 "
        "meter en Valérie Maltais werd derde."
    )
    assert found(text, registry) == [
        ("Martina Sablikova", "Martina Sáblíková", "full"),
        ("ANTOINETTE RIJPMA-DE JONG", "Antoinette Rijpma-de Jong", "full"),
        ("Valérie Maltais", "Valérie Maltais", "full"),
    ]


def test_aliases_and_name_order_variants(registry: Registry) -> None:
    text = "Heather Bergsma keek toe hoe Takagi Miho en Sang-Hwa Lee naar het podium reden."
    assert found(text, registry) == [
        ("Heather Bergsma", "Heather Richardson-Bergsma", "alias"),
        ("Takagi Miho", "Miho Takagi", "alias"),
        ("Sang-Hwa Lee", "Lee Sang-hwa", "alias"),
    ]


def test_possessive_names_span_only_the_name(registry: Registry) -> None:
    text = "Jutta Leerdams rit was de snelste. Later reed Leerdams ploeggenote. Eitrem's time held."
    assert found(text, registry) == [
        ("Jutta Leerdam", "Jutta Leerdam", "full"),
        ("Leerdam", "Jutta Leerdam", "surname"),
        ("Eitrem", "Sander Eitrem", "surname"),
    ]


def test_all_lower_case_words_are_not_names(registry: Registry) -> None:
    assert find_skaters("de kok had een jutta leerdam-taart gebakken", registry) == []


def test_longest_name_wins_over_a_shorter_alias_inside_it(registry: Registry) -> None:
    text = "Antoinette Rijpma-de Jong reed naar goud."
    assert found(text, registry) == [
        ("Antoinette Rijpma-de Jong", "Antoinette Rijpma-de Jong", "full")
    ]


# ---------------------------------------------------------------------------------------------
# Surnames on their own
# ---------------------------------------------------------------------------------------------


def test_surname_resolves_to_the_skater_named_in_full(registry: Registry) -> None:
    text = "Miho Takagi won de 1500 meter. Takagi was twee tienden sneller dan de rest."
    assert found(text, registry) == [
        ("Miho Takagi", "Miho Takagi", "full"),
        ("Takagi", "Miho Takagi", "surname"),
    ]


def test_ambiguous_surname_without_a_full_name_is_dropped(registry: Registry) -> None:
    assert find_skaters("Takagi won de 1500 meter met overmacht.", registry) == []
    assert find_skaters("De Jong won de 1500 meter.", registry) == []


def test_unique_registry_surname_resolves_without_a_full_name(registry: Registry) -> None:
    text = "In de sprint was De Boo de snelste, voor Prins en Rijpma-de Jong."
    assert found(text, registry) == [
        ("De Boo", "Jenning de Boo", "surname"),
        ("Prins", "Tim Prins", "surname"),
        ("Rijpma-de Jong", "Antoinette Rijpma-de Jong", "surname"),
    ]


def test_surname_at_sentence_start_counts(registry: Registry) -> None:
    assert found("Prins won de 500 meter in een baanrecord.", registry) == [
        ("Prins", "Tim Prins", "surname")
    ]


def test_surname_that_is_an_ordinary_sentence_opener_needs_a_full_name(
    registry: Registry,
) -> None:
    assert find_skaters("Snel reden ze naar huis na de wedstrijd.", registry) == []
    text = "Tijmen Snel reed de 1500 meter. Snel was tevreden."
    assert [h for _, _, h in found(text, registry)] == ["full", "surname"]


def test_lower_case_surname_is_an_ordinary_word(registry: Registry) -> None:
    assert find_skaters("De kok van de ploeg zorgde voor een snel ontbijt.", registry) == []


def test_surname_with_particles_and_the_particle_capitalised(registry: Registry) -> None:
    text = "Stijn van de Bunt won de 10.000 meter. Van de Bunt was later ook op de 5000 meter snel."
    assert found(text, registry) == [
        ("Stijn van de Bunt", "Stijn van de Bunt", "full"),
        ("Van de Bunt", "Stijn van de Bunt", "surname"),
    ]


def test_surname_goes_to_the_most_recent_full_name_when_two_share_it(
    registry: Registry,
) -> None:
    text = (
        "Jorrit Bergsma won de 10.000 meter. Daarna won Heather Bergsma de 1500 meter. "
        "Bergsma reed 1.53,40."
    )
    assert found(text, registry)[-1] == ("Bergsma", "Heather Richardson-Bergsma", "surname")


def test_surname_shared_by_two_people_named_together_is_unclear(registry: Registry) -> None:
    text = "Letitia de Jong en Michelle de Jong reden allebei de 500 meter. De Jong was snelst."
    assert [n for _, n, _ in found(text, registry)] == ["Letitia de Jong", "Michelle de Jong"]


def test_surname_followed_by_another_name_word_is_not_a_mention(registry: Registry) -> None:
    assert find_skaters("Prins Bernhard bezocht het ijsstadion.", registry) == []


def test_title_case_headline_still_finds_surnames(registry: Registry) -> None:
    text = "Leerdam Takes Gold In Inzell As Kok Wins Silver"
    assert found(text, registry) == [
        ("Leerdam", "Jutta Leerdam", "surname"),
        ("Kok", "Femke Kok", "surname"),
    ]


def test_family_name_first_surname(registry: Registry) -> None:
    text = "Ning Zhongyan skated the final lap. Ning crossed the line first."
    assert found(text, registry) == [
        ("Ning Zhongyan", "Ning Zhongyan", "full"),
        ("Ning", "Ning Zhongyan", "surname"),
    ]


def test_short_east_asian_family_name_needs_a_full_name(registry: Registry) -> None:
    assert find_skaters("Lee finished third in the 500m.", registry) == []


# ---------------------------------------------------------------------------------------------
# Misspellings
# ---------------------------------------------------------------------------------------------


def test_misspelt_name_is_matched_fuzzily(registry: Registry) -> None:
    text = "Ivanie Blondin reed met Valterie Maltais de ploegenachtervolging."
    assert found(text, registry)[1] == ("Valterie Maltais", "Valérie Maltais", "fuzzy")


def test_misspelt_surname_is_matched_when_one_letter_off(registry: Registry) -> None:
    text = "Martina Sablikowa werd tweede op de 3000 meter."
    assert found(text, registry) == [("Martina Sablikowa", "Martina Sáblíková", "fuzzy")]


def test_misspelt_surname_with_letters_out_of_order_is_matched(registry: Registry) -> None:
    text = "Ragne Wkliund kon in de laatste rit niet tippen aan de snelle slotronden."
    assert found(text, registry) == [("Ragne Wkliund", "Ragne Wiklund", "fuzzy")]
    text = "Sander Etirem werd tweede op de 5000 meter."
    assert found(text, registry) == [("Sander Etirem", "Sander Eitrem", "fuzzy")]
    # Other letters are another name, not a typo.
    assert "Ragne Wiklund" not in names("Ragne Wklunid kwam niet in actie.", registry)


def test_fuzzy_needs_the_same_surname_and_same_number_of_words(registry: Registry) -> None:
    # Another given name with a registry surname is another person, not a misspelling.
    assert "Joep Wennemars" not in names("Erben Wennemars reed in 1998 een wereldrecord.", registry)
    # A misspelt given name with a weak surname is not enough.
    assert find_skaters("Jutte Leerd reed in 1.14,50 naar de zege.", registry)[0].how == "unknown"
    # Single words are never matched fuzzily.
    assert find_skaters("Gisteren reed Leerdamm een 1.13,50.", registry) == []
    # A different surname is not a misspelling, however close the given name.
    assert find_skaters("Valerie Maltese zat op de tribune.", registry) == []


# ---------------------------------------------------------------------------------------------
# Skaters the registry does not know
# ---------------------------------------------------------------------------------------------


def test_unknown_skater_in_race_context(registry: Registry) -> None:
    text = "Bij de NK won Femke de Vries de 500 meter in 37,80. De Vries was heel blij."
    mentions = find_skaters(text, registry)
    assert [(text[m.start : m.end], m.how) for m in mentions] == [
        ("Femke de Vries", "unknown"),
        ("De Vries", "surname"),
    ]
    assert mentions[0].skater == Skater("Femke de Vries", None, None, known=False)
    assert mentions[1].skater is mentions[0].skater


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het zilver ging naar de Zuid-Koreaan Park Min-jun.", "Park Min-jun"),
        ("De Litouwse Egle Kairyte pakte het brons.", "Egle Kairyte"),
        ("Shorttracker Daan van 't Veld won in de finale.", "Daan van 't Veld"),
        ("Toen reed Jan Brouwer een persoonlijk record van 1.45,12.", "Jan Brouwer"),
        ("Montreal's Pierre Gagnon (35.42) placed 19th.", "Pierre Gagnon"),
        ("Czech skater Tomas Novak clocked 6:12.40 in the 5000m.", "Tomas Novak"),
        ("Lukas Meier uit Zwitserland was de beste Europeaan.", "Lukas Meier"),
        ("De Ier Sean Murphy debuteerde als twaalfde.", "Sean Murphy"),
    ],
)
def test_unknown_skaters_in_many_kinds_of_skater_context(
    registry: Registry, text: str, expected: str
) -> None:
    mentions = find_skaters(text, registry)
    assert [(text[m.start : m.end], m.how, m.skater.known) for m in mentions] == [
        (expected, "unknown", False)
    ]


def test_unknown_name_without_skater_context_is_not_a_skater(registry: Registry) -> None:
    assert find_skaters("Gisteren sprak Jan Bosman met de pers over het weer.", registry) == []


def test_unknown_skater_surname_before_the_full_name_in_a_heading(registry: Registry) -> None:
    text = "Van 't Veld pakt tweede titel\nShorttracker Daan van 't Veld won ook de 1500 meter."
    assert found(text, registry) == [
        ("Van 't Veld", "Daan van 't Veld", "surname"),
        ("Daan van 't Veld", "Daan van 't Veld", "unknown"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Stolz uit de Verenigde Staten won in Salt Lake City met 1.06,20.",
        "Op de Olympische Spelen won Jordan Stolz goud in 1.06,20.",
        "Jordan Stolz won the Speed Skating World Cup race in 1:06.20.",
        "In de Max Aicher Arena won Jordan Stolz in 1.06,20.",
        "Namens Team Jumbo Visma won Jordan Stolz in 1.06,20.",
        "In Februari Maand won Jordan Stolz in 1.06,20.",
        "Jordan Stolz won in Milano Ice Park in 1.06,20, zei de KNSB tegen ANP.",
    ],
)
def test_competitions_venues_countries_and_organisations_are_not_people(
    registry: Registry, text: str
) -> None:
    assert names(text, registry) == {"Jordan Stolz"}


def test_capitalised_sentence_openers_are_not_given_names(registry: Registry) -> None:
    assert names("Ook Kees Verhoef reed de 1500 meter in 1.46,80.", registry) == {"Kees Verhoef"}


def test_title_case_headings_make_no_unknown_skaters(registry: Registry) -> None:
    assert find_skaters("Speed Skating Season Opener Brings Gold For Home Team", registry) == []


def test_photo_credits_and_bylines_are_not_skaters(registry: Registry) -> None:
    text = "Jutta Leerdam won in 1.12,74. (Foto: Peter Bakker/ANP)\nDoor Karin Smit\n"
    assert names(text, registry) == {"Jutta Leerdam"}


def test_publisher_promotion_gives_no_skater_context(registry: Registry) -> None:
    text = "Download onze app: wereldkampioene Anna Visser geeft er elke week goud waard advies."
    assert find_skaters(text, registry) == []


def test_words_in_quotes_give_no_skater_context(registry: Registry) -> None:
    text = '"Ik zag Leerdam winnen in 1.12,74", zei Kees Jansen na afloop.'
    assert names(text, registry) == {"Jutta Leerdam"}


# ---------------------------------------------------------------------------------------------
# People who are not skaters here
# ---------------------------------------------------------------------------------------------


def test_analyst_and_his_surname_are_not_returned(registry: Registry) -> None:
    text = (
        "Jutta Leerdam won de 1000 meter in 1.13,10. Dat vond analist Erben Wennemars "
        "indrukwekkend. Wennemars wees op haar opening."
    )
    assert names(text, registry) == {"Jutta Leerdam"}  # and not Joep Wennemars


def test_partner_of_a_skater_is_not_a_skater(registry: Registry) -> None:
    text = (
        "Leerdams vriend Jake Paul keek vanuit Amerika mee. Paul won ooit zelf een partij "
        "en werd tweede in een tv-show."
    )
    assert found(text, registry) == [("Leerdam", "Jutta Leerdam", "surname")]


@pytest.mark.parametrize(
    "text",
    [
        "Bondscoach Rintje de Vries was tevreden over de 1500 meter.",
        "Bokser Rico Verhoef won zijn partij en werd tweede op de ranglijst.",
        "Zo zag oud-schaatser Martin Jansma hoe de 500 meter werd gereden.",
        "Presentator Tom Egbers meldde dat de derde rit werd gereden.",
        "Coach Jac Bos zag zijn pupil op het podium eindigen.",
        "Jac Bos, trainer van de ploeg, zag de 1000 meter winnen.",
        "De 1000 meter werd gewonnen, zei analyst Mark Tuitert.",
    ],
)
def test_people_named_with_a_role_are_not_skaters(registry: Registry, text: str) -> None:
    assert find_skaters(text, registry) == []


def test_registry_skater_named_only_as_analyst_is_left_out(registry: Registry) -> None:
    text = "Analist Sven Kramer zag hoe Patrick Roest won. Kramer was onder de indruk."
    assert names(text, registry) == {"Patrick Roest"}


def test_role_is_outweighed_by_clear_skater_context_elsewhere(registry: Registry) -> None:
    text = (
        "Sven Kramer (analist) zag Patrick Roest winnen in 6.05,12. Kramer reed zelf ooit "
        "6.03,32 op deze baan."
    )
    assert names(text, registry) == {"Sven Kramer", "Patrick Roest"}


def test_two_people_in_an_apposition_list_keep_their_own_roles(registry: Registry) -> None:
    text = "Jordan Stolz, trainer Bob Corby en de ploeg vierden de 1000 meter."
    assert names(text, registry) == {"Jordan Stolz"}


# ---------------------------------------------------------------------------------------------
# References
# ---------------------------------------------------------------------------------------------


def test_nationality_reference_resolves_to_the_last_compatible_skater(
    registry: Registry,
) -> None:
    text = (
        "Ivanie Blondin en Jutta Leerdam botsten bij het inrijden. De Canadese kwam het "
        "hardst ten val, de Nederlandse reed later nog 37,60."
    )
    assert [(w, n, h) for w, n, h in found(text, registry) if h == "reference"] == [
        ("De Canadese", "Ivanie Blondin", "reference"),
        ("de Nederlandse", "Jutta Leerdam", "reference"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "who"),
    [
        (
            "Femke Kok won. De 25-jarige schaatsster reed 36,20.",
            "De 25-jarige schaatsster",
            "Femke Kok",
        ),
        (
            "Kjeld Nuis won. De 35-jarige Nederlander was blij.",
            "De 35-jarige Nederlander",
            "Kjeld Nuis",
        ),
        (
            "Jenning de Boo won. De regerend wereldkampioen reed 34,10.",
            "De regerend wereldkampioen",
            "Jenning de Boo",
        ),
        ("Jutta Leerdam won. De topschaatsster was blij.", "De topschaatsster", "Jutta Leerdam"),
        ("Sander Eitrem won. De Noor was blij.", "De Noor", "Sander Eitrem"),
        ("Erin Jackson won. De Amerikaanse was blij.", "De Amerikaanse", "Erin Jackson"),
        ("Femke Kok won. De Friese had het zwaar.", "De Friese", "Femke Kok"),
        ("Jutta Leerdam won. The Dutchwoman was delighted.", "The Dutchwoman", "Jutta Leerdam"),
        ("Jordan Stolz won. The 21-year-old clocked 1:06.20.", "The 21-year-old", "Jordan Stolz"),
        ("Jordan Stolz won. The 21-year-old's time stood.", "The 21-year-old", "Jordan Stolz"),
        (
            "Laurent Dubreuil won; the Canadian said he was happy.",
            "the Canadian",
            "Laurent Dubreuil",
        ),
    ],
)
def test_reference_phrases(registry: Registry, text: str, phrase: str, who: str) -> None:
    refs = [(w, n) for w, n, h in found(text, registry) if h == "reference" and w == phrase]
    assert refs == [(phrase, who)]


def test_reference_respects_gender(registry: Registry) -> None:
    text = "Kjeld Nuis en Femke Kok wonnen goud. De 30-jarige schaatser was het snelst."
    refs = [(w, n) for w, n, h in found(text, registry) if h == "reference"]
    assert refs == [("De 30-jarige schaatser", "Kjeld Nuis")]


@pytest.mark.parametrize(
    "text",
    [
        "Jutta Leerdam won. De Nederlandse ploeg was blij.",
        "Jutta Leerdam won. Het Canadese team werd tweede.",
        "Jutta Leerdam won. De Nederlandse schaatsbond was tevreden.",
        "Jutta Leerdam won. De Nederlandse vrouwen wonnen ook de ploegenachtervolging.",
        "Jutta Leerdam won. The Canadian team finished second.",
        "Jutta Leerdam won. The Dutch took all the medals.",
        "Jutta Leerdam won voor de Canadese Ivanie Blondin.",
        "Jutta Leerdam won. De Noor was er niet.",  # no Norwegian named
        "Jutta Leerdam won. Het regende. Het waaide. Het vroor. De Nederlandse was blij.",
    ],
)
def test_no_reference_where_the_text_is_not_clear(registry: Registry, text: str) -> None:
    assert [w for w, _, h in found(text, registry) if h == "reference"] == []


def test_blank_lines_and_headings_do_not_stretch_the_window(registry: Registry) -> None:
    text = (
        "Martina Sáblíková reed lang aan kop.\n\nSterke slotronde\n\n"
        "De Tsjechische finishte in 6.48,20."
    )
    refs = [(w, n) for w, n, h in found(text, registry) if h == "reference"]
    assert refs == [("De Tsjechische", "Martina Sáblíková")]


def test_pronouns_at_clause_start_follow_gender(registry: Registry) -> None:
    text = (
        "Kjeld Nuis pakte zilver. Hij was tevreden, maar hij wilde meer. Femke Kok won goud. "
        "Zij reed 36,10."
    )
    refs = [(w, n) for w, n, h in found(text, registry) if h == "reference"]
    assert refs == [("Hij", "Kjeld Nuis"), ("hij", "Kjeld Nuis"), ("Zij", "Femke Kok")]


def test_pronoun_without_a_compatible_skater_is_not_a_mention(registry: Registry) -> None:
    assert [h for _, _, h in found("Femke Kok won. Hij was trots op haar.", registry)] == ["full"]


def test_plural_ze_is_not_a_reference(registry: Registry) -> None:
    text = "Femke Kok en Jutta Leerdam reden samen. Ze reden allebei een toptijd."
    assert [h for _, _, h in found(text, registry)] == ["full", "full"]


def test_pronoun_about_a_non_skater_is_not_resolved_to_a_skater(registry: Registry) -> None:
    text = "Kjeld Nuis won. Bondscoach Rintje de Vries keek toe. Hij was tevreden."
    assert [h for _, _, h in found(text, registry)] == ["full"]


# ---------------------------------------------------------------------------------------------
# The bundled registry
# ---------------------------------------------------------------------------------------------


def test_with_bundled_registry_race_report() -> None:
    text = (
        "Femke Kok was er niet bij. Jutta Leerdam won in Inzell de 1000 meter in 1.12,74, "
        "voor Miho Takagi. De Nederlandse was blij. Takagi baalde. Blondin en Valterie Maltais "
        "reden de ploegenachtervolging met Rijpma-De Jong in de buurt."
    )
    got = found(text, Registry.bundled())
    assert {n for _, n, _ in got} == {
        "Jutta Leerdam",
        "Miho Takagi",
        "Femke Kok",
        "Ivanie Blondin",
        "Valérie Maltais",
        "Antoinette Rijpma-de Jong",
    }
    assert ("Valterie Maltais", "Valérie Maltais", "fuzzy") in got
    assert ("Takagi", "Miho Takagi", "surname") in got
    assert ("De Nederlandse", "Jutta Leerdam", "reference") in got


def test_with_bundled_registry_analyst_surname_is_not_the_skater() -> None:
    text = "Volgens analist Erben Wennemars was het een goede race. Wennemars lachte."
    assert find_skaters(text, Registry.bundled()) == []


def test_with_bundled_registry_ambiguous_korean_family_name() -> None:
    assert find_skaters("Kim finished second in the 1500m.", Registry.bundled()) == []


def test_with_bundled_registry_english_report() -> None:
    text = (
        "Jordan Stolz clocked 1:06.20 in Salt Lake City. The American beat Jenning de Boo, "
        "and Cooper McLeod finished third."
    )
    got = found(text, Registry.bundled())
    assert [n for _, n, h in got if h != "reference"] == [
        "Jordan Stolz",
        "Jenning de Boo",
        "Cooper McLeod",
    ]
    assert ("The American", "Jordan Stolz", "reference") in got


# ---------------------------------------------------------------------------------------------
# Properties and speed
# ---------------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Jutta Leerdam",
        "Leerdams",
        " de ",
        "De Nederlandse",
        " 't ",
        "Van 't Wout",
        "1.12,74",
        "\n",
        ". ",
        "Zij ",
        "hij",
        "“",
        "”",
        '"',
        "'",
        "Kok",
        "-",
        "Rijpma-De Jong",
        "Jan Bos",
        "reed",
        "analist ",
        "won",
        "Ń",
        "ß",
        "İ",
        "ǅ",
        "ﬁ",
        "Ⅳ",
        "\u0301",
        "e\u0301",
        "’s",
        "'s",
        "Valterie Maltais",
        "the 21-year-old",
        "(",
        "/",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=4))).map("".join)))
def test_any_text_gives_sorted_plausible_spans(text: str) -> None:
    mentions = find_skaters(text, Registry.from_csv_text(ATHLETES, VENUES))
    assert mentions == sorted(mentions, key=lambda m: (m.start, m.end))
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        words = text[m.start : m.end]
        assert words == words.strip()
        assert words[0].isalnum() or words[0] in "'’"  # letters, incl. letter-like numerals
        assert words[-1].isalnum()
        assert any(c.isalpha() for c in words)
        assert m.start >= previous_end  # mentions never overlap
        previous_end = m.end


def test_large_input_finds_every_written_name() -> None:
    """100 KB of dense race prose (the text `bench/extract_bench.py` times the name finder on:
    its speed is a bench figure, not a test): every full name written is found at its own
    span as that skater, however far into the text, and the analyst is never a skater."""
    registry = Registry.bundled()
    text = dense_race_prose(100_000)
    found = {(m.start, m.end): m.skater.name for m in find_skaters(text, registry)}
    for name in ("Jutta Leerdam", "Miho Takagi", "Jordan Stolz", "Jenning de Boo"):
        written = [(w.start(), w.end()) for w in re.finditer(name, text)]
        assert len(written) > 100
        assert all(found.get(span) == name for span in written), name
    assert "Erben Wennemars" not in found.values()
