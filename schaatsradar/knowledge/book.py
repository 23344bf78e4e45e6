"""The knowledge base's operations: load the reference data, reconcile an article's facts,
import an official list. Each runs inside one store transaction given by the caller, so a
refused input leaves nothing behind, and each is idempotent: running it twice on the same
input changes nothing. Each first takes the knowledge base's writer lock
(`store.knowledge_lock`): two of them at once, in two processes, run one after the other,
and make what a sequential run makes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from sqlalchemy import Connection

from schaatsradar.errors import OFFICIAL_ROW, InputRejected
from schaatsradar.extract import patterns
from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.registry import norm_name
from schaatsradar.extract.types import DISTANCES, TEAM_DISTANCES
from schaatsradar.knowledge.calendar import CalendarEvent, bundled_calendar
from schaatsradar.knowledge.disciplines import counts_for_long_track, short_track_record
from schaatsradar.knowledge.events import announce_article, announce_facts
from schaatsradar.knowledge.games_calendar import fold_games
from schaatsradar.knowledge.matching import REPORTED_WITHIN, slugify
from schaatsradar.knowledge.meet_rules import Report, known_race_days, report_of
from schaatsradar.knowledge.news_meets import MENTION, meet_for
from schaatsradar.knowledge.official_types import OfficialData, OfficialRecord
from schaatsradar.knowledge.race_days import race_day, skated_after
from schaatsradar.knowledge.record_backed import backing_mark
from schaatsradar.knowledge.record_claims import (
    UNSETTLED,
    Said,
    promote_for_result,
    record_places,
    take_claim,
)
from schaatsradar.knowledge.recordbook import Mark, Verdict, judge, scope_of
from schaatsradar.knowledge.reference import (
    RecordRow,
    bundled_records,
    bundled_rinks,
    bundled_skaters,
)
from schaatsradar.knowledge.season_calendar import load_bundled_calendar, stored_distances
from schaatsradar.knowledge.settling import Changed, settle_and_judge
from schaatsradar.knowledge.statements import athlete_problem, statements, team_code
from schaatsradar.knowledge.twice_skated import other_winner_from
from schaatsradar.store import (
    Store,
    article_refs,
    dialect,
    knowledge_lock,
    record_book,
    result_memo,
)
from schaatsradar.store import knowledge as kb
from schaatsradar.store.article_refs import ArticleRef
from schaatsradar.store.knowledge import ClaimParts, CompetitionRow

REFERENCE = "reference"
COUNTRY_BY_NAME = {name: code for code, (name, _names, _adjectives) in COUNTRIES.items()}


@dataclass
class Outcome:
    """What one reconciliation or import did; `refused` names each fact left out and why."""

    results: int = 0
    candidates: int = 0  # unsure results, kept as unconfirmed claims
    records: int = 0
    new_records: list[str] = field(default_factory=list)
    disputed: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)  # news records nothing backs (yet)
    refused: list[str] = field(default_factory=list)
    # The rows this call touched, for its events; `merge` leaves them out (totals count).
    result_ids: list[int] = field(default_factory=list)
    record_ids: list[int] = field(default_factory=list)
    # Other results this call brought to readers (a conflict ended), to announce too.
    released: list[int] = field(default_factory=list)

    def merge(self, other: Outcome) -> None:
        self.results += other.results
        self.candidates += other.candidates
        self.records += other.records
        self.new_records.extend(other.new_records)
        self.disputed.extend(other.disputed)
        self.claims.extend(other.claims)
        self.refused.extend(other.refused)


# -- reference data ---------------------------------------------------------------------------


def load_reference(conn: Connection) -> None:
    """Skaters, rinks, the season calendar, world and track records from the bundled files.
    Rows already present are left alone, so this runs on every upgrade."""
    knowledge_lock.hold(conn)  # two commands opening a new database at once load it once
    for row in bundled_skaters().rows:
        skater_id = _ensure_skater(conn, row.name, row.country, row.gender, known=True)
        kb.add_aliases(conn, skater_id, [norm_name(a) for a in row.aliases])
    for rink in bundled_rinks().rows:
        kb.ensure_rink(
            conn,
            name=rink.name,
            city=rink.city,
            country=rink.country,
            altitude_m=rink.altitude_m,
            indoor=rink.indoor,
            source=rink.source,
        )
    load_bundled_calendar(conn)
    _load_reference_records(conn, bundled_records().rows)
    _judge_old_races(conn)


def _judge_old_races(conn: Connection) -> None:
    """Races taken in before races were judged (migration 0009) may show two winners (or two
    thirds): they are judged now, on every upgrade, and a record a result now held had made
    is withdrawn. (A dead heat stays as it is: found again, it changes nothing.)"""
    for race_id, result_id in kb.races_with_doubled_places(conn):
        _follow(conn, settle_and_judge(conn, race_id, result_id), result_id, Outcome())


def _load_reference_records(conn: Connection, rows: Sequence[RecordRow]) -> None:
    """Fastest first, so every slower mark of a record is chained to the one that beat it."""
    for row in sorted(rows, key=lambda r: (r.kind, r.venue or "", r.gender, r.distance, r.seconds)):
        scope = row.venue if row.kind == "track" else ""
        assert scope is not None
        marks = record_book.record_marks(conn, row.kind, scope, row.distance, row.gender)
        same = [m for m in marks if m.seconds is not None and abs(m.seconds - row.seconds) < 0.005]
        if same:
            record_id = same[0].id
        else:
            faster = [
                m
                for m in marks
                if m.status in ("current", "superseded")  # claims and disputes hold nothing
                and m.seconds is not None
                and m.seconds < row.seconds
            ]
            # A slower mark the news made current before this file listed the record (the
            # Olympic records, added later) is history now.
            slower = [
                m
                for m in marks
                if m.status == "current" and m.seconds is not None and m.seconds > row.seconds
            ]
            skater_id, holder, country = _holder(conn, row.holder, row.country, row.distance)
            record_id = record_book.add_record(
                conn,
                kind=row.kind,
                scope=scope,
                distance=row.distance,
                gender=row.gender,
                seconds=row.seconds,
                skater_id=skater_id,
                holder=holder,
                holder_country=country,
                set_on=row.set_on,
                venue=row.venue,
                status="current" if row.current and not faster else "superseded",
                superseded_by=faster[-1].id if faster else None,
                origin=REFERENCE,
            )
            if row.current and not faster:
                for mark in slower:
                    record_book.supersede(conn, mark.id, record_id)
        record_book.add_record_source(conn, record_id, f"{REFERENCE}:{row.kind}", url=row.source)


def _holder(
    conn: Connection, name: str | None, country: str | None, distance: str
) -> tuple[int | None, str | None, str | None]:
    if distance in TEAM_DISTANCES or not name:
        return None, name, country
    skater = kb.skater_by_key(conn, norm_name(name))
    if skater is None:
        return _ensure_skater(conn, name, country, None, known=False), name, country
    return skater.id, skater.name, skater.country or country


def _ensure_skater(
    conn: Connection, name: str, country: str | None, gender: str | None, *, known: bool
) -> int:
    key = norm_name(name)
    found = kb.skater_by_key(conn, key)
    if found is not None:
        return found.id
    slug = slugify(name) or key
    taken = kb.skater_by_slug(conn, slug)
    if taken is not None:
        slug = f"{slug}-{(country or 'x').casefold()}"
    skater_id = kb.add_skater(
        conn, slug=slug, name=name, country=country, gender=gender, known=known
    )
    kb.add_aliases(conn, skater_id, [key])
    return skater_id


# -- articles ---------------------------------------------------------------------------------


@cache
def _programmes() -> dict[str, CalendarEvent]:
    return {event.slug: event for event in fold_games(bundled_calendar())}


@cache
def _season() -> tuple[dt.date, dt.date]:
    """The days the bundled calendar covers, with the days articles report after them."""
    events = bundled_calendar()
    return min(e.start for e in events), max(e.end for e in events) + dt.timedelta(days=10)


def _holds_in(conn: Connection) -> Callable[[CompetitionRow, str], bool]:
    """Whether a meet's programme has a distance (True when it is not known): the bundled
    file's, else an imported calendar's as stored."""

    def holds(meet: CompetitionRow, distance: str) -> bool:
        event = _programmes().get(meet.slug)
        if event is not None:
            return not event.distances or distance in event.distances
        if meet.origin != "calendar":
            return True  # the news says nothing of a programme
        distances = stored_distances(conn, meet.id)
        return not distances or distance in distances

    return holds


def reconcile_article(conn: Connection, article: ArticleRef, facts: dict[str, Any]) -> Outcome:
    """An article's extracted results and records, matched to races and the record book."""
    knowledge_lock.hold(conn)
    outcome = Outcome()
    source = f"article:{article.id}"
    cluster = f"cluster:{article.cluster_id}"
    month_only = article.date_precision == "month"
    facts = known_race_days(facts, article.published, month_only=month_only)
    report = report_of(facts.get("results", []), article.published, month_only=month_only)
    written: set[int] = set()
    refused_times: set[tuple[str | None, int]] = set()  # a record claim on one of these goes too
    for statement in statements(facts):
        fact = statement.fact
        reason = _implausible(fact)
        if reason:
            outcome.refused.append(
                f"{source} {fact.get('athlete')} {fact.get('distance')}: {reason}"
            )
            if fact.get("seconds") is not None:
                refused_times.add((fact.get("distance"), round(fact["seconds"] * 100)))
            continue
        meet_id = _meet_for(conn, fact, article.published, report)
        if isinstance(meet_id, int) and (later := skated_after(conn, fact, meet_id, report.last)):
            meet_id = MENTION + later
        if isinstance(meet_id, str):
            outcome.refused.append(f"{source} {fact['athlete']} {fact['distance']}: {meet_id}")
            continue
        evidence = fact.get("evidence") or {}
        result_id = _claim(
            conn,
            meet_id=meet_id,
            fact=fact,
            source_key=source,
            article_id=article.id,
            cluster=cluster,
            official=False,
            evidence=(evidence["start"], evidence["end"], evidence["text"]) if evidence else None,
            candidate=statement.candidate,
            written=written,
            outcome=outcome,
            repeat=statement.repeat,
            reported=(report.first, report.last),
        )
        if statement.candidate:
            outcome.candidates += 1
        else:
            outcome.results += 1
        outcome.result_ids.append(result_id)
    said = Said(source, article.id, cluster, article.published, None)
    for fact in facts.get("records", []):
        if short_track_record(fact, facts.get("results", [])):
            what = f"{fact.get('type')} record {fact.get('athlete')} {fact.get('distance')}"
            outcome.refused.append(f"{source} {what}: a short-track mark, no long-track record")
            continue
        span = fact.get("evidence") or {}
        evidence = (span["start"], span["end"], span["text"]) if span else None
        take_claim(conn, fact, replace(said, evidence=evidence), outcome, refused_times)
    return outcome


