"""A season's calendar from iCal, the ISU's events JSON or CSV: every broken event named, a file
stored whole or not at all in a real SQLite database, URLs fetched over real HTTP on
127.0.0.1, and the calendar of a season as pages show it (the meets the news reports too).
The calendars here are our own small files, not real seasons."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from pytest_httpserver import HTTPServer

from schaatsradar import errors
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.book import reconcile_article
from schaatsradar.knowledge.calendar import CalendarRejected
from schaatsradar.knowledge.calendar_fetch import read_calendar_source
from schaatsradar.knowledge.calendar_import import parse_calendar
from schaatsradar.knowledge.ical import IcalWords, calendar_ics
from schaatsradar.knowledge.seasons import Season
from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs
from schaatsradar.store import knowledge as kb
from tests.knowledge.reconciling import (
    dump_tables,
    ingest_and_reconcile,
    load_reference_data,
    write_articles,
)

NOW = dt.datetime(2026, 12, 7, 8, 0)
TODAY = NOW.date()
SEASON = Season(2026)

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Testbond//Kalender//NL
BEGIN:VEVENT
UID:wb-1@testbond
DTSTAMP:20261001T120000Z
SUMMARY:ISU World Cup 2
DTSTART;VALUE=DATE:20261120
DTEND;VALUE=DATE:20261123
LOCATION:Olympic Oval, Calgary
DESCRIPTION:Distances: 500m (x2), 1000m, 1500m, 3000m (W), 5000m (M), mass start
URL:https://example.org/wb-calgary
END:VEVENT
BEGIN:VEVENT
UID:nk-1@testbond
DTSTAMP:20261001T120000Z
SUMMARY:NK allround
DTSTART:20261226T100000Z
DTEND:20261227T170000Z
LOCATION:Thialf
CATEGORIES:national
END:VEVENT
END:VCALENDAR
"""

ISU_EVENTS: dict[str, Any] = {
    "count": 2,
    "next": None,
    "previous": None,
    "results": [
        {
            "id": "2027_NOR_0001",
            "name": "ISU World Cup Speed Skating 2026/27 - Hamar",
            "start": "2027-01-22",
            "end": "2027-01-24",
            "location": {"city": "Hamar", "country": "NOR", "trackName": "Vikingskipet"},
            "competitions": [
                {"distance": {"distance": 500, "name": "500m"}, "gender": "F"},
                {"distance": {"distance": 500, "name": "500m"}, "gender": "M"},
                {"distance": {"distance": 6400, "name": "Mass Start"}, "gender": "M"},
            ],
        },
        {
            "id": "2027_NED_0001",
            "name": "ISU European Championships Speed Skating",
            "start": "2027-01-08T00:00:00Z",
            "end": "2027-01-10",
            "location": "Heerenveen",
            "level": "european championships",
            "distances": ["500m", "1000m", "team pursuit"],
        },
    ],
}

CSV = (
    "start_date,end_date,competition,city,rink,level,distances,source,notes\n"
    "2026-11-13,2026-11-15,ISU World Cup 1,Salt Lake City,Utah Olympic Oval,world cup,"
    '"500m (x2), 1000m, mass start",https://example.org/wb1,\n'
    "2027-02-27,2027-02-28,NK sprint,Heerenveen,Thialf,national,sprint,,\n"
)


def test_ical_events_become_meets_with_days_rink_and_programme() -> None:
    cup, nk = parse_calendar(ICS.encode(), "kalender.ics")
    assert (cup.slug, cup.display_name, cup.level) == (
        "2026-11-20-isu-world-cup-2",
        "World Cup 2",
        "world cup",
    )
    assert (cup.start, cup.end) == (
        dt.date(2026, 11, 20),
        dt.date(2026, 11, 22),
    )  # DTEND: day after
    assert (cup.rink, cup.city, cup.country) == ("Olympic Oval", "Calgary", "CAN")
    assert cup.distances == ("500m", "1000m", "1500m", "3000m", "5000m", "mass start")
    assert cup.programme[0].races == 2 and cup.sources == ("https://example.org/wb-calgary",)
    # A timed event ends on its DTEND's day; a known rink alone gives its city.
    assert (nk.start, nk.end, nk.level) == (
        dt.date(2026, 12, 26),
        dt.date(2026, 12, 27),
        "national",
    )
    assert (nk.rink, nk.city, nk.country) == ("Thialf", "Heerenveen", "NED")


