"""When a relative time expression points: "vorig seizoen", "last winter", "twee weken
geleden", "bij de vorige Spelen", counted from the article's date. Pure.

Why: a result the article mentions from an earlier meet is filed under that meet only when
its year is known (knowledge/meet_rules.history_meet matches the meet's calendar year).
"in 2019" names it; "vorig seizoen" only names it once counted back from the article's date,
and left uncounted the result stayed a mention. A skating season runs July to June (season
2025-26 is July 2025 to June 2026), so a season names a meet's calendar year only through
the kind of meet: a world or European championship and the Winter Games are skated in the
season's second calendar year (January to March); a World Cup season spans both years, and a
national championship may be skated in October or December, so for those a season alone
leaves the year unknown. Anything unclear (a "vorig seizoen" written in May, when the season
just ended may be meant) resolves to nothing: a wrong year files a result under a wrong meet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from schaatsradar.extract import context_lead

__all__ = ["RELATIVE", "Back", "meet_year", "resolve", "season_of"]


@dataclass(frozen=True)
class Back:
    """Where an expression points: the season (named by its first calendar year), and the
    calendar year and month when the expression fixes them; `games` when it names the Winter
    Games of that year."""

    season: int | None
    year: int | None = None
    month: int | None = None
    games: bool = False


_COUNT = (
    r"(?:een|één|one|a|twee|two|drie|three|vier|four|vijf|five|zes|six|zeven|seven|acht|"
    r"eight|negen|nine|tien|ten|elf|eleven|twaalf|twelve|\d{1,2})"
)
_NUMBERS = {
    "een": 1, "één": 1, "one": 1, "a": 1, "twee": 2, "two": 2, "drie": 3, "three": 3,
    "vier": 4, "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7,
    "acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10, "elf": 11,
    "eleven": 11, "twaalf": 12, "twelve": 12,
}  # fmt: skip

# Each alternative is named by what it counts; the resolver reads the group that matched.
RELATIVE = re.compile(
    r"\b(?:"
    r"(?P<prev_season>(?:het\s+)?vorig(?:e)?\s+seizoen|last\s+season|the\s+previous\s+season)"
    r"|(?P<past_season>(?:het\s+)?afgelopen\s+seizoen|this\s+past\s+season)"
    rf"|(?P<seasons_ago>{_COUNT})\s+(?:seizoenen|seizoen|seasons?)\s+(?:geleden|ago)"
    r"|(?P<prev_winter>vorige\s+winter|the\s+previous\s+winter)"
    r"|(?P<past_winter>(?:de\s+)?afgelopen\s+winter|last\s+winter|this\s+past\s+winter)"
    r"|(?P<prev_year>vorig\s+jaar|last\s+year|the\s+previous\s+year)"
    rf"|(?P<years_ago>{_COUNT})\s+(?:jaar|years?)\s+(?:geleden|ago)"
    r"|(?P<prev_month>vorige\s+maand|last\s+month)"
    rf"|(?P<months_ago>{_COUNT})\s+(?:maanden|maand|months?)\s+(?:geleden|ago)"
    r"|(?P<prev_week>vorige\s+week|last\s+week)"
    rf"|(?P<weeks_ago>{_COUNT})\s+(?:weken|week|weeks?)\s+(?:geleden|ago)"
    r"|(?P<prev_games>(?:de\s+|the\s+)?(?:vorige|previous|last)\s+(?:olympische\s+|winter\s+)?"
    r"(?:spelen|games|olympics|winterspelen))"
    r")\b",
    re.IGNORECASE,
)


_PREPOSITION = re.compile(r"^(?:bij|op|in|tijdens|at|during)\s+", re.IGNORECASE)


def season_of(day: dt.date) -> int:
    """The season a day falls in, by its first calendar year (July to June)."""
    return day.year if day.month >= 7 else day.year - 1


def _count(word: str) -> int | None:
    low = word.casefold()
    return int(low) if low.isdigit() else _NUMBERS.get(low)


def _days_back(article_date: dt.date, days: int) -> Back:
    day = article_date - dt.timedelta(days=days)
    return Back(season_of(day), day.year, day.month)


def _months_back(article_date: dt.date, months: int) -> Back:
    index = article_date.year * 12 + article_date.month - 1 - months
    year, month = divmod(index, 12)
    day = dt.date(year, month + 1, 1)
    return Back(season_of(day), year, month + 1)


def _previous_games(article_date: dt.date) -> int | None:
    """The Winter Games before the article's: those of its own year when written in
    January to March around them are counted as current; later in a Games year "the last
    Games" may be those just held or the ones before, so nothing."""
    year = article_date.year
    if year % 4 == 2:  # a Winter Games year (1994, 1998, ..., 2026)
        return year - 4 if article_date.month <= 3 else None
    return year - (year - 2) % 4


def resolve(expression: str, article_date: dt.date) -> Back | None:
    """Where `expression` (a relative time expression, as `RELATIVE` finds them) points from
    an article written on `article_date`; None when it is not one or is unclear."""
    match = RELATIVE.fullmatch(_PREPOSITION.sub("", expression.strip()))
    if match is None:
        return None
    kind = match.lastgroup
    season = season_of(article_date)
    off_season = article_date.month in (4, 5, 6)  # the season just ended or the one before?
    if kind == "prev_season":
        return None if off_season else Back(season - 1)
    if kind == "past_season":
        if article_date.month == 4:
            return None  # the season may still be ending
        return Back(season) if off_season else Back(season - 1)
    if kind == "seasons_ago":
        count = _count(match.group(kind))
        return None if count is None or off_season else Back(season - count)
    if kind == "prev_winter":
        return None if off_season else Back(season - 1)
    if kind == "past_winter":
        return Back(season) if off_season else Back(season - 1)
    if kind == "prev_year":
        return Back(None, article_date.year - 1)
    if kind == "years_ago":
        count = _count(match.group(kind))
        if count is None:
            return None
        return Back(None, article_date.year - count)
    if kind == "prev_month":
        return _months_back(article_date, 1)
    if kind == "months_ago":
        count = _count(match.group(kind))
        return None if count is None else _months_back(article_date, count)
    if kind == "prev_week":
        return _days_back(article_date, 7)
    if kind == "weeks_ago":
        count = _count(match.group(kind))
        return None if count is None else _days_back(article_date, 7 * count)
    if kind == "prev_games":
        games = _previous_games(article_date)
        return None if games is None else Back(games - 1, games, 2, games=True)
    return None


# Meets skated in January to March of a season's second calendar year (a World Cup season
# spans both years; a national championship may fall in either; an Olympic qualifier is
# skated before the Games, in the first).
_SECOND_YEAR_KINDS = frozenset({"world", "european", "olympics"})
_FIRST_YEAR_NAMES = re.compile(r"\b(?:okt|qualif\w*|kwalificatie\w*)", re.IGNORECASE)


def meet_year(back: Back, competition: str | None) -> int | None:
    """The calendar year of the meet of kind `competition` that `back` points to: the year
    the expression fixes (a year, a month, a week), else, for a season, the second calendar
    year for a world or European championship or the Games, and nothing for any other kind."""
    if back.year is not None:
        return back.year
    if back.season is None or competition is None or _FIRST_YEAR_NAMES.search(competition):
        return None
    if context_lead.kind_of(competition) in _SECOND_YEAR_KINDS:
        return back.season + 1
    return None
