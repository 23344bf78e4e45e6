"""One championship is one meet: a calendar meet takes in the meets the news made of it.

Why: a championship the news reported before its calendar was loaded (or imported) was made
a meet of its own, from the articles' days and rink; once the calendar lists it, the two are
one meet told twice, and showing both splits its results over two pages. A news meet is the
calendar meet's when it is of the same kind (and championship: "WK sprint" is not "WK
allround"), at the same rink, and of its days: for a meet held once a season, that season;
for a World Cup, days within a report's reach of its own. A news meet that more than one
calendar meet could be (a bare "WK" at a rink that holds two championships that week) is
left alone: which one it is, is not known.

The rows move in `store.meet_merge`; the results they touched are settled again here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection

from schaatsradar.knowledge.calendar import CalendarEvent
from schaatsradar.knowledge.games_calendar import folded_days
from schaatsradar.knowledge.matching import REPORTED_WITHIN, YEAR, city_key, fits_level
from schaatsradar.knowledge.meet_rules import ONCE_A_SEASON, format_of, season_of
from schaatsradar.knowledge.settling import settle_and_judge
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import CompetitionRow
from schaatsradar.store.meet_merge import meet_ids_by_slug, merge_meets

# The kind of meet the news names (`matching.level_of`) for each calendar level.
NEWS_KIND = {
    "olympics": "olympics",
    "world championships": "world",
    "european championships": "european",
    "national": "national",
    "world cup": "world cup",
    "junior world cup": "junior world cup",
}


def absorb(conn: Connection, keep: int, drop: int) -> None:
    """Meet `drop` merged into `keep`, and every result the merge touched settled again."""
    for race_id, result_id in merge_meets(conn, keep, drop).touched:
        settle_and_judge(conn, race_id, result_id)


def _kind_and_season(event: CalendarEvent) -> tuple[str | None, int]:
    return NEWS_KIND.get(event.level or ""), season_of(event.start)


def is_news_of(meet: CompetitionRow, event: CalendarEvent) -> bool:
    """Whether news meet `meet` is calendar meet `event` told by the news (see the module)."""
    kind, season = _kind_and_season(event)
    if meet.origin != "news" or kind is None or meet.level != kind:
        return False
    wanted, found = format_of(event.name), format_of(meet.name)
    if wanted and found and wanted != found:
        return False
    if meet.city and city_key(meet.city) not in (city_key(event.city), city_key(event.rink)):
        return False
    if meet.start_date is None:
        # History of a named year ("WK afstanden 2026"): the edition of that year.
        named = YEAR.search(meet.name)
        return (
            kind in ONCE_A_SEASON
            and named is not None
            and int(named.group())
            in (
                event.start.year,
                event.end.year,
            )
        )
    end = meet.end_date or meet.start_date
    if kind in ONCE_A_SEASON:
        return season_of(meet.start_date) == season
    return event.start - REPORTED_WITHIN <= end and meet.start_date <= event.end + REPORTED_WITHIN


def absorb_news_meets(conn: Connection, events: Iterable[CalendarEvent]) -> list[int]:
    """Every news meet that is one of `events` (stored calendar meets) merged into it; a news
    meet more than one calendar meet could be stays as it is. Returns the meets merged away."""
    events = list(events)
    ids = meet_ids_by_slug(conn, [e.slug for e in events])
    merged: list[int] = []
    for event in events:
        keep = ids.get(event.slug)
        kind, _season = _kind_and_season(event)
        if keep is None or kind is None:
            continue
        for meet in _news_meets(conn, kind, event):
            if not is_news_of(meet, event):
                continue
            rivals = [e for e in events if e.slug != event.slug and is_news_of(meet, e)]
            # One two calendar meets could be, or a rink-less one another calendar meet of
            # the kind and season could be too: which it is, is not known.
            if rivals or (meet.city is None and _other_fits(conn, meet, event)):
                continue
            absorb(conn, keep, meet.id)
            merged.append(meet.id)
    return merged


def _news_meets(conn: Connection, kind: str, event: CalendarEvent) -> Sequence[CompetitionRow]:
    around = (event.start - dt.timedelta(days=366), event.end + dt.timedelta(days=366))
    return [
        *kb.news_competitions(conn, kind, around=around),
        *kb.news_competitions(conn, kind, dated=False),
    ]


def _other_fits(conn: Connection, meet: CompetitionRow, event: CalendarEvent) -> bool:
    """Whether another stored calendar meet of the kind and season could be `meet` too."""
    kind, season = _kind_and_season(event)
    first = dt.date(season, 7, 1)
    others = kb.competitions_between(conn, first, dt.date(season + 1, 6, 30))
    wanted = format_of(meet.name)
    return any(
        other.origin != "news"
        and other.start_date != event.start
        and fits_level(kind, other)
        and not (wanted and format_of(other.name) and format_of(other.name) != wanted)
        for other in others
        if other.slug != event.slug
    )


def absorb_folded_days(conn: Connection, rows: Iterable[CalendarEvent]) -> None:
    """Meets stored from the day rows of Games a calendar lists day by day (before the Games
    were one meet, `games_calendar`) merged into the Games' meet. `rows`: as the calendar
    gives them, day by day."""
    for games_slug, day_slugs in folded_days(rows).items():
        ids = meet_ids_by_slug(conn, [games_slug, *day_slugs])
        keep = ids.get(games_slug)
        if keep is None:
            continue
        for slug in day_slugs:
            if slug in ids:
                absorb(conn, keep, ids[slug])
