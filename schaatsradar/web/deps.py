"""What every route needs from the request: the store, and the reader's language."""

from __future__ import annotations

from typing import Literal

from fastapi import Request

from schaatsradar.store import Store

Language = Literal["nl", "en"]


def store(request: Request) -> Store:
    found: Store = request.app.state.store
    return found


def language(request: Request) -> Language:
    """`?lang=en` wins, then the `lang` cookie, then Accept-Language; Dutch by default."""
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    if asked in ("nl", "en"):
        return asked  # type: ignore[return-value]
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().casefold()[:2]
        if code == "nl":
            return "nl"
        if code == "en":
            return "en"
    return "nl"
