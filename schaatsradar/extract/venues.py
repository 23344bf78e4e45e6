"""Rinks and their cities in the text ("in Inzell", "in Thialf", "het Vikingskipet in Hamar"),
reported as the city the press uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from schaatsradar.extract.registry import Registry


@dataclass(frozen=True)
class VenueMention:
    start: int
    end: int
    city: str


@cache
def _pattern(registry: Registry) -> tuple[re.Pattern[str], dict[str, str]]:
    city_by_name: dict[str, str] = {}
    for venue in registry.venues:
        for name in (venue.city, venue.rink, *venue.aliases):
            if name and len(name) > 2:
                city_by_name[name.casefold()] = venue.city
    names = sorted(city_by_name, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE
    )
    return pattern, city_by_name


def find_venues(text: str, registry: Registry) -> list[VenueMention]:
    pattern, city_by_name = _pattern(registry)
    return [
        VenueMention(m.start(), m.end(), city_by_name[m.group().casefold()])
        for m in pattern.finditer(text)
        if m.group()[0].isupper()  # "inzell" in a URL or a lower-case word is not the rink
    ]