def _implausible(fact: dict[str, Any]) -> str | None:
    distance = fact.get("distance")
    if distance not in DISTANCES:
        return f"unknown distance {distance!r}"
    wrong_athlete = athlete_problem(fact)
    if wrong_athlete:
        return wrong_athlete
    seconds = fact.get("seconds")
    gender = fact.get("gender") if fact.get("gender") in ("women", "men") else None
    if seconds is not None and not patterns.plausible(seconds, distance, gender):
        who = f"the {gender}'s " if gender else ""
        return f"impossible time {fact.get('time')} for {who}{distance}"
    return None  # (a day after the article is no race day: `meet_rules.no_race_day`)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _meet_for(
    conn: Connection, fact: dict[str, Any], published: dt.date, report: Report | None = None
) -> int | str:
    """The meet a result belongs to, or why it is none (`news_meets.meet_for`). Without a
    `report` (an official list) every meet the fact names is one its source reports."""
    report = report or Report(published, published, everything=True)
    return meet_for(conn, fact, report, holds=_holds_in(conn), season=_season())


def _claim(
    conn: Connection,
    *,
    meet_id: int,
    fact: dict[str, Any],
    source_key: str,
    article_id: int | None,
    cluster: str,
    official: bool,
    evidence: tuple[int, int, str] | None,
    outcome: Outcome,
    candidate: bool = False,
    written: set[int] | None = None,
    repeat: int = 0,
    reported: tuple[dt.date, dt.date] | None = None,
) -> int:
    """Claims what `fact` says about a result, settles the result and judges its race again
    (`settling`); records follow what readers are shown: made from a result now shown,
    withdrawn from one now held back."""
    distance = fact["distance"]
    if distance in TEAM_DISTANCES:
        code = fact.get("country") or team_code(fact) or fact["athlete"][:3]
        skater_id, team, key = None, code, f"t:{code}"
        gender = fact.get("gender") or ""
    else:
        skater_id = _ensure_skater(
            conn, fact["athlete"], fact.get("country"), fact.get("gender"), known=False
        )
        skater = kb.skater_by_id(conn, skater_id)
        team, key = None, f"s:{skater_id}"
        gender = _gender_of(skater, fact.get("gender"))
    meet = kb.competition(conn, meet_id)
    race_date = _day(fact.get("race_date"))
    outside = (
        meet is not None
        and meet.start_date is not None
        and race_date is not None
        and not meet.start_date <= race_date <= (meet.end_date or meet.start_date)
    )
    # A meet whose days are not known (history of a named year, an edition named in
    # passing) is not raced on the days of the article that names it: that day is the
    # report's, carried onto the sentence.
    carried = (
        meet is not None
        and meet.start_date is None
        and race_date is not None
        and reported is not None
        and reported[0] - REPORTED_WITHIN <= race_date <= reported[1] + dt.timedelta(days=1)
    )
    if outside or carried:
        race_date = None  # the article's day, not the race's
    race_date = race_day(conn, fact, meet, gender, race_date, reported[1] if reported else None)
    race_id = _race(conn, meet, meet_id, distance, gender, race_date, key, fact, repeat)
    if (
        race_date is None
        and fact.get("rank") == 1
        and _times_skated(meet, distance) > 1
        and other_winner_from(conn, race_id, key, source_key)
    ):
        race_id = _race(conn, meet, meet_id, distance, gender, None, key, fact, 1)
    result_id = kb.add_claim(
        conn,
        race_id=race_id,
        athlete_key=key,
        skater_id=skater_id,
        team=team,
        source_key=source_key,
        article_id=article_id,
        cluster=cluster,
        official=official,
        parts=ClaimParts(fact.get("seconds"), fact.get("rank"), fact.get("margin"), candidate),
        evidence=evidence,
        written=written,
    )
    if not official and team is None:
        _claim_of_mark(conn, meet, race_id, key, skater_id, fact, gender, race_date)
    changed = settle_and_judge(conn, race_id, result_id)
    settled = changed.settled
    for record in record_book.records_made_by(conn, result_id):
        if (
            record.seconds is None
            or settled.seconds is None
            or (abs(record.seconds - settled.seconds) > 0.005)
        ):
            _unmake(conn, record)  # the sources now settle on another time
    _follow(conn, changed, result_id, outcome)
    return result_id


