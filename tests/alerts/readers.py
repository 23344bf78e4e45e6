"""Readers for the alert tests: a user, what they follow and where their alerts go, written
by the store's own account functions (what the site's account pages call)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update

from schaatsradar.alerts.kinds import ALL_EVENTS
from schaatsradar.alerts.signing import new_secret
from schaatsradar.extract.registry import norm_name
from schaatsradar.store import Store
from schaatsradar.store import accounts as stored
from schaatsradar.store import knowledge as kb
from schaatsradar.store.models import Channel, Delivery, User

CREATED = dt.datetime(2026, 11, 1, 12, 0)


def add_reader(store: Store, email: str, **preferences: Any) -> int:
    """A reader as registering makes one (Dutch, Europe/Amsterdam, no spoiler guard), with the
    preferences given (spoiler_mode, quiet_start, …) set straight on the row."""
    language = preferences.pop("language", "nl")
    with store.write(changes_content=False) as conn:
        user_id = stored.add_user(conn, email, "-", language, CREATED)
        if preferences:
            conn.execute(update(User).where(User.id == user_id).values(**preferences))
    return user_id


def follow(store: Store, user_id: int, kind: str, value: str) -> None:
    with store.write(changes_content=False) as conn:
        stored.add_follow(conn, user_id, kind, value, CREATED)


def follow_skater(store: Store, user_id: int, name: str) -> int:
    with store.read() as conn:
        skater = kb.skater_by_key(conn, norm_name(name))
    assert skater is not None, f"{name} is not in the registry"
    follow(store, user_id, "skater", str(skater.id))
    return skater.id


def add_channel(
    store: Store,
    user_id: int,
    kind: str,
    target: str,
    mask: int = ALL_EVENTS,
    keys: dict[str, Any] | None = None,
) -> tuple[int, str | None]:
    """The channel's id and (for a webhook) its signing secret."""
    secret = new_secret() if kind == "webhook" else None
    with store.write(changes_content=False) as conn:
        channel_id = stored.add_channel(conn, user_id, kind, target, mask, CREATED, secret, keys)
    return channel_id, secret


def deliveries(store: Store) -> list[Any]:
    with store.read() as conn:
        return list(conn.execute(select(Delivery).order_by(Delivery.id)))


def channel(store: Store, channel_id: int) -> Any:
    with store.read() as conn:
        return conn.execute(select(Channel).where(Channel.id == channel_id)).one()
