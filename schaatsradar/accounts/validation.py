"""What an account may hold, checked without I/O: each function returns the value in its
stored form or raises AccountError with a message that says what to change."""

from __future__ import annotations

import base64
import binascii
import re
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any

from schaatsradar.accounts import errors
from schaatsradar.accounts.errors import AccountError
from schaatsradar.alerts.kinds import EVENT_BITS, mask_of
from schaatsradar.extract.types import DISTANCES

MIN_PASSWORD = 8  # NIST SP 800-63B's floor; length beats composition rules
MAX_PASSWORD = 1000  # hashing a megabyte "password" is work an attacker should not get free
MAX_EMAIL = 254  # the longest address SMTP can carry (RFC 5321 path limit)
MAX_TOKEN_NAME = 200
FOLLOW_KINDS = ("skater", "country", "distance", "competition")
SPOILER_MODES = ("off", "hide", "hold")
LANGUAGES = ("nl", "en")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")
# One mailbox, strictly: letters, digits and . _ + ' = - before the @ (no commas, no routing
# characters like % ! /, no quotes), and a host name of letter-digit-hyphen labels after it.
_RECIPIENT = re.compile(
    r"[a-z0-9_+'=-]+(\.[a-z0-9_+'=-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"[a-z]([a-z0-9-]{0,61}[a-z0-9])?"
)
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def email(text: str) -> str:
    """The address as stored: trimmed and lower-cased, so one person has one account."""
    address = text.strip().lower()
    if len(address) > MAX_EMAIL or not _EMAIL.fullmatch(address):
        raise AccountError(
            "enter an e-mail address like name@example.org", errors.EMAIL_INVALID, "email"
        )
    return address


def recipient(text: str) -> str:
    """An address mail will be sent to: exactly one mailbox, or AccountError. Stricter than
    `email` (which only finds existing accounts): `root,postmaster,victim@example.com` is
    three recipients to an SMTP server, so it is no address here."""
    address = email(text)
    local = address.partition("@")[0]
    if len(local) > 64 or not _RECIPIENT.fullmatch(address):
        raise AccountError(
            "enter one e-mail address like name@example.org", errors.EMAIL_INVALID, "email"
        )
    return address


def password(text: str, address: str) -> str:
    if len(text) < MIN_PASSWORD:
        raise AccountError(
            f"the password needs at least {MIN_PASSWORD} characters",
            errors.PASSWORD_TOO_SHORT,
            "password",
        )
    if len(text) > MAX_PASSWORD:
        raise AccountError(
            f"the password may have at most {MAX_PASSWORD} characters",
            errors.PASSWORD_TOO_LONG,
            "password",
        )
    if text.strip().lower() == address:
        raise AccountError(
            "the password may not be your e-mail address", errors.PASSWORD_IS_EMAIL, "password"
        )
    return text


def clock_time(text: str | None, field: str) -> str | None:
    """`7:30` -> "07:30"; empty -> None (not set)."""
    if text is None or not text.strip():
        return None
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        raise AccountError(
            f"{field}: give a time as HH:MM, e.g. 07:30", errors.BAD_CLOCK_TIME, field
        )
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def spoiler_mode(text: str) -> str:
    if text not in SPOILER_MODES:
        raise AccountError(
            f"spoiler mode is one of {', '.join(SPOILER_MODES)}",
            errors.BAD_SPOILER_MODE,
            "spoiler_mode",
        )
    return text


def language(text: str) -> str:
    if text not in LANGUAGES:
        raise AccountError(
            f"language is one of {', '.join(LANGUAGES)}", errors.BAD_LANGUAGE, "language"
        )
    return text


def timezone(text: str) -> str:
    try:
        zoneinfo.ZoneInfo(text)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):  # OSError: "America"
        raise AccountError(
            f"unknown time zone {text[:64]!r}; use a name like Europe/Amsterdam",
            errors.BAD_TIMEZONE,
            "timezone",
        ) from None
    return text


def quiet_hours(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """Both ends or neither: half a quiet period means nothing."""
    first, last = clock_time(start, "quiet_start"), clock_time(end, "quiet_end")
    if (first is None) != (last is None):
        raise AccountError(
            "quiet hours need both a start and an end (or neither)",
            errors.QUIET_HOURS_HALF,
            "quiet_end" if last is None else "quiet_start",
        )
    return first, last


def follow_subject(kind: str, value: str) -> tuple[str, str]:
    """(kind, value) as fan-out and the personal feed match it: skater and competition ids,
    IOC country codes ("ned" -> "NED"), distances as the extractor writes them ("500" ->
    "500m"). Whether an id or a country exists is the store's question."""
    text = re.sub(r"\s+", " ", value.strip())
    if kind in ("skater", "competition"):
        if text.isdigit() and len(text) < 12:
            return kind, str(int(text))
    elif kind == "country":
        if re.fullmatch(r"[A-Za-z]{3}", text):
            return kind, text.upper()
    elif kind == "distance":
        distance = text.casefold().replace(" m", "m")
        distance = distance + "m" if distance.isdigit() else distance
        if distance in DISTANCES:
            return kind, distance
    else:
        raise AccountError(
            f"you can follow a {', '.join(FOLLOW_KINDS[:-1])} or {FOLLOW_KINDS[-1]}",
            errors.BAD_FOLLOW,
            "kind",
        )
    raise AccountError(f"no {kind} {text[:64]!r} to follow", errors.BAD_FOLLOW, "value")


def event_mask(kinds: Iterable[str]) -> int:
    try:
        return mask_of(list(kinds))
    except ValueError as error:
        known = ", ".join(EVENT_BITS)
        raise AccountError(f"{error} (known: {known})", errors.BAD_EVENTS, "events") from None


def token_name(text: str) -> str:
    name = text.strip()
    if not name or len(name) > MAX_TOKEN_NAME:
        raise AccountError(
            f"give the token a name of 1 to {MAX_TOKEN_NAME} characters",
            errors.BAD_TOKEN_NAME,
            "name",
        )
    return name


def push_keys(keys: Mapping[str, Any] | None) -> dict[str, str]:
    """The browser's subscription keys: p256dh (a P-256 public key, 65 bytes) and auth (16
    bytes), both base64url."""
    wanted = {"p256dh": 65, "auth": 16}
    found: dict[str, str] = {}
    for name, size in wanted.items():
        value = (keys or {}).get(name)
        if not isinstance(value, str) or _base64url_size(value) != size:
            raise AccountError(
                f"a push subscription needs keys.{name} ({size} bytes, base64url)",
                errors.BAD_CHANNEL,
                f"keys.{name}",
            )
        found[name] = value
    return found


def _base64url_size(text: str) -> int:
    try:
        return len(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError):
        return -1
