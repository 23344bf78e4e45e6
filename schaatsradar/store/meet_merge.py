"""One meet told twice becomes one: the rows of a meet merged into another. Which meets are
the same is decided in `schaatsradar.knowledge` (`meet_merges`); this module only moves rows.

Why a merge and not a delete: the meet to drop holds results and their claims (each with its
article), records made from those results, and readers following it. All of it moves to the
meet kept; a result of one skater in one race told under both becomes one result with every
claim, so the caller settles the races the merge touched again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, select, update

from schaatsradar.store.memo import MEMO, forget
from schaatsradar.store.models import (
    Competition,
    Follow,
    Race,
    RaceResult,
    Record,
    ResultClaim,
)


@dataclass
class Merged:
    """What a merge touched: (race id, result id) pairs in the kept meet to settle again."""

    touched: list[tuple[int, int]] = field(default_factory=list)


def _forget_everything(conn: Connection) -> None:
    """A merge moves rows every remembered lookup may hold: nothing remembered stays."""
    memo = conn.info.get(MEMO)
    if memo is not None:
        memo.clear()


def _twin_race(conn: Connection, keep: int, race: Any) -> int | None:
    """The kept meet's race that is `race`: the same distance, gender and day; or, when one
    of the two does not know its day, the kept meet's only race of that distance and gender.
    (`race`: a row of `races`.)"""
    rows = conn.execute(
        select(Race.id, Race.day_key).where(
            Race.competition_id == keep, Race.distance == race.distance, Race.gender == race.gender
        )
    ).all()
    same = [r.id for r in rows if r.day_key == race.day_key]
    if same:
        return int(same[0])
    if len(rows) == 1 and "" in (rows[0].day_key, race.day_key):
        return int(rows[0].id)
    return None


def _merge_result(conn: Connection, result: Any, twin_race: int) -> int:
    """`result` moved into `twin_race`; joined with the skater's result there if it has one.
    Returns the result id now holding its claims."""
    twin = conn.execute(
        select(RaceResult.id).where(
            RaceResult.race_id == twin_race, RaceResult.athlete_key == result.athlete_key
        )
    ).scalar()
    if twin is None:
        conn.execute(update(RaceResult).where(RaceResult.id == result.id).values(race_id=twin_race))
        return int(result.id)
    known = set(conn.scalars(select(ResultClaim.source_key).where(ResultClaim.result_id == twin)))
    for claim in conn.execute(select(ResultClaim).where(ResultClaim.result_id == result.id)).all():
        if claim.source_key in known:
            conn.execute(delete(ResultClaim).where(ResultClaim.id == claim.id))
        else:
            conn.execute(
                update(ResultClaim).where(ResultClaim.id == claim.id).values(result_id=twin)
            )
    conn.execute(update(Record).where(Record.result_id == result.id).values(result_id=twin))
    conn.execute(delete(RaceResult).where(RaceResult.id == result.id))
    return int(twin)


def merge_meets(conn: Connection, keep: int, drop: int) -> Merged:
    """Every race, result, claim and follow of meet `drop` becomes `keep`'s, and `drop` goes."""
    merged = Merged()
    if keep == drop:
        return merged
    _forget_everything(conn)
    for race in conn.execute(select(Race).where(Race.competition_id == drop)).all():
        twin = _twin_race(conn, keep, race)
        if twin is None:
            conn.execute(update(Race).where(Race.id == race.id).values(competition_id=keep))
            results = conn.scalars(select(RaceResult.id).where(RaceResult.race_id == race.id))
            merged.touched.extend((race.id, result_id) for result_id in results)
            continue
        if race.race_date is not None:
            conn.execute(
                update(Race)
                .where(Race.id == twin, Race.race_date.is_(None))
                .values(race_date=race.race_date, day_key=race.day_key)
            )
        for result in conn.execute(select(RaceResult).where(RaceResult.race_id == race.id)).all():
            merged.touched.append((twin, _merge_result(conn, result, twin)))
        conn.execute(delete(Race).where(Race.id == race.id))
    for follow in conn.execute(
        select(Follow).where(Follow.kind == "competition", Follow.value == str(drop))
    ).all():
        taken = conn.execute(
            select(Follow.id).where(
                Follow.user_id == follow.user_id,
                Follow.kind == "competition",
                Follow.value == str(keep),
            )
        ).first()
        if taken is None:
            conn.execute(update(Follow).where(Follow.id == follow.id).values(value=str(keep)))
        else:
            conn.execute(delete(Follow).where(Follow.id == follow.id))
    conn.execute(delete(Competition).where(Competition.id == drop))
    _forget_everything(conn)
    return merged


def meet_ids_by_slug(conn: Connection, slugs: list[str]) -> dict[str, int]:
    """The stored meets of these slugs (those stored)."""
    if not slugs:
        return {}
    rows = conn.execute(select(Competition.slug, Competition.id).where(Competition.slug.in_(slugs)))
    return {slug: int(meet_id) for slug, meet_id in rows}


def reprogramme_meet(conn: Connection, meet_id: int, programme: str) -> None:
    """A meet's programme (JSON) as the calendar now gives it: the Games' whole programme for
    a meet stored with its first day's."""
    conn.execute(
        update(Competition)
        .where(Competition.id == meet_id, Competition.programme != programme)
        .values(programme=programme)
    )
    forget(conn, "programme", meet_id)
