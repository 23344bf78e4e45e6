"""Readers for the alert tests: a user, what they follow and where their alerts go, written
through the store's models (the accounts module builds the same rows from the site)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select

from schaatsradar.alerts.kinds import ALL_EVENTS
from schaatsradar.alerts.signing import new_secret
from schaatsradar.extract.registry import norm_name
from schaatsradar.store import Store
from schaatsradar.store import knowledge as kb
from schaatsradar.store.models import Channel, Delivery, Follow, User

CREATED = dt.datetime(2026, 11, 1, 12, 0)


def add_reader(store: Store, email: str, **preferences: Any) -> int:
    with store.write(changes_content=False) as conn:
        values = {
            "email": email,
            "password_hash": "-",
            "language": "nl",
            "timezone": "Europe/Amsterdam",
            "spoiler_mode": "off",
            "created_at": CREATED,
            **preferences,
        }
        return int(conn.execute(insert(User).values(**values).returning(User.id)).scalar_one())


def follow(store: Store, user_id: int, kind: str, value: str) -> None:
    with store.write(changes_content=False) as conn:
        conn.execute(
            insert(Follow).values(user_id=user_id, kind=kind, value=value, created_at=CREATED)
        )


def follow_skater(store: Store, user_id: int, name: str) -> int:
    with store.read() as conn:
        skater = kb.skater_by_key(conn, norm_name(name))
    assert skater is not None, f"{name} is not in the registry"
    follow(store, user_id, "skater", str(skater.id))
    return skater.id


def add_channel(
    store: Store, user_id: int, kind: str, target: str, mask: int = ALL_EVENTS, **extra: Any
) -> tuple[int, str | None]:
    """The channel's id and (for a webhook) its signing secret."""
    secret = new_secret() if kind == "webhook" else None
    with store.write(changes_content=False) as conn:
        channel_id = conn.execute(
            insert(Channel)
            .values(
                user_id=user_id,
                kind=kind,
                target=target,
                secret=secret,
                event_mask=mask,
                enabled=True,
                created_at=CREATED,
                **extra,
            )
            .returning(Channel.id)
        ).scalar_one()
    return int(channel_id), secret


def deliveries(store: Store) -> list[Any]:
    with store.read() as conn:
        return list(conn.execute(select(Delivery).order_by(Delivery.id)))


def channel(store: Store, channel_id: int) -> Any:
    with store.read() as conn:
        return conn.execute(select(Channel).where(Channel.id == channel_id)).one()
