"""The soak's simulated people, all in one asyncio process on httpx: readers browsing, the
alert streams their open pages hold, and sign-in attempts. Each request is timed and its
answer tallied; the soak (soak_bench.py) starts the processes these talk to.

Cached or not is told from outside, by the store's data version (one cheap read before and
after each public request): the server keeps a public answer until the next content-changing
commit, so a request for a path already answered at the current version, with no commit
while it ran, is answered from the kept copy; any other public request is rendered. Readers
browse public pages without cookies (a visitor, or a second tab), so that split is the
server's own. Their personal pages (/mijn, /api/v1/me/...) are never kept: uncached.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import http.cookiejar
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from schaatsradar.web.response_cache import MAX_ENTRY_BYTES
from schaatsradar.web.sessions import SESSION_COOKIE

PASSWORD = "soak-wachtwoord-op-natuurijs"
WRONG_PASSWORD = "niet-het-goede-wachtwoord"
# Public page kinds and how often a reader opens each; "mine" is the reader's own feed or
# follows (signed in), "follow" follows one more skater (an API write).
PAGES = {
    "home": 18,
    "skater": 18,
    "race": 12,
    "records": 6,
    "calendar": 6,
    "search": 10,
    "API": 14,
    "atom": 6,
    "mine": 8,
    "follow": 2,
}
SEARCH_WORDS = ("wereldbeker", "500 meter", "record", "massastart", "ploegenachtervolging")
SIGN_IN_IN_FLIGHT = 8  # at most this many sign-ins waiting at once; later ticks are skipped


class NoCookies(http.cookiejar.DefaultCookiePolicy):
    """Keep no cookie an answer sets: a visitor without cookies may be answered from the cache,
    and personal requests name their session or token themselves."""

    def set_ok(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return False


def client(url: str, connections: int, read_timeout: float | None = 30.0) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(
        base_url=url,
        timeout=httpx.Timeout(30.0, read=read_timeout),
        limits=limits,
        cookies=http.cookiejar.CookieJar(NoCookies()),
        headers={"Accept-Language": "nl"},
    )


@dataclass
class Account:
    number: int
    email: str
    user_id: int = 0
    session: str = ""
    token: str = ""
    follows: list[str] = field(default_factory=list)

    @property
    def cookie(self) -> dict[str, str]:
        return {"Cookie": f"{SESSION_COOKIE}={self.session}"}

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass(frozen=True)
class Catalog:
    """What there is to browse: skater slugs (most results first), meet ids, search words."""

    skaters: list[str]
    meets: list[int]
    words: list[str]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


@dataclass
class Tally:
    """Every answer, by what kind of request it was; timings in ms by (class, kind)."""

    timings: defaultdict[tuple[str, str], list[float]] = field(
        default_factory=lambda: defaultdict(list)
    )
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: Counter[str] = field(default_factory=Counter)
    error_bodies: list[str] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)
    limited: Counter[str] = field(default_factory=Counter)
    unexpected: Counter[str] = field(default_factory=Counter)
    skipped_sign_ins: int = 0

    async def request(
        self,
        http: httpx.AsyncClient,
        method: str,
        kind: str,
        path: str,
        expected: tuple[int, ...] = (200,),
        **options: Any,
    ) -> tuple[float, httpx.Response | None]:
        started = time.perf_counter()
        try:
            response = await http.request(method, path, **options)
        except httpx.HTTPError as error:
            self.failures[f"{kind}: {type(error).__name__}"] += 1
            return (time.perf_counter() - started) * 1000, None
        self.answered(kind, method, path, response.status_code, expected, response.text)
        return (time.perf_counter() - started) * 1000, response

    def answered(
        self, kind: str, method: str, path: str, status: int, expected: tuple[int, ...], body: str
    ) -> None:
        self.statuses[status] += 1
        if status >= 500:
            self.server_errors[f"{status} {method} {kind}"] += 1
            if len(self.error_bodies) < 5:
                self.error_bodies.append(f"{status} {method} {path}: {body[:200]!r}")
        elif status == 429:
            self.limited[kind] += 1
        elif status not in expected:
            self.unexpected[f"{status} {method} {kind}"] += 1


def keepable(response: httpx.Response) -> bool:
    """Whether the server's response cache keeps this answer (as web/response_cache decides):
    a 200 without Set-Cookie, neither private nor no-store, at most MAX_ENTRY_BYTES."""
    control = response.headers.get("cache-control", "")
    return (
        response.status_code == 200
        and "set-cookie" not in response.headers
        and "private" not in control
        and "no-store" not in control
        and len(response.content) <= MAX_ENTRY_BYTES
    )


class Browsing:
    """The readers' page views, with the cached/uncached split (see the module's doc)."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        catalog: Catalog,
        tally: Tally,
        version: Callable[[], int],
        ingesting: Callable[[], bool],
    ) -> None:
        self.http = http
        self.catalog = catalog
        self.tally = tally
        self.version = version
        self.ingesting = ingesting
        self.kept: dict[str, int] = {}  # path -> the data version it was last answered at
        # One thread: the version reader's one connection is never used by two at once.
        self.version_thread = ThreadPoolExecutor(1, thread_name_prefix="data-version")
        # Cached answers' timings by whether an ingest process ran meanwhile: what a hit costs
        # with and without a writer on the database and the cores.
        self.cached_by_ingest: defaultdict[str, list[float]] = defaultdict(list)

    async def reader(self, account: Account, until: float, think: float, seed: int) -> None:
        rng = random.Random(seed)
        kinds, weights = list(PAGES), list(PAGES.values())
        while (left := until - time.monotonic()) > 0:
            await asyncio.sleep(min(rng.expovariate(1 / think), 5 * think, left))
            if time.monotonic() >= until:
                return
            kind = rng.choices(kinds, weights)[0]
            if kind == "mine":
                await self.mine(account, rng)
            elif kind == "follow":
                await self.follow(account, rng.choice(self.catalog.skaters))
            else:
                await self.public(kind, self.path(kind, rng))

    def path(self, kind: str, rng: random.Random) -> str:
        skaters = self.catalog.skaters
        # Some skaters are looked up far more than others (1/rank), as on a real site.
        slug = rng.choices(skaters, [1 / (rank + 1) for rank in range(len(skaters))])[0]
        meet = rng.choice(self.catalog.meets)
        word = quote(rng.choice(self.catalog.words))
        choices = {
            "home": ["/"],
            "skater": [f"/schaatsers/{slug}"],
            "race": [f"/wedstrijden/{meet}"],
            "records": ["/records"],
            "calendar": ["/kalender"],
            "search": [f"/zoeken?q={word}"],
            "API": [
                f"/api/v1/articles?athlete={slug}",
                f"/api/v1/skaters/{slug}",
                f"/api/v1/results?skater={slug}",
                f"/api/v1/competitions/{meet}",
                f"/api/v1/search?q={word}",
            ],
            "atom": ["/atom", f"/schaatsers/{slug}/atom"],
        }[kind]
        return rng.choice(choices)

    async def read_version(self) -> int:
        """The data version, read in a thread of its own: on PostgreSQL it is a round trip,
        and waiting for it on this event loop would add its time to every other reader's
        request in flight (most of all while an ingest keeps the database busy)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.version_thread, self.version)

    async def public(self, kind: str, path: str) -> None:
        before = await self.read_version()
        was_kept = self.kept.get(path) == before
        ingesting = self.ingesting()
        ms, response = await self.tally.request(self.http, "GET", kind, path)
        after = await self.read_version()
        ingesting = ingesting or self.ingesting()
        if response is None:
            return
        if keepable(response) and before == after:
            self.kept[path] = after
        cached = was_kept and before == after and keepable(response)
        self.tally.timings["cached" if cached else "uncached", kind].append(ms)
        if cached:
            during = "an ingest ran" if ingesting else "no ingest ran"
            self.cached_by_ingest[during].append(ms)

    async def mine(self, account: Account, rng: random.Random) -> None:
        if rng.random() < 0.5:
            ms, _ = await self.tally.request(
                self.http, "GET", "mine", "/mijn", headers=account.cookie
            )
        else:
            path = "/api/v1/me/follows"
            ms, _ = await self.tally.request(self.http, "GET", "mine", path, headers=account.bearer)
        self.tally.timings["uncached", "mine"].append(ms)

    async def follow(self, account: Account, slug: str) -> None:
        body = {"kind": "skater", "value": slug}
        ms, response = await self.tally.request(
            self.http,
            "POST",
            "follow",
            "/api/v1/me/follows",
            (201,),
            json=body,
            headers=account.bearer,
        )
        self.tally.timings["uncached", "follow"].append(ms)
        if response is not None and response.status_code == 201 and slug not in account.follows:
            account.follows.append(slug)


@dataclass
class Streams:
    """The open pages' /api/v1/stream connections: alert ids each reader's pages received."""

    http: httpx.AsyncClient
    tally: Tally
    seen: Counter[tuple[int, str]] = field(default_factory=Counter)  # (reader, alert id)
    opened: int = 0
    holders: set[int] = field(default_factory=set)  # readers with a page open
    ended: Counter[str] = field(default_factory=Counter)  # why a connection ended early

    async def hold(self, account: Account) -> None:
        """One page's EventSource: reconnects (after 2 s, as the server's `retry:` says) until
        cancelled at the end of the soak."""
        self.holders.add(account.number)
        while True:
            try:
                async with self.http.stream(
                    "GET", "/api/v1/stream", headers=account.bearer
                ) as response:
                    self.opened += 1
                    status = response.status_code
                    self.tally.answered("stream", "GET", "/api/v1/stream", status, (200,), "")
                    if status == 200:
                        async for line in response.aiter_lines():
                            if line.startswith("id: "):
                                self.seen[account.number, line[4:]] += 1
                    self.ended[f"closed by the server ({status})"] += 1
            except httpx.HTTPError as error:
                self.tally.failures[f"stream: {type(error).__name__}"] += 1
                self.ended[type(error).__name__] += 1
            await asyncio.sleep(2)


async def sign_ins(
    http: httpx.AsyncClient,
    origin: str,
    accounts: list[Account],
    per_second: float,
    until: float,
    tally: Tally,
) -> None:
    """Sign-in attempts at a steady rate, one in three with the right password; a new attempt
    does not wait for a slow one (up to SIGN_IN_IN_FLIGHT waiting)."""
    waiting: set[asyncio.Task[None]] = set()

    async def attempt(number: int) -> None:
        account = accounts[number % len(accounts)]
        right = number % 3 == 0
        kind = "sign-in right" if right else "sign-in wrong"
        form = {
            "email": account.email,
            "password": PASSWORD if right else WRONG_PASSWORD,
            "next": "/mijn",
        }
        ms, response = await tally.request(
            http,
            "POST",
            kind,
            "/account/inloggen",
            (303,) if right else (400,),
            data=form,
            headers={"Origin": origin},
        )
        if response is not None:
            limited = response.status_code == 429
            tally.timings["sign-in", "sign-in 429" if limited else kind].append(ms)

    number = 0
    next_at = time.monotonic()
    while next_at < until:
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        if len(waiting) >= SIGN_IN_IN_FLIGHT:
            tally.skipped_sign_ins += 1
        else:
            task = asyncio.create_task(attempt(number))
            waiting.add(task)
            task.add_done_callback(waiting.discard)
        number += 1
        next_at += 1 / per_second
    if waiting:
        await asyncio.gather(*waiting)


# -- accounts, made the way a browser and an API client make them ----------------------------


class Mailbox:
    """The site's outgoing mail, as an SMTP server (aiosmtpd) takes it: the newest link with a
    token (`?t=`) each address was sent, as a path and query."""

    def __init__(self) -> None:
        self.links: dict[str, str] = {}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                found = re.search(r"https?://\S+\?t=\S+", part.get_content())
                if found:
                    link = urlsplit(found.group(0))
                    for address in envelope.rcpt_tos:
                        self.links[address] = f"{link.path}?{link.query}"
        return "250 OK"

    async def link_to(self, address: str) -> str:
        for _ in range(300):
            if address in self.links:
                return self.links.pop(address)
            await asyncio.sleep(0.1)
        raise RuntimeError(f"no mail with a link to {address} in 30 s")


async def open_account(
    http: httpx.AsyncClient, origin: str, account: Account, mailbox: Mailbox
) -> None:
    """Register as a fan does: the form (a post from the site's page), then the mailed link's
    page and its button, whose answer signs in (the session cookie)."""
    form = {"email": account.email, "password": PASSWORD, "next": "/mijn"}
    asked = await http.post("/account/registreren", data=form, headers={"Origin": origin})
    if asked.status_code != 200:
        raise RuntimeError(f"registering {account.email}: {asked.status_code}")
    page = await http.get(await mailbox.link_to(account.email))
    token = re.search(r'name="t" value="([^"]+)"', page.text)
    action = re.search(r'<form class="account-form" method="post" action="([^"]+)"', page.text)
    if page.status_code != 200 or token is None or action is None:
        raise RuntimeError(f"the confirmation page for {account.email}: {page.status_code}")
    confirmed = await http.post(
        action.group(1), data={"t": token.group(1)}, headers={"Origin": origin}
    )
    if confirmed.status_code != 303 or SESSION_COOKIE not in confirmed.cookies:
        raise RuntimeError(f"confirming {account.email}: {confirmed.status_code}")
    account.session = confirmed.cookies[SESSION_COOKIE]


async def equip_reader(
    http: httpx.AsyncClient, account: Account, receiver: str, follows: list[str]
) -> None:
    """A personal token (from /mijn/tokens), a webhook to the receiver, and the follows."""
    page = await http.get("/mijn", headers=account.cookie)
    found = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
    if page.status_code != 200 or found is None:
        raise RuntimeError(f"/mijn for {account.email}: {page.status_code}")
    fields = {"name": "soak", "scope": "api", "csrf_token": found.group(1)}
    made = await http.post("/mijn/tokens", data=fields, headers=account.cookie)
    token = re.search(r'<p class="secret">(srp_[^<]+)</p>', made.text)
    if token is None:
        raise RuntimeError(f"no personal token for {account.email}: {made.status_code}")
    account.token = token.group(1)
    hook = {"kind": "webhook", "target": f"{receiver}/hook/{account.number}"}
    answer = await http.post("/api/v1/me/channels", json=hook, headers=account.bearer)
    if answer.status_code != 201:
        raise RuntimeError(f"webhook for {account.email}: {answer.status_code} {answer.text}")
    for slug in follows:
        body = {"kind": "skater", "value": slug}
        answer = await http.post("/api/v1/me/follows", json=body, headers=account.bearer)
        if answer.status_code != 201:
            raise RuntimeError(f"follow {slug}: {answer.status_code} {answer.text}")
        account.follows.append(slug)
    me = await http.get("/api/v1/me", headers=account.bearer)
    account.user_id = int(me.json()["id"])