def _claim_of_mark(
    conn: Connection,
    meet: CompetitionRow | None,
    race_id: int,
    key: str,
    skater_id: int | None,
    fact: dict[str, Any],
    gender: str,
    race_date: dt.date | None,
) -> None:
    """The record book's own claim on a result whose time it holds as a mark of this skater,
    set at this meet (`record_backed`): an independent source, so an unsure time is
    confirmed by it, and the place it tells (the winner) is claimed with it. Reads only
    books reconciling reads anyway (remembered per transaction)."""
    if meet is None or meet.start_date is None or not gender or fact.get("seconds") is None:
        return
    if not counts_for_long_track(meet.name, meet.level):
        return
    distance = fact["distance"]
    days = (
        (race_date, race_date) if race_date else (meet.start_date, meet.end_date or meet.start_date)
    )
    places = [("world", ""), ("olympic", "")] if meet.level == "olympics" else [("world", "")]
    if meet.city:
        places.append(("track", meet.city))
    marks = [
        mark
        for kind, scope in places
        for mark in record_book.record_marks(conn, kind, scope, distance, gender)
    ]
    backing = backing_mark(
        marks,
        skater_id=skater_id,
        athlete=fact["athlete"],
        seconds=fact["seconds"],
        days=days,
        distance=distance,
    )
    if backing is None:
        return
    # Undated in a meet that skates the distance twice, the race it won is not sure.
    rank = backing.rank if race_date or _times_skated(meet, distance) == 1 else None
    source = f"record:{backing.mark.id}"
    kb.add_claim(
        conn,
        race_id=race_id,
        athlete_key=key,
        skater_id=skater_id,
        team=None,
        source_key=source,
        article_id=None,
        cluster=source,
        official=False,
        parts=ClaimParts(backing.seconds, rank),
        evidence=None,
    )


