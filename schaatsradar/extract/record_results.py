"""A record set in the race reported is also that skater's result (issue 11, recall).

Why: "Stolz begon met een baanrecord van 34,10 op de 500 meter", "set a track record of
1:41.78 in the 1500m": the record's time is the time the skater skated in that race. The
confidence model judges a place-less time by how it is tied to its name ("klokte", "finished
in"); a record phrase ties it as firmly, but the model has too few of them to learn that. So a
result the model left among the candidates becomes a result when a record it is sure of, set
(not broken, not standing) by the same skater on the same distance, holds the same time.
"""

from __future__ import annotations

from dataclasses import replace

from schaatsradar.extract.types import TEAM_DISTANCES, Facts, Record, Result

__all__ = ["record_times_as_results"]


def record_times_as_results(facts: Facts) -> Facts:
    """`facts` with each candidate result that a confident set record vouches for moved to
    the results (order kept), at the record's confidence if that is higher."""
    records = [r for r in facts.records if r.status == "set" and r.seconds is not None]
    if not records or not facts.candidate_results:
        return facts
    promoted: list[Result] = []
    kept: list[Result] = []
    for result in facts.candidate_results:
        vouching = next((r for r in records if _vouches(r, result)), None)
        if vouching is None:
            kept.append(result)
        else:
            promoted.append(replace(result, confidence=max(result.confidence, vouching.confidence)))
    if not promoted:
        return facts
    return replace(
        facts,
        results=[*facts.results, *promoted],
        candidate_results=kept,
    )


def _vouches(record: Record, result: Result) -> bool:
    return (
        not result.earlier
        # A season's recap ("lowered it to 1:05.12 in November") names no meet: not a result.
        and result.competition is not None
        and result.seconds is not None
        and record.seconds is not None
        and result.distance not in TEAM_DISTANCES
        and record.athlete == result.athlete
        and record.distance == result.distance
        and abs(record.seconds - result.seconds) < 0.005
        and (record.venue is None or result.venue is None or record.venue == result.venue)
    )
