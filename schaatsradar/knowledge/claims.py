"""Which value a result takes when its sources disagree, and whether it is confirmed.

An official list outranks the news. Among news sources, the value told by more independent
sources wins (a wire story republished on ten sites is one source: its near-duplicate
cluster); on a tie the earliest claim stands, so a later report cannot flip a settled value.
Disagreement is never thrown away: the result is marked disputed and every claim is kept.

A claim extraction was unsure of (a candidate) does not make a result on its own word: the
result is confirmed by a stated claim, by an official list, or by candidate claims of two
independent sources that give the same value. Stated claims outrank candidates the way an
official list outranks the news, so an unsure reading never moves or disputes a stated one.
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
    candidate: bool = False


@dataclass(frozen=True)
class Settled:
    seconds: float | None
    rank: int | None
    disputed: bool
    official: bool
    confirmed: bool = True


def settle(claims: Sequence[Claim]) -> Settled:
    official = [c for c in claims if c.official]
    stated = [c for c in claims if not c.candidate]
    pool = official or stated or list(claims)
    seconds = _winner([(c.id, c.cluster, _hundredths(c.seconds)) for c in pool])
    rank = _winner([(c.id, c.cluster, c.rank) for c in pool])
    weighed = stated or list(claims)
    disputed = (
        len({_hundredths(c.seconds) for c in weighed if c.seconds is not None}) > 1
        or len({c.rank for c in weighed if c.rank is not None}) > 1
    )
    return Settled(
        seconds=seconds / 100 if seconds is not None else None,
        rank=rank,
        disputed=disputed,
        official=bool(official),
        confirmed=bool(official or stated) or _corroborated(pool, seconds, rank),
    )


def _corroborated(candidates: Sequence[Claim], seconds: int | None, rank: int | None) -> bool:
    """Two independent sources give the settled time, or the settled rank, and neither of
    them contradicts the other part: an unsure reading another source repeats is no longer
    one extraction's guess."""
    agreeing = [
        c
        for c in candidates
        if (c.seconds is None or _hundredths(c.seconds) == seconds)
        and (c.rank is None or c.rank == rank)
    ]
    by_time = {c.cluster for c in agreeing if c.seconds is not None and seconds is not None}
    by_rank = {c.cluster for c in agreeing if c.rank is not None and rank is not None}
    return len(by_time) >= 2 or len(by_rank) >= 2


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
