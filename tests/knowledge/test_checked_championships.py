"""Meets are real: a championship only the news knows is held against the bundled table of
past editions in the season it reports too, not only when named as history. A format the
text only guessed ("de wereldtitel op de teamsprint" read as the single-distance WK) yields
to the one championship the table holds at that rink that year that skates the race; a
format the text states and the table contradicts keeps the result a mention. The articles
and facts are our own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry
from schaatsradar.knowledge.championships import Edition, checked_format
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from tests.knowledge.championship_table import article_of, editions
from tests.knowledge.reconciling import ingest_and_reconcile, write_articles
from tests.knowledge.test_meets import _fact, _news_meets, _reconcile, knowledge

__all__ = ["article_of", "editions", "knowledge"]  # the fixtures


def test_a_guessed_format_yields_to_the_championship_held_at_that_rink_that_year(
    editions: tuple[Edition, ...],
):
    table = editions

    def check(form: str, year: int, venue: str | None, distance: str, guessed: bool):
        return checked_format(
            "world", form, year, venue, distance=distance, guessed=guessed, editions=table
        )

    # Two held at one rink: the race tells which one it was skated at.
    assert check("distances", 2010, "Hamar", "team sprint", True).form == "sprint"
    assert check("distances", 2010, "Vikingskipet", "5000m", True).form == "allround"
    # A race both skate does not tell them apart, and a guess at another rink fits none.
    assert check("distances", 2010, "Hamar", "500m", True).reason
    assert check("distances", 2011, "Hamar", "1500m", True).reason
    # A stated format the table contradicts is not corrected; one it agrees with stays.
    stated = check("distances", 2010, "Hamar", "team sprint", False)
    assert stated.form == "distances" and "not held" not in stated.reason
    assert check("distances", 2009, "Hamar", "1000m", False) == check(
        "distances", 2009, "Hamar", "1000m", True
    )
    assert check("distances", 2009, "Hamar", "1000m", True).form == "distances"


def test_a_guessed_single_distance_wk_in_an_olympic_season_is_the_sprint_wk_held_there(
    knowledge: Store, article_of: Callable[[str], ArticleRef]
):
    """2022: an Olympic season, no single-distance WK; the sprint and allround WK were in
    Hamar. The team sprint there is the sprint WK's; a 5000m the text files under a stated
    "WK afstanden" in Hamar contradicts the table and makes no meet."""
    article = article_of("2022-03")
    guessed = {"competition": "WK afstanden", "venue": "Hamar", "format_guessed": True}
    refused = _reconcile(
        knowledge,
        article,
        _fact("Noorwegen", distance="team sprint", **guessed),
        _fact("Polen", distance="team sprint", rank=2, **guessed),
        _fact("Tine Gesteld", distance="5000m", competition="WK afstanden", venue="Hamar"),
    )
    assert len(refused) == 1 and "no such championship was held in 2022" in refused[0]
    with knowledge.read() as conn:
        shown = {(r.athlete, r.competition, r.city) for r in kb.results(conn)}
    assert shown == {("NOR", "WK sprint", "Hamar"), ("POL", "WK sprint", "Hamar")}
    assert not [m for m in _news_meets(knowledge) if "afstanden" in m.name]


def test_a_guess_at_a_rink_no_edition_of_that_year_was_held_at_stays_a_mention(
    knowledge: Store, article_of: Callable[[str], ArticleRef]
):
    article = article_of("2022-03")
    refused = _reconcile(
        knowledge,
        article,
        _fact(
            "Canada",
            distance="team sprint",
            competition="WK afstanden",
            venue="Calgary",
            format_guessed=True,
        ),
    )
    assert len(refused) == 1 and "kept as a mention" in refused[0]
    assert _news_meets(knowledge) == []


def test_a_title_on_one_race_is_marked_as_a_guessed_format_unless_the_article_states_it():
    registry = Registry.bundled()
    day = dt.date(2031, 3, 9)
    guessed = extract(
        "De Noorse vrouwen hebben zaterdag in Hamar de wereldtitel op de teamsprint veroverd. "
        "Het trio reed 1.28,40.",
        day,
        registry,
        confident_only=False,
    )
    stated = extract(
        "De WK afstanden in Hamar begonnen zaterdag. De Noorse vrouwen hebben er de "
        "wereldtitel op de teamsprint veroverd. Het trio reed 1.28,40.",
        day,
        registry,
        confident_only=False,
    )
    [result] = guessed.results
    assert result.competition == "WK afstanden" and result.format_guessed  # no mark left
    made = result.to_json()
    assert made["competition"] == "WK afstanden" and made["format_guessed"] is True
    assert all("format_guessed" not in r.to_json() for r in stated.results)
    assert {r.to_json()["competition"] for r in stated.results} == {"WK afstanden"}


def test_an_article_on_a_team_sprint_title_in_an_olympic_season_files_it_at_the_sprint_wk(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    folder = write_articles(
        tmp_path / "news",
        [
            (
                "schaatsblad",
                "2022-03-05",
                "De Noorse vrouwen hebben vrijdag in Hamar de wereldtitel op de teamsprint "
                "veroverd. Het trio reed 1.28,40 en was ruim sneller dan de rest.",
            )
        ],
    )
    ingest_and_reconcile(knowledge, settings, folder)
    with knowledge.read() as conn:
        shown = [(r.competition, r.city) for r in kb.results(conn)]
    assert shown and set(shown) == {("WK sprint", "Hamar")}