def _follow(conn: Connection, changed: Changed, result_id: int, outcome: Outcome) -> None:
    """Records and announcements follow what readers see: a result held back makes no record
    and withdraws the one it made; one shown (again) may make one and is announced."""
    for held in changed.held:
        for record in record_book.records_made_by(conn, held):
            _unmake(conn, record)
    if changed.held_as is None and changed.settled.seconds is not None:
        # (Held back or without a time, it makes nothing: not read again to learn that.)
        _records_from_result(conn, result_id, outcome)
    for other in changed.shown:
        if other != result_id:
            _records_from_result(conn, other, outcome)
            outcome.released.append(other)


def _gender_of(skater: kb.SkaterRow | None, stated: str | None) -> str:
    """The race a skater's result belongs to is the registry's women's or men's race when the
    registry knows the skater: a pronoun or a field word misread near the name ("zij", "bij de
    vrouwen" about another skater) must not move a man into the women's race. A skater only
    the news knows keeps what the text says."""
    if skater is not None and skater.known and skater.gender in ("women", "men"):
        return skater.gender
    return stated or (skater.gender if skater else None) or ""


def _unmake(conn: Connection, record: record_book.RecordRow) -> None:
    """A record whose result no longer stands as it was: a news record it backed is a claim
    again (its article still says it); one the result alone made is withdrawn."""
    if record.origin == "article":
        record_book.unback(conn, record.id)
    else:
        record_book.withdraw(conn, record.id)


