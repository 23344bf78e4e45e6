"""Migration 0013 on a database that has readers already (SQLite file, or PostgreSQL when
SCHAATSRADAR_TEST_DATABASE_URL is set): every existing personal token stays and becomes a
read-only feed token (its feed URL keeps working, it opens no API); accounts stay usable;
e-mail channels nobody confirmed get no alerts, and nothing is deleted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, text

from schaatsradar.accounts import operations, passwords, tokens
from schaatsradar.store import Store, migrate
from schaatsradar.store import accounts as stored
from schaatsradar.store.models import Channel, Delivery, PersonalToken

THEN = dt.datetime(2026, 11, 1, 12, 0)
OLD_TOKEN = tokens.PERSONAL_PREFIX + "een-oude-sleutel-van-voor-de-migratie"


def _reader_before_0013(store: Store) -> None:
    """What a site at 0012 held: an account, its token, an e-mail channel with an alert owed."""
    rows = [
        (
            "INSERT INTO users (id, email, password_hash, language, timezone, spoiler_mode,"
            " created_at) VALUES (1, 'oud@example.org', :hash, 'nl', 'Europe/Amsterdam', 'off',"
            " :then)"
        ),
        (
            "INSERT INTO personal_tokens (id, user_id, name, token_hash, created_at)"
            " VALUES (1, 1, 'feedlezer', :token, :then)"
        ),
        (
            "INSERT INTO channels (id, user_id, kind, target, event_mask, enabled, created_at)"
            " VALUES (1, 1, 'email', 'iemand@example.org', 1, true, :then),"
            " (2, 1, 'stream', 'stream', 1, true, :then)"
        ),
        (
            "INSERT INTO deliveries (id, event_id, user_id, channel_id, channel_kind, status,"
            " due_at, attempts, created_at) VALUES (1, 1, 1, 1, 'email', 'pending', :then, 0,"
            " :then), (2, 1, 1, 2, 'stream', 'pending', :then, 0, :then)"
        ),
    ]
    values = {
        "hash": passwords.hash_password("een-goed-wachtwoord"),
        "token": tokens.digest(OLD_TOKEN),
        "then": THEN,
    }
    with store.engine.begin() as conn:
        for statement in rows:
            conn.execute(text(statement), values)


def test_existing_tokens_become_feed_tokens_and_nothing_is_lost(database_url: str) -> None:
    store = Store(database_url)
    try:
        migrate.upgrade(store.engine, "0012")
        _reader_before_0013(store)
        store.upgrade()

        owner = operations.personal_token_owner(store, OLD_TOKEN, scope="feed")
        assert owner is not None and owner.email == "oud@example.org"
        assert operations.personal_token_owner(store, OLD_TOKEN, scope="api") is None
        session = operations.sign_in(store, "oud@example.org", "een-goed-wachtwoord", THEN, 30)
        assert session.user_id == 1
        with store.read() as conn:
            assert conn.execute(select(func.count()).select_from(PersonalToken)).scalar() == 1
            assert [t.scope for t in stored.personal_tokens(conn, 1)] == ["feed"]
            confirmed = dict(conn.execute(select(Channel.kind, Channel.confirmed_at)).all())
            assert confirmed["email"] is None and confirmed["stream"] == THEN
            status = dict(conn.execute(select(Delivery.channel_kind, Delivery.status)).all())
            assert status == {"email": "dropped", "stream": "pending"}
    finally:
        store.close()
