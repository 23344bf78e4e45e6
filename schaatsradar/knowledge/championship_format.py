"""Which championship a bare "WK" (or "EK", "NK") is. Pure.

Why: a rink can hold two championships of one kind in one week (the World Sprint and the
World Allround Championships in Heerenveen, days apart). A result the text gives only as
"de WK" or "the World Championships", without a day that tells them apart, is of one of
them; filing it under the latest one was a guess that put sprint results at the allround.
The calendar decides when only one of its championships there fits; else the races the
article names do ("1000m" or the sprint classification is the sprint's, "10000m" the
allround's); else it is not known, and the result is kept as a mention.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence

from schaatsradar.knowledge.championships import PROGRAMMES
from schaatsradar.knowledge.matching import REPORTED_WITHIN, city_key, fits_level, level_of
from schaatsradar.knowledge.meet_rules import format_of
from schaatsradar.store.knowledge import CompetitionRow

CHAMPIONSHIPS = frozenset({"world", "european", "national"})
# The classification only its own format ranks ("sprint" and "allround" are not races).
_CLASSIFICATIONS = frozenset({"sprint", "allround"})


def bare_championship(competition: str | None) -> bool:
    """Whether `competition` names a championship without saying which ("WK", "EK")."""
    return level_of(competition) in CHAMPIONSHIPS and format_of(competition) is None


def championship_for(
    candidates: Sequence[CompetitionRow],
    *,
    competition: str | None,
    venue: str | None,
    race_date: dt.date | None,
    published: dt.date,
    distance: str,
    named: Collection[str],
    holds: Callable[[CompetitionRow, str], bool],
) -> CompetitionRow | str | None:
    """The one calendar championship a bare championship result is of, a reason it is not
    known (several fit, and the article's races `named` do not tell them apart), or None
    when there is no choice to make (none or one fits: the usual matching decides)."""
    level = level_of(competition)
    fitting = []
    for meet in candidates:
        start, end = meet.start_date, meet.end_date or meet.start_date
        if meet.origin == "news" or start is None or end is None or not fits_level(level, meet):
            continue
        if race_date is not None and not start <= race_date <= end:
            continue
        if race_date is None and not start <= published <= end + REPORTED_WITHIN:
            continue
        if venue is not None and city_key(meet.city) != city_key(venue):
            continue
        if holds(meet, distance):
            fitting.append(meet)
    if len(fitting) < 2 or len({format_of(m.name) for m in fitting}) < 2:
        return None
    told = [m for m in fitting if all(holds(m, d) for d in named)]
    if len(told) == 1:
        return told[0]
    names = " or ".join(sorted(m.name for m in fitting))
    return f"{competition} does not say which championship ({names})"


def format_by_races(distances: Collection[str]) -> str | None:
    """The one championship format that skates every race in `distances`, or None when
    none or several do. Why: history dated by a year but named as a bare championship ("won
    the 500m, 1000m and 1500m at the 2023 World Championships") is kept as a mention when the
    format is not said, yet only the single-distance championships skate a 1000m and a 1500m
    (the sprint skates no 1500m, the allround no 1000m), and only they a mass start. The
    races of one edition an article names together tell it; one 500m alone does not."""
    if not distances:
        return None
    fitting = [
        f for f in ("distances", "allround", "sprint") if all(_skates(f, d) for d in distances)
    ]
    return fitting[0] if len(fitting) == 1 else None


def skates_all(form: str, distances: Collection[str]) -> bool:
    """Whether a championship of format `form` skates every race in `distances`."""
    return all(_skates(form, d) for d in distances)


def _skates(form: str, distance: str) -> bool:
    if form == "distances":
        return distance not in _CLASSIFICATIONS
    return distance == form or distance in PROGRAMMES[form]
