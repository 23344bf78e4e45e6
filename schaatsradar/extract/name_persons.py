"""The people the skater-name finder meets in one article: each with every place the article
names them, how (full name, alias, surname, misspelling, unknown name, reference), whether they
are ever named with a role (coach, analyst, ...) and whether they count as a skater here.

Why a module of its own: the finder (`names`) collects these records and the reference
resolution (`name_references`) reads them; both import them from here. The mentions the
finder hands out (`NameMention`) are made here too.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from typing import Literal

from schaatsradar.extract.types import Skater

How = Literal["full", "alias", "surname", "fuzzy", "unknown", "reference"]


@dataclass
class _Mention:
    start: int
    end: int
    first_tok: int
    last_tok: int
    how: How
    full: bool  # named with given name and surname


@dataclass
class _Person:
    skater: Skater
    surname_keys: tuple[tuple[str, ...], ...]
    mentions: list[_Mention] = field(default_factory=list)
    role: bool = False  # named at least once with a non-skater role
    included: bool = False  # a skater in this article
    full_positions: list[int] = field(default_factory=list)  # sorted starts of full mentions

    def full_starts(self) -> list[int]:
        return self.full_positions

    def last_full_before(self, position: int) -> int | None:
        index = bisect.bisect_left(self.full_positions, position)
        return self.full_positions[index - 1] if index else None


@dataclass(frozen=True)
class NameMention:
    """One place where the article refers to a skater."""

    start: int
    end: int  # text[start:end] is exactly the words referring to the skater
    skater: Skater
    how: How


# Mentions in text order (a key read in C: a long list of names sorted by a lambda spent a
# twentieth of its time calling it).
_BY_SPAN = operator.attrgetter("start", "end")


def _name_mention(start: int, end: int, skater: Skater, how: How) -> NameMention:
    """`NameMention(start, end, skater, how)`, its fields set as its `__init__` sets them but
    without a frozen dataclass's `object.__setattr__` per field: a tenth of the time of a long
    list of names went to making its mentions."""
    made = object.__new__(NameMention)
    made.__dict__.update(start=start, end=end, skater=skater, how=how)
    return made


def _without_overlaps(mentions: list[NameMention]) -> list[NameMention]:
    """A word read both as a pronoun and as the start of a name ("Zij Aan" as a name) must
    not count twice: of overlapping mentions the longer one stays."""
    kept: list[NameMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept
