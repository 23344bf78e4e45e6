"""What extraction states of our test sentences, in the shapes the class tests compare (issue
11's recall and precision classes, the context shapes): one reading of the contract's fields,
so a change to it is made here once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from schaatsradar.extract.pipeline import extract, extract_all
from schaatsradar.extract.registry import Registry
from schaatsradar.extract.types import Record, Result

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 2, 14)  # a Saturday

Row = tuple[str, str, str | None, int | None]  # athlete, distance, time, place
Placed = tuple[str, str, int | None, str | None]  # athlete, distance, place, one more field


def confident(text: str, date: dt.date = DATE) -> set[Row]:
    """The confident results, as the contract states them."""
    found = extract(text, date, REGISTRY).results
    return {(r.athlete, r.distance, r.to_json()["time"], r.rank) for r in found}


def placed(found: Iterable[Result], field: str) -> set[Placed]:
    """Each result's athlete, distance and place, with `field` as the contract states it."""
    return {(r.athlete, r.distance, r.rank, r.to_json()[field]) for r in found}


RecordRow = tuple[str, str | None, str | None, str | None, float | None]


def every_result(text: str, date: dt.date = DATE) -> set[tuple]:
    """Every result the rules find, the confidence bar not applied (`extract_all`): athlete,
    distance, seconds, place."""
    found = extract_all(text, date, REGISTRY).results
    return {(r.athlete, r.distance, r.seconds, r.rank) for r in found}


def record_rows(found: Iterable[Record]) -> set[RecordRow]:
    """Each record's type, status, holder, distance and seconds."""
    return {(r.type, r.status, r.athlete, r.distance, r.seconds) for r in found}


def every_record(text: str, date: dt.date = DATE) -> set[RecordRow]:
    """Every record the rules find, the confidence bar not applied (`extract_all`)."""
    return record_rows(extract_all(text, date, REGISTRY).records)
