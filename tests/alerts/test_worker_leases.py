"""Lease ownership with real worker processes (issue 14): a delivery slower than the lease
keeps its worker's lease alive, so the other worker never takes the alert and sends it a
second time; and a worker finishes only the rows it still holds."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter

import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox
from schaatsradar.store.outbox import Done
from tests.alerts.readers import deliveries
from tests.alerts.receiver import Answer, running_receiver
from tests.alerts.test_worker import _flood, _readers_of_skater_one
from tests.alerts.workers import Spawn, stop, wait_until_delivered, worker_env
from tests.conftest import NOW

SLOW_RECEIVER = 6.5  # seconds per delivery: three leases' worth


def test_two_workers_with_a_slow_receiver_send_each_alert_once(
    store: Store, settings: Settings, spawn_worker: Spawn
) -> None:
    with running_receiver() as receiver:
        receiver.answer(*(Answer(delay=SLOW_RECEIVER) for _ in range(100)))
        users = _readers_of_skater_one(store, 3, f"{receiver.origin}/hook")
        env = worker_env(
            settings,
            SCHAATSRADAR_WORKER_BATCH="3",
            SCHAATSRADAR_WORKER_LEASE_SECONDS="2",
            SCHAATSRADAR_DELIVERY_TIMEOUT="15",
        )
        workers = [spawn_worker(env), spawn_worker(env)]
        try:
            time.sleep(3)  # both up and polling
            events = _flood(store, 4)  # 12 alerts: two rounds of each worker
            wait_until_delivered(store, 60)
            time.sleep(1.0)  # a repeat would be claimed and sent within a poll
        finally:
            outputs = [stop(w) for w in workers]
        sent = Counter(r.headers["webhook-id"] for r in receiver.received)
        assert set(sent) == {f"msg_{e}_{u}" for e in events for u in users}, outputs
        assert max(sent.values()) == 1, [k for k, n in sent.items() if n > 1]


def test_a_worker_whose_lease_ran_out_does_not_write_over_the_new_holder(store: Store) -> None:
    """The first worker stalled past its lease (no renewal came) and a second took the alert:
    the first's late outcome is reported as lost and the row stays the second's."""
    _readers_of_skater_one(store, 1, "http://127.0.0.1:9/hook")
    _flood(store, 1)
    lease = dt.timedelta(seconds=2)
    with store.write(changes_content=False) as conn:
        [first] = outbox.claim(conn, NOW, 10, lease, "first")
    with store.write(changes_content=False) as conn:
        assert outbox.renew(conn, [first.id], "first", NOW + lease * 2) == [first.id]
        assert outbox.claim(conn, NOW + lease, 10, lease, "second") == []  # renewed: still held
    later = NOW + lease * 3
    with store.write(changes_content=False) as conn:
        [second] = outbox.claim(conn, later, 10, lease, "second")
    assert second.id == first.id
    with store.write(changes_content=False) as conn:
        assert outbox.renew(conn, [first.id], "first", later + lease) == []
        assert outbox.finish(
            conn, [Done(first.id, "pending", error="HTTP 500")], later, "first"
        ) == [first.id]
    [row] = deliveries(store)
    assert (row.status, row.attempts, row.last_error) == ("sending", 0, None)
    with store.write(changes_content=False) as conn:
        assert outbox.finish(conn, [Done(second.id, "delivered")], later, "second") == []
    assert deliveries(store)[0].status == "delivered"


@pytest.fixture(autouse=True)
def _reference(store: Store) -> None:
    from schaatsradar.knowledge.book import load_reference

    with store.write() as conn:
        load_reference(conn)
