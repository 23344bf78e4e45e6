"""Readers' accounts, sessions, personal tokens, follows and alert channels.

Every query that reads or changes a reader's own rows names the reader (`user_id`), so one
reader can never see or touch another's follows, channels or tokens, whatever id a request
carries: a foreign id simply matches nothing. Tokens arrive here as their SHA-256 only
(`accounts.tokens.digest`); the store never sees a secret but a webhook's signing key.

None of this changes what public pages show: writers use `store.write(changes_content=False)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Executable, delete, func, insert, select, update

from schaatsradar.extract.countries import COUNTRIES
from schaatsradar.store import knowledge as kb
from schaatsradar.store import outbox
from schaatsradar.store.models import (
    Channel,
    Competition,
    Delivery,
    Follow,
    PersonalToken,
    Skater,
    User,
    UserSession,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    password_hash: str
    language: str
    timezone: str
    spoiler_mode: str
    spoiler_release: str | None
    quiet_start: str | None
    quiet_end: str | None
    created_at: dt.datetime
    confirmed_at: dt.datetime | None


@dataclass(frozen=True)
class Preferences:
    """What a reader sets about how alerts reach them (all values already validated)."""

    language: str
    timezone: str
    spoiler_mode: str
    spoiler_release: str | None
    quiet_start: str | None
    quiet_end: str | None


@dataclass(frozen=True)
class SignedInSession:
    """A live session and whose it is."""

    id: int
    csrf_token: str
    expires_at: dt.datetime
    account: Account


@dataclass(frozen=True)
class FollowRow:
    id: int
    kind: str
    value: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ChannelRow:
    """A channel as its owner sees it: never with the webhook's secret."""

    id: int
    kind: str
    target: str
    keys: dict[str, Any] | None
    event_mask: int
    enabled: bool
    disabled_reason: str | None
    created_at: dt.datetime
    confirmed_at: dt.datetime | None


@dataclass(frozen=True)
class TokenRow:
    id: int
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    scope: str


_ACCOUNT = (
    User.id,
    User.email,
    User.password_hash,
    User.language,
    User.timezone,
    User.spoiler_mode,
    User.spoiler_release,
    User.quiet_start,
    User.quiet_end,
    User.created_at,
    User.confirmed_at,
)
_CHANNEL = (
    Channel.id,
    Channel.kind,
    Channel.target,
    Channel.keys,
    Channel.event_mask,
    Channel.enabled,
    Channel.disabled_reason,
    Channel.created_at,
    Channel.confirmed_at,
)


def _insert(
    conn: Connection,
    model: type[User | UserSession | PersonalToken | Follow | Channel],
    **values: Any,
) -> int:
    """One new row of the model's table, and its id."""
    return int(conn.execute(insert(model).values(**values).returning(model.id)).scalar_one())


def _first(conn: Connection, query: Executable, make: Callable[..., T]) -> T | None:
    """The query's first row made into `make` (its columns in the dataclass's field order)."""
    row = conn.execute(query).first()
    return make(*row) if row is not None else None


# -- accounts ---------------------------------------------------------------------------------


def add_user(
    conn: Connection,
    email: str,
    password_hash: str,
    language: str,
    now: dt.datetime,
    confirmed: bool = True,
) -> int:
    """A new account (the caller checked the address is free; the unique index decides);
    `confirmed` False: nobody can sign in to it until `confirm_user`."""
    return _insert(
        conn,
        User,
        email=email,
        password_hash=password_hash,
        language=language,
        timezone="Europe/Amsterdam",
        spoiler_mode="off",
        created_at=now,
        confirmed_at=now if confirmed else None,
    )


def user_by_email(conn: Connection, email: str) -> Account | None:
    return _first(conn, select(*_ACCOUNT).where(User.email == email), Account)


def user_by_id(conn: Connection, user_id: int) -> Account | None:
    return _first(conn, select(*_ACCOUNT).where(User.id == user_id), Account)


