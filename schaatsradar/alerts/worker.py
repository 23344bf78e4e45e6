"""`schaatsradar worker`: claims due alerts from the outbox, sends them, writes back how it
went. At least once: a delivery is marked delivered only after the receiver said 2xx, and
one claimed by a worker that died is due again when its lease ends. Never twice to one person
for one event: the outbox holds one row per (event, channel), and every attempt carries the
same idempotency key (`webhook-id`, Message-ID, push Topic) for the receiver to deduplicate.

One round: claim a batch (one transaction), decide what waits (spoiler hold, quiet hours),
send the rest concurrently over one keep-alive pool, write the outcomes (one transaction).

One alert or receiver can only fail itself: every per-alert step (deciding whether it waits,
rendering and sending, deciding what an answer means, writing the outcome) is contained, and a
failure is written down as that alert's failed attempt with its reason. Every wait is capped
(`alert_retry_max_seconds`), however long a receiver's Retry-After asks for.

A round's claim is its own (a lease token). While it delivers, a heartbeat renews the lease,
so a slow receiver never lets the lease run out under a live worker; a delivery is not
started once the lease may have run out, and outcomes are written only for rows still held.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import time
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field, replace

from sqlalchemy.exc import DBAPIError, OperationalError, StatementError

from schaatsradar.alerts.email import send_email
from schaatsradar.alerts.message import Alert, Sent
from schaatsradar.alerts.push import send_push
from schaatsradar.alerts.render import idempotency_key, is_outcome, render
from schaatsradar.alerts.timing import held_until, quiet_until
from schaatsradar.alerts.vapid import keys as vapid_keys
from schaatsradar.alerts.webhook import WebhookClient, send_webhook, webhook_client
from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox
from schaatsradar.store.outbox import Claimed, Done

SENDS_AT_ONCE = 64  # a little above the pool's 50 connections per host: more only queue in aiohttp
RENEWALS_PER_LEASE = 3  # a heartbeat may come late twice before the lease runs out
MAX_DOUBLINGS = 60  # 2.0 ** 60 is far beyond any cap, and far from float's overflow
CHORES_EVERY = dt.timedelta(hours=1)
Chore = Callable[[Store, dt.datetime], None]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass
class Totals:
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    dropped: int = 0
    held: int = 0
    lost: int = 0  # outcomes not written: the row was no longer this worker's
    rounds: int = 0
    errors: list[str] = field(default_factory=list)

    def note(self, error: str) -> None:
        if len(self.errors) < 20:
            self.errors.append(error)

    def add(self, done: list[Done]) -> None:
        for item in done:
            if item.status == "delivered":
                self.delivered += 1
            elif item.status == "dead":
                self.dead += 1
            elif item.status == "dropped":
                self.dropped += 1
            elif item.failed:
                self.retried += 1
            else:
                self.held += 1
            if item.error:
                self.note(item.error)


def backoff(attempt: int, settings: Settings, asked: float | None = None) -> float:
    """Seconds before attempt `attempt + 1`: doubling from the base up to the cap, drawn from
    the upper half so a crowd of failed alerts does not come back at one instant. A
    receiver's own Retry-After is honoured when it asks for longer, up to the same cap: one
    asking for 30,000 years (or for infinity) is tried again after the cap, like any other."""
    cap = settings.alert_retry_max_seconds
    doublings = min(max(0, attempt - 1), MAX_DOUBLINGS)
    ceiling = min(cap, settings.alert_retry_base_seconds * 2.0**doublings)
    wait = random.uniform(ceiling / 2, ceiling)
    if asked is not None and asked > wait:  # NaN compares False: ignored
        wait = min(asked, cap)
    return wait


def waiting(claimed: list[Claimed], now: dt.datetime) -> list[Done]:
    """Held outcomes (spoiler "hold") and e-mail in quiet hours: due again later, with no
    attempt spent. Open pages (`stream`) follow the same hold. Raises ValueError naming the
    value when a stored preference is not a time of day."""
    done = []
    for item in claimed:
        until = wait_until(item, now)
        if until is not None:
            done.append(Done(item.id, "pending", due_at=until))
    return done


def wait_until(item: Claimed, now: dt.datetime) -> dt.datetime | None:
    """When one claimed alert may go, if not now (see `waiting`)."""
    until = None
    if item.spoiler_mode == "hold" and is_outcome(item.event_kind, item.payload):
        release = held_until(item.occurred_at, item.spoiler_release, item.timezone)
        if release is not None and now < release:
            until = release
    if until is None and item.channel_kind == "email":
        until = quiet_until(now, item.quiet_start, item.quiet_end, item.timezone)
    return until


def alert_for(item: Claimed, site_url: str) -> Alert:
    """A claimed delivery as its reader's alert (language, spoiler setting)."""
    return render(
        item.event_id,
        item.user_id,
        item.event_kind,
        item.payload,
        item.occurred_at,
        item.language,
        spoiler_safe=item.spoiler_mode == "hide",
        site_url=site_url,
    )


