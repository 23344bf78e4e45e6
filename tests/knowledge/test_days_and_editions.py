"""Results extraction states right are shown right: the day an article is dated by reaches
extraction; a weekday counted back from the first of a month is no race day; a place names
the Games it held; a skater's second place in a distance a World Cup skates twice is the
second race; a championship held once a season that a report names in passing is that
season's edition (the last one, before its months). Every rule of issue 12 still holds:
nothing is made a meet of the article's days, history stays history, one race one winner.

Facts are handed over in the extraction contract's shape for articles ingested for real
(our own neutral texts); the ingest test uses our own invented report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry
from schaatsradar.knowledge.book import reconcile_article
from schaatsradar.knowledge.meet_rules import (
    championship_name,
    format_of,
    guessed_day,
    no_race_day,
)
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from tests.conftest import run_ingest
from tests.knowledge.reconciling import dump_tables, write_articles
from tests.knowledge.test_meets import _articles, _fact, _meet_of, _news_meets, knowledge

__all__ = ["knowledge"]


def _take(store: Store, article: ArticleRef, *facts: dict[str, Any]) -> list[str]:
    with store.write() as conn, kb.memoized(conn):
        outcome = reconcile_article(conn, article, {"results": list(facts), "records": []})
    return outcome.refused


def _results(store: Store, athlete: str) -> list[kb.ResultView]:
    with store.read() as conn:
        return [r for r in kb.results(conn) if r.athlete == athlete]


# -- the day an article is dated by -----------------------------------------------------------

REPORT = (
    "Lotte Vliet heeft zaterdag op het EK afstanden in Heerenveen de 3000 meter gewonnen. "
    "Ze was vorig jaar in Hamar ook al de beste op die afstand.\n\n"
    "Vliet reed de snelste tijd in de laatste rit en hield haar landgenote ruim achter zich."
)


def test_an_article_dated_by_its_month_is_extracted_with_that_month(
    store: Store, settings: Settings, tmp_path: Path
):
    """Extraction dates history ("vorig jaar") and race days by the article's day; one dated
    only to its month gets that month's first day (as `schaatsradar eval` reads it), not
    nothing: "vorig jaar" is then still a year."""
    folder = write_articles(tmp_path, [("weekblad", "2024-01", REPORT)])
    run_ingest(store, settings.model_copy(update={"extract_on_ingest": True}), folder)
    with store.read() as conn:
        clean, stored = conn.execute(
            text(
                "SELECT a.clean_text, f.facts FROM articles a "
                "JOIN article_facts f ON f.article_id = a.id"
            )
        ).one()
    facts = json.loads(stored) if isinstance(stored, str) else stored
    registry = Registry.bundled()
    dated = extract(clean, dt.date(2024, 1, 1), registry).to_contract("x", None, "nl")
    undated = extract(clean, None, registry).to_contract("x", None, "nl")
    assert facts["results"] == dated["results"]
    assert dated["results"] != undated["results"], "the month is worth handing over"


def test_a_weekday_counted_back_from_the_first_of_the_month_is_no_race_day(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """ "zaterdag" in an article dated January 2020 lands on 28 December 2019 (counted back
    from the 1st): that is not the championship's day, and no reason to keep it a mention."""
    month, day = _articles(knowledge, settings, tmp_path, "2020-01", "2020-01-13")
    ek = {"competition": "EK afstanden", "venue": "Heerenveen", "distance": "3000m"}
    refused = _take(
        knowledge,
        month,
        _fact("Lotte Vliet", race_date="2019-12-28", **ek),
        _fact("Marit Dijk", race_date="2020-01-11", **{**ek, "distance": "5000m"}),
    )
    assert refused == []
    [vliet] = _results(knowledge, "Lotte Vliet")
    [dijk] = _results(knowledge, "Marit Dijk")
    assert vliet.competition == "EK afstanden" and vliet.city == "Heerenveen"
    assert vliet.race_date is None and dijk.race_date == dt.date(2020, 1, 11)
    [meet] = _news_meets(knowledge)
    assert meet.start_date is not None and meet.start_date >= dt.date(2020, 1, 1)
    # An article with its day keeps a weekday: that is the text's day.
    assert not guessed_day(dt.date(2020, 1, 11), day.published, month_only=False)
    assert guessed_day(dt.date(2019, 12, 28), month.published, month_only=True)
    assert not guessed_day(dt.date(2020, 1, 11), month.published, month_only=True)


