"""One skater's time and place told in two sentences: "Bosker kwam tot 6.23,71. Daarmee werd
hij elfde.", "Ze bleef steken op 7.10,35. Dat was goed voor de zesde plaats.", "Dubreuil clocked
34.50. That was good enough for fifth place."

Why: read sentence by sentence, the place of such a pair gets the distance its own sentence
carries (which an aside in between may have moved: "de wereldkampioen op de 10 kilometer") and
no time, and the time no place; two half facts, the one with the place often in the wrong race.
A place that follows a sentence with one time and nothing else, of the same skater, in a
sentence naming no distance, no other meet and no other year, is that time's place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.context import CLASSIFICATIONS
from schaatsradar.extract.types import TEAM_DISTANCES, Result, Span

__all__ = ["CONTINUATION", "join_place", "timed_alone"]

# A sentence that opens on what the one before it said: "Dat was goed voor", "Daarmee",
# "Hiermee", "Goed voor de zesde plaats", "Die tijd", "That was good for", "It earned her".
# Its subject is the previous sentence's timed skater when it names nobody itself.
CONTINUATION = re.compile(
    r"(?:Dat|Dit|Daarmee|Hiermee|Daardoor|Goed\s+voor|That|This|It|Good\s+(?:enough\s+)?for|"
    # "Die tijd was goed voor de tweede plaats", "Deze rit leverde haar brons op".
    r"(?:Die|Deze)\s+(?:[\w-]*tijd|rit|race|prestatie))"
    r"(?![\w-])"
)


def timed_alone(results: Sequence[Result]) -> Result | None:
    """The one result of a sentence when it is an individual time without a place, of the
    race being reported: what a place in the next sentence may complete."""
    if len(results) != 1:
        return None
    only = results[0]
    if (
        only.seconds is None
        or only.rank is not None
        or only.earlier
        or only.distance in TEAM_DISTANCES
        or only.distance in CLASSIFICATIONS
    ):
        return None
    return only


def join_place(
    text: str, previous: Result | None, result: Result, names_distance: bool
) -> Result | None:
    """`previous` (the sentence before's lone time) with `result`'s place, when `result` is
    a place without a time for the same skater and nothing in its sentence points at another
    race: no distance of its own, not the standings, not dated earlier, no other day or meet."""
    if previous is None or names_distance:
        return None
    if (
        result.athlete != previous.athlete
        or result.rank is None
        or result.seconds is not None
        or result.earlier
        or result.year is not None
        or result.distance in CLASSIFICATIONS
        or result.distance in TEAM_DISTANCES
    ):
        return None
    for field in ("race_date", "competition", "venue"):
        mine, theirs = getattr(result, field), getattr(previous, field)
        if mine is not None and theirs is not None and mine != theirs:
            return None
    if (
        result.competition is not None
        and previous.competition is not None
        and result.format_guessed != previous.format_guessed
    ):
        return None  # one meet's format stated, the other's guessed: read as two meets
    start, end = previous.evidence.start, max(previous.evidence.end, result.evidence.end)
    return replace(
        previous,
        rank=result.rank,
        gender=previous.gender or result.gender,
        evidence=Span(start, end, text[start:end]),
    )
