"""A time told in passing as a career mark, inside a relative clause (issue 11, class 3).

Why: "Jenning de Boo, die al eens 33,70 reed, kwam tot 33,91", "Stolz, who has once clocked
33.69, finished in 33.85": the time in the aside is what the skater did some other day, and the
skater's result of this race is the time of the main clause. Left as a time of the sentence,
the aside's number stood nearest the name and took the place the main clause gave.
"""

from __future__ import annotations

from collections.abc import Sequence

from schaatsradar.extract.scanning import blind
from schaatsradar.extract.times import TimeMention

__all__ = ["career_marks"]

# A relative clause that looks back over a career, up to its closing comma, bracket or dash:
# "die al eens", "die ooit al", "die eerder al", "who has once", "who had previously", "who
# once clocked". Not "die zaterdag", "who clocked": those state this race.
_CAREER_ASIDE = blind(
    r"\b(?:die|dat|who|which)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:al\s+(?:eens|ooit|eerder)|ooit\s+al|eerder\s+al|(?:has|have|had)\s+(?:once|previously)|"
    # A decimal comma ("33,70") does not close it.
    r"once|previously)\b(?:[^,;:()\u2013\u2014]|(?<=\d),(?=\d))*"
)


def career_marks(text: str, start: int, end: int, times: Sequence[TimeMention]) -> set[TimeMention]:
    """The times of the sentence `start`..`end` that stand in a career-mark relative clause:
    never a result of the race reported."""
    if not times:
        return set()
    asides = [m.span() for m in _CAREER_ASIDE.finditer(text, start, end)]
    return {t for t in times if any(a <= t.start and t.end <= b for a, b in asides)}