def test_isu_events_json_becomes_meets() -> None:
    euro, hamar = parse_calendar(json.dumps(ISU_EVENTS).encode(), "events.json")
    assert (hamar.level, hamar.rink, hamar.city, hamar.country) == (
        "world cup",
        "Vikingskipet",
        "Hamar",
        "NOR",
    )
    assert [(p.distance, p.genders) for p in hamar.programme] == [
        ("500m", ("women", "men")),
        ("mass start", ("men",)),
    ]
    assert (euro.start, euro.end, euro.level, euro.city) == (
        dt.date(2027, 1, 8),
        dt.date(2027, 1, 10),
        "european championships",
        "Heerenveen",
    )
    assert euro.distances == ("500m", "1000m", "team pursuit")


def test_csv_in_the_bundled_shape_becomes_meets() -> None:
    cup, sprint = parse_calendar(CSV.encode(), "seizoen.csv")
    assert (cup.display_name, cup.country, cup.sources) == (
        "World Cup 1",
        "USA",
        ("https://example.org/wb1",),
    )
    assert sprint.distances == ("sprint",)


def test_every_broken_ical_event_is_named_by_its_line() -> None:
    broken = (
        ICS.replace("SUMMARY:NK allround\n", "")
        .replace("DTSTART;VALUE=DATE:20261120", "DTSTART;VALUE=DATE:20261320")
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\nSUMMARY:Clubavond\nDTSTART;VALUE=DATE:20261201\nEND:VEVENT\nEND:VCALENDAR",
        )
    )
    with pytest.raises(CalendarRejected) as caught:
        parse_calendar(broken.encode(), "kapot.ics")
    problems = [str(p) for p in caught.value.problems]
    assert problems[0].startswith("kapot.ics, line 4: DTSTART")
    assert problems[1] == "kapot.ics, line 14: SUMMARY (the meet's name) is missing"
    assert problems[2].startswith("kapot.ics, line 22: level unknown")
    assert len(problems) == 3 and caught.value.code == errors.BAD_REFERENCE_ROW


def test_every_broken_json_event_is_named_by_number_and_path() -> None:
    events = json.loads(json.dumps(ISU_EVENTS))
    events["results"][0]["start"] = "22 januari"
    events["results"][1]["distances"] = ["500m", "ijshockey"]
    with pytest.raises(CalendarRejected) as caught:
        parse_calendar(json.dumps(events).encode(), "events.json")
    assert [str(p) for p in caught.value.problems] == [
        "events.json, event 1: $.results[0]: start '22 januari' is not a date (YYYY-MM-DD)",
        "events.json, event 2: $.results[1]: distances: cannot read 'ijshockey'",
    ]


def test_the_same_meet_twice_in_one_file_is_named() -> None:
    doubled = CSV + CSV.splitlines()[1] + "\n"
    with pytest.raises(CalendarRejected) as caught:
        parse_calendar(doubled.encode(), "dubbel.csv")
    assert [str(p) for p in caught.value.problems] == [
        "dubbel.csv, row 4: same start date and competition as row 2"
    ]


def test_our_own_feed_reads_back_as_the_same_meets_in_any_language() -> None:
    events = parse_calendar(ICS.encode(), "kalender.ics")
    dutch = IcalWords(
        level_label="Niveau",
        level=lambda level: {"world cup": "wereldbeker"}.get(level or "", level or ""),
    )
    feed = calendar_ics(events, "Schaatsradar", stamp=NOW, words=dutch)
    # The publisher's page is a line of the description, in the reader's language.
    assert parse_calendar(feed, "schaatsradar.ics") == tuple(replace(e, sources=()) for e in events)


# -- storing ----------------------------------------------------------------------------------


@pytest.fixture
def knowledge(store: Store) -> Store:
    load_reference_data(store)
    return store


