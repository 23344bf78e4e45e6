"""Read models of the knowledge base: a skater's profile, the record book, conflicts, a race.
The CLI, the site and the API show these; none of them assembles knowledge itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from schaatsradar.extract.registry import norm_name
from schaatsradar.extract.types import DISTANCES, Gender, format_time
from schaatsradar.knowledge import season_calendar
from schaatsradar.knowledge.bests import bests
from schaatsradar.knowledge.calendar import CalendarEvent, events_for_skater
from schaatsradar.knowledge.ical import ENGLISH, IcalWords, calendar_ics, skater_ics
from schaatsradar.knowledge.seasons import Season, season_of
from schaatsradar.store import article_refs, record_book
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from schaatsradar.store.knowledge import ResultView, SkaterRow
from schaatsradar.store.record_book import RecordRow
from schaatsradar.store.together import Read, together


def season_start(day: dt.date) -> dt.date:
    """Skating seasons run from July to June: 2025-26 starts on 2025-07-01."""
    return season_of(day).first


@dataclass
class Profile:
    skater: SkaterRow
    results: list[ResultView]
    personal_bests: dict[str, float]
    season_bests: dict[str, float]
    records: list[RecordRow]
    news: list[ArticleRef]
    upcoming: list[CalendarEvent] = field(default_factory=list)
    season: Season | None = None  # the season of `season_bests`: the one running today
    # The result behind each personal best (none when only a personal-record list knows it).
    best_results: dict[str, ResultView] = field(default_factory=dict)
    # The day each result was skated: its race's day, or for a race whose day no source
    # gave, the day a record set with that time says (so result and record agree).
    days: dict[int, dt.date] = field(default_factory=dict)
    record_days: dict[int, dt.date] = field(default_factory=dict)

    @property
    def distances(self) -> list[str]:
        """Every distance raced or with a known best, in programme order."""
        raced = {r.distance for r in self.results}
        return sorted(raced | set(self.personal_bests) | set(self.season_bests), key=distance_order)

    def record_day(self, record: RecordRow) -> dt.date | None:
        """A record set in one of the skater's races carries that race's day."""
        return self.record_days.get(record.id, record.set_on)


def find_skater(conn: Connection, name: str) -> SkaterRow | None:
    """By slug, full name or alias; else the one skater whose name contains it."""
    found = kb.skater_by_slug(conn, name) or kb.skater_by_key(conn, norm_name(name))
    if found is not None:
        return found
    matches = kb.find_skaters(conn, name, limit=2)
    return matches[0] if len(matches) == 1 else None


def profile(conn: Connection, skater: SkaterRow, today: dt.date) -> Profile:
    gender: Gender | None = (
        "women" if skater.gender == "women" else "men" if skater.gender == "men" else None
    )
    # Sent at once (one round trip on PostgreSQL); the calendar is read whenever the
    # skater's gender is known, used only when they have results.
    reads: list[Read[Any]] = [
        kb.skater_results(skater.id),
        record_book.skater_records(skater.id),  # one read: personal ones and the rest
        article_refs.naming(skater.id),
    ]
    if gender is not None:
        reads.append(season_calendar.events_from(today))
    results, held, news, *calendar = together(conn, *reads)
    # Bests from the rows just read, not from queries reading them again.
    best = bests(results, held, season_start(today))
    distances = sorted({r.distance for r in results})
    upcoming = []
    if gender is not None and distances:
        events = events_for_skater(calendar[0], gender, distances)
        upcoming = [e for e in events if e.end >= today][:5]
    records = [r for r in held if r.kind not in {"personal", "season_best"}]
    days, record_days = race_days(results, records)
    return Profile(
        skater=skater,
        results=results,
        personal_bests=best.personal,
        season_bests=best.season,
        season=season_of(today),
        records=records,
        news=news,
        upcoming=upcoming,
        best_results=best.set_in,
        days=days,
        record_days=record_days,
    )


def race_days(
    results: list[ResultView], records: list[RecordRow]
) -> tuple[dict[int, dt.date], dict[int, dt.date]]:
    """The day of each result and of each record set in one of those results, in agreement:
    a record set in a race carries the race's day; a race no source dated takes the day of
    the record set in it (the record list dates what the news left undated)."""
    days = {r.id: r.race_date for r in results if r.race_date is not None}
    record_days: dict[int, dt.date] = {}
    by_id = {r.id: r for r in results} if records else {}
    for mark in records:
        if mark.result_id is not None:  # says where it was set: looked up, not searched for
            result = by_id.get(mark.result_id)
        else:
            result = next((r for r in results if _set_in(mark, r)), None)
        if result is None:
            continue
        if result.race_date is not None:
            record_days[mark.id] = result.race_date
        elif mark.set_on is not None:
            days.setdefault(result.id, mark.set_on)
            record_days[mark.id] = days[result.id]
    return days, record_days


def _set_in(mark: RecordRow, result: ResultView) -> bool:
    """Whether a record was set in this result: it says so, or its time, distance, town and
    day (within the meet's days) are the result's."""
    if mark.result_id is not None:
        return mark.result_id == result.id
    if mark.seconds is None or result.seconds is None or mark.distance != result.distance:
        return False
    if abs(mark.seconds - result.seconds) >= 0.005 or (mark.venue or mark.scope) != result.city:
        return False
    first = result.race_date or result.start_date
    last = result.race_date or result.end_date or result.start_date
    return mark.set_on is None or first is None or last is None or first <= mark.set_on <= last


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def distance_order(distance: str) -> int:
    """Distances as a results table lists them: 500m first, classifications last."""
    return DISTANCES.index(distance) if distance in DISTANCES else len(DISTANCES)


def profile_json(view: Profile) -> dict[str, Any]:
    def time(seconds: float | None) -> str | None:
        return format_time(seconds) if seconds is not None else None

    return {
        "name": view.skater.name,
        "slug": view.skater.slug,
        "country": view.skater.country,
        "gender": view.skater.gender,
        "known": view.skater.known,
        "results": [
            {
                "race_id": r.race_id,
                "competition": r.competition,
                "venue": r.city,
                "date": _iso(r.race_date or r.start_date),
                "distance": r.distance,
                "time": time(r.seconds),
                "rank": r.rank,
                "disputed": r.disputed,
                "official": r.official,
                "sources": r.sources,
            }
            for r in view.results
        ],
        "personal_bests": {d: time(s) for d, s in view.personal_bests.items()},
        "season": view.season.name if view.season else None,
        "season_bests": {d: time(s) for d, s in view.season_bests.items()},
        "records": [
            {
                "type": r.kind,
                "scope": r.scope,
                "distance": r.distance,
                "time": time(r.seconds),
                "status": r.status,
                "date": r.set_on.isoformat() if r.set_on else None,
            }
            for r in view.records
        ],
        "news": [
            {"id": a.id, "date": a.published.isoformat(), "title": a.title} for a in view.news
        ],
        "upcoming": [
            {"slug": e.slug, "name": e.display_name, "start": e.start.isoformat()}
            for e in view.upcoming
        ],
    }


def skater_calendar(
    conn: Connection, view: Profile, *, words: IcalWords = ENGLISH, stamp: dt.datetime | None = None
) -> bytes:
    """The known meets (every season) with the distances this skater races, as iCal."""
    distances = sorted({r.distance for r in view.results} | set(view.personal_bests))
    name = f"Schaatsradar: {view.skater.name}"
    calendar = season_calendar.events_between(conn)
    if view.skater.gender == "women" or view.skater.gender == "men":
        gender: Gender = "women" if view.skater.gender == "women" else "men"
        return skater_ics(calendar, gender, distances, name=name, words=words, stamp=stamp)
    # Gender unknown (a skater only the news named): every meet holding their distances.
    events = [e for e in calendar if set(distances) & set(e.distances)]
    return calendar_ics(events, name, words=words, stamp=stamp)
