"""Account operations a reader has to be able to trust (issue 14), beside `operations`:

- registering tells nobody whether the address had an account: both answers are "check your
  mail"; a new address gets a confirmation link, an existing owner a note that someone tried;
- an e-mail channel gets alerts only after its address followed the mailed link;
- failed sign-ins are limited per address and per client, counted in the database;
- changing the password needs the current one and signs out every other session; a reset
  link is mailed, expires and works once; deleting an account removes everything of it.

Mail goes out after the transaction, over the SMTP path alert e-mail takes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from schaatsradar.accounts import errors, links, mail, passwords, tokens, validation
from schaatsradar.accounts.errors import AccountError, SignInPaused
from schaatsradar.accounts.operations import Session, sign_in, start_session
from schaatsradar.alerts.kinds import ALL_EVENTS
from schaatsradar.alerts.message import Sent
from schaatsradar.settings import Settings
from schaatsradar.store import Store, attempts
from schaatsradar.store import accounts as stored
from schaatsradar.store.accounts import Account, ChannelRow

ACTIVATE, CHANNEL, RESET = "activate", "channel", "reset"
_BAD_LINK = AccountError(
    "this link is not valid (any more): ask for a new one", errors.BAD_LINK, "token"
)


@dataclass(frozen=True)
class Outgoing:
    """A mail to send once the change is committed."""

    to: str
    kind: str
    language: str
    link: str = ""


def _link(settings: Settings, path: str, token: str) -> str:
    return f"{settings.site_url.rstrip('/')}{path}?t={token}"


def _stamp(moment: dt.datetime) -> float:
    return moment.replace(tzinfo=dt.UTC).timestamp()


def send(store: Store, settings: Settings, outgoing: Outgoing, now: dt.datetime) -> Sent:
    """Send the mail, unless its address had `account_mails_per_address` account mails within
    the window: confirmation requests and resets anyone can ask for must not flood an inbox."""
    key = f"mail:{outgoing.to}"
    since = now - dt.timedelta(seconds=settings.sign_in_window_seconds)
    with store.write(changes_content=False) as conn:
        if attempts.counted(conn, key, since).count >= settings.account_mails_per_address:
            return Sent(ok=False, error="too many account e-mails to this address; not sent")
        attempts.record(conn, [key], now, since)
    message = mail.account_mail(
        settings, outgoing.to, outgoing.kind, outgoing.language, outgoing.link
    )
    return mail.send(settings, message)


# -- registering ------------------------------------------------------------------------------


def register(
    store: Store, settings: Settings, email: str, password: str, now: dt.datetime, language: str
) -> Outgoing:
    """The mail registering `email` sends: a confirmation link for a new (or never
    confirmed) account, or "you already have an account" to an existing owner. The caller
    shows the same page either way. An unconfirmed account cannot sign in."""
    address = validation.recipient(email)
    validation.password(password, address)
    validation.language(language)
    password_hash = passwords.hash_password(password)  # every path hashes: same timing
    try:
        with store.write(changes_content=False) as conn:
            found = stored.user_by_email(conn, address)
            if found is not None and found.confirmed_at is not None:
                return Outgoing(address, "already", found.language)
            if found is None:
                user_id = stored.add_user(
                    conn, address, password_hash, language, now, confirmed=False
                )
                stored.add_channel(conn, user_id, "stream", "stream", ALL_EVENTS, now)
            else:  # asked again: the newest password counts, older links die with the old one
                user_id = found.id
                stored.set_password_hash(conn, user_id, password_hash)
    except IntegrityError:  # registered by a request that raced this one
        return Outgoing(address, "already", language)
    token = links.make(
        links.link_key(store),
        ACTIVATE,
        [str(user_id), links.fingerprint(password_hash)],
        _stamp(now),
    )
    return Outgoing(address, "activate", language, _link(settings, "/account/bevestigen", token))


def _account_of_link(
    store: Store, token: str, purpose: str, max_age: float, now: dt.datetime
) -> Account:
    fields = links.read(links.link_key(store), purpose, token, max_age, _stamp(now))
    if fields is None or len(fields) != 2 or not fields[0].isdigit():
        raise _BAD_LINK
    with store.read() as conn:
        account = stored.user_by_id(conn, int(fields[0]))
    if account is None or links.fingerprint(account.password_hash) != fields[1]:
        raise _BAD_LINK
    return account


def activate(store: Store, settings: Settings, token: str, now: dt.datetime) -> Session:
    """Confirm the account the link names and sign its owner in; once only."""
    max_age = settings.confirm_link_hours * 3600
    account = _account_of_link(store, token, ACTIVATE, max_age, now)
    if account.confirmed_at is not None:
        raise _BAD_LINK
    with store.write(changes_content=False) as conn:
        stored.confirm_user(conn, account.id, now)
    return start_session(store, account.id, now, settings.session_days)


# -- e-mail channels --------------------------------------------------------------------------


def channel_confirmation(
    store: Store, settings: Settings, user_id: int, channel: ChannelRow, now: dt.datetime
) -> Outgoing:
    """The mail asking the channel's address to confirm it wants the reader's alerts."""
    with store.read() as conn:
        account = stored.user_by_id(conn, user_id)
    language = account.language if account is not None else "nl"
    fields = [str(user_id), str(channel.id), channel.target]
    token = links.make(links.link_key(store), CHANNEL, fields, _stamp(now))
    link = _link(settings, "/account/adres-bevestigen", token)
    return Outgoing(channel.target, "channel", language, link)


def resend_channel_confirmation(
    store: Store, settings: Settings, user_id: int, channel_id: int, now: dt.datetime
) -> Outgoing:
    with store.read() as conn:
        found = stored.channel(conn, user_id, channel_id)
    if found is None or found.kind != "email" or found.confirmed_at is not None:
        raise AccountError(f"you have no unconfirmed address {channel_id}", errors.NOT_FOUND)
    return channel_confirmation(store, settings, user_id, found, now)


def confirm_channel(store: Store, settings: Settings, token: str, now: dt.datetime) -> str:
    """Confirm the e-mail channel the link names (still aimed at that address); the address."""
    max_age = settings.confirm_link_hours * 3600
    fields = links.read(links.link_key(store), CHANNEL, token, max_age, _stamp(now))
    if fields is None or len(fields) != 3 or not (fields[0].isdigit() and fields[1].isdigit()):
        raise _BAD_LINK
    user_id, channel_id, address = int(fields[0]), int(fields[1]), fields[2]
    with store.write(changes_content=False) as conn:
        if not stored.confirm_channel(conn, user_id, channel_id, address, now):
            raise _BAD_LINK
    return address


# -- signing in, with limits ------------------------------------------------------------------


def _keys(email: str, client: str) -> tuple[str, str]:
    return f"account:{email.strip().lower()[:320]}", f"client:{client[:64]}"


def limited_sign_in(
    store: Store, settings: Settings, email: str, password: str, client: str, now: dt.datetime
) -> Session:
    """`operations.sign_in`, unless the address or the client failed too often within the
    window (SignInPaused, before any hashing); a failure counts for both."""
    account_key, client_key = _keys(email, client)
    window = dt.timedelta(seconds=settings.sign_in_window_seconds)
    since = now - window
    limits = (
        (account_key, settings.sign_in_failures_per_account),
        (client_key, settings.sign_in_failures_per_client),
    )
    with store.read() as conn:
        counted = [(attempts.counted(conn, key, since), limit) for key, limit in limits]
    waits = [
        (found.oldest + window - now).total_seconds()
        for found, limit in counted
        if found.count >= limit and found.oldest is not None
    ]
    if waits:
        raise SignInPaused(max(1, math.ceil(max(waits))))
    try:
        session = sign_in(store, email, password, now, settings.session_days)
    except AccountError:
        with store.write(changes_content=False) as conn:
            attempts.record(conn, [account_key, client_key], now, since)
        raise
    with store.write(changes_content=False) as conn:
        attempts.clear(conn, account_key)
    return session


# -- password and account ---------------------------------------------------------------------


def _check_password(store: Store, user_id: int, password: str) -> Account:
    with store.read() as conn:
        account = stored.user_by_id(conn, user_id)
    if account is None or not passwords.verify_password(account.password_hash, password):
        raise AccountError(
            "the current password is not right", errors.WRONG_PASSWORD, "current_password"
        )
    return account


def change_password(
    store: Store, user_id: int, current: str, new: str, keep_session_token: str
) -> None:
    """A new password, given the current one; every other session of the reader ends."""
    account = _check_password(store, user_id, current)
    validation.password(new, account.email)
    password_hash = passwords.hash_password(new)
    with store.write(changes_content=False) as conn:
        stored.set_password_hash(conn, user_id, password_hash)
        stored.delete_other_sessions(conn, user_id, tokens.digest(keep_session_token))


def request_reset(
    store: Store, settings: Settings, email: str, now: dt.datetime
) -> Outgoing | None:
    """The reset mail for the account with this address; None when there is none (the page
    says the same either way)."""
    try:
        address = validation.email(email)
    except AccountError:
        return None
    with store.read() as conn:
        account = stored.user_by_email(conn, address)
    if account is None:
        return None
    fields = [str(account.id), links.fingerprint(account.password_hash)]
    token = links.make(links.link_key(store), RESET, fields, _stamp(now))
    return Outgoing(
        address, "reset", account.language, _link(settings, "/account/nieuw-wachtwoord", token)
    )


def check_reset_link(store: Store, settings: Settings, token: str, now: dt.datetime) -> Account:
    return _account_of_link(store, token, RESET, settings.reset_link_minutes * 60, now)


def reset_password(
    store: Store, settings: Settings, token: str, new: str, now: dt.datetime
) -> Session:
    """Set the password a reset link allows (once: the new hash voids the link), sign out
    every session, and sign in here. The link proves the address: the account is confirmed."""
    account = check_reset_link(store, settings, token, now)
    validation.password(new, account.email)
    password_hash = passwords.hash_password(new)
    with store.write(changes_content=False) as conn:
        stored.set_password_hash(conn, account.id, password_hash)
        stored.delete_other_sessions(conn, account.id)
        stored.confirm_user(conn, account.id, now)
        attempts.clear(conn, _keys(account.email, "")[0])
    return start_session(store, account.id, now, settings.session_days)


def delete_account(store: Store, user_id: int, password: str) -> None:
    """Remove the account and everything of it (follows, channels, tokens, sessions, alerts
    still owed), given its password."""
    account = _check_password(store, user_id, password)
    with store.write(changes_content=False) as conn:
        stored.delete_user(conn, user_id)
        attempts.clear(conn, _keys(account.email, "")[0])
