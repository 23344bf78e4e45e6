"""Atom and iCal feeds: the site, each skater, each competition, each search; the calendar.

Each route lists what its HTML page lists, by the page's own query (`reading.latest`,
`reading.search`, `article_refs.articles_naming`, the calendar filters), and only renders it
differently. Every answer carries an ETag and a Last-Modified, and a feed reader that sends
them back gets `304 Not Modified` while nothing changed: readers poll feeds every few minutes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from sqlalchemy import Connection

from schaatsradar.errors import SchaatsradarError
from schaatsradar.extract.types import DISTANCES
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.calendar import (
    BUNDLED_FILE,
    CalendarEvent,
    filter_events,
    parse_level,
)
from schaatsradar.knowledge.calendar_programme import BOTH, ScheduledDistance
from schaatsradar.knowledge.ical import IcalWords, calendar_ics
from schaatsradar.knowledge.seasons import parse_season
from schaatsradar.knowledge.views import profile, skater_calendar
from schaatsradar.store import Store, article_refs, feed_reads, reading
from schaatsradar.store import calendar as calendar_store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.feed_reads import FeedEntry
from schaatsradar.web import deps, names
from schaatsradar.web import format as formats
from schaatsradar.web.deps import Language
from schaatsradar.web.i18n import translate

router = APIRouter(tags=["feeds"], include_in_schema=False)

FEED_SIZE = 30
ATOM = "application/atom+xml; charset=utf-8"
ICAL = "text/calendar; charset=utf-8"
TAG = "tag:schaatsradar,2026:"  # Atom ids stay the same whatever host serves the feed
NEVER = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # `updated` of a feed with no entries yet
CACHE_CONTROL = "public, max-age=60"
# What XML 1.0 cannot hold: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
READ = ["GET", "HEAD"]  # HEAD: link checkers and some feed readers ask before fetching
VARY = "Accept-Language, Cookie"  # the language (query, cookie or header) changes the titles

TITLES: dict[Language, dict[str, str]] = {
    "nl": {
        "site": "Schaatsradar: het laatste schaatsnieuws",
        "skater": "Schaatsradar: {name}",
        "competition": "Schaatsradar: {name}",
        "search": "Schaatsradar: zoeken naar “{query}”",
        "calendar": "Schaatsradar: schaatskalender",
    },
    "en": {
        "site": "Schaatsradar: the latest speed-skating news",
        "skater": "Schaatsradar: {name}",
        "competition": "Schaatsradar: {name}",
        "search": "Schaatsradar: search for “{query}”",
        "calendar": "Schaatsradar: speed-skating calendar",
    },
}

StoreDep = Annotated[Store, Depends(deps.store)]
LanguageDep = Annotated[Language, Depends(deps.language)]


@dataclass(frozen=True)
class Feed:
    """What one Atom feed shows, whatever the format: `page` is the path of its HTML twin."""

    title: str
    page: str
    entries: list[FeedEntry]

    @property
    def updated(self) -> dt.datetime:
        return max((_utc(e.changed_at) for e in self.entries), default=NEVER)


# -- Atom -------------------------------------------------------------------------------------


@router.api_route("/atom", methods=READ)
def site_feed(request: Request, store: StoreDep, language: LanguageDep) -> Response:
    """The newest stories, one per near-duplicate cluster, as on the home page."""
    with store.read() as conn:
        latest = reading.latest(conn, limit=FEED_SIZE)
        leads = {story.id: story.snippet for story in latest}
        entries = feed_reads.entries(conn, list(leads), leads)
    feed = Feed(TITLES[language]["site"], "/", entries)
    return _atom_response(request, feed, language)


@router.api_route("/schaatsers/{slug}/atom", methods=READ, response_model=None)
def skater_feed(
    request: Request, slug: str, store: StoreDep, language: LanguageDep
) -> Response | RedirectResponse:
    """News about one skater, newest first, as on the skater's page."""
    with store.read() as conn:
        skater = _skater(conn, slug)
        if skater.slug != slug:  # merged into another entry: follow it
            return RedirectResponse(f"/schaatsers/{skater.slug}/atom", status_code=301)
        ids = [a.id for a in article_refs.articles_naming(conn, skater.id, limit=FEED_SIZE)]
        title = TITLES[language]["skater"].format(name=skater.name)
        feed = Feed(title, f"/schaatsers/{slug}", feed_reads.entries(conn, ids))
    return _atom_response(request, feed, language)


