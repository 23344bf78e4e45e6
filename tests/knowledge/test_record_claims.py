"""Records from the news only when backed: a record an article mentions becomes the record
only when a stored result of that race, an official list or a second independent source
backs it; until then it is a claim, kept with its source and listed apart, never shown as a
record. The pure decision first, then the whole path through a real database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from schaatsradar.knowledge.book import Outcome, import_official, reconcile_article
from schaatsradar.knowledge.official_types import OfficialData, OfficialRecord
from schaatsradar.knowledge.record_claims import (
    Backing,
    Fate,
    Race,
    Standing,
    backing_result,
    decide,
)
from schaatsradar.knowledge.recordbook import Verdict
from schaatsradar.knowledge.views import profile
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, record_book
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from tests.conftest import NOW
from tests.knowledge.reconciling import (
    current_record,
    dump_tables,
    ingest_and_reconcile,
    load_reference_data,
    record_marks,
    skater_id,
    source_keys,
    write_articles,
)

DAY = dt.date(2025, 12, 6)

# -- the decision -----------------------------------------------------------------------------

RACE = Race(result_id=1, day=DAY, competition_id=7, city="Heerenveen")
EARLIER = Standing(set_on=dt.date(2025, 10, 4))


@pytest.mark.parametrize(
    ("verdict", "backing", "record", "said_on", "fate"),
    [
        (Verdict.NEW, Backing(), None, DAY, Fate.CLAIM),
        (Verdict.NEW, Backing(result=RACE), None, DAY, Fate.CURRENT),
        (Verdict.NEW, Backing(independent=2), None, DAY, Fate.CURRENT),
        (Verdict.NEW, Backing(official=True), None, DAY, Fate.CURRENT),
        (Verdict.IMPROVES, Backing(), EARLIER, DAY, Fate.CLAIM),
        (Verdict.IMPROVES, Backing(result=RACE), EARLIER, DAY, Fate.CURRENT),
        # Faster than a record set after its race: one of the two is misread.
        (Verdict.IMPROVES, Backing(result=RACE), Standing(DAY.replace(month=12, day=20)), DAY,
         Fate.CLAIM),
        # A winning time the article calls a record, raced after a faster record was set.
        (Verdict.DISPUTED, Backing(result=RACE), EARLIER, DAY, Fate.CLAIM),
        (Verdict.DISPUTED, Backing(), EARLIER, DAY, Fate.CLAIM),
        (Verdict.DISPUTED, Backing(independent=2), EARLIER, DAY, Fate.DISPUTED),
        # Set, then broken later in the same meet (or before the record was set): history.
        (Verdict.DISPUTED, Backing(result=RACE), Standing(DAY, competition_id=7), DAY,
         Fate.HISTORY),
        (Verdict.DISPUTED, Backing(result=RACE), Standing(DAY + dt.timedelta(days=30)), DAY,
         Fate.HISTORY),
        # An article older than the record tells the book as it was, if something backs it.
        (Verdict.DISPUTED, Backing(), Standing(dt.date(2026, 3, 5)), DAY, Fate.CLAIM),
        (Verdict.DISPUTED, Backing(independent=2), Standing(dt.date(2026, 3, 5)), DAY,
         Fate.HISTORY),
        (Verdict.OLDER, Backing(), EARLIER, DAY, Fate.HISTORY),
        (Verdict.SAME, Backing(), EARLIER, DAY, None),
        (Verdict.HISTORIC, Backing(), EARLIER, DAY, None),
    ],
)  # fmt: skip
def test_what_a_news_record_becomes(
    verdict: Verdict,
    backing: Backing,
    record: Standing | None,
    said_on: dt.date,
    fate: Fate | None,
):
    assert decide(verdict, backing, record, said_on) is fate


# -- through the database ---------------------------------------------------------------------

# Texts without facts of their own: each is one more publisher (its own near-duplicate
# cluster) the tests hand record and result facts to, as an extractor would.
QUIET = [
    ("nos", "2025-12-06", "Het regende zaterdag in Friesland.\n\nDe trainers keken naar de lucht."),
    ("ad", "2025-12-07", "Op zondag bleef de ijshal dicht voor publiek.\n\nEr was onderhoud."),
    ("dagblad", "2025-12-08", "Maandag begon de verkoop van kaartjes.\n\nDe rij stond tot buiten."),
    ("omroep", "2025-12-09", "Dinsdag was een rustdag voor iedereen.\n\nNiemand stond op het ijs."),
]
# One agency text on two sites: one source, however many sites run it.
WIRE = "\n\n".join(
    [
        "HEERENVEEN - De schaatsbond maakte maandag bekend dat de selectie voor de komende "
        "wedstrijden pas later in de week wordt gekozen, na overleg met alle coaches.",
        "Volgens de bond is er nog twijfel over de vorm van enkele rijders die lang ziek "
        "waren. Ook de ploegleiding wil eerst de trainingen van woensdag afwachten.",
        "De definitieve namen volgen donderdagmiddag via de website van de bond en op de "
        "sociale kanalen van de nationale ploeg, zo liet een woordvoerder weten.",
        "Het publiek kan intussen al kaarten kopen voor het weekend, al zijn de beste "
        "plaatsen op de tribune volgens de organisatie bijna uitverkocht.",
    ]
)
WIRE_COPIES = [("anp", "2025-12-08", WIRE), ("regiokrant", "2025-12-08", "Kort nieuws.\n\n" + WIRE)]


@pytest.fixture
def knowledge(store: Store) -> Store:
    load_reference_data(store)
    return store


def _articles(store: Store, settings: Settings, folder: Path, texts: list) -> list[ArticleRef]:
    ingest_and_reconcile(store, settings, write_articles(folder, texts))
    with store.read() as conn:
        return article_refs.articles_by_id(conn, article_refs.article_ids(conn))


def _record(**changes: Any) -> dict[str, Any]:
    fact = {
        "type": "national",
        "status": "set",
        "athlete": "Jutta Leerdam",
        "distance": "1000m",
        "gender": "women",
        "time": "1:12.10",
        "seconds": 72.10,
        "venue": "Heerenveen",
        "evidence": {"start": 0, "end": 3, "text": "Het"},
    }
    return {**fact, **changes}


def _result(**changes: Any) -> dict[str, Any]:
    fact = {
        "athlete": "Jutta Leerdam",
        "country": "NED",
        "distance": "1000m",
        "gender": "women",
        "time": "1:12.10",
        "seconds": 72.10,
        "rank": 1,
        "competition": "World Cup",
        "venue": "Heerenveen",
        "race_date": "2025-12-06",
        "margin": None,
        "earlier": False,
        "evidence": {"start": 0, "end": 3, "text": "Het"},
    }
    return {**fact, **changes}


def _take(store: Store, article: ArticleRef, **facts: list[dict[str, Any]]) -> Outcome:
    with store.write() as conn:
        return reconcile_article(conn, article, {"results": [], "records": [], **facts})


def _marks(store: Store, kind: str = "national", scope: str = "NED") -> list[tuple[float, str]]:
    marks = record_marks(store, kind, scope, "1000m", "women")
    return sorted((round(m.seconds or 0, 2), m.status) for m in marks)


def test_a_record_one_article_claims_is_a_claim_shown_nowhere_as_a_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    [article, *_] = _articles(knowledge, settings, tmp_path, QUIET)
    outcome = _take(knowledge, article, records=[_record()])

    assert _marks(knowledge) == [(72.10, "claim")]
    assert outcome.new_records == [] and outcome.disputed == []
    assert len(outcome.claims) == 1 and "1:12.10" in outcome.claims[0]
    leerdam = skater_id(knowledge, "Jutta Leerdam")
    with knowledge.read() as conn:
        assert record_book.records(conn, kind="national") == []  # not in the record book
        assert record_book.records(conn, kind="national", history=True) == []
        [claim] = record_book.records(conn, kind="national", status="claim")
        skater = kb.skater_by_id(conn, leerdam)
        assert skater is not None
        shown = profile(conn, skater, DAY)
    assert claim.origin == "article" and claim.holder == "Jutta Leerdam"
    assert source_keys(knowledge, claim.id) == [f"article:{article.id}"]
    assert all(r.status != "claim" for r in shown.records)  # never a record on her page


def test_a_second_independent_source_makes_the_claim_the_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    _take(knowledge, first, records=[_record()])
    outcome = _take(knowledge, second, records=[_record(evidence=None)])

    assert _marks(knowledge) == [(72.10, "current")]
    record = current_record(knowledge, "national", "NED", "1000m", "women")
    assert source_keys(knowledge, record.id) == [f"article:{first.id}", f"article:{second.id}"]
    assert len(outcome.new_records) == 1 and outcome.record_ids == [record.id]


def test_one_wire_story_on_two_sites_is_one_source(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    articles = _articles(knowledge, settings, tmp_path, WIRE_COPIES)
    assert len({a.cluster_id for a in articles}) == 1
    for article in articles:
        _take(knowledge, article, records=[_record()])
    assert _marks(knowledge) == [(72.10, "claim")]


def test_a_result_reported_later_backs_the_claim_whatever_the_order(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, *_ = _articles(knowledge, settings, tmp_path / "a", QUIET)
    _take(knowledge, first, records=[_record()])
    assert _marks(knowledge) == [(72.10, "claim")]
    outcome = _take(knowledge, second, results=[_result()])

    record = current_record(knowledge, "national", "NED", "1000m", "women")
    assert (round(record.seconds or 0, 2), record.origin) == (72.10, "article")
    assert record.set_on == DAY
    assert record.result_id is not None
    assert record.id in outcome.record_ids
    # Taking either article in again changes nothing.
    before = dump_tables(knowledge)
    _take(knowledge, first, records=[_record()])
    _take(knowledge, second, results=[_result()])
    assert dump_tables(knowledge) == before


def test_a_result_first_then_the_claim_ends_the_same(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    _take(knowledge, first, results=[_result()])
    _take(knowledge, second, records=[_record()])
    record = current_record(knowledge, "national", "NED", "1000m", "women")
    assert record.set_on == DAY and record.result_id is not None
    assert _marks(knowledge) == [(72.10, "current")]


def test_a_result_of_another_skater_or_rink_backs_nothing(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    _take(
        knowledge,
        first,
        results=[_result(athlete="Femke Kok")],
        records=[_record(), _record(type="track", venue="Inzell", time="1:12.90", seconds=72.9)],
    )
    assert _marks(knowledge) == [(72.10, "claim")]
    assert (72.90, "claim") in _marks(knowledge, "track", "Inzell")


def test_a_winning_time_called_a_record_after_a_faster_one_is_no_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """The Heerenveen track record is 1:52.69 (October 2025): a 1:53.05 won in December
    and called the track record is that race's time, not a record, even with two sources."""
    first, second, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    said = _record(type="track", distance="1500m", time="1:53.05", seconds=113.05)
    won = _result(distance="1500m", time="1:53.05", seconds=113.05)
    _take(knowledge, first, results=[won], records=[said])
    outcome = _take(knowledge, second, records=[said])
    marks = record_marks(knowledge, "track", "Heerenveen", "1500m", "women")
    assert [(round(m.seconds or 0, 2), m.status) for m in marks if m.origin == "article"] == [
        (113.05, "claim")
    ]
    assert outcome.disputed == []
    assert current_record(knowledge, "track", "Heerenveen", "1500m", "women").seconds == 112.69


