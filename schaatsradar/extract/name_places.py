"""Where a run of capitalised words stops being a name: "won Beune in de Max Aicher Arena".

Dutch names carry weak particles ("Sanne in 't Hof"), so the name finder lets "in de" join a
run of capitals; but "in"/"op" before a rink, an event or an organisation is a preposition,
and the run is the name before it. Kept apart from `names` so that file stays readable whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from schaatsradar.extract.name_text import _WEAK_PARTICLES, _Token
from schaatsradar.extract.name_words import _EVENTS_ORGS
from schaatsradar.extract.registry import Registry

__all__ = ["place_cut"]


def place_cut(tokens: Sequence[_Token], run: list[int], registry: Registry) -> list[int]:
    """`run` up to a weak particle that opens a place or a thing, else `run` whole."""
    weak = next((i for i, k in enumerate(run) if i and tokens[k].lower in _WEAK_PARTICLES), 0)
    if not weak:
        return run
    tail = [k for k in run[weak:] if not tokens[k].info.particle]
    after = tail[-1] + 1 if tail else run[-1] + 1
    words = [tokens[k] for k in tail]
    if after < len(tokens) and tokens[after].joined:
        words.append(tokens[after])  # "Aicher Arena": the thing's word may close the run
    parts = [p for k in tail for p in tokens[k].parts]
    thing = registry.contains_venue(parts) or any(t.lower in _EVENTS_ORGS for t in words)
    return run[:weak] if thing else run
