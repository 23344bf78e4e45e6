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
from schaatsradar.knowledge.meet_rules import guessed_day
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import ArticleRef
from tests.conftest import run_ingest
from tests.knowledge.reconciling import write_articles
from tests.knowledge.test_meets import _articles, _fact, _news_meets, knowledge

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
