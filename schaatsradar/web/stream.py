"""`/api/v1/stream`: a reader's alerts, live, to their open pages (server-sent events).

The page's EventSource reconnects by itself; what it missed meanwhile is still in the outbox
(the `stream` channel every account has), so nothing is lost between two connections. An
alert is marked delivered only after it was written to the connection; a page that closes
mid-write gets it again next time, with the same `id:` for it to recognise.

No database work runs on the event loop: a poll waits for the database (an ingest holds
SQLite's write lock for seconds) in a thread of its own small pool, so every other request
is served meanwhile. A poll reads first and takes the write lock only when an alert is due.
HEAD answers the headers only: it reads and marks nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from schaatsradar.accounts.operations import personal_token_owner
from schaatsradar.alerts.worker import alert_for, utc_now, waiting
from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox
from schaatsradar.store.outbox import Claimed, Done
from schaatsradar.web.head import is_head
from schaatsradar.web.sessions import current_viewer

router = APIRouter(include_in_schema=False)
POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 15.0
LEASE = dt.timedelta(seconds=30)
BATCH = 50
KINDS = ("stream",)
HEADERS = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}


def _reader(request: Request) -> int | None:
    viewer = current_viewer(request)
    if viewer is not None:
        return viewer.user_id
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token:
        owner = personal_token_owner(request.app.state.store, token.strip())
        if owner is not None:
            return owner.id
    return None


@router.get("/api/v1/stream", response_model=None)
async def stream(request: Request) -> Response:
    """Server-sent events: one `alert` event per alert (`id` = its idempotency key, `data` the
    alert as JSON), a comment line every 15 s to keep proxies from closing the connection."""
    user_id = await anyio.to_thread.run_sync(_reader, request, limiter=_threads(request))
    if user_id is None:
        return JSONResponse(
            {
                "error": {
                    "code": "unauthorized",
                    "message": "sign in, or send a personal token (Authorization: Bearer …)",
                    "problems": [],
                }
            },
            status_code=401,
            headers={"Cache-Control": "no-store"},
        )
    if is_head(request):  # a probe, not a page: nothing is read or marked
        return Response(media_type="text/event-stream", headers=HEADERS)
    return StreamingResponse(
        _events(request, request.app.state.store, user_id),
        media_type="text/event-stream",
        headers=HEADERS,
    )


def _threads(request: Request) -> anyio.CapacityLimiter:
    """The streams' own threads for the database (`stream_threads`): open pages waiting out
    a write lock never take the threads the rest of the site runs on."""
    state = request.app.state
    limiter = getattr(state, "stream_threads", None)
    if limiter is None:
        settings: Settings = state.settings
        limiter = state.stream_threads = anyio.CapacityLimiter(settings.stream_threads)
    return limiter


async def _events(request: Request, store: Store, user_id: int) -> AsyncIterator[bytes]:
    limiter = _threads(request)

    async def in_thread(work: Any, *args: Any) -> Any:
        return await anyio.to_thread.run_sync(work, *args, limiter=limiter)

    yield b"retry: 2000\n\n"
    quiet_for = 0.0
    while not await request.is_disconnected():
        token = uuid.uuid4().hex
        now, claimed = await in_thread(_claim, store, user_id, token)
        if claimed:
            held = waiting(claimed, now)
            skip = {d.id for d in held}
            sent: list[Done] = list(held)
            for item in claimed:
                if item.id in skip:
                    continue
                yield _event(item)
                sent.append(Done(item.id, "delivered"))
            await in_thread(_finish, store, sent, token)
            quiet_for = 0.0
            continue
        await asyncio.sleep(POLL_SECONDS)
        quiet_for += POLL_SECONDS
        if quiet_for >= HEARTBEAT_SECONDS:
            quiet_for = 0.0
            yield b": still here\n\n"


def _claim(store: Store, user_id: int, token: str) -> tuple[dt.datetime, list[Claimed]]:
    now = utc_now()
    with store.read() as conn:
        if not outbox.any_due(conn, now, KINDS, user_id):
            return now, []
    with store.write(changes_content=False) as conn:
        return now, outbox.claim(conn, now, BATCH, LEASE, token, kinds=KINDS, user_id=user_id)


def _finish(store: Store, sent: list[Done], token: str) -> None:
    with store.write(changes_content=False) as conn:
        outbox.finish(conn, sent, utc_now(), token)


def _event(item: Claimed) -> bytes:
    alert = alert_for(item, "")
    data = {
        "id": alert.idempotency_key,
        "kind": alert.event_kind,
        "title": alert.title,
        "body": alert.body,
        "url": alert.url,
    }
    return (
        f"id: {alert.idempotency_key}\nevent: alert\n"
        f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
    ).encode()
