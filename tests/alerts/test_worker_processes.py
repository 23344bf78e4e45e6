"""`schaatsradar worker` as real processes: killed with SIGKILL mid-batch and started again,
nothing is lost; two running at once (SQLite's write lock, PostgreSQL's SKIP LOCKED) never
send one alert twice."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox
from tests.alerts.receiver import Answer, running_receiver
from tests.alerts.test_worker import _flood, _readers_of_skater_one
from tests.alerts.workers import Spawn, stop, wait_until_delivered, worker_env


def test_a_worker_killed_mid_batch_loses_nothing(
    store: Store, settings: Settings, tmp_path: Path, spawn_worker: Spawn
) -> None:
    with running_receiver() as receiver:
        receiver.answer(*(Answer(delay=0.05) for _ in range(400)))  # slow enough to catch
        users = _readers_of_skater_one(store, 2, f"{receiver.origin}/hook")
        events = _flood(store, 30)
        env = worker_env(
            settings, SCHAATSRADAR_WORKER_BATCH="20", SCHAATSRADAR_WORKER_LEASE_SECONDS="2"
        )

        first = spawn_worker(env)
        deadline = time.monotonic() + 30
        while len(receiver.received) < 5:
            assert time.monotonic() < deadline, "the worker sent nothing"
            assert first.poll() is None, first.stdout.read() if first.stdout else ""
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        with store.read() as conn:
            assert outbox.counts(conn).get("sending"), "killed after its batch was written"

        second = spawn_worker(env)
        try:
            wait_until_delivered(store, 60)
        finally:
            stop(second)
        keys = {r.headers["webhook-id"] for r in receiver.received}
        assert keys == {f"msg_{e}_{u}" for e in events for u in users}


def test_two_workers_never_send_one_alert_twice(
    store: Store, settings: Settings, spawn_worker: Spawn
) -> None:
    with running_receiver() as receiver:
        _readers_of_skater_one(store, 5, f"{receiver.origin}/hook")
        env = worker_env(settings, SCHAATSRADAR_WORKER_BATCH="10")
        workers = [spawn_worker(env), spawn_worker(env)]
        try:
            time.sleep(3)  # both up and polling, so they compete for the same rows
            _flood(store, 40)  # 200 alerts
            wait_until_delivered(store, 60)
        finally:
            outputs = [stop(w) for w in workers]
        sent = Counter(r.headers["webhook-id"] for r in receiver.received)
        assert len(sent) == 200
        assert max(sent.values()) == 1, [k for k, n in sent.items() if n > 1]
        # What each worker says it delivered adds up to the 200, never more. (A worker still
        # starting when the other had sent everything may be stopped before it reports.)
        shares = [int(o.split("delivered ")[1].split()[0]) for o in outputs if "delivered " in o]
        assert sum(shares) <= 200
        if len(shares) == 2:
            assert sum(shares) == 200


def test_a_stop_that_times_out_still_leaves_no_process_behind() -> None:
    """A worker deaf to SIGTERM fails its test, and is killed rather than left running."""
    deaf = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print('deaf', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert deaf.stdout is not None and deaf.stdout.readline() == b"deaf\n"
    with pytest.raises(AssertionError, match="after SIGTERM"):
        stop(deaf, seconds=0.5)
    assert deaf.returncode == -signal.SIGKILL


@pytest.fixture(autouse=True)
def _reference(store: Store) -> None:
    from schaatsradar.knowledge.book import load_reference

    with store.write() as conn:
        load_reference(conn)
