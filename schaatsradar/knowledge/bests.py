"""A skater's personal and season bests, worked out from rows a profile has already read.

The profile reads the skater's shown results (to list them) and the records they hold (to
show them); asking the database again for the fastest time per distance, twice (ever, and
this season), read the same rows a second and third time. Kept a pure function over those
rows, the bests agree with `store.knowledge.best_times` (the query the tests hold it to) by
construction: the fastest shown time per distance, a season's from its first day on, and a
personal record a list gives counts when it is faster than every result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from schaatsradar.knowledge.disciplines import counts_for_long_track
from schaatsradar.store.knowledge import ResultView
from schaatsradar.store.record_book import RecordRow


@dataclass(frozen=True)
class Bests:
    """Fastest times per distance: ever (`personal`), and from the season's first day on
    (`season`). `set_in` holds the result behind each personal best, none when only a
    personal-record list knows it (or knows it faster)."""

    personal: dict[str, float] = field(default_factory=dict)
    season: dict[str, float] = field(default_factory=dict)
    set_in: dict[str, ResultView] = field(default_factory=dict)


def bests(
    results: Iterable[ResultView], records: Iterable[RecordRow], season_start: dt.date
) -> Bests:
    """The bests of one skater from their shown `results` and the `records` they hold (only
    their `personal` marks count: a season-best list is not read, as before). Results of
    short-track meets are left out: their times are no long-track bests."""
    fastest: dict[str, ResultView] = {}
    season: dict[str, float] = {}
    # A skater's thousand results come from a few hundred meets: each meet's name is looked at
    # once (a regular expression), not once per result.
    long_track: dict[str | None, bool] = {}
    for result in results:
        seconds = result.seconds
        if seconds is None:
            continue
        competition = result.competition
        counts = long_track.get(competition)
        if counts is None:
            counts = long_track[competition] = counts_for_long_track(competition)
        if not counts:
            continue  # a short-track time is no long-track best
        distance = result.distance
        known = fastest.get(distance)
        if known is None or seconds < (known.seconds or 0.0):
            fastest[distance] = result
        if (result.race_date or result.start_date or dt.date.min) >= season_start:
            so_far = season.get(distance)
            if so_far is None or seconds < so_far:
                season[distance] = seconds
    personal = {d: r.seconds for d, r in fastest.items() if r.seconds is not None}
    for record in records:
        if record.kind != "personal" or record.seconds is None:
            continue
        known_time = personal.get(record.distance)
        personal[record.distance] = (
            min(known_time, record.seconds) if known_time else record.seconds
        )
        if known_time is None or record.seconds < known_time:
            fastest.pop(record.distance, None)
    return Bests(personal=personal, season=season, set_in=fastest)
