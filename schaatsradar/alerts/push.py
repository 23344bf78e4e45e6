"""Web Push delivery: the alert as a small JSON notification, encrypted to the browser's keys
(RFC 8291, aes128gcm) and signed with the site's VAPID key (RFC 8292), posted to the browser's
push service.

pywebpush does the encryption and signing; its async sender posts through the worker's shared
aiohttp pool (`webhook.webhook_client`), so push services get keep-alive and the same
address guard as webhooks. The endpoint URL is a capability (whoever knows it can push to the
browser), so error strings name its host only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from typing import Any

import aiohttp
from py_vapid import VapidException
from pywebpush import WebPushException, webpush_async

from schaatsradar.alerts.message import Alert, Sent
from schaatsradar.alerts.vapid import signer
from schaatsradar.alerts.webhook import WebhookClient, host_of, parse_retry_after

TTL_SECONDS = 24 * 3600  # a browser offline for longer does not need yesterday's alert
MAX_BODY_CHARS = 1000  # the encrypted payload must stay under the push services' 4 KB
OK_STATUSES = frozenset({200, 201, 202})
GONE_STATUSES = frozenset({404, 410})
RETRY_STATUSES = frozenset({429, 503})


def notification(alert: Alert) -> dict[str, Any]:
    """What the service worker (static/sw.js) shows. `tag` makes a resent alert replace the
    notification it already showed instead of adding a second one."""
    return {
        "title": alert.title,
        "body": alert.body[:MAX_BODY_CHARS],
        "url": alert.url,
        "tag": alert.idempotency_key,
    }


def topic(alert: Alert) -> str:
    """The Topic header (at most 32 base64url characters): a push service holding an
    undelivered message with the same topic replaces it, so a resend is not a second alert."""
    digest = hashlib.sha256(alert.idempotency_key.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:32]


async def send_push(
    client: WebhookClient,
    endpoint: str,
    keys: dict[str, str],
    alert: Alert,
    vapid_private_key: str,
    subject: str,
) -> Sent:
    """Push `alert` to one browser subscription. 200/201/202: ok; 404/410: gone (the browser
    unsubscribed); 429/503 with Retry-After: try again after that; otherwise not ok."""
    data = json.dumps(notification(alert), ensure_ascii=False, separators=(",", ":"))
    try:
        await webpush_async(
            {"endpoint": endpoint, "keys": dict(keys)},
            data=data,
            vapid_private_key=signer(vapid_private_key),
            vapid_claims={"sub": subject},
            timeout=client.timeout.total,
            ttl=TTL_SECONDS,
            headers={"Topic": topic(alert), "Urgency": "normal"},
            aiohttp_session=client,
        )
    except WebPushException as error:
        return _refused(error, endpoint)
    except TimeoutError:
        return Sent(
            ok=False, error=f"push service {host_of(endpoint)}: no answer within the timeout"
        )
    except aiohttp.ClientConnectorError as error:
        return Sent(
            ok=False, error=f"push service {host_of(endpoint)}: cannot connect ({error.os_error})"
        )
    except aiohttp.ClientError as error:
        return Sent(ok=False, error=f"push service {host_of(endpoint)}: {type(error).__name__}")
    except (VapidException, ValueError) as error:
        return Sent(ok=False, error=f"cannot build the push message: {type(error).__name__}")
    return Sent(ok=True)


def _refused(error: WebPushException, endpoint: str) -> Sent:
    status = error.status_code
    if status is None:  # pywebpush refused the subscription before sending anything
        return Sent(ok=False, error=f"invalid push subscription: {error.message}")
    where = f"push service {host_of(endpoint)}: HTTP {status}"
    if status in OK_STATUSES:
        return Sent(ok=True)
    if status in GONE_STATUSES:
        return Sent(ok=False, error=f"{where}: the subscription is gone", gone=True)
    wait = parse_retry_after(error.retry_after, time.time()) if status in RETRY_STATUSES else None
    return Sent(ok=False, error=where, retry_after=wait)
