"""A result the record book backs: the reference data (or an official list) says the skater
set this very time at this rink on a day of this meet.

Why: a time extraction was unsure of ("Stolz reed 1.41,78", no place said) stays a candidate
until a second independent source agrees (`claims.settle`). The bundled record book is such a
source when it holds the mark: the world or track record with the same holder, distance,
gender and time to the hundredth, set at the meet's rink on a day of the meet (the race's own
day when it is known). Nothing else of the article is taken on its word; a time, holder,
rink or day that does not fit backs nothing.

A mark still current also tells the place: nobody in the race it was set in skated faster
(a faster time there would be the record), so the holder won that race. That holds for the
world, track and Olympic records of a race ranked by time, not for a national record (only
the fastest of one country), a mass start (ranked by the finish) or a team event (skated in
heats and finals). Pure: the marks are handed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from schaatsradar.extract.registry import norm_name
from schaatsradar.store.record_book import RecordRow

# Marks that are sources of their own (not made from, or claimed by, the news).
INDEPENDENT_ORIGINS = frozenset({"reference", "official"})
# Books whose current mark set in a race was the fastest time of that race.
FASTEST_OF_THE_RACE = frozenset({"world", "track", "olympic"})
NOT_RANKED_BY_TIME = frozenset({"mass start", "team pursuit", "team sprint", "relay"})
TOLERANCE = 0.005


@dataclass(frozen=True)
class Backing:
    """What a mark says of a result: its time, and rank 1 when the mark tells the winner."""

    mark: RecordRow
    seconds: float
    rank: int | None


def backing_mark(
    marks: Iterable[RecordRow],
    *,
    skater_id: int | None,
    athlete: str,
    seconds: float | None,
    days: tuple[dt.date, dt.date] | None,
    distance: str,
) -> Backing | None:
    """The independent mark among `marks` (the world's, the rink's and, at the Games, the
    Olympic book for the race's distance and gender) set by this skater in this time on one
    of `days` (the race's day, or the meet's first and last), or None."""
    if seconds is None or days is None or distance in NOT_RANKED_BY_TIME:
        return None
    found = [
        m
        for m in marks
        if m.origin in INDEPENDENT_ORIGINS
        and m.seconds is not None
        and abs(m.seconds - seconds) <= TOLERANCE
        and m.set_on is not None
        and days[0] <= m.set_on <= days[1]
        and _same_holder(m, skater_id, athlete)
    ]
    if not found:
        return None
    winner = any(m.status == "current" and m.kind in FASTEST_OF_THE_RACE for m in found)
    mark = min(found, key=lambda m: (m.status != "current", m.id))
    return Backing(mark, round(mark.seconds or seconds, 3), 1 if winner else None)


def _same_holder(mark: RecordRow, skater_id: int | None, athlete: str) -> bool:
    if mark.skater_id is not None and skater_id is not None:
        return mark.skater_id == skater_id
    return bool(mark.holder) and norm_name(mark.holder) == norm_name(athlete)
