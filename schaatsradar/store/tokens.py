"""API tokens: issued once, stored as a hash, checked on every write through the API.

A token is 256 random bits, so a plain SHA-256 is enough to keep it unusable if the database
leaks (slow password hashes exist for guessable secrets; these are not guessable), and the
hash can be looked up by index, so checking a token costs one query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from schaatsradar.store.models import ApiToken

PREFIX = "srt_"  # makes a leaked token recognisable to secret scanners and to people


@dataclass(frozen=True)
class IssuedToken:
    """A new token (a service's, or a reader's personal one): `token` is the only copy of
    the secret; show it once and forget it."""

    id: int
    name: str
    token: str


@dataclass(frozen=True)
class TokenHolder:
    """Who a presented token belongs to."""

    id: int
    name: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(conn: Connection, name: str, now: dt.datetime) -> IssuedToken:
    token = PREFIX + secrets.token_urlsafe(32)
    token_id = conn.execute(
        insert(ApiToken)
        .values(name=name, token_hash=hash_token(token), created_at=now)
        .returning(ApiToken.id)
    ).scalar_one()
    return IssuedToken(int(token_id), name, token)


def holder(conn: Connection, presented: str) -> TokenHolder | None:
    """The holder of a valid, unrevoked token; None for anything else."""
    row = conn.execute(
        select(ApiToken.id, ApiToken.name).where(
            ApiToken.token_hash == hash_token(presented), ApiToken.revoked_at.is_(None)
        )
    ).first()
    return TokenHolder(row.id, row.name) if row is not None else None


def revoke(conn: Connection, name: str, now: dt.datetime) -> int:
    """Revoke every live token called `name`; returns how many there were."""
    result = conn.execute(
        update(ApiToken)
        .where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount or 0)
