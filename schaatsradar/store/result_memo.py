"""A result's view (`ResultView`) made from what reconciliation remembers, not read back.

Why: every result reconciliation settles was read back with its race, meet and skater to
see whether it makes a record (`book._records_from_result`), and an article's results
again to announce them: about one query per fact, each a round trip on PostgreSQL, and
each one that made the writes held back (`store.write_behind`) be sent first. Within
`memoized` the result (`memo.race_entries`), its claims, its race, its meet and its skater
are all remembered and kept in step with every write, so the view is assembled from them;
whatever is not remembered is read as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from schaatsradar.store import knowledge as kb
from schaatsradar.store.memo import MEMO, remembered_entry


def result_view(conn: Connection, result_id: int) -> kb.ResultView | None:
    """`knowledge.result_by_id`, from memory when all of it is remembered."""
    view = _remembered_view(conn, result_id)
    return view if view is not None else kb.result_by_id(conn, result_id)


def result_views(conn: Connection, result_ids: Iterable[int]) -> dict[int, kb.ResultView]:
    """`knowledge.results_by_ids`, from memory for those remembered (the rest in one query)."""
    found: dict[int, kb.ResultView] = {}
    missing = []
    for result_id in result_ids:
        view = _remembered_view(conn, result_id)
        if view is None:
            missing.append(result_id)
        else:
            found[result_id] = view
    if missing:
        found.update(kb.results_by_ids(conn, missing))
    return found


def _remembered_view(conn: Connection, result_id: int) -> kb.ResultView | None:
    memo = conn.info.get(MEMO)
    if memo is None:
        return None
    entry = remembered_entry(conn, result_id)
    if entry is None or not entry.race_id:
        return None
    race: kb.RaceKey | None = memo["race_row"].get(entry.race_id)
    claims = memo["claims"].get(result_id)
    if race is None or claims is None:
        return None
    meet = kb.competition(conn, race.competition_id)
    if meet is None:
        return None
    athlete: str | None
    country: str | None
    if entry.skater_id is not None:
        skater = kb.skater_by_id(conn, entry.skater_id)
        if skater is None:
            return None
        athlete, country = skater.name, skater.country
    else:
        athlete = country = entry.team
    if athlete is None:
        return None  # (a row the query would show as it is; not one reconciliation makes)
    return kb.ResultView(
        id=entry.id,
        race_id=entry.race_id,
        skater_id=entry.skater_id,
        athlete=athlete,
        country=country if country is not None else entry.team,
        team=entry.team,
        distance=race.distance,
        gender=race.gender,
        seconds=entry.seconds,
        rank=entry.rank,
        disputed=entry.disputed,
        official=entry.official,
        race_date=race.race_date,
        competition_id=meet.id,
        competition=meet.name,
        city=meet.city,
        start_date=meet.start_date,
        sources=len(claims),
        held=entry.held,
        end_date=meet.end_date,
    )