def _race(
    conn: Connection,
    meet: CompetitionRow | None,
    meet_id: int,
    distance: str,
    gender: str,
    race_date: dt.date | None,
    athlete_key: str,
    fact: dict[str, Any],
    repeat: int = 0,
) -> int:
    """The race a statement is about. A dated one is the race of that day. An undated one is
    the meet's race of that distance, unless the meet skates it more than once ("500m (x2)")
    and the skater's result in the known race says otherwise: then it is the other race.
    An article that gives a skater a second, different place or time in a distance its meet
    skates more than once (`repeat`, see `statements`) tells that race, not a contradiction."""
    races = kb.races_of(conn, meet_id, distance, gender)
    if repeat and _times_skated(meet, distance) > repeat:
        day_key = f"#{repeat + 1}"
        known = next((race.id for race in races if race.day_key == day_key), None)
        return known or kb.add_race(conn, meet_id, distance, gender, None, day_key)
    if race_date is not None:
        for race in races:
            if race.race_date == race_date:
                return race.id
        for race in races:
            if race.race_date is None:
                held = kb.result_in(conn, race.id, athlete_key)
                if held is None or _agrees(held, fact):
                    kb.date_race(conn, race.id, race_date)  # now we know its day
                    return race.id
        return kb.add_race(conn, meet_id, distance, gender, race_date, race_date.isoformat())
    allowed = _races_held(meet, distance)
    for race in races:
        held = kb.result_in(conn, race.id, athlete_key)
        if held is None or _agrees(held, fact):
            return race.id
    if races and len(races) >= allowed:
        return races[0].id  # a real disagreement: kept, and the result marked disputed
    day_key = f"#{len(races) + 1}" if races else ""
    return kb.add_race(conn, meet_id, distance, gender, None, day_key)


