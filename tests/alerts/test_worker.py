"""Alerts end to end with real parts: articles ingested and reconciled into a real database,
the outbox filled in that transaction, the worker sending signed webhooks to a real HTTP
receiver on 127.0.0.1 — at least once, and never twice to one person for one event."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import random
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from schaatsradar.alerts.kinds import ALL_EVENTS, EVENT_BITS, mask_of
from schaatsradar.alerts.signing import verify
from schaatsradar.alerts.worker import Totals, Worker
from schaatsradar.knowledge.book import load_reference, reconcile_pending
from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox
from schaatsradar.store import events as stored_events
from tests.alerts.conftest import closed_port
from tests.alerts.readers import add_channel, add_reader, channel, deliveries, follow_skater
from tests.alerts.receiver import Answer, Received, running_receiver
from tests.conftest import NOW, run_ingest, seed_file

RACE = (
    "Jutta Leerdam won de 1000 meter in Heerenveen in 1.13,01. Femke Kok werd tweede in "
    "1.13,40. Leerdam was blij met haar rit."
)
ARCHIVE = "Jutta Leerdam won de 500 meter in Heerenveen in 37,10. Kok werd tweede."


@pytest.fixture
def alert_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "extract_on_ingest": True,
            "allow_private_networks": [ipaddress.ip_network("127.0.0.1/32")],
            "delivery_timeout": 0.5,
            "alert_retry_base_seconds": 0.02,
            "alert_retry_max_seconds": 0.1,
            "worker_poll_seconds": 0.02,
        }
    )


@pytest.fixture
def reference_store(store: Store) -> Store:
    with store.write() as conn:
        load_reference(conn)
    return store


def publish(store: Store, settings: Settings, folder: Path, name: str, date: str, body: str):
    seed_file(folder, name, date, body)
    report = run_ingest(store, settings, folder / name)
    assert not report.rejected, report.rejected
    return reconcile_pending(store, NOW)


def deliver_all(store: Store, settings: Settings, seconds: float = 20.0) -> Totals:
    """Worker rounds until nothing is pending or sending (retries included)."""
    totals = Totals()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        round_totals = asyncio.run(Worker(store, settings).run(once=True))
        totals.delivered += round_totals.delivered
        totals.retried += round_totals.retried
        with store.read() as conn:
            left = outbox.counts(conn)
        if not left.get("pending") and not left.get("sending"):
            return totals
        time.sleep(0.03)
    raise AssertionError(f"alerts still waiting after {seconds} s: {left}")


def bodies(received: list[Received]) -> list[dict]:
    return [json.loads(r.body) for r in received]


def leerdam_fan(store: Store, hook: str, mask: int = ALL_EVENTS, **preferences: Any) -> str | None:
    """fan@example.org, who follows Jutta Leerdam and has a webhook at `hook`; its secret."""
    fan = add_reader(store, "fan@example.org", **preferences)
    follow_skater(store, fan, "Jutta Leerdam")
    _, secret = add_channel(store, fan, "webhook", hook, mask=mask)
    return secret


def race_delivered(store: Store, settings: Settings, folder: Path) -> None:
    """RACE published in `folder`, and every alert it wakes sent."""
    publish(store, settings, folder, "race.txt", "2026-11-20", RACE)
    deliver_all(store, settings)


def test_a_followed_skaters_race_arrives_signed_once(
    reference_store: Store, alert_settings: Settings, tmp_path: Path
) -> None:
    store = reference_store
    with running_receiver() as receiver:
        secret = leerdam_fan(store, f"{receiver.origin}/hook")
        other = add_reader(store, "other@example.org")
        follow_skater(store, other, "Joy Beune")  # not in the story: gets nothing
        add_channel(store, other, "webhook", f"{receiver.origin}/other")

        race_delivered(store, alert_settings, tmp_path / "nos")

        assert {r.path for r in receiver.received} == {"/hook"}
        kinds = sorted(body["type"] for body in bodies(receiver.received))
        assert kinds == ["article.published", "result.recorded"]
        for request in receiver.received:
            verify(secret, request.headers, request.body, now=time.time())
        [result] = [b for b in bodies(receiver.received) if b["type"] == "result.recorded"]
        assert result["data"]["skater"]["name"] == "Jutta Leerdam"
        assert result["data"]["result"] == {
            "id": result["data"]["result"]["id"],
            "rank": 1,
            "time": "1:13.01",
            "seconds": 73.01,
        }
        ids = [r.headers["webhook-id"] for r in receiver.received]
        assert len(set(ids)) == len(ids)

        # The same story from another outlet: no new event, no second alert.
        race_delivered(store, alert_settings, tmp_path / "ad")
        assert len(receiver.received) == 2
        assert all(d.status == "delivered" for d in deliveries(store))


def test_archive_news_wakes_nobody(
    reference_store: Store, alert_settings: Settings, tmp_path: Path
) -> None:
    store = reference_store
    leerdam_fan(store, "http://127.0.0.1:9/hook")
    publish(store, alert_settings, tmp_path / "archief", "old.txt", "2024-02-03", ARCHIVE)
    assert deliveries(store) == []


def _flood(store: Store, count: int) -> list[int]:
    """`count` result events about skater 1, fanned out as the reconciler does."""
    ids = []
    with store.write() as conn:
        for number in range(count):
            event_id = stored_events.record_event(
                conn,
                "result.recorded",
                f"result:test-{number}",
                {"type": "result.recorded", "data": {"number": number}},
                [("skater", "1")],
                NOW,
            )
            assert event_id is not None
            stored_events.fan_out(
                conn, event_id, EVENT_BITS["result.recorded"], [("skater", "1")], NOW
            )
            ids.append(event_id)
    return ids


def _readers_of_skater_one(store: Store, count: int, url: str) -> list[int]:
    from tests.alerts.readers import follow

    users = []
    for number in range(count):
        user = add_reader(store, f"reader{number}@example.org")
        follow(store, user, "skater", "1")
        add_channel(store, user, "webhook", url)
        users.append(user)
    return users


def _event_fanned_out(conn: Connection, key: str) -> int:
    """One result event about skater 1, recorded and fanned out in `conn`'s transaction."""
    event_id = stored_events.record_event(
        conn,
        "result.recorded",
        key,
        {"type": "result.recorded", "data": {}},
        [("skater", "1")],
        NOW,
    )
    assert event_id is not None
    stored_events.fan_out(conn, event_id, EVENT_BITS["result.recorded"], [("skater", "1")], NOW)
    return event_id


