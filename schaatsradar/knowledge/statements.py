"""What one article says about results, made ready for claiming: every fact of one skater
(or team) in one race joined into one statement with all its parts, the unsure facts
(extraction's candidates) kept apart as unconfirmed statements, and athletes that cannot be
what the fact says refused with the reason.

One article often tells one result in pieces: the winner's time in the first sentence, her
margin in the second, "she won" in the third. Those are one claim with a time, a rank and a
margin; keeping only one of them threw the others away. Two pieces that contradict each
other (two different ranks in one race) are the article disagreeing with itself: both are
kept, as separate statements, for settling to weigh (`claims.settle`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.extract.registry import norm_name
from schaatsradar.extract.types import TEAM_DISTANCES
from schaatsradar.knowledge.matching import city_key, level_of

PARTS = ("seconds", "time", "rank", "margin")
# The context that places a fact in a race: facts that differ in it may be of other races.
CONTEXT = ("distance", "gender", "race_date", "competition", "venue", "earlier", "year")
COUNTRY_NAMES = {
    norm_name(name): code
    for code, (english, names, _adjectives) in COUNTRIES.items()
    for name in (english, *names)
}


@dataclass(frozen=True)
class Statement:
    """One claim an article makes: `fact` in the extraction contract's shape, its parts
    joined from every fact it was made of."""

    fact: dict[str, Any]
    candidate: bool
    # How many statements of the article about the same skater and race (same context) came
    # before this one and disagree with it: 0 for the first. A meet that skates the distance
    # more than once takes a disagreeing one as the skater's next race of it (`book._race`).
    repeat: int = 0


def statements(facts: Mapping[str, Any]) -> list[Statement]:
    """The article's results, stated first, then its candidates, each joined per race."""
    candidates = list((facts.get("candidates") or {}).get("results", []))
    results = timed_by_records(facts.get("results", []), candidates, facts.get("records", []))
    genders = one_gender_each([*results, *candidates])
    results, candidates = _gendered(results, genders), _gendered(candidates, genders)
    fields = race_fields([*results, *candidates])
    return [Statement(f, False, n) for f, n in _joined(_fielded(results, fields))] + [
        Statement(f, True, n) for f, n in _joined(_fielded(candidates, fields))
    ]


# Records set where the race was: the Olympic record at the Games, a track record at its rink.
# (A world or national record "set" is too often the article naming the standing mark.)
_RACE_RECORDS = ("olympic", "track")


