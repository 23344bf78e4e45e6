"""Skating seasons: 1 July to 30 June, named "2026-27". Pure; the day comes from the caller's
clock, so the site, the CLI and the API all move to the next season on 1 July by themselves
(and tests pin the day instead of depending on it)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_NAME = re.compile(r"^\s*(\d{4})\s*(?:[-/]\s*(\d{2}|\d{4}))?\s*$")


@dataclass(frozen=True, order=True)
class Season:
    """The season that starts in July of `year` (2026 for 2026-27)."""

    year: int

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, 7, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year + 1, 6, 30)

    @property
    def name(self) -> str:
        """ "2026-27", as fans and federations write it."""
        return f"{self.year}-{(self.year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.name

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    @property
    def previous(self) -> Season:
        return Season(self.year - 1)


def season_of(day: dt.date) -> Season:
    """The season `day` falls in: 2026-12-07 and 2027-03-01 are both in 2026-27."""
    return Season(day.year if day.month >= 7 else day.year - 1)


def parse_season(text: str) -> Season:
    """ "2026-27", "2026/27", "2026-2027" or "2026" (the year it starts); ValueError for
    anything else, or for a second year that does not follow the first."""
    match = _NAME.match(text)
    if match is None:
        raise ValueError(f"not a season: {text!r} (expected e.g. 2026-27)")
    year = int(match.group(1))
    second = match.group(2)
    if second is not None:
        following = year + 1 if len(second) == 4 else (year + 1) % 100
        if int(second) != following:
            raise ValueError(f"not a season: {text!r} (the second year must follow the first)")
    return Season(year)