def set_password_hash(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(update(User).where(User.id == user_id).values(password_hash=password_hash))


def confirm_user(conn: Connection, user_id: int, now: dt.datetime) -> None:
    conn.execute(
        update(User).where(User.id == user_id, User.confirmed_at.is_(None)).values(confirmed_at=now)
    )


def delete_user(conn: Connection, user_id: int) -> None:
    """The account and everything of it: alerts still owed, channels, follows, tokens and
    sessions (children first: the foreign keys point at `users`)."""
    conn.execute(delete(Delivery).where(Delivery.user_id == user_id))
    for model in (Channel, Follow, PersonalToken, UserSession):
        conn.execute(delete(model).where(model.user_id == user_id))
    conn.execute(delete(User).where(User.id == user_id))


def set_preferences(conn: Connection, user_id: int, preferences: Preferences) -> None:
    conn.execute(
        update(User)
        .where(User.id == user_id)
        .values(
            language=preferences.language,
            timezone=preferences.timezone,
            spoiler_mode=preferences.spoiler_mode,
            spoiler_release=preferences.spoiler_release,
            quiet_start=preferences.quiet_start,
            quiet_end=preferences.quiet_end,
        )
    )


# -- sessions ---------------------------------------------------------------------------------


def add_session(
    conn: Connection,
    user_id: int,
    token_hash: str,
    csrf_token: str,
    now: dt.datetime,
    expires_at: dt.datetime,
) -> int:
    return _insert(
        conn,
        UserSession,
        token_hash=token_hash,
        user_id=user_id,
        csrf_token=csrf_token,
        created_at=now,
        expires_at=expires_at,
    )


def session_by_token(conn: Connection, token_hash: str, now: dt.datetime) -> SignedInSession | None:
    """The live session with this token and its account; None when unknown or expired."""
    row = conn.execute(
        select(UserSession.id, UserSession.csrf_token, UserSession.expires_at, *_ACCOUNT)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == token_hash, UserSession.expires_at > now)
    ).first()
    if row is None:
        return None
    session_id, csrf_token, expires_at, *account = row
    return SignedInSession(session_id, csrf_token, expires_at, Account(*account))


def delete_session(conn: Connection, token_hash: str) -> bool:
    result = conn.execute(delete(UserSession).where(UserSession.token_hash == token_hash))
    return bool(result.rowcount)


def delete_other_sessions(conn: Connection, user_id: int, keep_hash: str = "") -> int:
    """Sign the reader out everywhere but the session `keep_hash` (none: everywhere)."""
    result = conn.execute(
        delete(UserSession).where(
            UserSession.user_id == user_id, UserSession.token_hash != keep_hash
        )
    )
    return int(result.rowcount or 0)


def delete_expired_sessions(conn: Connection, user_id: int, now: dt.datetime) -> int:
    result = conn.execute(
        delete(UserSession).where(UserSession.user_id == user_id, UserSession.expires_at <= now)
    )
    return int(result.rowcount or 0)


# -- personal tokens --------------------------------------------------------------------------


def add_personal_token(
    conn: Connection, user_id: int, name: str, token_hash: str, now: dt.datetime, scope: str
) -> int:
    return _insert(
        conn,
        PersonalToken,
        user_id=user_id,
        name=name,
        token_hash=token_hash,
        created_at=now,
        scope=scope,
    )


def personal_tokens(conn: Connection, user_id: int) -> list[TokenRow]:
    """The reader's tokens, live ones first, newest first."""
    rows = conn.execute(
        select(
            PersonalToken.id,
            PersonalToken.name,
            PersonalToken.created_at,
            PersonalToken.revoked_at,
            PersonalToken.scope,
        )
        .where(PersonalToken.user_id == user_id)
        .order_by(PersonalToken.revoked_at.is_not(None), PersonalToken.id.desc())
    )
    return [TokenRow(*row) for row in rows]