def test_a_day_after_the_article_is_no_race_day_but_the_result_stands(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """ "Bart Laan, die de 5000 meter won ... Op 5 januari volgt de presentatie": the day of
    the announcement after the report is carried onto the result. A report tells races
    already skated: the day goes, the result is filed by the article's own days."""
    [article] = _articles(knowledge, settings, tmp_path, "2025-12-30")
    refused = _take(
        knowledge,
        article,
        _fact(
            "Bart Laan", gender="men", distance="5000m", competition="OKT", race_date="2026-01-05"
        ),
    )
    assert refused == []
    [result] = _results(knowledge, "Bart Laan")
    assert result.race_date is None
    assert result.competition.startswith("OKT") and result.city == "Heerenveen"
    assert no_race_day(dt.date(2026, 1, 5), article.published, month_only=False)
    # An article dated by its month reports any day of that month.
    assert not no_race_day(dt.date(2020, 1, 25), dt.date(2020, 1, 1), month_only=True)
    assert no_race_day(dt.date(2020, 2, 9), dt.date(2020, 1, 1), month_only=True)


# -- the Games a place names ------------------------------------------------------------------


def test_an_olympic_result_of_earlier_games_named_by_place_is_filed_under_those_games(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article] = _articles(knowledge, settings, tmp_path, "2020-01-12")
    olympic = {"competition": "Olympische Spelen", "distance": "mass start", "earlier": True}
    refused = _take(
        knowledge,
        article,
        _fact("Nora Brons", venue="Pyeongchang", rank=3, **olympic),
        _fact("Olga Ooit", venue=None, **olympic),  # no year, no place: which Games?
    )
    assert _meet_of(knowledge, "Nora Brons") == "Olympic Games 2018 @ Gangneung"
    [mention] = refused
    assert "Olga Ooit" in mention and "does not date" in mention


# -- a distance skated twice ------------------------------------------------------------------


def test_a_second_place_in_a_distance_a_world_cup_skates_twice_is_the_second_race(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """ "Zaterdag won Pien Snel de 500 meter; zondag werd ze vierde": one article, two places
    of one skater in the 500 m of one World Cup weekend. Two races, not a contradiction; and
    taking the article in again changes nothing."""
    [article] = _articles(knowledge, settings, tmp_path, "2019-12-09")
    cup = {"venue": "Nagano", "distance": "500m", "race_date": "2019-12-07"}
    facts = [
        _fact("Pien Snel", rank=1, time="37.80", seconds=37.8, **cup),
        _fact("Roos Rap", rank=2, **cup),
        _fact("Pien Snel", rank=4, **cup),
        # The 1500 m is skated once: two places are the article disagreeing with itself.
        _fact("Roos Rap", distance="1500m", rank=3, venue="Nagano"),
        _fact("Roos Rap", distance="1500m", rank=5, venue="Nagano"),
    ]
    assert _take(knowledge, article, *facts) == []
    snel = sorted((r.rank, r.seconds, r.disputed) for r in _results(knowledge, "Pien Snel"))
    assert snel == [(1, 37.8, False), (4, None, False)]
    [pursuit] = [r for r in _results(knowledge, "Roos Rap") if r.distance == "1500m"]
    assert pursuit.disputed and pursuit.rank == 3
    with knowledge.read() as conn:
        meet = kb.competition(conn, _results(knowledge, "Pien Snel")[0].competition_id)
        assert meet is not None
        assert len(kb.races_of(conn, meet.id, "500m", "women")) == 2
    before = dump_tables(knowledge)
    _take(knowledge, article, *facts)
    assert dump_tables(knowledge) == before


def test_a_calendar_world_cup_that_skates_the_500m_once_keeps_one_race(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """The calendar's programme says how often a meet skates a distance (Heerenveen,
    December 2025: one 500 m); there two places of one skater stay one disputed result."""
    [article] = _articles(knowledge, settings, tmp_path, "2025-12-07")
    cup = {"venue": "Heerenveen", "distance": "500m", "race_date": "2025-12-06"}
    _take(
        knowledge, article, _fact("Sanne Zwier", rank=2, **cup), _fact("Sanne Zwier", rank=6, **cup)
    )
    [result] = _results(knowledge, "Sanne Zwier")
    assert result.disputed and result.rank == 2


# -- championships named in passing -----------------------------------------------------------


def test_a_championship_named_in_passing_in_its_season_is_that_seasons_edition(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """A World Cup report in March names the sprint title won weeks before: filed under that
    season's WK sprint (one undated meet, never at the article's days, never at the World
    Cup's rink the sentence carries)."""
    cup, later = _articles(knowledge, settings, tmp_path, "2018-03-11", "2018-03-12")
    report = {"venue": "Minsk", "distance": "1000m"}
    refused = _take(
        knowledge,
        cup,
        _fact("Tom Vlug", gender="men", **report),
        _fact("Uri Gauw", gender="men", rank=2, **report),
        _fact("Ab Kort", gender="men", rank=3, **report),
        _fact("Tom Vlug", gender="men", competition="WK sprint", venue="Minsk", distance="sprint"),
        _fact("Vic Traag", gender="men", competition="WK", venue=None, distance="500m"),
    )
    [cup_result] = [r for r in _results(knowledge, "Tom Vlug") if r.distance == "1000m"]
    assert (cup_result.competition, cup_result.city) == ("World Cup", "Minsk")
    [sprint] = [r for r in _results(knowledge, "Tom Vlug") if r.distance == "sprint"]
    with knowledge.read() as conn:
        meet = kb.competition(conn, sprint.competition_id)
    assert meet is not None
    # Undated; its place is the edition's in the bundled table, not the World Cup's rink.
    assert (meet.name, meet.city, meet.start_date) == ("WK sprint 2018", "Changchun", None)
    [mention] = refused  # "de WK" alone: which championship is not said
    assert "Vic Traag" in mention and "kept as a mention" in mention
    # A second report of the season names it too: the same meet, not another.
    _take(knowledge, later, _fact("Wim Wind", gender="men", competition="WK sprint",
                                  venue=None, distance="sprint", rank=3))  # fmt: skip
    assert [m.name for m in _news_meets(knowledge)].count("WK sprint 2018") == 1


def test_a_championship_named_before_its_months_is_the_last_edition(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """ "Vijfde op het WK afstanden", in a November report: this season's has not been
    skated, so it is last season's."""
    [article] = _articles(knowledge, settings, tmp_path, "2023-11-19")
    refused = _take(
        knowledge,
        article,
        _fact("Xena Vlot", venue="Stavanger", distance="500m", race_date="2023-11-18"),
        _fact("Yara Stil", venue="Stavanger", distance="500m", rank=2, race_date="2023-11-18"),
        _fact(
            "Xena Vlot",
            competition="WK afstanden",
            venue=None,
            distance="500m",
            rank=5,
            race_date="2023-11-18",
        ),
        _fact("Zoe Laat", competition="NK afstanden", venue=None, rank=2),
    )
    assert _meet_of(knowledge, "Yara Stil") == "World Cup @ Stavanger"
    [world] = [r for r in _results(knowledge, "Xena Vlot") if r.rank == 5]
    assert world.competition == "WK afstanden 2023" and world.race_date is None
    # An NK may be skated in autumn or winter: which one is not sure, so a mention.
    [mention] = refused
    assert "Zoe Laat" in mention and "kept as a mention" in mention


def test_a_world_title_without_its_format_names_no_championship():
    """Extraction writes "WK", "wereldtitel" and "World Championships" alike (a junior title
    too): which of the three championships is not said, so history of it stays a mention."""
    assert format_of("World Championships") is None
    assert format_of("World Sprint Championships") == "sprint"
    assert format_of("ISU World Allround Speed Skating Championships") == "allround"
    assert championship_name("World Championships 2008") is None
    assert championship_name("WK afstanden 2008") == "WK afstanden"
