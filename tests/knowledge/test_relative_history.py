"""History is history (issue 12): a result our own article dates "vorig seizoen" or "bij de
vorige Spelen" is filed under that edition, undated, never under the meet being reported;
a season that names no year for its kind of meet (a World Cup) keeps the result a mention.
Extraction and reconciling are the real ones, on the store the fixtures give."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from schaatsradar.extract.pipeline import extract
from schaatsradar.extract.registry import Registry
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from tests.knowledge.test_meets import _articles, _reconcile, knowledge

__all__ = ["knowledge"]

REGISTRY = Registry.bundled()
REPORT = "HEERENVEEN - Jutta Leerdam won zaterdag de 1000 meter bij de World Cup in Heerenveen. "


def _file(store: Store, settings: Settings, folder: Path, text: str, day: str) -> list[str]:
    [article] = _articles(store, settings, folder, day)
    facts = [r.to_json() for r in extract(text, dt.date.fromisoformat(day), REGISTRY).results]
    return _reconcile(store, article, *[f for f in facts if f["athlete"] == "Joy Beune"])


def _meets_of(store: Store, athlete: str) -> list[tuple[str, str | None, dt.date | None]]:
    with store.read() as conn:
        found = []
        for result in kb.results(conn):
            if result.athlete != athlete:
                continue
            meet = kb.competition(conn, result.competition_id)
            assert meet is not None
            found.append((meet.name, meet.city, meet.start_date))
    return found


def test_last_seasons_world_title_is_filed_under_that_championship(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    text = REPORT + "Vorig seizoen won Joy Beune de 5000 meter bij de WK afstanden."
    assert _file(knowledge, settings, tmp_path, text, "2024-11-10") == []
    # The 2023-24 season's single-distance championships: Calgary, February 2024.
    assert _meets_of(knowledge, "Joy Beune") == [("WK afstanden 2024", "Calgary", None)]


def test_last_seasons_world_cup_win_stays_a_mention(
    knowledge: Store, settings: Settings, tmp_path: Path
):
    text = REPORT + "Vorig seizoen won Joy Beune de 5000 meter bij de World Cup in Calgary."
    _file(knowledge, settings, tmp_path, text, "2024-11-10")
    assert _meets_of(knowledge, "Joy Beune") == []
