"""When a meet only the news knows is real, and which news meet a result joins. Pure.

Why: a meet the calendar lacks is only as good as the text it came from. An article reports
one meet (its dateline, headline, race days: extraction carries the lead's meet and rink onto
its results, so it is the meet most of the article's current results name); a World Cup or a
championship it names in passing ("net als bij de World Cup in Stavanger") is not reported
by it and makes no meet. A reported meet must fit its season: no World Cup in summer, no
championship months after its season. One championship is one meet: news meets of one kind,
season and rink are the same meet, whose days widen as reports come in, never a second one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from schaatsradar.knowledge import olympics
from schaatsradar.knowledge.matching import REPORTED_WITHIN, YEAR, city_key, fits_level, level_of
from schaatsradar.store.knowledge import CompetitionRow

# The months a meet of each kind is skated in (a season runs from autumn to spring): a
# "World Cup" in June or a "WK" in November is a misreading or history, not a meet to make.
SEASON_MONTHS: Mapping[str, frozenset[int]] = {
    "world cup": frozenset({11, 12, 1, 2, 3}),
    "junior world cup": frozenset({11, 12, 1, 2, 3}),
    "world": frozenset({1, 2, 3}),
    "european": frozenset({1, 2, 3}),
    "national": frozenset({10, 11, 12, 1, 2, 3}),
}
# Kinds held once a season: every news meet of the kind, season and rink is the same meet.
ONCE_A_SEASON = frozenset({"world", "european", "national", "olympics"})
# Within a kind held once a season, which championship ("WK allround" and "WK sprint" can
# share a rink and a month; "WK" alone may be either).
FORMATS = (
    (re.compile(r"afstand|single|distance", re.I), "distances"),
    (re.compile(r"allround|all-round", re.I), "allround"),
    (re.compile(r"sprint", re.I), "sprint"),
)
MERGE_GAP = dt.timedelta(days=10)  # a World Cup's days lie this close to a report of it


def format_of(competition: str | None) -> str | None:
    for pattern, found in FORMATS:
        if competition and pattern.search(competition):
            return found
    return None


def season_of(day: dt.date) -> int:
    """The year a season starts in (2025 for 2025-26): seasons run from July to June."""
    return day.year if day.month >= 7 else day.year - 1


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


@dataclass(frozen=True)
class Report:
    """What an article reports: its days (one, or its month when only that is known) and the
    meets (kind, rink key) its current results name most. Official lists report every meet
    they list (`everything`)."""

    first: dt.date
    last: dt.date
    meets: frozenset[tuple[str | None, str]] = frozenset()
    everything: bool = False
    rinks: tuple[tuple[str, str], ...] = ()  # (rink key, the rink as the article names it)
    # (kind, distance) of every current result the article gives a kind of meet: the races
    # ("1000m", "sprint") that tell which championship a bare "WK" is.
    distances: frozenset[tuple[str, str]] = frozenset()
    # (kind, year, distance) of every result of history the article dates by a year ("de WK
    # van 2023"): the races of one edition it names, which tell a bare "WK 2023"'s format.
    history: frozenset[tuple[str, int, str]] = frozenset()

    def reports(self, competition: str | None, venue: str | None) -> bool:
        """Whether the article reports this meet, not names it in passing. A result that
        names no rink is of the reported meet of its kind; one that names no kind, of the
        reported meet at its rink; a report that names only its rink reports the meet of
        any kind there."""
        if self.everything:
            return True
        level, rink = level_of(competition), city_key(venue)
        for kind, place in self.meets:
            same_kind = level is None or kind is None or kind == level
            if same_kind and (not rink or not place or rink == place):
                return True
        return False

    def rink_of(self, competition: str | None) -> str | None:
        """The reported rink of the kind of meet `competition` names, if there is one."""
        level = level_of(competition)
        places = {place for kind, place in self.meets if kind == level and place}
        if len(places) != 1:
            return None
        [place] = places
        return dict(self.rinks).get(place)


# Extraction counts a weekday ("zaterdag") or "gisteren" back from the article's day; an article
# dated only to its month is handed the month's first day, so those words land in the week
# before it (or on it, a day after at most).
COUNTED_BACK = (dt.timedelta(days=7), dt.timedelta(days=1))


def guessed_day(race_date: dt.date | None, published: dt.date, *, month_only: bool) -> bool:
    """Whether a race day is a weekday counted back from the first day of the month an
    article is dated by, not a day its text gives: such a day is no race day (the result keeps
    the month's days, as one without a day does)."""
    if race_date is None or not month_only:
        return False
    first = published.replace(day=1)
    return first - COUNTED_BACK[0] <= race_date <= first + COUNTED_BACK[1]


def no_race_day(race_date: dt.date | None, published: dt.date, *, month_only: bool) -> bool:
    """Whether a day extraction gives a result cannot be its race day: a `guessed_day`, or a
    day after the article (its last day, for one dated by its month). A report tells races
    already skated; a later day in its sentence is another day the text names (the next
    meet, an announcement), carried onto the result: the day goes, the result stays."""
    if race_date is None:
        return False
    last = month_of(published)[1] if month_only else published
    return guessed_day(race_date, published, month_only=month_only) or (
        race_date > last + dt.timedelta(days=1)
    )


def known_race_days(
    facts: Mapping[str, Any], published: dt.date, *, month_only: bool
) -> dict[str, Any]:
    """An article's facts with the days `no_race_day` finds taken off its results and
    candidates (everything else as it was)."""

    def undated(fact: Mapping[str, Any]) -> dict[str, Any]:
        day = fact.get("race_date")
        when = dt.date.fromisoformat(day) if isinstance(day, str) and day else None
        if no_race_day(when, published, month_only=month_only):
            return {**fact, "race_date": None}
        return dict(fact)

    out = dict(facts)
    out["results"] = [undated(f) for f in facts.get("results", [])]
    candidates = facts.get("candidates")
    if isinstance(candidates, Mapping) and candidates.get("results"):
        out["candidates"] = {**candidates, "results": [undated(f) for f in candidates["results"]]}
    return out


def report_of(
    facts: Iterable[Mapping[str, Any]], published: dt.date, *, month_only: bool = False
) -> Report:
    """The meets an article reports: among its current (not earlier) results that name a
    kind of meet, the kind and rink named most; a rink-less kind counts for the rink its
    kind is named with most. A tie keeps all of the tied meets."""
    first, last = month_of(published) if month_only else (published, published)
    named: Counter[tuple[str | None, str]] = Counter()
    rinks: dict[str, str] = {}
    distances: set[tuple[str, str]] = set()
    history: set[tuple[str, int, str]] = set()
    games = olympics.bundled_games()
    for fact in facts:
        if fact.get("earlier") or fact.get("year"):
            dated = history_edition(fact)
            if dated is not None:
                history.add(dated)
            continue
        level = level_of(fact.get("competition"))
        if level is not None and fact.get("distance"):
            distances.add((level, fact["distance"]))
        if level == "olympics" and not any(g.reported_on(first, last) for g in games):
            continue  # Games of other years: named as history, whatever extraction thinks
        rink = city_key(fact.get("venue"))
        if level is None and not rink:
            continue
        named[(level, rink)] += 1
        if rink:
            rinks.setdefault(rink, fact["venue"])
    for (level, rink), count in list(named.items()):
        if rink:
            continue
        placed = [key for key in named if key[0] == level and key[1]]
        if placed:
            del named[(level, rink)]
            top = max(placed, key=lambda k: named[k])
            named[top] += count
    if not named:
        return Report(first, last, distances=frozenset(distances), history=frozenset(history))
    most = max(named.values())
    meets = frozenset(k for k, v in named.items() if v == most)
    return Report(
        first,
        last,
        meets,
        rinks=tuple(sorted(rinks.items())),
        distances=frozenset(distances),
        history=frozenset(history),
    )


def history_edition(fact: Mapping[str, Any]) -> tuple[str, int, str] | None:
    """(kind, year, distance) of a result of a championship the text dates by a year, or
    None for anything else."""
    level = level_of(fact.get("competition"))
    if level not in CHAMPIONSHIP_NAMES or not fact.get("distance"):
        return None
    year = fact.get("year")
    if not year:
        match = YEAR.search(fact.get("competition") or "")
        year = match.group() if match else None
    return (level, int(year), str(fact["distance"])) if year else None


def edition_year(level: str | None, season: int) -> int | None:
    """The calendar year a kind of meet held once a season is skated in during the season
    starting in `season`, when its months fall in one year (a WK in January to March of
    `season + 1`); None when they span New Year (an NK may be in December or January)."""
    months = SEASON_MONTHS.get(level or "")
    if not months or level not in ONCE_A_SEASON:
        return None
    years = {season if month >= 7 else season + 1 for month in months}
    return years.pop() if len(years) == 1 else None


def season_opens(level: str | None, year: int) -> dt.date:
    """The first day a meet of `level` can be skated in `year` (its first season month)."""
    months = SEASON_MONTHS.get(level or "") or frozenset({1})
    return dt.date(year, min(months), 1)


def in_season(level: str | None, first: dt.date, last: dt.date) -> bool:
    """Whether a meet of `level` can have been skated on a day from `first` minus the days
    reports follow a meet up to `last`."""
    months = SEASON_MONTHS.get(level or "")
    if months is None:
        return True
    day = first - REPORTED_WITHIN
    while day <= last:
        if day.month in months:
            return True
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return False


def same_meet(
    meet: CompetitionRow,
    *,
    level: str | None,
    competition: str | None,
    venue: str | None,
    first: dt.date,
    last: dt.date,
) -> bool:
    """Whether a news meet is the one a result names: the same kind (and championship), the
    same rink (a result that names none takes the only one), the same season, and for meets
    held more than once a season (World Cups) days close to the result's."""
    if meet.level != level or meet.start_date is None:
        return False
    if venue and meet.city and city_key(meet.city) != city_key(venue):
        return False
    if level not in ONCE_A_SEASON and not (venue and meet.city):
        return False  # several a season: only the rink tells which
    wanted, found = format_of(competition), format_of(meet.name)
    if wanted and found and wanted != found:
        return False
    end = meet.end_date or meet.start_date
    if level in ONCE_A_SEASON:
        return season_of(meet.start_date) == season_of(last) or season_of(end) == season_of(first)
    return meet.start_date - MERGE_GAP <= last and first <= end + MERGE_GAP


# Every meet `same_meet` can accept lies near a result's days: a meet held once a season
# within the same season (July to June: at most a year from any day of it), any other within
# MERGE_GAP days. Reading only the news meets overlapping those days (`candidate_days`)
# leaves the choice as it was, and the meets read stop growing with the knowledge base.
WITHIN_A_SEASON = dt.timedelta(days=366)


def candidate_days(level: str | None, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """Days every news meet of `level` that `same_meet` accepts for `first`..`last` overlaps
    (a superset: the rule itself still decides)."""
    span = WITHIN_A_SEASON if level in ONCE_A_SEASON else MERGE_GAP
    return min(first, last) - span, max(first, last) + span


def news_meet_for(
    meets: Sequence[CompetitionRow],
    *,
    competition: str | None,
    venue: str | None,
    first: dt.date,
    last: dt.date,
) -> CompetitionRow | None:
    """The one news meet a result names (see `same_meet`); none, or several a result without
    a rink could mean, gives None."""
    level = level_of(competition)
    found = [
        m
        for m in meets
        if m.origin == "news"
        and same_meet(m, level=level, competition=competition, venue=venue, first=first, last=last)
    ]
    if len({city_key(m.city) for m in found if m.city}) > 1 and venue is None:
        return None
    # The meet at the rink named before one that did not know its rink yet.
    return min(found, key=lambda m: (not m.city, m.id)) if found else None


def history_meet(
    meets: Sequence[CompetitionRow], *, competition: str | None, venue: str | None, year: int
) -> CompetitionRow | None:
    """The known meet an earlier result names by kind, year (and rink, if it names one): only
    when exactly one fits; an earlier meet nothing else knows is kept as a mention."""
    level = level_of(competition)
    wanted = format_of(competition)
    found = []
    for meet in meets:
        if meet.level is None or level is None or meet.start_date is None:
            continue
        if not fits_level(level, meet):
            continue  # a "WK" of a year is no World Cup of that year
        end = meet.end_date or meet.start_date
        if year not in (meet.start_date.year, end.year):
            continue
        if venue and city_key(meet.city) != city_key(venue):
            continue
        form = format_of(meet.name)
        if wanted and form and wanted != form:
            continue
        found.append(meet)
    return found[0] if len(found) == 1 else None


# How the news names each championship, for one name and one meet per championship.
CHAMPIONSHIP_NAMES = {"world": "WK", "european": "EK", "national": "NK"}
FORMAT_NAMES = {"distances": "afstanden", "allround": "allround", "sprint": "sprint"}


def championship_name(competition: str | None) -> str | None:
    """ "WK afstanden", "EK sprint", "NK allround" for a championship the text names with its
    kind and format (the one meet of that name a season has); None for anything else ("WK"
    alone may be either of two championships, a World Cup is one of several)."""
    level, form = level_of(competition), format_of(competition)
    if level not in CHAMPIONSHIP_NAMES or form is None:
        return None
    return f"{CHAMPIONSHIP_NAMES[level]} {FORMAT_NAMES[form]}"


def undated_championship(
    meets: Sequence[CompetitionRow],
    *,
    competition: str | None,
    venue: str | None,
    first: dt.date,
    last: dt.date,
) -> CompetitionRow | None:
    """The undated meet history made of the championship a report now dates ("WK afstanden
    2021" named as history before a report of it came in): one meet, not two."""
    level, wanted = level_of(competition), format_of(competition)
    if level not in CHAMPIONSHIP_NAMES:
        return None
    for meet in meets:
        named = YEAR.search(meet.name)
        if meet.start_date is not None or meet.level != level or named is None:
            continue
        if int(named.group()) not in (first.year, last.year):
            continue
        if venue and meet.city and city_key(meet.city) != city_key(venue):
            continue
        found = format_of(meet.name)
        if wanted and found and wanted != found:
            continue
        return meet
    return None
