"""What `store.knowledge` keeps in memory within one reconciliation batch (`memoized`):
the meets of whole seasons, read once and kept in step with every meet made or changed, and
the claims of each result, kept in step with every claim written (so they are not read
back). Moved out of `store.knowledge` so that module is about rows and statements, and this
one about what is remembered between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from schaatsradar.store.memo import MEMO, ClaimRow, forget

if TYPE_CHECKING:
    from schaatsradar.store.knowledge import CompetitionRow

# -- the meets of whole seasons ---------------------------------------------------------------


def season_window(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The whole seasons (July to June) around `first`..`last`: within `memoized` their meets
    are read at once. The days asked for move with every article (each a query before); a
    season's meets answer them all, and how many a season has does not grow with the archive."""
    start = dt.date(first.year if first.month >= 7 else first.year - 1, 7, 1)
    end = dt.date(last.year + 1 if last.month >= 7 else last.year, 6, 30)
    return start, end


def in_windows(
    conn: Connection,
    competition_id: int,
    meet: CompetitionRow | None,
    read: Callable[[], CompetitionRow | None],
) -> None:
    """The windows of meets read (`competitions_between`) kept in step with a meet made or
    changed (`meet`: as it is now; None: `read` it), instead of read again."""
    memo = conn.info.get(MEMO)
    if memo is None:
        return
    memo["between_answers"].clear()  # answers made from the windows as they were
    if not memo["competitions_between"]:
        return
    if meet is None:
        meet = read()
    windows = memo["competitions_between"]
    for (lo, hi), rows in windows.items():
        kept = [row for row in rows if row.id != competition_id]
        if (
            meet is not None
            and meet.start_date is not None
            and meet.start_date <= hi
            and (meet.end_date or meet.start_date) >= lo
        ):
            kept.append(meet)
            kept.sort(key=lambda row: row.id)
        windows[(lo, hi)] = kept


def competitions_between(
    conn: Connection,
    first: dt.date,
    last: dt.date,
    read: Callable[[dt.date, dt.date], list[CompetitionRow]],
) -> list[CompetitionRow]:
    """Dated competitions overlapping the days `first`..`last`, by id: within `memoized` from
    the season window around them (read with `read` the first time)."""
    memo = conn.info.get(MEMO)
    if memo is None:
        return read(first, last)
    # The same days are asked for again and again (every fact of an article, every article
    # of a week): each answer is kept until a meet made or changed (`in_windows`) alters the
    # windows it came from. Going over a season's meets for every fact cost more than the
    # rest of finding a meet.
    answers = memo["between_answers"]
    known = answers.get((first, last))
    if known is not None:
        return list(known)
    windows = memo["competitions_between"]  # (first, last) of a window read: its meets
    window = next(((lo, hi) for lo, hi in windows if lo <= first and last <= hi), None)
    if window is None:
        window = season_window(first, last)
        windows[window] = found = read(*window)
        for meet in found:  # and by id and slug, asked next
            memo["competition"].setdefault(meet.id, meet)
            memo["meet_slug"].setdefault(meet.slug, meet.id)
    answers[(first, last)] = overlapping = [
        meet
        for meet in windows[window]
        if meet.start_date is not None
        and meet.start_date <= last
        and (meet.end_date or meet.start_date) >= first
    ]
    return list(overlapping)


def remember_programmes(conn: Connection, rows: Sequence[Any]) -> None:
    """A meet's stored programme (`calendar.meet_programme`) read with its row, not again."""
    memo = conn.info.get(MEMO)
    if memo is not None:
        for row in rows:
            memo["programme"].setdefault(row.id, row.programme)


# -- the claims of results --------------------------------------------------------------------


def of_source(key: str, source_key: str) -> bool:
    """A claim of `source_key` itself or one of its numbered ones (`source_key#2`), as
    `knowledge._CLAIMS_OF_SOURCE` selects them."""
    return key == source_key or key.startswith(f"{source_key}#")


def known_claims(conn: Connection, result_id: int) -> list[ClaimRow] | None:
    memo = conn.info.get(MEMO)
    if memo is None:
        return None
    found: list[ClaimRow] | None = memo["claims"].get(result_id)
    return found


def claim_added(
    conn: Connection, result_id: int, claim_id: int, source_key: str, values: dict[str, Any]
) -> None:
    """A new claim of a result, kept in the remembered claims (else they are read again)."""
    known = known_claims(conn, result_id)
    if known is None:
        forget(conn, "claims", result_id)
        return
    known.append(claim_of(claim_id, source_key, values))
    known.sort(key=lambda c: c.id)


def claim_changed(conn: Connection, result_id: int, claim_id: int, values: dict[str, Any]) -> None:
    known = known_claims(conn, result_id)
    if known is None:
        forget(conn, "claims", result_id)
        return
    for at, claim in enumerate(known):
        if claim.id == claim_id:
            merged = {**claim_values(claim), **values}
            known[at] = claim_of(claim_id, claim.source_key, merged)


def claim_values(claim: ClaimRow) -> dict[str, Any]:
    return dict(
        cluster=claim.cluster,
        official=claim.official,
        seconds=claim.seconds,
        rank=claim.rank,
        article_id=claim.article_id,
        evidence_text=claim.evidence,
        candidate=claim.candidate,
        margin=claim.margin,
    )


def claim_of(claim_id: int, source_key: str, values: dict[str, Any]) -> ClaimRow:
    return ClaimRow(
        claim_id,
        values["cluster"],
        values["official"],
        values["seconds"],
        values["rank"],
        source_key,
        values["article_id"],
        values["evidence_text"],
        values["candidate"],
        values["margin"],
    )
