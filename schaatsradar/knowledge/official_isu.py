"""JSON of the ISU results API (api.isuresults.eu): events, competitions, results, records.

The API serves events, an event's competitions, a competition's results and record lists, in
Django REST pages (`{"count", "next", "previous", "results": [...]}`) or bare lists. A result
names neither its distance nor its event, so results are read inside their competition, and a
competition inside its event (nested, or with an `event` object) to know where and when it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from schaatsradar.errors import MISSING_FIELD, WRONG_TYPE, InputRejected
from schaatsradar.extract.types import Gender, format_time
from schaatsradar.knowledge.official_names import competitor
from schaatsradar.knowledge.official_types import (
    OfficialCompetition,
    OfficialData,
    OfficialRecord,
    OfficialResult,
    Rows,
    Skip,
)
from schaatsradar.knowledge.official_values import (
    CLASSIFICATIONS,
    about,
    city,
    distance_of,
    first,
    not_finished,
    parse_date,
    parse_gender,
    parse_points,
    parse_rank,
    parse_record_kind,
    race_seconds,
    refuse,
    required,
    text_or_none,
    untracked,
)

_PAGE_KEYS = frozenset({"count", "next", "previous", "results"})


@dataclass(frozen=True)
class _Race:
    """What every result of one competition shares."""

    distance: str
    gender: Gender | None
    round: str | None
    race_date: dt.date | None
    competition: str | None
    venue: str | None


def parse_isu(payload: Any, source: str) -> OfficialData:
    """Everything an ISU results API payload states; `source` (file or URL) labels each fact
    and each rejection."""
    rows = Rows(source)
    _document(payload, "$", rows, None)
    return rows.data


def _document(payload: Any, path: str, rows: Rows, event: OfficialCompetition | None) -> None:
    if isinstance(payload, list):
        for i, item in enumerate(payload):
            _item(item, f"{path}[{i}]", rows, event)
    elif isinstance(payload, Mapping) and _is_page(payload):
        _document(payload["results"], f"{path}.results", rows, event)
    elif isinstance(payload, Mapping) and isinstance(payload.get("records"), list):
        _document(payload["records"], f"{path}.records", rows, event)
    else:
        _item(payload, path, rows, event)


def _is_page(payload: Mapping[str, Any]) -> bool:
    return isinstance(payload.get("results"), list) and set(payload) <= _PAGE_KEYS


def _item(item: Any, path: str, rows: Rows, event: OfficialCompetition | None) -> None:
    if not isinstance(item, Mapping):
        rows.reject(path, WRONG_TYPE, f"expected a JSON object, got {type(item).__name__}")
    elif "time" in item and first(item, "recordType", "type", "kind") is not None:
        rows.read(path, partial(_record, item, rows.source))
    elif "distance" in item:
        _competition(item, path, rows, event)
    elif first(item, "name", "title", "eventName") is not None:
        _event(item, path, rows)
    elif "rank" in item or "competitor" in item:
        rows.reject(path, WRONG_TYPE, "a result without its competition (distance, gender)")
    else:
        rows.reject(path, WRONG_TYPE, "not an ISU event, competition or record")


def _event(item: Mapping[str, Any], path: str, rows: Rows) -> None:
    event = rows.read(path, partial(_event_header, item, rows.source))
    competitions = item.get("competitions")
    if not isinstance(event, OfficialCompetition) or competitions is None:
        return
    if not isinstance(competitions, list):
        rows.reject(f"{path}.competitions", WRONG_TYPE, "competitions must be a list")
        return
    for i, competition in enumerate(competitions):
        _item(competition, f"{path}.competitions[{i}]", rows, event)


def _event_header(item: Mapping[str, Any], source: str) -> OfficialCompetition:
    name = required(text_or_none(first(item, "name", "title", "eventName")), "event name")
    start = parse_date(first(item, "start", "startDate", "start_date", "dateFrom"))
    end = parse_date(first(item, "end", "endDate", "end_date", "dateTo"))
    if start and end and end < start:
        raise refuse(f"event ends ({end}) before it starts ({start})")
    return OfficialCompetition(
        name=name,
        venue=city(first(item, "location", "venue", "city")),
        start=start,
        end=end,
        source=source,
        official_id=text_or_none(first(item, "id", "isuId", "eventId")),
    )


def _competition(
    item: Mapping[str, Any], path: str, rows: Rows, event: OfficialCompetition | None
) -> None:
    if event is None and isinstance(item.get("event"), Mapping):
        header = rows.read(f"{path}.event", partial(_event_header, item["event"], rows.source))
        event = header if isinstance(header, OfficialCompetition) else None
    try:
        race = _race(item, event)
    except InputRejected as error:
        rows.reject(path, error.code, error.message)
        return
    results = item.get("results", [])
    if race is None:
        rows.skip(path, untracked(item.get("distance")))
    elif not isinstance(results, list):
        rows.reject(f"{path}.results", WRONG_TYPE, "results must be a list")
    else:
        check = _RaceCheck(race.distance)
        for i, row in enumerate(results):
            rows.read(f"{path}.results[{i}]", partial(_result, row, race, check, rows.source))


def _race(item: Mapping[str, Any], event: OfficialCompetition | None) -> _Race | None:
    distance = distance_of(item.get("distance"))
    if distance is None:
        return None
    race_date = parse_date(first(item, "start", "startTime", "date", "startDate"))
    if race_date is None and event is not None and event.start == event.end:
        race_date = event.start
    return _Race(
        distance=distance,
        gender=parse_gender(first(item, "gender", "sex")),
        round=text_or_none(first(item, "round", "race", "division")),
        race_date=race_date,
        competition=event.name if event else None,
        venue=event.venue if event else None,
    )


def _result(row: Any, race: _Race, check: _RaceCheck, source: str) -> OfficialResult | Skip:
    if not isinstance(row, Mapping):
        raise InputRejected(f"expected a JSON object, got {type(row).__name__}", WRONG_TYPE)
    athlete, country = competitor(row, race.distance)
    status, time = first(row, "status", "resultStatus"), first(row, "time", "result", "finalTime")
    if not_finished(status) or not_finished(time):
        return Skip(f"{athlete}: {status or time}, no result")
    try:
        rank = parse_rank(row.get("rank"))
        seconds = None
        if time is not None and race.distance not in CLASSIFICATIONS:
            seconds = race_seconds(time, race.distance)
        points = parse_points(first(row, "points", "total"))
        if seconds is None and rank is None and points is None:
            raise InputRejected("neither a time nor a rank", MISSING_FIELD)
        check.admit(athlete, rank, seconds)
    except InputRejected as error:
        raise about(athlete, error) from None
    return OfficialResult(
        athlete=athlete,
        country=country,
        distance=race.distance,
        gender=race.gender,
        seconds=seconds,
        rank=rank,
        competition=race.competition,
        venue=race.venue,
        race_date=race.race_date,
        source=source,
        round=race.round,
        points=points,
    )


class _RaceCheck:
    """What no single row shows: a skater listed twice, or ranks out of step with times
    (a swapped row in an official list would overrule correct news reports)."""

    def __init__(self, distance: str) -> None:
        self.ranked_by_time = distance not in ("mass start", *CLASSIFICATIONS)
        self.athletes: set[str] = set()
        self.timed: list[tuple[int, float]] = []

    def admit(self, athlete: str, rank: int | None, seconds: float | None) -> None:
        if athlete in self.athletes:
            raise refuse("listed twice in this race")
        if self.ranked_by_time and rank is not None and seconds is not None:
            for other_rank, other_seconds in self.timed:
                if (rank - other_rank) * (seconds - other_seconds) < 0:
                    raise refuse(
                        f"rank {rank} in {format_time(seconds)} contradicts rank {other_rank} "
                        f"in {format_time(other_seconds)}"
                    )
            self.timed.append((rank, seconds))
        self.athletes.add(athlete)


def _record(item: Mapping[str, Any], source: str) -> OfficialRecord | Skip:
    kind = parse_record_kind(first(item, "recordType", "type", "kind"))
    distance = distance_of(item.get("distance"))
    if distance is None or distance in CLASSIFICATIONS:
        return Skip(untracked(item.get("distance")))
    athlete, country = competitor(item, distance)
    try:
        seconds = race_seconds(required(first(item, "time", "result"), "time"), distance)
        gender = parse_gender(first(item, "gender", "sex"))
        date = parse_date(first(item, "date", "recordDate", "setOn"))
    except InputRejected as error:
        raise about(athlete, error) from None
    return OfficialRecord(
        kind=kind,
        athlete=athlete,
        country=country,
        distance=distance,
        gender=gender,
        seconds=seconds,
        date=date,
        venue=city(first(item, "location", "venue", "city")),
        source=source,
    )
