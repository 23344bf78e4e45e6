"""Atom and iCal feeds, read back the way subscribers read them (feedparser, icalendar), over a
database filled through the real paths: reference data, the seed and demo articles ingested
with extraction, reconciled. Each feed must list what its page's query lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from xml.etree import ElementTree

import feedparser
import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from schaatsradar.extract.registry import norm_name
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.calendar import bundled_calendar, filter_events
from schaatsradar.knowledge.games_calendar import fold_games
from schaatsradar.knowledge.seasons import Season
from schaatsradar.knowledge.views import profile, skater_calendar
from schaatsradar.settings import Settings
from schaatsradar.store import Store, reading, site
from schaatsradar.store import knowledge as kb
from schaatsradar.web.app import create_app
from schaatsradar.web.names import level as level_name
from tests.web.seeded_site import seeded_settings

ATOM = "application/atom+xml; charset=utf-8"
ICAL = "text/calendar; charset=utf-8"
SEED_TITLE = "Ook Jake Paul heeft lucht gekregen van het baanrecord van Jutta Leerdam"
TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def site_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = seeded_settings(tmp_path_factory.mktemp("feeds"))
    return settings.model_copy(update={"site_url": "https://schaatsradar.example"})


@pytest.fixture(scope="module")
def client(site_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(site_settings)) as client:
        yield client


@pytest.fixture(scope="module")
def site_store(site_settings: Settings) -> Iterator[Store]:
    store = Store(site_settings.database_url)
    yield store
    store.close()


def atom(client: TestClient, path: str, **params: str) -> feedparser.FeedParserDict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == ATOM
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def article_ids(parsed: feedparser.FeedParserDict) -> list[int]:
    """Entry ids are `tag:schaatsradar,2026:/artikel/<id>`."""
    return [int(entry.id.rsplit("/", 1)[1]) for entry in parsed.entries]


def ical(client: TestClient, path: str, **params: str) -> Calendar:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == ICAL
    return Calendar.from_ical(response.content)


def uids(calendar: Calendar) -> list[str]:
    return [str(event["uid"]) for event in calendar.walk("VEVENT")]


def leerdam(store: Store) -> kb.SkaterRow:
    with store.read() as conn:
        skater = kb.skater_by_key(conn, norm_name("Jutta Leerdam"))
    assert skater is not None
    return skater


# -- Atom -------------------------------------------------------------------------------------


def test_site_feed_lists_the_home_pages_stories(client: TestClient, site_store: Store):
    parsed = atom(client, "/atom")
    with site_store.read() as conn:
        latest = reading.latest(conn, limit=30)
    assert article_ids(parsed) == [story.id for story in latest]
    assert parsed.feed.title == "Schaatsradar: het laatste schaatsnieuws"
    assert parsed.feed.language == "nl"
    assert any(link.rel == "self" for link in parsed.feed.links)
    first = parsed.entries[0]
    assert first.link == f"https://schaatsradar.example/artikel/{latest[0].id}"
    assert first.title == latest[0].title
    assert first.summary  # the lead of the article


@pytest.mark.parametrize(
    "path", ["/atom", "/schaatsers/jutta-leerdam/atom", "/zoeken/atom?q=Leerdam"]
)
def test_every_entry_is_updated_at_its_articles_own_time(
    client: TestClient, site_store: Store, path: str
):
    """Not when we stored it (every seed was stored at tests.conftest.NOW, 2026-11-21): feed
    readers date and sort entries by `<updated>`."""
    response = client.get(path)
    root = ElementTree.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert entries
    with site_store.read() as conn:
        for entry in entries:
            article_id = int(entry.findtext("a:id", "", ns).rsplit("/", 1)[1])
            page = site.article(conn, article_id)
            assert page is not None
            published = page.published
            updated = dt.datetime.fromisoformat(entry.findtext("a:updated", "", ns))
            assert updated == dt.datetime.combine(published, dt.time(), dt.UTC)
            assert entry.findtext("a:published", "", ns) == entry.findtext("a:updated", "", ns)
    # The feed's own <updated> still says when its content last changed.
    assert root.findtext("a:updated", "", ns).startswith("2026-11-21T12:00:00")


def test_site_feed_links_each_story_to_its_publisher(client: TestClient):
    parsed = atom(client, "/atom")
    demo = [e for e in parsed.entries if e.author == "schaatsradar-demo"]
    assert demo
    for entry in demo:
        [via] = [link for link in entry.links if link.rel == "via"]
        assert via.href.startswith("https://demo.schaatsradar.invalid/")
        [page] = [link for link in entry.links if link.rel == "alternate"]
        assert page.href.startswith("https://schaatsradar.example/artikel/")


def test_skater_feed_lists_the_news_of_her_page(client: TestClient, site_store: Store):
    skater = leerdam(site_store)
    parsed = atom(client, f"/schaatsers/{skater.slug}/atom")
    with site_store.read() as conn:
        news = profile(conn, skater, TODAY).news
    ids = article_ids(parsed)
    assert ids[: len(news)] == [article.id for article in news]
    assert parsed.feed.title == "Schaatsradar: Jutta Leerdam"
    assert any(entry.title.startswith(SEED_TITLE) for entry in parsed.entries)
    published = [entry.published_parsed for entry in parsed.entries]
    assert published == sorted(published, reverse=True)


def test_competition_feed_lists_articles_with_its_results(client: TestClient, site_store: Store):
    with site_store.read() as conn:
        [inzell] = [
            r
            for r in kb.results(conn, distance="1000m")
            if r.city == "Inzell" and r.athlete == "Jutta Leerdam"
        ]
    parsed = atom(client, f"/wedstrijden/{inzell.competition_id}/atom")
    assert inzell.competition == "World Cup 5"
    assert parsed.feed.title == "Schaatsradar: Wereldbeker 5"  # in the reader's language
    assert any(entry.title.startswith(SEED_TITLE) for entry in parsed.entries)
    with site_store.read() as conn:
        # (The record book's own claim on a result comes from no article.)
        claimed = {c.article_id for c in kb.claims(conn, inzell.id) if c.article_id is not None}
        assert claimed
    assert claimed <= set(article_ids(parsed))


def test_search_feed_lists_the_search_pages_hits_highlighted(client: TestClient, site_store: Store):
    parsed = atom(client, "/zoeken/atom", q="baanrecord")
    with site_store.read() as conn:
        hits = reading.search(conn, "baanrecord", limit=30)
    assert hits
    assert article_ids(parsed) == [hit.id for hit in hits]
    assert "baanrecord" in parsed.feed.title
    # feedparser's sanitiser drops <mark>, so the highlight is read from the XML itself.
    xml = ElementTree.fromstring(client.get("/zoeken/atom", params={"q": "baanrecord"}).content)
    summaries = [s.text or "" for s in xml.iter("{http://www.w3.org/2005/Atom}summary")]
    assert summaries == [hit.snippet for hit in hits]
    assert all("<mark>" in summary for summary in summaries)


def test_a_search_feed_needs_words(client: TestClient):
    assert client.get("/zoeken/atom", params={"q": "  "}).status_code == 400
    assert client.get("/zoeken/atom").status_code == 422


def test_feeds_speak_english_when_asked(client: TestClient):
    parsed = atom(client, "/atom", lang="en")
    assert parsed.feed.title == "Schaatsradar: the latest speed-skating news"
    assert parsed.feed.language == "en"
    response = client.get("/atom", headers={"accept-language": "en-GB,en;q=0.8"})
    assert "the latest speed-skating news" in response.text
    assert "Accept-Language" in response.headers["vary"]


def test_unknown_skaters_and_competitions_are_404(client: TestClient):
    assert client.get("/schaatsers/niemand-bekend/atom").status_code == 404
    assert client.get("/schaatsers/niemand-bekend.ics").status_code == 404
    for competition in ("999999", "99999999999999999999", "-1", "abc", "１２"):
        assert client.get(f"/wedstrijden/{competition}/atom").status_code == 404


# -- iCal -------------------------------------------------------------------------------------


def test_calendar_has_every_event_of_the_season(client: TestClient, site_store: Store):
    calendar = ical(client, "/kalender.ics", season="2025-26")
    with site_store.read() as conn:
        season = season_calendar.season_events(conn, Season(2025))
    assert uids(calendar) == [f"{event.slug}@schaatsradar" for event in season]
    # (The Games, listed day by day in the bundled file, are one meet.)
    assert {f"{e.slug}@schaatsradar" for e in fold_games(bundled_calendar())} <= set(uids(calendar))
    assert str(calendar["x-wr-calname"]) == "Schaatsradar: schaatskalender (2025-26)"
    assert len(set(uids(calendar))) == len(season)
    # Without a season: every season known, so a subscription outlives the season.
    assert set(uids(calendar)) <= set(uids(ical(client, "/kalender.ics")))


def test_calendar_filters_by_level_and_distance(client: TestClient):
    calendar = ical(client, "/kalender.ics", level="World-Cup", distance="1000")
    wanted = filter_events(bundled_calendar(), levels=["world cup"], distance="1000m")
    assert wanted
    assert uids(calendar) == [f"{event.slug}@schaatsradar" for event in wanted]
    assert str(calendar["x-wr-calname"]) == "Schaatsradar: schaatskalender (world cup, 1000m)"
    for event in calendar.walk("VEVENT"):
        # In the reader's words (Dutch by default); for machines in X-SCHAATSRADAR-LEVEL.
        assert [str(c) for c in event["categories"].cats] == [level_name("world cup", "nl")]
        assert str(event["x-schaatsradar-level"]) == "world cup"
        assert isinstance(event.decoded("dtstart"), dt.date)


def test_calendar_refuses_unknown_filters(client: TestClient):
    assert client.get("/kalender.ics", params={"level": "kroeg"}).status_code == 400
    assert client.get("/kalender.ics", params={"distance": "42m"}).status_code == 400


def test_skater_calendar_lists_the_meets_of_her_distances(client: TestClient, site_store: Store):
    skater = leerdam(site_store)
    calendar = ical(client, f"/schaatsers/{skater.slug}.ics")
    with site_store.read() as conn:
        expected = Calendar.from_ical(skater_calendar(conn, profile(conn, skater, TODAY)))
    assert uids(calendar) == uids(expected)
    assert uids(calendar)  # she races: the Olympics and World Cups hold her distances
    assert str(calendar["x-wr-calname"]) == "Schaatsradar: Jutta Leerdam"


# -- caching ----------------------------------------------------------------------------------

FEEDS = [
    "/atom",
    "/schaatsers/jutta-leerdam/atom",
    "/zoeken/atom?q=Leerdam",
    "/kalender.ics",
    "/kalender.ics?level=olympics",
    "/schaatsers/jutta-leerdam.ics",
]


@pytest.mark.parametrize("path", FEEDS)
def test_an_unchanged_feed_answers_304(client: TestClient, path: str):
    first = client.get(path)
    assert first.status_code == 200
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(path)
    assert again.headers["etag"] == etag  # the same data makes the same ETag
    head = client.head(path)
    assert (head.status_code, head.headers["etag"], head.content) == (200, etag, b"")
    by_etag = client.get(path, headers={"if-none-match": etag})
    assert (by_etag.status_code, by_etag.content) == (304, b"")
    assert by_etag.headers["etag"] == etag
    by_date = client.get(path, headers={"if-modified-since": last_modified})
    assert by_date.status_code == 304
    stale = client.get(path, headers={"if-none-match": '"something-else"'})
    assert stale.status_code == 200
    # If-None-Match decides when both are sent (RFC 9110, 13.2.2).
    both = client.get(
        path, headers={"if-none-match": '"something-else"', "if-modified-since": last_modified}
    )
    assert both.status_code == 200


def test_last_modified_is_when_the_newest_entry_was_stored(client: TestClient):
    response = client.get("/atom")
    # run_ingest stores everything at tests.conftest.NOW (2026-11-21 12:00, UTC).
    assert response.headers["last-modified"] == "Sat, 21 Nov 2026 12:00:00 GMT"
    earlier = client.get("/atom", headers={"if-modified-since": "Fri, 20 Nov 2026 12:00:00 GMT"})
    assert earlier.status_code == 200


def test_feeds_of_other_pages_do_not_shadow_them(client: TestClient):
    """`/schaatsers/{slug}.ics` and `/schaatsers/{slug}/atom` leave `/schaatsers/{slug}`
    to the page (or to a 404 while the page is not built): no feed answers it."""
    response = client.get("/schaatsers/jutta-leerdam")
    assert response.headers.get("content-type", "") not in (ATOM, ICAL)
