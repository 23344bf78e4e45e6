"""A place said once for two races joined by "en"/"and" (issue 11, recall: a sentence shape).

Why: a reporter who tells a double writes the verb once: "Kok won de 500 meter in 37,10 en de
1000 meter in 1.14,20", "Stolz won the 500m in 33.90 and the 1000m in 1:06.10", "werd tweede
op de 3000 meter in 4.01,20 en op de 5000 meter in 6.55,10". The rules tie the place to the
first race only; the second, with its own time right after "en de 1000 meter in", shares it.
Only that tight shape carries: the second time must follow the first after nothing but "en"/
"and", an optional article or preposition and a distance (no other name, verb or place).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.times import TimeMention
from schaatsradar.extract.types import TEAM_DISTANCES, Result

__all__ = ["shared_places"]

# What may stand between the first time and the second: "en de 1000 meter in", "and the
# second 1000m in", "en op de 5000 meter met", "as well as the 1,500m in". A distance word
# is required (the race must be named), nothing else that could hold a name or a verb.
_JOINED = re.compile(
    r"\s*,?\s*(?:en|and|as\s+well\s+as)\s+(?:(?:ook|also|vervolgens|then)\s+)?"
    r"(?:(?:op|in|on|over)\s+)?(?:(?:de|het|the)\s+)?"
    r"(?:(?:eerste|tweede|first|second|afsluitende|closing|slotafstand)\s+)?"
    r"(?:\d{1,2}[.,]?\d{3}|500)\s?(?:m|meter|meters|metres?)?\s+"
    r"(?:(?:in|met|op|with|at)\s+)?(?:(?:een\s+tijd\s+van|a\s+time\s+of)\s+)?$",
    re.IGNORECASE,
)


def shared_places(text: str, times: Sequence[TimeMention], results: list[Result]) -> list[Result]:
    """`results` (one sentence's, whose written times are `times`), where a rankless timed
    result whose time follows a placed result's time of the same skater in the tight "… in T1
    en de D2 in T2" shape takes that place. Results dated to another year, team races and
    times written twice in the sentence are left alone."""
    shared = list(results)
    spans: dict[float, list[TimeMention]] = {}
    for mention in times:
        spans.setdefault(round(mention.seconds, 3), []).append(mention)
    for index, open_ in enumerate(results):
        if open_.rank is not None or open_.seconds is None or open_.earlier:
            continue
        second = spans.get(round(open_.seconds, 3), [])
        for placed in results:
            first = spans.get(round(placed.seconds or -1.0, 3), [])
            if (
                placed.rank is None
                or placed.earlier
                or len(first) != 1
                or len(second) != 1
                or placed.athlete != open_.athlete
                or placed.distance == open_.distance
                or placed.distance in TEAM_DISTANCES
                or open_.distance in TEAM_DISTANCES
            ):
                continue
            if first[0].end <= second[0].start and _JOINED.match(
                text[first[0].end : second[0].start]
            ):
                shared[index] = replace(open_, rank=placed.rank)
                break
    return shared
