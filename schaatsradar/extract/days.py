"""Days a report names ("zaterdag", "gisteravond", "a day earlier", "13 maart", "March 8,
2020"), and the date each refers to.

Why relative to the article: reports date their races by the day of the week or "gisteren";
only with the article's date (and, for "een dag eerder", the date of the race the sentence is
about) do they become dates a result can carry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from schaatsradar.extract.lexicon import MONTHS
from schaatsradar.extract.name_text import QUOTES_SCAN
from schaatsradar.extract.scanning import Rx, dedupe, rx, trie, words

__all__ = ["FINAL_DAY", "find_days", "outside_report", "resolve_day", "story_day"]


_WEEKDAYS = {
    "maan": 0, "mon": 0, "dins": 1, "tues": 1, "woens": 2, "wednes": 2, "donder": 3,
    "thurs": 3, "vrij": 4, "fri": 4, "zater": 5, "satur": 5, "zon": 6, "sun": 6,
}  # fmt: skip
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WEEKDAY = rx(
    "dfmstvwz",
    r"(?i)\b(?P<d>maan|dins|woens|donder|vrij|zater|zon)dag(?:avond|middag|ochtend|morgen"
    r"|nacht)?\b|\b(?P<e>mon|tues|wednes|thurs|fri|satur|sun)day(?:\s(?:night|evening"
    r"|afternoon|morning))?\b",
    needles="dag day",
)
_DAY_RELATIVE: list[tuple[Rx, str]] = [
    (
        rx(
            "de", r"(?i)\beergisteren\b|\bday\sbefore\syesterday\b", needles="eergisteren yesterday"
        ),
        "day_before_yesterday",
    ),
    (
        rx(
            "gly",
            r"(?i)\bgister(?:en|avond|middag|ochtend|morgen|nacht)\b|\byesterday\b"
            r"|\blast\snight\b",
            needles="gister yesterday night",
        ),
        "yesterday",
    ),
    (
        rx(
            "tv",
            r"(?i)\bvandaag\b|\bvan(?:avond|middag|ochtend|morgen|nacht)\b|\btoday\b"
            r"|\btonight\b|\bthis\s(?:morning|afternoon|evening)\b",
            needles="vandaag van today tonight this",
        ),
        "today",
    ),
    (
        rx(
            "adet",
            r"(?i)\been\sdag\seerder\b|\bde\sdag\servoor\b|\ba\sday\searlier\b"
            r"|\bthe\sday\sbefore\b|\bthe\sprevious\sday\b",
            needles="dag day",
        ),
        "day_earlier",
    ),
    (
        rx(
            "adet",
            r"(?i)\been\sdag\slater\b|\bde\sdag\serna\b|\ba\sday\slater\b"
            r"|\bthe\snext\sday\b|\bthe\sfollowing\sday\b",
            needles="dag day",
        ),
        "day_later",
    ),
]
# The meet's last day, whatever its date: the knowledge base knows the meet's days, the text
# only says which of them ("op de slotdag", "on the final day").
FINAL_DAY = "final_day"
_DAY_FINAL = rx(
    "slot",
    r"(?i)\bslotdag\b|\blaatste\swedstrijddag\b|\bon\sthe\s(?:final|last|closing)\sday\b"
    r"|\bthe\s(?:final|closing)\sday\sof\s(?:the\s)?(?:competition|championships?|meet"
    r"|games|world\scup)\b",
    needles="slotdag wedstrijddag day",
)
_MONTH_RE = trie(MONTHS)
_DAY_DATE_DM = rx(
    "0123456789",
    rf"(?i)(?<![\w.,])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th|e|de|ste)?\s(?:of\s)?(?P<mon>{_MONTH_RE})"
    r"\b\.?(?:,?\s(?P<y>(?:19|20)[0-9]{2})\b)?",
)
_EN_MONTHS_MD = (
    trie(words("january february march april may june july august september october november"
                 " december"))
    + "|"
    + trie(words("jan feb mar apr aug sep sept oct nov dec"))
    + r"\."
)  # fmt: skip
_DAY_DATE_MD = rx(
    "adfjmnos",
    rf"(?i)\b(?P<mon>{_EN_MONTHS_MD})\s(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![\w.,][0-9])\b"
    r"(?:,?\s(?P<y>(?:19|20)[0-9]{2})\b)?",
)


def _date_value(day: str, month: str, year: str | None) -> str | None:
    d, mon = int(day), MONTHS[month.lower().rstrip(".")]
    try:
        dt.date(int(year) if year else 2000, mon, d)  # 2000 is a leap year: 29 Feb is valid
    except ValueError:
        return None
    return f"{year}-{mon:02d}-{d:02d}" if year else f"--{mon:02d}-{d:02d}"


@dataclass(frozen=True)
class _Day:
    start: int
    end: int
    value: str


def find_days(text: str) -> list[tuple[int, int, str]]:
    """(start, end, value) for every day cue in `text`, without overlaps. Values: a weekday
    ("saturday"), "today", "yesterday", "day_before_yesterday", "day_earlier"/"day_later"
    (relative to the day the sentence is about), "final_day" (the meet's last day, a day only
    the meet's own days date), "YYYY-MM-DD" or "--MM-DD" (a date without a year)."""
    found: list[_Day] = []
    for m in _DAY_WEEKDAY.finditer(text):
        key = (m.group("d") or m.group("e")).lower()
        found.append(_Day(m.start(), m.end(), _WEEKDAY_NAMES[_WEEKDAYS[key]]))
    for pattern, relative in _DAY_RELATIVE:
        for m in pattern.finditer(text):
            found.append(_Day(m.start(), m.end(), relative))
    for m in _DAY_FINAL.finditer(text):
        found.append(_Day(m.start(), m.end(), FINAL_DAY))
    for pattern in (_DAY_DATE_DM, _DAY_DATE_MD):
        for m in pattern.finditer(text):
            date = _date_value(m.group("d"), m.group("mon"), m.group("y"))
            if date is not None:
                found.append(_Day(m.start(), m.end(), date))
    return [(d.start, d.end, d.value) for d in dedupe(found)]


def resolve_day(value: str, article_date: dt.date) -> dt.date | None:
    """The date a day value (from `find_days`, or the raw words) refers to.

    Weekdays are the most recent such day on or before `article_date` (reports look back);
    "gisteren"/"yesterday" is the day before. A date without a year takes the year that puts it
    closest to `article_date`, so "4 januari" in a 30 December article is next month. For the
    relative "day_earlier"/"day_later" ("een dag eerder") pass the date of the race the sentence
    is about as `article_date`, when known. None when the value is not a day.
    """
    v = value.strip().lower()
    if v in _WEEKDAY_NAMES:
        back = (article_date.weekday() - _WEEKDAY_NAMES.index(v)) % 7
        return article_date - dt.timedelta(days=back)
    offsets = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "day_earlier": -1,
               "day_later": 1}  # fmt: skip
    if v in offsets:
        return article_date + dt.timedelta(days=offsets[v])
    full = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", v)
    if full:
        try:
            return dt.date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            return None
    partial = re.fullmatch(r"--([0-9]{2})-([0-9]{2})", v)
    if partial:
        options = []
        for year in (article_date.year - 1, article_date.year, article_date.year + 1):
            try:
                options.append(dt.date(year, int(partial[1]), int(partial[2])))
            except ValueError:
                continue
        return min(options, key=lambda d: abs((d - article_date).days)) if options else None
    # Raw words ("zaterdagavond", "gisteren", "13 maart"): read them first.
    days = find_days(value)
    if len(days) == 1 and days[0][2] != v:
        return resolve_day(days[0][2], article_date)
    return None


