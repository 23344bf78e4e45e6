"""The HTML pages, Dutch by default and English on request. Each handler reads what its page
shows inside one read transaction, hands it to a template, and answers a page in the
reader's language (a 404 page too, for an unknown article, skater or competition)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from itertools import groupby
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Connection

from schaatsradar.extract.types import DISTANCES
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.calendar import LEVELS, CalendarEvent, filter_events
from schaatsradar.knowledge.seasons import Season, parse_season, season_of
from schaatsradar.knowledge.views import distance_order, profile
from schaatsradar.store import (
    Store,
    article_refs,
    articles,
    reading,
    record_book,
    record_sources,
    site,
)
from schaatsradar.store import calendar as calendar_store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.calendar import WALKED_PER_MEET, LatestMeet
from schaatsradar.store.knowledge import ResultView, SkaterRow
from schaatsradar.store.record_book import RecordRow
from schaatsradar.store.together import together
from schaatsradar.web import article_facts, deps
from schaatsradar.web.annotate import annotate
from schaatsradar.web.charts import ChartPoint, progression_chart
from schaatsradar.web.deps import Language
from schaatsradar.web.i18n import translate
from schaatsradar.web.names import competition
from schaatsradar.web.race_view import RaceTable, claims_in_order, race_tables
from schaatsradar.web.rendering import ATOM, ICAL, Alternate, environment, page_url, render
from schaatsradar.web.search_facets import FacetFilters, apply_facets, facets

router = APIRouter(include_in_schema=False)


def reader_today() -> dt.date:
    """The reader's day, for countdowns and "fresh"; a dependency so tests can fix it."""
    return dt.date.today()


StoreDep = Annotated[Store, Depends(deps.store)]
LanguageDep = Annotated[Language, Depends(deps.language)]
TodayDep = Annotated[dt.date, Depends(reader_today)]
RECORD_KINDS_SHOWN = ("world", "olympic", "track")


def not_found(request: Request, language: Language) -> HTMLResponse:
    return render(request, "404.html", {}, language, status_code=404)


def _id(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 12 else None


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


# -- / ----------------------------------------------------------------------------------------


NEWS_PER_PAGE = 10
MAX_NEWS_PAGE = 1000
PODIUM_RACES = 6
LATEST_MEETS = 5


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    today: TodayDep,
    pagina: str = Query("", max_length=8),
) -> HTMLResponse:
    """Results and records first, then the news, ten stories a page (`?pagina=2`). Later
    pages are the news alone: a reader paging back through stories has seen the podiums."""
    number = min(_id(pagina) or 1, MAX_NEWS_PAGE)
    season = season_of(today)
    offset = (number - 1) * NEWS_PER_PAGE
    races: list[tuple[site.RaceRef, RaceTable]] = []
    records: list[RecordRow] = []
    upcoming: tuple[CalendarEvent, ...] = ()
    latest: list[LatestMeet] = []
    with store.read() as conn:
        # Two rounds of reads, each sent at once (one round trip on PostgreSQL). The newest
        # races are walked once: the podiums are the first of them, and when no calendar is
        # known the latest meets are found among them too.
        if number == 1:
            walked = WALKED_PER_MEET * LATEST_MEETS
            upcoming, loaded, recent, rows, records = together(
                conn,
                season_calendar.upcoming_read(today, 5),
                season_calendar.calendar_loaded_read(season),
                site.recent_races_read(today, limit=walked),
                reading.latest_read(NEWS_PER_PAGE + 1, offset),
                site.recent_records_read(today, RECORD_KINDS_SHOWN),
            )
            # No calendar of the running season: say so, and show the latest results instead.
            latest_days = (
                calendar_store.latest_meets_walked(conn, today, LATEST_MEETS, recent)
                if not (upcoming or loaded)
                else {}
            )
            refs = recent[:PODIUM_RACES]
            results, counts, latest, slugs = together(
                conn,
                kb.results_of_races_read(conn, [race.id for race in refs]),
                reading.sources_per_cluster_read(conn, [row.cluster_id for row in rows]),
                calendar_store.latest_meets_read(conn, latest_days, LATEST_MEETS),
                site.podium_slugs_read(conn, [race.id for race in refs], records),
            )
            tables = {table.first.race_id: table for table in race_tables(results)}
            races = [(race, tables[race.id]) for race in refs if race.id in tables]
        else:
            loaded, rows = together(
                conn,
                season_calendar.calendar_loaded_read(season),
                reading.latest_read(NEWS_PER_PAGE + 1, offset),
            )
            counts = reading.sources_per_cluster(conn, [row.cluster_id for row in rows])
            slugs = {}
    news = reading.summaries(rows, counts)
    context = {
        "news": news[:NEWS_PER_PAGE],
        "page": number,
        "more_news": len(news) > NEWS_PER_PAGE,
        "meets": _by_meet(races),
        "records": records,
        "upcoming": upcoming,
        "season": season,
        "season_loaded": loaded,
        "latest_meets": latest,
        "meet_ids": _meet_ids(upcoming),
        "slugs": slugs,
        "today": today,
    }
    feed = Alternate("/atom", ATOM, translate(language, "Latest skating news"))
    return render(request, "home.html", context, language, alternates=[feed])


