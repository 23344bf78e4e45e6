"""What a record an article mentions becomes: a pure decision (`decide`), then thin store calls.

A record from the news is only a claim until something backs it: a stored result of that race
whose time, gender, rink and holder agree (`backing_result`), an official list with the same
mark, or two independent sources (two near-duplicate clusters) saying the same mark. Why: an
article that mentions a record near a time is often not saying that time is the record ("won
in 1.13,24; the world record is Bowe's"), and one misread sentence must not rewrite the book.
An unbacked claim is kept with its source, status "claim": listed apart, never shown as a
record, and promoted as soon as backing arrives (a later article of another cluster, a later
result, an official list), so reconciling article by article in any order ends the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from schaatsradar.extract import patterns
from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.registry import norm_name
from schaatsradar.extract.types import DISTANCES, TEAM_DISTANCES
from schaatsradar.knowledge.recordbook import KEPT_KINDS, TOLERANCE, Mark, Verdict, judge, scope_of
from schaatsradar.store import knowledge as kb
from schaatsradar.store import record_book
from schaatsradar.store import record_sources as sources
from schaatsradar.store.knowledge import ResultView
from schaatsradar.store.record_book import CLAIM, RecordRow

COUNTRY_BY_NAME = {name: code for code, (name, _names, _adjectives) in COUNTRIES.items()}
UNSETTLED = (CLAIM, "disputed")  # marks whose standing a new source or result can change


class Fate(Enum):
    CURRENT = "current"  # backed, and the record now
    HISTORY = "history"  # backed, and a record since broken (set and broken in one meet, ...)
    DISPUTED = "disputed"  # backed, but the book's record contradicts it: shown side by side
    CLAIM = "claim"  # nothing backs it (or its own race refutes it): listed as a claim only


@dataclass(frozen=True)
class Race:
    """The stored result that backs a claim: its day and meet."""

    result_id: int
    day: dt.date | None
    competition_id: int
    city: str | None


@dataclass(frozen=True)
class Backing:
    result: Race | None = None
    independent: int = 1  # sources saying the mark, one per near-duplicate cluster
    official: bool = False

    @property
    def backed(self) -> bool:
        return self.result is not None or self.official or self.independent >= 2


@dataclass(frozen=True)
class Standing:
    """The record a claim is weighed against: when and at which meet it was set."""

    set_on: dt.date | None
    competition_id: int | None = None


def decide(
    verdict: Verdict, backing: Backing, record: Standing | None, said_on: dt.date | None
) -> Fate | None:
    """What a news claim with a time becomes, given `judge`'s verdict against the book, what
    backs it, the current record and the day the first article said it. None: the claim
    adds a source to a mark the book has (SAME, HISTORIC) or is no record (SLOWER); a mark
    said to be broken (OLDER) is history as told."""
    if verdict in (Verdict.SAME, Verdict.HISTORIC, Verdict.SLOWER):
        return None
    if verdict is Verdict.OLDER:
        return Fate.HISTORY
    race = backing.result
    set_on = record.set_on if record else None
    raced_before = (
        race is not None
        and set_on is not None
        and race.day is not None
        and (race.day < set_on or (verdict is Verdict.DISPUTED and race.day <= set_on))
    )
    if verdict in (Verdict.NEW, Verdict.IMPROVES):
        if raced_before:
            return Fate.CLAIM  # faster than a record set after it: one of the two is misread
        return Fate.CURRENT if backing.backed else Fate.CLAIM
    # DISPUTED: slower than the current record, and said to be the record.
    same_meet = (
        race is not None
        and record is not None
        and record.competition_id is not None
        and race.competition_id == record.competition_id
    )
    older_article = set_on is not None and said_on is not None and said_on < set_on
    if raced_before or same_meet or older_article:
        # The book as it was then, or a record set and broken in one meet: history.
        return Fate.HISTORY if backing.backed else Fate.CLAIM
    if race is not None:
        return Fate.CLAIM  # its race came after the faster record: a time, not a record
    return Fate.DISPUTED if backing.backed else Fate.CLAIM


# -- backing ----------------------------------------------------------------------------------


def team_code(name: str | None) -> str | None:
    if not name:
        return None
    return COUNTRY_BY_NAME.get(name) or (name if name in COUNTRIES else None)


def backing_result(
    conn: Connection,
    *,
    kind: str,
    scope: str,
    distance: str,
    gender: str,
    seconds: float,
    skater_id: int | None,
    team: str | None,
    venue: str | None,
    holder: str | None = None,
) -> Race | None:
    """The stored result a record claim agrees with: same distance, gender and time, the
    named holder (when named: by skater or team, else by name), and the rink its type needs
    (a track record at that rink, a national one by a skater of that country, an Olympic one
    at the Games). The one place a result backs a record, so which results count (e.g. only
    those shown) is decided here."""
    for found in sources.timed_results(
        conn, distance, gender, seconds, skater_id=skater_id, team=team
    ):
        result = found.result
        if skater_id is not None and result.skater_id != skater_id:
            continue
        if team is not None and result.team != team:
            continue
        if skater_id is None and team is None and holder and not _same_name(result, holder):
            continue
        if kind == "track" and result.city != scope:
            continue
        if kind == "national" and result.country != scope:
            continue
        if kind == "olympic" and found.level != "olympics":
            continue
        if kind == "world" and venue and result.city and result.city != venue:
            continue
        day = result.race_date or result.start_date
        return Race(result.id, day, result.competition_id, result.city)
    return None


def _same_name(result: ResultView, holder: str) -> bool:
    return norm_name(result.athlete or "") == norm_name(holder)


def _record_standing(conn: Connection, record: RecordRow | None) -> Standing | None:
    if record is None:
        return None
    view = kb.result_by_id(conn, record.result_id) if record.result_id is not None else None
    return Standing(record.set_on, view.competition_id if view else None)


# -- a claim from an article ------------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """Who said a record claim, for its source row."""

    source: str  # "article:12"
    article_id: int | None
    cluster: str
    published: dt.date | None
    evidence: tuple[int, int, str] | None


def take_claim(
    conn: Connection,
    fact: dict[str, Any],
    said: Said,
    outcome: Any,
    refused_times: set[tuple[str | None, int]],
) -> None:
    """A record an article mentions, weighed against the book and what backs it. `outcome`
    is the reconciliation's `Outcome`; `refused_times` the (distance, hundredths) of this
    article's results refused as impossible: a record claim on such a time goes with them."""
    kind = fact.get("type")
    distance = fact.get("distance")
    gender = fact.get("gender")
    if kind not in KEPT_KINDS or distance not in DISTANCES or not gender:
        return
    if gender == "mixed" and distance not in TEAM_DISTANCES:
        return  # only relays are mixed
    seconds = fact.get("seconds")
    if seconds is not None:
        sex = gender if gender in ("women", "men") else None
        if not patterns.plausible(seconds, distance, sex):
            who = f"the {gender}'s " if sex else ""
            outcome.refused.append(
                f"{said.source} {kind} record {distance}: impossible time {fact.get('time')} "
                f"for {who}{distance}"
            )
            return
        if (distance, round(seconds * 100)) in refused_times:
            outcome.refused.append(
                f"{said.source} {kind} record {distance} {fact.get('time')}: its result was refused"
            )
            return
    team = team_code(fact.get("athlete")) if distance in TEAM_DISTANCES else None
    holder_country = team
    skater_id = None
    if fact.get("athlete") and distance not in TEAM_DISTANCES:
        skater = kb.skater_by_key(conn, norm_name(fact["athlete"]))
        if skater is not None:
            skater_id, holder_country = skater.id, skater.country
    if seconds is None and not fact.get("athlete"):
        outcome.refused.append(f"{said.source} {kind} record {distance}: {_untimed(fact)}")
        return
    scope = scope_of(kind, fact.get("venue"), holder_country)
    if scope is None:
        return
    marks = record_book.record_marks(conn, kind, scope, distance, gender)
    current = next((m for m in marks if m.status == "current"), None)
    holder = _Holder(fact.get("athlete"), skater_id, team)
    if seconds is None:
        # "het baanrecord van Leerdam": the record as known, if the words name it. Words
        # with no time that name no known mark are no claim: a record is a time, and a
        # claim without one can be neither backed nor listed, so it is left out, saying why.
        if current is not None and _names(current, holder, fact.get("status"), said.published):
            outcome.records += 1
            _add_source(conn, current.id, said)
        else:
            outcome.refused.append(f"{said.source} {kind} record {distance}: {_untimed(fact)}")
        return
    outcome.records += 1
    history = [Mark(m.id, m.seconds) for m in marks if m.status == "superseded"]
    verdict = judge(
        seconds, Mark(current.id, current.seconds) if current else None, history, fact.get("status")
    )
    label = f"{kind} {scope} {gender} {distance} {fact.get('time')} ({fact.get('athlete')})"
    if verdict in (Verdict.SAME, Verdict.HISTORIC):
        mark = current if verdict is Verdict.SAME else _same_time(marks, seconds, ("superseded",))
        if mark is not None and holder.agrees(mark):
            _add_source(conn, mark.id, said)
        elif mark is not None:
            outcome.refused.append(
                f"{said.source} {label}: the mark of that time is {mark.holder}'s"
            )
        return
    existing = _same_time(marks, seconds, UNSETTLED)
    if existing is not None and not holder.agrees(existing):
        existing = None
    if existing is not None:
        _add_source(conn, existing.id, said)
    race = backing_result(
        conn,
        kind=kind,
        scope=scope,
        distance=distance,
        gender=gender,
        seconds=seconds,
        skater_id=skater_id,
        team=team,
        venue=fact.get("venue"),
        holder=fact.get("athlete"),
    )
    if existing is not None:
        told = sources.standing(conn, existing.id)
        backing = Backing(race, told.independent, told.official)
        said_on = told.first_said
    else:
        backing, said_on = Backing(race), said.published
    fate = decide(verdict, backing, _record_standing(conn, current), said_on)
    if fate is None:
        return
    values = dict(
        kind=kind,
        scope=scope,
        distance=distance,
        gender=gender,
        seconds=seconds,
        skater_id=skater_id,
        holder=fact.get("athlete"),
        holder_country=holder_country,
        set_on=None,
        venue=fact.get("venue"),
        origin="article",
    )
    if existing is not None:
        settle(conn, existing, values, fate, current, race, outcome, label)
    else:
        _add_source(conn, settle(conn, None, values, fate, current, race, outcome, label), said)


