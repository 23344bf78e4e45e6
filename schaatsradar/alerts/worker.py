"""`schaatsradar worker`: claims due alerts from the outbox, sends them, writes back how it
went. At least once: a delivery is marked delivered only after the receiver said 2xx, and
one claimed by a worker that died is due again when its lease ends. Never twice to one person
for one event: the outbox holds one row per (event, channel), and every attempt carries the
same idempotency key (`webhook-id`, Message-ID, push Topic) for the receiver to deduplicate.

One round: claim a batch (one transaction), decide what waits (spoiler hold, quiet hours),
send the rest concurrently over one keep-alive pool, write the outcomes (one transaction).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field, replace

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
    rounds: int = 0
    errors: list[str] = field(default_factory=list)

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
            if item.error and len(self.errors) < 20:
                self.errors.append(item.error)


def backoff(attempt: int, settings: Settings, asked: float | None = None) -> float:
    """Seconds before attempt `attempt + 1`: doubling from the base up to the cap, drawn from
    the upper half so a crowd of failed alerts does not come back at one instant; a
    receiver's own Retry-After is honoured when it asks for longer."""
    ceiling = min(
        settings.alert_retry_max_seconds,
        settings.alert_retry_base_seconds * 2 ** max(0, attempt - 1),
    )
    wait = random.uniform(ceiling / 2, ceiling)
    return max(wait, asked or 0.0)


def waiting(claimed: list[Claimed], now: dt.datetime) -> list[Done]:
    """Held outcomes (spoiler "hold") and e-mail in quiet hours: due again later, with no
    attempt spent. Open pages (`stream`) follow the same hold."""
    done = []
    for item in claimed:
        until = None
        if item.spoiler_mode == "hold" and is_outcome(item.event_kind, item.payload):
            release = held_until(item.occurred_at, item.spoiler_release, item.timezone)
            if release is not None and now < release:
                until = release
        if until is None and item.channel_kind == "email":
            until = quiet_until(now, item.quiet_start, item.quiet_end, item.timezone)
        if until is not None:
            done.append(Done(item.id, "pending", due_at=until))
    return done


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
        with self.store.write(changes_content=False) as conn:
            claimed = outbox.claim(conn, now, self.settings.worker_batch, self.lease)
        if not claimed:
            return 0
        done = waiting(claimed, now)
        later = {d.id for d in done}
        ready = [c for c in claimed if c.id not in later]
        done += await self._send_all(client, ready, now)
        with self.store.write(changes_content=False) as conn:
            outbox.finish(conn, done, self.clock())
        totals.rounds += 1
        totals.add(done)
        return len(claimed)

    async def _send_all(
        self, client: WebhookClient, ready: list[Claimed], now: dt.datetime
    ) -> list[Done]:
        gate = asyncio.Semaphore(SENDS_AT_ONCE)
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
        self, gate: asyncio.Semaphore, client: WebhookClient, item: Claimed, now: dt.datetime
    ) -> list[Done]:
        async with gate, _contained(item) as outcome:
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

    async def _digest(
        self, gate: asyncio.Semaphore, items: list[Claimed], now: dt.datetime
    ) -> list[Done]:
        """Every due e-mail alert of one channel in one message (a digest when several)."""
        async with gate, _contained(items[0]) as outcome:
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
