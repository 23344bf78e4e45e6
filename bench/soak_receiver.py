"""The soak's webhook receiver (its own process, under uvicorn): an unreliable reader's server.

Each POST to /hook/<reader> is, by a seeded draw, accepted (204), refused with a 500 (the
SOAK_FAIL share), or stalled (the SOAK_STALL share): held for SOAK_STALL_SECONDS, longer than
the worker waits, then answered 503. Only accepted posts count as delivered, by their
`webhook-id` (the alert's idempotency key), so the soak can tell an alert never accepted (lost)
from one accepted twice (repeated). GET /stats answers the counts as JSON.

A separate module so the receiver's process imports nothing but the standard library.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections import Counter
from typing import Any


def receiver_app() -> Any:
    fail = float(os.environ.get("SOAK_FAIL", "0.2"))
    stall = float(os.environ.get("SOAK_STALL", "0.05"))
    stall_seconds = float(os.environ.get("SOAK_STALL_SECONDS", "4"))
    draw = random.Random(int(os.environ.get("SOAK_SEED", "2026")))
    accepted: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()

    async def respond(send: Any, status: int, body: bytes = b"") -> None:
        try:
            await send({"type": "http.response.start", "status": status, "headers": []})
            await send({"type": "http.response.body", "body": body})
        except OSError:  # the worker gave up on a stalled post and closed the connection
            counts["closed before the answer"] += 1

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        if scope["method"] == "GET":
            stats = {"accepted": accepted, "counts": counts}
            await respond(send, 200, json.dumps(stats).encode())
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        key = dict(scope["headers"]).get(b"webhook-id", b"").decode()
        counts["posts"] += 1
        chance = draw.random()
        if chance < stall:
            counts["stalled"] += 1
            await asyncio.sleep(stall_seconds)
            await respond(send, 503)
        elif chance < stall + fail:
            counts["refused (500)"] += 1
            await respond(send, 500)
        else:
            accepted.setdefault(scope["path"], Counter())[key] += 1
            await respond(send, 204)

    return app
