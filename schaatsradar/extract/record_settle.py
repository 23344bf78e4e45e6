"""The records of a whole article, settled against each other once every sentence is read.

Why a pass of its own: each sentence drafts the records it mentions, but a report returns to
its records ("Haar wereldrecord staat nu ruim onder dat van Takagi" after she set it) and
one race can see one record improved twice (two skaters under the old world record, the
second faster). Only the article as a whole shows that:

- the same record told twice is one record (the telling with the time wins);
- of the marks of one kind set over one distance, only the fastest stands: a slower one by
  another skater was never the record the article reports (it is dropped), a slower one of the
  same skater was their own earlier mark, now beaten;
- a mark the article presents as standing, of the kind and distance someone set a new one
  at, was beaten by it (or, when it is the new holder's own with no other time, is the new
  record named again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.plausibility import distance_for_time, plausible
from schaatsradar.extract.types import TEAM_DISTANCES, AthleteMention, Record, Result, Span

INDIVIDUAL = ("500m", "1000m", "1500m", "3000m", "5000m", "10000m")

__all__ = ["settle_records"]

# Kinds of which one distance has one holder at a time (per rink, per country, per meet).
CLASSIFICATIONS = ("allround", "sprint")
SINGLE_HOLDER = ("world", "olympic", "track", "national", "continental", "junior_world",
                 "championship")  # fmt: skip


def settle_records(
    records: Sequence[Record],
    results: Sequence[Result],
    athletes: Sequence[AthleteMention] = (),
) -> list[Record]:
    """The article's records, each told once, with superseded marks settled (see module).
    `athletes` give the country of holders without a result here (a national record's old
    holder)."""
    kept = _own_mark_distance([_plausible_distance(r) for r in records if _plausible_team(r)])
    kept = _merge_repeats(kept)
    kept = [r for r in kept if not _told_again(r, kept, results)]
    country = {a.skater.name: a.skater.country for a in athletes if a.skater.country}
    country.update({r.athlete: r.country for r in results if r.country})
    kept = [r for r in kept if not _foreign_national(r, kept, country)]
    out: list[Record] = []
    for record in kept:
        settled = _against_new_marks(record, kept, country)
        if settled is not None:
            out.append(settled)
    return _merge_repeats(_join_halves(out))


def _join_halves(records: list[Record]) -> list[Record]:
    """ "het oude Nederlandse record van Oenema ... terwijl het nationale record op 37,06
    stond": a beaten mark told with its holder and, apart, with its time is one mark."""
    out = list(records)
    for i, named in enumerate(out):
        if named.status != "broken" or named.athlete is None or named.seconds is not None:
            continue
        timed = next(
            (
                j
                for j, r in enumerate(out)
                if r.status in ("broken", "existing")
                and r.athlete is None
                and r.seconds is not None
                and r.type == named.type
                and r.distance == named.distance
                and not (r.type == "track" and r.venue and named.venue and r.venue != named.venue)
            ),
            None,
        )
        if timed is not None:
            out[i] = replace(named, seconds=out[timed].seconds)
            out[timed] = out[i]
    return out


def _foreign_national(record: Record, records: Sequence[Record], country: dict[str, str]) -> bool:
    """A national record set by a skater of another country than the holder of the national
    mark it beat (same distance): the setter is misread, and no record is better than a wrong
    one."""
    if record.type != "national" or record.status != "set" or record.athlete is None:
        return False
    mine = country.get(record.athlete)
    return mine is not None and any(
        r.type == "national"
        and r.status == "broken"
        and r.distance == record.distance
        and r.athlete is not None
        and country.get(r.athlete) not in (None, mine)
        for r in records
    )


def _told_again(record: Record, records: Sequence[Record], results: Sequence[Result]) -> bool:
    """ "Bowe's golden record", "recapturing the world record" after Bowe's world record of
    1:11.61: a new record without a time, at a distance its holder did not race here, is the
    holder's timed record of that kind named again (its distance carried over from another
    race)."""
    if record.status != "set" or record.seconds is not None or record.athlete is None:
        return False
    if record.distance in CLASSIFICATIONS:
        return False
    raced = {r.distance for r in results if r.athlete == record.athlete}
    if record.distance in raced:
        return False
    return any(
        r is not record
        and r.status == "set"
        and r.type == record.type
        and r.athlete == record.athlete
        and r.seconds is not None
        for r in records
    )