def _by_meet(
    races: list[tuple[site.RaceRef, RaceTable]],
) -> list[tuple[site.RaceRef, list[tuple[site.RaceRef, RaceTable]]]]:
    """Consecutive races of one meet under one heading (the first race names the meet)."""
    grouped = [list(g) for _id, g in groupby(races, key=lambda pair: pair[0].competition_id)]
    return [(group[0][0], group) for group in grouped]


def _slugs(
    conn: Connection, results: Iterable[ResultView], records: Iterable[RecordRow]
) -> dict[int, str]:
    ids = {r.skater_id for r in results} | {r.skater_id for r in records}
    return site.skater_slugs(conn, [i for i in ids if i is not None])


# -- /artikel/{id} ----------------------------------------------------------------------------


@router.get("/artikel/{article_id}", response_class=HTMLResponse)
def article_page(
    article_id: str, request: Request, store: StoreDep, language: LanguageDep
) -> HTMLResponse:
    wanted = _id(article_id)
    with store.read() as conn:
        page = site.article(conn, wanted) if wanted is not None else None
        if page is None:
            return not_found(request, language)
        facts = articles.facts_for(conn, page.id) or {}
        skaters = article_facts.skaters_named(conn, article_facts.names_in(facts))
        meets = {
            (c.evidence_start, c.evidence_end): c for c in site.claims_of_article(conn, page.id)
        }
        related = site.related_articles(conn, page, [s.id for s in skaters.values()])
    evidence, links = article_facts.spans(page.clean_text, facts, skaters)
    text = annotate(page.clean_text, evidence, links)
    anchors = text.anchor_of_fact
    context = {
        "article": page,
        "text": text.html,
        "results": article_facts.fact_items(facts, "result", anchors, skaters),
        "records": article_facts.fact_items(facts, "record", anchors, skaters),
        "meets": meets,
        "related": related,
        "skaters": sorted(skaters.values(), key=lambda s: s.name),
    }
    return render(request, "article.html", context, language)


# -- /schaatsers/{slug} -----------------------------------------------------------------------


@router.get("/schaatsers/{slug}", response_class=HTMLResponse)
def skater_page(
    slug: str, request: Request, store: StoreDep, language: LanguageDep, today: TodayDep
) -> Response:
    with store.read() as conn:
        skater = kb.skater_by_slug(conn, slug)
        if skater is None:
            return not_found(request, language)
        if skater.slug != slug:  # merged into another entry: its page is the survivor's
            return RedirectResponse(f"/schaatsers/{skater.slug}", 301)
        view = profile(conn, skater, today)
        meet_ids = _meet_ids(view.upcoming)
    context = {
        "view": view,
        "skater": skater,
        "distances": view.distances,
        "charts": _charts(view.results, view.days, language),
        "meet_ids": meet_ids,
        "today": today,
    }
    feeds = [
        Alternate(
            f"/schaatsers/{skater.slug}/atom",
            ATOM,
            translate(language, "News about %(name)s") % {"name": skater.name},
        ),
        Alternate(
            f"/schaatsers/{skater.slug}.ics",
            ICAL,
            translate(language, "Competitions of %(name)s") % {"name": skater.name},
        ),
    ]
    return render(request, "skater.html", context, language, alternates=feeds)


def _charts(results: list[ResultView], days: dict[int, dt.date], language: Language) -> list[Any]:
    """One progression chart per distance; a point's day is the one the page's tables give
    the result (`days`, else its meet's first day). Labels formatted through the templates'
    filters, which keep what Babel made across requests (a busy skater's thousand points
    repeat few days and times, and Babel is slow): a cache per request formatted the same
    two hundred days again on every page view."""
    filters = environment(language).filters
    day_filter, time_label = filters["day"], filters["race_time"]

    def day_label(value: dt.date) -> str:
        return str(day_filter(value, "medium"))

    points: dict[str, list[ChartPoint]] = defaultdict(list)
    for result in results:
        when = days.get(result.id) or result.start_date
        if result.seconds is not None and when is not None:
            name = competition(result.competition, language)
            label = f"{day_label(when)} · {name} · {time_label(result.seconds)}"
            points[result.distance].append(ChartPoint(when, result.seconds, label))
    return [
        progression_chart(distance, points[distance], time_label=time_label, day_label=day_label)
        for distance in sorted(points, key=distance_order)
    ]