def _season(day: dt.date) -> int:
    """The skating season a day falls in, by the year it starts (July to June)."""
    return day.year if day.month >= 7 else day.year - 1


def outside_report(day: dt.date, article_date: dt.date) -> bool:
    """Whether a day a report names cannot be the day of a race it reports: one in an earlier
    season ("Haar oude baanrecord stond sinds 29 december 2013", "Op 18 maart 2006 reed
    Davis ...") is history, one well after the article ("de WK van 7 tot en met 10 februari")
    a meet still to come. Neither is the race day of the sentences after it."""
    return _season(day) < _season(article_date) or (day - article_date).days > 31


# Days counted from the moment of speaking: in a quote that is when the skater spoke or
# posted, which the report may quote a day or more later, so they do not date its races.
_SPEAKERS_DAYS = frozenset({"today", "yesterday", "day_before_yesterday"})
# Days counted from the day the preceding sentences are about ("een dag eerder").
_STORY_RELATIVE = frozenset({"day_earlier", "day_later"})


def _quoted(text: str, pos: int) -> bool:
    """Whether `pos` lies inside quoted speech (quotes never cross a line break)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    return any(m.start() <= pos < m.end() for m in QUOTES_SCAN.finditer(text, start, end))


def story_day(
    text: str, pos: int, value: str, current: dt.date | None, article_date: dt.date
) -> dt.date | None:
    """The day a day cue at `pos` moves the story to, `current` being the day it is on.

    "Een dag eerder" counts from the day the story is on ("Zondag werd ze tiende. Een dag
    eerder ..." is Saturday, whatever the article's date); "vandaag" inside a quote is the
    day the skater spoke, not one of the report's race days, so it moves nothing (None).
    """
    if value in _SPEAKERS_DAYS and _quoted(text, pos):
        return None
    base = current if value in _STORY_RELATIVE and current is not None else article_date
    return resolve_day(value, base)
