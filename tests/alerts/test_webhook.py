"""Webhook delivery against a real receiver on 127.0.0.1: what arrives, what each answer
means for the outbox, and that nothing secret ends up in the error the worker logs."""

from __future__ import annotations

import asyncio
import email.utils
import json
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from schaatsradar.alerts.message import Sent
from schaatsradar.alerts.signing import new_secret, verify
from schaatsradar.alerts.webhook import WebhookClient, send_webhook, webhook_client
from schaatsradar.settings import Settings
from tests.alerts.conftest import closed_port, loopback_settings, make_alert
from tests.alerts.receiver import Answer, running_receiver

SECRET = new_secret()
NOW = 1_769_265_600.0
T = TypeVar("T")


def with_client(settings: Settings, use: Callable[[WebhookClient], Awaitable[T]]) -> T:
    async def run() -> T:
        async with webhook_client(settings) as client:
            return await use(client)

    return asyncio.run(run())


def send_one(url: str, settings: Settings | None = None, now: float = NOW) -> Sent:
    return with_client(
        settings or loopback_settings(),
        lambda client: send_webhook(client, url, SECRET, make_alert(), now=now),
    )


def assert_nothing_secret(sent: Sent) -> None:
    assert sent.error
    assert SECRET not in sent.error
    assert "token=" not in sent.error and "/hooks/" not in sent.error


def test_the_receiver_gets_the_payload_signed_and_can_verify_it():
    with running_receiver() as receiver:
        sent = send_one(f"{receiver.origin}/hooks/abc?token=t0p")

        assert sent == Sent(ok=True)
        (request,) = receiver.received
        assert request.path == "/hooks/abc?token=t0p"
        assert request.headers["content-type"] == "application/json"
        assert request.headers["webhook-id"] == "delivery:1"
        assert request.headers["webhook-timestamp"] == str(int(NOW))
        compact = json.dumps(make_alert().payload, separators=(",", ":"), ensure_ascii=False)
        assert request.body == compact.encode()
        assert request.headers["user-agent"].startswith("Schaatsradar/")
        verify(SECRET, request.headers, request.body, now=NOW + 1)


def test_a_resent_alert_carries_the_same_webhook_id():
    with running_receiver() as receiver:
        send_one(f"{receiver.origin}/hook", now=NOW)
        send_one(f"{receiver.origin}/hook", now=NOW + 60)

        first, second = receiver.received
        assert first.headers["webhook-id"] == second.headers["webhook-id"] == "delivery:1"
        assert first.headers["webhook-signature"] != second.headers["webhook-signature"]


def test_many_alerts_share_one_kept_alive_connection_even_when_answers_have_a_body():
    async def send_many(client: WebhookClient) -> list[Sent]:
        return [
            await send_webhook(client, f"{receiver.origin}/hook", SECRET, make_alert(n), now=NOW)
            for n in range(20)
        ]

    with running_receiver() as receiver:
        receiver.answer(
            *[Answer(200, {"Content-Type": "application/json"}, body=b'{"ok":true}')] * 20
        )
        results = with_client(loopback_settings(), send_many)

        assert all(sent.ok for sent in results)
        assert len(receiver.received) == 20
        assert receiver.connections == 1


def test_410_gone_disables_the_channel():
    with running_receiver() as receiver:
        receiver.answer(Answer(410))
        sent = send_one(f"{receiver.origin}/hook")
    assert not sent.ok and sent.gone


@pytest.mark.parametrize("status", [429, 503])
def test_busy_receivers_are_retried_when_they_ask(status):
    with running_receiver() as receiver:
        receiver.answer(Answer(status, {"Retry-After": "120"}))
        sent = send_one(f"{receiver.origin}/hook")
    assert not sent.ok and not sent.gone
    assert sent.retry_after == 120
    assert sent.error == f"HTTP {status}"


def test_retry_after_as_an_http_date_counts_from_now():
    later = email.utils.formatdate(NOW + 90, usegmt=True)
    with running_receiver() as receiver:
        receiver.answer(Answer(503, {"Retry-After": later}))
        sent = send_one(f"{receiver.origin}/hook")
    assert sent.retry_after == pytest.approx(90)


def test_a_server_error_is_a_failure_with_the_status_only():
    with running_receiver() as receiver:
        receiver.answer(Answer(500))
        sent = send_one(f"{receiver.origin}/hooks/abc?token=t0p")
    assert not sent.ok and not sent.gone and sent.retry_after is None
    assert sent.error == "HTTP 500"


def test_redirects_are_not_followed():
    with running_receiver() as receiver:
        receiver.answer(Answer(307, {"Location": f"{receiver.origin}/elsewhere"}))
        sent = send_one(f"{receiver.origin}/hook")
        assert [request.path for request in receiver.received] == ["/hook"]
    assert not sent.ok and "redirect" in (sent.error or "")


def test_a_receiver_that_does_not_answer_in_time_fails_without_leaking_the_url():
    with running_receiver() as receiver:
        receiver.answer(Answer(200, delay=1.5))
        sent = send_one(
            f"{receiver.origin}/hooks/abc?token=t0p", loopback_settings(delivery_timeout=0.3)
        )
    assert not sent.ok and "timeout" in (sent.error or "")
    assert_nothing_secret(sent)


def test_a_closed_port_fails_without_leaking_the_url():
    sent = send_one(f"http://127.0.0.1:{closed_port()}/hooks/abc?token=t0p")
    assert not sent.ok and "cannot connect" in (sent.error or "")
    assert_nothing_secret(sent)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_at_connect_time_unless_allowed(host):
    with running_receiver() as receiver:
        url = f"http://{host}:{receiver.port}/hooks/abc?token=t0p"
        sent = send_one(url, Settings(delivery_timeout=2.0))
        assert receiver.received == []
    assert not sent.ok and "address not allowed" in (sent.error or "")
    assert_nothing_secret(sent)


def test_an_unusable_url_is_a_failure_not_a_crash():
    sent = send_one("ftp://example.invalid/hook?token=t0p")
    assert not sent.ok
    assert_nothing_secret(sent)
