"""A record the article's own marks rule out: kept as a candidate, never as a record.

A record is the fastest mark of its kind. When an article calls a time a new (or the standing)
world record and, elsewhere, gives a faster world record over the same distance that stands or
was beaten ("Eitrem won in 6:04.12 ... his world record of 5:58.52"), the two cannot both be
true; the reading that made the slower time the record is the doubtful one (it is usually a
race time paired with a record word that spoke of the standing mark: "a winning time in a
story that merely mentions the world record"). Issue 11 puts doubtful record claims in
`candidates`: the knowledge base keeps them as unconfirmed claims, the record book does not
show them.

Which marks compare: kinds with one holder per distance and gender everywhere (world,
olympic, junior world) and the personal kinds of one skater (personal best, season's best).
Track, national, continental and championship records are per rink, country or meet: two of
them over one distance can both stand, so they are not compared here.
"""

from __future__ import annotations

from collections.abc import Sequence

from schaatsradar.extract.types import Record

__all__ = ["contradicted_sets"]

GLOBAL_KINDS = ("world", "olympic", "junior_world")
OWN_KINDS = ("personal", "season_best")
SLACK = 0.005  # times are given to the hundredth
# A mark claimed to be the record now (set here, or standing) is ruled out by a faster one;
# a beaten mark may be slower than any of them.
CLAIMED = ("set", "existing")


def contradicted_sets(records: Sequence[Record]) -> tuple[list[Record], list[Record]]:
    """(records kept, records claimed to be the mark now, set here or standing, that a faster
    standing or beaten mark of the same kind, distance and gender in the article rules out),
    order kept in both."""
    kept: list[Record] = []
    doubtful: list[Record] = []
    for record in records:
        if record.status in CLAIMED and any(_rules_out(other, record) for other in records):
            doubtful.append(record)
        else:
            kept.append(record)
    return kept, doubtful


def _rules_out(mark: Record, new: Record) -> bool:
    """Is `mark` a faster mark, not set here, of the very record `new` claims to be?"""
    if mark is new or mark.status not in ("existing", "broken") or mark.type != new.type:
        return False
    if new.type not in GLOBAL_KINDS and not (new.type in OWN_KINDS and mark.athlete == new.athlete):
        return False
    if new.seconds is None or mark.seconds is None or new.distance is None:
        return False
    if mark.distance != new.distance:
        return False
    if mark.gender is not None and new.gender is not None and mark.gender != new.gender:
        return False
    return mark.seconds < new.seconds - SLACK
