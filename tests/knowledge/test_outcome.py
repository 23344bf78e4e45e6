"""One race, one outcome, in a real database: an article's facts for one skater and race
join into one claim, unsure facts are kept as unconfirmed claims and shown once a second
independent source agrees, and two claimed winners of one race are held back as a conflict
(not shown, not announced, no record) until the race's sources settle it.

The facts are written here in the extraction contract's shape, so each test says exactly
what an article claimed; the articles themselves are our own short texts, ingested to give
the claims real articles (and near-duplicate clusters) to point at."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from schaatsradar.knowledge.book import Outcome, import_official, reconcile_article
from schaatsradar.knowledge.events import announce_article, announce_facts
from schaatsradar.knowledge.official import parse_official
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, record_book
from schaatsradar.store import knowledge as kb
from schaatsradar.web.app import create_app
from tests.conftest import run_ingest
from tests.knowledge.reconciling import dump_tables, load_reference_data, write_articles

FIXTURES = Path(__file__).parent / "fixtures"
PUBLISHED = "2025-11-16"  # World Cup 1, Salt Lake City, 14-16 November 2025 (the calendar)
NOW = dt.datetime(2025, 11, 16, 20, 0)
TEXTS = [
    ("nos", "Een verslag over een wedstrijd op de ijsbaan van Utah met veel snelle tijden."),
    ("ad", "Heel ander stuk: de schaatsbond kondigt een nieuw programma voor jeugdrijders aan."),
    ("nu", "Derde bericht, over het weer in de bergen rond de baan en de dunne lucht daar."),
]


@pytest.fixture
def articles(store: Store, settings: Settings, tmp_path: Path) -> list[article_refs.ArticleRef]:
    load_reference_data(store)
    folder = write_articles(tmp_path / "in", [(s, PUBLISHED, body) for s, body in TEXTS])
    report = run_ingest(store, settings.model_copy(update={"extract_on_ingest": False}), folder)
    assert not report.rejected
    with store.read() as conn:
        found = article_refs.articles_by_id(conn, article_refs.article_ids(conn))
    assert len({a.cluster_id for a in found}) == 3, "three independent sources"
    return found


def fact(athlete: str, **parts: Any) -> dict[str, Any]:
    return {
        "athlete": athlete,
        "country": None,
        "distance": "1500m",
        "gender": "women",
        "time": None,
        "seconds": None,
        "rank": None,
        "competition": "World Cup",
        "venue": "Salt Lake City",
        "race_date": None,
        "margin": None,
        "earlier": False,
        "year": None,
        "evidence": {"start": 0, "end": 4, "text": "Een "},
        **parts,
    }


def take_in(
    store: Store,
    article: article_refs.ArticleRef,
    results: list[dict[str, Any]],
    unsure: list[dict[str, Any]] | None = None,
) -> Outcome:
    facts = {
        "results": results,
        "records": [],
        "candidates": {"results": unsure or [], "records": []},
    }
    with store.write() as conn, kb.memoized(conn):
        outcome = reconcile_article(conn, article, facts)
        announce_article(conn, article, facts, outcome.result_ids, outcome.record_ids, NOW)
        announce_facts(conn, outcome.released, [], NOW)
    return outcome


def shown(store: Store) -> dict[str, tuple[float | None, int | None]]:
    with store.read() as conn:
        return {r.athlete: (r.seconds, r.rank) for r in kb.results(conn)}


def held(store: Store) -> dict[str, str | None]:
    with store.read() as conn:
        return {r.athlete: r.held for r in kb.results(conn, held=True)}


def announced(store: Store) -> list[str]:
    with store.read() as conn:
        return sorted(
            conn.execute(text("SELECT key FROM events WHERE kind = 'result.recorded'")).scalars()
        )


def test_an_articles_facts_of_one_result_join_into_one_claim(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    first = articles[0]
    take_in(
        store,
        first,
        [
            fact("Anna Proef", seconds=113.4, time="1:53.40"),
            fact("Anna Proef", rank=1),
            fact("Anna Proef", margin=0.21),
        ],
    )
    assert shown(store) == {"Anna Proef": (113.4, 1)}
    with store.read() as conn:
        rows = conn.execute(
            text("SELECT source_key, seconds, rank, margin FROM result_claims")
        ).all()
    assert [tuple(r) for r in rows] == [(f"article:{first.id}", 113.4, 1, 0.21)]


def test_an_article_disagreeing_with_itself_keeps_both_claims(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    first = articles[0]
    facts = [fact("Anna Proef", rank=2), fact("Anna Proef", rank=5)]
    take_in(store, first, facts)
    with store.read() as conn:
        rows = conn.execute(text("SELECT source_key, rank FROM result_claims ORDER BY id")).all()
        (result,) = kb.results(conn)
    assert [tuple(r) for r in rows] == [(f"article:{first.id}", 2), (f"article:{first.id}#2", 5)]
    assert result.disputed and result.rank == 2
    before = dump_tables(store)
    take_in(store, first, facts)
    assert dump_tables(store) == before, "taking the article in again changes nothing"


def test_a_candidate_is_kept_unconfirmed_and_shown_once_another_source_agrees(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    one, other, third = articles
    take_in(store, one, [], unsure=[fact("Anna Proef", seconds=113.4, time="1:53.40", rank=3)])
    assert shown(store) == {} and held(store) == {"Anna Proef": "candidate"}
    assert announced(store) == []
    take_in(store, other, [], unsure=[fact("Anna Proef", rank=3)])
    assert shown(store) == {"Anna Proef": (113.4, 3)} and held(store) == {}
    (key,) = announced(store)
    take_in(store, third, [fact("Anna Proef", rank=3)])
    assert announced(store) == [key], "announced once, when first shown"


def test_two_winners_are_held_as_a_conflict_until_the_times_settle_it(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    one, other, third = articles
    take_in(store, one, [fact("Anna Proef", rank=1), fact("Bea Toets", rank=2)])
    assert shown(store) == {"Anna Proef": (None, 1), "Bea Toets": (None, 2)}
    take_in(store, other, [fact("Cor Probeer", rank=1)])
    assert shown(store) == {"Bea Toets": (None, 2)}
    assert held(store) == {"Anna Proef": "conflict", "Cor Probeer": "conflict"}
    take_in(
        store,
        third,
        [
            fact("Anna Proef", seconds=113.4, time="1:53.40"),
            fact("Cor Probeer", seconds=114.1, time="1:54.10"),
        ],
    )
    assert shown(store) == {"Anna Proef": (113.4, 1), "Bea Toets": (None, 2)}
    assert held(store) == {"Cor Probeer": "conflict"}
    with store.read() as conn:
        cor = next(r for r in kb.results(conn, held=True))
    assert f"result:{cor.id}" not in announced(store)


def test_a_country_is_refused_as_the_skater_of_an_individual_race(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    outcome = take_in(store, articles[0], [fact("Noorwegen", rank=1)])
    assert outcome.results == 0 and shown(store) == {} and held(store) == {}
    assert any("country, not a skater" in reason for reason in outcome.refused)


def test_the_race_in_the_api_and_the_meet_page_show_a_conflict_as_a_conflict(
    store: Store, settings: Settings, articles: list[article_refs.ArticleRef]
) -> None:
    one, other, _third = articles
    take_in(store, one, [fact("Anna Proef", rank=1), fact("Bea Toets", rank=2)])
    take_in(store, other, [fact("Cor Probeer", rank=1)])
    with store.read() as conn:
        (bea,) = kb.results(conn)
    with TestClient(create_app(settings)) as client:
        race = client.get(f"/api/v1/races/{bea.race_id}").json()
        listed = client.get("/api/v1/results").json()["items"]
        page = client.get(f"/wedstrijden/{bea.competition_id}").text
    assert [r["athlete"] for r in race["results"]] == ["Bea Toets"]
    assert [r["athlete"] for r in listed] == ["Bea Toets"]
    conflicts = {c["athlete"]: c for c in race["conflicts"]}
    assert set(conflicts) == {"Anna Proef", "Cor Probeer"}
    assert [c["source"] for c in conflicts["Cor Probeer"]["claims"]] == [f"article:{other.id}"]
    assert conflicts["Anna Proef"]["claims"][0]["rank"] == 1
    held_part = page[page.index('id="held-title"') :]
    assert "Anna Proef" in held_part and "Cor Probeer" in held_part and "in strijd" in held_part
    assert "Anna Proef" not in page[: page.index('id="held-title"')]


def test_a_record_made_by_a_result_is_withdrawn_when_the_result_is_held_back(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    one, other, _third = articles
    with store.read() as conn:
        known = next(
            m
            for m in record_book.record_marks(conn, "track", "Salt Lake City", "1500m", "women")
            if m.status == "current"
        )
    assert known.seconds is not None
    faster = round(known.seconds - 0.5, 2)
    take_in(store, one, [fact("Anna Proef", seconds=faster, time=str(faster), rank=1)])
    with store.read() as conn:
        made = [
            m for m in record_book.record_marks(conn, "track", "Salt Lake City", "1500m", "women")
        ]
    assert [(m.seconds, m.status) for m in made if m.origin == "result"] == [(faster, "current")]
    take_in(store, other, [fact("Cor Probeer", rank=1)])
    with store.read() as conn:
        after = {
            m.id: m.status
            for m in record_book.record_marks(conn, "track", "Salt Lake City", "1500m", "women")
        }
    assert after[known.id] == "current", "the record the held result beat stands again"
    assert [
        s
        for i, s in after.items()
        if i != known.id and i in {m.id for m in made if m.origin == "result"}
    ] == ["withdrawn"]


def test_an_official_list_ends_a_conflict_with_its_winner(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    load_reference_data(store)
    folder = write_articles(tmp_path / "in", [(s, "2026-01-25", body) for s, body in TEXTS[:2]])
    run_ingest(store, settings.model_copy(update={"extract_on_ingest": False}), folder)
    with store.read() as conn:
        one, other = article_refs.articles_by_id(conn, article_refs.article_ids(conn))
    inzell = dict(distance="1000m", venue="Inzell", race_date="2026-01-24")
    take_in(store, one, [fact("Jutta Leerdam", rank=1, **inzell)])
    take_in(store, other, [fact("Anna Proef", rank=1, **inzell)])
    assert held(store) == {"Jutta Leerdam": "conflict", "Anna Proef": "conflict"}
    payload = json.loads((FIXTURES / "isu_event_inzell.json").read_text(encoding="utf-8"))
    with store.write() as conn:
        import_official(conn, parse_official(payload, "isu_event_inzell.json"), NOW)
    assert held(store) == {"Anna Proef": "conflict"}
    with store.read() as conn:
        (leerdam,) = [r for r in kb.results(conn, distance="1000m") if r.athlete == "Jutta Leerdam"]
    assert leerdam.official and leerdam.rank == 1


def test_a_race_shown_with_two_winners_before_races_were_judged_is_judged_on_upgrade(
    store: Store, articles: list[article_refs.ArticleRef]
) -> None:
    one, other, _third = articles
    take_in(store, one, [fact("Anna Proef", rank=1)])
    take_in(store, other, [fact("Cor Probeer", rank=1)])
    with store.write() as conn:  # as a database migrated from before 0009 has it
        conn.execute(text("UPDATE results SET held = NULL"))
    assert len(shown(store)) == 2
    load_reference_data(store)
    assert shown(store) == {} and held(store) == {
        "Anna Proef": "conflict",
        "Cor Probeer": "conflict",
    }
    before = dump_tables(store)
    load_reference_data(store)
    assert dump_tables(store) == before
