"""The data version for the response cache, read off the event loop and shared by the
requests that wait for it at once (PostgreSQL).

On PostgreSQL the version is a query over a socket: asked on the event loop for every
request, each read stalls every other connection of the process for a round trip, and longer
when the database is busy. Here the read runs on a thread of its own, and requests share
reads: one that arrives while a read is on its way waits for the read that starts after it
arrived, never for the one already under way (that one may have begun before a commit the
request must see). So every answer still reflects every commit that finished before its
request came in — the same promise as a read per request — while the database gets at most
one query per round trip however many requests arrive, and the loop never waits on it.

SQLite needs none of this: its version is a read of a local file (~4 µs) that in WAL mode
never waits on a writer, so it stays a plain call.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor


class SharedRead:
    def __init__(self, read: Callable[[], int]) -> None:
        self._read = read
        # One thread: the reader holds one connection, and reads never queue behind the
        # pages being rendered on the app's own thread pool.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="data-version")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._current: asyncio.Future[int] | None = None  # the read under way
        self._next: asyncio.Future[int] | None = None  # the read that starts when it ends
        self._driver: asyncio.Task[None] | None = None
        self._latest = 0

    async def __call__(self) -> int:
        loop = asyncio.get_running_loop()
        if loop is not self._loop:  # another loop (a test client's): nothing to share
            self._loop, self._current, self._next = loop, None, None
        if self._current is None:
            wanted = self._current = loop.create_future()
            self._driver = loop.create_task(self._drive(loop))
        else:
            if self._next is None:
                self._next = loop.create_future()
            wanted = self._next
        # Shielded: a request that goes away does not cancel the read others wait for.
        await asyncio.shield(wanted)
        # The newest read's, not necessarily its own: waiters resume in no promised order,
        # and a cache that saw a newer version must not be sent back to an older one.
        return self._latest

    async def _drive(self, loop: asyncio.AbstractEventLoop) -> None:
        """Reads one after another while requests are waiting for one."""
        while self._current is not None:
            future = self._current
            try:
                version = await loop.run_in_executor(self._thread, self._read)
            except Exception as error:
                future.set_exception(error)
                future.exception()  # retrieved: no warning when nobody waits any more
            else:
                self._latest = version
                future.set_result(version)
            self._current, self._next = self._next, None
