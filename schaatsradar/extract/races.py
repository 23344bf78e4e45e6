"""One result per skater per race: merging what several sentences say, and places that
follow from the order of the times."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.scanning import blind
from schaatsradar.extract.types import (
    TEAM_DISTANCES,
    Result,
)

# "de tweede 500 meter", "both 500s", "the first 1000m": the text says a distance was raced
# more than once at the meet, so two places on it may be two races.
REPEATED_DISTANCE = blind(
    r"\b(?:eerste|tweede|first|second|1e|2e|beide|both|twee|two)\s+(500|1\.?,?000|1\.?,?500)"
    r"(?:\s*m\b|\s*meters?\b|\s*metres?\b|s\b)|\b(?:de|the)\s+(500|1\.?,?000|1\.?,?500)"
    r"(?:\s*meters|s)\b"
)


def repeated_distances(text: str) -> set[str]:
    """The distances the text says were raced more than once at the meet."""
    found = set()
    for m in REPEATED_DISTANCE.finditer(text):
        digits = re.sub(r"\D", "", m.group(1) or m.group(2))
        found.add(f"{digits}m")
    return found


def merge_results(
    results: Sequence[Result], repeated: frozenset[str] | set[str] = frozenset()
) -> list[Result]:
    """One result per skater per race: later sentences add a missing time or rank. A
    different time or rank for the same skater and distance is another race (two 500s in a
    weekend, last year's title), kept apart, unless they are two places without a time for
    one race of a distance raced once (see `_contradicting_places`)."""
    merged: list[Result] = []
    for result in results:
        for index, known in enumerate(merged):
            if (known.athlete, known.distance) != (result.athlete, result.distance):
                continue
            # A gender one sentence leaves open is the one another gives (issue 11, class 1).
            if known.gender != result.gender and (
                None not in (known.gender, result.gender) or result.distance in TEAM_DISTANCES
            ):
                continue  # a weekend holds a men's and a women's team pursuit
            if _conflict(known, result) and (
                result.distance in repeated or not _contradicting_places(known, result)
            ):
                continue
            merged[index] = replace(
                known,
                gender=known.gender or result.gender,
                seconds=known.seconds if known.seconds is not None else result.seconds,
                rank=known.rank if known.rank is not None else result.rank,
                # "won de olympische titel. Ze won maandag in 1.12,31": the day, rink or meet
                # one statement leaves open is the one the other gives.
                race_date=known.race_date or result.race_date,
                venue=known.venue or result.venue,
                competition=known.competition or result.competition,
            )
            break
        else:
            merged.append(result)
    return merged


def ranks_from_time_order(results: list[Result]) -> list[Result]:
    """When a race's timed results run from the stated winner to a stated last place with no
    gap ("… won in 1.14,17 …", "… werd met 1.14,55 vierde", and two more times between), the
    places in between follow from the times."""
    races: dict[tuple[object, ...], list[int]] = defaultdict(list)
    fields = _race_fields(results)
    for index, result in enumerate(results):
        if result.seconds is not None:
            gender = result.gender or fields.get(
                (result.distance, result.competition, result.venue)
            )
            races[(result.distance, gender, result.competition, result.venue)].append(index)
    for indexes in races.values():
        ordered = sorted(indexes, key=lambda i: results[i].seconds or 0.0)
        stated = {
            position: results[i].rank
            for position, i in enumerate(ordered, start=1)
            if results[i].rank is not None
        }
        if len({results[i].seconds for i in ordered}) != len(ordered):
            continue
        if (
            stated.get(1) == 1
            and stated.get(len(ordered)) == len(ordered)
            and all(position == rank for position, rank in stated.items())
        ):
            for position, i in enumerate(ordered, start=1):
                if results[i].rank is None:
                    results[i] = replace(results[i], rank=position)
            continue
        _fill_single_gaps(results, ordered)
    return results


def _race_fields(results: list[Result]) -> dict[tuple[object, ...], str]:
    """Per (distance, meet, rink), the one gender its timed results name, where they name
    just one: a skater the registry does not know ("Jesse Speijers kwam tot 6.23,71") has no
    gender, yet stands in the same race as the men timed around him."""
    seen: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for result in results:
        if result.seconds is not None and result.gender is not None:
            seen[(result.distance, result.competition, result.venue)].add(result.gender)
    return {key: next(iter(genders)) for key, genders in seen.items() if len(genders) == 1}


def _fill_single_gaps(results: list[Result], ordered: list[int]) -> None:
    """One time between the stated second and fourth places can only be third ("Morishige
    … in 34.45" between the winner's 34.34 and the third's 34.69), whoever else is unnamed."""
    for before, middle, after in zip(ordered, ordered[1:], ordered[2:], strict=False):
        low, high = results[before].rank, results[after].rank
        if (
            results[middle].rank is None
            and low is not None
            and high is not None
            and high - low == 2
        ):
            results[middle] = replace(results[middle], rank=low + 1)


def _contradicting_places(a: Result, b: Result) -> bool:
    """Two places without a time for one skater in one race, dated alike ("Kok werd
    tweede" and later "Kok werd derde", both on the same day's 500 m): one of them is a
    misreading, not a second race. The first stated is kept: a report leads with the result.
    Team events and timed places are left apart: a weekend holds two team pursuits, and a
    time marks a race of its own."""
    return (
        a.seconds is None
        and b.seconds is None
        and a.rank is not None
        and b.rank is not None
        and not a.earlier
        and not b.earlier
        and a.distance not in TEAM_DISTANCES
        # A sprint championship races the 500 m and 1000 m twice.
        and not (a.distance in ("500m", "1000m") and "sprint" in (a.competition or "").casefold())
        and (a.competition, a.venue, a.race_date) == (b.competition, b.venue, b.race_date)
    )


def _conflict(a: Result, b: Result) -> bool:
    """Two statements about one skater and distance are different races when they name a
    different meet or place ("vier jaar geleden in Peking" beside this week's World Cup)."""
    if a.earlier != b.earlier:
        return True
    for field in ("competition", "venue"):
        mine, theirs = getattr(a, field), getattr(b, field)
        if mine is not None and theirs is not None and mine != theirs:
            return True
    if a.seconds is not None and b.seconds is not None and abs(a.seconds - b.seconds) > 0.005:
        return True
    return a.rank is not None and b.rank is not None and a.rank != b.rank


def winner_from_times(results: list[Result]) -> list[Result]:
    """A race with a runner-up but no stated winner: the one skater in it who was faster
    than the runner-up won ("Jílek secured second place with 6:01.98" after Eitrem's 5:58.52)."""
    races: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for index, result in enumerate(results):
        races[(result.distance, result.gender)].append(index)
    for indexes in races.values():
        ranks = {results[i].rank for i in indexes}
        runner_up = [results[i].seconds for i in indexes if results[i].rank == 2]
        if 1 in ranks or len(runner_up) != 1 or runner_up[0] is None:
            continue
        limit = runner_up[0]
        faster = [
            i
            for i in indexes
            if results[i].rank is None
            and (seconds := results[i].seconds) is not None
            and seconds < limit
        ]
        if len(faster) == 1:
            results[faster[0]] = replace(results[faster[0]], rank=1)
    return _podium_from_times(results)


def _podium_from_times(results: list[Result]) -> list[Result]:
    """A race whose only stated place is third, with a time, and exactly two other skaters
    timed faster in it: those two are first and second, in the order of their times ("De Boo
    zette 33,91 neer. Stolz was sneller met 33,80. Zurek werd derde in 34,05"). Only results of
    the reported meet, of one meet and rink, count; a tie or a third faster time says nothing."""
    races: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for index, result in enumerate(results):
        if not result.earlier and result.distance not in TEAM_DISTANCES:
            races[(result.distance, result.gender)].append(index)
    for indexes in races.values():
        ranks = {rank for i in indexes if (rank := results[i].rank) is not None}
        third = [i for i in indexes if results[i].rank == 3]
        if ranks != {3} or len(third) != 1:
            continue
        limit = results[third[0]].seconds
        if limit is None:
            continue
        faster = sorted(
            (
                i
                for i in indexes
                if (seconds := results[i].seconds) is not None
                and seconds < limit
                and _same_meet(results[i], results[third[0]])
            ),
            key=lambda i: results[i].seconds or 0.0,
        )
        others = [i for i in indexes if results[i].seconds is not None and i not in faster]
        if len(faster) != 2 or results[faster[0]].seconds == results[faster[1]].seconds:
            continue
        if any(not _same_meet(results[i], results[third[0]]) for i in others):
            continue  # another meet's times stand in the race: the order may mix them
        for rank, i in enumerate(faster, start=1):
            results[i] = replace(results[i], rank=rank)
    return results


def _same_meet(a: Result, b: Result) -> bool:
    return all(
        x is None or y is None or x == y
        for x, y in ((a.competition, b.competition), (a.venue, b.venue))
    )
