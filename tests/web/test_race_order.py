"""A meet page's order where its results tie: two skaters of one name, in one place with one
time, and two claimed winners of one race. The order is total (place, time, name, then the
skater's and the result's ids), so SQLite and PostgreSQL, which hand rows with equal sort keys
over in different orders, render the same page. Run once as is (SQLite) and once with
SCHAATSRADAR_TEST_DATABASE_URL set (PostgreSQL): the expected order is the same."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store.models import Competition, Race, RaceResult, Skater
from schaatsradar.web.app import create_app

DAY = dt.date(2026, 1, 17)
# Our own names. The two "Kim Vos" are told apart only by their pages (slugs).
SKATERS = [("anna-berg", "Anna Berg"), ("kim-vos", "Kim Vos"), ("kim-vos-2", "Kim Vos")]


def _seed(store: Store) -> int:
    """One meet: a 500 m with a winner and two namesakes tied for second, and a 1000 m held
    back with two claimed winners at one time. Each tie's results are inserted with the later
    skater first, so the rows' own order is the opposite of the expected one."""
    with store.write() as conn:
        ids = {
            slug: conn.execute(
                insert(Skater).values(slug=slug, name=name, country="NED").returning(Skater.id)
            ).scalar_one()
            for slug, name in SKATERS
        }
        meet = conn.execute(
            insert(Competition)
            .values(
                slug="proefwedstrijd-2026",
                name="Proefwedstrijd",
                city="Heerenveen",
                start_date=DAY,
                end_date=DAY,
                origin="official",
            )
            .returning(Competition.id)
        ).scalar_one()
        for distance, lines in (
            (
                "500m",
                [
                    ("anna-berg", 1, 37.5, None),
                    ("kim-vos-2", 2, 38.0, None),
                    ("kim-vos", 2, 38.0, None),
                ],
            ),
            ("1000m", [("kim-vos-2", 1, 75.0, "conflict"), ("kim-vos", 1, 75.0, "conflict")]),
        ):
            race = conn.execute(
                insert(Race)
                .values(
                    competition_id=meet,
                    distance=distance,
                    gender="women",
                    race_date=DAY,
                    day_key=DAY.isoformat(),
                )
                .returning(Race.id)
            ).scalar_one()
            for slug, rank, seconds, held in lines:
                conn.execute(
                    insert(RaceResult).values(
                        race_id=race,
                        athlete_key=f"s:{ids[slug]}",
                        skater_id=ids[slug],
                        seconds=seconds,
                        rank=rank,
                        held=held,
                    )
                )
    return meet


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()


def test_ties_come_in_one_order_on_either_database(store: Store, client: TestClient) -> None:
    meet = _seed(store)
    response = client.get(f"/wedstrijden/{meet}")
    assert response.status_code == 200, response.text
    results, held = response.text.split('id="held-title"')
    assert re.findall(r'href="/schaatsers/([\w-]+)"', results) == [
        "anna-berg",
        "kim-vos",
        "kim-vos-2",
    ]
    assert re.findall(r'href="/schaatsers/([\w-]+)"', held) == ["kim-vos", "kim-vos-2"]
