"""Signed, expiring links mailed to readers: confirming an account or an e-mail channel, and
resetting a password. Nothing is stored per link: a link carries its purpose, what it is
about and when it was made, signed with HMAC-SHA256 under a key the site makes once and keeps
(`store.site_secrets`). Single use comes from what a link names: a reset link names the
account's current password hash (a fingerprint), so once the password changes it opens
nothing; a confirmation opens nothing once confirmed.

Pure functions but `link_key`: the clock and the key are passed in."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets

from schaatsradar.store import Store, site_secrets

KEY_NAME = "account-links"


def link_key(store: Store) -> bytes:
    """The site's signing key for links, made by the first process that needs one."""
    with store.read() as conn:
        found = site_secrets.get(conn, KEY_NAME)
    if found is None:
        with store.write(changes_content=False) as conn:
            found = site_secrets.put(conn, KEY_NAME, secrets.token_urlsafe(32))
    return found.encode("ascii")


def fingerprint(password_hash: str) -> str:
    """A short digest of a password hash: links that name it die with the password."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, purpose: str, payload: str) -> str:
    return _b64(hmac.digest(key, f"{purpose}.{payload}".encode("ascii"), "sha256"))


def make(key: bytes, purpose: str, fields: list[str], now: float) -> str:
    """A token for `purpose` ("activate", "channel", "reset") naming `fields`."""
    payload = _b64(json.dumps([fields, int(now)], separators=(",", ":")).encode("utf-8"))
    return f"{payload}.{_mac(key, purpose, payload)}"


def read(key: bytes, purpose: str, token: str, max_age: float, now: float) -> list[str] | None:
    """The fields of a genuine token for `purpose` made less than `max_age` seconds ago;
    None for anything else (forged, for another purpose, expired, damaged)."""
    payload, _, mac = token.strip().partition(".")
    if not payload or not mac or len(token) > 2000:
        return None
    try:
        if not hmac.compare_digest(_mac(key, purpose, payload), mac):
            return None
        fields, made = json.loads(_unb64(payload))
    except (ValueError, TypeError, UnicodeError):
        return None
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        return None
    if not isinstance(made, int) or not (now - max_age < made <= now + 60):
        return None
    return fields
