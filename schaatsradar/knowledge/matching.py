"""Which meet a reported result belongs to. Pure: the candidates come from the store.

A result names a rink and a kind of meet ("World Cup", "WK afstanden") and, often, a day;
articles appear a day or a week after the race. The calendar meet whose days and city fit
wins; one that holds the distance beats one that does not (the Olympic programme is one
row per day). Nothing fits: `news_meets` decides whether the text makes a meet of its own.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence

from schaatsradar.knowledge.disciplines import is_short_track, is_short_track_meet
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


def fits_level(level: str | None, candidate: CompetitionRow) -> bool:
    """A "World Cup" result cannot be at the European Championships, nor at a meet of no
    known kind (a "kwalificatietoernooi" the news made, "Wedstrijd in Inzell"): a result that
    names its kind only joins a meet of that kind. One that names none may join any."""
    if level is None:
        return True
    if candidate.level is None:
        return False
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
    short_track = is_short_track(competition)
    pool = []
    for meet in candidates:
        if is_short_track_meet(meet.name, meet.level) != short_track:
            continue  # short track and long track are never one meet
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
    # the days agreeing, a calendar meet of another kind still is the one ("de generale
    # repetitie voor de Spelen" in a World Cup report). A meet only the news knows is not
    # sure enough of its own kind to take in another kind's results: a national championship
    # at the rink of a news "World Cup" is still a national championship.
    fitting = [m for m in pool if fits_level(level, m)]
    if not fitting and venue is not None:
        fitting = [m for m in pool if m.origin != "news"]
    pool = fitting
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
