"""What one reconciliation batch remembered is handed to the next (`memo.Carried`) only while
the database is as that batch left it: another writer's commit in between, or a batch that
failed, and the next batch asks the database again. Real SQLite or PostgreSQL, no mocks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, insert

from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.models import Skater, SkaterAlias

KEY = "wietske meetlatstra"


@contextmanager
def _asked(store: Store) -> Iterator[list[str]]:
    """The statements sent to the database within the block that read skaters."""
    sent: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "skater" in statement and statement.lstrip().upper().startswith("SELECT"):
            sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)


def _add_skater(store: Store) -> int:
    """Another writer (a plain transaction) stores the skater the key names."""
    with store.write() as conn:
        skater_id = conn.execute(
            insert(Skater).values(
                slug="wietske-meetlatstra", name="Wietske Meetlatstra", known=False
            )
        ).inserted_primary_key[0]
        conn.execute(insert(SkaterAlias).values(alias_key=KEY, skater_id=skater_id))
    return int(skater_id)


def test_the_next_batch_answers_from_what_the_last_one_remembered(store: Store) -> None:
    carried = kb.Carried()
    with store.write() as conn, kb.memoized(conn, carried):
        assert kb.skater_by_key(conn, KEY) is None
    with _asked(store) as sent, store.write() as conn, kb.memoized(conn, carried):
        assert kb.skater_by_key(conn, KEY) is None
    assert sent == []


def test_a_commit_of_another_writer_in_between_is_seen(store: Store) -> None:
    carried = kb.Carried()
    with store.write() as conn, kb.memoized(conn, carried):
        assert kb.skater_by_key(conn, KEY) is None  # remembered: nobody
    skater_id = _add_skater(store)
    with _asked(store) as sent, store.write() as conn, kb.memoized(conn, carried):
        found = kb.skater_by_key(conn, KEY)
    assert found is not None and found.id == skater_id
    assert sent  # asked again


def test_a_failed_batch_hands_nothing_on(store: Store) -> None:
    carried = kb.Carried()
    with store.write() as conn, kb.memoized(conn, carried):
        assert kb.skater_by_key(conn, KEY) is None
    with pytest.raises(RuntimeError), store.write() as conn, kb.memoized(conn, carried):
        kb.skater_by_key(conn, KEY)
        raise RuntimeError("halfway")
    with _asked(store) as sent, store.write() as conn, kb.memoized(conn, carried):
        assert kb.skater_by_key(conn, KEY) is None
    assert sent  # nothing carried past the failure: asked again
