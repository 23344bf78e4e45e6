"""The JSON API under /api/v1, on a real database filled through the real paths: the
reference data, the seed articles and the demo set ingested with extraction, reconciled."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from schaatsradar.cli import app as cli_app
from schaatsradar.ingest.demo import demo_articles_path
from schaatsradar.knowledge.book import load_reference, reconcile_article, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, tokens
from schaatsradar.web.app import create_app
from schaatsradar.web.pages import reader_today
from tests.conftest import NOW, dump, run_ingest

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
KNOWLEDGE_TABLES = (
    "skaters",
    "skater_aliases",
    "competitions",
    "races",
    "results",
    "result_claims",
    "records",
    "record_sources",
    "reconciled_articles",
    "sources",
    "api_tokens",
)
TODAY = dt.date(2026, 1, 20)  # in 2025-26, the season of the reference data and the demo
POST_TEXT = (
    "Femke Kok heeft zaterdag in Inzell de 500 meter gewonnen in 36,99. Jutta Leerdam werd tweede."
)


def fill(store: Store, settings: Settings) -> None:
    """Reference data, the seeds and the demo articles, as `schaatsradar ingest` stores them."""
    with store.write() as conn:
        load_reference(conn)
    if SEEDS.is_dir():
        run_ingest(store, settings, SEEDS)
    run_ingest(store, settings, demo_articles_path(), source="schaatsradar-demo")
    reconcile_pending(store, NOW)


def issue_token(store: Store, name: str = "tests") -> str:
    with store.write() as conn:
        return tokens.issue(conn, name, NOW).token


def snapshot(store: Store) -> dict[str, Any]:
    """Every stored row that a write could change: articles and knowledge alike."""
    rows: dict[str, Any] = dict(dump(store))
    with store.read() as conn:
        for table in KNOWLEDGE_TABLES:
            found = conn.execute(text(f"SELECT * FROM {table}"))
            rows[table] = sorted(tuple(str(v) for v in row) for row in found)
    return rows


@pytest.fixture
def api_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"extract_on_ingest": True})


@pytest.fixture
def client(store: Store, api_settings: Settings) -> Iterator[TestClient]:
    fill(store, api_settings)
    app = create_app(api_settings)
    app.dependency_overrides[reader_today] = lambda: TODAY  # the season the data is of
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()


@pytest.fixture
def token(store: Store) -> str:
    return issue_token(store)


def walk(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following `next` links; each page's Link header must agree."""
    items: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        page = client.get(next_url)
        assert page.status_code == 200, page.text
        body = page.json()
        items.extend(body["items"])
        link = page.headers.get("link")
        assert link == (f'<{body["next"]}>; rel="next"' if body["next"] else None)
        next_url = body["next"]
        assert len(items) < 2000, "pagination does not end"
    return items


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- reads ------------------------------------------------------------------------------------


