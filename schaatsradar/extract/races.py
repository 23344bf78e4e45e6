"""One result per skater per race: merging what several sentences say, and places that
follow from the order of the times."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from schaatsradar.extract.types import (
    Result,
)


def merge_results(results: Sequence[Result]) -> list[Result]:
    """One result per skater per race: later sentences add a missing time or rank. A
    different time or rank for the same skater and distance is another race (two 500s in a
    weekend, last year's title), kept apart."""
    merged: list[Result] = []
    for result in results:
        for index, known in enumerate(merged):
            if (known.athlete, known.distance) != (result.athlete, result.distance) or _conflict(
                known, result
            ):
                continue
            # An unknown skater's gender may be missing from one of two statements: the one
            # that knows it tells it.
            if None not in (known.gender, result.gender) and known.gender != result.gender:
                continue
            merged[index] = replace(
                known,
                gender=known.gender or result.gender,
                seconds=known.seconds if known.seconds is not None else result.seconds,
                rank=known.rank if known.rank is not None else result.rank,
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
    for index, result in enumerate(results):
        if result.seconds is not None:
            races[(result.distance, result.gender, result.competition, result.venue)].append(index)
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
    return results
