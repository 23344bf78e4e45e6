"""Keys the site makes for itself once and keeps (the VAPID key pair for Web Push).

A secret is written once and never changed: browsers subscribed with the public half, so a new
key pair would silently cut every push subscription."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from schaatsradar.store.models import SiteSecret


def get(conn: Connection, name: str) -> str | None:
    value = conn.execute(select(SiteSecret.value).where(SiteSecret.name == name)).scalar()
    return str(value) if value is not None else None


def put(conn: Connection, name: str, value: str) -> str:
    """Store `value` under `name` unless another process stored one first; return whichever
    is kept. Call inside a write transaction."""
    try:
        with conn.begin_nested():
            conn.execute(insert(SiteSecret).values(name=name, value=value))
    except IntegrityError:
        pass
    kept = conn.execute(select(SiteSecret.value).where(SiteSecret.name == name)).scalar_one()
    return str(kept)
