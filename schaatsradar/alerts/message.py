"""What one alert says, ready for any channel: the worker builds it from the event, the
reader's language and spoiler setting; channels only carry it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Alert:
    """One alert to one reader. `idempotency_key` is the same on every attempt (the
    `webhook-id`, the e-mail's Message-ID, the push's topic), so a receiver that sees it twice
    knows it is one alert. `payload` is the JSON body webhooks receive; in spoiler-safe mode
    it holds no outcome either."""

    idempotency_key: str
    event_kind: str
    occurred_at: dt.datetime
    title: str
    body: str
    url: str | None
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sent:
    """How one attempt went. `gone`: the destination says it no longer exists (410), so the
    channel is disabled; `retry_after`: seconds the destination asked us to wait."""

    ok: bool
    error: str | None = None
    gone: bool = False
    retry_after: float | None = None
