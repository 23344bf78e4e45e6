"""The site in a season whose calendar is not loaded yet, then loaded: pages, API and iCal feed
over real HTTP (uvicorn on 127.0.0.1) on a real SQLite file, with the reader's day pinned to
7 December 2026 (2026-27 is running; the reference data is of 2025-26)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from icalendar import Calendar

from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.knowledge.calendar_import import parse_calendar
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.web import pages
from schaatsradar.web.app import create_app
from schaatsradar.web.names import level as level_name
from tests.conftest import NOW, run_ingest, seed_file
from tests.web.served import serve_app

TODAY = dt.date(2026, 12, 7)
REPORT = (
    "INZELL - Jutta Leerdam heeft zaterdag in Inzell de 1000 meter van de World Cup gewonnen "
    "in 1.12,74. Femke Kok werd tweede in 1.13,10."
)
ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Testbond//Kalender//NL
BEGIN:VEVENT
UID:wb-3@testbond
DTSTAMP:20261001T120000Z
SUMMARY:ISU World Cup 3
DTSTART;VALUE=DATE:20261211
DTEND;VALUE=DATE:20261214
LOCATION:Thialf, Heerenveen
DESCRIPTION:Distances: 500m (x2), 1000m (W), mass start
END:VEVENT
END:VCALENDAR
"""


@dataclass
class Site:
    url: str
    store: Store

    def get(self, path: str, **params: str) -> httpx.Response:
        response = httpx.get(self.url + path, params=params)
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
        return response

    def load_calendar(self) -> None:
        events = parse_calendar(ICS.encode(), "kalender.ics")
        with self.store.write() as conn:
            season_calendar.store_calendar(conn, events, NOW)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("season")
    settings = Settings(database_url=f"sqlite:///{folder / 'site.db'}", extract_on_ingest=True)
    store = Store(settings.database_url)
    store.upgrade()
    with store.write() as conn:
        load_reference(conn)
    seed_file(folder / "articles" / "krant", "inzell.txt", "2026-01-25", REPORT)
    assert not run_ingest(store, settings, folder / "articles").rejected
    reconcile_pending(store, NOW)
    app = create_app(settings)
    app.dependency_overrides[pages.reader_today] = lambda: TODAY
    with serve_app(app) as url:
        yield Site(url, store)
    store.close()


def test_an_unloaded_season_says_so_and_shows_the_latest_results(site: Site) -> None:
    dutch = site.get("/kalender").text
    assert "Kalender 2026-27" in dutch
    assert "De kalender voor 2026-27 is nog niet geladen" in dutch
    assert "Laatste uitslagen" in dutch
    [meet] = re.findall(r'<a href="/wedstrijden/(\d+)">Wereldbeker 5</a>', dutch)
    assert 'href="/kalender?seizoen=2025-26"' in dutch  # the seasons known
    english = site.get("/kalender", lang="en").text
    assert "The calendar for 2026-27 has not been loaded yet" in english
    home = site.get("/").text
    assert "De kalender voor 2026-27 is nog niet geladen" in home
    assert f'href="/wedstrijden/{meet}"' in home
    # An unreadable season is no choice: the running one.
    assert "Kalender 2026-27" in site.get("/kalender", seizoen="onzin").text


def test_another_season_is_picked_by_its_name(site: Site) -> None:
    html = site.get("/kalender", seizoen="2025-26", niveau="world cup").text
    assert "Kalender 2025-26" in html and "Wereldbeker 5" in html
    assert "nog niet geladen" not in html
    assert 'href="/kalender.ics?season=2025-26&amp;level=world+cup"' in html
    assert '<input type="hidden" name="seizoen" value="2025-26">' in html


def test_the_api_lists_the_running_season_and_the_seasons_known(site: Site) -> None:
    last = site.get("/api/v1/calendar", season="2025-26", limit="100").json()["items"]
    # 25 rows in the bundled file; the Games' twelve days are one meet.
    assert len(last) == 14 and {e["season"] for e in last} == {"2025-26"}
    assert all(e["competition_id"] for e in last)
    seasons = site.get("/api/v1/calendar/seasons").json()
    assert [(s["season"], s["current"]) for s in seasons][:2] == [
        ("2026-27", True),
        ("2025-26", False),
    ]
    assert httpx.get(site.url + "/api/v1/calendar", params={"season": "2025-27"}).status_code == 422


def test_season_bests_are_of_the_running_season(site: Site) -> None:
    html = site.get("/schaatsers/jutta-leerdam").text
    assert "Seizoensbeste 2026-27" in html


def test_a_loaded_calendar_is_the_seasons_calendar_and_feed(site: Site) -> None:
    site.load_calendar()
    html = site.get("/kalender").text
    assert "Wereldbeker 3" in html and "nog niet geladen" not in html
    [meet] = re.findall(r'<a href="/wedstrijden/(\d+)">Wereldbeker 3</a>', html)
    assert "Wereldbeker 3" in site.get("/").text  # the next competitions
    [event] = site.get("/api/v1/calendar").json()["items"]
    assert (event["name"], event["season"], event["competition_id"]) == (
        "World Cup 3",
        "2026-27",
        int(meet),
    )

    feed = Calendar.from_ical(site.get("/kalender.ics", season="2026-27").content)
    [vevent] = feed.walk("VEVENT")
    assert str(vevent["URL"]) == f"{Settings().site_url}/wedstrijden/{meet}"  # not the Host
    assert str(vevent["SUMMARY"]) == "Wereldbeker 3"  # the reader's name of the meet
    description = str(vevent["DESCRIPTION"]).replace("\N{NO-BREAK SPACE}", " ")
    assert f"Niveau: {level_name('world cup', 'nl')}" in description and "Level:" not in description
    assert "Afstanden: 500 m ×2, 1.000 m (vrouwen), " in description
    english = Calendar.from_ical(site.get("/kalender.ics", season="2026-27", lang="en").content)
    [vevent] = english.walk("VEVENT")
    assert "Level: World Cup" in str(vevent["DESCRIPTION"])
    assert "Distances: 500 m ×2, 1,000 m (women), mass start" in str(vevent["DESCRIPTION"]).replace(
        "\N{NO-BREAK SPACE}", " "
    )
    assert httpx.get(site.url + "/kalender.ics", params={"season": "onzin"}).status_code == 400
    everything = Calendar.from_ical(site.get("/kalender.ics").content)
    assert len(everything.walk("VEVENT")) == 15  # every season known: 2025-26 and this one


def test_the_feed_answers_304_until_the_calendar_changes(site: Site) -> None:
    first = site.get("/kalender.ics")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = httpx.get(site.url + "/kalender.ics", headers={"if-none-match": etag})
    assert again.status_code == 304
    by_date = httpx.get(site.url + "/kalender.ics", headers={"if-modified-since": modified})
    assert by_date.status_code == 304
