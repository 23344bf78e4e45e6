"""A world title named without its format ("wereldkampioen in Hamar", "the 2021 World
Championships in Heerenveen") is the one championship the bundled table holds at that place
in that year that skates the race: a report of it joins the championship's own meet instead of
making a second one beside it, and history of a named year is filed under its edition instead
of staying a mention. Where the table holds two there that skate the race, or the text gives
no place, nothing is guessed. Our own facts, in the extraction contract's shape."""

from __future__ import annotations

from pathlib import Path

from schaatsradar.knowledge.championships import format_held, load_editions
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.knowledge.championship_table import TABLE
from tests.knowledge.test_meets import (
    _articles,
    _fact,
    _meet_of,
    _news_meets,
    _reconcile,
    knowledge,
)

__all__ = ["knowledge"]  # the fixture


def test_the_table_names_the_one_championship_held_there_that_skates_the_race():
    table = load_editions(TABLE)
    assert format_held("world", 2009, "Vikingskipet", "5000m", editions=table) == "distances"
    # 2010 in Hamar: the sprint and the allround; only the allround skates a 5000m ...
    assert format_held("world", 2010, "Hamar", "5000m", editions=table) == "allround"
    assert format_held("world", 2010, "Hamar", "sprint", editions=table) == "sprint"
    # ... and both skate a 500m: not said.
    assert format_held("world", 2010, "Hamar", "500m", editions=table) is None
    # No place, another place, a year the table does not hold, another kind: not known.
    assert format_held("world", 2009, None, "5000m", editions=table) is None
    assert format_held("world", 2009, "Inzell", "5000m", editions=table) is None
    assert format_held("world", 2012, "Hamar", "5000m", editions=table) is None
    assert format_held("european", 2009, "Hamar", "5000m", editions=table) is None


def test_a_bare_world_title_reported_at_its_rink_joins_the_championships_meet(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # Two reports of the single-distance WK of March 2025 in Hamar (the bundled table): the
    # first says only "wereldkampioen" in the Vikingskipet, the next names it.
    bare, named = _articles(knowledge, settings, tmp_path, "2025-03-16", "2025-03-17")
    wk = {"venue": "Hamar", "gender": "women"}
    named_fact = _fact(
        "Anna Genoemd", competition="WK afstanden", race_date="2025-03-13", distance="3000m", **wk
    )
    bare_fact = _fact(
        "Bea Kaal",
        competition="World Championships",
        race_date="2025-03-15",
        distance="5000m",
        **wk,
    )
    assert _reconcile(knowledge, bare, bare_fact) == []
    assert _reconcile(knowledge, named, named_fact) == []
    assert _meet_of(knowledge, "Bea Kaal") == _meet_of(knowledge, "Anna Genoemd")
    assert _meet_of(knowledge, "Bea Kaal").startswith("WK afstanden")
    assert [m.name for m in _news_meets(knowledge) if m.city == "Hamar"] == ["WK afstanden"]


def test_bare_world_titles_of_a_named_year_are_filed_under_the_edition_held_there(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    article, other = _articles(knowledge, settings, tmp_path, "2025-11-10", "2025-11-12")
    history = {"earlier": True, "competition": "World Championships", "gender": "men"}
    refused = _reconcile(
        knowledge,
        article,
        # Heerenveen 2021 held only the single-distance WK.
        _fact("Cor Tienduizend", distance="10000m", year=2021, venue="Heerenveen", **history),
        # Inzell 2024 held the sprint and the allround: the sprint title is the sprint's ...
        _fact("Dirk Sprinter", distance="sprint", year=2024, venue="Inzell", **history),
        # ... and a title without a place says nothing.
        _fact("Frits Nergens", distance="10000m", year=2021, venue=None, **history),
    )
    assert _meet_of(knowledge, "Cor Tienduizend") == "WK afstanden 2021 @ Heerenveen"
    assert _meet_of(knowledge, "Dirk Sprinter") == "WK sprint 2024 @ Inzell"
    assert len(refused) == 1 and "a meet not known" in refused[0]
    # A 500m alone may be of either championship held at Inzell in 2024: not said.
    refused = _reconcile(
        knowledge,
        other,
        _fact("Evert Onbekend", distance="500m", year=2024, venue="Inzell", **history),
    )
    assert len(refused) == 1 and "a meet not known" in refused[0]


def test_an_allround_or_sprint_title_is_that_championship_whatever_its_kind(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # "Last year she became European allround champion in Heerenveen", "world sprint
    # champion in 2019" (invented): the classification is only ranked at its own
    # championship, whether or not the table knows the edition.
    [article] = _articles(knowledge, settings, tmp_path, "2025-11-10")
    history = {"earlier": True, "gender": "women"}
    refused = _reconcile(
        knowledge,
        article,
        _fact(
            "Greet Allround",
            distance="allround",
            competition="European Championships",
            year=2025,
            venue="Heerenveen",
            **history,
        ),
        _fact(
            "Hanna Sprint",
            distance="sprint",
            competition="World Championships",
            year=2019,
            venue=None,
            **history,
        ),
    )
    assert refused == []
    assert _meet_of(knowledge, "Greet Allround") == "EK allround 2025 @ Heerenveen"
    # The table places the 2019 world sprint championships.
    assert _meet_of(knowledge, "Hanna Sprint") == "WK sprint 2019 @ Heerenveen"
