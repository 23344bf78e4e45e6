"""The data version read off the event loop (`shared_read`), on the test database: requests
waiting at once share a read, yet none is answered from a read that began before it came,
so a commit that finished before a request is always seen by it."""

from __future__ import annotations

import asyncio
import threading

import pytest

from schaatsradar.store import Store
from schaatsradar.web.shared_read import SharedRead


class Counted:
    """The store's own version read, counted, and held at the gate while `hold` is set."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.reads = 0
        self.hold = threading.Event()
        self.started = threading.Event()
        self.gate = threading.Event()
        self.fail_next = False

    def __call__(self) -> int:
        self.reads += 1
        self.started.set()
        if self.hold.is_set():
            self.gate.wait(10)
        if self.fail_next:
            self.fail_next = False
            raise ConnectionError("the database went away")
        return self.store.data_version()


def test_requests_waiting_at_once_share_one_read(store: Store) -> None:
    read = Counted(store)
    shared = SharedRead(read)

    async def many() -> list[int]:
        return await asyncio.gather(*(shared() for _ in range(100)))

    versions = asyncio.run(many())
    assert set(versions) == {store.data_version()}
    # The first request's read, and one more for all who came while it was on its way.
    assert read.reads == 2


def test_a_commit_before_the_request_is_seen_though_a_read_was_under_way(store: Store) -> None:
    read = Counted(store)
    shared = SharedRead(read)
    before = store.data_version()

    async def scenario() -> tuple[int, int]:
        read.hold.set()
        early = asyncio.create_task(shared())
        await asyncio.to_thread(read.started.wait, 10)  # the early read is under way
        with store.write():  # an empty commit still raises the version
            pass
        late = asyncio.create_task(shared())
        await asyncio.sleep(0.05)
        read.hold.clear()
        read.gate.set()
        return await early, await late

    early, late = asyncio.run(scenario())
    assert late == before + 1
    assert early == before + 1  # the newest read is handed to everyone who waited
    assert read.reads == 2


def test_a_failed_read_fails_its_waiters_and_the_next_request_reads_again(store: Store) -> None:
    read = Counted(store)
    shared = SharedRead(read)
    read.fail_next = True

    async def twice() -> int:
        with pytest.raises(ConnectionError):
            await shared()
        return await shared()

    assert asyncio.run(twice()) == store.data_version()