# A World Cup weekend whose programme is not known may skate these twice (two 500 m races are
# the rule, two 1000 m races were in some seasons).
TWICE_AT_A_WORLD_CUP = frozenset({"500m", "1000m"})


def _times_skated(meet: CompetitionRow | None, distance: str) -> int:
    """How often a meet skates a distance, as far as can be known: its programme's count, or
    for a World Cup without a known programme twice for a sprint distance; else once."""
    if meet is None:
        return 1
    event = _programmes().get(meet.slug)
    if event is not None and event.programme:
        return _races_held(meet, distance)
    if meet.level == "world cup" and distance in TWICE_AT_A_WORLD_CUP:
        return 2
    return 1


def _races_held(meet: CompetitionRow | None, distance: str) -> int:
    event = _programmes().get(meet.slug) if meet is not None else None
    if event is None:
        return 1
    return max((e.races for e in event.programme if e.distance == distance), default=1)


def _agrees(known: tuple[float | None, int | None], fact: dict[str, Any]) -> bool:
    seconds, rank = known
    new_seconds, new_rank = fact.get("seconds"), fact.get("rank")
    if seconds is not None and new_seconds is not None and abs(seconds - new_seconds) > 0.005:
        return False
    return rank is None or new_rank is None or rank == new_rank


def _records_from_result(conn: Connection, result_id: int, outcome: Outcome) -> None:
    """A time faster than a known world, track, national or (at the Games) Olympic record is
    a new record, whether or not any article calls it one; and a news record claim this
    result backs is weighed again (`record_claims.promote_for_result`). The only place a
    result makes or confirms a record."""
    result = result_memo.result_view(conn, result_id)
    if result is None or result.seconds is None or not result.gender:
        return
    if result.held is not None:
        return  # only a shown result makes or backs a record
    meet = kb.competition(conn, result.competition_id)
    level = meet.level if meet is not None else None
    if not counts_for_long_track(result.competition, level):
        return  # a short-track time makes or backs no long-track record
    # News claims this result backs first: a claim it confirms is that record, not a second.
    promote_for_result(conn, result, level, outcome)
    if result.distance in TEAM_DISTANCES:
        return
    for kind, scope in record_places(result, level):
        marks = record_book.record_marks(conn, kind, scope, result.distance, result.gender)
        current = next((m for m in marks if m.status == "current"), None)
        if current is None:
            continue  # no known record to beat: a result alone does not start a record
        day = result.race_date or result.start_date
        if current.set_on is not None and day is not None and day < current.set_on:
            continue  # raced before the record was set: it beat an older mark, not this one
        verdict = judge(
            result.seconds,
            Mark(current.id, current.seconds),
            [Mark(m.id, m.seconds) for m in marks if m.status == "superseded"],
            None,
        )
        if verdict is Verdict.IMPROVES:
            new_id = record_book.add_record(
                conn,
                kind=kind,
                scope=scope,
                distance=result.distance,
                gender=result.gender,
                seconds=result.seconds,
                skater_id=result.skater_id,
                holder=result.athlete,
                holder_country=result.country,
                set_on=result.race_date or result.start_date,
                venue=result.city,
                status="current",
                result_id=result.id,
                origin="result",
            )
            record_book.supersede(conn, current.id, new_id)
            outcome.new_records.append(
                f"{kind} {scope} {result.gender} {result.distance}: {result.athlete}"
            )
            outcome.record_ids.append(new_id)


