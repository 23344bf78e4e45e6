"""One championship is one meet, and its races are on their days: the Olympic Games of a
calendar that lists them day by day are one meet (each race on its day); a meet the news made
before the calendar listed it is taken into the calendar's meet with its results and sources;
a bare "WK" at a rink holding two championships is the one the calendar or the article's
races say, never a guess.

The facts are handed to `reconcile_article` in the extraction contract's shape, for articles
ingested for real (see test_meets)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.book import load_reference
from schaatsradar.knowledge.calendar_import import parse_calendar
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.conftest import NOW
from tests.knowledge.test_meets import _articles, _fact, _news_meets, _reconcile, knowledge

__all__ = ["knowledge"]  # the fixture, shared with test_meets

GAMES = (dt.date(2026, 2, 7), dt.date(2026, 2, 21))
GAMES_SLUG = "2026-02-07-olympic-winter-games-milano-cortina-2026-speed-skating"


def _olympic_meets(store: Store) -> list[kb.CompetitionRow]:
    with store.read() as conn:
        return [m for m in kb.competitions_between(conn, *GAMES) if m.level == "olympics"]


def _result(store: Store, athlete: str, distance: str | None = None) -> kb.ResultView:
    with store.read() as conn:
        [result] = [r for r in kb.results(conn, distance=distance) if r.athlete == athlete]
    return result


# -- the Olympic Games ------------------------------------------------------------------------


def test_the_games_are_one_meet_and_each_race_is_on_its_day(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [meet] = _olympic_meets(knowledge)
    assert (meet.start_date, meet.end_date, meet.slug) == (*GAMES, GAMES_SLUG)

    [article] = _articles(knowledge, settings, tmp_path, "2026-02-16")
    games = {"competition": "Olympische Spelen", "venue": "Milaan", "distance": "500m"}
    assert (
        _reconcile(
            knowledge,
            article,
            _fact("Ida Snel", gender="women", **games),
            _fact("Bram Snel", gender="men", **games),
            # A day the text gets wrong (the women's 500m was not skated on the 16th).
            _fact("Cor Laat", gender="women", rank=2, race_date="2026-02-16", **games),
        )
        == []
    )
    ida, bram, cor = (_result(knowledge, n) for n in ("Ida Snel", "Bram Snel", "Cor Laat"))
    assert ida.competition_id == bram.competition_id == cor.competition_id == meet.id
    assert ida.race_date == dt.date(2026, 2, 15) and bram.race_date == dt.date(2026, 2, 14)
    assert cor.race_id == ida.race_id  # one women's 500m, with one winner


def test_a_race_the_games_skate_after_the_article_is_not_reported_by_it(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    early, quarter = _articles(knowledge, settings, tmp_path, "2026-02-10", "2026-02-15")
    games = {"competition": "Olympische Spelen", "venue": "Milaan"}
    # A mass-start medal named in a report of the first week is another Games' (history).
    [why] = _reconcile(knowledge, early, _fact("Lia Later", distance="mass start", **games))
    assert "kept as a mention" in why and "2026-02-21, after the article" in why
    # Short track skates 500, 1000 and 1500 m at the Games too: the long-track days rule
    # nothing out there (nor date it).
    short = _fact("Sho Kort", distance="1500m", gender="men", **games)
    assert _reconcile(knowledge, early, short) == []
    assert _result(knowledge, "Sho Kort").race_date is None
    # A report between the quarterfinal and the final is of the quarterfinal's day.
    team = _fact("Netherlands", country="NED", distance="team pursuit", **games)
    assert _reconcile(knowledge, quarter, team) == []
    with knowledge.read() as conn:
        [result] = [r for r in kb.results(conn) if r.team == "NED"]
    assert result.race_date == dt.date(2026, 2, 14)


def test_games_stored_day_by_day_become_one_meet_with_their_results(store: Store):
    day_slug = "2026-02-09-olympic-winter-games-milano-cortina-2026-speed-skating"
    with store.write() as conn:
        load_reference(conn)
        day = kb.ensure_competition(
            conn,
            slug=day_slug,
            name="Olympic Games",
            level="olympics",
            city="Milan",
            start_date=dt.date(2026, 2, 9),
            end_date=dt.date(2026, 2, 9),
            origin="calendar",
        )
        skater = kb.add_skater(
            conn, slug="eva-oud", name="Eva Oud", country=None, gender=None, known=False
        )
        race = kb.add_race(conn, day, "1000m", "women", dt.date(2026, 2, 9), "2026-02-09")
        kb.add_claim(
            conn,
            race_id=race,
            athlete_key=f"s:{skater}",
            skater_id=skater,
            team=None,
            source_key="article:1",
            article_id=None,
            cluster="cluster:1",
            official=False,
            parts=kb.ClaimParts(75.10, 1),
            evidence=None,
        )
    with store.write() as conn:
        load_reference(conn)  # what every upgrade runs
    [meet] = _olympic_meets(store)
    assert meet.slug == GAMES_SLUG
    result = _result(store, "Eva Oud")
    assert result.competition_id == meet.id and result.race_date == dt.date(2026, 2, 9)
    assert (result.seconds, result.rank) == (75.10, 1)


# -- "op de slotdag" --------------------------------------------------------------------------


def test_the_final_day_is_the_meets_last_day_when_the_meet_knows_its_days(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    cup, other = _articles(knowledge, settings, tmp_path, "2025-12-08", "2025-10-20")
    assert _reconcile(knowledge, cup, _fact("Fem Slot", distance="500m", meet_day="last")) == []
    assert _result(knowledge, "Fem Slot").race_date == dt.date(2025, 12, 7)  # World Cup 3's last
    # A meet only the news knows has the reports' days, not its own: its last is not guessed.
    fact = _fact("Hes Slot", competition="Kraantje Cup", venue="Assen", meet_day="last")
    assert _reconcile(knowledge, other, fact) == []
    assert _result(knowledge, "Hes Slot").race_date is None


# -- a bare "WK" ------------------------------------------------------------------------------


def test_a_bare_wk_is_the_championship_the_articles_races_name(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    sprint, unsure = _articles(knowledge, settings, tmp_path, "2026-03-08", "2026-03-09")
    wk = {"competition": "WK", "venue": "Heerenveen"}
    # The article names a 1000m: only the sprint has one.
    assert (
        _reconcile(
            knowledge,
            sprint,
            _fact("Ina Kort", distance="500m", **wk),
            _fact("Ina Kort", distance="1000m", **wk),
        )
        == []
    )
    for distance in ("500m", "1000m"):
        assert _result(knowledge, "Ina Kort", distance).competition == "World Sprint Championships"
    # A 500m alone: sprint or allround, not known; kept as a mention, not guessed.
    [why] = _reconcile(knowledge, unsure, _fact("Jo Twijfel", distance="500m", **wk))
    assert "kept as a mention" in why and "does not say which championship" in why
    with knowledge.read() as conn:
        assert [r for r in kb.results(conn) if r.athlete == "Jo Twijfel"] == []
    # A day only one of them skates tells which.
    dated = _fact("Kim Dag", distance="500m", rank=2, race_date="2026-03-06", **wk)
    assert _reconcile(knowledge, unsure, dated) == []
    assert _result(knowledge, "Kim Dag").competition == "World Sprint Championships"


# -- a calendar imported after the news -------------------------------------------------------

CALENDAR_2025 = "\n".join(
    [
        "start_date,end_date,competition,city,rink,level,distances,source,notes",
        "2025-03-13,2025-03-16,ISU World Single Distances Championships,Hamar,Vikingskipet,"
        "world championships,all single distances,https://x.test/wk,",
    ]
)


def test_an_imported_calendar_meet_takes_in_the_meet_the_news_made_of_it(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second = _articles(knowledge, settings, tmp_path, "2025-03-14", "2025-03-17")
    wk = {"competition": "WK afstanden", "venue": "Hamar", "distance": "5000m"}
    assert _reconcile(knowledge, first, _fact("Lot Vroeg", **wk)) == []
    later = _fact("Lot Vroeg", time="6:50.10", seconds=410.10, **wk)
    assert _reconcile(knowledge, second, later) == []
    assert len(_news_meets(knowledge)) == 1

    events = parse_calendar(CALENDAR_2025.encode(), "wk.csv")
    with knowledge.write() as conn:
        season_calendar.store_calendar(conn, events, NOW)

    assert _news_meets(knowledge) == []
    result = _result(knowledge, "Lot Vroeg")
    assert result.competition == "ISU World Single Distances Championships"
    assert (result.rank, result.seconds) == (1, 410.10)
    with knowledge.read() as conn:
        sources = {c.source_key for c in kb.claims(conn, result.id)}
    assert sources == {f"article:{first.id}", f"article:{second.id}"}