@router.api_route("/wedstrijden/{competition_id}/atom", methods=READ)
def competition_feed(
    request: Request, competition_id: str, store: StoreDep, language: LanguageDep
) -> Response:
    """News with results of one competition, newest first, as on the competition's page."""
    with store.read() as conn:
        competition = _competition(conn, competition_id)
        ids = feed_reads.articles_about_competition(conn, competition.id, limit=FEED_SIZE)
        name = names.competition(competition.name, language)
        title = TITLES[language]["competition"].format(name=name)
        page = f"/wedstrijden/{competition.id}"
        feed = Feed(title, page, feed_reads.entries(conn, ids))
    return _atom_response(request, feed, language)


@router.api_route("/zoeken/atom", methods=READ)
def search_feed(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    q: str = Query(max_length=200),
    van: dt.date | None = None,
    tot: dt.date | None = None,
    taal: str | None = Query(None, max_length=8),
) -> Response:
    """A saved search as a feed: the hits `/zoeken?q=` shows, ranked the same way."""
    query = q.strip()
    if not query:
        raise HTTPException(400, "q is empty: a search feed needs words to search for")
    with store.read() as conn:
        hits = reading.search(conn, query, reading.SearchFilters(van, tot, taal), FEED_SIZE)
        snippets = {hit.id: hit.snippet for hit in hits}  # with the words found highlighted
        entries = feed_reads.entries(conn, list(snippets), snippets)
    page = "/zoeken?" + urlencode({"q": query})
    feed = Feed(TITLES[language]["search"].format(query=query), page, entries)
    return _atom_response(request, feed, language)


def _skater(conn: Connection, slug: str) -> kb.SkaterRow:
    skater = kb.skater_by_slug(conn, slug)
    if skater is None:
        raise HTTPException(404, f"no skater {slug!r}")
    return skater


def _competition(conn: Connection, competition_id: str) -> kb.CompetitionRow:
    """404 for anything but the id of a stored competition (a database id fits 31 bits)."""
    number = int(competition_id) if competition_id.isascii() and competition_id.isdigit() else 0
    found = kb.competition(conn, number) if 0 < number < 2**31 else None
    if found is None:
        raise HTTPException(404, f"no competition {competition_id!r}")
    return found


def xml_text(value: str) -> str:
    """`value` without the characters XML cannot hold. Ingest mends new text, but older rows
    and search words still carry them, and one would fail the whole feed."""
    return NOT_XML.sub("", value)


def atom_xml(feed: Feed, base_url: str, self_url: str, language: Language) -> bytes:
    """The feed as Atom 1.0 (RFC 4287). The same feed gives the same bytes."""
    generator = FeedGenerator()
    generator.id(TAG + feed.page)
    generator.title(xml_text(feed.title))
    generator.updated(feed.updated)
    generator.link(href=base_url + feed.page, rel="alternate", type="text/html")
    generator.link(href=self_url, rel="self", type="application/atom+xml")
    generator.author(name="Schaatsradar")
    generator.generator("Schaatsradar")
    generator.language(language)
    for entry in feed.entries:
        _add_entry(generator, entry, base_url)
    return bytes(generator.atom_str(pretty=True))


def _add_entry(generator: FeedGenerator, entry: FeedEntry, base_url: str) -> None:
    item = article_entry(generator, entry, base_url)
    if entry.url:
        item.register_extension("publisher", PublisherLink, atom=True, rss=False)
        item.publisher.href = xml_text(entry.url)