def test_an_alert_committed_after_later_ones_were_sent_still_goes(
    reference_store: Store, alert_settings: Settings
) -> None:
    """PostgreSQL hands out ids when a row is inserted, not when it commits: a slow
    transaction (a reconcile) can commit its alert after one with a higher id (the worker's
    hourly `race.upcoming`) was already sent. The outbox is claimed by status, not by an id
    cursor, so the lower id still goes. (SQLite has one writer: its ids commit in order.)"""
    store = reference_store
    if store.backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: ids cannot commit out of order")
    with running_receiver() as receiver:
        [user] = _readers_of_skater_one(store, 1, f"{receiver.origin}/hook")
        with store.write() as slow:
            early = _event_fanned_out(slow, "result:slow")
            with store.write() as quick:
                late = _event_fanned_out(quick, "result:quick")
            deliver_all(store, alert_settings)
            assert [r.headers["webhook-id"] for r in receiver.received] == [f"msg_{late}_{user}"]
        deliver_all(store, alert_settings)

        got = sorted(r.headers["webhook-id"] for r in receiver.received)
        assert got == sorted([f"msg_{early}_{user}", f"msg_{late}_{user}"])
        rows = deliveries(store)
        assert [d.event_id for d in rows] == [early, late]  # ids in the order taken, not committed
        assert all(d.status == "delivered" for d in rows)


def test_a_receiver_failing_a_third_of_the_time_still_gets_everything_once(
    reference_store: Store, alert_settings: Settings
) -> None:
    store = reference_store
    rng = random.Random(7)
    with running_receiver() as receiver:
        draws = [rng.random() for _ in range(400)]  # 15% 500s, 15% too slow (timeouts)
        receiver.answer(
            *(
                Answer(500) if d < 0.15 else Answer(delay=1.0) if d < 0.3 else Answer()
                for d in draws
            )
        )
        users = _readers_of_skater_one(store, 4, f"{receiver.origin}/hook")
        events = _flood(store, 25)
        totals = deliver_all(store, alert_settings, seconds=60)

        assert totals.retried > 0, "the receiver never failed: the test proves nothing"
        unique = {r.headers["webhook-id"] for r in receiver.received}
        assert unique == {f"msg_{e}_{u}" for e in events for u in users}
        assert all(d.status == "delivered" for d in deliveries(store))


def test_410_gone_disables_the_channel(reference_store: Store, alert_settings: Settings) -> None:
    store = reference_store
    with running_receiver() as receiver:
        receiver.answer(Answer(410))
        _readers_of_skater_one(store, 1, f"{receiver.origin}/hook")
        _flood(store, 1)
        deliver_all(store, alert_settings)
        assert len(receiver.received) == 1
    [gone] = deliveries(store)
    assert gone.status == "dropped"
    assert channel(store, gone.channel_id).enabled is False
    with store.write() as conn:  # a new event after that: the disabled channel gets none
        event_id = stored_events.record_event(
            conn, "result.recorded", "result:after", {}, [("skater", "1")], NOW
        )
        assert event_id is not None
        queued = stored_events.fan_out(
            conn, event_id, EVENT_BITS["result.recorded"], [("skater", "1")], NOW
        )
    assert queued == 0


