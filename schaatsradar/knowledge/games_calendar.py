"""The Olympic Games as one meet, from a calendar that lists them day by day. Pure.

Why: calendars (the bundled one among them) list the Games' speed skating one day a row, so
each day became a meet of its own: twelve competition pages for one Games, and a result from
a report of the Games filed under whichever day the report's date pointed at. The Games are
one meet, spanning their days; the days stay in the programme (`ScheduledDistance.days`), so
a race without a day of its own still lands on its day (the final's).

Rows are one Games when they are Olympic rows of one Games of the bundled table
(`olympics.bundled_games`), by their days; Olympic rows of no known Games stay as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from schaatsradar.extract.types import DISTANCES, Gender
from schaatsradar.knowledge import olympics
from schaatsradar.knowledge.calendar import CalendarEvent
from schaatsradar.knowledge.calendar_programme import ScheduledDistance
from schaatsradar.knowledge.matching import REPORTED_WITHIN


def _games_of(event: CalendarEvent) -> olympics.Games | None:
    if event.level != "olympics":
        return None
    return next(
        (
            g
            for g in olympics.bundled_games()
            if g.start - REPORTED_WITHIN <= event.start and event.end <= g.end + REPORTED_WITHIN
        ),
        None,
    )


def _groups(events: Iterable[CalendarEvent]) -> list[list[CalendarEvent]]:
    """The events in order, each Games' days as one group, every other event alone."""
    groups: list[list[CalendarEvent]] = []
    by_games: dict[int, list[CalendarEvent]] = {}
    for event in sorted(events, key=lambda e: (e.start, e.end, e.slug)):
        games = _games_of(event)
        if games is None:
            groups.append([event])
        elif games.year in by_games:
            by_games[games.year].append(event)
        else:
            by_games[games.year] = [event]
            groups.append(by_games[games.year])
    return groups


def _programme(days: list[CalendarEvent]) -> tuple[ScheduledDistance, ...]:
    """The Games' programme: every distance once, with each day it is skated on per gender
    (semifinals and finals on two days: both)."""
    genders: dict[str, set[Gender]] = {}
    races: dict[str, int] = {}
    skated: dict[str, set[tuple[Gender, dt.date]]] = {}
    for day in days:
        for entry in day.programme:
            genders.setdefault(entry.distance, set()).update(entry.genders)
            races[entry.distance] = max(races.get(entry.distance, 1), entry.races)
            skated.setdefault(entry.distance, set()).update((g, day.start) for g in entry.genders)
    order: tuple[Gender, ...] = ("women", "men", "mixed")
    return tuple(
        ScheduledDistance(
            d,
            tuple(g for g in order if g in genders[d]),
            races[d],
            tuple(sorted(skated[d], key=lambda p: (p[1], order.index(p[0])))),
        )
        for d in DISTANCES
        if d in genders
    )


def _one_meet(days: list[CalendarEvent]) -> CalendarEvent:
    first = days[0]
    sources = tuple(dict.fromkeys(s for day in days for s in day.sources))
    return replace(
        first,
        start=min(d.start for d in days),
        end=max(d.end for d in days),
        programme=_programme(days),
        sources=sources,
    )


def fold_games(events: Iterable[CalendarEvent]) -> tuple[CalendarEvent, ...]:
    """`events` with each Games' day rows made one meet (under the first day's slug, so a
    meet stored from the first day's row stays the same meet)."""
    return tuple(group[0] if len(group) == 1 else _one_meet(group) for group in _groups(events))


def folded_days(events: Iterable[CalendarEvent]) -> dict[str, list[str]]:
    """The slug of each Games made one meet, with the slugs of its other days' rows (meets
    stored from those rows before are that meet)."""
    return {
        group[0].slug: [e.slug for e in group[1:]] for group in _groups(events) if len(group) > 1
    }