def article_entry(generator: FeedGenerator, entry: FeedEntry, base_url: str) -> Any:
    """The article as the next Atom entry: its id, title, dates, page, source and lead (the
    lead escaped text, with <mark> around search hits). feedgen writes an entry's elements in
    its own order, whatever order they are set in.

    An entry's `<updated>` is the article's own day, as `<published>`: readers sort and date
    entries by it, and the moment we stored (or re-linked) an article says nothing about the
    story. When the feed itself last changed stays in the feed's `<updated>` and in the
    response's Last-Modified, for caches."""
    item = generator.add_entry(order="append")
    item.id(f"{TAG}/artikel/{entry.id}")
    item.title(xml_text(entry.title))
    written = article_time(entry)
    item.updated(written)
    item.published(written)
    item.link(href=f"{base_url}/artikel/{entry.id}", rel="alternate")
    item.author(name=xml_text(entry.source))
    item.summary(xml_text(entry.lead), type="html")
    return item


def article_time(entry: FeedEntry) -> dt.datetime:
    """The article's own time: its published day (the news carries no hour), 00:00 UTC."""
    return dt.datetime.combine(entry.published, dt.time(), dt.UTC)


class PublisherLink(BaseEntryExtension):
    """The publisher's own page as `<link rel="via">`. Not through `FeedEntry.link`: feedgen
    1.0 writes entry links without their `rel`, so a second link would read as a second
    'alternate' link, which RFC 4287 forbids."""

    def __init__(self) -> None:
        self.href: str | None = None

    def extend_atom(self, entry: Any) -> Any:
        if self.href:
            xml_elem("link", entry, href=self.href, rel="via")
        return entry


def _atom_response(request: Request, feed: Feed, language: Language) -> Response:
    base_url = deps.site_base(request)
    body = atom_xml(feed, base_url, str(deps.public_url(request)), language)
    last_modified = feed.updated if feed.entries else None
    return conditional(request, body, ATOM, strong_etag(body), last_modified)


# -- iCal -------------------------------------------------------------------------------------


@router.api_route("/kalender.ics", methods=READ)
def calendar_feed(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    level: Annotated[list[str] | None, Query()] = None,
    distance: str | None = Query(None, max_length=20),
    season: str | None = Query(None, max_length=12),
) -> Response:
    """Every meet on the calendar, of every known season (a subscription stays useful when a
    new season starts), or of one (`?season=2025-26`); optionally only some levels
    (`?level=world cup&level=olympics`) and one distance (`?distance=1000m`)."""
    wanted = _distance(distance)
    try:
        levels = tuple(sorted({parse_level(text) for text in level or ()}))
        chosen = parse_season(season) if season else None
    except SchaatsradarError as error:
        raise HTTPException(400, error.message) from error
    except ValueError as error:
        raise HTTPException(400, str(error)) from error
    with store.read() as conn:
        if chosen is None:
            events = season_calendar.events_between(conn)
        else:
            events = season_calendar.season_events(conn, chosen)
        revised = _calendar_revised(conn)
    events = filter_events(events, levels=levels or None, distance=wanted)
    filters = [*([chosen.name] if chosen else []), *levels, *([wanted] if wanted else [])]
    name = TITLES[language]["calendar"] + (f" ({', '.join(filters)})" if filters else "")
    words = ical_words(language, deps.site_base(request))
    body = calendar_ics(events, name, stamp=revised, words=words)
    return conditional(request, body, ICAL, strong_etag(body), revised)


@router.api_route("/schaatsers/{slug}.ics", methods=READ, response_model=None)
def skater_calendar_feed(
    request: Request, slug: str, store: StoreDep, language: LanguageDep
) -> Response | RedirectResponse:
    """The known meets with the distances this skater races."""
    today = dt.datetime.now(dt.UTC).date()
    words = ical_words(language, deps.site_base(request))
    with store.read() as conn:
        skater = _skater(conn, slug)
        if skater.slug != slug:
            return RedirectResponse(f"/schaatsers/{skater.slug}.ics", status_code=301)
        revised = _calendar_revised(conn)
        body = skater_calendar(conn, profile(conn, skater, today), words=words, stamp=revised)
    return conditional(request, body, ICAL, weak_ical_etag(body), revised)


