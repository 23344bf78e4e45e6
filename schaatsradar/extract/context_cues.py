"""The competition, gender and day cues of a text, as one sorted list of mentions.

Why together: the sentence reader carries all three forward from sentence to sentence, and a
stretch of text is one cue at most ("WK sprint" is a competition, not also a distance word
read as a gender or a day), so they are found and de-overlapped in one go.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from schaatsradar.extract.competitions import find_competitions
from schaatsradar.extract.days import find_days
from schaatsradar.extract.genders import find_genders
from schaatsradar.extract.scanning import dedupe

__all__ = ["ContextKind", "ContextMention", "find_context"]

ContextKind = Literal["competition", "gender", "day"]


@dataclass(frozen=True)
class ContextMention:
    """A competition, gender or day cue; `value` is normalised (see `find_context`)."""

    start: int
    end: int
    kind: ContextKind
    value: str


def find_context(text: str) -> list[ContextMention]:
    """Competition, gender and day cues in `text`.

    Values are normalised so the later stages can compare them: competitions as in the gold
    files ("World Cup", "WK afstanden", "Olympic Games", "OKT", ...; a bare "WK" is "World
    Championships"), genders "women"/"men"/"mixed", and days as "saturday" (a weekday),
    "today", "yesterday", "day_before_yesterday", "day_earlier"/"day_later" (relative to the
    day the sentence is about), "YYYY-MM-DD" or "--MM-DD" (a date without a year). Use
    `days.resolve_day` to turn a day value into a date.
    """
    found = [ContextMention(s, e, "competition", v) for s, e, v in find_competitions(text)]
    found += [ContextMention(s, e, "gender", v) for s, e, v in find_genders(text)]
    found += [ContextMention(s, e, "day", v) for s, e, v in find_days(text)]
    return dedupe(found)
