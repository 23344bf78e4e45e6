"""`/api/v1/stream`: a reader's alerts, live, to their open pages (server-sent events).

The page's EventSource reconnects by itself; what it missed meanwhile is still in the outbox
(the `stream` channel every account has), so nothing is lost between two connections. An
alert is marked delivered only after it was written to the connection; a page that closes
mid-write gets it again next time, with the same `id:` for it to recognise."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from schaatsradar.accounts.operations import personal_token_owner
from schaatsradar.alerts.worker import alert_for, utc_now, waiting
from schaatsradar.settings import Settings
from schaatsradar.store import Store, outbox
from schaatsradar.store.outbox import Done
from schaatsradar.web.sessions import current_viewer

router = APIRouter(include_in_schema=False)
POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 15.0
LEASE = dt.timedelta(seconds=30)
BATCH = 50


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
    user_id = _reader(request)
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
    store: Store = request.app.state.store
    settings: Settings = request.app.state.settings
    return StreamingResponse(
        _events(request, store, settings, user_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _events(
    request: Request, store: Store, settings: Settings, user_id: int
) -> AsyncIterator[bytes]:
    yield b"retry: 2000\n\n"
    quiet_for = 0.0
    while not await request.is_disconnected():
        now = utc_now()
        token = uuid.uuid4().hex
        with store.write(changes_content=False) as conn:
            claimed = outbox.claim(
                conn, now, BATCH, LEASE, token, kinds=("stream",), user_id=user_id
            )
        if claimed:
            held = waiting(claimed, now)
            skip = {d.id for d in held}
            sent: list[Done] = list(held)
            for item in claimed:
                if item.id in skip:
                    continue
                alert = alert_for(item, "")
                data = {
                    "id": alert.idempotency_key,
                    "kind": alert.event_kind,
                    "title": alert.title,
                    "body": alert.body,
                    "url": alert.url,
                }
                yield (
                    f"id: {alert.idempotency_key}\nevent: alert\n"
                    f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
                ).encode()
                sent.append(Done(item.id, "delivered"))
            with store.write(changes_content=False) as conn:
                outbox.finish(conn, sent, utc_now(), token)
            quiet_for = 0.0
            continue
        await asyncio.sleep(POLL_SECONDS)
        quiet_for += POLL_SECONDS
        if quiet_for >= HEARTBEAT_SECONDS:
            quiet_for = 0.0
            yield b": still here\n\n"