def test_articles_come_with_their_extracted_facts(client: TestClient) -> None:
    articles = walk(client, "/api/v1/articles?limit=50")
    report = next(a for a in articles if a["title"].startswith("Ook Jake Paul"))
    assert report["published"] == "2026-01-24"
    [result] = [r for r in report["facts"]["results"] if r["time"]]
    assert (result["athlete"], result["distance"], result["time"], result["seconds"]) == (
        "Jutta Leerdam",
        "1000m",
        "1:12.74",
        72.74,
    )
    assert report["facts"]["extractor"]
    assert "source" not in report["facts"]  # the server's file path stays private
    one = client.get(f"/api/v1/articles/{report['id']}").json()
    evidence = one["facts"]["results"][0]["evidence"]
    assert one["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_article_filters_keep_only_matching_articles(client: TestClient) -> None:
    def titles(query: str) -> list[str]:
        return [a["title"] for a in walk(client, "/api/v1/articles?" + query)]

    def stated(article: dict[str, Any]) -> list[dict[str, Any]]:
        return article["facts"]["results"] + article["facts"]["records"]

    everything = walk(client, "/api/v1/articles?limit=100")
    leerdam = walk(client, "/api/v1/articles?skater=jutta-leerdam")
    assert 2 <= len(leerdam) < len(everything)
    assert all(any(f["athlete"] == "Jutta Leerdam" for f in stated(a)) for a in leerdam)

    leerdam_500 = walk(client, "/api/v1/articles?skater=jutta-leerdam&distance=500m")
    assert leerdam_500 and len(leerdam_500) < len(leerdam)
    assert all(
        any(f["athlete"] == "Jutta Leerdam" and f["distance"] == "500m" for f in stated(a))
        for a in leerdam_500
    )
    meets = walk(client, "/api/v1/competitions?limit=100")
    inzell = next(m for m in meets if m["name"] == "World Cup 5")
    at_inzell = titles(f"competition={inzell['id']}")
    assert any(t.startswith("Ook Jake Paul") for t in at_inzell)
    assert not any(t.startswith("Voor Jutta Leerdam begon") for t in at_inzell)

    january = walk(client, "/api/v1/articles?from=2026-01-01&to=2026-01-31")
    assert january and all("2026-01-01" <= a["published"] <= "2026-01-31" for a in january)
    english = walk(client, "/api/v1/articles?language=en")
    assert english and all(a["language"] == "en" for a in english)
    assert len(english) < len(everything)


def test_filtering_articles_by_athlete_is_filtering_by_skater(client: TestClient) -> None:
    """Issue 5 names the filter `athlete=<slug>`: the same articles as `skater=<slug>`."""
    by_skater = walk(client, "/api/v1/articles?skater=jutta-leerdam")
    assert by_skater
    assert walk(client, "/api/v1/articles?athlete=jutta-leerdam") == by_skater
    assert walk(client, "/api/v1/articles?athlete=jutta-leerdam&limit=1") == by_skater
    assert walk(client, "/api/v1/articles?skater=jutta-leerdam&athlete=jutta-leerdam") == by_skater
    assert walk(client, "/api/v1/articles?athlete=jutta-leerdam&distance=500m") == walk(
        client, "/api/v1/articles?skater=jutta-leerdam&distance=500m"
    )
    for url, code in [
        ("/api/v1/articles?skater=jutta-leerdam&athlete=femke-kok", "invalid_request"),
        ("/api/v1/articles?athlete=nobody-at-all", "unknown_skater"),
    ]:
        response = client.get(url)
        assert response.status_code == 422, url
        error = response.json()["error"]
        assert error["code"] == code and "query.athlete" in error["message"], (url, error)
        assert [p["location"] for p in error["problems"]] == ["query.athlete"]
    schema = client.get("/api/v1/openapi.json").json()
    parameters = schema["paths"]["/api/v1/articles"]["get"]["parameters"]
    assert {"skater", "athlete"} <= {p["name"] for p in parameters}


def test_skaters_list_search_and_profile(client: TestClient) -> None:
    found = walk(client, "/api/v1/skaters?q=leerd")
    assert [s["slug"] for s in found] == ["jutta-leerdam"]
    dutch_women = walk(client, "/api/v1/skaters?country=NED&gender=women&limit=100")
    assert dutch_women and all(s["country"] == "NED" for s in dutch_women)
    assert all(s["gender"] == "women" for s in dutch_women)

    leerdam = client.get("/api/v1/skaters/jutta-leerdam").json()
    assert leerdam["name"] == "Jutta Leerdam"
    assert {"results", "personal_bests", "season_bests", "records", "news", "upcoming"} <= set(
        leerdam
    )
    inzell = next(r for r in leerdam["results"] if r["venue"] == "Inzell" and r["time"])
    assert (inzell["time"], inzell["seconds"], inzell["skater"]) == (
        "1:12.74",
        72.74,
        "jutta-leerdam",
    )
    best = {b["distance"]: b for b in leerdam["personal_bests"]}["1000m"]
    assert best["seconds"] <= 72.74 and best["time"].startswith("1:1")
    assert client.get("/api/v1/skaters/nobody-at-all").status_code == 404


def test_competitions_races_and_results(client: TestClient) -> None:
    meets = walk(client, "/api/v1/competitions?level=world%20cup")
    assert meets and all(m["level"] == "world cup" for m in meets)
    days = [m["start_date"] for m in meets]
    # By first day; meets only history knows by year ("World Cup 2009") have none and come last.
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated) and days == dated + [None] * (len(days) - len(dated))
    salt_lake = next(m for m in meets if m["name"] == "World Cup 1")
    meet = client.get(f"/api/v1/competitions/{salt_lake['id']}").json()
    pursuit = next(r for r in meet["races"] if r["distance"] == "team pursuit")
    race = client.get(f"/api/v1/races/{pursuit['id']}").json()
    assert race["competition"]["id"] == salt_lake["id"]
    ranks = [r["rank"] for r in race["results"]]
    assert ranks == sorted(ranks) and len(ranks) == pursuit["results"]

    by_race = walk(client, f"/api/v1/results?race={pursuit['id']}")
    assert sorted(r["id"] for r in by_race) == sorted(r["id"] for r in race["results"])
    by_skater = walk(client, "/api/v1/results?skater=jutta-leerdam&distance=1000m")
    assert by_skater and all(
        r["skater"] == "jutta-leerdam" and r["distance"] == "1000m" for r in by_skater
    )
    at_meet = walk(client, f"/api/v1/results?competition={salt_lake['id']}")
    assert at_meet and all(r["competition_id"] == salt_lake["id"] for r in at_meet)
    timed = [r for r in walk(client, "/api/v1/results?limit=100") if r["seconds"]]
    assert all(r["time"] and ("." in r["time"]) for r in timed)
    assert client.get("/api/v1/races/999999").status_code == 404
    assert client.get("/api/v1/competitions/999999").status_code == 404