def _store(store: Store, content: str, name: str) -> season_calendar.Saved:
    events = parse_calendar(content.encode(), name)
    with store.write() as conn:
        return season_calendar.store_calendar(conn, events, NOW)


def test_an_imported_calendar_is_the_seasons_calendar(knowledge: Store) -> None:
    with knowledge.read() as conn:
        before = season_calendar.season_view(conn, TODAY)
    assert before.season == SEASON and not before.loaded and before.events == ()
    assert before.seasons == [Season(2026), Season(2025)]

    saved = _store(knowledge, ICS, "kalender.ics")
    assert (len(saved.new), saved.seasons) == (2, [SEASON])
    with knowledge.read() as conn:
        view = season_calendar.season_view(conn, TODAY)
        last_season = season_calendar.season_view(conn, TODAY, Season(2025))
    assert view.loaded and [e.display_name for e in view.events] == ["World Cup 2", "NK allround"]
    assert view.events[0].programme[0].races == 2 and view.events[0].meet_id is not None
    assert last_season.loaded and len(last_season.events) == 14  # the bundled file (one Games)
    assert last_season.events[0].programme  # bundled meets keep their programme too


def test_importing_again_changes_nothing_and_a_correction_updates(knowledge: Store) -> None:
    _store(knowledge, ICS, "kalender.ics")
    before = dump_tables(knowledge, ("competitions",))
    again = _store(knowledge, ICS, "kalender.ics")
    assert (len(again.new), len(again.updated), len(again.unchanged)) == (0, 0, 2)
    assert dump_tables(knowledge, ("competitions",)) == before
    corrected = _store(knowledge, ICS.replace("Olympic Oval, Calgary", "Oval, Calgary"), "k.ics")
    assert [e.rink for e in corrected.updated] == ["Oval"]


def test_a_broken_file_stores_nothing(knowledge: Store, tmp_path: Path) -> None:
    before = dump_tables(knowledge)
    broken = CSV + "2027-03-01,2027-02-28,NK afstanden,Heerenveen,Thialf,national,,,\n"
    with pytest.raises(CalendarRejected) as caught:
        _store(knowledge, broken, "seizoen.csv")
    assert "row 4: end_date 2027-02-28 is before start_date 2027-03-01" in str(caught.value)
    assert dump_tables(knowledge) == before


