"""What a new mark does to the record book: pure decisions, the store applies them.

A record is only ever superseded, never overwritten, so the book keeps its history; a claim
the known marks contradict is kept as disputed beside the record it contradicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

# Records the knowledge base keeps per scope: the world's, each rink's, each country's,
# the Games'. Personal bests follow from results instead (see `book.personal_bests`).
KEPT_KINDS = ("world", "track", "national", "olympic")
TOLERANCE = 0.005  # times are kept to the hundredth


class Verdict(Enum):
    NEW = "new"  # nothing known yet: the mark is the record
    IMPROVES = "improves"  # faster than the record: it supersedes it
    SAME = "same"  # the record itself, told again
    HISTORIC = "historic"  # a mark the book has as superseded
    OLDER = "older"  # slower, said to be broken: history the book did not know
    DISPUTED = "disputed"  # said to be the record, but the known record is faster
    SLOWER = "slower"  # a result that is simply not a record


@dataclass(frozen=True)
class Mark:
    id: int
    seconds: float | None


def judge(
    seconds: float,
    current: Mark | None,
    history: Sequence[Mark],
    claim: str | None,
) -> Verdict:
    """`claim` is what a source says about the mark: "set", "existing", "broken", or None for
    a plain result (which becomes a record only by being faster)."""
    if current is None or current.seconds is None:
        return Verdict.NEW if claim in {"set", "existing"} else Verdict.SLOWER
    if abs(seconds - current.seconds) <= TOLERANCE:
        return Verdict.SAME
    if seconds < current.seconds:
        return Verdict.IMPROVES
    if any(m.seconds is not None and abs(m.seconds - seconds) <= TOLERANCE for m in history):
        return Verdict.HISTORIC
    if claim == "broken":
        return Verdict.OLDER
    if claim in {"set", "existing"}:
        return Verdict.DISPUTED
    return Verdict.SLOWER


def scope_of(kind: str, venue: str | None, country: str | None) -> str | None:
    """Where a record holds: a rink's city, a country, or everywhere (""). None when the
    fact does not say enough to place it (a track record without a rink)."""
    if kind == "track":
        return venue
    if kind == "national":
        return country
    if kind in {"world", "olympic"}:
        return ""
    return None