def test_a_dead_receiver_is_given_up_after_a_day(
    reference_store: Store, alert_settings: Settings
) -> None:
    store = reference_store
    _readers_of_skater_one(store, 1, f"http://127.0.0.1:{closed_port()}/hook")
    _flood(store, 1)
    clock = [NOW]
    worker = Worker(store, alert_settings, clock=lambda: clock[0])
    asyncio.run(worker.run(once=True))
    [first] = deliveries(store)
    assert (first.status, first.attempts) == ("pending", 1)
    assert "cannot connect" in first.last_error
    clock[0] = NOW + dt.timedelta(hours=25)
    asyncio.run(worker.run(once=True))
    [last] = deliveries(store)
    assert last.status == "dead"


def test_channels_only_get_the_event_kinds_they_asked_for(
    reference_store: Store, alert_settings: Settings, tmp_path: Path
) -> None:
    store = reference_store
    with running_receiver() as receiver:
        leerdam_fan(store, f"{receiver.origin}/hook", mask=mask_of(["record.set"]))
        race_delivered(store, alert_settings, tmp_path / "nos")
        assert receiver.received == []


def test_spoiler_safe_alerts_say_that_she_raced_not_how(
    reference_store: Store, alert_settings: Settings, tmp_path: Path
) -> None:
    store = reference_store
    with running_receiver() as receiver:
        leerdam_fan(store, f"{receiver.origin}/hook", spoiler_mode="hide")
        race_delivered(store, alert_settings, tmp_path / "nos")
        sent = b"".join(r.body for r in receiver.received).decode()
        assert receiver.received
        assert "1:13.01" not in sent and '"rank"' not in sent and "won" not in sent
        assert all(json.loads(r.body)["spoiler_safe"] for r in receiver.received)


def test_held_outcomes_wait_for_the_chosen_time(
    reference_store: Store, alert_settings: Settings
) -> None:
    store = reference_store
    with running_receiver() as receiver:
        [user] = _readers_of_skater_one(store, 1, f"{receiver.origin}/hook")
        with store.write(changes_content=False) as conn:
            from sqlalchemy import update

            from schaatsradar.store.models import User

            conn.execute(
                update(User)
                .where(User.id == user)
                .values(spoiler_mode="hold", spoiler_release="20:30")
            )
        _flood(store, 1)  # at NOW, 12:00 UTC = 13:00 in Amsterdam
        clock = [NOW]
        worker = Worker(store, alert_settings, clock=lambda: clock[0])
        asyncio.run(worker.run(once=True))
        assert receiver.received == []
        [held] = deliveries(store)
        assert held.due_at == dt.datetime(2026, 11, 21, 19, 30)  # 20:30 in Amsterdam (CET)
        assert held.attempts == 0
        clock[0] = dt.datetime(2026, 11, 21, 19, 31)
        asyncio.run(worker.run(once=True))
        assert len(receiver.received) == 1


def test_email_waits_out_the_quiet_hours_then_comes_as_one_digest(
    reference_store: Store, alert_settings: Settings
) -> None:
    from tests.alerts.readers import follow
    from tests.alerts.test_email import Mailbox, smtp_server

    store = reference_store
    mailbox = Mailbox()
    with smtp_server(mailbox) as smtp:
        settings = alert_settings.model_copy(
            update={"smtp_host": smtp.smtp_host, "smtp_port": smtp.smtp_port}
        )
        user = add_reader(store, "slaper@example.org", quiet_start="22:00", quiet_end="07:00")
        follow(store, user, "skater", "1")
        add_channel(store, user, "email", "slaper@example.org")
        night = dt.datetime(2026, 11, 21, 22, 30)  # 23:30 in Amsterdam
        with store.write() as conn:
            for number in range(3):
                event_id = stored_events.record_event(
                    conn, "result.recorded", f"result:n{number}", {}, [("skater", "1")], night
                )
                assert event_id is not None
                stored_events.fan_out(
                    conn, event_id, EVENT_BITS["result.recorded"], [("skater", "1")], night
                )
        clock = [night]
        worker = Worker(store, settings, clock=lambda: clock[0])
        asyncio.run(worker.run(once=True))
        assert mailbox.messages == []
        assert {d.due_at for d in deliveries(store)} == {dt.datetime(2026, 11, 22, 6, 0)}
        clock[0] = dt.datetime(2026, 11, 22, 6, 1)
        asyncio.run(worker.run(once=True))
        [(_, recipients, message)] = mailbox.messages
        assert recipients == ["slaper@example.org"]
        assert "3" in message["Subject"]
        assert {d.status for d in deliveries(store)} == {"delivered"}
