"""Short track kept apart from long track in the knowledge base. Pure.

Why: a short-track race is run on a 111 m rink, in packs, with other times than a 400 m
oval's (a 500 m in 41 s, a 1500 m in 2:1x): filed under a long-track meet, or read as a
long-track personal best or track record, it is a wrong fact. Extraction marks a short-track
race's competition ("WK shorttrack", "World Cup shorttrack", see `extract.disciplines`); such
a result is filed under a short-track meet of its own (level `SHORT_TRACK_LEVEL`, never
merged with a long-track meet of the same rink and days), and never counts for long-track
bests or records.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from schaatsradar.store.knowledge import SHORT_TRACK_LEVEL

__all__ = [
    "SHORT_TRACK_LEVEL",
    "counts_for_long_track",
    "is_short_track",
    "is_short_track_meet",
    "short_track_record",
]

_SHORT_TRACK = re.compile(r"short[\s_-]?track", re.IGNORECASE)


def is_short_track(competition: str | None) -> bool:
    """Whether a result's competition (or a meet's name) is a short-track one."""
    return bool(competition) and _SHORT_TRACK.search(competition or "") is not None


def is_short_track_meet(name: str | None, level: str | None) -> bool:
    """Whether a stored meet is a short-track one: by its level, or by its name."""
    return level == SHORT_TRACK_LEVEL or is_short_track(name)


def counts_for_long_track(competition: str | None, level: str | None = None) -> bool:
    """Whether a result of this meet may make a long-track best, record or race winner."""
    return not is_short_track_meet(competition, level)


def short_track_record(record: Mapping[str, Any], results: Sequence[Mapping[str, Any]]) -> bool:
    """Whether an article's record claim is of short track: its holder's race over the
    distance in the article is a short-track one, or every result the article gives is
    (a short-track story's "new track record" is the rink's short-track record, no long-track
    mark; the knowledge base keeps long-track records only)."""
    marked = [is_short_track(r.get("competition")) for r in results]
    if marked and all(marked):
        return True
    return any(
        is_short_track(r.get("competition"))
        and r.get("athlete") == record.get("athlete")
        and r.get("distance") == record.get("distance")
        for r in results
        if record.get("athlete") is not None
    )
