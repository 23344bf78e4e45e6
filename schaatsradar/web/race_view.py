"""A race as fans read it: the field in order of finish, the podium's medals, each time's gap
to the winner and the sources of each line. Pure functions over the knowledge base's shown
results (held ones never reach them), shared by the meet page and the home page's podiums."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from schaatsradar.knowledge.views import distance_order
from schaatsradar.store.knowledge import ResultView
from schaatsradar.store.site import LineSource

MEDALS = {1: "gold", 2: "silver", 3: "bronze"}
PODIUM = 3


@dataclass(frozen=True)
class FieldLine:
    """One line of a race's field. `gap`: seconds behind the winner, when both times and the
    winner are known (a time without a known winner is not measured against a guess)."""

    result: ResultView
    medal: str | None
    gap: float | None
    sources: tuple[LineSource, ...] = ()


@dataclass(frozen=True)
class RaceTable:
    """One race's field; `number` tells apart two races of one distance and gender (the
    double 500 m), `repeated` says whether the page needs to."""

    first: ResultView
    number: int
    repeated: bool
    lines: list[FieldLine] = field(default_factory=list)

    @property
    def podium(self) -> list[FieldLine]:
        return self.lines[:PODIUM]


def finish_key(result: ResultView) -> tuple[int, float, str, int, int]:
    """Known places first (a dead heat by time), then the unplaced by time, then by name.
    The skater's id and the result's own settle what is still equal (two skaters of one
    name): a total order, so the page does not depend on the order the database handed the
    rows over in, which SQLite and PostgreSQL need not agree on for equal sort keys."""
    return (
        result.rank or 999,
        result.seconds or 1e9,
        result.athlete,
        result.skater_id or 0,
        result.id,
    )


def in_finish_order(results: Sequence[ResultView]) -> list[ResultView]:
    return sorted(results, key=finish_key)


def claims_in_order(results: Sequence[ResultView]) -> list[ResultView]:
    """Held-back results as the meet page lists them: the latest race day first, then by
    distance and place as the query gives them, made total by `finish_key` (two claimed
    winners of one race share their place)."""
    return sorted(
        results,
        key=lambda r: (
            -(r.race_date or r.start_date or dt.date.min).toordinal(),
            r.distance,
            *finish_key(r),
        ),
    )


def field_lines(
    results: Sequence[ResultView], sources: Mapping[int, Sequence[LineSource]] | None = None
) -> list[FieldLine]:
    ordered = in_finish_order(results)
    winners = [r.seconds for r in ordered if r.rank == 1 and r.seconds is not None]
    # Two winners with different times (a tie is the same time) give no one line to measure
    # from; the race's outcome rule holds such races back, but a page must not guess either.
    winning = winners[0] if winners and len(set(winners)) == 1 else None
    lines = []
    for result in ordered:
        gap = None
        if winning is not None and result.seconds is not None and result.rank != 1:
            gap = round(result.seconds - winning, 2)
        medal = MEDALS.get(result.rank) if result.rank is not None else None
        lines.append(FieldLine(result, medal, gap, tuple((sources or {}).get(result.id, ()))))
    return lines


def race_tables(
    results: Sequence[ResultView], sources: Mapping[int, Sequence[LineSource]] | None = None
) -> list[RaceTable]:
    """Results grouped per race, races in programme order (distance, gender, day)."""
    by_race: dict[int, list[ResultView]] = defaultdict(list)
    for result in results:
        by_race[result.race_id].append(result)
    races = sorted(
        by_race.values(),
        key=lambda rs: (
            distance_order(rs[0].distance),
            rs[0].gender,
            rs[0].race_date or dt.date.max,
            rs[0].race_id,
        ),
    )
    count = Counter((rs[0].distance, rs[0].gender) for rs in races)
    seen: Counter[tuple[str, str]] = Counter()
    tables = []
    for race in races:
        key = (race[0].distance, race[0].gender)
        seen[key] += 1
        lines = field_lines(race, sources)
        tables.append(RaceTable(lines[0].result, seen[key], count[key] > 1, lines))
    return tables
