"""The day of a race, from the text and the meet's own days.

Why: a report often dates a race only by the meet ("op de slotdag", "on the final day") or
not at all, and a race filed without its day is a second race of the same distance beside
the dated one. The meet knows its days: its last day is the "slotdag"; a calendar that lists
a meet day by day (the Olympic Games, `games_calendar`) knows the day of each final. A day
the text gives stands unless that calendar says the race was not skated then.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection

from schaatsradar.knowledge.calendar_programme import ScheduledDistance
from schaatsradar.knowledge.season_calendar import programme_of
from schaatsradar.store import calendar as stored
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import CompetitionRow

LAST_DAY = "last"  # the extraction's `meet_day` for "op de slotdag"
# Distances short track skates too: news of the Games reports both, and the calendar's days
# are long track's, so a day it gives these distances cannot rule a result out.
SHORT_TRACK_TOO = frozenset({"500m", "1000m", "1500m"})


def day_of_race(
    fact: dict[str, Any],
    meet: CompetitionRow | None,
    programme: tuple[ScheduledDistance, ...],
    gender: str,
    said: dt.date | None,
    by: dt.date | None = None,
) -> dt.date | None:
    """The race day of `fact` at `meet`. `said`: the day the text gives (None when none, or
    one outside the meet's days); `programme`: the meet's, as its calendar gives it; `by`:
    the article's last day (a report of a quarterfinal is of that day, not the final's).
    Pure."""
    if meet is None or meet.start_date is None or fact.get("earlier") or fact.get("year"):
        return said
    entry = next((e for e in programme if e.distance == fact.get("distance")), None)
    days = (
        {day for g, day in entry.days if not gender or g in (gender, "mixed")} if entry else set()
    )
    if days:
        if said in days:
            return said  # a heat or quarterfinal day the text names
        skated = [d for d in days if by is None or d <= by]
        return max(skated) if skated else None
    if said is not None:
        return said
    if fact.get("meet_day") == LAST_DAY and meet.origin != "news":
        # A meet only the news knows has the reports' days, not its own: no last day to take.
        return meet.end_date or meet.start_date
    return None


def race_day(
    conn: Connection,
    fact: dict[str, Any],
    meet: CompetitionRow | None,
    gender: str,
    said: dt.date | None,
    by: dt.date | None = None,
) -> dt.date | None:
    """`day_of_race` with the meet's programme as stored."""
    programme = programme_of(stored.meet_programme(conn, meet.id)) if meet is not None else ()
    return day_of_race(fact, meet, programme, gender, said, by)


def skated_after(conn: Connection, fact: dict[str, Any], meet_id: int, last: dt.date) -> str | None:
    """Why `fact` cannot be a result of meet `meet_id`'s race: its calendar skates that race
    only after `last`, the article's last day (a report tells races already skated: a medal
    of other Games named in a report of these is not this race's). None when it can be."""
    meet = kb.competition(conn, meet_id)
    if meet is None or fact.get("earlier") or fact.get("year"):
        return None
    if fact.get("distance") in SHORT_TRACK_TOO:
        return None
    programme = programme_of(stored.meet_programme(conn, meet_id))
    entry = next((e for e in programme if e.distance == fact.get("distance")), None)
    gender = fact.get("gender") or ""
    days = [d for g, d in (entry.days if entry else ()) if not gender or g in (gender, "mixed")]
    if not days or min(days) <= last:
        return None
    return f"the {meet.name} skate the {fact['distance']} on {min(days)}, after the article"
