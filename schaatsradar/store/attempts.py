"""Attempts the account limits count: failed sign-ins ("account:<address>", "client:<ip>")
and account mail sent ("mail:<address>"). They are rows in the database, not one process's
memory, so the limits hold however many processes serve the site."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select

from schaatsradar.store.models import AccountAttempt


@dataclass(frozen=True)
class Counted:
    """The attempts of one key within the window, and when the oldest of them happened."""

    count: int
    oldest: dt.datetime | None


def counted(conn: Connection, key: str, since: dt.datetime) -> Counted:
    count, oldest = conn.execute(
        select(func.count(), func.min(AccountAttempt.at)).where(
            AccountAttempt.key == key, AccountAttempt.at > since
        )
    ).one()
    return Counted(int(count), oldest)


def record(conn: Connection, keys: list[str], now: dt.datetime, since: dt.datetime) -> None:
    """One attempt for each key; attempts of these keys older than the window go."""
    conn.execute(
        delete(AccountAttempt).where(AccountAttempt.key.in_(keys), AccountAttempt.at <= since)
    )
    conn.execute(insert(AccountAttempt), [{"key": key, "at": now} for key in keys])


def clear(conn: Connection, key: str) -> None:
    """Forget a key's attempts (the account's failures, after its owner signed in)."""
    conn.execute(delete(AccountAttempt).where(AccountAttempt.key == key))
