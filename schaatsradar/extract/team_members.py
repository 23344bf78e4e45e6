"""A team's field from the skaters named as its members: "Nederland won de
ploegenachtervolging. Joy Beune, Marijke Groenewoud en Antoinette Rijpma-de Jong ..." is the
women's race, though no sentence says "vrouwen".

Why a module of its own: the sentence reader knows a team by its country and words; who rode
for it is often told in the next sentence, and the registry knows those skaters' field.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.names import NameMention
from schaatsradar.extract.sentences import Sentence
from schaatsradar.extract.types import TEAM_DISTANCES, Result

__all__ = ["team_field_from_members"]


def team_field_from_members(
    results: Sequence[Result], sentences: Sequence[Sentence], names: Sequence[NameMention]
) -> list[Result]:
    """Team results without a field take the one of the skaters of the team's country
    named in the result's sentence or the next: at least two, all of one field, and no
    skater of that country of the other field there."""
    starts = [s.start for s in sentences]
    filled = []
    for result in results:
        if result.gender is None and result.distance in TEAM_DISTANCES and result.country:
            index = bisect.bisect_right(starts, result.evidence.start) - 1
            if index >= 0:
                lo = sentences[index].start
                hi = sentences[min(index + 1, len(sentences) - 1)].end
                members = {
                    n.skater
                    for n in names
                    if lo <= n.start < hi and n.skater.known and n.skater.country == result.country
                }
                fields = {m.gender for m in members}
                if len(members) >= 2 and len(fields) == 1 and None not in fields:
                    result = replace(result, gender=fields.pop())
        filled.append(result)
    return filled