class Worker:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        clock: Callable[[], dt.datetime] = utc_now,
        chores: Sequence[Chore] = (),
    ) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.lease = dt.timedelta(seconds=settings.worker_lease_seconds)
        self._vapid: str | None = None
        # Hourly jobs the caller hands in (the CLI: `race.upcoming` from the knowledge base,
        # which alerts may not import).
        self.chores = list(chores)
        self._next_chores: dt.datetime | None = None

    async def run(self, stop: asyncio.Event | None = None, once: bool = False) -> Totals:
        """Rounds until `stop` is set (or, with `once`, until nothing is due)."""
        totals = Totals()
        async with webhook_client(self.settings) as client:
            while stop is None or not stop.is_set():
                self.run_chores()
                handled = await self.round(client, totals)
                if handled:
                    continue
                if once:
                    break
                await _sleep_or_stop(self.settings.worker_poll_seconds, stop)
        return totals

    def run_chores(self) -> None:
        now = self.clock()
        if self._next_chores is not None and now < self._next_chores:
            return
        for chore in self.chores:
            chore(self.store, now)
        self._next_chores = now + CHORES_EVERY

    async def round(self, client: WebhookClient, totals: Totals) -> int:
        now = self.clock()
        self._rendered: dict[tuple[int, str, bool], Alert] = {}
        token = uuid.uuid4().hex
        with self.store.write(changes_content=False) as conn:
            claimed = outbox.claim(conn, now, self.settings.worker_batch, self.lease, token)
        if not claimed:
            return 0
        lease = _Lease(token, [c.id for c in claimed], self.lease_seconds)
        heartbeat = asyncio.create_task(self._heartbeat(lease, totals))
        try:
            done, ready = self._waits(claimed, now)
            done += await self._send_all(client, ready, now, lease)
        finally:
            lease.over.set()
            await heartbeat
        self._record(done, token, totals)
        totals.rounds += 1
        return len(claimed)

    @property
    def lease_seconds(self) -> float:
        return self.lease.total_seconds()

    def _waits(self, claimed: list[Claimed], now: dt.datetime) -> tuple[list[Done], list[Claimed]]:
        """What waits (held, quiet hours), and what goes now. An alert whose reader's
        preferences cannot be read fails alone, as an attempt with the reason."""
        done: list[Done] = []
        ready: list[Claimed] = []
        for item in claimed:
            try:
                until = wait_until(item, now)
            except Exception as error:
                reason = f"cannot tell when it may go: {type(error).__name__}: {error}"
                done.append(self._decide(item, Sent(ok=False, error=reason[:200]), now))
                continue
            if until is None:
                ready.append(item)
            else:
                done.append(Done(item.id, "pending", due_at=until))
        return done, ready

    async def _heartbeat(self, lease: _Lease, totals: Totals) -> None:
        """Renew the round's lease every third of it until the round's outcomes are written,
        from a thread: a database busy with an ingest delays the renewal, not the sends. Rows
        another worker took meanwhile (only if renewals were late) are not sent by us."""
        every = self.lease_seconds / RENEWALS_PER_LEASE
        while not lease.over.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(lease.over.wait(), every)
                return
            started = time.monotonic()
            try:
                still = await asyncio.to_thread(self._renew, lease)
            except Exception as error:  # the database is away: the sends stop at the expiry
                totals.note(f"lease not renewed: {type(error).__name__}")
                continue
            lease.lost.update(set(lease.ids) - set(still))
            lease.ids = still
            lease.expires = started + lease.seconds

    def _renew(self, lease: _Lease) -> list[int]:
        until = self.clock() + self.lease
        with self.store.write(changes_content=False) as conn:
            return outbox.renew(conn, lease.ids, lease.token, until)

    def _record(self, done: list[Done], token: str, totals: Totals) -> None:
        """Write the round's outcomes in one transaction; if the database refuses that (one
        odd value), each alone, so the others are kept and the odd one records why."""
        try:
            with self.store.write(changes_content=False) as conn:
                lost = outbox.finish(conn, done, self.clock(), token)
        except OperationalError:
            raise  # the database itself is away: nothing is written, the leases run out
        except (DBAPIError, StatementError):
            lost = []
            for item in done:
                lost += self._record_one(item, token, totals)
        written = [d for d in done if d.id not in set(lost)]
        totals.add(written)
        if lost:
            totals.lost += len(lost)
            totals.note(
                f"{len(lost)} outcome(s) not written: the alert was no longer this worker's "
                "(its lease ran out and another worker took it, or the channel was switched off)"
            )

    def _record_one(self, item: Done, token: str, totals: Totals) -> list[int]:
        try:
            with self.store.write(changes_content=False) as conn:
                return outbox.finish(conn, [item], self.clock(), token)
        except (DBAPIError, StatementError) as error:
            reason = f"the outcome could not be recorded: {type(error).__name__}"
        due = self.clock() + dt.timedelta(seconds=self.settings.alert_retry_max_seconds)
        failed = Done(item.id, "pending", due_at=due, error=reason, failed=True)
        try:
            with self.store.write(changes_content=False) as conn:
                return outbox.finish(conn, [failed], self.clock(), token)
        except (DBAPIError, StatementError):
            totals.note(f"alert {item.id}: {reason}")
            return [item.id]

    async def _send_all(
        self, client: WebhookClient, ready: list[Claimed], now: dt.datetime, lease: _Lease
    ) -> list[Done]:
        gate = _Gate(asyncio.Semaphore(SENDS_AT_ONCE), lease)
        jobs: list[Awaitable[list[Done]]] = []
        emails: dict[int, list[Claimed]] = defaultdict(list)
        for item in ready:
            if item.channel_kind == "email":
                emails[item.channel_id].append(item)
            else:
                jobs.append(self._one(gate, client, item, now))
        jobs += [self._digest(gate, items, now) for items in emails.values()]
        results = await asyncio.gather(*jobs)
        return [done for group in results for done in group]

    async def _one(
        self, gate: _Gate, client: WebhookClient, item: Claimed, now: dt.datetime
    ) -> list[Done]:
        async with gate.slot:
            if not gate.lease.holds([item.id]):
                return []  # no longer ours to send: its new holder does, or it is dropped
            return await self._send_one(client, item, now)

    async def _send_one(self, client: WebhookClient, item: Claimed, now: dt.datetime) -> list[Done]:
        async with _contained(item) as outcome:
            alert = self._alert(item)
            if item.channel_kind == "webhook":
                sent = await send_webhook(client, item.target, item.secret or "", alert)
            elif item.channel_kind == "push":
                sent = await send_push(
                    client,
                    item.target,
                    item.keys or {},
                    alert,
                    self._vapid_key(),
                    self.settings.vapid_subject,
                )
            else:
                sent = Sent(ok=False, error=f"no sender for channel kind {item.channel_kind!r}")
            outcome.append(sent)
        return [self._decide(item, outcome[-1], now)]

    async def _digest(self, gate: _Gate, items: list[Claimed], now: dt.datetime) -> list[Done]:
        """Every due e-mail alert of one channel in one message (a digest when several)."""
        async with gate.slot:
            items = [item for item in items if gate.lease.holds([item.id])]
            if not items:
                return []
            async with _contained(items[0]) as outcome:
                alerts = [self._alert(item) for item in items]
                outcome.append(
                    await send_email(self.settings, items[0].target, alerts, items[0].language)
                )
        return [self._decide(item, outcome[-1], now) for item in items]

    def _alert(self, item: Claimed) -> Alert:
        """Rendered once per (event, language, spoiler mode) in a round — an event fanned out
        to 100,000 readers is a handful of texts — with each reader's own key."""
        shape = (item.event_id, item.language, item.spoiler_mode == "hide")
        made = self._rendered.get(shape)
        if made is None:
            made = self._rendered[shape] = alert_for(item, self.settings.site_url)
        return replace(made, idempotency_key=idempotency_key(item.event_id, item.user_id))

    def _decide(self, item: Claimed, sent: Sent, now: dt.datetime) -> Done:
        """What an attempt's outcome means for the outbox. Contained: should the reckoning
        itself fail, the alert is tried again after the longest wait, with the reason."""
        try:
            return self._reckon(item, sent, now)
        except Exception as error:
            wait = dt.timedelta(seconds=self.settings.alert_retry_max_seconds)
            reason = f"{sent.error or 'sent'}; outcome not understood: {type(error).__name__}"
            return Done(item.id, "pending", due_at=now + wait, error=reason, failed=True)

    def _reckon(self, item: Claimed, sent: Sent, now: dt.datetime) -> Done:
        if sent.ok:
            return Done(item.id, "delivered")
        if sent.gone:
            return Done(item.id, "dropped", error=sent.error, gone_channel=item.channel_id)
        failing_since = item.first_failed_at or now
        dead_after = dt.timedelta(hours=self.settings.alert_dead_after_hours)
        if now - failing_since >= dead_after:
            return Done(item.id, "dead", error=sent.error, failed=True)
        wait = backoff(item.attempts + 1, self.settings, sent.retry_after)
        due = now + dt.timedelta(seconds=wait)
        return Done(item.id, "pending", due_at=due, error=sent.error, failed=True)

    def _vapid_key(self) -> str:
        if self._vapid is None:
            with self.store.write(changes_content=False) as conn:
                self._vapid = vapid_keys(conn)[0]
        return self._vapid