# -- /wedstrijden/{id} ------------------------------------------------------------------------


@router.get("/wedstrijden/{competition_id}", response_class=HTMLResponse)
def competition_page(
    competition_id: str,
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    today: TodayDep,
    beweringen: str = Query("", max_length=8),
) -> HTMLResponse:
    wanted = _id(competition_id)
    if wanted is None:
        return not_found(request, language)
    # Held back (two claimed winners, unconfirmed candidates): listed apart, as claims. A meet
    # the news disagrees about can hold hundreds: the first ones, and the rest on request
    # (`?beweringen=alle`), so the results are not buried under them.
    limit = None if beweringen == "alle" else HELD_SHOWN
    with store.read() as conn:
        # Two rounds of reads, each sent at once (one round trip on PostgreSQL): what the
        # meet's id says, then what the rows read say (their sources, claims, slugs).
        meet, results, held_total, held_back, records, about_ids, event = together(
            conn,
            kb.competition_read(wanted),
            kb.meet_results(wanted),
            site.held_count_read(wanted),
            kb.meet_results(wanted, held=True, limit=limit),
            site.records_at_competition_read(wanted),
            site.about_competition_read(wanted),
            season_calendar.calendar_event_read(wanted),
        )
        if meet is None:
            return not_found(request, language)
        shown_ids = [r.id for r in results]
        skaters = {r.skater_id for r in (*results, *held_back, *records)}
        sources, claims, refs, slugs = together(
            conn,
            site.result_sources_read(conn, shown_ids),
            kb.claims_of_results_read(conn, [view.id for view in held_back]),
            article_refs.articles_by_id_read(conn, about_ids),
            site.skater_slugs_read(conn, [i for i in skaters if i is not None]),
        )
    held = [(view, claims[view.id]) for view in claims_in_order(held_back)]
    by_id = {ref.id: ref for ref in refs}
    about = [by_id[i] for i in about_ids if i in by_id]
    context = {
        "meet": meet,
        "event": event,
        "races": race_tables(results, sources),
        "held": held,
        "held_more": held_total - len(held),
        "records": records,
        "articles": about,
        "slugs": slugs,
        "today": today,
    }
    feed = Alternate(
        f"/wedstrijden/{meet.id}/atom",
        ATOM,
        translate(language, "News about %(name)s") % {"name": competition(meet.name, language)},
    )
    return render(request, "competition.html", context, language, alternates=[feed])


HELD_SHOWN = 40


# -- /records ---------------------------------------------------------------------------------


@router.get("/records", response_class=HTMLResponse)
def records_page(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    baan: str | None = Query(None, max_length=100),
) -> HTMLResponse:
    with store.read() as conn:
        marks = [
            m
            for kind in RECORD_KINDS_SHOWN
            for m in record_book.records(conn, kind=kind, venue=baan or None, history=True)
        ]
        # News records nothing backs yet: their own part, never among the records.
        claims = [
            m
            for kind in RECORD_KINDS_SHOWN
            for m in record_book.records(
                conn, kind=kind, venue=baan or None, status=record_book.CLAIM
            )
        ]
        sources = record_sources.provenance(conn, [m.id for m in marks + claims])
        slugs = _slugs(conn, [], marks + claims)
    context = {
        "sections": _record_sections(marks),
        "claims": claims,
        "rinks": sorted({m.scope for m in marks if m.kind == "track"}),
        "sources": sources,
        "slugs": slugs,
        "rink": baan or "",
    }
    return render(request, "records.html", context, language)


def _record_sections(marks: list[RecordRow]) -> list[dict[str, Any]]:
    """World, Olympic, then track records per rink; in each, one entry per record (gender
    and distance) with the standing mark, its history and any disputed claims."""
    entries: dict[tuple[str, str, str, str], list[RecordRow]] = defaultdict(list)
    for mark in marks:
        entries[(mark.kind, mark.scope, mark.gender, mark.distance)].append(mark)
    sections: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (kind, scope, gender, distance), group in entries.items():
        current = [m for m in group if m.status == "current"]
        history = sorted(
            (m for m in group if m.status == "superseded"),
            key=lambda m: (m.set_on or dt.date.min, -(m.seconds or 0)),
            reverse=True,
        )
        sections[(kind, scope)].append(
            {
                "gender": gender,
                "distance": distance,
                "current": current[0] if current else None,
                "history": history,
                "disputed": [m for m in group if m.status == "disputed"],
            }
        )
    order = {kind: i for i, kind in enumerate(RECORD_KINDS_SHOWN)}
    return [
        {
            "kind": kind,
            "scope": scope,
            "entries": sorted(items, key=lambda e: (e["gender"], distance_order(e["distance"]))),
        }
        for (kind, scope), items in sorted(
            sections.items(), key=lambda s: (order[s[0][0]], s[0][1])
        )
    ]


