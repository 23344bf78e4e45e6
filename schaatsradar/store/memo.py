"""What reconciliation remembers within one write transaction (`memoized`): lookups it
repeats for nearly every fact, answered from memory after the first time, and a race's
results with their claims, kept in step with `store.knowledge`'s writes (which alone use
this module). Meant for one write transaction: rows other transactions commit meanwhile are
not seen (on SQLite the write lock rules them out)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, select

from schaatsradar.store import data_version, write_behind
from schaatsradar.store.id_lists import listed
from schaatsradar.store.models import RaceResult, ResultClaim

# -- lookups remembered within one transaction ------------------------------------------------

MEMO = "schaatsradar.knowledge.memo"
T = TypeVar("T")


@contextmanager
def memoized(conn: Connection, carried: Carried | None = None) -> Iterator[None]:
    """Inside the block, the lookups reconciliation repeats for nearly every fact (a skater by
    name and by id, the meets around a day, a meet, a meet's races, a record's marks) are
    answered from memory after the first time, and `store.knowledge`'s writes keep what is
    remembered in step; a result just made is known to have one claim and to have made no
    record. Meant for one write transaction: rows other transactions commit meanwhile are not
    seen (on SQLite the write lock rules them out).

    With `carried`, what the block remembered is handed to the next block given the same
    `Carried` (the next transaction of a run), when nothing else was committed in between
    (`Carried`)."""
    if MEMO in conn.info:
        yield
        return
    version = None
    memo: Any = None
    if carried is not None:
        version = data_version.current(conn)
        memo = carried.take(version)
    conn.info[MEMO] = memo if memo is not None else defaultdict(dict)
    try:
        with write_behind.writing_behind(conn):
            yield
        if carried is not None and data_version.current(conn) == version:
            carried.keep(conn.info[MEMO], version)
    finally:
        del conn.info[MEMO]


# Remembered rows (results, claims, races, meets, skaters...) past which a run's next
# transaction starts afresh: memory stays bounded however many articles a run reconciles
# (~240 bytes a row: 5,000 synth articles remember 59,000, 14 MB; the bound ~70 MB).
CARRIED_AT_MOST = 300_000


@dataclass
class Carried:
    """What one `memoized` transaction remembered, for the next transaction of the same run.

    Why: reconciling runs a transaction per batch of articles, and each batch read again the
    races, results and claims of the meets the batches before it had read (a meet's news comes
    in over weeks of articles): on PostgreSQL most of a run's round trips. What is remembered
    is kept in step with every write of the transaction, so once it commits it is what the
    database holds, unless another transaction changed something since. Every
    content-changing commit raises the data version (`Store.write`), so the memory is taken
    up again only when the version is exactly the one this transaction's own commit made:
    nothing committed while it ran (the version at its end is the one at its start), and
    nothing after it (the next transaction finds that version plus its own raise). A
    transaction that fails, or any other writer, and the next one starts afresh. For
    transactions opened with `Store.write()` (one raise of the version per commit)."""

    memo: Any = None
    version: int | None = None

    def take(self, version: int) -> Any:
        """The memory handed on, if the database is still as it left it (`version`: now)."""
        memo, self.memo = self.memo, None  # taken once: a failed transaction leaves nothing
        return memo if memo is not None and version == self.version else None

    def keep(self, memo: Any, version: int) -> None:
        """`memo` as of the end of a transaction that found `version` and raises it by one."""
        if sum(len(answers) for answers in memo.values()) <= CARRIED_AT_MOST:
            self.memo, self.version = memo, version + 1


def remembered(conn: Connection, lookup: str, key: Hashable, load: Callable[[], T]) -> T:
    memo = conn.info.get(MEMO)
    if memo is None:
        return load()
    answers = memo[lookup]
    if key not in answers:
        answers[key] = load()
    found: T = answers[key]
    return found


def remember(conn: Connection, lookup: str, key: Hashable, answer: object) -> None:
    memo = conn.info.get(MEMO)
    if memo is not None:
        memo[lookup][key] = answer


def forget(conn: Connection, lookup: str, *keys: Hashable) -> None:
    """Drop what a write made stale: the given keys of one lookup, or all of it."""
    memo = conn.info.get(MEMO)
    if memo is None:
        return
    if not keys:
        memo.pop(lookup, None)
    for key in keys:
        memo[lookup].pop(key, None)


# -- a race's results, remembered within one transaction --------------------------------------
#
# Every claim settles its result and judges the whole race again (`knowledge.settling`): the
# race's results, each result's claims, and "is this skater in the race already" were three
# kinds of query per claim, and one per other result of the race. Within `memoized`, a race
# is read once (its results, and all their claims, in two queries), and `store.knowledge`'s writes
# to results keep what is remembered in step; a write that is none (the same values again)
# is not sent.

RACE_LOOKUPS = ("race_results", "result_entry", "race_row")


@dataclass
class RaceEntry:
    """A result of a race as stored (mutable: kept in step with `store.knowledge`'s writes)."""

    id: int
    athlete_key: str
    seconds: float | None
    rank: int | None
    official: bool
    held: str | None
    disputed: bool
    skater_id: int | None = None
    team: str | None = None
    race_id: int = 0


# Both as `id_lists.listed`: one array parameter on PostgreSQL, where an expanding `IN` made
# every list length a statement of its own, parsed by psycopg and planned anew.
_RACE_RESULTS = listed(
    lambda of_races: (
        select(
            RaceResult.id,
            RaceResult.athlete_key,
            RaceResult.seconds,
            RaceResult.rank,
            RaceResult.official,
            RaceResult.held,
            RaceResult.disputed,
            RaceResult.skater_id,
            RaceResult.team,
            RaceResult.race_id,
        )
        .where(of_races)
        .order_by(RaceResult.id)
    ),
    RaceResult.race_id,
    "race_ids",
)
# By the ids of the results just read, not joined through their races: a join over race ids
# let PostgreSQL hash the whole claims table on every read when its statistics were older
# than the batch's growth (reconciling 10,000 articles read 75M claim rows), whereas a list
# of result ids is an index lookup once the statistics know the table's size
# (`table_stats.refresh`).
_RESULT_CLAIMS = listed(
    lambda of_results: select(ResultClaim).where(of_results).order_by(ResultClaim.id),
    ResultClaim.result_id,
    "result_ids",
)
_RACES_AT_ONCE = 200


def race_entries(conn: Connection, race_id: int) -> dict[int, RaceEntry] | None:
    """The race's results by id (None outside `memoized`); read with all their claims, and
    with those of the other races of its meet on the same day not read yet (an article
    reports several distances of a meet day: each race was two queries)."""
    memo = conn.info.get(MEMO)
    if memo is None:
        return None
    races = memo["race_results"]
    entries: dict[int, RaceEntry] | None = races.get(race_id)
    if entries is not None:
        return entries
    wanted = [race_id, *_siblings(memo, race_id)][:_RACES_AT_ONCE]
    by_id = memo["result_entry"]
    if any(write_behind.pending_race(conn, race) for race in wanted):
        write_behind.flush(conn)
    read: dict[int, dict[int, RaceEntry]] = {race: {} for race in wanted}
    claims_of: dict[int, list[ClaimRow]] = {}
    with write_behind.unguarded(conn):  # nothing of these races is waiting to be written
        for row in conn.execute(_RACE_RESULTS.on(conn), {"race_ids": wanted}):
            entry = RaceEntry(*row[:9], race_id=row.race_id)
            read[entry.race_id][entry.id] = by_id[entry.id] = entry
            claims_of[entry.id] = []
        if claims_of:
            for claim in conn.execute(_RESULT_CLAIMS.on(conn), {"result_ids": list(claims_of)}):
                claims_of[claim.result_id].append(claim_row(claim))
    races.update(read)
    memo["claims"].update(claims_of)
    return read[race_id]


def _siblings(memo: Any, race_id: int) -> list[int]:
    """The other races of `race_id`'s meet and day that are remembered but not read yet.

    Only the same day: a meet's races all at once grew with the archive (a news meet of a
    season gathers hundreds of races and thousands of results, read whole again by every
    batch that touched it: reconciling 20,000 articles took twice as long as before). A day's
    races are what one article reports, and how many a day has does not grow. Found through
    the meet's races (`meet_races`, filled by `races_of`), not by going over every race
    remembered (itself a cost per race that grew with the batch's meets)."""
    rows = memo["race_row"]
    key = rows.get(race_id)
    if key is None or key.race_date is None:
        return []
    done = memo["race_results"]
    found = []
    for other in memo["meet_races"].get(key.competition_id, ()):
        row = rows.get(other)
        if (
            other != race_id
            and other not in done
            and row is not None
            and row.competition_id == key.competition_id
            and row.race_date == key.race_date
        ):
            found.append(other)
    return sorted(found)


def entry_of(entries: dict[int, RaceEntry], athlete_key: str) -> RaceEntry | None:
    return next((e for e in entries.values() if e.athlete_key == athlete_key), None)


@dataclass(frozen=True)
class ClaimRow:
    id: int
    cluster: str
    official: bool
    seconds: float | None
    rank: int | None
    source_key: str
    article_id: int | None
    evidence: str | None
    candidate: bool = False
    margin: float | None = None


def claim_row(r: Any) -> ClaimRow:
    return ClaimRow(
        r.id,
        r.cluster,
        r.official,
        r.seconds,
        r.rank,
        r.source_key,
        r.article_id,
        r.evidence_text,
        r.candidate,
        r.margin,
    )


def remembered_entry(conn: Connection, result_id: int) -> RaceEntry | None:
    memo = conn.info.get(MEMO)
    if memo is None:
        return None
    entry: RaceEntry | None = memo["result_entry"].get(result_id)
    return entry
