"""Reconciling what the news says: one result per skater per race whoever reports it, the
value with more independent sources winning, records made, superseded or disputed but never
lost, personal bests following from results, and facts that cannot be true left out.

Every article here is our own text, ingested for real (extraction included) and reconciled
with `reconcile_pending`, as `schaatsradar ingest` does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from schaatsradar.knowledge.book import merge, reconcile_article
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, record_book
from schaatsradar.store import knowledge as kb
from tests.knowledge.reconciling import (
    KNOWLEDGE_TABLES,
    claims_of,
    current_record,
    dump_tables,
    ingest_and_reconcile,
    load_reference_data,
    record_marks,
    results_of,
    skater_id,
    source_keys,
    write_articles,
)

CALGARY_1500M = "World Cup 2"

# Five publishers, five texts of their own, one race: Beune's 1500m at the Calgary World Cup.
FIVE_REPORTS = [
    (
        "ad",
        "2025-11-22",
        "In de Olympic Oval van Calgary was Joy Beune de snelste op de 1500 meter. Met een "
        "tijd van 1.52,48 pakte de schaatsster uit Overijssel haar eerste wereldbekerzege van "
        "het seizoen.\n\nVolgende week staat de World Cup in Heerenveen op het programma, "
        "waar Beune opnieuw favoriet is.",
    ),
    (
        "nos",
        "2025-11-22",
        "Joy Beune heeft zaterdag de 1500 meter van de World Cup in Calgary gewonnen. De "
        "Nederlandse klokte 1.52,48 en bleef daarmee Miho Takagi voor.\n\nBeune was na afloop "
        'tevreden over haar opening. "Ik voelde me sterk in de laatste ronde", zei ze.',
    ),
    (
        "telegraaf",
        "2025-11-23",
        "Wat een race van Joy Beune! Op de World Cup in Calgary won ze de 1500 meter in "
        "1.52,48. Coach en ploeggenoten waren laaiend enthousiast over de manier waarop ze de "
        "slotronde afwerkte.\n\nHet is haar beste seizoensstart ooit, vindt ze zelf.",
    ),
    (
        "schaatsen_nl",
        "2025-11-23",
        "Overwinning voor Beune in Canada. De wereldbeker in Calgary leverde Joy Beune een "
        "gouden 1500 meter op: 1.52,48 stond er op het scorebord toen ze over de streep kwam."
        "\n\nDe Japanse concurrentie moest het deze keer afleggen tegen de Nederlandse "
        "allrounder.",
    ),
    (
        "isu_news",
        "2025-11-24",
        "Joy Beune of the Netherlands won the women's 1500m at the ISU World Cup in Calgary on "
        "Saturday in 1:52.48. It was her first individual victory of the season.\n\nThe next "
        "World Cup stop takes the circuit to Heerenveen in early December.",
    ),
]

# One agency story (with 1:52.84) as three sites ran it: the same text give or take a line.
WIRE = "\n\n".join(
    [
        "CALGARY (ANP) - Joy Beune heeft zaterdag de 1500 meter bij de World Cup in Calgary "
        "gewonnen. De schaatsster uit Overijssel klokte 1.52,84 en was daarmee sneller dan "
        "Miho Takagi en Ragne Wiklund.",
        "Beune reed in de laatste rit tegen de Noorse Wiklund, die lang bijbleef maar in de "
        "slotronde verzuurde. Takagi werd uiteindelijk tweede, Wiklund derde.",
        "Met de zege neemt Beune de leiding in het wereldbekerklassement op de 1500 meter "
        "over. Volgende maand volgt de wereldbeker in Heerenveen, waar de Nederlandse ploeg op "
        "eigen ijs rijdt.",
        '"Ik had niet gedacht dat het zo snel zou gaan", zei Beune na afloop tegen de '
        'verzamelde pers. "Mijn trainer zei dat ik rustig moest openen en dat heb ik gedaan."',
    ]
)
WIRE_COPIES = [
    ("anp", "2025-11-22", WIRE),
    ("regiokrant", "2025-11-22", "Joy Beune heeft weer een World Cup gewonnen.\n\n" + WIRE),
    (
        "sportsite",
        "2025-11-23",
        WIRE + "\n\nZondag staan de massastart en de ploegenachtervolging.",
    ),
]
TWO_OWN_REPORTS = [
    (
        "nos",
        "2025-11-23",
        "Joy Beune heeft in Calgary de 1500 meter van de World Cup op haar naam geschreven in "
        "een tijd van 1.52,48.\n\nHaar trainer sprak van een perfect uitgevoerd raceplan.",
    ),
    (
        "ad",
        "2025-11-24",
        "Een gouden zaterdag voor Joy Beune: op de wereldbeker in Calgary was ze met 1.52,48 "
        "de beste op de 1500 meter.\n\nDe Japanse Takagi en de Noorse Wiklund completeerden "
        "het podium.",
    ),
]


@pytest.fixture
def knowledge(store: Store) -> Store:
    """A migrated database with the bundled reference data, as the CLI opens it."""
    load_reference_data(store)
    return store


def beune_in_calgary(store: Store) -> kb.ResultView:
    [result] = [r for r in results_of(store, "Joy Beune", "1500m") if r.city == "Calgary"]
    return result


# -- one result, many sources -----------------------------------------------------------------


def test_five_sources_reporting_one_time_make_one_result_with_five_claims(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    report, outcome = ingest_and_reconcile(
        knowledge, settings, write_articles(tmp_path, FIVE_REPORTS)
    )
    assert (report.new, report.near_duplicate) == (5, 0)  # five stories, not one wire story
    # Five of Beune's win and Takagi's second place ("bleef daarmee Miho Takagi voor").
    assert outcome.results == 6 and outcome.refused == []

    result = beune_in_calgary(knowledge)
    assert result.competition == CALGARY_1500M
    assert result.seconds == pytest.approx(112.48)
    assert result.rank == 1
    assert not result.disputed
    assert result.sources == 5
    claims = claims_of(knowledge, result.id)
    assert len({c.source_key for c in claims}) == 5
    assert len({c.cluster for c in claims}) == 5  # five independent sources
    assert {round(c.seconds, 2) for c in claims if c.seconds is not None} == {112.48}
    with knowledge.read() as conn:
        assert len(kb.races_of(conn, result.competition_id, "1500m", "women")) == 1


def test_the_race_day_a_later_source_gives_dates_a_race_first_reported_undated(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    # The first report names no day; the second says "zaterdag" (22 November).
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS[:2]))
    assert beune_in_calgary(knowledge).race_date == dt.date(2025, 11, 22)


def test_a_wire_story_on_three_sites_is_one_independent_source(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """Three copies of one agency story (1:52.84) against two reports of their own (1:52.48):
    the copies are three claims but one source, so the two independent reports win."""
    report, _ = ingest_and_reconcile(
        knowledge, settings, write_articles(tmp_path, WIRE_COPIES + TWO_OWN_REPORTS)
    )
    assert (report.new, report.near_duplicate) == (3, 2)

    result = beune_in_calgary(knowledge)
    claims = claims_of(knowledge, result.id)
    assert len(claims) == 5  # every copy is kept as a claim...
    wire = {c.cluster for c in claims if c.seconds is not None and round(c.seconds, 2) == 112.84}
    own = {c.cluster for c in claims if c.seconds is not None and round(c.seconds, 2) == 112.48}
    assert len(wire) == 1 and len(own) == 2  # ...but the copies share one cluster
    assert result.seconds == pytest.approx(112.48)
    assert result.disputed


def test_two_sources_disagreeing_make_a_disputed_result_and_the_majority_wins(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    disagreeing = [WIRE_COPIES[0], TWO_OWN_REPORTS[0]]  # 1:52.84 first, then 1:52.48
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path / "one", disagreeing))
    result = beune_in_calgary(knowledge)
    assert result.disputed
    assert sorted(round(c.seconds or 0, 2) for c in claims_of(knowledge, result.id)) == [
        112.48,
        112.84,
    ]
    assert result.seconds == pytest.approx(112.84)  # one against one: the first claim stands

    # A third, independent source tips it.
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path / "two", TWO_OWN_REPORTS[1:]))
    result = beune_in_calgary(knowledge)
    assert result.seconds == pytest.approx(112.48)
    assert result.disputed  # the minority claim is still there, and still said
    assert sorted(round(c.seconds or 0, 2) for c in claims_of(knowledge, result.id)) == [
        112.48,
        112.48,
        112.84,
    ]
    assert result.sources == 3


# -- records ----------------------------------------------------------------------------------

KOK_THIALF = (
    "omroep_friesland",
    "2026-03-07",
    "Femke Kok heeft zaterdag op het WK allround in Thialf de 500 meter gewonnen in 36,58. "
    "Daarmee was ze ruim sneller dan Joy Beune, die 37,81 noteerde.\n\nKok doet in "
    "Heerenveen mee om zich voor te bereiden op het volgende seizoen.",
)


def test_a_result_faster_than_the_track_record_makes_a_new_track_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    before = current_record(knowledge, "track", "Heerenveen", "500m", "women")
    assert before.seconds == pytest.approx(36.67)  # Kok, WK sprint, 5 March 2026

    _, outcome = ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [KOK_THIALF]))

    record = current_record(knowledge, "track", "Heerenveen", "500m", "women")
    assert record.id != before.id
    assert record.seconds == pytest.approx(36.58)
    assert (record.holder, record.origin) == ("Femke Kok", "result")
    assert record.set_on == dt.date(2026, 3, 7)
    [result] = [r for r in results_of(knowledge, "Femke Kok", "500m") if r.city == "Heerenveen"]
    with knowledge.read() as conn:
        shown = record_book.records(
            conn, kind="track", venue="Heerenveen", distance="500m", gender="women"
        )
        made_from = conn.exec_driver_sql(
            f"SELECT result_id FROM records WHERE id = {record.id}"
        ).scalar()
    assert [r.id for r in shown] == [record.id]  # the records page shows the new one only
    assert made_from == result.id
    [old] = [m for m in record_marks(knowledge, "track", "Heerenveen", "500m", "women")
             if m.id == before.id]  # fmt: skip
    assert old.status == "superseded" and old.superseded_by == record.id
    assert old.seconds == pytest.approx(36.67)
    assert any("Heerenveen" in line and "Femke Kok" in line for line in outcome.new_records)
    # The world record (36.09) is not touched by a slower time.
    assert current_record(knowledge, "world", "", "500m", "women").seconds == pytest.approx(36.09)


def test_a_faster_time_the_article_calls_a_track_record_is_one_new_record(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    story = (
        "omroep_friesland",
        "2026-03-07",
        "Femke Kok heeft zaterdag op het WK allround in Thialf een baanrecord gereden op de "
        "500 meter. Ze won in 36,58.\n\nHet publiek in Heerenveen stond op de banken.",
    )
    _, outcome = ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [story]))
    marks = record_marks(knowledge, "track", "Heerenveen", "500m", "women")
    assert sorted((round(m.seconds or 0, 2), m.status) for m in marks) == [
        (36.58, "current"),
        (36.67, "superseded"),
    ]
    current = current_record(knowledge, "track", "Heerenveen", "500m", "women")
    assert any(key.startswith("article:") for key in source_keys(knowledge, current.id))
    assert len(outcome.new_records) == 1
    assert outcome.disputed == []


def test_a_track_record_claim_slower_than_the_known_record_is_only_a_claim(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """Was "disputed, shown beside the record": a winning time one article calls the track
    record, slower than the known one, is a claim nothing backs (its own race only shows
    the time), listed apart and not in the record book."""
    story = (
        "dagblad",
        "2025-12-06",
        "Jutta Leerdam reed zaterdag bij de World Cup in Heerenveen een baanrecord op de 1000 "
        "meter. Ze finishte in 1.13,05 en was daarmee de snelste van het veld.\n\nHet publiek "
        "in Thialf ging uit zijn dak voor de Nederlandse.",
    )
    known = current_record(knowledge, "track", "Heerenveen", "1000m", "women")
    assert known.seconds == pytest.approx(72.80)

    _, outcome = ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [story]))

    still = current_record(knowledge, "track", "Heerenveen", "1000m", "women")
    assert still.id == known.id and still.seconds == pytest.approx(72.80)
    [claim] = [
        m
        for m in record_marks(knowledge, "track", "Heerenveen", "1000m", "women")
        if m.status == "claim"
    ]
    assert claim.seconds == pytest.approx(73.05)
    assert (claim.holder, claim.origin) == ("Jutta Leerdam", "article")
    assert any(key.startswith("article:") for key in source_keys(knowledge, claim.id))
    # The records page and API show the record only; the claim is listed apart.
    with knowledge.read() as conn:
        shown = record_book.records(
            conn, kind="track", venue="Heerenveen", distance="1000m", gender="women"
        )
        claims = record_book.records(conn, kind="track", venue="Heerenveen", status="claim")
    assert [(round(r.seconds or 0, 2), r.status) for r in shown] == [(72.80, "current")]
    assert [c.id for c in claims] == [claim.id]
    assert outcome.disputed == [] and outcome.new_records == []
    assert len(outcome.claims) == 1 and "1:13.05" in outcome.claims[0]


def test_a_track_record_made_by_a_claim_the_majority_overrules_does_not_stand(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    overruling = [
        (
            "nos",
            "2026-03-07",
            "Op het WK allround in Thialf won Femke Kok zaterdag de 500 meter in 36,90.\n\n"
            "Joy Beune bleef in de eerste rit steken op een tegenvallende tijd.",
        ),
        (
            "schaatsen_nl",
            "2026-03-08",
            "Femke Kok reed zaterdag in Heerenveen op het WK allround de 500 meter in 36,90 "
            "en won.\n\nZondag volgen de 1500 meter en de 5000 meter.",
        ),
    ]
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [KOK_THIALF, *overruling]))
    [result] = [r for r in results_of(knowledge, "Femke Kok", "500m") if r.city == "Heerenveen"]
    assert result.seconds == pytest.approx(36.90) and result.disputed

    current = current_record(knowledge, "track", "Heerenveen", "500m", "women")
    assert current.seconds == pytest.approx(36.67)  # 36.90 breaks nothing
    marks = record_marks(knowledge, "track", "Heerenveen", "500m", "women")
    assert any(m.seconds == pytest.approx(36.58) for m in marks)  # kept, not deleted


def test_a_result_from_before_the_current_record_does_not_supersede_it(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    december = (
        "dagblad",
        "2025-12-06",
        "Femke Kok won zaterdag op de World Cup in Heerenveen de 500 meter in 36,60.\n\n"
        "Jutta Leerdam werd tweede.",
    )
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [december]))
    marks = {m.id: m for m in record_marks(knowledge, "track", "Heerenveen", "500m", "women")}
    for mark in marks.values():
        if mark.superseded_by is not None:
            later = marks[mark.superseded_by]
            assert mark.set_on is None or later.set_on is None or later.set_on >= mark.set_on
    current = current_record(knowledge, "track", "Heerenveen", "500m", "women")
    assert current.seconds == pytest.approx(36.67)  # set on 5 March 2026


# -- personal bests ---------------------------------------------------------------------------


def test_personal_bests_follow_from_settled_results(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    faster_minority = (
        "blog",
        "2025-11-22",
        "Joy Beune won vandaag op de World Cup in Calgary de 1500 meter in 1.51,90, meldt een "
        "ooggetuige.\n\nDe Nederlandse reed een sterke slotronde.",
    )
    heerenveen = (
        "leeuwarder",
        "2025-12-06",
        "Joy Beune werd zaterdag op de World Cup in Heerenveen tweede op de 1500 meter in "
        "1.53,10.\n\nZe moest alleen Miho Takagi voor zich dulden.",
    )
    ingest_and_reconcile(
        knowledge,
        settings,
        write_articles(tmp_path, [faster_minority, *TWO_OWN_REPORTS, heerenveen]),
    )
    beune = skater_id(knowledge, "Joy Beune")
    with knowledge.read() as conn:
        best = kb.best_times(conn, beune)
        season_from_december = kb.best_times(conn, beune, since=dt.date(2025, 12, 1))
    # Calgary settles on 1:52.48 (two sources against one): the lone 1:51.90 is no PB.
    assert best == {"1500m": pytest.approx(112.48)}
    assert season_from_december == {"1500m": pytest.approx(113.10)}


def test_personal_bests_ignore_results_without_a_time(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    ranks_only = (
        "nos",
        "2025-11-16",
        "Jutta Leerdam eindigde zondag als vijfde op de 500 meter, bij de World Cup in Salt "
        "Lake City."
        "\n\nFemke Kok won de race.",
    )
    thialf = (
        "dagblad",
        "2025-12-06",
        "Jutta Leerdam won zaterdag op de World Cup in Heerenveen de 1000 meter in 1.13,05."
        "\n\nFemke Kok werd tweede.",
    )
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [ranks_only, thialf]))
    with knowledge.read() as conn:
        best = kb.best_times(conn, skater_id(knowledge, "Jutta Leerdam"))
    assert best == {"1000m": pytest.approx(73.05)}
    assert [r.rank for r in results_of(knowledge, "Jutta Leerdam", "500m")] == [5]


def test_merging_two_entries_of_one_skater_resettles_their_result_and_personal_best(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    """A name the registry lacks, spelt two ways: two skaters, one race, until merged."""
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS[:3]))
    calgary = {"competition": "World Cup", "venue": "Calgary", "race_date": "2025-11-22"}
    said = [
        ("Lotte Testrijder", "1:14.10", 74.10),
        ("Lotte Test-Rijder", "1:14.40", 74.40),
        ("Lotte Test-Rijder", "1:14.40", 74.40),
    ]
    with knowledge.write() as conn:
        for article, (name, time, seconds) in zip(
            article_refs.articles_by_id(conn, [1, 2, 3]), said, strict=True
        ):
            fact = _fact(athlete=name, country=None, time=time, seconds=seconds, rank=None)
            reconcile_article(conn, article, {"results": [{**fact, **calgary}]})
    keep, drop = skater_id(knowledge, said[0][0]), skater_id(knowledge, said[1][0])
    assert keep != drop

    with knowledge.write() as conn:
        merge(conn, keep, drop)
        [result] = kb.results(conn, skater_id=keep)
        best = kb.best_times(conn, keep)
    assert skater_id(knowledge, "Lotte Test-Rijder") == keep
    assert result.sources == 3
    assert result.seconds == pytest.approx(74.40)  # two sources against one
    assert result.disputed
    assert best == {"1000m": pytest.approx(74.40)}


# -- what cannot be true is left out ----------------------------------------------------------


def test_a_result_no_competition_can_be_found_for_is_refused_and_nothing_changes(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path / "known", FIVE_REPORTS[:1]))
    before = dump_tables(knowledge, KNOWLEDGE_TABLES)
    nowhere = (
        "weekblad",
        "2025-12-07",
        "Jutta Leerdam won de 1000 meter.\n\nLeerdam reed 1.14,20 en was blij met haar vorm.",
    )
    _, outcome = ingest_and_reconcile(
        knowledge, settings, write_articles(tmp_path / "new", [nowhere])
    )
    assert outcome.results == 0
    [refused] = outcome.refused
    assert refused.startswith("article:2 ")
    assert "Jutta Leerdam" in refused and "1000m" in refused and "competition" in refused
    assert dump_tables(knowledge, KNOWLEDGE_TABLES) == before


def test_an_impossible_time_in_an_article_makes_no_result(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    before = dump_tables(knowledge, KNOWLEDGE_TABLES)
    story = (
        "dagblad",
        "2025-12-07",
        "Bij de World Cup in Heerenveen reed Jutta Leerdam de 1000 meter in 0.41,20, zo meldde "
        "het scorebord.",
    )
    _, outcome = ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, [story]))
    assert outcome.results == 0
    assert dump_tables(knowledge, KNOWLEDGE_TABLES) == before


def _fact(**changes: Any) -> dict[str, Any]:
    """One result in the extraction contract's shape (what an extractor or a future
    extractor version may hand the knowledge base)."""
    fact = {
        "athlete": "Jutta Leerdam",
        "country": "NED",
        "distance": "1000m",
        "gender": "women",
        "time": "1:13.05",
        "seconds": 73.05,
        "rank": 1,
        "competition": "World Cup",
        "venue": "Heerenveen",
        "race_date": "2025-12-06",
        "margin": None,
        "earlier": False,
        "evidence": {"start": 0, "end": 10, "text": "1.13,05"},
    }
    return {**fact, **changes}


@pytest.mark.parametrize(
    ("fact", "reason"),
    [
        (_fact(time="0:41.20", seconds=41.2), "impossible time"),
        (_fact(time="9:13.05", seconds=553.05), "impossible time"),
        (_fact(distance="1200m"), "unknown distance"),
        (_fact(competition=None, venue=None, race_date=None), "no known or plausible competition"),
    ],
    ids=["too-fast", "too-slow", "no-such-distance", "no-meet"],
)
def test_a_fact_that_cannot_be_true_is_refused_by_name_and_nothing_changes(
    knowledge: Store, settings: Settings, tmp_path: Path, fact: dict[str, Any], reason: str
):
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS[:1]))
    before = dump_tables(knowledge, KNOWLEDGE_TABLES)
    with knowledge.write() as conn:
        [article] = article_refs.articles_by_id(conn, [1])
        outcome = reconcile_article(conn, article, {"results": [fact], "records": []})
    assert outcome.results == 0
    [refused] = outcome.refused
    assert refused.startswith("article:1 Jutta Leerdam ")
    assert fact["distance"] in refused and reason in refused
    assert dump_tables(knowledge, KNOWLEDGE_TABLES) == before


def test_a_womens_time_only_men_can_skate_is_refused(
    knowledge: Store, settings: Settings, tmp_path
):
    ingest_and_reconcile(knowledge, settings, write_articles(tmp_path, FIVE_REPORTS[:1]))
    before = dump_tables(knowledge, KNOWLEDGE_TABLES)
    fact = _fact(
        athlete="Femke Kok",
        distance="500m",
        time="33.90",
        seconds=33.90,
        venue="Calgary",
        race_date="2025-11-22",
    )
    with knowledge.write() as conn:
        [article] = article_refs.articles_by_id(conn, [1])
        outcome = reconcile_article(conn, article, {"results": [fact], "records": []})
    assert current_record(knowledge, "world", "", "500m", "women").seconds == pytest.approx(36.09)
    assert len(outcome.refused) == 1 and "impossible time" in outcome.refused[0]
    assert dump_tables(knowledge, KNOWLEDGE_TABLES) == before
