"""Rows as the store hands them to pages and views, built in tests from only the fields a test
is about: the knowledge tests and the race-view tests read the same `ResultView`, and one
builder keeps them from drifting apart when it gains a field."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from schaatsradar.store.knowledge import ResultView

_RESULT = ResultView(
    id=1,
    race_id=1,
    skater_id=1,
    athlete="Anna Proef",  # our own, in no registry
    country="NED",
    team=None,
    distance="500m",
    gender="women",
    seconds=None,
    rank=None,
    disputed=False,
    official=False,
    race_date=None,
    competition_id=1,
    competition="Proefwedstrijd",
    city="Heerenveen",
    start_date=None,
    sources=1,
    held=None,
    end_date=None,
)


def result_view(**fields: Any) -> ResultView:
    """A result with the given fields; every other one a plain, unremarkable value."""
    return replace(_RESULT, **fields)
