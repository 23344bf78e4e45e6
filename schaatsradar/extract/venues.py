"""Rinks and their cities in the text ("in Inzell", "in Thialf", "het Vikingskipet in Hamar"),
reported as the city the press uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ahocorasick

from schaatsradar.extract.registry import Registry
from schaatsradar.extract.scanning import lowered


@dataclass(frozen=True)
class VenueMention:
    start: int
    end: int
    city: str


@cache
def _automaton(registry: Registry) -> ahocorasick.Automaton:
    """Every rink, city and alias in one Aho-Corasick automaton over lower-cased text: one
    pass whatever the text holds (a regex alternation of the names tried every position)."""
    automaton = ahocorasick.Automaton()
    for venue in registry.venues:
        for name in (venue.city, venue.rink, *venue.aliases):
            if name and len(name) > 2:
                automaton.add_word(lowered(name), (len(name), venue.city))
    automaton.make_automaton()
    return automaton


def find_venues(text: str, registry: Registry) -> list[VenueMention]:
    automaton = _automaton(registry)
    found: dict[int, VenueMention] = {}
    for last, (length, city) in automaton.iter(lowered(text)):
        start, end = last - length + 1, last + 1
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        if not text[start].isupper():
            continue  # "inzell" in a URL or a lower-case word is not the rink
        known = found.get(start)
        if known is None or known.end < end:  # the longest name at a position wins
            found[start] = VenueMention(start, end, city)
    kept: list[VenueMention] = []
    for mention in sorted(found.values(), key=lambda m: m.start):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept
