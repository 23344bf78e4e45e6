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
    country: str | None = None  # IOC code of the rink's country, when known


# Cities with a 400 m oval or a short-track venue that meets are held at, beyond the rinks of
# the reference file (which carries altitude and sources): a report from Minsk or Montreal
# names its venue just the same. City as the press writes it in English, then other spellings.
MORE_SKATING_CITIES: tuple[tuple[str, ...], ...] = (
    ("BLR", "Minsk"), ("CAN", "Montreal", "Montréal"), ("NED", "Amsterdam"),
    ("ITA", "Collalbo", "Klobenstein"), ("RUS", "Sochi", "Sotsji", "Adler"),
    ("CAN", "Vancouver", "Richmond Olympic Oval"), ("CHN", "Harbin"), ("KOR", "Seoul"),
    ("USA", "Lake Placid"), ("SUI", "Davos"), ("KAZ", "Almaty", "Alma-Ata", "Medeu"),
    ("RUS", "Chelyabinsk", "Tsjeljabinsk"), ("JPN", "Sapporo"), ("NOR", "Oslo"),
    ("NOR", "Lillehammer"), ("NOR", "Trondheim"), ("AUT", "Innsbruck"),
    ("ITA", "Baselga di Pinè", "Baselga di Pine"), ("SWE", "Gothenburg", "Göteborg"),
    ("GER", "Dresden"), ("RUS", "Moscow", "Moskou"), ("JPN", "Tomakomai"), ("JPN", "Kushiro"),
    ("NED", "Groningen"), ("NED", "Enschede"), ("NED", "Alkmaar"), ("NED", "The Hague", "Den Haag"),
    ("NED", "Deventer"), ("NED", "Hoorn"), ("NED", "Leeuwarden"), ("NED", "Dordrecht"),
    ("NED", "Eindhoven"), ("NED", "Utrecht"), ("NED", "Breda"), ("NED", "Haarlem"),
    ("NED", "Tilburg"), ("NED", "Assen"), ("NED", "Nijmegen"), ("RUS", "Kolomna"),
)  # fmt: skip


@cache
def _automaton(registry: Registry) -> ahocorasick.Automaton:
    """Every rink, city and alias in one Aho-Corasick automaton over lower-cased text: one
    pass whatever the text holds (a regex alternation of the names tried every position)."""
    automaton = ahocorasick.Automaton()
    known = {lowered(n) for v in registry.venues for n in (v.city, v.rink, *v.aliases) if n}
    for country, *names in MORE_SKATING_CITIES if registry.venues else ():
        for name in names:
            if lowered(name) not in known:
                automaton.add_word(lowered(name), (len(name), names[0], country))
    for venue in registry.venues:
        for name in (venue.city, venue.rink, *venue.aliases):
            if name and len(name) > 2:
                automaton.add_word(lowered(name), (len(name), venue.city, venue.country or None))
    automaton.make_automaton()
    return automaton


def find_venues(text: str, registry: Registry) -> list[VenueMention]:
    automaton = _automaton(registry)
    found: dict[int, VenueMention] = {}
    for last, (length, city, country) in automaton.iter(lowered(text)):
        start, end = last - length + 1, last + 1
        if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        if not text[start].isupper():
            continue  # "inzell" in a URL or a lower-case word is not the rink
        known = found.get(start)
        if known is None or known.end < end:  # the longest name at a position wins
            found[start] = VenueMention(start, end, city, country)
    kept: list[VenueMention] = []
    for mention in sorted(found.values(), key=lambda m: m.start):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept
