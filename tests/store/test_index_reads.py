"""The index pages' queries on a real database (PostgreSQL when
SCHAATSRADAR_TEST_DATABASE_URL is set): skaters by their latest activity, a result's race day
or an article about them, whichever is later; filters; meets of a season with their counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store, article_refs, events, index_reads
from schaatsradar.store import knowledge as kb
from tests.conftest import run_ingest, seed_file

DAY = dt.date


@pytest.fixture
def filled(store: Store, settings: Settings, tmp_path: Path) -> dict[str, int]:
    """Four skaters: one raced in December, one in January with a day-less race of a meet
    that started on 20 January, one only in the news (10 February), one with neither."""
    seed_file(
        tmp_path / "krant", "nieuws.txt", "2026-02-10", "Nieuws\n\nEen rustige week op het ijs."
    )
    plain = settings.model_copy(update={"extract_on_ingest": False})
    assert not run_ingest(store, plain, tmp_path / "krant").rejected
    with store.write() as conn:
        [article] = article_refs.article_ids(conn)
        ids = {
            slug: kb.add_skater(
                conn, slug=slug, name=name, country=country, gender=gender, known=True
            )
            for slug, name, country, gender in (
                ("anna", "Anna Aa", "NED", "women"),
                ("bert", "Bert Bee", "NOR", "men"),
                ("cees", "Cees Cee", "NED", "men"),
                ("dora", "Dora Dee", None, None),
            )
        }
        december = kb.ensure_competition(
            conn,
            slug="dec",
            name="December",
            level="world cup",
            city="Hamar",
            start_date=DAY(2025, 12, 12),
            end_date=DAY(2025, 12, 14),
            origin="calendar",
        )
        january = kb.ensure_competition(
            conn,
            slug="jan",
            name="January",
            level="national",
            city="Heerenveen",
            start_date=DAY(2026, 1, 20),
            end_date=DAY(2026, 1, 22),
            origin="calendar",
        )
        kb.ensure_competition(
            conn,
            slug="earlier",
            name="Last season",
            level="world cup",
            city="Inzell",
            start_date=DAY(2025, 3, 1),
            end_date=None,
            origin="calendar",
        )
        races = (
            (december, "1000m", DAY(2025, 12, 13), "anna"),
            (january, "500m", None, "bert"),
        )
        for meet, distance, day, slug in races:
            race = kb.add_race(conn, meet, distance, "", day, day.isoformat() if day else "")
            result = kb.add_claim(
                conn,
                race_id=race,
                athlete_key=f"s:{ids[slug]}",
                skater_id=ids[slug],
                team=None,
                source_key="krant",
                article_id=article,
                cluster=str(article),
                official=False,
                parts=kb.ClaimParts(76.5, 1),
                evidence=None,
            )
            kb.settle_result(
                conn, result, seconds=76.5, rank=1, disputed=False, official=False, held=None
            )
        events.save_subjects(conn, article, {("skater", str(ids["cees"])): 1})
    return ids


def test_skaters_come_by_their_latest_activity(store: Store, filled: dict[str, int]):
    everyone = index_reads.SkaterFilters()
    with store.read() as conn:
        found = index_reads.skaters(conn, everyone)
        assert index_reads.count_skaters(conn, everyone) == 4
        assert index_reads.skaters(conn, everyone, offset=1, limit=2) == found[1:3]
    assert [(s.slug, s.last_active, s.results) for s in found] == [
        ("cees", DAY(2026, 2, 10), 0),  # the article about him
        ("bert", DAY(2026, 1, 20), 1),  # his meet's first day: the race's is not known
        ("anna", DAY(2025, 12, 13), 1),
        ("dora", None, 0),
    ]


def test_skaters_narrow_by_country_gender_and_distance(store: Store, filled: dict[str, int]):
    def slugs(**wanted: str) -> list[str]:
        filters = index_reads.SkaterFilters(**wanted)
        with store.read() as conn:
            found = [s.slug for s in index_reads.skaters(conn, filters)]
            assert index_reads.count_skaters(conn, filters) == len(found)
        return found

    assert slugs(country="ned") == ["cees", "anna"]
    assert slugs(country="NED", gender="men") == ["cees"]
    assert slugs(distance="1000m") == ["anna"]
    assert slugs(distance="5000m") == []
    with store.read() as conn:
        assert index_reads.skater_countries(conn) == ["NED", "NOR"]


def test_meets_of_a_season_with_what_is_known_of_them(store: Store, filled: dict[str, int]):
    with store.read() as conn:
        season = index_reads.competitions(conn, DAY(2025, 7, 1), DAY(2026, 6, 30))
        national = index_reads.competitions(conn, levels=["national"])
        every = index_reads.competitions(conn)
        days = index_reads.competition_days(conn)
        levels = index_reads.competition_levels(conn)
    assert [(m.slug, m.races, m.results) for m in season] == [("dec", 1, 1), ("jan", 1, 1)]
    assert [m.slug for m in national] == ["jan"]
    assert [m.slug for m in every] == ["earlier", "dec", "jan"]
    assert days == [DAY(2025, 3, 1), DAY(2025, 12, 12), DAY(2026, 1, 20)]
    assert levels == ["national", "world cup"]
