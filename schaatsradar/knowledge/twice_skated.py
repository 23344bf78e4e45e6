"""Two winners of one distance in one report of a meet that skates it twice are the two races.

Why: a World Cup skates the 500 m twice (and its calendar may say "500m (x2)"); a report
without days ("zaterdag won Kok, zondag Jackson" in an article dated only by its month, or no
day at all) gives each race a winner. Filed as one race, the second winner put both in
conflict and neither was shown. One article naming two winners of a distance it knows is
skated twice tells the two races; two articles disagreeing on the winner stay a conflict for
the sources to settle.
"""

from __future__ import annotations

from sqlalchemy import Connection

from schaatsradar.store import knowledge as kb


def other_winner_from(conn: Connection, race_id: int, athlete_key: str, source_key: str) -> bool:
    """Whether race `race_id`, where `athlete_key` has no result yet, has a winner that
    `source_key` (the article now read) named."""
    if kb.result_in(conn, race_id, athlete_key) is not None:
        return False
    return any(
        standing.rank == 1
        and any(c.source_key == source_key and c.rank == 1 for c in kb.claims(conn, standing.id))
        for standing in kb.standings(conn, race_id)
    )
