"""History is history, and a championship named as history is a real edition: filed under
the edition of its year at the place the bundled table gives it, and kept as a mention when
the text's place or year contradicts the table (a misread place, a single-distance WK in an
Olympic season). The facts are our own, handed over in the extraction contract's shape."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from schaatsradar.knowledge.championships import (
    COMPLETE,
    Edition,
    bundled_editions,
    edition_of,
)
from schaatsradar.knowledge.olympics import bundled_games
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from tests.knowledge.championship_table import article_of, editions
from tests.knowledge.test_meets import _fact, _meet_of, _reconcile, knowledge

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
