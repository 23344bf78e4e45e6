"""Failed sign-ins, counted in the database (not in one process's memory), so the limits hold
however many processes serve the site. A key is "account:<address>" or "client:<ip>"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select

from schaatsradar.store.models import SignInFailure


@dataclass(frozen=True)
class Failures:
    """The failures of one key within the window, and when the oldest of them happened."""

    count: int
    oldest: dt.datetime | None


def failures(conn: Connection, key: str, since: dt.datetime) -> Failures:
    count, oldest = conn.execute(
        select(func.count(), func.min(SignInFailure.at)).where(
            SignInFailure.key == key, SignInFailure.at > since
        )
    ).one()
    return Failures(int(count), oldest)


def record_failure(conn: Connection, keys: list[str], now: dt.datetime, since: dt.datetime) -> None:
    """One failure for each key; failures of these keys older than the window go."""
    conn.execute(
        delete(SignInFailure).where(SignInFailure.key.in_(keys), SignInFailure.at <= since)
    )
    conn.execute(insert(SignInFailure), [{"key": key, "at": now} for key in keys])


def clear(conn: Connection, key: str) -> None:
    """Forget a key's failures (the account's own, after its owner signed in)."""
    conn.execute(delete(SignInFailure).where(SignInFailure.key == key))
