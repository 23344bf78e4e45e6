"""The reads the meet and home pages send together (`store.together`: one round trip on
PostgreSQL) give what the one-by-one reads they replace give, on SQLite and PostgreSQL:
the meet's records (its rink and days now read inside the statement), its results, held
claims and their count, the newest races (both walks in one statement), and the podium
slugs (asked before the podiums are known: a superset of them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection

from schaatsradar.store import Store, record_book, site
from schaatsradar.store import calendar as calendar_store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.together import one, together

DAY = dt.date(2026, 11, 14)
TODAY = dt.date(2026, 12, 1)


def _meet(conn: Connection, slug: str, city: str | None, start: dt.date | None) -> int:
    return kb.ensure_competition(
        conn,
        slug=slug,
        name=f"Testwedstrijd {slug}",
        level=None,
        city=city,
        start_date=start,
        end_date=start + dt.timedelta(days=1) if start else None,
        origin="news",
    )


def _result(conn: Connection, race: int, skater: int, rank: int, seconds: float) -> int:
    result = kb.add_claim(
        conn,
        race_id=race,
        athlete_key=f"skater {skater}",
        skater_id=skater,
        team=None,
        source_key=f"test:{race}:{skater}",
        article_id=None,
        cluster=f"cluster:{race}:{skater}",
        official=True,
        parts=kb.ClaimParts(seconds=seconds, rank=rank),
        evidence=None,
    )
    kb.hold(conn, result, None)
    return result


def _record(conn: Connection, **values: object) -> int:
    base: dict[str, object] = dict(
        kind="track", scope="Heerenveen", distance="500m", gender="women", seconds=37.0,
        skater_id=None, holder="Iemand", set_on=DAY, venue="Heerenveen", status="current",
        origin="official",
    )  # fmt: skip
    return record_book.add_record(conn, **{**base, **values})


def _filled(store: Store) -> tuple[int, list[int]]:
    """A two-day meet in Heerenveen with two races (one undated), a held claim, and records
    in and around it; another meet elsewhere. Returns the meet and its skaters."""
    with store.write() as conn:
        meet = _meet(conn, "2026-11-14-heerenveen", "Heerenveen", DAY)
        other = _meet(conn, "2026-11-20-inzell", "Inzell", DAY + dt.timedelta(days=6))
        skaters = [
            kb.add_skater(conn, slug=f"rijder-{i}", name=f"Rijder {i}", country="NED",
                          gender="women", known=True)
            for i in range(6)
        ]  # fmt: skip
        dated = kb.add_race(conn, meet, "500m", "women", DAY, "d1")
        undated = kb.add_race(conn, meet, "1000m", "women", None, "")
        elsewhere = kb.add_race(conn, other, "500m", "women", DAY + dt.timedelta(days=6), "d1")
        first = _result(conn, dated, skaters[0], 1, 37.5)
        _result(conn, dated, skaters[1], 2, 37.9)
        _result(conn, undated, skaters[2], 1, 75.0)
        _result(conn, elsewhere, skaters[3], 1, 38.0)
        held = _result(conn, dated, skaters[4], 1, 37.4)
        kb.hold(conn, held, "conflict")
        _record(conn, result_id=first, skater_id=skaters[0], set_on=None, venue=None)
        _record(conn, set_on=DAY + dt.timedelta(days=1), holder="Op de tweede dag")
        _record(conn, set_on=DAY + dt.timedelta(days=2), holder="Een dag te laat")
        _record(conn, venue="Inzell", scope="Inzell", holder="Andere baan")
        _record(conn, kind="personal", holder="Persoonlijk")
        _record(conn, status="claim", holder="Nieuwsbewering")
        _record(conn, kind="world", scope="", venue="", holder="Leeg")
    return meet, skaters


def test_the_meet_pages_reads_together_give_what_the_reads_one_by_one_give(store: Store):
    meet, skaters = _filled(store)
    with store.read() as conn:
        competition, results, held_total, held, records = together(
            conn,
            kb.competition_read(meet),
            kb.meet_results(meet),
            site.held_count_read(meet),
            kb.meet_results(meet, held=True, limit=40),
            site.records_at_competition_read(meet),
        )
        assert competition == kb.competition(conn, meet)
        assert results == kb.results(conn, competition_id=meet)
        assert held == kb.results(conn, competition_id=meet, held=True, limit=40)
        assert held_total == site.held_count(conn, meet) == 1
        assert records == site.records_at_competition(conn, meet)
        holders = {r.holder for r in records}
        assert holders == {"Iemand", "Op de tweede dag"}  # tied to a result; at the rink in time
        ids = [r.id for r in results]
        sources, slugs = together(
            conn,
            site.result_sources_read(conn, ids),
            site.skater_slugs_read(conn, skaters[:3]),
        )
        assert sources == site.result_sources(conn, ids)
        assert slugs == site.skater_slugs(conn, skaters[:3])
        assert one(conn, kb.competition_read(10_000)) is None


def test_the_newest_races_are_one_statement_and_the_first_walk_is_reused(store: Store):
    _filled(store)
    with store.read() as conn:
        walked = site.recent_races(conn, TODAY, limit=40)
        for limit in (1, 2, 3):
            assert site.recent_races(conn, TODAY, limit=limit) == walked[:limit]
        assert [r.day for r in walked] == sorted((r.day for r in walked), reverse=True)
        assert calendar_store.latest_meets_with_results(
            conn, TODAY, 2, walked_first=walked
        ) == calendar_store.latest_meets_with_results(conn, TODAY, 2)
        records = site.recent_records(conn, TODAY, ("track",))
        slugs = one(conn, site.podium_slugs_read(conn, [r.id for r in walked[:1]], records))
        shown = {r.skater_id for r in kb.results_of_races(conn, [walked[0].id])}
        assert shown and shown <= set(slugs)
        assert {i: slugs[i] for i in shown} == site.skater_slugs(conn, sorted(shown))
