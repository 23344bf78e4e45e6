"""The live page's feed, `/api/v1/stream`, over real HTTP: a reader's alert arrives as a
server-sent event while the page is open, an alert raised while no page was open arrives
when one opens, and nobody else's alerts come along."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from sqlalchemy import text

from schaatsradar.accounts.operations import issue_personal_token
from schaatsradar.alerts.kinds import EVENT_BITS
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import events as stored_events
from tests.alerts.readers import add_channel, add_reader, deliveries, follow
from tests.conftest import NOW
from tests.web.served import serve


def raise_event(store: Store, key: str, skater: str) -> None:
    with store.write() as conn:
        data = {"skater": {"name": "Jutta Leerdam", "gender": "women"}, "result": {"rank": 1}}
        payload = {"type": "result.recorded", "data": {**data, "race": {"distance": "1000m"}}}
        event_id = stored_events.record_event(
            conn, "result.recorded", key, payload, [("skater", skater)], NOW
        )
        assert event_id is not None
        stored_events.fan_out(
            conn, event_id, EVENT_BITS["result.recorded"], [("skater", skater)], NOW
        )


def read_alerts(lines, count: int) -> list[dict]:  # type: ignore[no-untyped-def]
    found: list[dict] = []
    for line in lines:
        if line.startswith("data: "):
            found.append(json.loads(line.removeprefix("data: ")))
            if len(found) == count:
                return found
    raise AssertionError("the stream ended early")


def test_alerts_reach_the_open_page_of_their_reader_only(store: Store, settings: Settings) -> None:
    fan = add_reader(store, "fan@example.org")
    follow(store, fan, "skater", "7")
    add_channel(store, fan, "stream", "page")
    other = add_reader(store, "other@example.org")
    follow(store, other, "skater", "8")
    add_channel(store, other, "stream", "page")
    token = issue_personal_token(store, fan, "live", NOW).token
    raise_event(store, "result:before", "7")  # while no page was open
    raise_event(store, "result:other", "8")
    with serve(settings) as url:
        assert httpx.get(f"{url}/api/v1/stream").status_code == 401
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.stream("GET", f"{url}/api/v1/stream", headers=headers, timeout=10) as live:
            assert live.headers["content-type"].startswith("text/event-stream")
            lines = live.iter_lines()
            [missed] = read_alerts(lines, 1)
            raise_event(store, "result:now", "7")
            [now] = read_alerts(lines, 1)
    assert "Jutta Leerdam" in missed["title"] and "1e" in missed["title"]
    assert missed["id"] != now["id"]
    by_user = {}
    for delivery in deliveries(store):
        by_user.setdefault(delivery.user_id, []).append(delivery.status)
    assert by_user[other] == ["pending"]  # nobody's page showed it
    # The first was written and then marked; the last may still be under its lease if the
    # page closed before the mark (then it comes again, same id: at least once).
    assert by_user[fan][0] == "delivered" and by_user[fan][1] in ("delivered", "sending")


def stream_reader(store: Store) -> str:
    """fan@example.org with an alert waiting for their open page; their personal token."""
    fan = add_reader(store, "fan@example.org")
    follow(store, fan, "skater", "7")
    add_channel(store, fan, "stream", "page")
    raise_event(store, "result:waiting", "7")
    return issue_personal_token(store, fan, "live", NOW).token


def test_head_on_the_stream_marks_nothing_delivered(store: Store, settings: Settings) -> None:
    token = stream_reader(store)
    with serve(settings) as url:
        answer = httpx.head(
            f"{url}/api/v1/stream", headers={"Authorization": f"Bearer {token}"}, timeout=5
        )
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/event-stream")
        time.sleep(1.5)  # more than the stream's poll: had it read the outbox, it had by now
    assert [d.status for d in deliveries(store)] == ["pending"]


@contextmanager
def write_lock_held(store: Store) -> Iterator[None]:
    """What an ingest does to everyone else: a write transaction that holds the database's
    lock (SQLite's one writer; on PostgreSQL, the outbox table an ingest's fan-out locks)."""
    with store.write(changes_content=False) as conn:
        if store.backend != "sqlite":
            conn.execute(text("LOCK TABLE deliveries IN ACCESS EXCLUSIVE MODE"))
        yield


def test_an_open_stream_does_not_stop_the_server_during_a_write(
    store: Store, settings: Settings
) -> None:
    token = stream_reader(store)
    headers = {"Authorization": f"Bearer {token}"}
    with serve(settings) as url:
        assert httpx.get(f"{url}/api/v1/health", timeout=5).status_code == 200
        with httpx.stream("GET", f"{url}/api/v1/stream", headers=headers, timeout=20) as live:
            lines = live.iter_lines()
            read_alerts(lines, 1)  # the stream is open and polling the outbox
            with write_lock_held(store):
                time.sleep(1.0)  # the stream's next polls wait for the lock meanwhile
                started = time.monotonic()
                answer = httpx.get(f"{url}/api/v1/health", timeout=5)
                took = time.monotonic() - started
                time.sleep(0.5)
            # A server stalled behind the stream's poll could answer only once the lock is
            # gone, and the lock goes only after this request returns (busy timeout 30 s):
            # it would time out. The margin below the 5 s timeout keeps a loaded CI green.
            assert answer.status_code == 200
            assert took < 4.0, f"the server stood still for {took:.1f} s"
            raise_event(store, "result:after", "7")
            [after] = read_alerts(lines, 1)  # and the stream goes on once the lock is free
    assert after["kind"] == "result.recorded"
