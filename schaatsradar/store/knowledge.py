"""Reading and writing the knowledge tables. Decisions (which competition, which value wins,
what a new mark does to the record book) are made in `schaatsradar.knowledge`; this module
only finds, inserts and updates rows, and every write is idempotent: writing the same fact
twice leaves the database as it was. The record book is read and written in
`store.record_book`, the articles the knowledge base takes in are found in
`store.article_refs`.

The statements reconciliation runs for nearly every fact are built once, with bound
parameters: building a SQLAlchemy statement (and its cache key) costs several times what the
database then takes to run it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    String,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from schaatsradar.store import knowledge_batch as batch
from schaatsradar.store import write_behind
from schaatsradar.store.id_lists import Listed, listed
from schaatsradar.store.memo import MEMO as _MEMO
from schaatsradar.store.memo import RACE_LOOKUPS as _RACE_LOOKUPS
from schaatsradar.store.memo import Carried as Carried
from schaatsradar.store.memo import ClaimRow as ClaimRow
from schaatsradar.store.memo import RaceEntry as _Entry
from schaatsradar.store.memo import claim_row as _claim_row
from schaatsradar.store.memo import entry_of as _entry_of
from schaatsradar.store.memo import forget as _forget
from schaatsradar.store.memo import memoized as memoized
from schaatsradar.store.memo import race_entries as _race_entries
from schaatsradar.store.memo import remember as _remember
from schaatsradar.store.memo import remembered as _remembered
from schaatsradar.store.memo import remembered_entry as _remembered_entry
from schaatsradar.store.models import (
    Competition,
    Race,
    RaceResult,
    Record,
    ResultClaim,
    Rink,
    Skater,
    SkaterAlias,
)
from schaatsradar.store.together import Read

# Built once (see the module's docstring): the inserts reconciliation makes for nearly every fact.
_INSERT_SKATER = insert(Skater)
_INSERT_ALIASES = insert(SkaterAlias)
_INSERT_COMPETITION = insert(Competition)
_INSERT_RACE = insert(Race)
_INSERT_RESULT = insert(RaceResult)
_INSERT_CLAIM = insert(ResultClaim)


def _insert(conn: Connection, statement: Any, values: dict[str, Any] | None = None) -> int:
    key = conn.execute(statement, values).inserted_primary_key
    assert key is not None
    return int(key[0])


# -- skaters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkaterRow:
    id: int
    slug: str
    name: str
    country: str | None
    gender: str | None
    born: str | None
    known: bool


def _skater(row: Any) -> SkaterRow:
    return SkaterRow(row.id, row.slug, row.name, row.country, row.gender, row.born, row.known)


_SKATER_BY_ALIAS = (
    select(Skater)
    .join(SkaterAlias, SkaterAlias.skater_id == Skater.id)
    .where(SkaterAlias.alias_key == bindparam("alias_key"))
)
_SKATER_BY_SLUG = select(Skater).where(Skater.slug == bindparam("slug"))
_SKATER_BY_ID = select(Skater).where(Skater.id == bindparam("skater_id"))


def skater_by_key(conn: Connection, alias_key: str) -> SkaterRow | None:
    """The skater a normalised name or alias belongs to, following merges to the survivor."""
    found = _remembered(conn, "skater_by_key", alias_key, lambda: _skater_by_key(conn, alias_key))
    if found is not None:  # and by id, as the caller's next question is often that
        _remembered(conn, "skater_by_id", found.id, lambda: found)
    return found


def _skater_by_key(conn: Connection, alias_key: str) -> SkaterRow | None:
    row = conn.execute(_SKATER_BY_ALIAS, {"alias_key": alias_key}).first()
    while row is not None and row.merged_into is not None:
        row = conn.execute(_SKATER_BY_ID, {"skater_id": row.merged_into}).first()
    return _skater(row) if row is not None else None


_SKATERS_BY_ALIASES = listed(
    lambda keyed: (
        select(SkaterAlias.alias_key, Skater)
        .join(Skater, Skater.id == SkaterAlias.skater_id)
        .where(keyed)
    ),
    SkaterAlias.alias_key,
    "keys",
    String,
)


def remember_skaters(conn: Connection, alias_keys: Iterable[str]) -> None:
    """Within `memoized`, look up many names at once (a batch of articles' athletes): the
    answers `skater_by_key` then gives without a query each. A name of a merged skater is
    left to `skater_by_key` (it follows the merge)."""
    memo = conn.info.get(_MEMO)
    if memo is None:
        return
    by_key = memo["skater_by_key"]
    wanted = sorted({k for k in alias_keys if k and k not in by_key})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        merged = set()
        for row in conn.execute(_SKATERS_BY_ALIASES.on(conn), {"keys": chunk}):
            if row.merged_into is not None:
                merged.add(row.alias_key)
                continue
            skater = _skater(row)
            by_key[row.alias_key] = skater
            memo["skater_by_id"].setdefault(skater.id, skater)
        for key in chunk:
            if key not in by_key and key not in merged:
                by_key[key] = None  # no such skater (yet: `add_aliases` forgets this)


def skater_by_slug(conn: Connection, slug: str) -> SkaterRow | None:
    memo = conn.info.get(_MEMO)
    if memo is not None and slug in memo["free_slugs"]:
        return None  # `remember_free_slugs`: nobody's, and no skater was added since
    row = conn.execute(_SKATER_BY_SLUG, {"slug": slug}).first()
    while row is not None and row.merged_into is not None:
        row = conn.execute(_SKATER_BY_ID, {"skater_id": row.merged_into}).first()
    return _skater(row) if row is not None else None


_TAKEN_SLUGS = listed(lambda taken: select(Skater.slug).where(taken), Skater.slug, "slugs", String)


def remember_free_slugs(conn: Connection, slugs: Iterable[str]) -> None:
    """Within `memoized`, learn at once which of many slugs no skater has (a batch's new
    skaters): `skater_by_slug` then answers those without a query, until a skater is added."""
    memo = conn.info.get(_MEMO)
    if memo is None:
        return
    wanted = sorted({s for s in slugs if s})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        taken = set(conn.scalars(_TAKEN_SLUGS.on(conn), {"slugs": chunk}))
        memo["free_slugs"].update((s, True) for s in chunk if s not in taken)


def skater_by_id(conn: Connection, skater_id: int) -> SkaterRow | None:
    return _remembered(conn, "skater_by_id", skater_id, lambda: _skater_by_id(conn, skater_id))


def _skater_by_id(conn: Connection, skater_id: int) -> SkaterRow | None:
    row = conn.execute(_SKATER_BY_ID, {"skater_id": skater_id}).first()
    return _skater(row) if row is not None else None


def add_skater(
    conn: Connection,
    *,
    slug: str,
    name: str,
    country: str | None,
    gender: str | None,
    known: bool,
    born: str | None = None,
    discipline: str | None = None,
    source: str = "",
) -> int:
    skater_id = write_behind.insert_row(
        conn,
        "skaters",
        _INSERT_SKATER,
        dict(
            slug=slug,
            name=name,
            country=country,
            gender=gender,
            known=known,
            born=born,
            discipline=discipline,
            source=source,
        ),
    )
    row = SkaterRow(skater_id, slug, name, country, gender, born, known)
    _remember(conn, "skater_by_id", skater_id, row)  # as stored: not read back
    _forget(conn, "free_slugs", slug)
    return skater_id


_TAKEN_ALIASES = listed(
    lambda taken: select(SkaterAlias.alias_key).where(taken), SkaterAlias.alias_key, "keys", String
)


def add_aliases(conn: Connection, skater_id: int, keys: Sequence[str]) -> None:
    memo = conn.info.get(_MEMO)
    by_key = memo["skater_by_key"] if memo is not None else {}
    # A key remembered as nobody's (`remember_skaters`) is no alias yet: not asked again.
    unsure = [k for k in keys if not (k in by_key and by_key[k] is None)]
    taken = set(conn.scalars(_TAKEN_ALIASES.on(conn), {"keys": unsure})) if unsure else set()
    fresh = sorted({k for k in keys if k and k not in taken})
    if fresh:
        rows = [{"alias_key": k, "skater_id": skater_id} for k in fresh]
        if not write_behind.insert_keyed(conn, "skater_aliases", rows):
            conn.execute(_INSERT_ALIASES, rows)
        skater = memo["skater_by_id"].get(skater_id) if memo is not None else None
        if skater is not None and memo is not None:  # the names are the skater's now
            by_key.update((k, skater) for k in fresh)
        else:
            _forget(conn, "skater_by_key", *fresh)


def find_skaters(conn: Connection, text: str, limit: int = 10) -> list[SkaterRow]:
    rows = conn.execute(
        select(Skater)
        .where(Skater.merged_into.is_(None), func.lower(Skater.name).contains(text.casefold()))
        .order_by(Skater.known.desc(), Skater.name)
        .limit(limit)
    )
    return [_skater(r) for r in rows]


def merge_skaters(conn: Connection, keep: int, drop: int) -> None:
    """Everything of `drop` becomes `keep`'s; `drop` stays as a pointer, so nothing is lost
    and old links still resolve. Two results of one race merge into one with all claims."""
    for lookup in (
        "skater_by_key",
        "skater_by_id",
        "claims",
        "record_marks",
        "records_made_by",
        *_RACE_LOOKUPS,
    ):
        _forget(conn, lookup)
    conn.execute(update(SkaterAlias).where(SkaterAlias.skater_id == drop).values(skater_id=keep))
    conn.execute(update(Record).where(Record.skater_id == drop).values(skater_id=keep))
    for result in conn.execute(select(RaceResult).where(RaceResult.skater_id == drop)).all():
        twin = conn.execute(
            select(RaceResult.id).where(
                RaceResult.race_id == result.race_id, RaceResult.skater_id == keep
            )
        ).scalar()
        if twin is None:
            conn.execute(
                update(RaceResult)
                .where(RaceResult.id == result.id)
                .values(skater_id=keep, athlete_key=f"s:{keep}")
            )
            continue
        known = set(
            conn.scalars(select(ResultClaim.source_key).where(ResultClaim.result_id == twin))
        )
        for claim in conn.execute(
            select(ResultClaim).where(ResultClaim.result_id == result.id)
        ).all():
            if claim.source_key in known:
                conn.execute(delete(ResultClaim).where(ResultClaim.id == claim.id))
            else:
                conn.execute(
                    update(ResultClaim).where(ResultClaim.id == claim.id).values(result_id=twin)
                )
        conn.execute(update(Record).where(Record.result_id == result.id).values(result_id=twin))
        conn.execute(delete(RaceResult).where(RaceResult.id == result.id))
    conn.execute(update(Skater).where(Skater.id == drop).values(merged_into=keep))


# -- rinks and competitions -------------------------------------------------------------------


def ensure_rink(
    conn: Connection,
    *,
    name: str,
    city: str,
    country: str | None,
    altitude_m: float | None,
    indoor: bool | None,
    source: str,
) -> int:
    found = conn.execute(select(Rink.id).where(Rink.city == city)).scalar()
    if found is not None:
        return int(found)
    values = dict(
        name=name, city=city, country=country, altitude_m=altitude_m, indoor=indoor, source=source
    )
    return _insert(conn, insert(Rink).values(**values))


def rink_country(conn: Connection, city: str) -> str | None:
    return conn.execute(select(Rink.country).where(Rink.city == city)).scalar()


@dataclass(frozen=True)
class CompetitionRow:
    id: int
    slug: str
    name: str
    level: str | None
    city: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    origin: str


# A `CompetitionRow`'s columns in its order: every list of meets selects them (the index
# adds counts after them), so a new field is added once.
COMPETITION_COLUMNS = (
    Competition.id,
    Competition.slug,
    Competition.name,
    Competition.level,
    Competition.city,
    Competition.start_date,
    Competition.end_date,
    Competition.origin,
)


def _competition(row: Any) -> CompetitionRow:
    return CompetitionRow(
        row.id, row.slug, row.name, row.level, row.city, row.start_date, row.end_date, row.origin
    )


_COMPETITION_BY_SLUG = select(Competition.id).where(Competition.slug == bindparam("slug"))
_COMPETITIONS_BETWEEN = (
    select(Competition)
    .where(
        Competition.start_date.is_not(None),
        Competition.start_date <= bindparam("last"),
        func.coalesce(Competition.end_date, Competition.start_date) >= bindparam("first"),
    )
    .order_by(Competition.id)
)


_COMPETITION_BY_ID = select(Competition).where(Competition.id == bindparam("competition_id"))


def ensure_competition(
    conn: Connection,
    *,
    slug: str,
    name: str,
    level: str | None,
    city: str | None,
    start_date: dt.date | None,
    end_date: dt.date | None,
    origin: str,
    source: str = "",
) -> int:
    memo = conn.info.get(_MEMO)
    # Within `memoized` the slugs of the meets remembered (slugs never change) are known.
    found = memo["meet_slug"].get(slug) if memo is not None else None
    if found is None:
        found = conn.execute(_COMPETITION_BY_SLUG, {"slug": slug}).scalar()
    if found is not None:
        return int(found)
    values = dict(
        slug=slug,
        name=name,
        level=level,
        city=city,
        start_date=start_date,
        end_date=end_date,
        origin=origin,
        source=source,
    )
    competition_id = _insert(conn, _INSERT_COMPETITION, values)
    meet = CompetitionRow(competition_id, **_row_values(values))
    _news_meet_added(conn, meet)
    _remember(conn, "competition", competition_id, meet)  # as stored: not read back
    _remember(conn, "meet_slug", slug, competition_id)
    _remember(conn, "programme", competition_id, None)  # a meet made here has none
    _remember(conn, "races_of", ("meet", competition_id), True)  # and no races yet
    batch.in_windows(conn, competition_id, meet, lambda: competition(conn, competition_id))
    return competition_id


def _news_meet_added(conn: Connection, meet: CompetitionRow) -> None:
    """The remembered lists of news meets (`news_competitions`) kept in step with a meet just
    made (the newest: it comes last), instead of read again; one with days asked is dropped."""
    memo = conn.info.get(_MEMO)
    if memo is None:
        return
    lists = memo["news_competitions"]
    for key in list(lists):
        level, dated, around = key
        if around is not None:
            del lists[key]
            continue
        if meet.origin == "news" and meet.level == level and dated == bool(meet.start_date):
            lists[key] = [*lists[key], meet]


def _meet_changed(conn: Connection, competition_id: int, **changes: Any) -> None:
    """A meet's remembered row kept in step with an update (or forgotten, and read again)."""
    _forget(conn, "news_competitions")
    memo = conn.info.get(_MEMO)
    known = memo["competition"].get(competition_id) if memo is not None else None
    if memo is None or known is None:
        _forget(conn, "competition", competition_id)
        batch.in_windows(conn, competition_id, None, lambda: competition(conn, competition_id))
        return
    meet = replace(known, **changes)
    memo["competition"][competition_id] = meet
    batch.in_windows(conn, competition_id, meet, lambda: meet)


def _row_values(values: dict[str, Any]) -> dict[str, Any]:
    return {f.name: values[f.name] for f in fields(CompetitionRow) if f.name != "id"}


def competitions_between(conn: Connection, first: dt.date, last: dt.date) -> list[CompetitionRow]:
    """Dated competitions overlapping the days `first`..`last`, by id."""
    return batch.competitions_between(
        conn, first, last, lambda lo, hi: _competitions_between(conn, lo, hi)
    )


def _competitions_between(conn: Connection, first: dt.date, last: dt.date) -> list[CompetitionRow]:
    rows = conn.execute(_COMPETITIONS_BETWEEN, {"first": first, "last": last}).all()
    batch.remember_programmes(conn, rows)
    return [_competition(r) for r in rows]


def news_competitions(
    conn: Connection,
    level: str | None,
    *,
    dated: bool = True,
    around: tuple[dt.date, dt.date] | None = None,
) -> list[CompetitionRow]:
    """The meets only the news knows, of one level, dated or (`dated=False`) not (see
    `knowledge.meet_rules`); with `around`, only dated ones whose days overlap those days.
    (Without it every news meet of the level is read, for every result: the cost grew with
    the knowledge base.)"""
    if around is not None and dated and _MEMO in conn.info:
        # The same rows as the query, from the season window of meets `competitions_between`
        # keeps (the days asked move with every article: each was a query before).
        return [
            meet
            for meet in competitions_between(conn, *around)
            if meet.origin == "news" and meet.level == level
        ]
    key = (level, dated, around)
    return list(
        _remembered(
            conn,
            "news_competitions",
            key,
            lambda: _news_competitions(conn, level, dated=dated, around=around),
        )
    )


def _news_competitions(
    conn: Connection, level: str | None, *, dated: bool, around: tuple[dt.date, dt.date] | None
) -> list[CompetitionRow]:
    query = _news_competitions_query(level is None, dated, around is not None)
    first, last = around or (None, None)
    rows = conn.execute(query, {"level": level, "first": first, "last": last})
    return [_competition(r) for r in rows]


@cache
def _news_competitions_query(no_level: bool, dated: bool, around: bool) -> Any:
    level_is = Competition.level.is_(None) if no_level else Competition.level == bindparam("level")
    has_days = Competition.start_date.is_not(None) if dated else Competition.start_date.is_(None)
    query = select(Competition).where(Competition.origin == "news", has_days, level_is)
    if around:
        query = query.where(
            Competition.start_date <= bindparam("last", type_=Date),
            func.coalesce(Competition.end_date, Competition.start_date)
            >= bindparam("first", type_=Date),
        )
    query = query.order_by(Competition.id)
    write_behind.safe(query)  # (kept: `cache` holds it)
    return query


def date_competition(conn: Connection, competition_id: int, first: dt.date, last: dt.date) -> None:
    """The days of a meet known until now only by its year (history a report now dates)."""
    with write_behind.unguarded(conn):  # (competitions alone)
        conn.execute(
            update(Competition)
            .where(Competition.id == competition_id, Competition.start_date.is_(None))
            .values(start_date=first, end_date=last)
        )
    known = _remembered_meet(conn, competition_id)
    days = dict(start_date=first, end_date=last)
    _meet_changed(conn, competition_id, **(days if known is None or not known.start_date else {}))


def widen_competition(conn: Connection, competition_id: int, first: dt.date, last: dt.date) -> None:
    """A meet's days grown to take in `first`..`last` (a report of a day it did not have)."""
    found = competition(conn, competition_id)
    if found is None or found.start_date is None:
        return
    start = min(found.start_date, first)
    end = max(found.end_date or found.start_date, last)
    if (start, end) == (found.start_date, found.end_date):
        return
    with write_behind.unguarded(conn):  # (competitions alone)
        conn.execute(
            update(Competition)
            .where(Competition.id == competition_id)
            .values(start_date=start, end_date=end)
        )
    _meet_changed(conn, competition_id, start_date=start, end_date=end)


def place_competition(conn: Connection, competition_id: int, city: str) -> None:
    """The rink of a meet that did not know it yet (a report that names it came in)."""
    with write_behind.unguarded(conn):  # (competitions alone)
        conn.execute(
            update(Competition)
            .where(Competition.id == competition_id, Competition.city.is_(None))
            .values(city=city)
        )
    known = _remembered_meet(conn, competition_id)
    _meet_changed(conn, competition_id, **(dict(city=city) if known and known.city is None else {}))


def _remembered_meet(conn: Connection, competition_id: int) -> CompetitionRow | None:
    memo = conn.info.get(_MEMO)
    found: CompetitionRow | None = memo["competition"].get(competition_id) if memo else None
    return found


def competition(conn: Connection, competition_id: int) -> CompetitionRow | None:
    return _remembered(
        conn, "competition", competition_id, lambda: _competition_by_id(conn, competition_id)
    )


def _competition_by_id(conn: Connection, competition_id: int) -> CompetitionRow | None:
    row = conn.execute(_COMPETITION_BY_ID, {"competition_id": competition_id}).first()
    if row is None:
        return None
    batch.remember_programmes(conn, [row])
    return _competition(row)


# -- races and results ------------------------------------------------------------------------


@dataclass(frozen=True)
class RaceRow:
    id: int
    race_date: dt.date | None
    day_key: str


_RACES_OF = (
    select(Race.id, Race.race_date, Race.day_key)
    .where(
        Race.competition_id == bindparam("competition_id"),
        Race.distance == bindparam("distance"),
        Race.gender == bindparam("gender"),
    )
    .order_by(Race.id)
)


_RACES_OF_MEETS = listed(
    lambda of_meets: (
        select(
            Race.id, Race.race_date, Race.day_key, Race.distance, Race.gender, Race.competition_id
        )
        .where(of_meets)
        .order_by(Race.id)
    ),
    Race.competition_id,
    "meets",
)


def races_of(conn: Connection, competition_id: int, distance: str, gender: str) -> list[RaceRow]:
    """A meet's races of one distance and gender, by id. Within `memoized` all the meet's
    races are read at once (its next result is most often of another distance)."""
    memo = conn.info.get(_MEMO)
    if memo is None:
        return _races_of(conn, competition_id, distance, gender)
    known = memo["races_of"]
    if ("meet", competition_id) not in known:
        # Only this meet's: with it the races of every other meet remembered (the seasons
        # read) were read too, a number that grows with the archive, for every batch.
        known[("meet", competition_id)] = True
        if write_behind.pending_meet(conn, competition_id):
            write_behind.flush(conn)
        with write_behind.unguarded(conn):  # (no race of this meet is waiting)
            rows = conn.execute(_RACES_OF_MEETS.on(conn), {"meets": [competition_id]}).all()
        of_meet = memo["meet_races"].setdefault(competition_id, {})
        for r in rows:
            race = RaceRow(r.id, r.race_date, r.day_key)
            known.setdefault((r.competition_id, r.distance, r.gender), []).append(race)
            memo["race_row"][r.id] = RaceKey(r.competition_id, r.distance, r.gender, r.race_date)
            of_meet[r.id] = True  # the meet's races, for `memo.race_entries` to read a day's
    return list(known.setdefault((competition_id, distance, gender), []))


def _races_of(conn: Connection, competition_id: int, distance: str, gender: str) -> list[RaceRow]:
    rows = conn.execute(
        _RACES_OF, {"competition_id": competition_id, "distance": distance, "gender": gender}
    )
    races = [RaceRow(*r) for r in rows]
    for race in races:
        _remember(
            conn, "race_row", race.id, RaceKey(competition_id, distance, gender, race.race_date)
        )
    return races


@dataclass(frozen=True)
class RaceKey:
    """What a result's view needs of its race, remembered within `memoized`."""

    competition_id: int
    distance: str
    gender: str
    race_date: dt.date | None


def add_race(
    conn: Connection,
    competition_id: int,
    distance: str,
    gender: str,
    race_date: dt.date | None,
    day_key: str,
) -> int:
    values = dict(
        competition_id=competition_id,
        distance=distance,
        gender=gender,
        race_date=race_date,
        day_key=day_key,
    )
    race_id = write_behind.insert_row(conn, "races", _INSERT_RACE, values)
    memo = conn.info.get(_MEMO)
    if memo is not None:  # a race just made has no results; it comes last in its meet's list
        memo["race_results"][race_id] = {}
        memo["race_row"][race_id] = RaceKey(competition_id, distance, gender, race_date)
        races = memo["races_of"]
        if ("meet", competition_id) in races:
            races.setdefault((competition_id, distance, gender), []).append(
                RaceRow(race_id, race_date, day_key)
            )
    return race_id


def date_race(conn: Connection, race_id: int, race_date: dt.date) -> None:
    memo = conn.info.get(_MEMO)
    key = memo["race_row"].get(race_id) if memo is not None else None
    races = None
    if memo is not None and key is not None:
        races = memo["races_of"].get((key.competition_id, key.distance, key.gender))
    if memo is not None and key is not None and races is not None:  # kept in step
        memo["race_row"][race_id] = replace(key, race_date=race_date)
        races[:] = [
            RaceRow(r.id, race_date, race_date.isoformat()) if r.id == race_id else r for r in races
        ]
    else:
        _forget(conn, "races_of")
        _forget(conn, "race_row", race_id)
    values = dict(race_date=race_date, day_key=race_date.isoformat())
    if write_behind.update_race(conn, race_id, values):
        return  # a race not sent yet: sent with this day
    with write_behind.unguarded(conn):  # (races alone: this one was sent)
        conn.execute(update(Race).where(Race.id == race_id).values(**values))


_RESULT_IN = select(RaceResult.id, RaceResult.seconds, RaceResult.rank).where(
    RaceResult.race_id == bindparam("race_id"), RaceResult.athlete_key == bindparam("athlete_key")
)


def result_in(
    conn: Connection, race_id: int, athlete_key: str
) -> tuple[float | None, int | None] | None:
    entries = _race_entries(conn, race_id)
    if entries is not None:
        entry = _entry_of(entries, athlete_key)
        return (entry.seconds, entry.rank) if entry is not None else None
    row = conn.execute(_RESULT_IN, {"race_id": race_id, "athlete_key": athlete_key}).first()
    return (row.seconds, row.rank) if row is not None else None


_CLAIMS_OF_SOURCE = (
    select(ResultClaim)
    .where(
        ResultClaim.result_id == bindparam("result_id"),
        or_(
            ResultClaim.source_key == bindparam("source_key"),
            ResultClaim.source_key.startswith(bindparam("numbered")),
        ),
    )
    .order_by(ResultClaim.id)
)
_UPDATE_CLAIM = update(ResultClaim).where(ResultClaim.id == bindparam("claim_id"))
_CLAIMS_OF_RESULT = (
    select(ResultClaim)
    .where(ResultClaim.result_id == bindparam("result_id"))
    .order_by(ResultClaim.id)
)


@dataclass(frozen=True)
class ClaimParts:
    """What one statement says about a result: the parts a claim is made of."""

    seconds: float | None
    rank: int | None
    margin: float | None = None
    candidate: bool = False

    def fits(self, row: Any) -> bool:
        """Says nothing `row` (a stored claim) contradicts, and is as sure as it."""
        if bool(row.candidate) != self.candidate:
            return False
        return all(
            mine is None or theirs is None or _same(mine, theirs)
            for mine, theirs in (
                (self.seconds, row.seconds),
                (self.rank, row.rank),
                (self.margin, row.margin),
            )
        )


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 0.005


def add_claim(
    conn: Connection,
    *,
    race_id: int,
    athlete_key: str,
    skater_id: int | None,
    team: str | None,
    source_key: str,
    article_id: int | None,
    cluster: str,
    official: bool,
    parts: ClaimParts,
    evidence: tuple[int, int, str] | None,
    written: set[int] | None = None,
) -> int:
    """Records what `source_key` says about a result; the same source saying it again
    replaces its earlier claim (an article re-extracted, an official list re-imported).

    `written` holds the results this source has already claimed in the same pass: a second
    statement of the source about one of them is not a replacement but more of what it says.
    Its parts join a claim of the source they fit (the time from one sentence, the place from
    another); one that contradicts every claim of the source (the article disagreeing with
    itself) is kept as a claim of its own, `source_key#2`, for settling to weigh: nothing
    an article says is dropped silently."""
    entries = _race_entries(conn, race_id)
    if entries is not None:
        entry = _entry_of(entries, athlete_key)
        found = entry.id if entry is not None else None
    else:
        found = conn.execute(_RESULT_IN, {"race_id": race_id, "athlete_key": athlete_key}).scalar()
    text = evidence[2] if evidence else None
    values = dict(
        article_id=article_id,
        cluster=cluster,
        official=official,
        seconds=parts.seconds,
        rank=parts.rank,
        margin=parts.margin,
        candidate=parts.candidate,
        evidence_start=evidence[0] if evidence else None,
        evidence_end=evidence[1] if evidence else None,
        evidence_text=text,
    )
    if found is None:  # a result made here has no claims yet
        result_id = write_behind.insert_row(
            conn,
            "results",
            _INSERT_RESULT,
            dict(
                race_id=race_id,
                athlete_key=athlete_key,
                skater_id=skater_id,
                team=team,
                seconds=parts.seconds,
                rank=parts.rank,
                disputed=False,
                official=official,
                held="candidate",  # until settled (`knowledge.settling`)
            ),
        )
        claim_id = write_behind.insert_row(
            conn,
            "result_claims",
            _INSERT_CLAIM,
            dict(result_id=result_id, source_key=source_key, **values),
        )
        claim = ClaimRow(
            claim_id,
            cluster,
            official,
            parts.seconds,
            parts.rank,
            source_key,
            article_id,
            text,
            parts.candidate,
            parts.margin,
        )
        _remember(conn, "claims", result_id, [claim])
        _remember(conn, "records_made_by", result_id, [])
        if entries is not None:
            entry = _Entry(
                result_id,
                athlete_key,
                parts.seconds,
                parts.rank,
                official,
                "candidate",
                False,
                skater_id,
                team,
                race_id,
            )
            entries[result_id] = entry
            _remember(conn, "result_entry", result_id, entry)
    else:
        result_id = int(found)
        known = batch.known_claims(conn, result_id)
        own: Sequence[Any]
        if known is not None:  # read with the race (`memo.race_entries`) and kept in step
            own = [c for c in known if batch.of_source(c.source_key, source_key)]
        else:
            own = conn.execute(
                _CLAIMS_OF_SOURCE,
                {"result_id": result_id, "source_key": source_key, "numbered": f"{source_key}#"},
            ).all()
        base = next((row for row in own if row.source_key == source_key), None)
        if written is None or result_id not in written or base is None:
            if base is None:
                new_id = write_behind.insert_row(
                    conn,
                    "result_claims",
                    _INSERT_CLAIM,
                    dict(result_id=result_id, source_key=source_key, **values),
                )
                batch.claim_added(conn, result_id, new_id, source_key, values)
            else:
                if not write_behind.update_claim(conn, base.id, values):
                    conn.execute(_UPDATE_CLAIM, dict(claim_id=base.id, **values))
                batch.claim_changed(conn, result_id, base.id, values)
        else:
            _add_to_source(conn, result_id, source_key, own, parts, values)
    if written is not None:
        written.add(result_id)
    return result_id


def _add_to_source(
    conn: Connection,
    result_id: int,
    source_key: str,
    own: Sequence[Any],
    parts: ClaimParts,
    values: dict[str, Any],
) -> None:
    """A further statement of a source about a result it has claimed in this pass."""
    fitting = next((row for row in own if parts.fits(row)), None)
    if fitting is None:
        numbered = f"{source_key}#{len(own) + 1}"
        new_id = write_behind.insert_row(
            conn,
            "result_claims",
            _INSERT_CLAIM,
            dict(result_id=result_id, source_key=numbered, **values),
        )
        batch.claim_added(conn, result_id, new_id, numbered, values)
        return
    given = (("seconds", parts.seconds), ("rank", parts.rank), ("margin", parts.margin))
    filled = {
        name: value for name, value in given if value is not None and getattr(fitting, name) is None
    }
    if filled:
        if not write_behind.update_claim(conn, fitting.id, filled):
            conn.execute(update(ResultClaim).where(ResultClaim.id == fitting.id).values(**filled))
        batch.claim_changed(conn, result_id, fitting.id, filled)


def claims(conn: Connection, result_id: int) -> list[ClaimRow]:
    return list(_remembered(conn, "claims", result_id, lambda: _claims(conn, result_id)))


def _claims(conn: Connection, result_id: int) -> list[ClaimRow]:
    rows = conn.execute(_CLAIMS_OF_RESULT, {"result_id": result_id})
    return [_claim_row(r) for r in rows]


_CLAIMS_OF_RESULTS = listed(
    lambda of_results: (
        select(ResultClaim).where(of_results).order_by(ResultClaim.result_id, ResultClaim.id)
    ),
    ResultClaim.result_id,
    "result_ids",
)


def claims_of_results(conn: Connection, result_ids: Iterable[int]) -> dict[int, list[ClaimRow]]:
    """`claims` of several results in one query (a meet page's held results: hundreds)."""
    wanted = sorted(set(result_ids))
    found: dict[int, list[ClaimRow]] = {i: [] for i in wanted}
    if wanted:
        for row in conn.execute(_CLAIMS_OF_RESULTS.on(conn), {"result_ids": wanted}):
            found[row.result_id].append(_claim_row(row))
    return found


def claims_of_results_read(
    conn: Connection, result_ids: Iterable[int]
) -> Read[dict[int, list[ClaimRow]]]:
    """`claims_of_results` as a read to send with others (`together`)."""
    wanted = sorted(set(result_ids))

    def grouped(rows: Sequence[Any]) -> dict[int, list[ClaimRow]]:
        found: dict[int, list[ClaimRow]] = {i: [] for i in wanted}
        for row in rows:
            found[row.result_id].append(_claim_row(row))
        return found

    return Read(_CLAIMS_OF_RESULTS.on(conn), grouped, {"result_ids": wanted})


_SETTLE_RESULT = update(RaceResult).where(RaceResult.id == bindparam("result_key"))


def settle_result(
    conn: Connection,
    result_id: int,
    *,
    seconds: float | None,
    rank: int | None,
    disputed: bool,
    official: bool,
    held: str | None,
) -> None:
    entry = _remembered_entry(conn, result_id)
    if entry is not None:
        now = (seconds, rank, disputed, official, held)
        if (entry.seconds, entry.rank, entry.disputed, entry.official, entry.held) == now:
            return  # stored as it is
        entry.seconds, entry.rank, entry.disputed, entry.official, entry.held = now
        if _written_behind(conn, entry):
            return
    conn.execute(
        _SETTLE_RESULT,
        dict(
            result_key=result_id,
            seconds=seconds,
            rank=rank,
            disputed=disputed,
            official=official,
            held=held,
        ),
    )


# What every reader of results shows: a result held back (a candidate not yet confirmed, a
# conflict) is kept with its claims but shown only where conflicts and candidates are listed.
SHOWN = RaceResult.held.is_(None)
# The level of a short-track meet (`knowledge.disciplines`): its results are no long-track
# bests or records.
SHORT_TRACK_LEVEL = "short track"


@dataclass(frozen=True)
class Standing:
    """A result of a race as the race-level rule (`knowledge.race_outcome`) weighs it."""

    id: int
    seconds: float | None
    rank: int | None
    official: bool
    held: str | None


_STANDINGS = (
    select(RaceResult.id, RaceResult.seconds, RaceResult.rank, RaceResult.official, RaceResult.held)
    .where(RaceResult.race_id == bindparam("race_id"))
    .order_by(RaceResult.id)
)
_HOLD = update(RaceResult).where(RaceResult.id == bindparam("result_key"))


def standings(conn: Connection, race_id: int) -> list[Standing]:
    entries = _race_entries(conn, race_id)
    if entries is not None:
        return [
            Standing(e.id, e.seconds, e.rank, e.official, e.held)
            for e in sorted(entries.values(), key=lambda e: e.id)
        ]
    return [Standing(*row) for row in conn.execute(_STANDINGS, {"race_id": race_id})]


def races_with_doubled_places(conn: Connection) -> list[tuple[int, int]]:
    """(race, one of its results) for every race where two shown results have one rank (a
    database from before races were judged, or a dead heat, which judging keeps)."""
    rows = conn.execute(
        select(RaceResult.race_id, func.min(RaceResult.id))
        .where(RaceResult.rank.is_not(None), SHOWN)
        .group_by(RaceResult.race_id, RaceResult.rank)
        .having(func.count() > 1)
        .order_by(RaceResult.race_id)
    )
    seen: dict[int, int] = {}
    for race_id, result_id in rows:
        seen.setdefault(int(race_id), int(result_id))
    return list(seen.items())


def hold(conn: Connection, result_id: int, held: str | None) -> None:
    """Hold a result back from readers ("candidate", "conflict"), or show it (None)."""
    entry = _remembered_entry(conn, result_id)
    if entry is not None:
        if entry.held == held:
            return  # stored as it is
        entry.held = held
        if _written_behind(conn, entry):
            return
    conn.execute(_HOLD, {"result_key": result_id, "held": held})


def _written_behind(conn: Connection, entry: _Entry) -> bool:
    """A remembered result's whole state, written behind (`store.write_behind`)."""
    state = dict(
        seconds=entry.seconds,
        rank=entry.rank,
        disputed=entry.disputed,
        official=entry.official,
        held=entry.held,
    )
    return write_behind.update_result(conn, entry.id, entry.race_id or None, state)


@dataclass(frozen=True)
class ResultView:
    """A result with its race and meet, as pages and commands show it."""

    id: int
    race_id: int
    skater_id: int | None
    athlete: str
    country: str | None
    team: str | None
    distance: str
    gender: str
    seconds: float | None
    rank: int | None
    disputed: bool
    official: bool
    race_date: dt.date | None
    competition_id: int
    competition: str
    city: str | None
    start_date: dt.date | None
    sources: int
    held: str | None
    end_date: dt.date | None  # the meet's last day: a result with no race day is of its days


def _results_query() -> Any:
    # The sources are the result's stored claim count (kept by triggers, migration 0016), not
    # counted per row: a 1,000-result profile probed the claims index 1,000 times.
    return (
        select(
            RaceResult.id,
            RaceResult.race_id,
            RaceResult.skater_id,
            func.coalesce(Skater.name, RaceResult.team).label("athlete"),
            func.coalesce(Skater.country, RaceResult.team).label("country"),
            RaceResult.team,
            Race.distance,
            Race.gender,
            RaceResult.seconds,
            RaceResult.rank,
            RaceResult.disputed,
            RaceResult.official,
            Race.race_date,
            Competition.id.label("competition_id"),
            Competition.name.label("competition"),
            Competition.city,
            Competition.start_date,
            RaceResult.claim_count.label("sources"),
            RaceResult.held,
            Competition.end_date,
        )
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .outerjoin(Skater, Skater.id == RaceResult.skater_id)
    )


_RESULTS = _results_query()
_RESULT_FIELDS = tuple(f.name for f in fields(ResultView))
assert tuple(_RESULTS.selected_columns.keys()) == _RESULT_FIELDS
_RESULT_BY_ID = _RESULTS.where(RaceResult.id == bindparam("result_id"))


def _view(row: Any) -> ResultView:
    # A profile lists a thousand results, and a frozen dataclass's __init__ (each field set
    # through object.__setattr__) cost nearly what the query did: the view is filled the way
    # unpickling fills it. The query selects the fields in their order (checked below, once:
    # `strict` per row cost a tenth of the conversion).
    view = object.__new__(ResultView)
    view.__dict__.update(zip(_RESULT_FIELDS, row, strict=False))
    return view


def where_results(
    query: Any,
    *,
    skater_id: int | None = None,
    race_id: int | None = None,
    competition_id: int | None = None,
    disputed: bool | None = None,
    distance: str | None = None,
    gender: str | None = None,
    held: bool = False,
) -> Any:
    """`query`, over results joined with their races, kept to those matching every filter given
    (the knowledge base's lists and the API's share it): the shown results, or with `held`
    only those held back (conflicts, unconfirmed candidates)."""
    query = query.where(RaceResult.held.is_not(None) if held else SHOWN)
    for column, wanted in (
        (RaceResult.skater_id, skater_id),
        (RaceResult.race_id, race_id),
        (Race.competition_id, competition_id),
        (RaceResult.disputed, disputed),
        (Race.distance, distance),
        (Race.gender, gender),
    ):
        if wanted is not None:
            query = query.where(column == wanted)
    return query


def results(
    conn: Connection,
    *,
    skater_id: int | None = None,
    race_id: int | None = None,
    competition_id: int | None = None,
    disputed: bool | None = None,
    distance: str | None = None,
    limit: int | None = None,
    held: bool = False,
) -> list[ResultView]:
    """The shown results matching the filters; with `held`, those held back instead."""
    query = where_results(
        _RESULTS,
        skater_id=skater_id,
        race_id=race_id,
        competition_id=competition_id,
        disputed=disputed,
        distance=distance,
        held=held,
    )
    query = query.order_by(*_RESULT_ORDER)
    if limit is not None:
        query = query.limit(limit)
    # `.all()`: one fetch of every row, not one driver call per row (psycopg: ~2 us a row).
    return _views(conn.execute(query).all())


def _views(rows: Sequence[Any]) -> list[ResultView]:
    # `_view` inlined: a profile turns a thousand rows into views, and the call per row was a
    # fifth of the conversion. Rows are read by position, so plain tuples do as well as Rows.
    views: list[ResultView] = []
    make, fields_of, append = object.__new__, _RESULT_FIELDS, views.append
    for row in rows:
        view = make(ResultView)
        view.__dict__.update(zip(fields_of, row, strict=False))
        append(view)
    return views


# The id last: results tied on the rest (a shared place, a distance skated twice in a day)
# come back in the order they were stored, on SQLite and PostgreSQL alike.
_RESULT_ORDER = (
    func.coalesce(Race.race_date, Competition.start_date).desc(),
    Race.distance,
    func.coalesce(RaceResult.rank, 999),
    RaceResult.id,
)
# `results(conn, skater_id=...)` built once, for a skater's page (`skater_results`).
_SKATER_RESULTS = (
    where_results(_RESULTS)
    .where(RaceResult.skater_id == bindparam("skater_id"))
    .order_by(*_RESULT_ORDER)
)


def skater_results(skater_id: int) -> Read[list[ResultView]]:
    """`results(conn, skater_id=skater_id)` as a read to send with others (`together`)."""
    return Read(_SKATER_RESULTS, _views, {"skater_id": skater_id}, positional=True)


# A meet's results (`results(conn, competition_id=...)`, shown or held back) built once, for
# the meet page, which sends them with its other reads (`together`).
_MEET_RESULTS = (
    where_results(_RESULTS)
    .where(Race.competition_id == bindparam("competition_id"))
    .order_by(*_RESULT_ORDER)
)
_MEET_HELD = (
    where_results(_RESULTS, held=True)
    .where(Race.competition_id == bindparam("competition_id"))
    .order_by(*_RESULT_ORDER)
)
_MEET_HELD_FIRST = _MEET_HELD.limit(bindparam("limit"))


def meet_results(
    competition_id: int, *, held: bool = False, limit: int | None = None
) -> Read[list[ResultView]]:
    """`results(conn, competition_id=..., held=..., limit=...)` as a read to send with
    others (`together`); `limit` applies to held-back results only."""
    if not held:
        return Read(_MEET_RESULTS, _views, {"competition_id": competition_id}, positional=True)
    if limit is None:
        return Read(_MEET_HELD, _views, {"competition_id": competition_id}, positional=True)
    params = {"competition_id": competition_id, "limit": limit}
    return Read(_MEET_HELD_FIRST, _views, params, positional=True)


def competition_read(competition_id: int) -> Read[CompetitionRow | None]:
    """`competition(conn, competition_id)` as a read to send with others (a page's read: no
    reconciliation memo to fill)."""

    def first(rows: Sequence[Any]) -> CompetitionRow | None:
        return _competition(rows[0]) if rows else None

    return Read(_COMPETITION_BY_ID, first, {"competition_id": competition_id})


def result_by_id(conn: Connection, result_id: int) -> ResultView | None:
    row = conn.execute(_RESULT_BY_ID, {"result_id": result_id}).first()
    return _view(row) if row is not None else None


_RESULTS_BY_IDS = listed(_RESULTS.where, RaceResult.id, "ids")
_RESULTS_OF_RACES = listed(
    lambda of_races: _RESULTS.where(of_races, SHOWN).order_by(
        RaceResult.race_id, func.coalesce(RaceResult.rank, 999), RaceResult.seconds
    ),
    RaceResult.race_id,
    "ids",
)


def results_by_ids(conn: Connection, result_ids: Iterable[int]) -> dict[int, ResultView]:
    """`result_by_id` for several at once (an article's results: one query, not one each)."""
    return {view.id: view for view in _results_in(conn, _RESULTS_BY_IDS, result_ids)}


def results_of_races(conn: Connection, race_ids: Iterable[int]) -> list[ResultView]:
    """The shown results of several races in one query (the home page's podiums)."""
    return _results_in(conn, _RESULTS_OF_RACES, race_ids)


def results_of_races_read(conn: Connection, race_ids: Iterable[int]) -> Read[list[ResultView]]:
    """`results_of_races` as a read to send with others (`together`)."""
    wanted = sorted(set(race_ids))
    return Read(_RESULTS_OF_RACES.on(conn), _views, {"ids": wanted}, positional=True)


def _results_in(conn: Connection, query: Listed[Any], ids: Iterable[int]) -> list[ResultView]:
    """The views `query` (`_RESULTS` kept to a list of `ids`) gives for these ids."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return [_view(row) for row in conn.execute(query.on(conn), {"ids": wanted}).all()]


def best_times(conn: Connection, skater_id: int, since: dt.date | None = None) -> dict[str, float]:
    """The fastest settled time per distance (optionally from a day on): personal bests,
    or season bests with `since` the season's first day."""
    query = (
        select(Race.distance, func.min(RaceResult.seconds))
        .join(Race, Race.id == RaceResult.race_id)
        .join(Competition, Competition.id == Race.competition_id)
        .where(RaceResult.skater_id == skater_id, RaceResult.seconds.is_not(None), SHOWN)
        .where(or_(Competition.level.is_(None), Competition.level != SHORT_TRACK_LEVEL))
        .group_by(Race.distance)
    )
    if since is not None:
        query = query.where(func.coalesce(Race.race_date, Competition.start_date) >= since)
    return {distance: float(seconds) for distance, seconds in conn.execute(query) if seconds}


def race(conn: Connection, race_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        select(Race, Competition.name.label("competition"), Competition.city)
        .join(Competition, Competition.id == Race.competition_id)
        .where(Race.id == race_id)
    ).first()
    return dict(row._mapping) if row is not None else None


# Statements that leave results and claims alone: they run without the writes reconciliation
# holds back (`store.write_behind`) sent first.
write_behind.safe(
    _INSERT_COMPETITION,
    _COMPETITION_BY_SLUG,
    _COMPETITIONS_BETWEEN,
    _COMPETITION_BY_ID,
)
write_behind.safe(
    _INSERT_SKATER, _SKATER_BY_SLUG, _SKATER_BY_ID, *_TAKEN_SLUGS.both, touching=("skaters",)
)
write_behind.safe(_INSERT_ALIASES, *_TAKEN_ALIASES.both, touching=("skater_aliases",))
write_behind.safe(
    _SKATER_BY_ALIAS, *_SKATERS_BY_ALIASES.both, touching=("skaters", "skater_aliases")
)
write_behind.safe(_INSERT_RACE, _RACES_OF, *_RACES_OF_MEETS.both, touching=("races",))
