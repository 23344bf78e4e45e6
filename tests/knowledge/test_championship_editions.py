"""History is history, and a championship named as history is a real edition: filed under
the edition of its year at the place the bundled table gives it, and kept as a mention when
the text's place or year contradicts the table (a misread place, a single-distance WK in an
Olympic season). The facts are our own, handed over in the extraction contract's shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from schaatsradar.knowledge.championship_format import format_by_races
from schaatsradar.knowledge.championships import (
    COMPLETE,
    Edition,
    bundled_editions,
    edition_of,
)
from schaatsradar.knowledge.olympics import bundled_games
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from tests.knowledge.championship_table import article_of, editions
from tests.knowledge.test_meets import _articles, _fact, _meet_of, _reconcile, knowledge

__all__ = ["article_of", "editions", "knowledge"]  # the fixtures


def test_an_edition_is_known_by_kind_format_and_year_at_its_place_or_its_other_names(
    editions: tuple[Edition, ...],
):
    table = editions
    found = edition_of("world", "distances", 2031, "Vikingskipet", editions=table)
    assert found.edition is not None and found.edition.city == "Hamar"
    assert edition_of("world", "allround", 2031, None, editions=table).edition is not None
    wrong = edition_of("world", "allround", 2031, "Calgary", editions=table)
    assert wrong.edition is None and "not held in Calgary but in Inzell" in wrong.reason
    # A year the table does not list: not known, unless the table lists every year then.
    assert edition_of("world", "sprint", 2031, "Hamar", editions=table).reason == ""
    assert edition_of("european", "distances", 2031, None, editions=table).edition is None


def test_the_bundled_table_lists_every_single_distance_edition_and_none_in_olympic_years():
    editions = bundled_editions()
    assert len({(e.level, e.form, e.year) for e in editions}) == len(editions)
    # Since 2002 the single-distance WK is not skated in a Games season (1998 still was).
    olympic_years = {g.year for g in bundled_games() if g.year >= 2002}
    for (level, form), years in COMPLETE.items():
        listed = {e.year for e in editions if (e.level, e.form) == (level, form)}
        assert listed <= set(years)
        assert not listed & olympic_years, "no single-distance WK is skated in a Games season"
    assert "held" in edition_of("world", "distances", 2018, None).reason
    assert all(e.source.startswith("https://") for e in editions)


def test_an_earlier_championship_takes_the_place_of_its_edition(
    knowledge: Store, article_of: Callable[[str], ArticleRef]
):
    article = article_of("2024-11-10")
    history = {"earlier": True, "venue": None, "distance": "5000m", "gender": "men"}
    refused = _reconcile(
        knowledge,
        article,
        _fact("Eerde Winnaar", competition="WK afstanden 2011", year=2011, **history),
    )
    assert refused == []
    assert _meet_of(knowledge, "Eerde Winnaar") == "WK afstanden 2011 @ Inzell"
    with knowledge.read() as conn:
        [result] = [r for r in kb.results(conn) if r.athlete == "Eerde Winnaar"]
        meet = kb.competition(conn, result.competition_id)
    assert meet is not None and meet.start_date is None  # undated: not the article's day


def test_a_place_or_year_that_contradicts_the_table_keeps_the_result_a_mention(
    knowledge: Store, article_of: Callable[[str], ArticleRef]
):
    article = article_of("2024-11-10")
    wrong_place = _fact(
        "Ida Elders", competition="WK sprint 2016", year=2016, earlier=True, venue="Calgary"
    )
    olympic_season = _fact(
        "Jet Nooit", competition="WK afstanden 2018", year=2018, earlier=True, venue=None
    )
    other_name = _fact(
        "Kim Thialf", competition="WK afstanden 2015", year=2015, earlier=True, venue="Thialf"
    )
    refused = _reconcile(knowledge, article, wrong_place, olympic_season, other_name)
    assert len(refused) == 2
    assert any("not held in Calgary but in Seoul" in r for r in refused)
    assert any("no such championship was held in 2018" in r for r in refused)
    with knowledge.read() as conn:
        shown = {r.athlete for r in kb.results(conn)}
        meets = kb.competitions_between(conn, dt.date(1900, 1, 1), dt.date(2100, 1, 1))
    assert shown >= {"Kim Thialf"} and not shown & {"Ida Elders", "Jet Nooit"}
    assert not [m for m in meets if m.name in ("WK sprint 2016", "WK afstanden 2018")]
    assert _meet_of(knowledge, "Kim Thialf").startswith("WK afstanden 2015 @ ")


def test_the_races_an_article_names_of_one_edition_tell_a_bare_championships_format():
    # The sprint skates no 1500m and the allround no 1000m: both together are single distances.
    assert format_by_races({"500m", "1000m", "1500m"}) == "distances"
    assert format_by_races({"mass start"}) == "distances"
    assert format_by_races({"sprint"}) == "sprint"
    # A 500m alone, or a 500m with a 1000m, is skated at more than one championship.
    assert format_by_races({"500m"}) is None
    assert format_by_races({"500m", "1000m"}) is None
    assert format_by_races(set()) is None


def test_a_bare_world_championship_of_a_year_is_filed_when_its_races_tell_the_format(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # "Last season she won the 500, 1000 and 1500 at the World Championships" (invented):
    # only the single-distance WK skates all three, and the table places its 2023 edition.
    [article] = _articles(knowledge, settings, tmp_path, "2024-11-10")
    history = {"earlier": True, "year": 2023, "venue": None, "gender": "women"}
    swept = [
        _fact("Vera Drievoud", distance=d, competition="World Championships 2023", **history)
        for d in ("500m", "1000m", "1500m")
    ]
    # One 500m title of another year: sprint or single distances, not said: a mention.
    alone = _fact(
        "Olga Eenmaal",
        distance="500m",
        competition="World Championships 2021",
        **{**history, "year": 2021},
    )
    # A format the races tell, in a year the table holds no such edition: no edition made.
    before_the_table = [
        _fact(
            "Oud Goud",
            distance=d,
            competition="World Championships 1990",
            **{**history, "year": 1990},
        )
        for d in ("1000m", "1500m")
    ]
    refused = _reconcile(knowledge, article, *swept, alone, *before_the_table)
    assert len(refused) == 3 and all("a meet not known" in r for r in refused)
    with knowledge.read() as conn:
        shown = [r for r in kb.results(conn) if r.athlete == "Vera Drievoud"]
        assert not [r for r in kb.results(conn) if r.athlete in ("Olga Eenmaal", "Oud Goud")]
        meets = kb.competitions_between(conn, dt.date(1900, 1, 1), dt.date(2100, 1, 1))
    assert not [m for m in meets if "1990" in m.name]
    assert sorted(r.distance for r in shown) == ["1000m", "1500m", "500m"]
    assert {f"{r.competition} @ {r.city}" for r in shown} == {"WK afstanden 2023 @ Heerenveen"}


def test_a_precedent_of_the_reported_title_takes_the_reported_championships_format(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # "Piet Snel won the world title on the 500m, the first since Jan Eerder in 2012; the
    # Dutch women took the team pursuit" (invented): a report of a bare "World Championships"
    # whose races (a team pursuit) are the single distances'; its precedent is of that format.
    tells, does_not = _articles(knowledge, settings, tmp_path, "2021-02-14", "2021-02-15")
    now = {"competition": "World Championships", "venue": "Heerenveen", "race_date": "2021-02-13"}
    then = {"competition": "World Championships 2012", "earlier": True, "year": 2012}
    precedent = {**then, "venue": None, "distance": "500m", "gender": "men"}
    _reconcile(
        knowledge,
        tells,
        _fact("Piet Snel", distance="500m", gender="men", **now),
        _fact("Netherlands", distance="team pursuit", **now),
        _fact("Jan Eerder", **precedent),
    )
    assert _meet_of(knowledge, "Jan Eerder") == "WK afstanden 2012 @ Heerenveen"
    # A report whose races do not tell its format (a 500m, skated at every championship):
    # its precedent's format is not known either.
    refused = _reconcile(
        knowledge,
        does_not,
        _fact("Kees Kort", distance="500m", gender="men", **now),
        _fact("Wim Vroeger", **{**precedent, "competition": "World Championships 2015"}),
    )
    assert any("a meet not known" in r for r in refused)
    with knowledge.read() as conn:
        assert not [r for r in kb.results(conn) if r.athlete == "Wim Vroeger"]