def timed_by_records(
    results: Iterable[Mapping[str, Any]],
    candidates: Iterable[Mapping[str, Any]],
    records: Iterable[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """The article's results, a winner's result without a time given the time of the record
    the article says she set in that race ("won the 5000m in an Olympic record"; the time
    only in the record's sentence): the record is a part of the result it was set in.

    Only where nothing else can be meant: an Olympic record with a result at the Olympic
    Games, a track record with a result at the rink it names; the skater's one current
    result of that distance in the article, stated (not a candidate), with no time anywhere
    in the article and no place but first (a record set in a race is its fastest time)."""
    out = [dict(f) for f in results]
    pool = [*out, *(dict(c) for c in candidates)]
    for record in records:
        seconds, distance = record.get("seconds"), record.get("distance")
        if record.get("status") != "set" or record.get("type") not in _RACE_RECORDS:
            continue
        if seconds is None or distance in TEAM_DISTANCES or not record.get("athlete"):
            continue
        who = norm_name(str(record["athlete"]))
        same = [
            f
            for f in pool
            if norm_name(str(f.get("athlete") or "")) == who
            and f.get("distance") == distance
            and not f.get("earlier")
            and f.get("year") is None
        ]
        if not same or any(f.get("seconds") is not None for f in same):
            continue
        if len({_key(f) for f in same}) != 1 or not all(_set_there(record, f) for f in same):
            continue
        for fact in out:
            if any(fact is f for f in same):
                fact.update(seconds=seconds, time=record.get("time"))
    return out


def _set_there(record: Mapping[str, Any], fact: Mapping[str, Any]) -> bool:
    """Whether the record can have been set in the race of `fact`."""
    if fact.get("rank") not in (None, 1):
        return False
    if record.get("gender") in ("women", "men") and record["gender"] != fact.get("gender"):
        return False
    if record["type"] == "olympic":
        return level_of(fact.get("competition")) == "olympics"
    venue, rink = record.get("venue"), fact.get("venue")
    return bool(venue and rink) and city_key(venue) == city_key(rink)


def one_gender_each(facts: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The one gender an article gives each skater it names in individual races with both
    ("bij de mannen" read onto the next sentence's "Anna won"): the one most of the skater's
    facts say, a fact with a time counting twice (it was read with its race); on a tie the
    first said. A person has one gender, so the odd fact is a misreading, not a result of a
    race of the other field (which made a second result, a winner of the wrong race)."""
    votes: dict[str, dict[str, int]] = {}
    for fact in facts:
        gender = fact.get("gender")
        if gender not in ("women", "men") or fact.get("distance") in TEAM_DISTANCES:
            continue
        tally = votes.setdefault(norm_name(str(fact.get("athlete") or "")), {})
        tally[gender] = tally.get(gender, 0) + (2 if fact.get("seconds") is not None else 1)
    # dicts keep the order genders were first said in; max() keeps the first of a tie.
    return {name: max(tally, key=tally.__getitem__) for name, tally in votes.items() if tally}


# What places a fact in a race besides its field (women or men).
_RACE = ("distance", "competition", "venue", "race_date", "earlier", "year")


def race_fields(facts: Iterable[Mapping[str, Any]]) -> dict[tuple[Any, ...], str]:
    """The one field (women or men) an article gives every result of a race it names with
    one: a result it gives no field ("Smit werd zeventiende in 38,47", the field said
    sentences before) is of that race. Kept apart as a race of no field it made a second
    race of one meet and distance, beside the true one, a second winner possible. A race the
    article gives results of both fields in (or of none) tells nothing."""
    seen: dict[tuple[Any, ...], set[str]] = {}
    for fact in facts:
        if fact.get("distance") in TEAM_DISTANCES or fact.get("gender") not in ("women", "men"):
            continue
        seen.setdefault(_race_key(fact), set()).add(str(fact["gender"]))
    return {key: next(iter(found)) for key, found in seen.items() if len(found) == 1}


def _race_key(fact: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(fact.get(c) for c in _RACE)


def _fielded(
    facts: Iterable[dict[str, Any]], fields: Mapping[tuple[Any, ...], str]
) -> list[dict[str, Any]]:
    out = []
    for fact in facts:
        field = fields.get(_race_key(fact))
        individual = fact.get("distance") not in TEAM_DISTANCES
        if individual and fact.get("gender") not in ("women", "men") and field is not None:
            out.append({**fact, "gender": field})
        else:
            out.append(fact)
    return out


def _gendered(
    facts: Iterable[Mapping[str, Any]], genders: Mapping[str, str]
) -> list[dict[str, Any]]:
    out = []
    for fact in facts:
        gender = fact.get("gender")
        wanted = genders.get(norm_name(str(fact.get("athlete") or "")))
        individual = fact.get("distance") not in TEAM_DISTANCES
        if individual and gender in ("women", "men") and wanted and wanted != gender:
            out.append({**fact, "gender": wanted})
        else:
            out.append(dict(fact))
    return out


def _joined(facts: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    joined: list[dict[str, Any]] = []
    repeats: list[int] = []
    for fact in facts:
        key = _key(fact)
        same = [j for j in joined if _key(j) == key]
        fitting = next((j for j in same if _fits(j, fact)), None)
        if fitting is None:
            joined.append(dict(fact))
            repeats.append(len(same))
            continue
        for part in PARTS:
            if fitting.get(part) is None and fact.get(part) is not None:
                fitting[part] = fact[part]
    return list(zip(joined, repeats, strict=True))


def _key(fact: Mapping[str, Any]) -> tuple[Any, ...]:
    return (norm_name(str(fact.get("athlete") or "")), *(fact.get(c) for c in CONTEXT))


def _fits(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    for part in ("seconds", "rank", "margin"):
        a, b = one.get(part), other.get(part)
        if a is not None and b is not None and abs(a - b) >= 0.005:
            return False
    return True


def athlete_problem(fact: Mapping[str, Any]) -> str | None:
    """Why the athlete cannot have this result: a country is never a skater, and a team
    result (team pursuit, team sprint, relay) is never one person's."""
    athlete = str(fact.get("athlete") or "")
    country = COUNTRY_NAMES.get(norm_name(athlete))
    if fact.get("distance") in TEAM_DISTANCES:
        if country is None and athlete.upper() not in COUNTRIES:
            return f"a {fact.get('distance')} is a team's result, and {athlete!r} is no country"
        return None
    if country is not None or athlete.upper() in COUNTRIES:
        distance = fact.get("distance")
        return f"{athlete!r} is a country, not a skater, and the {distance} is no team race"
    return None


def team_code(fact: Mapping[str, Any]) -> str | None:
    """The country code of a team result's athlete ("Noorwegen", "Norway", "NOR")."""
    athlete = str(fact.get("athlete") or "")
    return COUNTRY_NAMES.get(norm_name(athlete)) or (
        athlete.upper() if athlete.upper() in COUNTRIES else None
    )