# -- /kalender --------------------------------------------------------------------------------


@router.get("/kalender", response_class=HTMLResponse)
def calendar_page(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    today: TodayDep,
    seizoen: str | None = Query(None, max_length=12),
    niveau: str | None = Query(None, max_length=40),
    afstand: str | None = Query(None, max_length=20),
) -> HTMLResponse:
    """One season's calendar, the running one unless `?seizoen=2025-26` picks another (an
    unreadable season is no choice, not an error page)."""
    level = niveau if niveau in LEVELS else None
    distance = afstand if afstand in DISTANCES else None
    chosen = _season(seizoen)
    with store.read() as conn:
        view = season_calendar.season_view(conn, today, chosen)
        events = filter_events(view.events, levels=[level] if level else None, distance=distance)
        past = [e.meet_id for e in events if e.start <= today and e.meet_id is not None]
        with_results = site.competitions_with_results(conn, past)
    picked = chosen if chosen is not None and chosen != view.current else None
    # The iCal feed names its filters in English (`season`, `level`, `distance`).
    ics_filters = {"season": picked.name if picked else None, "level": level, "distance": distance}
    ics_query = urlencode({k: v for k, v in ics_filters.items() if v})
    ics_url = "/kalender.ics" + (f"?{ics_query}" if ics_query else "")
    months: dict[dt.date, list[CalendarEvent]] = defaultdict(list)
    for event in events:
        months[event.start.replace(day=1)].append(event)
    context = {
        "months": sorted(months.items()),
        "meet_ids": view.meet_ids,
        "with_results": with_results,
        "view": view,
        "season": view.season,
        "seasons": view.seasons,
        "season_query": picked.name if picked else "",
        "levels": LEVELS,
        "distances": DISTANCES,
        "level": level or "",
        "distance": distance or "",
        "today": today,
        "ics_url": ics_url,
    }
    feed = Alternate(ics_url, ICAL, translate(language, "The skating calendar"))
    return render(request, "calendar.html", context, language, alternates=[feed])


def _season(text: str | None) -> Season | None:
    try:
        return parse_season(text) if text else None
    except ValueError:
        return None


def _meet_ids(events: Iterable[CalendarEvent]) -> dict[str, int]:
    return {e.slug: e.meet_id for e in events if e.meet_id is not None}


# -- /zoeken ----------------------------------------------------------------------------------


@router.get("/zoeken", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    language: LanguageDep,
    q: str = Query("", max_length=200),
    van: str = Query("", max_length=10),
    tot: str = Query("", max_length=10),
    taal: str = Query("", max_length=8),
    schaatser: str = Query("", max_length=200),
    afstand: str = Query("", max_length=20),
    wedstrijd: str = Query("", max_length=12),
    partial: bool = False,
) -> HTMLResponse:
    """The search form submits every field, empty ones too (`van=&tot=`): an empty or
    malformed filter is no filter, not an error page."""
    query = q.strip()
    chosen = FacetFilters(schaatser or None, afstand or None, _id(wedstrijd))
    date_from, date_to = _day(van), _day(tot)
    hits: list[reading.ArticleSummary] = []
    found: dict[str, Any] = {}
    skaters: list[SkaterRow] = []
    if query:
        with store.read() as conn:
            skaters = kb.find_skaters(conn, query, limit=6)
            filters = reading.SearchFilters(date_from, date_to, taal or None)
            matches = reading.search(conn, query, filters, limit=100, highlight=False)
            topics = site.article_topics(conn, [m.id for m in matches])
            hits = apply_facets(matches, topics, chosen)[:30]
            found = facets(hits, topics)
            hits = reading.highlighted(conn, query, hits)
    context = {
        "query": query,
        "skaters": skaters,
        "hits": hits,
        "facets": found,
        "chosen": chosen,
        "van": date_from,
        "tot": date_to,
        "taal": taal,
        "facet_url": lambda **changes: page_url(request, **changes),
    }
    partial = partial or request.headers.get("hx-request") == "true"
    template = "_search_results.html" if partial else "search.html"
    feeds = []
    if query:
        wanted = {"q": query, "van": date_from, "tot": date_to, "taal": taal}
        feed_query = urlencode({k: str(v) for k, v in wanted.items() if v})
        title = translate(language, "Search: %(query)s") % {"query": query}
        feeds.append(Alternate(f"/zoeken/atom?{feed_query}", ATOM, title))
    context["feed"] = feeds[0] if feeds else None
    response = render(request, template, context, language, alternates=feeds)
    response.headers["Vary"] += ", HX-Request"  # the fragment and the page share a URL
    return response
