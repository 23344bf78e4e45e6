"""Names in the reader's language (web/names.py): countries, cities and rinks, competitions,
levels and record statuses, and the flags the site serves itself."""

from __future__ import annotations

import pytest

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.knowledge.calendar import bundled_calendar
from schaatsradar.web import names
from schaatsradar.web.following import subject_name
from schaatsradar.web.names import FLAGS, competition, country, flag_url, place


def test_countries_by_territory_name_in_each_language():
    assert country("NED", "nl") == "Nederland"
    assert country("NED", "en") == "Netherlands"
    assert country("USA", "nl") == "Verenigde Staten"
    assert country("USA", "en") == "United States"
    assert country("KOR", "nl") == "Zuid-Korea"
    assert country("ned", "nl") == "Nederland"  # however the code is written


def test_teams_race_under_the_olympic_names():
    assert country("GBR", "en") == "Great Britain"
    assert country("GBR", "nl") == "Groot-Brittannië"
    assert country("TPE", "en") == "Chinese Taipei"
    assert country("AIN", "en") == "Individual Neutral Athletes"


def test_an_unknown_code_is_shown_as_it_is():
    assert country("XYZ", "nl") == "XYZ"
    assert country(None, "nl") == "–"
    assert country("", "en") == "–"


def test_every_country_the_extraction_knows_has_a_name_and_a_vendored_flag():
    for code in COUNTRIES:
        assert country(code, "nl") != code, code
        url = flag_url(code)
        assert url is not None, code
        assert (FLAGS / url.rsplit("/", 1)[1]).is_file()


def test_flags_are_plain_svg_without_scripts_or_remote_parts():
    for svg in FLAGS.glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<svg"), svg.name
        assert "<script" not in text and "http://" not in text.replace("http://www.w3.org", ""), (
            svg.name
        )
        assert "https://" not in text, svg.name
    assert "MIT License" in (FLAGS / "NOTICE").read_text(encoding="utf-8")


def test_no_flag_for_what_is_no_country():
    assert flag_url("AIN") is None
    assert flag_url("XYZ") is None
    assert flag_url(None) is None


@pytest.mark.parametrize(
    ("stored", "dutch", "english"),
    [
        ("Olympic Games", "Olympische Spelen", "Olympic Games"),
        ("Olympische Winterspelen", "Olympische Spelen", "Olympic Games"),
        ("WK afstanden", "WK afstanden", "World Single Distances Championships"),
        (
            "World Single Distance Championships",
            "WK afstanden",
            "World Single Distances Championships",
        ),
        ("World Sprint Championships", "WK sprint", "World Sprint Championships"),
        ("World Allround Championships", "WK allround", "World Allround Championships"),
        ("EK allround", "EK allround", "European Allround Championships"),
        ("NK afstanden", "NK afstanden", "Dutch Single Distances Championships"),
        ("World Cup", "Wereldbeker", "World Cup"),
        ("World Cup 3", "Wereldbeker 3", "World Cup 3"),
        ("Wereldbeker Milaan", "Wereldbeker Milaan", "World Cup Milan"),
        ("World Cup 6 final", "Wereldbeker 6 finale", "World Cup 6 Final"),
        ("Junior World Cup", "Wereldbeker junioren", "Junior World Cup"),
        ("World Championships", "WK", "World Championships"),
        ("European Championships", "EK", "European Championships"),
        ("Four Continents", "Vier Continenten-kampioenschap", "Four Continents Championships"),
        ("OKT", "OKT", "Dutch Olympic Trials"),
        ("Wedstrijd in Calgary", "Wedstrijd in Calgary", "Meet in Calgary"),
        ("Wedstrijd in Milan", "Wedstrijd in Milaan", "Meet in Milan"),
        (
            "NK allround & NK sprint",
            "NK allround & NK sprint",
            "Dutch Allround Championships & Dutch Sprint Championships",
        ),
        ("Olympic Games 2022", "Olympische Spelen 2022", "Olympic Games 2022"),
        ("WK afstanden Hamar", "WK afstanden Hamar", "World Single Distances Championships Hamar"),
        ("EK Milaan", "EK Milaan", "European Championships Milan"),
        ("EK junioren", "EK junioren", "EK junioren"),  # not a city: left as it is
        ("KNSB Cup", "KNSB Cup", "KNSB Cup"),  # a meet's own name stays
        ("Viking Race", "Viking Race", "Viking Race"),
    ],
)
def test_competitions_in_each_language(stored: str, dutch: str, english: str):
    assert competition(stored, "nl") == dutch
    assert competition(stored, "en") == english


def test_a_translated_name_translates_back_to_itself():
    for stored in ("Olympic Games", "WK sprint", "World Cup 2", "Wedstrijd in Milan"):
        for language in ("nl", "en"):
            shown = competition(stored, language)
            assert competition(shown, language) == shown


def test_every_meet_of_the_bundled_calendar_has_a_dutch_name():
    english_words = ("World", "Olympic", "Games", "Championships", "Junior")
    for event in bundled_calendar():
        dutch = competition(event.display_name, "nl")
        assert not any(word in dutch for word in english_words), (event.display_name, dutch)


def test_cities_and_rinks():
    assert names.city("Milan", "nl") == "Milaan"
    assert names.city("Milaan", "en") == "Milan"
    assert names.city("Heerenveen", "nl") == "Heerenveen"
    assert names.city(None, "nl") == ""
    assert place("Milan", "Milano Speed Skating Stadium", "nl") == (
        "Milaan (Milano Speed Skating Stadium)"
    )
    assert place("Milan", "Milano Speed Skating Stadium", "en") == (
        "Milan (Milano Speed Skating Stadium)"
    )
    assert place("Inzell", None, "nl") == "Inzell"
    assert place(None, "Thialf", "en") == "Thialf"


def test_levels_and_record_statuses_in_clear_words():
    assert names.level("world cup", "nl") == "Wereldbeker"
    assert names.level("olympics", "nl") == "Olympische Spelen"
    assert names.level("olympics", "en") == "Olympic Games"
    assert names.level("something else", "nl") == "something else"
    assert names.record_status("current", "nl") == "geldend"
    assert names.record_status("current", "en") == "standing"
    assert names.record_status("superseded", "nl") == "verbeterd"
    assert names.record_status("set", "nl") == "gevestigd"


def test_followed_things_are_named_as_the_pages_name_them():
    labels = {("competition", "10"): "Olympic Games"}
    assert subject_name("competition", "10", labels, "nl") == "Olympische Spelen"
    assert subject_name("competition", "10", labels, "en") == "Olympic Games"
    assert subject_name("country", "USA", {}, "nl") == "Verenigde Staten"


@pytest.mark.parametrize(
    ("stored", "dutch", "english"),
    [
        ("WK shorttrack", "WK shorttrack", "World Championships short track"),
        ("World Cup shorttrack", "Wereldbeker shorttrack", "World Cup short track"),
        ("Olympic Games shorttrack", "Olympische Spelen shorttrack", "Olympic Games short track"),
        ("shorttrack", "Shorttrack", "Short track"),
    ],
)
def test_a_short_track_meet_is_named_with_its_discipline(stored: str, dutch: str, english: str):
    assert competition(stored, "nl") == dutch
    assert competition(stored, "en") == english
