"""Official lists in the knowledge base: they merge with what the news reported, outrank it,
flag news that contradicts them, and a list with one bad row stores nothing. Polled over real
HTTP on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from schaatsradar.errors import InputRejected
from schaatsradar.knowledge.book import import_official, load_reference, reconcile_pending
from schaatsradar.knowledge.official import parse_official
from schaatsradar.knowledge.official_poll import add_official, poll_official
from schaatsradar.knowledge.views import find_skater
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store import sources as stored_sources
from tests.conftest import run_ingest

FIXTURES = Path(__file__).parent / "fixtures"
NOW = dt.datetime(2026, 2, 1, 12, 0)


def _payload(name: str) -> object:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def known(store: Store) -> Store:
    with store.write() as conn:
        load_reference(conn)
    return store


def _results(store: Store, name: str) -> list[kb.ResultView]:
    with store.read() as conn:
        skater = find_skater(conn, name)
        assert skater is not None
        return kb.results(conn, skater_id=skater.id)


def test_an_official_list_lands_in_the_calendar_meet(known: Store) -> None:
    data = parse_official(_payload("isu_event_inzell.json"), "isu_event_inzell.json")
    with known.write() as conn:
        outcome = import_official(conn, data, NOW)
    assert outcome.results > 10 and not outcome.refused
    [thousand] = [r for r in _results(known, "Jutta Leerdam") if r.distance == "1000m"]
    assert (thousand.competition, thousand.seconds, thousand.rank) == ("World Cup 5", 72.74, 1)
    assert thousand.official and thousand.race_date == dt.date(2026, 1, 24)
    # The two 500m races of the weekend stay two races.
    boo = [r for r in _results(known, "Jenning de Boo") if r.distance == "500m"]
    assert sorted((r.race_date, r.rank) for r in boo) == [
        (dt.date(2026, 1, 23), 1),
        (dt.date(2026, 1, 25), 2),
    ]


def test_importing_the_same_list_twice_changes_nothing(known: Store) -> None:
    data = parse_official(_payload("isu_event_inzell.json"), "isu_event_inzell.json")
    with known.write() as conn:
        import_official(conn, data, NOW)
    with known.read() as conn:
        before = [(r.id, r.seconds, r.rank, r.sources) for r in kb.results(conn)]
    with known.write() as conn:
        import_official(conn, data, NOW)
    with known.read() as conn:
        assert [(r.id, r.seconds, r.rank, r.sources) for r in kb.results(conn)] == before


def test_a_list_with_one_bad_row_stores_nothing(known: Store) -> None:
    data = parse_official(_payload("isu_event_broken.json"), "isu_event_broken.json")
    with pytest.raises(InputRejected) as refused, known.write() as conn:
        import_official(conn, data, NOW)
    assert "rank 0 is below 1" in refused.value.message
    with known.read() as conn:
        assert kb.results(conn) == []


def test_the_official_time_outranks_the_news_and_the_news_is_flagged(
    settings: Settings, known: Store, tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        " date 2026-01-24 INZELL - Jutta Leerdam heeft zaterdag op de World Cup in Inzell "
        "de 1000 meter gewonnen in 1.12,84.\n",
        encoding="utf-8",
    )
    run_ingest(known, settings.model_copy(update={"extract_on_ingest": True}), report)
    reconcile_pending(known, NOW)
    [told] = [r for r in _results(known, "Jutta Leerdam") if r.distance == "1000m"]
    assert (told.seconds, told.rank, told.official) == (72.84, 1, False)
    with known.write() as conn:
        outcome = import_official(
            conn, parse_official(_payload("isu_event_inzell.json"), "isu_event_inzell.json"), NOW
        )
    assert any("Jutta Leerdam 1000m" in line for line in outcome.disputed)
    [thousand] = [r for r in _results(known, "Jutta Leerdam") if r.distance == "1000m"]
    assert thousand.seconds == 72.74 and thousand.official
    assert thousand.disputed and thousand.sources == 2


def test_polling_imports_once_and_then_costs_a_304(
    settings: Settings, known: Store, httpserver: HTTPServer
) -> None:
    body = (FIXTURES / "isu_event_inzell.json").read_bytes()
    httpserver.expect_ordered_request("/events/inzell").respond_with_data(
        body, content_type="application/json", headers={"ETag": '"v1"'}
    )
    httpserver.expect_ordered_request(
        "/events/inzell", headers={"If-None-Match": '"v1"'}
    ).respond_with_data(b"", status=304)
    url = httpserver.url_for("/events/inzell")
    assert add_official(known, url, settings, NOW)
    assert not add_official(known, url, settings, NOW)
    settings = settings.model_copy(update={"official_min_interval_seconds": 0.0})
    [first] = poll_official(known, settings, NOW)
    assert first.status == "imported" and first.outcome and first.outcome.results > 10
    [second] = poll_official(known, settings, NOW + dt.timedelta(days=1))
    assert second.status == "not modified"
    httpserver.check_assertions()


def test_one_broken_official_list_fails_alone_and_the_next_is_imported(
    settings: Settings, known: Store, httpserver: HTTPServer
) -> None:
    """A list server answering 500, one answering garbage and one whose JSON nests too deeply
    to read (RecursionError in the parser) are each recorded as failed with the reason; the
    good list registered after them is still imported."""
    httpserver.expect_request("/down").respond_with_data(b"kapot", status=500)
    httpserver.expect_request("/garbage").respond_with_data(
        b"<html>niet dit", content_type="application/json"
    )
    httpserver.expect_request("/deep").respond_with_data(
        b"[" * 100_000, content_type="application/json"
    )
    httpserver.expect_request("/inzell").respond_with_data(
        (FIXTURES / "isu_event_inzell.json").read_bytes(), content_type="application/json"
    )
    for path in ("/down", "/garbage", "/deep", "/inzell"):
        add_official(known, httpserver.url_for(path), settings, NOW)
    settings = settings.model_copy(update={"official_min_interval_seconds": 0.0})
    polls = {poll.url.rsplit("/", 1)[1]: poll for poll in poll_official(known, settings, NOW)}
    assert [polls[p].status for p in ("down", "garbage", "deep")] == ["failed"] * 3
    assert "nested too deeply" in (polls["deep"].error or "")
    assert polls["inzell"].status == "imported"
    assert polls["inzell"].outcome and polls["inzell"].outcome.results > 10
    [thousand] = [r for r in _results(known, "Jutta Leerdam") if r.distance == "1000m"]
    assert thousand.official
    with known.read() as conn:
        kept = {s.feed_url.rsplit("/", 1)[1]: s for s in stored_sources.list_feeds(conn, True)}
    assert kept["deep"].error_count == 1 and "nested too deeply" in (kept["deep"].last_error or "")
    assert kept["inzell"].error_count == 0 and kept["inzell"].last_error is None
