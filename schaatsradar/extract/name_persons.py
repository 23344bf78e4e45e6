"""The people the skater-name finder meets in one article: each with every place the article
names them, how (full name, alias, surname, misspelling, unknown name, reference), whether they
are ever named with a role (coach, analyst, ...) and whether they count as a skater here.

Why a module of its own: the finder (`names`) collects these records and the reference
resolution (`name_references`) reads them; both import them from here.
"""

from __future__ import annotations

import bisect
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