def test_records_filters_and_history(client: TestClient) -> None:
    inzell = walk(client, "/api/v1/records?type=track&venue=Inzell")
    assert inzell and all(r["type"] == "track" and r["scope"] == "Inzell" for r in inzell)
    assert all(r["status"] in ("current", "disputed") for r in inzell)
    women_500 = walk(client, "/api/v1/records?type=world&distance=500m&gender=women")
    assert [r["status"] for r in women_500].count("current") == 1
    history = walk(client, "/api/v1/records?history=true&limit=100")
    current = walk(client, "/api/v1/records?limit=100")
    assert {r["status"] for r in history} >= {"current", "superseded"}
    assert len(history) > len(current)
    assert all(r["time"] for r in current if r["seconds"] is not None)


def test_record_claims_are_listed_only_behind_their_filter_and_every_mark_names_its_sources(
    client: TestClient, store: Store
) -> None:
    with store.write() as conn:
        [article] = article_refs.articles_by_id(conn, article_refs.article_ids(conn, limit=1))
        said = {
            "type": "national",
            "status": "set",
            "athlete": "Jutta Leerdam",
            "distance": "1000m",
            "gender": "women",
            "time": "1:11.95",
            "seconds": 71.95,
            "venue": "Heerenveen",
        }
        reconcile_article(conn, article, {"results": [], "records": [said]})
    claims = walk(client, "/api/v1/records?status=claim")
    assert {c["status"] for c in claims} == {"claim"}
    [claim] = [c for c in claims if c["time"] == "1:11.95"]
    assert (claim["status"], claim["origin"], claim["time"]) == ("claim", "article", "1:11.95")
    assert claim["sources"] == [
        {
            "kind": "article",
            "article_id": article.id,
            "published": article.published.isoformat(),
            "url": None,
        }
    ]
    for url in ("/api/v1/records?limit=100", "/api/v1/records?history=true&limit=100"):
        assert not {c["id"] for c in claims} & {r["id"] for r in walk(client, url)}
    world = walk(client, "/api/v1/records?type=world&distance=500m&gender=women")
    [kok] = [r for r in world if r["status"] == "current"]
    assert kok["origin"] == "reference" and kok["sources"][0]["kind"] == "reference"
    assert kok["sources"][0]["url"].startswith("https://")
    assert client.get("/api/v1/records?status=rumour").status_code == 422


def test_calendar_filters(client: TestClient) -> None:
    season = walk(client, "/api/v1/calendar")
    december = walk(client, "/api/v1/calendar?from=2025-12-01&to=2025-12-31")
    assert december and len(december) < len(season)
    assert all(e["start"] <= "2025-12-31" and e["end"] >= "2025-12-01" for e in december)
    cups = walk(client, "/api/v1/calendar?level=world%20cup&distance=mass%20start")
    assert cups and all(e["level"] == "world cup" and "mass start" in e["distances"] for e in cups)


def test_search_finds_and_highlights(client: TestClient) -> None:
    hits = walk(client, "/api/v1/search?q=baanrecord")
    assert hits and any("<mark>" in hit["snippet"] for hit in hits)
    assert client.get("/api/v1/search").status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/articles",
        "/api/v1/skaters",
        "/api/v1/competitions",
        "/api/v1/results",
        "/api/v1/records?history=true",
        "/api/v1/calendar",
        "/api/v1/search?q=meter",
    ],
)
def test_pagination_walks_every_item_exactly_once(client: TestClient, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    small = walk(client, f"{path}{joiner}limit=7")
    large = walk(client, f"{path}{joiner}limit=100")
    key = "slug" if "skaters" in path or "calendar" in path else "id"
    assert len(small) > 7, "too few items to page"
    assert [item[key] for item in small] == [item[key] for item in large]
    assert len({item[key] for item in small}) == len(small)


def test_pages_stay_exact_while_articles_arrive(
    client: TestClient, store: Store, token: str
) -> None:
    """One article arrives before the page a client is on, one after it: the walk still shows
    every article once, and the late one too."""
    first = client.get("/api/v1/articles?limit=5").json()
    newest = first["items"][0]["published"]
    for day, words in ((newest, "eerste"), ("2001-02-03", "laatste")):
        posted = client.post(
            "/api/v1/articles",
            json={"date": day, "text": f"{POST_TEXT} Het {words} bericht."},
            headers=auth(token),
        )
        assert posted.status_code == 201, posted.text
    rest = walk(client, first["next"])
    seen = [a["id"] for a in first["items"] + rest]
    assert len(seen) == len(set(seen))
    everything = [a["id"] for a in walk(client, "/api/v1/articles?limit=100")]
    assert everything[0] not in seen  # arrived before the page the client was on
    assert set(seen) == set(everything[1:])
    assert rest[-1]["published"] == "2001-02-03"


def test_bad_cursors_and_parameters_get_json_errors(client: TestClient) -> None:
    page = client.get("/api/v1/skaters?limit=2").json()
    foreign = page["next"].split("cursor=")[1]
    for url, status, location in [
        (f"/api/v1/articles?cursor={foreign}", 400, "query.cursor"),
        ("/api/v1/articles?cursor=bm9wZQ", 400, "query.cursor"),
        ("/api/v1/results?distance=400m", 422, "query.distance"),
        ("/api/v1/results?skater=nobody-at-all", 422, "query.skater"),
        ("/api/v1/articles?limit=0", 422, "query.limit"),
        ("/api/v1/articles?from=yesterday", 422, "query.from"),
        ("/api/v1/articles/0", 422, "path.article_id"),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        error = response.json()["error"]
        assert error["code"] and location in error["message"], (url, error)
        assert error["problems"][0]["location"] == location


def test_unknown_paths_and_methods_get_json_errors(client: TestClient, token: str) -> None:
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    wrong = client.delete("/api/v1/articles", headers=auth(token))
    assert wrong.status_code == 405 and "GET" in wrong.headers["allow"]
    assert wrong.json()["error"]["code"] == "method_not_allowed"


# -- HTTP caching and CORS --------------------------------------------------------------------


def test_every_get_has_an_etag_and_a_match_gets_304(client: TestClient, token: str) -> None:
    for url in [
        "/api/v1/articles",
        "/api/v1/skaters/jutta-leerdam",
        "/api/v1/records",
        "/api/v1/calendar",
        "/api/v1/search?q=leerdam",
    ]:
        first = client.get(url)
        etag = first.headers["etag"]
        assert etag.startswith('"') and first.headers["cache-control"] == "no-cache"
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        weak = client.get(url, headers={"If-None-Match": f'"other", W/{etag}'})
        assert weak.status_code == 304
        head = client.head(url)
        assert head.status_code == 200 and head.headers["etag"] == etag and head.content == b""
    before = client.get("/api/v1/articles").headers["etag"]
    client.post(
        "/api/v1/articles", json={"date": "2026-03-01", "text": POST_TEXT}, headers=auth(token)
    )
    changed = client.get("/api/v1/articles", headers={"If-None-Match": before})
    assert changed.status_code == 200 and changed.headers["etag"] != before


def test_reads_are_open_to_any_origin_and_writes_are_not(client: TestClient, token: str) -> None:
    origin = {"Origin": "https://krant.example"}
    read = client.get("/api/v1/articles", headers=origin)
    assert read.headers["access-control-allow-origin"] == "*"
    assert "ETag" in read.headers["access-control-expose-headers"]
    preflight = client.options(
        "/api/v1/results",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" not in preflight.headers["access-control-allow-methods"]
    for path in ("/api/v1/articles", "/api/v1/sources", "/api/v1/skaters/merge"):
        write_preflight = client.options(
            path,
            headers={
                **origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert "access-control-allow-origin" not in write_preflight.headers, path
        assert "access-control-allow-methods" not in write_preflight.headers, path
    write = client.post(
        "/api/v1/articles",
        json={"date": "2026-03-01", "text": POST_TEXT},
        headers={**origin, **auth(token)},
    )
    assert write.status_code == 201
    assert "access-control-allow-origin" not in write.headers


# -- writes -----------------------------------------------------------------------------------


def test_writes_without_a_valid_token_get_401_and_change_nothing(
    client: TestClient, store: Store, token: str
) -> None:
    writes = [
        ("/api/v1/articles", {"date": "2026-03-01", "text": POST_TEXT}),
        ("/api/v1/sources", {"url": "http://127.0.0.1:9/feed.xml"}),
        ("/api/v1/skaters/merge", {"keep": "jutta-leerdam", "other": "femke-kok"}),
    ]
    with store.write() as conn:
        tokens.issue(conn, "retired", NOW)
        revoked_token = tokens.issue(conn, "retired", NOW).token
        tokens.revoke(conn, "retired", NOW)
    before = snapshot(store)
    for path, body in writes:
        for headers in (
            {},
            {"Authorization": "Basic dGVzdDp0ZXN0"},
            {"Authorization": "Bearer "},
            auth("srt_not-a-token"),
            auth(revoked_token),
        ):
            response = client.post(path, json=body, headers=headers)
            assert response.status_code == 401, (path, headers)
            error = response.json()["error"]
            assert error["code"] in ("unauthorized", "invalid_token")
            assert error["message"]
            assert response.headers["www-authenticate"].startswith("Bearer")
        broken = client.post(
            path, content=b"{not json", headers={"Content-Type": "application/json"}
        )
        assert broken.status_code == 401  # the token is checked before the body is read
    assert snapshot(store) == before


def test_posting_an_article_stores_it_and_posting_it_again_changes_nothing(
    client: TestClient, store: Store, token: str
) -> None:
    body = {
        "date": "2026-01-24",
        "text": POST_TEXT,
        "title": "Kok wint in Inzell",
        "url": "https://krant.example/sport/kok-wint?utm_source=x",
        "source": "krant",
    }
    first = client.post("/api/v1/articles", json=body, headers=auth(token))
    assert first.status_code == 201, first.text
    stored = first.json()
    assert stored["status"] == "stored"
    article = stored["article"]
    assert first.headers["location"] == f"/api/v1/articles/{article['id']}"
    assert (article["title"], article["source"]) == ("Kok wint in Inzell", "krant")
    assert article["url"] == "https://krant.example/sport/kok-wint"
    kok = next(r for r in article["facts"]["results"] if r["athlete"] == "Femke Kok")
    assert (kok["distance"], kok["time"], kok["seconds"]) == ("500m", "36.99", 36.99)
    assert stored["knowledge"]["results"] >= 1
    assert isinstance(stored["knowledge"]["refused"], list)
    assert client.get(f"/api/v1/articles/{article['id']}").status_code == 200
    kok_results = walk(client, "/api/v1/results?skater=femke-kok&distance=500m")
    assert any(r["seconds"] == 36.99 for r in kok_results)

    before = snapshot(store)
    again = client.post("/api/v1/articles", json=body, headers=auth(token))
    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert again.json()["article"]["id"] == article["id"]
    assert again.json()["knowledge"]["results"] == 0
    assert snapshot(store) == before


def test_an_article_in_the_seed_format_is_accepted(client: TestClient, token: str) -> None:
    seed = f" date 2026-02-01 {POST_TEXT} Daarna volgde de 1000 meter."
    response = client.post(
        "/api/v1/articles",
        content=seed.encode(),
        headers={**auth(token), "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["article"]["published"] == "2026-02-01"
    assert response.json()["article"]["source"] == "api"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "named"),
    [
        ({"date": "2026-13-01", "text": POST_TEXT}, "application/json", 422, "2026-13-01"),
        ({"date": "2099-01-01", "text": POST_TEXT}, "application/json", 422, "2099-01-01"),
        ({"text": POST_TEXT}, "application/json", 422, "body.date"),
        ({"date": "2026-01-01", "text": ""}, "application/json", 422, "body.text"),
        ({"date": "2026-01-01", "text": 12}, "application/json", 422, "body.text"),
        (
            {"date": "2026-01-01", "text": POST_TEXT, "colour": "red"},
            "application/json",
            422,
            "colour",
        ),
        (
            {"date": "2026-01-01", "text": POST_TEXT, "url": "ftp://x"},
            "application/json",
            422,
            "url",
        ),
        ({"date": "2026-01-01", "text": "Download nu de app!"}, "application/json", 422, "E103"),
        (b"{broken", "application/json", 422, "JSON"),
        (b"no date line at all", "text/plain", 422, "date line"),
        (b"<xml/>", "application/xml", 415, "application/xml"),
    ],
)
def test_bad_articles_are_refused_with_the_reason_and_nothing_changes(
    client: TestClient,
    store: Store,
    token: str,
    body: Any,
    content_type: str,
    status: int,
    named: str,
) -> None:
    before = snapshot(store)
    if isinstance(body, bytes):
        response = client.post(
            "/api/v1/articles",
            content=body,
            headers={**auth(token), "Content-Type": content_type},
        )
    else:
        response = client.post("/api/v1/articles", json=body, headers=auth(token))
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert named in error["message"] + str(error["problems"]) + error["code"], error
    assert snapshot(store) == before


def test_registering_a_source(client: TestClient, store: Store, token: str) -> None:
    url = "http://127.0.0.1:9/schaatsen/feed.xml"
    first = client.post("/api/v1/sources", json={"url": url}, headers=auth(token))
    assert first.status_code == 201 and first.json()["created"] is True
    again = client.post("/api/v1/sources", json={"url": url}, headers=auth(token))
    assert again.status_code == 200 and again.json() == {**first.json(), "created": False}
    before = snapshot(store)
    refused = client.post(
        "/api/v1/sources", json={"url": "ftp://feeds.example/x"}, headers=auth(token)
    )
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "E145"
    private = client.post(
        "/api/v1/sources", json={"url": "http://10.1.2.3/feed.xml"}, headers=auth(token)
    )
    assert private.status_code == 422
    assert "address not allowed" in private.json()["error"]["message"]
    assert snapshot(store) == before


def test_merging_two_skaters(client: TestClient, store: Store, token: str) -> None:
    takagi_results = walk(client, "/api/v1/results?skater=miho-takagi")
    assert takagi_results
    merge = {"keep": "jutta-leerdam", "other": "miho-takagi"}
    response = client.post("/api/v1/skaters/merge", json=merge, headers=auth(token))
    assert response.status_code == 200, response.text
    assert response.json()["skater"]["slug"] == "jutta-leerdam"
    assert response.json()["changed"] is True
    assert client.get("/api/v1/skaters/miho-takagi").json()["slug"] == "jutta-leerdam"
    after = walk(client, "/api/v1/results?skater=jutta-leerdam")
    assert {r["race_id"] for r in takagi_results} <= {r["race_id"] for r in after}
    assert "miho-takagi" not in {s["slug"] for s in walk(client, "/api/v1/skaters?q=takagi")}

    before = snapshot(store)
    again = client.post("/api/v1/skaters/merge", json=merge, headers=auth(token))
    assert again.status_code == 200 and again.json()["changed"] is False
    for bad, status in [
        ({"keep": "jutta-leerdam", "other": "nobody-at-all"}, 404),
        ({"keep": "jutta-leerdam", "other": "jutta-leerdam"}, 422),
        ({"keep": "jutta-leerdam"}, 422),
    ]:
        refused = client.post("/api/v1/skaters/merge", json=bad, headers=auth(token))
        assert refused.status_code == status and refused.json()["error"]["message"]
    assert snapshot(store) == before


def test_token_create_prints_the_token_once_and_stores_only_its_hash(
    store: Store, api_settings: Settings
) -> None:
    result = CliRunner().invoke(
        cli_app,
        ["token", "create", "newsroom"],
        env={"SCHAATSRADAR_DATABASE_URL": api_settings.database_url},
    )
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    assert token.startswith("srt_") and len(token) > 40
    with store.read() as conn:
        rows = conn.execute(text("SELECT name, token_hash FROM api_tokens")).all()
        assert tokens.holder(conn, token) is not None
    assert [(name, digest) for name, digest in rows] == [
        ("newsroom", hashlib.sha256(token.encode()).hexdigest())
    ]
    assert token not in str(snapshot(store))
    with TestClient(create_app(api_settings)) as client:
        posted = client.post(
            "/api/v1/sources", json={"url": "http://127.0.0.1:9/feed"}, headers=auth(token)
        )
    assert posted.status_code == 201


def test_the_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in [
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/skaters",
        "/api/v1/skaters/{slug}",
        "/api/v1/skaters/merge",
        "/api/v1/competitions",
        "/api/v1/competitions/{competition_id}",
        "/api/v1/races/{race_id}",
        "/api/v1/results",
        "/api/v1/records",
        "/api/v1/calendar",
        "/api/v1/search",
        "/api/v1/sources",
    ]:
        assert path in paths, path
    assert set(paths["/api/v1/articles"]) == {"get", "post"}
    assert paths["/api/v1/articles"]["post"]["security"]
    assert "head" not in paths["/api/v1/articles"]


def test_a_body_over_the_size_limit_is_refused_unread(
    store: Store, api_settings: Settings, token: str
) -> None:
    small = api_settings.model_copy(update={"max_article_post_bytes": 1000})
    app = create_app(small)
    before = snapshot(store)
    with TestClient(app) as client:
        response = client.post(
            "/api/v1/articles",
            json={"date": "2026-01-24", "text": POST_TEXT * 20},
            headers=auth(token),
        )
    app.state.store.close()
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert snapshot(store) == before