@dataclass
class _Lease:
    """A round's claim: its token, the rows it still holds, and (monotonic) when the lease
    may have run out unless renewed before."""

    token: str
    ids: list[int]
    seconds: float
    expires: float = field(init=False)
    lost: set[int] = field(default_factory=set)
    over: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.expires = time.monotonic() + self.seconds

    def holds(self, ids: list[int]) -> bool:
        """Whether a delivery of these rows may start now: none was taken by another worker,
        and the lease cannot have run out (a quarter of it kept as margin for the send to
        begin; renewals come every third)."""
        margin = self.seconds / 4
        return not self.lost.intersection(ids) and time.monotonic() < self.expires - margin


@dataclass(frozen=True)
class _Gate:
    slot: asyncio.Semaphore
    lease: _Lease


@asynccontextmanager
async def _contained(item: Claimed) -> AsyncIterator[list[Sent]]:
    """A sender that raises (a bug, an odd answer) fails this alert, not the whole round: it
    is retried like any failure, and the round's other outcomes are still written."""
    outcome: list[Sent] = []
    try:
        yield outcome
    except Exception as error:
        outcome.append(Sent(ok=False, error=f"{item.channel_kind}: {type(error).__name__}"))


async def _sleep_or_stop(seconds: float, stop: asyncio.Event | None) -> None:
    if stop is None:
        await asyncio.sleep(seconds)
        return
    with suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


def run_worker(store: Store, settings: Settings, once: bool = False) -> Totals:
    return asyncio.run(Worker(store, settings).run(once=once))