def reconcile(conn: Connection, articles: Iterable[tuple[ArticleRef, dict[str, Any]]]) -> Outcome:
    total = Outcome()
    for article, facts in articles:
        total.merge(reconcile_article(conn, article, facts))
    return total


def reconcile_pending(store: Store, now: dt.datetime, batch: int = 200) -> Outcome:
    """Take in the facts of every article not reconciled yet, a batch per transaction (a
    killed run loses at most the batch it was in, and the next run picks it up)."""
    total = Outcome()
    # Each batch takes the oldest pending articles, so every one up to `after` is taken in.
    # (One a concurrent ingest commits later under a lower id waits for the next run.)
    # Two ingests reconciling at once take turns by batch (`knowledge_lock`, taken before the
    # pending articles are read): each batch is what the other left pending.
    after = 0
    carried = kb.Carried()  # what a batch remembered, for the next (if nothing else wrote)
    while True:
        with store.write() as conn:
            knowledge_lock.hold(conn)
            dialect.plan_for_growing_tables(conn)  # a batch grows the tables it reads
            with kb.memoized(conn, carried):
                pending = article_refs.pending_facts(conn, batch, after)
                if not pending:
                    return total
                names = _names_of(facts for _a, _e, facts in pending)
                kb.remember_skaters(conn, names)
                kb.remember_free_slugs(conn, _new_slugs(conn, names))
                for article, _extractor, facts in pending:
                    outcome = reconcile_article(conn, article, facts)
                    announce_article(
                        conn, article, facts, outcome.result_ids, outcome.record_ids, now
                    )
                    announce_facts(conn, outcome.released, [], now)  # shown now, by this article
                    total.merge(outcome)
                article_refs.mark_reconciled(conn, [(a.id, e) for a, e, _ in pending], now)
        after = pending[-1][0].id