def _plausible_distance(record: Record) -> Record:
    """A record's time that cannot be of its distance (a 12:50 "5000 meter" record, the
    distance carried over from an earlier race) names the distance it can be of."""
    if record.seconds is None or record.distance not in INDIVIDUAL:
        return record
    if plausible(record.seconds, record.distance, record.gender):
        return record
    return replace(record, distance=distance_for_time(record.seconds))


def _own_mark_distance(records: list[Record]) -> list[Record]:
    """ "dook met 6.50,54 onder haar eigen baanrecord": the own mark beaten (no time of its
    own) is of the distance of the record that beat it, told by the same words."""
    # The first record set by each evidence, holder and kind, indexed once: a scan of every
    # record for each broken one was quadratic on long record-heavy news (issue 11).
    set_by: dict[tuple[Span, str | None, str], Record] = {}
    for r in records:
        if r.status == "set":
            set_by.setdefault((r.evidence, r.athlete, r.type), r)
    out = []
    for record in records:
        if record.status == "broken" and record.seconds is None and record.athlete is not None:
            new = set_by.get((record.evidence, record.athlete, record.type))
            if new is not None and new.distance != record.distance:
                record = replace(record, distance=new.distance)
        out.append(record)
    return out


COUNTRY_NAMES = frozenset(name for name, _names, _adjectives in COUNTRIES.values())


def _plausible_team(record: Record) -> bool:
    """A team record's time must fit the team race (a 42.57 "relay" record is a misread), and
    its holder is the team: a member named as the sentence's subject ("Sato, Horikawa and
    Takagi clocked ..., taking 0.88 off the mark") does not hold it alone."""
    person = record.athlete is not None and record.athlete not in COUNTRY_NAMES
    if person and record.distance in TEAM_DISTANCES:
        return False
    if record.seconds is None or record.distance not in TEAM_DISTANCES:
        return True
    return plausible(record.seconds, record.distance, None)  # the gender is often guessed


def _merge_repeats(records: Sequence[Record]) -> list[Record]:
    """One record per (kind, status, holder, distance) and time: a telling without a time
    joins the one with it."""
    out: list[Record] = []
    for record in records:
        twin = next((i for i, known in enumerate(out) if _same(known, record)), None)
        if twin is None:
            out.append(record)
        elif out[twin].seconds is None and record.seconds is not None:
            out[twin] = replace(record, evidence=out[twin].evidence)
    return out


def _same(a: Record, b: Record) -> bool:
    if (a.type, a.status, a.athlete, a.distance) != (b.type, b.status, b.athlete, b.distance):
        return False
    if a.athlete is None and a.seconds is None and b.seconds is None:
        return True
    return a.seconds is None or b.seconds is None or abs(a.seconds - b.seconds) < 0.005


def _against_new_marks(
    record: Record, records: Sequence[Record], country: dict[str, str]
) -> Record | None:
    if record.type not in SINGLE_HOLDER or record.distance is None:
        return record
    if record.status == "existing" and record.distance in CLASSIFICATIONS:
        # A points record has no time: a new one by someone else beat the standing one.
        if any(
            r.status == "set"
            and r.athlete not in (None, record.athlete)
            and _same_mark(r, record, country)
            for r in records
        ):
            return replace(record, status="broken")
        return record
    rivals = [
        r
        for r in records
        if r is not record
        and r.status == "set"
        and r.seconds is not None
        and _same_mark(r, record, country)
    ]
    if not rivals:
        return record
    best = min(rivals, key=lambda r: r.seconds or 0.0)
    if record.status == "set":
        if record.seconds is None or record.seconds <= (best.seconds or 0.0):
            return record
        # Slower than another mark set here: the skater's own earlier mark, or no record.
        return replace(record, status="broken") if record.athlete == best.athlete else None
    if record.status == "existing":
        if record.seconds is not None and record.seconds < (best.seconds or 0.0):
            return record  # faster than the "new" mark: not the one it beat
        again = record.seconds is None or abs(record.seconds - (best.seconds or 0.0)) < 0.005
        if record.athlete is not None and record.athlete == best.athlete and again:
            return None  # the new record named again
        return replace(record, status="broken")
    return record


def _same_mark(a: Record, b: Record, country: dict[str, str]) -> bool:
    """Could `a` and `b` be the same title (one kind, distance, gender, rink, country)?"""
    if a.type != b.type or a.distance != b.distance:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.type == "track" and a.venue and b.venue and a.venue != b.venue:
        return False
    if a.type == "national":
        ca = country.get(a.athlete or "")
        cb = country.get(b.athlete or "")
        if ca is None or cb is None or ca != cb:
            return False
    return True
