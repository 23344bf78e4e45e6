"""The two example articles of ../shared/seeds/, taken into a fresh knowledge base the way
`schaatsradar ingest` does it, give what a fan reading them would take away."""

from __future__ import annotations

import datetime as dt

import pytest

from schaatsradar.knowledge.book import Outcome
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.knowledge.reconciling import (
    SEEDS,
    current_record,
    ingest_and_reconcile,
    load_reference_data,
    record_marks,
    results_of,
    source_keys,
)


@pytest.fixture
def outcome(store: Store, settings: Settings) -> Outcome:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here (the seed articles live in ../shared)")
    load_reference_data(store)
    report, outcome = ingest_and_reconcile(store, settings, SEEDS)
    assert report.new == 2
    return outcome


def test_the_seeds_contradict_nothing_the_reference_knows(outcome: Outcome):
    assert outcome.refused == []
    assert outcome.disputed == []
    assert outcome.new_records == []


def test_inzell_womens_1000m_track_record_is_leerdams_1_12_74(outcome: Outcome, store: Store):
    record = current_record(store, "track", "Inzell", "1000m", "women")
    assert (record.holder, record.holder_country) == ("Jutta Leerdam", "NED")
    assert record.seconds == pytest.approx(72.74)
    assert record.set_on == dt.date(2026, 1, 24)
    # The reference row and the race report both say so.
    keys = source_keys(store, record.id)
    assert "reference:track" in keys
    assert any(key.startswith("article:") for key in keys)


def test_leerdams_inzell_race_is_a_world_cup_result(outcome: Outcome, store: Store):
    [inzell] = [r for r in results_of(store, "Jutta Leerdam", "1000m") if r.city == "Inzell"]
    assert inzell.seconds == pytest.approx(72.74)
    assert inzell.competition == "World Cup 5"
    assert inzell.start_date == dt.date(2026, 1, 23)
    assert not inzell.disputed


def test_femke_kok_holds_the_womens_500m_world_record(outcome: Outcome, store: Store):
    record = current_record(store, "world", "", "500m", "women")
    assert (record.holder, record.holder_country) == ("Femke Kok", "NED")
    assert record.seconds == pytest.approx(36.09)
    assert (record.venue, record.set_on) == ("Salt Lake City", dt.date(2025, 11, 16))
    # "Femke Kok die een wereldrecord reed": the article backs the record it mentions.
    assert any(key.startswith("article:") for key in source_keys(store, record.id))


def test_lee_sang_hwas_36_36_is_kept_as_superseded_by_kok(outcome: Outcome, store: Store):
    kok = current_record(store, "world", "", "500m", "women")
    [lee] = [
        m for m in record_marks(store, "world", "", "500m", "women") if m.holder == "Lee Sang-hwa"
    ]
    assert lee.seconds == pytest.approx(36.36)
    assert lee.status == "superseded"
    assert lee.superseded_by == kok.id


def test_leerdams_salt_lake_city_500m_results_are_a_5th_and_a_10th(outcome: Outcome, store: Store):
    november = [
        r
        for r in results_of(store, "Jutta Leerdam", "500m")
        if r.city == "Salt Lake City" and r.start_date and r.start_date.year == 2025
    ]
    assert sorted(r.rank or 0 for r in november) == [5, 10]
    assert {r.competition for r in november} == {"World Cup 1"}
    assert len({r.race_id for r in november}) == 2  # the two 500m races of the weekend
    assert all(r.seconds is None for r in november)  # the article gives no times


def test_leerdams_5th_was_the_first_500m_and_her_10th_the_second(outcome: Outcome, store: Store):
    by_rank = {
        r.rank: r.race_date
        for r in results_of(store, "Jutta Leerdam", "500m")
        if r.city == "Salt Lake City"
    }
    # The calendar: day 2 (15 Nov) and day 3 (16 Nov, the "slotdag") each have a 500m.
    assert by_rank == {5: dt.date(2025, 11, 15), 10: dt.date(2025, 11, 16)}