def _names_of(batch: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The name keys a batch of articles' facts will look skaters up by (looked up at once),
    each with a name it stands for."""
    keys: dict[str, str] = {}
    for facts in batch:
        candidates = (facts.get("candidates") or {}).get("results", [])
        for fact in [*facts.get("results", []), *candidates]:
            if isinstance(fact.get("athlete"), str):
                keys.setdefault(norm_name(fact["athlete"]), fact["athlete"])
        for athlete in facts.get("athletes", []):
            if isinstance(athlete.get("name"), str):
                keys.setdefault(norm_name(athlete["name"]), athlete["name"])
    return keys


def _new_slugs(conn: Connection, names: dict[str, str]) -> list[str]:
    """The slugs `_ensure_skater` will ask about for the batch's names nobody has yet."""
    return [
        slugify(name) or key for key, name in names.items() if kb.skater_by_key(conn, key) is None
    ]


# -- official lists ---------------------------------------------------------------------------


def import_official(conn: Connection, data: OfficialData, now: dt.datetime) -> Outcome:
    """An official result list or record list. One refused row and nothing is stored: an
    official list that is partly wrong cannot outrank anything. Its new results and records
    are announced to followers (`alerts.announce`) as of `now`."""
    if not data.ok:
        raise InputRejected("\n".join(map(str, data.rejections)), OFFICIAL_ROW)
    knowledge_lock.hold(conn)
    outcome = Outcome()
    for athlete in data.athletes:
        _ensure_skater(conn, athlete.name, athlete.country, athlete.gender, known=True)
    for result in data.results:
        fact = result.to_json()
        day = result.race_date or _official_day(data, result.competition)
        if day is None:
            outcome.refused.append(f"{result.source} {result.athlete}: the list gives no date")
            continue
        reason = _implausible(fact)
        meet_id = reason or _meet_for(conn, fact, day)
        if isinstance(meet_id, str):
            outcome.refused.append(f"{result.source} {result.athlete}: {meet_id}")
            continue
        result_id = _claim(
            conn,
            meet_id=meet_id,
            fact=fact,
            source_key=f"official:{result.source}",
            article_id=None,
            cluster=f"official:{result.source}",
            official=True,
            evidence=None,
            outcome=outcome,
        )
        outcome.results += 1
        outcome.result_ids.append(result_id)
        view = kb.result_by_id(conn, result_id)
        if view is not None and view.disputed:
            outcome.disputed.append(
                f"{view.athlete} {view.distance} {view.competition}: the news disagrees with "
                "the official list"
            )
    for record in data.records:
        _official_record(conn, record, outcome)
    announce_facts(conn, [*outcome.result_ids, *outcome.released], outcome.record_ids, now)
    return outcome


def _official_day(data: OfficialData, competition: str | None) -> dt.date | None:
    for meet in data.competitions:
        if meet.name == competition:
            return meet.start
    return None


def _official_record(conn: Connection, record: OfficialRecord, outcome: Outcome) -> None:
    """An official record is the record: a differing mark from the news or an older file
    becomes disputed (if faster) or superseded history (if slower)."""
    skater_id, holder, country = _holder(conn, record.athlete, record.country, record.distance)
    if record.kind in {"personal", "season_best"}:
        if skater_id is None:
            return
        skater = kb.skater_by_id(conn, skater_id)
        scope = skater.slug if skater else str(skater_id)
    else:
        found = scope_of(record.kind, record.venue, country)
        if found is None:
            return
        scope = found
    gender = record.gender or ""
    marks = record_book.record_marks(conn, record.kind, scope, record.distance, gender)
    source = f"official:{record.source}"
    outcome.records += 1
    same = [m for m in marks if m.seconds is not None and abs(m.seconds - record.seconds) < 0.005]
    if same and same[0].status not in UNSETTLED:
        record_book.add_record_source(conn, same[0].id, source)
        return
    current = next((m for m in marks if m.status == "current"), None)
    if same:  # a news claim of this mark: the official list makes it the record
        new_id = same[0].id
        record_book.restate(conn, new_id, status="current", disputes=None, set_on=record.date)
        record_book.add_record_source(conn, new_id, source)
        _official_over(conn, record, scope, gender, current, new_id, outcome)
        return
    new_id = record_book.add_record(
        conn,
        kind=record.kind,
        scope=scope,
        distance=record.distance,
        gender=gender,
        seconds=record.seconds,
        skater_id=skater_id,
        holder=holder,
        holder_country=country,
        set_on=record.date,
        venue=record.venue,
        status="current",
        origin="official",
    )
    record_book.add_record_source(conn, new_id, source)
    _official_over(conn, record, scope, gender, current, new_id, outcome)


def _official_over(
    conn: Connection,
    record: OfficialRecord,
    scope: str,
    gender: str,
    current: record_book.RecordRow | None,
    new_id: int,
    outcome: Outcome,
) -> None:
    """The official mark `new_id` over the book's current one: that is disputed if faster
    (not ratified), else history."""
    if current is None:
        return
    if current.seconds is not None and current.seconds < record.seconds:
        record_book.dispute(
            conn, current.id, new_id
        )  # faster than the official record: not ratified
        outcome.disputed.append(
            f"{record.kind} {scope} {gender} {record.distance}: {current.seconds} is not the "
            f"official record ({record.seconds})"
        )
    else:
        record_book.supersede(conn, current.id, new_id)
        outcome.new_records.append(f"{record.kind} {scope} {gender} {record.distance}")
        outcome.record_ids.append(new_id)


# -- skaters ----------------------------------------------------------------------------------


def merge(conn: Connection, keep: int, other: int) -> None:
    """Two registry entries that are one person: everything of `other` becomes `keep`'s, and
    results that now hold both entries' claims are settled again."""
    knowledge_lock.hold(conn)
    kb.merge_skaters(conn, keep, other)
    outcome = Outcome()
    for result in [*kb.results(conn, skater_id=keep), *kb.results(conn, skater_id=keep, held=True)]:
        _follow(conn, settle_and_judge(conn, result.race_id, result.id), result.id, outcome)