def test_a_failing_write_leaves_no_meet_behind(knowledge: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """All or nothing in the database too: the second meet's write fails, the first is gone."""
    events = parse_calendar(CSV.encode(), "seizoen.csv")
    before = dump_tables(knowledge)
    real = season_calendar._save
    calls = []

    def failing(conn, event, now):  # type: ignore[no-untyped-def]
        calls.append(event)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(conn, event, now)

    monkeypatch.setattr(season_calendar, "_save", failing)
    with pytest.raises(RuntimeError), knowledge.write() as conn:
        season_calendar.store_calendar(conn, events, NOW)
    assert dump_tables(knowledge) == before


def test_a_meet_the_news_reports_is_on_its_seasons_calendar(
    knowledge: Store, settings: Settings, tmp_path: Path
) -> None:
    write_articles(tmp_path, [("krant", "2026-11-15", "Op de ijsbaan werd vooral getraind.")])
    ingest_and_reconcile(knowledge, settings, tmp_path)
    with knowledge.read() as conn:
        [article] = article_refs.articles_by_id(conn, article_refs.article_ids(conn))
    fact = {
        "athlete": "Femke Kok",
        "country": "NED",
        "distance": "500m",
        "gender": "women",
        "time": "36.90",
        "seconds": 36.9,
        "rank": 1,
        "competition": "World Cup",
        "venue": "Heerenveen",
        "race_date": "2026-11-14",
        "margin": None,
        "earlier": False,
        "year": None,
        "evidence": {"start": 0, "end": 5, "text": "Op de"},
    }
    with knowledge.write() as conn:
        assert not reconcile_article(conn, article, {"results": [fact], "records": []}).refused
    with knowledge.read() as conn:
        view = season_calendar.season_view(conn, TODAY)
    [meet] = view.events
    assert (meet.origin, meet.level, meet.city, meet.start) == (
        "news",
        "world cup",
        "Heerenveen",
        dt.date(2026, 11, 14),
    )
    # Only the news: the season's calendar is still not loaded, and its latest results show.
    assert not view.loaded and [m.name for m in view.latest] == ["World Cup"]


# -- files and URLs ---------------------------------------------------------------------------


def test_a_calendar_url_is_fetched_through_the_guard(settings: Settings, httpserver: HTTPServer):
    httpserver.expect_request("/kalender.ics").respond_with_data(ICS, content_type="text/calendar")
    url = httpserver.url_for("/kalender.ics")
    content, name = read_calendar_source(url, settings)
    assert name == url and len(parse_calendar(content, name)) == 2
    strict = settings.model_copy(update={"allow_private_networks": []})
    with pytest.raises(errors.FetchError) as caught:
        read_calendar_source(url, strict)
    assert caught.value.code == errors.PRIVATE_ADDRESS


def test_a_missing_or_oversized_file_is_refused(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(errors.InputRejected) as missing:
        read_calendar_source(str(tmp_path / "weg.ics"), settings)
    assert missing.value.code == errors.NOT_FOUND
    big = tmp_path / "groot.csv"
    big.write_text(CSV * 10, encoding="utf-8")
    small = settings.model_copy(update={"max_file_bytes": 100})
    with pytest.raises(errors.InputRejected) as too_large:
        read_calendar_source(str(big), small)
    assert too_large.value.code == errors.TOO_LARGE


def test_the_feed_names_its_level_for_machines(knowledge: Store) -> None:
    _store(knowledge, ICS, "kalender.ics")
    with knowledge.read() as conn:
        events = season_calendar.season_events(conn, SEASON)
    words = IcalWords(meet_url=lambda e: f"https://schaatsradar.test/wedstrijden/{e.meet_id}")
    [cup, _nk] = Calendar.from_ical(calendar_ics(events, "x", stamp=NOW, words=words)).walk(
        "VEVENT"
    )
    assert str(cup["URL"]) == f"https://schaatsradar.test/wedstrijden/{events[0].meet_id}"
    assert str(cup["X-SCHAATSRADAR-LEVEL"]) == "world cup"
    assert str(cup["X-SCHAATSRADAR-DISTANCES"]).startswith("500m (x2), 1000m")


def test_an_imported_programme_places_a_result_on_the_day_that_holds_its_distance(
    knowledge: Store, settings: Settings, tmp_path: Path
) -> None:
    days = (
        "start_date,end_date,competition,city,rink,level,distances,source,notes\n"
        "2026-11-18,,Junior World Cup Inzell day 1,Inzell,Max Aicher Arena,junior world cup,"
        "500m,,\n"
        "2026-11-19,,Junior World Cup Inzell day 2,Inzell,Max Aicher Arena,junior world cup,"
        "1000m,,\n"
    )
    _store(knowledge, days, "junioren.csv")
    write_articles(tmp_path, [("krant", "2026-11-20", "Op de ijsbaan werd vooral getraind.")])
    ingest_and_reconcile(knowledge, settings, tmp_path)
    with knowledge.read() as conn:
        [article] = article_refs.articles_by_id(conn, article_refs.article_ids(conn))
    fact = {
        "athlete": "Rie Jong",
        "country": "NED",
        "distance": "500m",
        "gender": "women",
        "time": "39.10",
        "seconds": 39.1,
        "rank": 1,
        "competition": "Junior World Cup",
        "venue": "Inzell",
        "race_date": None,  # the article does not say which day
        "margin": None,
        "earlier": False,
        "year": None,
        "evidence": {"start": 0, "end": 5, "text": "Op de"},
    }
    with knowledge.write() as conn:
        assert not reconcile_article(conn, article, {"results": [fact], "records": []}).refused
        [result] = [r for r in kb.results(conn) if r.athlete == "Rie Jong"]
    assert result.start_date == dt.date(2026, 11, 18)  # day 1, the 500 m day
