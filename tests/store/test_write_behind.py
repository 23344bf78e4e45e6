"""Writes reconciliation holds back (`store.write_behind`) are never missed by a read: any
statement not known to leave them alone sends them first, a known one only when it touches a
table with writes waiting, the block's end sends the rest, and a block that fails leaves
nothing (its transaction rolls back). Real SQLite or PostgreSQL, no mocks."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select, text

from schaatsradar.store import Store, write_behind
from schaatsradar.store import knowledge as kb
from schaatsradar.store.models import Skater

_INSERT = insert(Skater)


def _skater(slug: str) -> dict[str, object]:
    return dict(slug=slug, name=slug.title(), country="NED", gender="women", known=False)


def _stored(store: Store, slug: str) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).where(Skater.slug == slug)) or 0)


def test_a_read_of_unknown_effect_sees_the_writes_held_back(store: Store) -> None:
    with store.write() as conn, kb.memoized(conn):
        skater_id = write_behind.insert_row(conn, "skaters", _INSERT, _skater("wachtende-een"))
        found = conn.execute(text("SELECT id FROM skaters WHERE slug = 'wachtende-een'")).scalar()
        assert found == skater_id


def test_a_known_read_of_a_table_with_writes_waiting_sees_them(store: Store) -> None:
    with store.write() as conn, kb.memoized(conn):
        skater_id = write_behind.insert_row(conn, "skaters", _INSERT, _skater("wachtende-twee"))
        found = kb.skater_by_slug(conn, "wachtende-twee")  # a statement marked as touching skaters
        assert found is not None and found.id == skater_id


def test_the_blocks_end_sends_what_waits_and_a_failure_sends_nothing(store: Store) -> None:
    with store.write() as conn, kb.memoized(conn):
        write_behind.insert_row(conn, "skaters", _INSERT, _skater("wachtende-drie"))
    assert _stored(store, "wachtende-drie") == 1
    with pytest.raises(RuntimeError), store.write() as conn, kb.memoized(conn):
        write_behind.insert_row(conn, "skaters", _INSERT, _skater("wachtende-vier"))
        raise RuntimeError("halfway")
    assert _stored(store, "wachtende-vier") == 0


def test_outside_a_reconciliation_every_write_goes_straight_to_the_database(store: Store) -> None:
    with store.write() as conn:
        skater_id = write_behind.insert_row(conn, "skaters", _INSERT, _skater("meteen"))
        found = conn.execute(select(Skater.id).where(Skater.slug == "meteen")).scalar()
        assert found == skater_id


def test_a_row_written_behind_is_stored_as_an_insert_stores_it(store: Store) -> None:
    """Sent in one go (COPY on PostgreSQL), a row leaving columns out gets their defaults and
    its values as given, exactly what an INSERT of the same values stores."""
    with store.write() as conn:
        conn.execute(_INSERT, _skater("rechtstreeks"))
    with store.write() as conn, kb.memoized(conn):
        write_behind.insert_row(conn, "skaters", _INSERT, _skater("achteraf"))
    with store.read() as conn:
        rows = {
            r.slug: tuple(r)[2:]  # (all but id and slug)
            for r in conn.execute(select(Skater).order_by(Skater.id))
        }
    assert rows["achteraf"] == (
        "Achteraf",
        *rows["rechtstreeks"][1:],
    )
    assert rows["rechtstreeks"][1:] == ("NED", "women", None, None, False, None, "")