def settle(
    conn: Connection,
    stored: RecordRow | None,
    values: dict[str, Any],
    fate: Fate,
    current: RecordRow | None,
    race: Race | None,
    outcome: Any,
    label: str,
) -> int:
    """Store `fate` for a claim: insert it (`stored` None) or restate the stored mark, and
    say so in `outcome`. Returns the mark's id. A backing result dates the mark."""
    standing: dict[str, Any] = {"status": CLAIM, "superseded_by": None, "disputes": None}
    if fate is Fate.CURRENT:
        standing["status"] = "current"
    elif fate is Fate.HISTORY and current is not None:
        standing.update(status="superseded", superseded_by=current.id)
    elif fate is Fate.DISPUTED and current is not None:
        standing.update(status="disputed", disputes=current.id)
    if race is not None and standing["status"] in ("current", "superseded"):
        # Dated by its race (and undone by `record_book.unback` if the race settles on another
        # time).
        standing.update(set_on=race.day, result_id=race.result_id)
    if stored is None:
        record_id = record_book.add_record(conn, **{**values, **standing})
    elif stored.status != standing["status"]:
        record_id = stored.id
        record_book.restate(conn, record_id, **standing)
    else:
        return stored.id  # nothing new: the mark stands as it stood
    if standing["status"] == "current":
        if current is not None and current.id != record_id:
            record_book.supersede(conn, current.id, record_id)
        outcome.new_records.append(label)
        outcome.record_ids.append(record_id)
    elif standing["status"] == "disputed" and current is not None:
        outcome.disputed.append(f"{label}: the known record is {current.seconds}")
    elif standing["status"] == CLAIM:
        outcome.claims.append(f"{label}: nothing backs it yet")
    return record_id


