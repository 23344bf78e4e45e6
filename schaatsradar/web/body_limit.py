"""Request bodies have a size limit per route, enforced before they are read.

FastAPI reads and parses a whole JSON or form body before any dependency runs, so without a
limit an anonymous 300 MB POST to /api/v1/me/follows was held in memory before its 401. This
ASGI middleware sits in front of the app and

- answers 401 at once to a write under /api/v1/me that carries no credentials at all (no
  Authorization header, no session cookie): nothing of its body is read;
- answers 413 at once when Content-Length exceeds the route's limit;
- counts the bytes of a body sent without a length (chunked) as the app reads them, and
  answers 413 as soon as the count passes the limit, reading no further.

Uvicorn stops reading a request from the socket while the app is not asking for more, so a
refused body costs at most the limit plus one socket buffer. The connection is closed after a
413: the rest of the body is never read.

The limits are settings: `max_body_bytes` for forms and JSON writes, `max_article_post_bytes`
for the article-ingest post (one whole article).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schaatsradar.settings import Settings
from schaatsradar.web.api_http import ApiError
from schaatsradar.web.sessions import SESSION_COOKIE

API = "/api/"
PERSONAL_API = "/api/v1/me"
ARTICLE_POST = ("POST", "/api/v1/articles")
SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
NO_CREDENTIALS = (  # the words of api_me.reader, which answers the same case after the body
    "sign in, or send 'Authorization: Bearer <personal token>' (make one at /mijn/tokens)"
)


class BodyTooLarge(Exception):
    """Raised into the app from `receive` once the body passed its limit (already answered)."""


def limit_for(method: str, path: str, settings: Settings) -> tuple[int, str]:
    """The largest body this route takes, and the setting that says so."""
    if (method, path.rstrip("/")) == ARTICLE_POST:
        return settings.max_article_post_bytes, "SCHAATSRADAR_MAX_ARTICLE_POST_BYTES"
    return settings.max_body_bytes, "SCHAATSRADAR_MAX_BODY_BYTES"


def too_large(path: str, limit: int, setting: str) -> Response:
    headers = {"Connection": "close"}
    if path.startswith(API):
        message = f"the request body is larger than {limit} bytes (the limit is {setting})"
        return ApiError(413, "too_large", message, headers=headers).response()
    return PlainTextResponse(
        f"Dit verzoek is te groot: meer dan {limit} bytes.\n"
        f"This request is too large: more than {limit} bytes.\n",
        status_code=413,
        headers=headers,
    )


def _has_credentials(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"authorization" and value.strip():
            return True
        if name == b"cookie" and SESSION_COOKIE.encode() + b"=" in value:
            return True
    return False


class BodyLimit:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        personal = path == PERSONAL_API or path.startswith(PERSONAL_API + "/")
        if personal and not _has_credentials(scope):
            headers = {"WWW-Authenticate": 'Bearer realm="schaatsradar"', "Connection": "close"}
            refusal = ApiError(401, "unauthorized", NO_CREDENTIALS, headers=headers)
            await refusal.response()(scope, receive, send)
            return
        limit, setting = limit_for(scope["method"], path, self.settings)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await too_large(path, limit, setting)(scope, receive, send)
            return
        await self._counted(scope, receive, send, limit, setting)

    async def _counted(
        self, scope: Scope, receive: Receive, send: Send, limit: int, setting: str
    ) -> None:
        received = 0
        started = False
        answered = False

        async def counting_receive() -> Message:
            nonlocal received, answered
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started:
                        answered = True
                        await too_large(scope["path"], limit, setting)(scope, receive, send)
                    raise BodyTooLarge(f"request body over {limit} bytes")
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if answered:
                return  # the 413 went out; whatever the app makes of the error is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watched_send)
        except Exception:
            if not answered:  # BodyTooLarge, or the app's error made of it: already answered
                raise


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.strip().isdigit() else None
    return None


def document_limits(app: FastAPI) -> None:
    """Every write in the OpenAPI schema lists the 413 this middleware may answer (a route's
    own 413, such as the article post's, is kept)."""
    make_schema = app.openapi

    def openapi() -> dict[str, Any]:
        schema = make_schema()
        too_large_answer = {
            "description": "The body is larger than SCHAATSRADAR_MAX_BODY_BYTES",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
        }
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                if method.upper() not in SAFE and isinstance(operation, dict):
                    operation.setdefault("responses", {}).setdefault("413", too_large_answer)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
