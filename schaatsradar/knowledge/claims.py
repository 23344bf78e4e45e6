"""Which value a result takes when its sources disagree.

An official list outranks the news. Among news sources, the value told by more independent
sources wins (a wire story republished on ten sites is one source: its near-duplicate
cluster); on a tie the earliest claim stands, so a later report cannot flip a settled value.
Disagreement is never thrown away: the result is marked disputed and every claim is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    id: int
    cluster: str
    official: bool
    seconds: float | None
    rank: int | None


@dataclass(frozen=True)
class Settled:
    seconds: float | None
    rank: int | None
    disputed: bool
    official: bool


def settle(claims: Sequence[Claim]) -> Settled:
    official = [c for c in claims if c.official]
    pool = official or claims
    seconds = _winner([(c.id, c.cluster, _hundredths(c.seconds)) for c in pool])
    rank = _winner([(c.id, c.cluster, c.rank) for c in pool])
    disputed = (
        len({_hundredths(c.seconds) for c in claims if c.seconds is not None}) > 1
        or len({c.rank for c in claims if c.rank is not None}) > 1
    )
    return Settled(
        seconds=seconds / 100 if seconds is not None else None,
        rank=rank,
        disputed=disputed,
        official=bool(official),
    )


def _hundredths(seconds: float | None) -> int | None:
    return round(seconds * 100) if seconds is not None else None


def _winner(values: Sequence[tuple[int, str, int | None]]) -> int | None:
    """The value with the most independent sources; ties go to the earliest claim."""
    clusters: dict[int, set[str]] = defaultdict(set)
    first: dict[int, int] = {}
    for claim_id, cluster, value in values:
        if value is None:
            continue
        clusters[value].add(cluster)
        first[value] = min(first.get(value, claim_id), claim_id)
    if not clusters:
        return None
    return min(clusters, key=lambda v: (-len(clusters[v]), first[v]))
