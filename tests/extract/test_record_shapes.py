"""Record shapes of Dutch and English reports (issue 11, class 7): the status, kind, distance,
time and holder of each record a text mentions, and the mentions that are no record at all.
Invented sentences, one shape each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry

REGISTRY = Registry.bundled()
DATE = dt.date(2026, 1, 24)

Row = tuple[str, str, str | None, str | None, str | None]


def records(text: str) -> set[Row]:
    """(type, status, athlete, distance, time) of every record extracted from `text`."""
    facts = extract(text, DATE, REGISTRY)
    return {
        (r.type, r.to_json()["status"], r.athlete, r.distance, r.to_json()["time"])
        for r in facts.records
    }


def shape(name: str, text: str, *rows: Row) -> Any:
    return pytest.param(text, set(rows), id=name)


# Each text states exactly these records.
EXACT = [
    shape(
        "nl_world_record_on_a_lowland_rink_is_other",
        "Joy Beune won de 1500 meter in 1.52,80. Ze scherpte daarmee haar eigen wereldrecord "
        "op een laaglandbaan aan.",
        ("other", "set", "Joy Beune", "1500m", "1:52.80"),
    ),
    shape(
        "en_lowland_world_record_is_other",
        "Joy Beune won the 1500 meters in 1:52.80, a lowland world record.",
        ("other", "set", "Joy Beune", "1500m", "1:52.80"),
    ),
    shape(
        "nl_worldwide_best_time_is_a_world_record",
        "Op de 5000 meter was Ragne Wiklund de snelste. Met een mondiale toptijd van 6.40,50 "
        "won ze de titel.",
        ("world", "set", "Ragne Wiklund", "5000m", "6:40.50"),
    ),
    shape(
        "nl_new_personal_top_time_with_its_time",
        "Op de 500 meter werd Suzanne Schulting tweede in een nieuwe persoonlijke toptijd van "
        "37,41.",
        ("personal", "set", "Suzanne Schulting", "500m", "37.41"),
    ),
    shape(
        "nl_a_record_named_again_is_one_record",
        "Femke Kok won de 500 meter in een wereldrecord van 36,05. Het wereldrecord van Kok "
        "was het eerste van het seizoen.",
        ("world", "set", "Femke Kok", "500m", "36.05"),
    ),
    shape(
        "nl_slower_of_two_marks_set_in_one_race_is_no_record",
        "Op de 3000 meter reed Joy Beune in de vierde rit een baanrecord van 3.55,80. In de "
        "laatste rit reed Ragne Wiklund een baanrecord van 3.55,10.",
        ("track", "set", "Ragne Wiklund", "3000m", "3:55.10"),
    ),
    shape(
        "nl_the_standing_mark_of_another_skater_is_beaten_by_the_new_one",
        "Jenning de Boo reed op de 500 meter een wereldrecord van 33,50. Het wereldrecord stond "
        "op naam van Jordan Stolz.",
        ("world", "set", "Jenning de Boo", "500m", "33.50"),
        ("world", "broken", "Jordan Stolz", "500m", None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_exact_records(text: str, expected: set[Row]) -> None:
    assert records(text) == expected