# -- backing that arrives later ---------------------------------------------------------------


def record_places(result: ResultView, level: str | None) -> list[tuple[str, str]]:
    """The books a result's time can be a record in, as (kind, scope): the world's, its
    rink's, its country's, and the Games' when raced at the Games."""
    places = [("world", ""), ("track", result.city), ("national", result.country)]
    if level == "olympics":
        places.append(("olympic", ""))
    return [(kind, scope) for kind, scope in places if scope is not None]


def promote_for_result(
    conn: Connection, result: ResultView, level: str | None, outcome: Any
) -> None:
    """Claims this new result backs are weighed again (a claim said before its race was
    reported, or by an article whose result could not be placed then)."""
    if result.seconds is None or not result.gender:
        return
    for kind, scope in record_places(result, level):
        marks = record_book.record_marks(conn, kind, scope, result.distance, result.gender)
        waiting = [
            m
            for m in marks
            if m.status in UNSETTLED
            and m.seconds is not None
            and abs(m.seconds - result.seconds) <= TOLERANCE
            and (m.skater_id is None or m.skater_id == result.skater_id)
            and (result.team is None or team_code(m.holder) in (None, result.team))
        ]
        for mark in waiting:
            _reweigh(conn, mark, outcome)


def _reweigh(conn: Connection, mark: RecordRow, outcome: Any) -> None:
    marks = record_book.record_marks(conn, mark.kind, mark.scope, mark.distance, mark.gender)
    current = next((m for m in marks if m.status == "current"), None)
    assert mark.seconds is not None
    history = [Mark(m.id, m.seconds) for m in marks if m.status == "superseded"]
    verdict = judge(
        mark.seconds, Mark(current.id, current.seconds) if current else None, history, "set"
    )
    race = backing_result(
        conn,
        kind=mark.kind,
        scope=mark.scope,
        distance=mark.distance,
        gender=mark.gender,
        seconds=mark.seconds,
        skater_id=mark.skater_id,
        team=team_code(mark.holder) if mark.distance in TEAM_DISTANCES else None,
        venue=mark.venue,
        holder=mark.holder,
    )
    told = sources.standing(conn, mark.id)
    fate = decide(
        verdict,
        Backing(race, told.independent, told.official),
        _record_standing(conn, current),
        told.first_said,
    )
    if fate is None:
        return
    label = f"{mark.kind} {mark.scope} {mark.gender} {mark.distance} {mark.seconds} ({mark.holder})"
    settle(conn, mark, {}, fate, current, race, outcome, label)


