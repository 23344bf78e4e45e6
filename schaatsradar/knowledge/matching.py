"""Which meet a reported result belongs to. Pure: the candidates come from the store.

A result names a rink and a kind of meet ("World Cup", "WK afstanden") and, often, a day;
articles appear a day or a week after the race. The calendar meet whose days and city fit
wins; one that holds the distance beats one that does not (the Olympic programme is one
row per day). Nothing fits: a meet only the news knows is made, dated by the text, unless
the text gives nothing to place it by, and then the result is refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from schaatsradar.store.knowledge import CompetitionRow

REPORTED_WITHIN = dt.timedelta(days=10)  # how long after a meet articles still report it
LEVELS = (
    (re.compile(r"olymp|winterspelen|\bspelen\b|\bgames\b", re.I), "olympics"),
    (re.compile(r"junior", re.I), "junior world cup"),
    (re.compile(r"world cup|wereldbeker", re.I), "world cup"),
    (re.compile(r"\bwk\b|world (?:\w+ )?championships?|wereldkampioenschap", re.I), "world"),
    (re.compile(r"\bek\b|european|europees kampioenschap", re.I), "european"),
    (re.compile(r"\bnk\b|\bokt\b|dutch|nederlands kampioenschap", re.I), "national"),
)
YEAR = re.compile(r"\b(19|20)\d\d\b")
# The city the news writes for a rink's city in the calendar.
CITY_NAMES = {"milaan": "milan", "milano": "milan", "peking": "beijing", "calgary": "calgary"}


def level_of(text: str | None) -> str | None:
    if not text:
        return None
    for pattern, level in LEVELS:
        if pattern.search(text):
            return level
    return None


def _fits_level(level: str | None, candidate: CompetitionRow) -> bool:
    """A "World Cup" result cannot be at the European Championships."""
    if level is None or candidate.level is None:
        return True
    found = candidate.level.casefold()
    if level == "world":
        return found.startswith("world") and "cup" not in found
    if level == "european":
        return found.startswith("europ")
    return found.startswith(level) or level in found


def city_key(city: str | None) -> str:
    folded = unicodedata.normalize("NFKD", city or "").encode("ascii", "ignore").decode()
    key = folded.casefold().strip()
    return CITY_NAMES.get(key, key)


@dataclass(frozen=True)
class NewMeet:
    """A meet the calendar does not have, as the text describes it."""

    slug: str
    name: str
    level: str | None
    city: str | None
    day: dt.date | None


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")


def choose_meet(
    candidates: Sequence[CompetitionRow],
    *,
    competition: str | None,
    venue: str | None,
    race_date: dt.date | None,
    published: dt.date,
    distance: str,
    holds: Callable[[CompetitionRow, str], bool],
) -> CompetitionRow | None:
    """The calendar meet a result was raced at, or None. `holds(meet, distance)` says whether
    the meet's programme has the distance (True when the programme is unknown)."""
    level = level_of(competition)
    pool = []
    for meet in candidates:
        start = meet.start_date
        end = meet.end_date or start
        if start is None or end is None:
            continue
        if race_date is not None:
            if not start <= race_date <= end:
                continue
        elif not start <= published <= end + REPORTED_WITHIN:
            continue
        if venue is not None and city_key(meet.city) != city_key(venue):
            continue
        pool.append(meet)
    if venue is None and level is None:
        return None  # nothing in the text points at a meet
    # The kind of meet comes from context words and is the weakest clue: with the rink and
    # the days agreeing, a meet of another kind still is the one ("de generale repetitie voor
    # de Spelen" in a World Cup report).
    fitting = [m for m in pool if _fits_level(level, m)]
    pool = fitting if fitting or venue is None else pool
    with_distance = [m for m in pool if holds(m, distance)]
    pool = with_distance or pool
    if not pool:
        return None
    # The latest meet that had started by the day of the race (or of the article).
    day = race_date or published
    started = [m for m in pool if m.start_date and m.start_date <= day] or pool
    return max(started, key=lambda m: (m.start_date or dt.date.min, m.id))


# Meets the season calendar lists completely: a "World Cup in Inzell" on a day the calendar
# has none is a misreading, not a meet to invent.
CALENDAR_LEVELS = frozenset({"olympics", "world cup", "world", "european"})


def new_meet(
    *,
    competition: str | None,
    venue: str | None,
    race_date: dt.date | None,
    published: dt.date,
    earlier: bool,
    season: tuple[dt.date, dt.date] | None = None,
) -> NewMeet | None:
    """A meet only the news knows, or None when the text cannot place the result at all
    (no meet and no rink named, an earlier race it does not date, or a meet of a kind the
    calendar lists completely (`season`: the days it covers) that the calendar lacks)."""
    if not competition and not venue:
        return None
    day = race_date or published
    if (
        season is not None
        and level_of(competition) in CALENDAR_LEVELS
        and not (competition and YEAR.search(competition))
        and season[0] <= day <= season[1]
    ):
        return None
    name = competition or f"Wedstrijd in {venue}"
    if competition and YEAR.search(competition):
        slug = slugify(f"{competition} {venue or ''}")
        return NewMeet(slug, competition, level_of(competition), venue, None)
    if earlier:
        return None
    day = race_date or published
    slug = slugify(f"{day.isoformat()} {name} {venue or ''}")
    return NewMeet(slug, name, level_of(competition), venue, day)
