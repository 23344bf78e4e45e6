"""Accounts in the store (SQLite, or PostgreSQL with SCHAATSRADAR_TEST_DATABASE_URL): the
operations every entry point calls, and the rule that every reader's rows are their own."""

from __future__ import annotations

import datetime as dt

import pytest

from schaatsradar.accounts import operations, tokens
from schaatsradar.accounts.errors import AccountError
from schaatsradar.alerts.kinds import ALL_EVENTS
from schaatsradar.knowledge.book import load_reference
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import accounts as stored

NOW = dt.datetime(2026, 1, 24, 12, 0)
PASSWORD = "schaatsen-op-natuurijs"


@pytest.fixture
def filled(store: Store) -> Store:
    with store.write() as conn:
        load_reference(conn)
    return store


def test_registering_makes_a_stream_channel_and_changes_no_public_page(store: Store):
    version = store.data_version()
    user_id = operations.register(store, "Lezer@Example.org", PASSWORD, NOW)
    with store.read() as conn:
        account = stored.user_by_id(conn, user_id)
        [channel] = stored.channels(conn, user_id)
    assert account is not None and account.email == "lezer@example.org"
    assert account.password_hash.startswith("$argon2id$")
    assert (channel.kind, channel.event_mask, channel.enabled) == ("stream", ALL_EVENTS, True)
    assert store.data_version() == version  # the public page cache stays valid
    with pytest.raises(AccountError):
        operations.register(store, "lezer@example.org", PASSWORD, NOW)


def test_sessions_expire_and_end(store: Store):
    user_id = operations.register(store, "a@example.org", PASSWORD, NOW)
    session = operations.sign_in(store, "A@example.org", PASSWORD, NOW, session_days=30)
    assert session.user_id == user_id
    with store.read() as conn:
        hashes = [row[0] for row in conn.exec_driver_sql("SELECT token_hash FROM user_sessions")]
    assert hashes == [tokens.digest(session.token)]  # never the token itself
    found = operations.session_of(store, session.token, NOW + dt.timedelta(days=29))
    assert found is not None and found.csrf_token == session.csrf_token
    assert operations.session_of(store, session.token, NOW + dt.timedelta(days=30)) is None
    operations.sign_out(store, session.token)
    assert operations.session_of(store, session.token, NOW) is None
    with pytest.raises(AccountError):
        operations.sign_in(store, "a@example.org", "verkeerd-wachtwoord", NOW, 30)


def test_follows_are_scoped_to_their_reader(filled: Store):
    a = operations.register(filled, "a@example.org", PASSWORD, NOW)
    b = operations.register(filled, "b@example.org", PASSWORD, NOW)
    follow = operations.follow(filled, a, "country", "ned", NOW)
    with pytest.raises(AccountError):
        operations.follow(filled, a, "country", "XYZ", NOW)  # no such country
    with pytest.raises(AccountError):
        operations.follow(filled, a, "skater", "999999", NOW)
    assert operations.follow(filled, a, "country", "NED", NOW).id == follow.id
    with pytest.raises(AccountError):
        operations.unfollow_by_id(filled, b, follow.id)
    with filled.read() as conn:
        assert [f.value for f in stored.follows(conn, a)] == ["NED"]
        assert stored.follows(conn, b) == []
    operations.unfollow(filled, b, "country", "NED")  # B's wish is met; A keeps hers
    with filled.read() as conn:
        assert len(stored.follows(conn, a)) == 1
    operations.unfollow_by_id(filled, a, follow.id)
    with filled.read() as conn:
        assert stored.follows(conn, a) == []
    # A country only skaters come from (not in the press's list) can be followed too.
    assert operations.follow(filled, b, "country", "DEN", NOW).value == "DEN"


def test_channels_and_tokens_are_scoped_to_their_reader(filled: Store):
    settings = Settings(database_url=filled.url, allow_private_networks=["127.0.0.0/8"])
    a = operations.register(filled, "a@example.org", PASSWORD, NOW)
    b = operations.register(filled, "b@example.org", PASSWORD, NOW)
    added = operations.add_channel(
        filled, settings, a, "webhook", "http://127.0.0.1:9/hook", ["record.set"], NOW
    )
    assert added.secret is not None and added.secret.startswith("whsec_")
    with pytest.raises(AccountError):
        operations.change_channel(filled, b, added.channel.id, enabled=False)
    with pytest.raises(AccountError):
        operations.remove_channel(filled, b, added.channel.id)
    issued = operations.issue_personal_token(filled, a, "feedlezer", NOW)
    with pytest.raises(AccountError):
        operations.revoke_personal_token(filled, b, issued.id, NOW)
    owner = operations.personal_token_owner(filled, issued.token)
    assert owner is not None and owner.id == a
    operations.revoke_personal_token(filled, a, issued.id, NOW)
    assert operations.personal_token_owner(filled, issued.token) is None
    operations.remove_channel(filled, a, added.channel.id)
    with filled.read() as conn:
        assert [c.kind for c in stored.channels(conn, a)] == ["stream"]


def test_preferences_keep_what_is_not_changed(store: Store):
    user_id = operations.register(store, "a@example.org", PASSWORD, NOW)
    operations.change_preferences(store, user_id, {"quiet_start": "22:00", "quiet_end": "7:00"})
    account = operations.change_preferences(
        store, user_id, {"spoiler_mode": "hold", "spoiler_release": "21:00"}
    )
    assert (account.quiet_start, account.quiet_end) == ("22:00", "07:00")
    assert (account.spoiler_mode, account.spoiler_release) == ("hold", "21:00")
    with pytest.raises(AccountError):
        operations.change_preferences(store, user_id, {"spoiler_release": None})
