"""Results that tie on everything a list sorts by (day, distance, place) come back in one
order on SQLite and PostgreSQL alike: the one stored first, first. Without it a page or the
API could list a shared place, or a distance skated twice in a day, differently from one
database to the other."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection

from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.together import one

DAY = dt.date(2026, 11, 14)


def _meet(conn: Connection) -> int:
    return kb.ensure_competition(
        conn,
        slug="2026-11-14-testwedstrijd-heerenveen",
        name="Testwedstrijd",
        level=None,
        city="Heerenveen",
        start_date=DAY,
        end_date=DAY,
        origin="news",
    )


def _skater(conn: Connection, name: str) -> int:
    slug = name.lower().replace(" ", "-")
    return kb.add_skater(conn, slug=slug, name=name, country="NED", gender="women", known=True)


def _result(conn: Connection, race: int, who: str, skater: int, rank: int) -> int:
    return kb.add_claim(
        conn,
        race_id=race,
        athlete_key=who,
        skater_id=skater,
        team=None,
        source_key=f"test:{race}:{who}",
        article_id=None,
        cluster=f"cluster:{race}:{who}",
        official=True,
        parts=kb.ClaimParts(seconds=None, rank=rank),
        evidence=None,
    )


def _shown(conn: Connection, ids: list[int]) -> None:
    """Settled, the last stored first: PostgreSQL then keeps the rows on disk in the reverse
    of their ids, so a sort that leaves ties to the engine gives them back reversed."""
    for result_id in reversed(ids):
        kb.hold(conn, result_id, None)


def test_a_shared_place_is_listed_in_the_order_it_was_stored(store: Store):
    with store.write() as conn:
        race = kb.add_race(conn, _meet(conn), "500m", "women", DAY, "")
        names = [f"Rijdster {letter}" for letter in "ABCDE"]
        ids = [_result(conn, race, name.lower(), _skater(conn, name), 2) for name in names]
        _shown(conn, ids)
    with store.read() as conn:
        assert [r.id for r in kb.results(conn, race_id=race)] == ids
        assert [r.id for r in kb.results(conn, distance="500m")] == ids


def test_a_distance_skated_twice_in_a_day_is_listed_the_same_way_on_a_skaters_page(
    store: Store,
):
    with store.write() as conn:
        anna = _skater(conn, "Anna Aa")
        meet = _meet(conn)
        races = [kb.add_race(conn, meet, "500m", "women", DAY, f"#{n}") for n in (1, 2, 3)]
        ids = [_result(conn, race, "anna aa", anna, 1) for race in races]
        _shown(conn, ids)
    with store.read() as conn:
        assert [r.id for r in kb.results(conn, skater_id=anna)] == ids
        assert [r.id for r in one(conn, kb.skater_results(anna))] == ids
