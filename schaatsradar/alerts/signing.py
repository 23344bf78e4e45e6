"""Standard Webhooks signatures (https://www.standardwebhooks.com), so receivers can check
that a webhook came from us, unchanged, and recently.

Three headers travel with every body: `webhook-id` (the same on every attempt of one alert),
`webhook-timestamp` (unix seconds) and `webhook-signature`, which is `v1,` followed by the
base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` under the channel's secret. The secret is
`whsec_` plus base64 key bytes. `verify` is what a receiver does; our tests and docs use it.
Pure functions: no clock unless none is passed in, no I/O.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import secrets
import time
from collections.abc import Mapping
from functools import lru_cache

from schaatsradar.errors import SchaatsradarError

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32
SIGNATURE_VERSION = "v1"


class SignatureError(SchaatsradarError):
    """A webhook failed verification; the message says which check failed."""


def new_secret() -> str:
    """A fresh signing secret for one webhook channel, shown to its owner once."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


@lru_cache(maxsize=4096)
def secret_key(secret: str) -> bytes:
    """The key bytes of a `whsec_` secret (cached: the sender signs thousands per second)."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("webhook secret is not 'whsec_' followed by base64") from None


def signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `v1,<base64>` signature of one message."""
    signed = b"%s.%d.%s" % (msg_id.encode("utf-8"), timestamp, body)
    digest = hmac.digest(secret_key(secret), signed, "sha256")
    return f"{SIGNATURE_VERSION},{base64.b64encode(digest).decode('ascii')}"


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three headers for `body`, sent as message `msg_id` at `timestamp`."""
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, msg_id, timestamp, body),
    }


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    tolerance_seconds: int = 300,
    now: float | None = None,
) -> None:
    """Raise SignatureError unless `headers` sign `body` with `secret` within the tolerance.

    Header names are matched case-insensitively. The signature header may list several
    space-separated signatures (a sender rotating its secret); one match is enough."""
    found = {name.lower(): value for name, value in headers.items()}
    msg_id, stamp, signatures = (
        _required(found, name) for name in ("webhook-id", "webhook-timestamp", "webhook-signature")
    )
    timestamp = _timestamp(stamp, tolerance_seconds, time.time() if now is None else now)
    expected = signature(secret, msg_id, timestamp, body)
    if not any(hmac.compare_digest(expected, given) for given in signatures.split()):
        raise SignatureError(
            "bad signature: the body, id or timestamp was changed or the secret differs"
        )


def _required(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name, "").strip()
    if not value:
        raise SignatureError(f"missing header {name}")
    return value


def _timestamp(stamp: str, tolerance_seconds: int, now: float) -> int:
    if not stamp.isdigit():
        raise SignatureError(f"webhook-timestamp is not unix seconds: {stamp[:20]!r}")
    timestamp = int(stamp)
    if timestamp < now - tolerance_seconds:
        raise SignatureError(
            f"too old: signed {now - timestamp:.0f} s ago (limit {tolerance_seconds} s)"
        )
    if timestamp > now + tolerance_seconds:
        raise SignatureError(f"too new: signed {timestamp - now:.0f} s in the future")
    return timestamp
