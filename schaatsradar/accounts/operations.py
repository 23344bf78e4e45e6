"""One function per account operation; the pages, the personal API and the CLI all call
these, so they cannot disagree on what is allowed. Each validates its input, then does its
work in one transaction that is marked as changing nothing public pages show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from schaatsradar.accounts import errors, passwords, tokens, validation
from schaatsradar.accounts.errors import AccountError
from schaatsradar.alerts.destinations import check_destination
from schaatsradar.alerts.kinds import ALL_EVENTS, CHANNEL_KINDS
from schaatsradar.alerts.signing import new_secret
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import accounts as stored
from schaatsradar.store.accounts import Account, ChannelRow, FollowRow, Preferences
from schaatsradar.store.tokens import IssuedToken

ADDABLE_CHANNELS = tuple(kind for kind in CHANNEL_KINDS if kind != "stream")


@dataclass(frozen=True)
class Session:
    """A sign-in: `token` goes into the cookie (only its hash is stored), `csrf_token` into
    the pages' forms."""

    user_id: int
    token: str
    csrf_token: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class NewChannel:
    """A channel just added; `secret` is the webhook's signing key, shown this once. An
    e-mail channel starts unconfirmed (`channel.confirmed_at` None): see `email_channels`."""

    channel: ChannelRow
    secret: str | None


def _not_found(what: str) -> AccountError:
    return AccountError(f"you have no {what}", errors.NOT_FOUND)


# -- accounts and sessions --------------------------------------------------------------------


def register(
    store: Store, email: str, password: str, now: dt.datetime, language: str = "nl"
) -> int:
    """A new account with a `stream` channel taking every event (what open pages show live).
    Returns the account's id."""
    address = validation.email(email)
    validation.password(password, address)
    validation.language(language)
    password_hash = passwords.hash_password(password)  # slow: before the transaction
    taken = AccountError(
        "there is already an account with this e-mail address", errors.EMAIL_TAKEN, "email"
    )
    try:
        with store.write(changes_content=False) as conn:
            if stored.user_by_email(conn, address) is not None:
                raise taken
            user_id = stored.add_user(conn, address, password_hash, language, now)
            stored.add_channel(conn, user_id, "stream", "stream", ALL_EVENTS, now)
    except IntegrityError:  # registered by a request that raced this one
        raise taken from None
    return user_id


def sign_in(
    store: Store, email: str, password: str, now: dt.datetime, session_days: int
) -> Session:
    """A new session for the account, or AccountError(WRONG_CREDENTIALS) that does not say
    which of the two was wrong."""
    wrong = AccountError("wrong e-mail address or password", errors.WRONG_CREDENTIALS, "email")
    try:
        address = validation.email(email)
    except AccountError:
        raise wrong from None
    with store.read() as conn:
        account = stored.user_by_email(conn, address)
    if account is None:
        passwords.spend_verification(password)
        raise wrong
    # An account nobody confirmed yet is as good as none: registering an address cannot be
    # used to learn whether it had an account (sign in with the password just chosen).
    if not passwords.verify_password(account.password_hash, password) or not account.confirmed_at:
        raise wrong
    if passwords.needs_rehash(account.password_hash):
        with store.write(changes_content=False) as conn:
            stored.set_password_hash(conn, account.id, passwords.hash_password(password))
    return start_session(store, account.id, now, session_days)


def start_session(store: Store, user_id: int, now: dt.datetime, session_days: int) -> Session:
    token, csrf_token = tokens.new_session_token(), tokens.new_csrf_token()
    expires_at = now + dt.timedelta(days=session_days)
    with store.write(changes_content=False) as conn:
        stored.delete_expired_sessions(conn, user_id, now)
        stored.add_session(conn, user_id, tokens.digest(token), csrf_token, now, expires_at)
    return Session(user_id, token, csrf_token, expires_at)


def session_of(store: Store, token: str, now: dt.datetime) -> stored.SignedInSession | None:
    with store.read() as conn:
        return stored.session_by_token(conn, tokens.digest(token), now)


def sign_out(store: Store, token: str) -> None:
    with store.write(changes_content=False) as conn:
        stored.delete_session(conn, tokens.digest(token))


