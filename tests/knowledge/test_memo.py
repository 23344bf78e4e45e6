"""What reconciling remembers within a transaction (`store.knowledge.memoized`: a race's
results and claims, a batch's skaters, the news meets near a result's days) only saves
queries: reconciling the same articles with it, in batches of any size, or without it writes
the same rows. And the news meets read for a result (`meet_rules.candidate_days`) include
every meet the rule can accept.

Both stores are SQLite files of their own (a row dump is compared, and PostgreSQL would
give other Python values for the same rows); PostgreSQL runs the memo in every other test."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection

from schaatsradar.knowledge import book, meet_rules
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.knowledge import CompetitionRow
from tests.conftest import NOW, run_ingest
from tests.knowledge.reconciling import (
    KNOWLEDGE_TABLES,
    OWN_ARTICLES,
    dump_tables,
    load_reference_data,
    write_articles,
)


@contextmanager
def _forgetful(conn: Connection, carried: object = None) -> Iterator[None]:
    yield  # every lookup goes to the database (nothing carried from batch to batch)


def _reconciled(tmp_path: Path, name: str, folders: list[Path], batch: int) -> Store:
    settings = Settings(database_url=f"sqlite:///{tmp_path / name}.db")
    store = Store(settings.database_url)
    store.upgrade()
    load_reference_data(store)
    report = run_ingest(store, settings.model_copy(update={"extract_on_ingest": True}), *folders)
    assert not report.rejected
    book.reconcile_pending(store, NOW, batch=batch)
    return store


def _tables(store: Store) -> dict[str, list[tuple]]:
    return dump_tables(store, (*KNOWLEDGE_TABLES, "article_subjects", "events"))


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    # One race reported again and again, in other words and with a place that changes: a race
    # whose results a later transaction reads back, results settled again, a conflict.
    later = write_articles(
        tmp_path / "later",
        [
            (
                "lokaal",
                "2025-11-16",
                "Schaatsster Pien Voorloopster won zaterdag in Thialf de 1500 meter van het "
                "NK afstanden in 1.55,20. Marit Achterop werd tweede in 1.55,90.",
            ),
            (
                "streek",
                "2025-11-16",
                "Bij het NK afstanden in Heerenveen was Marit Achterop zaterdag de snelste op "
                "de 1500 meter: 1.55,90. Pien Voorloopster reed 1.55,20.",
            ),
            (
                "stad",
                "2025-11-17",
                "Op het NK afstanden in Heerenveen won Pien Voorloopster de 1500 meter in "
                "1.55,20, voor Marit Achterop (1.55,90) en Lotte Derdewiel (1.56,40).",
            ),
        ],
    )
    return [OWN_ARTICLES, later]


def test_reconciling_with_or_without_the_memo_writes_the_same_rows(
    tmp_path: Path, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _tables(_reconciled(tmp_path, "whole", folders, batch=200))
    one_by_one = _tables(_reconciled(tmp_path, "single", folders, batch=1))
    monkeypatch.setattr(kb, "memoized", _forgetful)
    plain = _tables(_reconciled(tmp_path, "plain", folders, batch=200))
    assert plain["results"] and plain["result_claims"]
    assert whole == plain
    assert one_by_one == plain


def _meet(level: str, start: dt.date, days: int) -> CompetitionRow:
    end = start + dt.timedelta(days=days)
    return CompetitionRow(1, "m", "NK afstanden", level, "Heerenveen", start, end, "news")


@pytest.mark.parametrize("level", ["national", "world", "world cup", None])
def test_every_news_meet_the_rule_accepts_overlaps_the_days_read(level: str | None) -> None:
    rng = random.Random(12)
    base = dt.date(2024, 1, 1)
    accepted = 0
    for _ in range(4000):
        first = base + dt.timedelta(days=rng.randrange(0, 900))
        last = first + dt.timedelta(days=rng.randrange(0, 4))
        meet = _meet(
            level or "", base + dt.timedelta(days=rng.randrange(-200, 1100)), rng.randrange(0, 4)
        )
        meet = CompetitionRow(**{**meet.__dict__, "level": level})
        if not meet_rules.same_meet(
            meet, level=level, competition=None, venue="Heerenveen", first=first, last=last
        ):
            continue
        accepted += 1
        low, high = meet_rules.candidate_days(level, first, last)
        assert meet.start_date is not None and meet.end_date is not None
        assert meet.start_date <= high and meet.end_date >= low, (meet, first, last)
    assert accepted > 20