def ical_words(language: Language, base_url: str) -> IcalWords:
    """The calendar's words in the reader's language, and each meet's page on this site
    (its results and news) as the event's URL."""

    def entry(scheduled: ScheduledDistance) -> str:
        text = formats.distance(scheduled.distance, language)
        text += f" ×{scheduled.races}" if scheduled.races > 1 else ""
        if scheduled.genders == BOTH:
            return text
        return f"{text} ({', '.join(formats.gender(g, language) for g in scheduled.genders)})"

    def meet_url(event: CalendarEvent) -> str | None:
        return f"{base_url}/wedstrijden/{event.meet_id}" if event.meet_id else None

    return IcalWords(
        level_label=translate(language, "Level"),
        distances_label=translate(language, "Distances"),
        source_line=lambda url: translate(language, "Source: %(source)s") % {"source": url},
        level=lambda value: names.level(value, language),
        name=lambda meet: names.competition(meet, language),
        entry=entry,
        meet_url=meet_url,
    )


def _distance(text: str | None) -> str | None:
    """`1000m`, `1000 m` or `1000` -> "1000m"; None for no filter; 400 for no distance."""
    if text is None or not text.strip():
        return None
    distance = re.sub(r"\s+", " ", text.strip().casefold())
    if distance.isdigit():
        distance += "m"
    distance = distance.replace(" m", "m")
    if distance not in DISTANCES:
        raise HTTPException(
            400, f"unknown distance {text!r} (expected one of: {', '.join(DISTANCES)})"
        )
    return distance


@functools.cache
def bundled_revised() -> dt.datetime:
    """When the bundled calendar file was last written."""
    data = resources.files("schaatsradar.data").joinpath("reference").joinpath(BUNDLED_FILE)
    with resources.as_file(data) as path:
        return dt.datetime.fromtimestamp(int(path.stat().st_mtime), dt.UTC)


def _calendar_revised(conn: Connection) -> dt.datetime:
    """When the calendar last changed: the bundled file, an import, or the news making a
    meet. The calendar feeds' Last-Modified and DTSTAMP, so that the same calendar is the
    same bytes and a reader's copy stays valid until it changes."""
    stored = calendar_store.calendar_revised_at(conn)
    revised = bundled_revised()
    if stored is not None:
        revised = max(revised, stored.replace(tzinfo=dt.UTC).replace(microsecond=0))
    return revised


# -- caching ----------------------------------------------------------------------------------


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


_DTSTAMP = re.compile(rb"^DTSTAMP:[^\r\n]*\r?\n", re.MULTILINE)


def weak_ical_etag(body: bytes) -> str:
    """An ETag for iCal that stamps DTSTAMP with the time it was made: equal when everything
    but the stamps is equal, which is what 'weak' means (RFC 9110, 8.8.1)."""
    return "W/" + strong_etag(_DTSTAMP.sub(b"", body))


def conditional(
    request: Request,
    body: bytes,
    media_type: str,
    etag: str,
    last_modified: dt.datetime | None,
) -> Response:
    """`body`, or `304 Not Modified` when the reader's copy (by ETag, else by date) is current."""
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": VARY}
    if last_modified is not None:
        headers["Last-Modified"] = email.utils.format_datetime(_utc(last_modified), usegmt=True)
    if _fresh(request, etag, last_modified):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def _fresh(request: Request, etag: str, last_modified: dt.datetime | None) -> bool:
    """RFC 9110, 13.2.2: If-None-Match decides when sent; If-Modified-Since only without it."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        sent = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in sent or etag.removeprefix("W/") in sent
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since is None or last_modified is None:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False  # an unreadable date is ignored, as the RFC says
    return _utc(last_modified).replace(microsecond=0) <= _utc(since)


def _utc(moment: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