def test_a_record_set_and_broken_in_the_same_meet_is_history(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    faster = _result(athlete="Miho Takagi", country="JPN", distance="1500m", time="1:52.30",
                     seconds=112.30)  # fmt: skip
    slower = _result(athlete="Joy Beune", distance="1500m", time="1:52.50", seconds=112.50, rank=2)
    said = _record(type="track", athlete="Joy Beune", distance="1500m", time="1:52.50",
                   seconds=112.50)  # fmt: skip
    _take(knowledge, first, results=[faster, slower], records=[said])
    current = current_record(knowledge, "track", "Heerenveen", "1500m", "women")
    assert (current.holder, current.seconds) == ("Miho Takagi", 112.30)
    [beune] = [
        m
        for m in record_marks(knowledge, "track", "Heerenveen", "1500m", "women")
        if m.holder == "Joy Beune"
    ]
    assert (beune.status, beune.superseded_by, beune.set_on) == ("superseded", current.id, DAY)


def test_a_result_refused_as_impossible_takes_its_record_claim_with_it(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    before = dump_tables(knowledge, ("records", "record_sources"))
    # A country's name read as the skater (refused, though its time is possible), and a
    # women's team pursuit only men can skate.
    late = _result(athlete="Nederland")
    pursuit = _result(athlete="Netherlands", distance="team pursuit", time="3:39.76",
                      seconds=219.76)  # fmt: skip
    outcome = _take(
        knowledge,
        first,
        results=[late, pursuit],
        records=[
            _record(),
            _record(type="track", athlete="Netherlands", distance="team pursuit",
                    time="3:39.76", seconds=219.76),
        ],
    )  # fmt: skip
    assert dump_tables(knowledge, ("records", "record_sources")) == before
    assert sum("record" in line for line in outcome.refused) == 2
    assert any("1000m 1:12.10: its result was refused" in line for line in outcome.refused)


def test_a_record_time_impossible_for_its_gender_is_refused(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """A men's team-pursuit time filed under the women: no women's record of any kind."""
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    before = dump_tables(knowledge, ("records", "record_sources"))
    pursuit = _record(type="track", athlete="Netherlands", distance="team pursuit",
                      time="3:39.76", seconds=219.76)  # fmt: skip
    outcome = _take(knowledge, first, records=[pursuit])
    assert dump_tables(knowledge, ("records", "record_sources")) == before
    [refused] = outcome.refused
    assert "impossible time 3:39.76 for the women's team pursuit" in refused


def test_sources_are_only_articles_whose_words_name_the_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, third, fourth = _articles(knowledge, settings, tmp_path, QUIET)
    record = current_record(knowledge, "track", "Heerenveen", "1500m", "women")  # Kok's
    untimed = {"type": "track", "time": None, "seconds": None, "distance": "1500m"}
    _take(knowledge, first, records=[_record(**untimed, status="broken", athlete="Femke Kok")])
    _take(knowledge, second, records=[_record(**untimed, athlete=None)])
    _take(knowledge, third, records=[_record(**untimed, athlete="Joy Beune")])
    before_it = replace(fourth, published=dt.date(2025, 9, 1))  # the record is from October
    _take(knowledge, before_it, records=[_record(**untimed, athlete="Femke Kok")])
    assert source_keys(knowledge, record.id) == ["reference:track"]
    _take(knowledge, fourth, records=[_record(**untimed, athlete="Femke Kok")])
    assert source_keys(knowledge, record.id) == ["reference:track", f"article:{fourth.id}"]


def test_olympic_records_come_from_the_reference_data_and_a_broken_one_is_history(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    record = current_record(knowledge, "olympic", "", "3000m", "women")
    assert (record.seconds, record.origin) == (234.28, "reference")
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    old = _record(type="olympic", status="broken", athlete="Claudia Pechstein",
                  distance="3000m", time="3:57.70", seconds=237.70, venue=None)  # fmt: skip
    _take(knowledge, first, records=[old])
    marks = record_marks(knowledge, "olympic", "", "3000m", "women")
    assert sorted((m.seconds, m.status) for m in marks) == [
        (234.28, "current"),
        (237.70, "superseded"),
    ]
    with knowledge.read() as conn:
        assert [m.seconds for m in record_book.records(conn, kind="olympic", distance="3000m")] == [
            234.28
        ]


def test_an_official_record_list_makes_the_claim_the_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    _take(knowledge, first, records=[_record()])
    listed = OfficialRecord(
        kind="national",
        athlete="Jutta Leerdam",
        country="NED",
        distance="1000m",
        gender="women",
        seconds=72.10,
        date=DAY,
        venue="Heerenveen",
        source="ssr:nl-records",
    )
    with knowledge.write() as conn:
        outcome = import_official(conn, OfficialData(records=[listed]), NOW)
    assert _marks(knowledge) == [(72.10, "current")]  # one mark: the claim, now the record
    record = current_record(knowledge, "national", "NED", "1000m", "women")
    assert record.set_on == DAY
    assert source_keys(knowledge, record.id) == [f"article:{first.id}", "official:ssr:nl-records"]
    assert outcome.records == 1


def test_a_result_at_the_games_faster_than_the_olympic_record_makes_a_new_one(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    games = _result(
        athlete="Joy Beune",
        distance="3000m",
        time="3:54.10",
        seconds=234.10,
        competition="Olympische Spelen",
        venue="Milaan",
        race_date="2026-02-07",
    )
    first = replace(first, published=dt.date(2026, 2, 8))
    _take(knowledge, first, results=[games])
    record = current_record(knowledge, "olympic", "", "3000m", "women")
    assert (record.holder, record.seconds, record.origin) == ("Joy Beune", 234.10, "result")
    older = [
        m for m in record_marks(knowledge, "olympic", "", "3000m", "women") if m.id != record.id
    ]
    assert [(m.seconds, m.status) for m in older] == [(234.28, "superseded")]


def test_a_claim_its_result_no_longer_backs_is_a_claim_again(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, second, third, fourth = _articles(knowledge, settings, tmp_path, QUIET)
    _take(knowledge, fourth, records=[_record()])
    as_claimed = record_marks(knowledge, "national", "NED", "1000m", "women")
    _take(knowledge, first, results=[_result()])
    assert _marks(knowledge) == [(72.10, "current")]
    # Two other sources settle the race on 1:12.40: the result no longer backs 1:12.10.
    for article in (second, third):
        _take(knowledge, article, results=[_result(time="1:12.40", seconds=72.40)])
    assert _marks(knowledge) == [(72.10, "claim")]
    # Undated, with no result: as it was before the result backed it.
    assert record_marks(knowledge, "national", "NED", "1000m", "women") == as_claimed


def test_a_result_backs_a_record_only_of_its_own_skater_rink_and_kind(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    first, *_ = _articles(knowledge, settings, tmp_path, QUIET)
    _take(knowledge, first, results=[_result(athlete="Femke Kok", time="1:13.40", seconds=73.4)])
    kok = skater_id(knowledge, "Femke Kok")
    said = dict(kind="track", scope="Heerenveen", distance="1000m", gender="women", seconds=73.4)
    with knowledge.read() as conn:
        found = backing_result(conn, **said, skater_id=kok, team=None, venue=None)
        assert found is not None and found.day == DAY and found.city == "Heerenveen"
        # A holder the registry does not know is compared by name, not ignored.
        for holder in ("Pieke Onbekend", "Femke Kok"):
            named = backing_result(conn, **said, skater_id=None, team=None, venue=None,
                                   holder=holder)  # fmt: skip
            assert (named is not None) is (holder == "Femke Kok")
        assert backing_result(conn, **{**said, "scope": "Inzell"}, skater_id=kok, team=None,
                              venue=None) is None  # fmt: skip
        assert backing_result(conn, **{**said, "kind": "olympic", "scope": ""}, skater_id=kok,
                              team=None, venue=None) is None  # fmt: skip
        assert backing_result(conn, **{**said, "gender": "men"}, skater_id=kok, team=None,
                              venue=None) is None  # fmt: skip


def test_reference_records_added_later_make_a_slower_news_record_history(store: Store):
    """An existing book gets the Olympic records on upgrade: a slower Olympic record the news
    made current is history then, and a news claim holds nothing against the reference."""
    with store.write() as conn:
        mark = dict(kind="olympic", scope="", distance="3000m", gender="women", origin="article")
        older = record_book.add_record(conn, **mark, seconds=236.93, holder="Irene Schouten",
                              status="current")  # fmt: skip
        record_book.add_record(conn, **mark, seconds=233.00, holder="Niemand", status="claim")
    load_reference_data(store)
    marks = {m.seconds: m for m in record_marks(store, "olympic", "", "3000m", "women")}
    assert marks[234.28].status == "current" and marks[234.28].origin == "reference"
    assert (marks[236.93].status, marks[236.93].superseded_by) == ("superseded", marks[234.28].id)
    assert marks[236.93].id == older and marks[233.00].status == "claim"
