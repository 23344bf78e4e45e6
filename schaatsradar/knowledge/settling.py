"""Settling a result and re-judging its race, in one step: whenever a claim about a result
comes in (an article, an official list, two skaters merged), the result's value is settled
from all its claims (`claims.settle`) and the whole race is judged again
(`race_outcome.judge`), since one new winner can put another result in conflict and an
official list can end one. What changed for readers is returned, so the caller can make
records of results now shown, withdraw those made from results now held, and announce a
result when it is first shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from schaatsradar.knowledge.claims import Claim, Settled, settle
from schaatsradar.knowledge.race_outcome import Standing, judge
from schaatsradar.store import knowledge as kb


@dataclass
class Changed:
    """Results of the race that readers now see and did not (`shown`), or no longer see
    (`held`). A result that is new and shown is in `shown`."""

    settled: Settled
    shown: list[int] = field(default_factory=list)
    held: list[int] = field(default_factory=list)
    held_as: str | None = None  # what the settled result itself is held as (None: shown)


def settle_and_judge(conn: Connection, race_id: int, result_id: int) -> Changed:
    """Settle `result_id` and judge its race again. (A result is made held, `add_claim`, and
    first shown here.)"""
    rows = kb.standings(conn, race_id)
    before = {row.id: row.held for row in rows}
    settled = _settled(conn, result_id)
    standings = []
    for row in rows:
        if row.id == result_id:
            standing = Standing(
                row.id, settled.seconds, settled.rank, settled.official, settled.confirmed
            )
        else:
            # Every other result of the race is weighed as its claims settle it now (they
            # are remembered within the transaction: no query per claim).
            own = _settled(conn, row.id)
            standing = Standing(row.id, row.seconds, row.rank, row.official, own.confirmed)
        standings.append(standing)
    verdict = judge(standings)
    kb.settle_result(
        conn,
        result_id,
        seconds=settled.seconds,
        rank=settled.rank,
        disputed=settled.disputed,
        official=settled.official,
        held=verdict[result_id],
    )
    changed = Changed(settled, held_as=verdict[result_id])
    for standing_id, held in verdict.items():
        if standing_id != result_id and before.get(standing_id) != held:
            kb.hold(conn, standing_id, held)
        was_shown = before.get(standing_id, "new") is None
        if held is None and not was_shown:
            changed.shown.append(standing_id)
        elif held is not None and was_shown:
            changed.held.append(standing_id)
    return changed


def _settled(conn: Connection, result_id: int) -> Settled:
    rows = kb.claims(conn, result_id)
    return settle(
        [Claim(c.id, c.cluster, c.official, c.seconds, c.rank, c.candidate) for c in rows]
    )
