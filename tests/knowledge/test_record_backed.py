"""A time extraction is unsure of is confirmed by the record book when the book holds it as a
mark of that skater, set at that rink on a day of that meet: the reference data is a source of
its own. A mark still current also says the skater won the race it was set in. A time, day or
holder that does not fit backs nothing. Our own facts and marks, on the bundled calendar's
World Cup in Inzell of January 2026."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from schaatsradar.knowledge.book import reconcile_article
from schaatsradar.knowledge.record_backed import backing_mark
from schaatsradar.settings import Settings
from schaatsradar.store import Store, record_book
from schaatsradar.store import knowledge as kb
from schaatsradar.store.record_book import RecordRow
from tests.knowledge.test_meets import _articles, _fact, knowledge

__all__ = ["knowledge"]  # the fixture

SET_ON = dt.date(2026, 1, 24)  # a day of the World Cup in Inzell (2026-01-23 to 25)


def _mark(store: Store, kind: str, scope: str, holder: str, seconds: float, day: dt.date) -> None:
    """Our own mark for the women's 3000m, made the current one of its book."""
    with store.write() as conn:
        marks = record_book.record_marks(conn, kind, scope, "3000m", "women")
        new = record_book.add_record(
            conn,
            kind=kind,
            scope=scope,
            distance="3000m",
            gender="women",
            seconds=seconds,
            holder=holder,
            set_on=day,
            venue="Inzell",
            status="current",
            origin="reference",
        )
        for old in marks:
            if old.status == "current":
                record_book.supersede(conn, old.id, new)


def _unsure(athlete: str, seconds: float) -> dict[str, Any]:
    minutes, rest = divmod(seconds, 60)
    return _fact(
        athlete,
        distance="3000m",
        competition="World Cup",
        venue="Inzell",
        rank=None,
        seconds=seconds,
        time=f"{int(minutes)}:{rest:05.2f}",
        confidence=0.6,
    )


def _shown(store: Store) -> dict[str, tuple[float | None, int | None]]:
    with store.read() as conn:
        return {r.athlete: (r.seconds, r.rank) for r in kb.results(conn, distance="3000m")}


def test_an_unsure_time_the_record_book_holds_is_shown_as_the_race_it_won(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    _mark(knowledge, "track", "Inzell", "Roos Rekord", 232.0, SET_ON)
    [article] = _articles(knowledge, settings, tmp_path, "2026-01-26")
    unsure = [_unsure("Roos Rekord", 232.0), _unsure("Tina Tweede", 235.0)]
    with knowledge.write() as conn:
        reconcile_article(
            conn, article, {"results": [], "records": [], "candidates": {"results": unsure}}
        )
    # The mark backs her time and says she won; the other time stays a candidate.
    assert _shown(knowledge) == {"Roos Rekord": (232.0, 1)}
    with knowledge.read() as conn:
        held = {r.athlete: r.held for r in kb.results(conn, held=True)}
    assert held == {"Tina Tweede": "candidate"}


def test_a_mark_of_another_time_day_or_holder_backs_nothing(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    _mark(knowledge, "track", "Inzell", "Vera Vroeger", 232.0, dt.date(2025, 2, 1))
    [article] = _articles(knowledge, settings, tmp_path, "2026-01-26")
    unsure = [
        _unsure("Vera Vroeger", 232.0),  # her mark, but of a meet a year earlier
        _unsure("Anna Anders", 232.0),  # the mark's time, another skater's name
    ]
    with knowledge.write() as conn:
        reconcile_article(
            conn, article, {"results": [], "records": [], "candidates": {"results": unsure}}
        )
    assert _shown(knowledge) == {}


def test_only_a_current_world_or_track_mark_tells_the_winner():
    def mark(kind: str, status: str, origin: str = "reference") -> RecordRow:
        return RecordRow(
            1, kind, "", "3000m", "women", 232.0, None, "Roos Rekord", None, SET_ON,
            "Inzell", status, None, None, origin,
        )  # fmt: skip

    def backing(marks: list[RecordRow], distance: str = "3000m", seconds: float = 232.004):
        days = (SET_ON, SET_ON)
        return backing_mark(
            marks, skater_id=None, athlete="Roos Rekord", seconds=seconds, days=days,
            distance=distance,
        )  # fmt: skip

    current = backing([mark("track", "current")])
    assert current is not None and (current.seconds, current.rank) == (232.0, 1)
    # Broken since (perhaps in the same race), or only a country's best: the time, no place.
    superseded = backing([mark("world", "superseded")])
    assert superseded is not None and superseded.rank is None
    national = backing([mark("national", "current")])
    assert national is not None and national.rank is None
    # A mark the news made is no second source; a mass start is not ranked by time.
    assert backing([mark("track", "current", origin="result")]) is None
    assert backing([mark("track", "claim", origin="article")]) is None
    assert backing([mark("track", "current")], distance="mass start") is None
    assert backing([mark("track", "current")], seconds=232.01) is None
