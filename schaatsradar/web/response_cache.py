"""Public GET answers kept in memory for as long as the data they were made from is unchanged.

Almost every request a news site gets is a read of the same few pages, and the data behind
them changes only when an ingest, a reconciliation or an API write commits. Every such commit
raises the store's data version (`store.data_version`), so a kept answer is good exactly while
the version it was made at is still current: one one-row query per request decides it, in
this process or after a commit by another one (`schaatsradar ingest` from the command line,
or another `schaatsradar serve` process on the same database). On PostgreSQL that query is
made off the event loop and shared by the requests waiting at once (`shared_read`).

Only answers that are the same for every reader are kept: no Authorization header, no
cookies but the language choice, a 200 without Set-Cookie and not marked private. The key
holds everything else an answer may vary on (path, query, Accept-Language, the language
cookie, htmx's HX-Request), and the Host the request named: absolute links come from
`SCHAATSRADAR_SITE_URL`, never from Host, but should one ever be made from the request, a
forged Host still reaches only the one who forged it. An answer whose `Vary` names a header
the key does not hold is not kept. `If-None-Match` is answered from the kept copy's ETag; a
request with only `If-Modified-Since` goes to the app, which knows its dates.

An ASGI middleware rather than a FastAPI dependency so that a hit skips routing, validation
and the thread pool: that is what lets a read approach the bare server's rate.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schaatsradar.web.shared_read import SharedRead

MAX_ENTRIES = 2048
MAX_ENTRY_BYTES = 1 << 20
MAX_TOTAL_BYTES = 128 << 20
_VARIES_ON = (b"accept-language", b"hx-request", b"host")
_KEYED = frozenset({*_VARIES_ON, b"cookie"})  # a Vary naming anything else: not kept
_BYPASS_HEADERS = (b"authorization", b"if-modified-since")
_KEPT_ON_304 = frozenset(
    {
        b"etag",
        b"cache-control",
        b"vary",
        b"link",
        b"access-control-allow-origin",
        b"access-control-expose-headers",
    }
)
_PUBLIC_COOKIES = frozenset({"lang"})

Key = tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class Kept:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None


class ResponseCache:
    def __init__(
        self,
        app: ASGIApp,
        data_version: Callable[[], int],
        max_entries: int = MAX_ENTRIES,
        max_total_bytes: int = MAX_TOTAL_BYTES,
        off_loop: bool = False,
    ) -> None:
        self.app = app
        self.data_version = data_version
        self.shared = SharedRead(data_version) if off_loop else None
        self.max_entries = max_entries
        self.max_total_bytes = max_total_bytes
        self.entries: OrderedDict[Key, Kept] = OrderedDict()
        self.total_bytes = 0
        self.version: int | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _key(scope) if scope["type"] == "http" and scope["method"] == "GET" else None
        if key is None:
            await self.app(scope, receive, send)
            return
        version = await self._current_version()
        kept = self.entries.get(key)
        if kept is not None:
            self.entries.move_to_end(key)
            await _answer(kept, _if_none_match(scope), send)
            return
        await self._fill(key, version, scope, receive, send)

    async def _current_version(self) -> int:
        version = await self.shared() if self.shared is not None else self.data_version()
        if version != self.version:
            self.entries.clear()
            self.total_bytes = 0
            self.version = version
        return version

    async def _fill(
        self, key: Key, version: int, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Run the app for the whole answer (conditions removed), keep it if it may be kept,
        then answer this request's condition from it."""
        conditional = _if_none_match(scope)
        plain = dict(scope)
        plain["headers"] = [(n, v) for n, v in scope["headers"] if n != b"if-none-match"]
        start: Message | None = None
        chunks: list[bytes] = []
        keepable = True

        async def capture(message: Message) -> None:
            # Without a condition the answer streams on as it comes and a copy is taken; with
            # one it is held back, since it may end as a 304 made from the copy.
            nonlocal start, keepable
            holding = conditional is not None
            if message["type"] == "http.response.start":
                start = message
                keepable = _may_keep(message)
                if not (keepable and holding):
                    await send(message)
                return
            if message["type"] != "http.response.body" or not keepable:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False) or sum(map(len, chunks)) > MAX_ENTRY_BYTES:
                keepable = False  # streaming or too big: not kept, passed on as it comes
                if holding and start is not None:
                    await send(start)
                    message = {**message, "body": b"".join(chunks)}
                chunks.clear()
                await send(message)
            elif not holding:
                await send(message)

        await self.app(plain, receive, capture)
        if not keepable or start is None:
            return
        headers = list(start.get("headers", []))
        body = b"".join(chunks)
        etag = next((value for name, value in headers if name.lower() == b"etag"), None)
        kept = Kept(headers, body, etag)
        if version == self.version:
            self._keep(key, kept)
        if conditional is not None:
            await _answer(kept, conditional, send)

    def _keep(self, key: Key, kept: Kept) -> None:
        self.entries[key] = kept
        self.total_bytes += len(kept.body)
        while len(self.entries) > self.max_entries or self.total_bytes > self.max_total_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.total_bytes -= len(dropped.body)


def _key(scope: Scope) -> Key | None:
    """What the answer may vary on, or None when it may be personal (or conditional on a date)."""
    path: str = scope["path"]
    if path.startswith("/static/"):
        return None  # files: StaticFiles answers them cheaply and with its own validators
    varies: dict[bytes, bytes] = {}
    language = b""
    for name, value in scope["headers"]:
        if name in _BYPASS_HEADERS:
            return None
        if name == b"cookie":
            chosen = _language_cookie(value)
            if chosen is None:
                return None
            language = chosen
        elif name in _VARIES_ON:
            varies[name] = value
    return (
        path.encode(),
        scope.get("query_string", b""),
        language,
        *(varies.get(name, b"") for name in _VARIES_ON),
    )


def _language_cookie(header: bytes) -> bytes | None:
    """The `lang` cookie's value (b"" if absent), or None when other cookies are sent."""
    cookies: SimpleCookie = SimpleCookie()
    try:
        cookies.load(header.decode("latin-1"))
    except CookieError:
        return None
    if set(cookies) - _PUBLIC_COOKIES:
        return None
    return cookies["lang"].value.encode() if "lang" in cookies else b""


def _may_keep(start: Message) -> bool:
    if start["status"] != 200:
        return False
    for name, value in start.get("headers", []):
        lowered = name.lower()
        if lowered == b"set-cookie":
            return False
        if lowered == b"cache-control" and (b"private" in value or b"no-store" in value):
            return False
        if lowered == b"vary" and not _vary_is_keyed(value):
            return False
    return True


def _vary_is_keyed(vary: bytes) -> bool:
    names = {name.strip().lower() for name in vary.split(b",") if name.strip()}
    return names <= _KEYED


def _if_none_match(scope: Scope) -> bytes | None:
    for name, value in scope["headers"]:
        if name == b"if-none-match":
            return value
    return None


def _matches(condition: bytes, etag: bytes) -> bool:
    if condition.strip() == b"*":
        return True
    plain = etag.removeprefix(b"W/")
    return any(tag.strip().removeprefix(b"W/") == plain for tag in condition.split(b","))


async def _answer(kept: Kept, condition: bytes | None, send: Send) -> None:
    if condition is not None and kept.etag is not None and _matches(condition, kept.etag):
        headers = [(n, v) for n, v in kept.headers if n.lower() in _KEPT_ON_304]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
    await send({"type": "http.response.body", "body": kept.body})
