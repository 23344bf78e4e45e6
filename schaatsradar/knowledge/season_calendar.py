"""The calendar of any season, as the database knows it: the bundled 2025-26 file, calendars
imported with `calendar import`, and the meets the news reports (a World Cup the calendar
lacks still belongs on it). Pages, the API, the CLI and the iCal feeds read the calendar here,
so they all show the same meets; which season they show follows the reader's day
(`seasons.season_of`), not the season the bundled file happens to hold.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, cast

from sqlalchemy import Connection

from schaatsradar.knowledge.calendar import (
    LEVELS,
    CalendarEvent,
    Level,
    bundled_calendar,
    short_name,
)
from schaatsradar.knowledge.calendar_programme import ScheduledDistance
from schaatsradar.knowledge.games_calendar import fold_games, folded_days
from schaatsradar.knowledge.meet_merges import absorb_folded_days, absorb_news_meets
from schaatsradar.knowledge.seasons import Season, season_of
from schaatsradar.store import calendar as stored
from schaatsradar.store import knowledge as kb
from schaatsradar.store import knowledge_lock
from schaatsradar.store.calendar import LatestMeet, MeetRow
from schaatsradar.store.meet_merge import reprogramme_meet
from schaatsradar.store.together import Read

# The kinds of meet the news tells apart (`matching.level_of`), as calendar levels.
NEWS_LEVELS: Mapping[str, Level] = {
    "olympics": "olympics",
    "junior world cup": "junior world cup",
    "world cup": "world cup",
    "world": "world championships",
    "european": "european championships",
    "national": "national",
}


# -- the programme as stored ------------------------------------------------------------------


def programme_json(programme: Iterable[ScheduledDistance]) -> str:
    """`[["500m", ["women", "men"], 2], ...]`: what `programme_of` reads back; a distance
    whose days are known has them fourth, `[["women", "2026-02-15"], ...]`."""
    return json.dumps(
        [
            [entry.distance, list(entry.genders), entry.races]
            + ([[[g, d.isoformat()] for g, d in entry.days]] if entry.days else [])
            for entry in programme
        ],
        separators=(",", ":"),
    )


@lru_cache(maxsize=512)
def programme_of(text: str | None) -> tuple[ScheduledDistance, ...]:
    """The programme `programme_json` wrote (read once per text: reconciliation asks for a
    meet's programme for every result)."""
    if not text:
        return ()
    return tuple(
        ScheduledDistance(
            distance,
            tuple(genders),
            int(races),
            tuple((g, dt.date.fromisoformat(d)) for g, d in (days[0] if days else ())),
        )
        for distance, genders, races, *days in json.loads(text)
    )


# -- reading ----------------------------------------------------------------------------------


@cache
def _bundled_by_slug() -> dict[str, CalendarEvent]:
    return {event.slug: event for event in fold_games(bundled_calendar())}


def _level(row: MeetRow) -> Level | None:
    if row.level in LEVELS:
        return cast(Level, row.level)
    return NEWS_LEVELS.get(row.level or "")


def event_of(row: MeetRow) -> CalendarEvent:
    """The calendar entry of a stored meet. A bundled meet stored before calendar details
    were kept (migration 0010) takes them from the bundled file."""
    bundled = _bundled_by_slug().get(row.slug)
    described = row.programme is not None or bundled is None
    end = row.end_date or row.start_date
    sources = tuple(s.strip() for s in row.source.split(" ; ") if s.strip().startswith("http"))
    full_name = bundled.name if bundled and bundled.display_name == row.name else row.name
    return CalendarEvent(
        slug=row.slug,
        name=full_name,
        short_name=row.name if full_name != row.name else short_name(row.name),
        start=row.start_date,
        end=end,
        city=row.city,
        rink=row.rink if described or bundled is None else bundled.rink,
        country=row.country if described or bundled is None else bundled.country,
        level=_level(row),
        programme=programme_of(row.programme) if described or not bundled else bundled.programme,
        notes=(row.notes or "") if described or not bundled else bundled.notes,
        sources=sources,
        meet_id=row.id,
        origin="news" if row.origin == "news" else "calendar",
    )


def calendar_event(conn: Connection, meet_id: int) -> CalendarEvent | None:
    """The calendar entry of one stored meet (its programme, rink), if it is on a calendar."""
    row = stored.meet_by_id(conn, meet_id)
    return event_of(row) if row is not None else None


def calendar_event_read(meet_id: int) -> Read[CalendarEvent | None]:
    """`calendar_event` as a read to send with others (`together`)."""
    read = stored.meet_by_id_read(meet_id)

    def event(rows: Sequence[Any]) -> CalendarEvent | None:
        row = read.convert(rows)
        return event_of(row) if row is not None else None

    return Read(read.statement, event, read.params)


def stored_distances(conn: Connection, meet_id: int) -> tuple[str, ...]:
    """The distances a stored meet's calendar programme holds; () when none is known."""
    return tuple(entry.distance for entry in programme_of(stored.meet_programme(conn, meet_id)))


def events_between(
    conn: Connection, first: dt.date | None = None, last: dt.date | None = None
) -> tuple[CalendarEvent, ...]:
    """Every meet on the calendar overlapping `first`..`last` (either side open), by day."""
    return tuple(event_of(row) for row in stored.meets_between(conn, first, last))


def events_from(first: dt.date) -> Read[tuple[CalendarEvent, ...]]:
    """`events_between(conn, first)` as a read to send with others (`together`)."""
    meets = stored.meets_from(first)
    return Read(
        meets.statement, lambda rows: tuple(map(event_of, meets.convert(rows))), meets.params
    )


def season_events(conn: Connection, season: Season) -> tuple[CalendarEvent, ...]:
    """The meets of `season`: those starting in it (a meet is of the season it starts in)."""
    return tuple(
        e for e in events_between(conn, season.first, season.last) if season.holds(e.start)
    )


def upcoming(conn: Connection, today: dt.date, n: int = 5) -> tuple[CalendarEvent, ...]:
    """The next `n` meets not over on `today` (one under way counts), whatever the season."""
    return events_between(conn, today, None)[:n]


def upcoming_read(today: dt.date, n: int = 5) -> Read[tuple[CalendarEvent, ...]]:
    """`upcoming` as a read to send with others (`together`)."""
    events = events_from(today)
    return Read(events.statement, lambda rows: events.convert(rows)[:n], events.params)


def known_seasons(conn: Connection, today: dt.date) -> list[Season]:
    """Every season with a meet on the calendar, and the current one (known or not), newest
    first: what a season picker offers."""
    found = {season_of(day) for day in stored.meet_start_days(conn)}
    return sorted(found | {season_of(today)}, reverse=True)


def calendar_loaded(conn: Connection, season: Season) -> bool:
    """Whether a calendar of `season` is known, not only meets the news reported."""
    return stored.has_calendar_between(conn, season.first, season.last)


def calendar_loaded_read(season: Season) -> Read[bool]:
    """`calendar_loaded` as a read to send with others (`together`)."""
    return stored.has_calendar_between_read(season.first, season.last)


@dataclass(frozen=True)
class SeasonView:
    """What a calendar page or command shows of one season: its meets, whether a calendar
    of it is loaded (else say so), and, when none is, the latest results instead."""

    season: Season
    current: Season
    events: tuple[CalendarEvent, ...]
    loaded: bool
    seasons: list[Season]
    latest: list[LatestMeet] = field(default_factory=list)

    @property
    def meet_ids(self) -> dict[str, int]:
        return {e.slug: e.meet_id for e in self.events if e.meet_id is not None}


def season_view(
    conn: Connection, today: dt.date, season: Season | None = None, *, latest: int = 5
) -> SeasonView:
    """The calendar of `season` (by default the one `today` is in)."""
    current = season_of(today)
    chosen = season or current
    loaded = calendar_loaded(conn, chosen)
    return SeasonView(
        season=chosen,
        current=current,
        events=season_events(conn, chosen),
        loaded=loaded,
        seasons=known_seasons(conn, today),
        latest=[] if loaded else stored.latest_meets_with_results(conn, today, latest),
    )


# -- writing ----------------------------------------------------------------------------------


@dataclass
class Saved:
    """What storing a calendar did, per meet: new, corrected, or already as stored."""

    new: list[CalendarEvent] = field(default_factory=list)
    updated: list[CalendarEvent] = field(default_factory=list)
    unchanged: list[CalendarEvent] = field(default_factory=list)

    @property
    def seasons(self) -> list[Season]:
        every = [*self.new, *self.updated, *self.unchanged]
        return sorted({season_of(e.start) for e in every})


def store_calendar(conn: Connection, events: Iterable[CalendarEvent], now: dt.datetime) -> Saved:
    """A season's calendar into the knowledge base, in the caller's one transaction (so a
    file is stored whole or not at all). A meet already stored under the same slug (its
    start day and name) is corrected, not doubled; importing the same file twice changes
    nothing."""
    knowledge_lock.hold(conn)  # news meets are filed against these (`store.knowledge_lock`)
    saved = Saved()
    rows = list(events)
    events = fold_games(rows)
    for event in events:
        outcome = _save(conn, event, now)
        {"new": saved.new, "updated": saved.updated}.get(outcome, saved.unchanged).append(event)
    # One championship is one meet: Games stored day by day, and the meets the news made of
    # these, are taken in.
    absorb_folded_days(conn, rows)
    absorb_news_meets(conn, events)
    return saved


def _save(conn: Connection, event: CalendarEvent, now: dt.datetime) -> str:
    return stored.save_meet(
        conn,
        slug=event.slug,
        name=event.display_name,
        level=event.level,
        city=event.city,
        start_date=event.start,
        end_date=event.end,
        source=" ; ".join(event.sources),
        rink=event.rink,
        country=event.country,
        programme=programme_json(event.programme),
        notes=event.notes,
        now=now,
    )


def describe_bundled(conn: Connection, events: Iterable[CalendarEvent]) -> None:
    """The bundled meets' rink, country, programme and notes, for a database whose rows of
    them were stored before these were kept (a no-op once they are)."""
    for event in events:
        stored.describe_meet(
            conn,
            event.slug,
            rink=event.rink,
            country=event.country,
            programme=programme_json(event.programme),
            notes=event.notes,
        )


def load_bundled_calendar(conn: Connection) -> None:
    """The bundled season into the knowledge base, on every upgrade: rows already stored are
    left alone (an import may have corrected them), but Games stored day by day become the
    one meet they are, and meets the news made of a bundled meet are taken in."""
    rows = bundled_calendar()
    events = fold_games(rows)
    folded = set(folded_days(rows))
    for event in events:
        meet_id = kb.ensure_competition(
            conn,
            slug=event.slug,
            name=event.display_name,
            level=event.level,
            city=event.city,
            start_date=event.start,
            end_date=event.end,
            origin="calendar",
            source=" ; ".join(event.sources),
        )
        if event.slug in folded:  # stored as its first day before
            kb.widen_competition(conn, meet_id, event.start, event.end)
            reprogramme_meet(conn, meet_id, programme_json(event.programme))
    describe_bundled(conn, events)
    absorb_folded_days(conn, rows)
    absorb_news_meets(conn, events)
