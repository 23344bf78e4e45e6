"""Web Push through a real push service stand-in on 127.0.0.1: the browser side is played by a
key pair made here, so the test decrypts what arrived exactly as a browser would, and checks
the VAPID signature against the site's application server key."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
from dataclasses import dataclass

import http_ece
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from schaatsradar.alerts import vapid
from schaatsradar.alerts.message import Alert, Sent
from schaatsradar.alerts.push import send_push
from schaatsradar.alerts.webhook import webhook_client
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from tests.alerts.conftest import closed_port, loopback_settings, make_alert
from tests.alerts.receiver import Answer, Received, running_receiver

SUBJECT = "mailto:alerts@schaatsradar.invalid"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Browser:
    """What a browser keeps of its subscription, and what it gives the site."""

    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    @classmethod
    def new(cls) -> Browser:
        return cls(ec.generate_private_key(ec.SECP256R1()), os.urandom(16))

    @property
    def keys(self) -> dict[str, str]:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"p256dh": b64url(point), "auth": b64url(self.auth)}

    def decrypt(self, body: bytes) -> dict[str, object]:
        plain = http_ece.decrypt(
            body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


def push(
    endpoint: str,
    browser: Browser,
    alert: Alert,
    private_pem: str,
    settings: Settings | None = None,
) -> Sent:
    async def run() -> Sent:
        async with webhook_client(settings or loopback_settings()) as client:
            return await send_push(client, endpoint, browser.keys, alert, private_pem, SUBJECT)

    return asyncio.run(run())


def site_keys(store: Store) -> tuple[str, str]:
    with store.write(changes_content=False) as conn:
        return vapid.keys(conn)


def vapid_claims(request: Received, application_server_key: str) -> dict[str, object]:
    """Check the Authorization header the way a push service does; return the JWT claims."""
    scheme, _, params = request.headers["authorization"].partition(" ")
    assert scheme == "vapid"
    fields = dict(part.split("=", 1) for part in params.split(","))
    assert fields["k"] == application_server_key
    header, claims, signature = fields["t"].split(".")
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(fields["k"]))
    public.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))  # raises if forged
    assert json.loads(unb64url(header)) == {"typ": "JWT", "alg": "ES256"}
    return json.loads(unb64url(claims))


def test_the_browser_decrypts_the_alert_and_the_push_service_verifies_us(store):
    private_pem, application_server_key = site_keys(store)
    browser = Browser.new()
    with running_receiver() as service:
        sent = push(f"{service.origin}/push/abc123", browser, make_alert(), private_pem)

        assert sent == Sent(ok=True)
        (request,) = service.received
    assert request.path == "/push/abc123"
    assert request.headers["content-encoding"] == "aes128gcm"
    assert int(request.headers["ttl"]) > 0
    assert browser.decrypt(request.body) == {
        "title": "Leerdam wint de 1000 meter in Inzell",
        "body": "Jutta Leerdam won de 1000 meter in 1.12,84, voor Miho Takagi.",
        "url": "https://schaatsradar.invalid/wedstrijden/5#race-1",
        "tag": "delivery:1",
    }
    claims = vapid_claims(request, application_server_key)
    assert claims["aud"] == service.origin and claims["sub"] == SUBJECT
    assert isinstance(claims["exp"], int) and claims["exp"] > time.time()


def test_only_the_subscribed_browser_can_read_the_alert(store):
    private_pem, _ = site_keys(store)
    browser, stranger = Browser.new(), Browser.new()
    with running_receiver() as service:
        push(f"{service.origin}/push/1", browser, make_alert(), private_pem)
        (request,) = service.received
    with pytest.raises(http_ece.ECEException):
        stranger.decrypt(request.body)


def test_a_resent_alert_replaces_the_undelivered_one(store):
    private_pem, _ = site_keys(store)
    browser = Browser.new()
    with running_receiver() as service:
        push(f"{service.origin}/push/1", browser, make_alert(1), private_pem)
        push(f"{service.origin}/push/1", browser, make_alert(1), private_pem)
        push(f"{service.origin}/push/1", browser, make_alert(2), private_pem)
        first, again, other = (request.headers["topic"] for request in service.received)
    assert first == again != other
    assert len(first) <= 32


@pytest.mark.parametrize("status", [404, 410])
def test_an_unsubscribed_browser_is_gone(store, status):
    private_pem, _ = site_keys(store)
    with running_receiver() as service:
        service.answer(Answer(status))
        sent = push(f"{service.origin}/push/1?token=t0p", Browser.new(), make_alert(), private_pem)
    assert not sent.ok and sent.gone
    assert "/push/1" not in (sent.error or "") and "t0p" not in (sent.error or "")


def test_a_busy_push_service_is_retried_when_it_asks(store):
    private_pem, _ = site_keys(store)
    with running_receiver() as service:
        service.answer(Answer(429, {"Retry-After": "30"}))
        sent = push(f"{service.origin}/push/1", Browser.new(), make_alert(), private_pem)
    assert not sent.ok and not sent.gone and sent.retry_after == 30


def test_other_failures_are_not_ok_and_name_only_the_host(store):
    private_pem, _ = site_keys(store)
    with running_receiver() as service:
        service.answer(Answer(400))
        refused = push(f"{service.origin}/push/secret-id", Browser.new(), make_alert(), private_pem)
    closed = push(
        f"http://127.0.0.1:{closed_port()}/push/secret-id", Browser.new(), make_alert(), private_pem
    )
    for sent in (refused, closed):
        assert not sent.ok and not sent.gone
        assert "127.0.0.1" in (sent.error or "") and "secret-id" not in (sent.error or "")
    assert "HTTP 400" in (refused.error or "")


def test_a_push_service_on_a_private_address_is_refused(store):
    private_pem, _ = site_keys(store)
    with running_receiver() as service:
        sent = push(
            f"{service.origin}/push/1", Browser.new(), make_alert(), private_pem, Settings()
        )
        assert service.received == []
    assert not sent.ok and "address not allowed" in (sent.error or "")


def test_the_site_keys_are_made_once_and_kept(store, settings):
    first = site_keys(store)
    again = site_keys(store)
    other_process = Store(settings.database_url)
    try:
        later = site_keys(other_process)
    finally:
        other_process.close()
    assert first == again == later
    point = unb64url(first[1])
    assert len(point) == 65 and point[0] == 4  # an uncompressed P-256 point
