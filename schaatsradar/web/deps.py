"""What every route needs from the request: the store, the reader's language, and the site's
own absolute URLs."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from fastapi import Path, Request
from starlette.datastructures import URL

from schaatsradar.store import Store

# A stored row's id in a path: every engine's key fits a signed 32-bit integer, so a larger
# number is refused as bad input (422) instead of reaching PostgreSQL, which fails on it.
RowIdPath = Annotated[int, Path(ge=1, le=2**31 - 1)]

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


def site_base(request: Request) -> str:
    """The site's public address (`SCHAATSRADAR_SITE_URL`, no trailing slash), the start of
    every absolute link we hand out: feeds, iCal, alerts (the API's `next` is relative).

    Never the request's Host header: anyone can send `Host: evil.example`, and an answer
    built from it would be kept by the response cache and served to every reader."""
    base: str = request.app.state.settings.site_url
    return base.rstrip("/")


def public_url(request: Request) -> URL:
    """The URL of this request as the public knows it: the site's address, then this
    request's path and query."""
    site = urlsplit(site_base(request))
    url = request.url
    return url.replace(scheme=site.scheme, netloc=site.netloc, path=site.path + url.path)
