"""Webhook delivery: POST an alert's JSON, signed the Standard Webhooks way, and tell the
worker how it went.

The sender is aiohttp, not httpx (which the fetcher uses): one worker must post 2,000+
webhooks a second over keep-alive, and on our 2-core machine httpx's async client managed at
most about 1,450 a second where aiohttp managed 4,400-6,900 through this module. aiohttp also
lets us vet every address it connects to (`socket_factory`), so a webhook host whose DNS later
turns to 127.0.0.1 is refused at connect time, with no DNS lookup of our own per request.

Error strings go into the outbox and the logs: they name the host only, never the path or the
query (a webhook URL often carries a token) and never the secret.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import socket
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from schaatsradar.alerts.message import Alert, Sent
from schaatsradar.alerts.signing import sign
from schaatsradar.netguard import REFUSED_MESSAGE, address_allowed
from schaatsradar.settings import Network, Settings

CONNECTIONS = 200  # in the whole pool
CONNECTIONS_PER_HOST = 50  # so one slow receiver cannot hold every connection
KEEPALIVE_SECONDS = 30.0
MAX_ANSWER_BYTES = 64 * 1024  # answers up to this are read, so their connection stays open
RETRY_STATUSES = frozenset({429, 503})
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

WebhookClient = aiohttp.ClientSession


def webhook_client(settings: Settings) -> WebhookClient:
    """The one connection pool a delivery worker shares for webhooks and Web Push. Call it
    inside the running event loop and close it when the worker stops (`async with`)."""
    connector = aiohttp.TCPConnector(
        limit=CONNECTIONS,
        limit_per_host=CONNECTIONS_PER_HOST,
        keepalive_timeout=KEEPALIVE_SECONDS,
        socket_factory=guarded_socket_factory(settings.allow_private_networks),
    )
    return aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=settings.delivery_timeout),
        headers={"User-Agent": settings.user_agent},
        cookie_jar=aiohttp.DummyCookieJar(),  # a receiver's cookies are none of our business
    )


def guarded_socket_factory(
    allowed_networks: list[Network],
) -> Callable[[tuple[Any, ...]], socket.socket]:
    """A socket factory that refuses non-public addresses: the check sees the very address
    the connection goes to, so DNS that changes after `check_destination` gains nothing."""

    def factory(addr_info: tuple[Any, ...]) -> socket.socket:
        family, kind, proto, _, sockaddr = addr_info
        address = ipaddress.ip_address(sockaddr[0])
        if not address_allowed(address, allowed_networks):
            raise OSError(f"refused: {REFUSED_MESSAGE}")  # not which address: see netguard
        return socket.socket(family=family, type=kind, proto=proto)

    return factory


def body_of(alert: Alert) -> bytes:
    """The compact JSON a receiver gets (and the bytes the signature covers)."""
    return _ENCODE(alert.payload).encode("utf-8")


async def send_webhook(
    client: WebhookClient, url: str, secret: str, alert: Alert, now: float | None = None
) -> Sent:
    """POST `alert.payload` to `url`. 2xx: ok; 410: gone (the owner removed the hook);
    429/503 with Retry-After: try again after that; anything else: not ok, with the reason."""
    body = body_of(alert)
    sent_at = time.time() if now is None else now
    headers = sign(secret, alert.idempotency_key, int(sent_at), body)
    headers["Content-Type"] = "application/json"
    try:
        async with client.post(url, data=body, headers=headers, allow_redirects=False) as response:
            await drain(response)
            return outcome(response.status, response.headers.get("Retry-After"), sent_at)
    except TimeoutError:
        return Sent(ok=False, error=f"{host_of(url)}: no answer within the timeout")
    except aiohttp.ClientConnectorCertificateError as error:
        return Sent(ok=False, error=f"{host_of(url)}: bad certificate ({error.certificate_error})")
    except aiohttp.ClientConnectorError as error:
        return Sent(ok=False, error=f"{host_of(url)}: cannot connect ({error.os_error})")
    except aiohttp.InvalidURL:
        return Sent(ok=False, error=f"{host_of(url)}: not a valid http(s) URL")
    except (aiohttp.ClientError, ValueError) as error:
        return Sent(ok=False, error=f"{host_of(url)}: {type(error).__name__}")


async def drain(response: aiohttp.ClientResponse) -> None:
    """Read a short answer to its end, so its connection can carry the next alert (aiohttp
    closes a connection whose answer was left unread). A long answer is cut off: its
    connection closes, and the status is all we wanted from it anyway."""
    if (response.content_length or 0) > MAX_ANSWER_BYTES:
        return
    read = 0
    try:
        async for chunk in response.content.iter_any():
            read += len(chunk)
            if read > MAX_ANSWER_BYTES:
                return
    except (TimeoutError, aiohttp.ClientError):
        return  # the status has arrived; a body that breaks off changes nothing


def outcome(status: int, retry_after: str | None, now: float) -> Sent:
    """What an HTTP status means for the outbox (shared with Web Push)."""
    if 200 <= status < 300:
        return Sent(ok=True)
    if status == 410:
        return Sent(ok=False, error="HTTP 410: the destination is gone", gone=True)
    if 300 <= status < 400:
        return Sent(ok=False, error=f"HTTP {status}: redirects are not followed")
    wait = parse_retry_after(retry_after, now) if status in RETRY_STATUSES else None
    return Sent(ok=False, error=f"HTTP {status}", retry_after=wait)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def host_of(url: str) -> str:
    """The part of a destination that is safe to log: its host (and port)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        return f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        return "?"