# -- which marks an article's words name ------------------------------------------------------


@dataclass(frozen=True)
class _Holder:
    name: str | None
    skater_id: int | None
    team: str | None

    def agrees(self, mark: RecordRow) -> bool:
        """Unnamed, or the mark's holder: by skater, by team, else by name."""
        if not self.name:
            return True
        if self.skater_id is not None and mark.skater_id is not None:
            return self.skater_id == mark.skater_id
        if self.team is not None and mark.holder_country:
            return self.team == mark.holder_country
        return bool(mark.holder) and norm_name(self.name) == norm_name(mark.holder or "")


def _untimed(fact: dict[str, Any]) -> str:
    """Why a record claim without a time is left out (see `take_claim`)."""
    if not fact.get("athlete"):
        return "names neither holder nor time, so no mark to keep"
    return f"no time, and no known mark of {fact['athlete']} it names"


def _names(mark: RecordRow, holder: _Holder, status: str | None, published: dt.date | None) -> bool:
    """Whether words without a time name `mark`: they must name its holder, not say it was
    broken, and not be older than the mark itself."""
    if status == "broken" or not holder.name or not holder.agrees(mark):
        return False
    return mark.set_on is None or published is None or published >= mark.set_on


def _same_time(
    marks: list[RecordRow], seconds: float, statuses: tuple[str, ...]
) -> RecordRow | None:
    return next(
        (
            m
            for m in marks
            if m.status in statuses
            and m.seconds is not None
            and abs(m.seconds - seconds) <= TOLERANCE
        ),
        None,
    )


def _add_source(conn: Connection, record_id: int, said: Said) -> None:
    record_book.add_record_source(
        conn, record_id, said.source, article_id=said.article_id, evidence=said.evidence
    )
