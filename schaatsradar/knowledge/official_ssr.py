"""JSON of the SpeedSkatingResults.com API: skater lookup, personal records, season bests,
world records, and track and national record lists in the same shape.

Its answers carry no type tag, so the kind is told by shape, unless the caller (who knows which
endpoint it asked) says it: `skaters` is a skater lookup, `seasons` are season bests, `records`
of one skater are personal records, of a `track` track records, and records that each name
their skater are world records (national ones with `"type": "national"`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from schaatsradar.errors import WRONG_TYPE, InputRejected
from schaatsradar.extract.types import Gender
from schaatsradar.knowledge.official_names import COUNTRY_KEYS, competitor, person_name
from schaatsradar.knowledge.official_types import (
    OfficialAthlete,
    OfficialData,
    OfficialRecord,
    Rows,
    Skip,
)
from schaatsradar.knowledge.official_values import (
    CLASSIFICATIONS,
    about,
    city,
    country_code,
    distance_of,
    first,
    parse_date,
    parse_gender,
    parse_record_kind,
    race_seconds,
    required,
    untracked,
)

SKATER_LOOKUP = "skaters"  # the kind of a skater_lookup answer; record kinds are RECORD_TYPES


@dataclass(frozen=True)
class _Holder:
    """What a whole record list shares: its kind, and the skater, gender or rink it is for."""

    kind: str
    skater: Mapping[str, Any] | None
    gender: Gender | None
    venue: str | None


def parse_ssr(payload: Any, source: str, kind: str | None = None) -> OfficialData:
    """Everything a SpeedSkatingResults.com answer states. `kind` ("skaters", "personal",
    "season_best", "world", "track", "national") overrides telling it by shape."""
    rows = Rows(source)
    try:
        if not isinstance(payload, Mapping):
            raise InputRejected(f"expected a JSON object, got {type(payload).__name__}", WRONG_TYPE)
        kind = parse_record_kind(kind) if kind not in (None, SKATER_LOOKUP) else kind
        kind = kind or _kind(payload)
        holder = _holder(payload, kind)
    except InputRejected as error:
        rows.reject("$", error.code, error.message)
        return rows.data
    if kind == SKATER_LOOKUP:
        _skaters(payload.get("skaters"), rows)
    elif kind == "season_best":
        _seasons(payload.get("seasons"), holder, rows)
    else:
        _records(payload.get("records"), "$.records", holder, rows)
    return rows.data


def _kind(payload: Mapping[str, Any]) -> str:
    if "skaters" in payload:
        return SKATER_LOOKUP
    if "seasons" in payload:
        return "season_best"
    if "records" not in payload:
        raise InputRejected(
            "not a SpeedSkatingResults.com answer (no skaters, seasons or records)", WRONG_TYPE
        )
    declared = first(payload, "type", "kind", "recordType")
    if declared is not None:
        return parse_record_kind(declared)
    if "track" in payload:
        return "track"
    return "personal" if _skater_of(payload) is not None else "world"


def _skater_of(payload: Mapping[str, Any]) -> Mapping[str, Any] | None:
    skater = payload.get("skater")
    if isinstance(skater, Mapping):
        return skater
    return payload if first(payload, "givenname", "familyname") is not None else None


def _holder(payload: Mapping[str, Any], kind: str) -> _Holder:
    skater = _skater_of(payload) if kind in ("personal", "season_best") else None
    return _Holder(
        kind=kind,
        skater=skater,
        gender=parse_gender(first(skater or {}, "gender") or first(payload, "gender")),
        venue=city(first(payload, "track", "location", "venue")) if kind == "track" else None,
    )


def _list(value: Any, path: str, rows: Rows) -> list[Any]:
    if isinstance(value, list):
        return value
    rows.reject(path, WRONG_TYPE, f"expected a list, got {type(value).__name__}")
    return []


def _skaters(skaters: Any, rows: Rows) -> None:
    for i, skater in enumerate(_list(skaters, "$.skaters", rows)):
        rows.read(f"$.skaters[{i}]", partial(_athlete, skater, rows.source))


def _athlete(skater: Any, source: str) -> OfficialAthlete:
    if not isinstance(skater, Mapping):
        raise InputRejected(f"expected a JSON object, got {type(skater).__name__}", WRONG_TYPE)
    country = country_code(first(skater, *COUNTRY_KEYS))
    ssr_id = skater.get("id")
    return OfficialAthlete(
        name=required(person_name(skater, country), "skater name"),
        country=country,
        gender=parse_gender(first(skater, "gender", "sex")),
        source=source,
        ssr_id=ssr_id if isinstance(ssr_id, int) and not isinstance(ssr_id, bool) else None,
    )


def _seasons(seasons: Any, holder: _Holder, rows: Rows) -> None:
    for i, season in enumerate(_list(seasons, "$.seasons", rows)):
        path = f"$.seasons[{i}]"
        if not isinstance(season, Mapping):
            rows.reject(path, WRONG_TYPE, f"expected a JSON object, got {type(season).__name__}")
            continue
        _records(season.get("records"), f"{path}.records", holder, rows)


def _records(records: Any, path: str, holder: _Holder, rows: Rows) -> None:
    for i, row in enumerate(_list(records, path, rows)):
        rows.read(f"{path}[{i}]", partial(_record, row, holder, rows.source))


def _record(row: Any, holder: _Holder, source: str) -> OfficialRecord | Skip:
    if not isinstance(row, Mapping):
        raise InputRejected(f"expected a JSON object, got {type(row).__name__}", WRONG_TYPE)
    distance = distance_of(row.get("distance"))
    if distance is None or distance in CLASSIFICATIONS:
        return Skip(untracked(row.get("distance")))
    who = row if holder.skater is None or "skater" in row else holder.skater
    skater = who["skater"] if isinstance(who.get("skater"), Mapping) else who
    athlete, country = competitor(who, distance)
    try:
        seconds = race_seconds(required(first(row, "time", "result"), "time"), distance)
        gender = parse_gender(first(row, "gender", "sex") or first(skater, "gender", "sex"))
        date = parse_date(first(row, "date"))
    except InputRejected as error:
        raise about(athlete, error) from None
    return OfficialRecord(
        kind=holder.kind,
        athlete=athlete,
        country=country,
        distance=distance,
        gender=gender or holder.gender,
        seconds=seconds,
        date=date,
        venue=city(first(row, "location", "venue", "track")) or holder.venue,
        source=source,
    )