def account_by_email(store: Store, email: str) -> Account:
    with store.read() as conn:
        account = stored.user_by_email(conn, validation.email(email))
    if account is None:
        raise AccountError(f"no account with e-mail address {email!r}", errors.UNKNOWN_ACCOUNT)
    return account


def change_preferences(store: Store, user_id: int, changes: dict[str, Any]) -> Account:
    """Set what `changes` names (language, timezone, spoiler_mode, spoiler_release,
    quiet_start, quiet_end); the rest stays. Spoiler mode "hold" needs a release time."""
    with store.write(changes_content=False) as conn:
        account = stored.user_by_id(conn, user_id)
        if account is None:
            raise _not_found("account")
        merged = {
            "language": account.language,
            "timezone": account.timezone,
            "spoiler_mode": account.spoiler_mode,
            "spoiler_release": account.spoiler_release,
            "quiet_start": account.quiet_start,
            "quiet_end": account.quiet_end,
            **changes,
        }
        preferences = _preferences(merged)
        stored.set_preferences(conn, user_id, preferences)
        updated = stored.user_by_id(conn, user_id)
    assert updated is not None
    return updated


def _preferences(values: dict[str, Any]) -> Preferences:
    quiet_start, quiet_end = validation.quiet_hours(values["quiet_start"], values["quiet_end"])
    mode = validation.spoiler_mode(values["spoiler_mode"])
    release = validation.clock_time(values["spoiler_release"], "spoiler_release")
    if mode == "hold" and release is None:
        raise AccountError(
            "spoiler mode 'hold' needs the time held alerts are released (HH:MM)",
            errors.BAD_CLOCK_TIME,
            "spoiler_release",
        )
    return Preferences(
        language=validation.language(values["language"]),
        timezone=validation.timezone(values["timezone"]),
        spoiler_mode=mode,
        spoiler_release=release,
        quiet_start=quiet_start,
        quiet_end=quiet_end,
    )


# -- personal tokens --------------------------------------------------------------------------


def issue_personal_token(
    store: Store, user_id: int, name: str, now: dt.datetime, scope: str = "api"
) -> IssuedToken:
    """A token for the reader's API (`scope` "api") or one that only reads their private
    feed ("feed": it goes into a URL, and URLs end up in logs and feed readers)."""
    chosen = validation.token_name(name)
    if scope not in tokens.SCOPES:
        raise AccountError(
            f"a token is one of {', '.join(tokens.SCOPES)}", errors.BAD_TOKEN_SCOPE, "scope"
        )
    token = tokens.new_personal_token()
    with store.write(changes_content=False) as conn:
        digest = tokens.digest(token)
        token_id = stored.add_personal_token(conn, user_id, chosen, digest, now, scope)
    return IssuedToken(token_id, chosen, token)


def revoke_personal_token(store: Store, user_id: int, token_id: int, now: dt.datetime) -> None:
    with store.write(changes_content=False) as conn:
        if not stored.revoke_personal_token(conn, user_id, token_id, now):
            raise _not_found(f"live token {token_id}")


def personal_token_owner(store: Store, token: str, scope: str = "api") -> Account | None:
    """Whose live token of `scope` this is: a feed token opens no API, an API token no feed."""
    if not token.startswith(tokens.PERSONAL_PREFIX):
        return None
    with store.read() as conn:
        return stored.user_by_personal_token(conn, tokens.digest(token), scope)


# -- follows ----------------------------------------------------------------------------------


def follow(store: Store, user_id: int, kind: str, value: str, now: dt.datetime) -> FollowRow:
    """Follow a skater (by id or slug), a competition (by id or slug), a country or a
    distance; the follow is stored by id, as fan-out matches it."""
    with store.write(changes_content=False) as conn:
        kind, value = _subject(conn, kind, value)
        if not stored.subject_exists(conn, kind, value):
            raise AccountError(f"no {kind} with id {value}", errors.BAD_FOLLOW, "value")
        return stored.add_follow(conn, user_id, kind, value, now)


def unfollow(store: Store, user_id: int, kind: str, value: str) -> tuple[str, str]:
    """Stop following (kind, value); not following it is no error (the wish is met).
    Returns the subject as stored."""
    with store.write(changes_content=False) as conn:
        kind, value = _subject(conn, kind, value)
        stored.remove_follow(conn, user_id, kind, value)
    return kind, value


