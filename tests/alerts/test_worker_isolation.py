"""One alert or receiver can only fail itself (issue 14): a receiver asking for an absurd
wait, a stored preference the worker cannot read, or a reader switching a channel off
never stops the other alerts, and each such failure is written down with its reason."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress

import pytest
from sqlalchemy import update

from schaatsradar.accounts.operations import change_channel
from schaatsradar.alerts.worker import Worker
from schaatsradar.knowledge.book import load_reference
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store.models import User
from tests.alerts.readers import add_channel, add_reader, deliveries, follow
from tests.alerts.receiver import Answer, running_receiver
from tests.alerts.test_worker import _flood
from tests.conftest import NOW

MAX_WAIT = 600.0


@pytest.fixture
def worker_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "allow_private_networks": [ipaddress.ip_network("127.0.0.1/32")],
            "delivery_timeout": 2.0,
            "alert_retry_base_seconds": 5.0,
            "alert_retry_max_seconds": MAX_WAIT,
        }
    )


@pytest.fixture(autouse=True)
def _reference(store: Store) -> None:
    with store.write() as conn:
        load_reference(conn)


def reader_with_hook(store: Store, email: str, hook: str) -> tuple[int, int]:
    user = add_reader(store, email)
    follow(store, user, "skater", "1")
    channel_id, _ = add_channel(store, user, "webhook", hook)
    return user, channel_id


@pytest.mark.parametrize(
    "retry_after",
    ["999999999999", "9" * 400, "Fri, 31 Dec 9999 23:59:59 GMT"],
    ids=["seconds", "beyond-float", "http-date"],
)
def test_a_receiver_asking_for_an_endless_wait_delays_only_itself(
    store: Store, worker_settings: Settings, retry_after: str
) -> None:
    with running_receiver() as poison, running_receiver() as healthy:
        poison.answer(*(Answer(429, {"Retry-After": retry_after}) for _ in range(10)))
        greedy, _ = reader_with_hook(store, "greedy@example.org", f"{poison.origin}/hook")
        calm, _ = reader_with_hook(store, "calm@example.org", f"{healthy.origin}/hook")
        _flood(store, 2)
        clock = [NOW]
        worker = Worker(store, worker_settings, clock=lambda: clock[0])

        asyncio.run(worker.run(once=True))
        clock[0] = NOW + dt.timedelta(seconds=1)
        asyncio.run(worker.run(once=True))  # nothing due: nobody hears anything twice

        assert len(healthy.received) == 2
        assert len({r.headers["webhook-id"] for r in healthy.received}) == 2
        assert len(poison.received) == 2
        by_user = {}
        for row in deliveries(store):
            by_user.setdefault(row.user_id, []).append(row)
        assert [row.status for row in by_user[calm]] == ["delivered", "delivered"]
        for row in by_user[greedy]:
            assert (row.status, row.attempts, row.last_error) == ("pending", 1, "HTTP 429")
            assert row.due_at <= NOW + dt.timedelta(seconds=MAX_WAIT + 1)

        # Once the capped wait is over the alert is tried again, not forgotten.
        clock[0] = NOW + dt.timedelta(seconds=MAX_WAIT + 2)
        asyncio.run(worker.run(once=True))
        assert len(poison.received) == 4
        assert len(healthy.received) == 2


def test_a_preference_the_worker_cannot_read_fails_only_its_reader(
    store: Store, worker_settings: Settings
) -> None:
    """A quiet-hours value no clock has (written before validation existed, or by hand) used
    to stop the round for everyone; now it fails that reader's alert, with the reason."""
    with running_receiver() as receiver:
        odd, _ = reader_with_hook(store, "odd@example.org", f"{receiver.origin}/odd")
        fine, _ = reader_with_hook(store, "fine@example.org", f"{receiver.origin}/fine")
        with store.write(changes_content=False) as conn:
            conn.execute(
                update(User)
                .where(User.id == odd)
                .values(spoiler_mode="hold", spoiler_release="25:99")
            )
        _flood(store, 1)
        asyncio.run(Worker(store, worker_settings, clock=lambda: NOW).run(once=True))

        assert [r.path for r in receiver.received] == ["/fine"]
        rows = {row.user_id: row for row in deliveries(store)}
        assert rows[fine].status == "delivered"
        assert rows[odd].status == "pending" and rows[odd].attempts == 1
        assert "25:99" in rows[odd].last_error


def test_switching_a_channel_off_stops_its_retries_at_once(
    store: Store, worker_settings: Settings
) -> None:
    with running_receiver() as receiver:
        receiver.answer(*(Answer(500) for _ in range(10)))
        user, channel_id = reader_with_hook(store, "off@example.org", f"{receiver.origin}/hook")
        _flood(store, 2)
        clock = [NOW]
        worker = Worker(store, worker_settings, clock=lambda: clock[0])
        asyncio.run(worker.run(once=True))
        assert len(receiver.received) == 2
        assert {row.status for row in deliveries(store)} == {"pending"}

        change_channel(store, user, channel_id, enabled=False)
        clock[0] = NOW + dt.timedelta(hours=2)  # every retry is due
        asyncio.run(worker.run(once=True))

        assert len(receiver.received) == 2  # nothing more went to the switched-off channel
        for row in deliveries(store):
            assert row.status == "dropped"
            assert "switched off" in row.last_error