def revoke_personal_token(conn: Connection, user_id: int, token_id: int, now: dt.datetime) -> bool:
    result = conn.execute(
        update(PersonalToken)
        .where(
            PersonalToken.id == token_id,
            PersonalToken.user_id == user_id,
            PersonalToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    return bool(result.rowcount)


def user_by_personal_token(conn: Connection, token_hash: str, scope: str) -> Account | None:
    """The owner of a live token of this scope ("api" or "feed"); a token of the other scope
    opens nothing here."""
    query = (
        select(*_ACCOUNT)
        .join(PersonalToken, PersonalToken.user_id == User.id)
        .where(
            PersonalToken.token_hash == token_hash,
            PersonalToken.revoked_at.is_(None),
            PersonalToken.scope == scope,
        )
    )
    return _first(conn, query, Account)


# -- follows ----------------------------------------------------------------------------------

_FOLLOW = (Follow.id, Follow.kind, Follow.value, Follow.created_at)


def follows(conn: Connection, user_id: int) -> list[FollowRow]:
    rows = conn.execute(select(*_FOLLOW).where(Follow.user_id == user_id).order_by(Follow.id))
    return [FollowRow(*row) for row in rows]


def follow_of(conn: Connection, user_id: int, kind: str, value: str) -> FollowRow | None:
    query = select(*_FOLLOW).where(
        Follow.user_id == user_id, Follow.kind == kind, Follow.value == value
    )
    return _first(conn, query, FollowRow)


def add_follow(
    conn: Connection, user_id: int, kind: str, value: str, now: dt.datetime
) -> FollowRow:
    """Follow (kind, value); following it again changes nothing and returns the first row."""
    found = follow_of(conn, user_id, kind, value)
    if found is not None:
        return found
    follow_id = _insert(conn, Follow, user_id=user_id, kind=kind, value=value, created_at=now)
    return FollowRow(follow_id, kind, value, now)


def remove_follow(conn: Connection, user_id: int, kind: str, value: str) -> bool:
    result = conn.execute(
        delete(Follow).where(Follow.user_id == user_id, Follow.kind == kind, Follow.value == value)
    )
    return bool(result.rowcount)


def remove_follow_by_id(conn: Connection, user_id: int, follow_id: int) -> bool:
    result = conn.execute(delete(Follow).where(Follow.id == follow_id, Follow.user_id == user_id))
    return bool(result.rowcount)


def subject_by_slug(conn: Connection, kind: str, slug: str) -> int | None:
    """The id of the skater (following a merge to the survivor) or competition with `slug`:
    the API's lists name skaters by slug, so a follow may too."""
    if kind == "skater":
        skater = kb.skater_by_slug(conn, slug)
        return skater.id if skater is not None else None
    if kind == "competition":
        found = conn.execute(select(Competition.id).where(Competition.slug == slug)).scalar()
        return int(found) if found is not None else None
    return None


def subject_exists(conn: Connection, kind: str, value: str) -> bool:
    """Whether a skater or competition id names one, or a country is one we know (in the
    press's list or some skater's); distances are checked against a fixed list earlier."""
    if kind == "country":
        if value in COUNTRIES:
            return True
        query = select(Skater.id).where(Skater.country == value).limit(1)
    elif kind == "skater":
        query = select(Skater.id).where(Skater.id == int(value))
    elif kind == "competition":
        query = select(Competition.id).where(Competition.id == int(value))
    else:
        return True
    return conn.execute(query).first() is not None


# -- channels ---------------------------------------------------------------------------------


def channels(conn: Connection, user_id: int) -> list[ChannelRow]:
    rows = conn.execute(select(*_CHANNEL).where(Channel.user_id == user_id).order_by(Channel.id))
    return [ChannelRow(*row) for row in rows]


def channel(conn: Connection, user_id: int, channel_id: int) -> ChannelRow | None:
    query = select(*_CHANNEL).where(Channel.id == channel_id, Channel.user_id == user_id)
    return _first(conn, query, ChannelRow)


def channel_count(conn: Connection, user_id: int) -> int:
    query = select(func.count()).select_from(Channel).where(Channel.user_id == user_id)
    return int(conn.execute(query).scalar_one())


def confirm_channel(
    conn: Connection, user_id: int, channel_id: int, target: str, now: dt.datetime
) -> bool:
    """Confirm the reader's channel if it still goes to `target` (the address the link was
    mailed to); whether it is confirmed now."""
    conn.execute(
        update(Channel)
        .where(
            Channel.id == channel_id,
            Channel.user_id == user_id,
            Channel.target == target,
            Channel.confirmed_at.is_(None),
        )
        .values(confirmed_at=now)
    )
    found = channel(conn, user_id, channel_id)
    return found is not None and found.target == target and found.confirmed_at is not None


def channel_by_target(conn: Connection, user_id: int, kind: str, target: str) -> ChannelRow | None:
    query = select(*_CHANNEL).where(
        Channel.user_id == user_id, Channel.kind == kind, Channel.target == target
    )
    return _first(conn, query, ChannelRow)


def add_channel(
    conn: Connection,
    user_id: int,
    kind: str,
    target: str,
    event_mask: int,
    now: dt.datetime,
    secret: str | None = None,
    keys: dict[str, Any] | None = None,
    confirmed: bool = True,
) -> int:
    """A new channel; `confirmed` False (an e-mail address not yet proved): no alerts."""
    return _insert(
        conn,
        Channel,
        user_id=user_id,
        kind=kind,
        target=target,
        secret=secret,
        keys=keys,
        event_mask=event_mask,
        enabled=True,
        created_at=now,
        confirmed_at=now if confirmed else None,
    )


def update_channel(
    conn: Connection,
    user_id: int,
    channel_id: int,
    event_mask: int | None = None,
    enabled: bool | None = None,
    keys: dict[str, Any] | None = None,
) -> bool:
    """Change what is given; switching a channel on clears why it was switched off, switching
    it off drops the alerts still owed to it (recorded as such)."""
    values: dict[str, Any] = {}
    if event_mask is not None:
        values["event_mask"] = event_mask
    if enabled is not None:
        values["enabled"] = enabled
        if enabled:
            values["disabled_reason"] = None
    if keys is not None:
        values["keys"] = keys
    if not values:
        return channel(conn, user_id, channel_id) is not None
    result = conn.execute(
        update(Channel).where(Channel.id == channel_id, Channel.user_id == user_id).values(**values)
    )
    if enabled is False and result.rowcount:
        # What is still owed to it stops now, rather than retrying for a day.
        outbox.drop_for_channels(conn, [channel_id], outbox.SWITCHED_OFF)
    return bool(result.rowcount)


def remove_channel(conn: Connection, user_id: int, channel_id: int) -> bool:
    """Remove the channel with its outbox rows (the alerts still owed to it go with it)."""
    if channel(conn, user_id, channel_id) is None:
        return False
    conn.execute(
        delete(Delivery).where(Delivery.channel_id == channel_id, Delivery.user_id == user_id)
    )
    conn.execute(delete(Channel).where(Channel.id == channel_id, Channel.user_id == user_id))
    return True