def _subject(conn: Connection, kind: str, value: str) -> tuple[str, str]:
    """(kind, value) as stored: a skater's or competition's slug becomes its id (the API's
    lists show skaters by slug only); ids, countries and distances as `follow_subject` has
    them."""
    text = value.strip()
    if kind in ("skater", "competition") and text and not text.isdigit():
        found = stored.subject_by_slug(conn, kind, text.casefold())
        if found is None:
            raise AccountError(f"no {kind} {text[:64]!r} to follow", errors.BAD_FOLLOW, "value")
        text = str(found)
    return validation.follow_subject(kind, text)


def unfollow_by_id(store: Store, user_id: int, follow_id: int) -> None:
    with store.write(changes_content=False) as conn:
        if not stored.remove_follow_by_id(conn, user_id, follow_id):
            raise _not_found(f"follow {follow_id}")


# -- channels ---------------------------------------------------------------------------------


def add_channel(
    store: Store,
    settings: Settings,
    user_id: int,
    kind: str,
    target: str,
    events: list[str] | None,
    now: dt.datetime,
    keys: dict[str, Any] | None = None,
) -> NewChannel:
    """A webhook (a URL we may send to; it gets a signing secret), an e-mail address, or a
    push subscription (its endpoint and keys; subscribing the same browser again renews its
    keys). `events` None: every event."""
    mask = ALL_EVENTS if events is None else validation.event_mask(events)
    target, keys = _checked_target(settings, kind, target, keys)
    secret = new_secret() if kind == "webhook" else None
    with store.write(changes_content=False) as conn:
        same = stored.channel_by_target(conn, user_id, kind, target)
        if kind == "push" and same:
            stored.update_channel(conn, user_id, same.id, enabled=True, keys=keys)
            channel_id = same.id
        else:
            if same is not None:
                raise AccountError("you have this channel already", errors.CHANNEL_EXISTS, "target")
            if stored.channel_count(conn, user_id) >= settings.max_channels_per_reader:
                raise AccountError(
                    f"a reader has at most {settings.max_channels_per_reader} channels",
                    errors.TOO_MANY_CHANNELS,
                    "kind",
                )
            # An address is proved by its confirmation link, or by being the account's own
            # (confirmed when the account was); other kinds are the reader's own doing.
            account = stored.user_by_id(conn, user_id)
            proved = kind != "email" or (
                account is not None and account.confirmed_at is not None and account.email == target
            )
            channel_id = stored.add_channel(
                conn, user_id, kind, target, mask, now, secret, keys, confirmed=proved
            )
        found = stored.channel(conn, user_id, channel_id)
    assert found is not None
    return NewChannel(found, secret)


def _checked_target(
    settings: Settings, kind: str, target: str, keys: dict[str, Any] | None
) -> tuple[str, dict[str, Any] | None]:
    if kind not in ADDABLE_CHANNELS:
        raise AccountError(
            f"a channel is one of {', '.join(ADDABLE_CHANNELS)}", errors.BAD_CHANNEL, "kind"
        )
    if kind == "email":
        return validation.recipient(target), None
    url = target.strip()
    try:
        check_destination(url, settings)  # resolves the host: callers run in a thread
    except ValueError as error:
        raise AccountError(str(error), errors.BAD_CHANNEL, "target") from None
    return url, (validation.push_keys(keys) if kind == "push" else None)


def change_channel(
    store: Store,
    user_id: int,
    channel_id: int,
    events: list[str] | None = None,
    enabled: bool | None = None,
) -> ChannelRow:
    mask = None if events is None else validation.event_mask(events)
    with store.write(changes_content=False) as conn:
        if not stored.update_channel(conn, user_id, channel_id, mask, enabled):
            raise _not_found(f"channel {channel_id}")
        found = stored.channel(conn, user_id, channel_id)
    assert found is not None
    return found


def remove_channel(store: Store, user_id: int, channel_id: int) -> None:
    """Remove a channel; the `stream` channel stays (open pages read it), switch it off."""
    with store.write(changes_content=False) as conn:
        found = stored.channel(conn, user_id, channel_id)
        if found is None:
            raise _not_found(f"channel {channel_id}")
        if found.kind == "stream":
            raise AccountError(
                "the live channel of open pages cannot be removed; switch it off instead",
                errors.BAD_CHANNEL,
                "kind",
            )
        stored.remove_channel(conn, user_id, channel_id)
