"""Secrets handed to readers: session cookies, CSRF tokens and personal API tokens.

Each is 256 random bits. Session and personal tokens are stored as their SHA-256 only (as the
service's API tokens are, `store.tokens`): they are not guessable, so a fast hash suffices, and
a hash can be looked up by index. The CSRF token is no credential on its own (it is useless
without the session cookie) and is kept as it is, so pages can print it."""

from __future__ import annotations

import hmac
import secrets

from schaatsradar.store.tokens import hash_token

SCOPES = ("api", "feed")  # a feed token reads the private Atom feed only
PERSONAL_PREFIX = "srp_"  # recognisable to secret scanners, and unlike service tokens (srt_)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def new_personal_token() -> str:
    return PERSONAL_PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """What the store keeps of a token: the same SHA-256 as of a service token."""
    return hash_token(token)


def same(expected: str, presented: str) -> bool:
    """Constant-time comparison (a CSRF token checked character by character would leak)."""
    return hmac.compare_digest(expected.encode("utf-8"), presented.encode("utf-8"))
