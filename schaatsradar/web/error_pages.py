"""Errors as the reader meets them: a page of the site (its layout, menu and search, in the
reader's language) for every error outside the API, and the API's JSON error shape for
every error under `/api/`.

Three ways an error arises, each handled here:

- an `HTTPException` (no route at a path, a method a page does not take, a form refused):
  an exception handler, so the answer passes the site's middleware (CSP and the rest);
- a query parameter a page cannot take (FastAPI's `RequestValidationError`): the same;
- anything else (a bug): `ServerErrorPage`, an ASGI middleware inside the security headers,
  answers a 500 page and then lets the exception go on, so that the server logs it and a
  test client can raise it. Starlette's own last-resort handler sits outside all middleware,
  so its 500 would carry no CSP; and it answers plain text.

The 500 page is made without touching the database (the reader's session is not looked up
again), since a failing database is one of the things that end up here.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schaatsradar.web import deps
from schaatsradar.web.api_http import ApiError, invalid
from schaatsradar.web.i18n import N_
from schaatsradar.web.rendering import render

log = logging.getLogger(__name__)

# What a reader is told per status: a heading and a sentence saying what to do next.
_MESSAGES: dict[int, tuple[str, str]] = {
    400: (
        N_("This request cannot be read"),
        N_("The address or the form holds something we cannot use. Check it and try again."),
    ),
    401: (N_("Sign in first"), N_("This page is only for signed-in readers.")),
    403: (
        N_("Not allowed"),
        N_(
            "The form has expired or was not sent from this site. Go back, reload the page "
            "and try again."
        ),
    ),
    405: (N_("Not possible here"), N_("This address cannot be used this way.")),
    413: (N_("Too large"), N_("What was sent is larger than we accept.")),
    422: (
        N_("This request cannot be read"),
        N_("The address or the form holds something we cannot use. Check it and try again."),
    ),
    500: (
        N_("Something went wrong"),
        N_(
            "This page could not be made because of an error on our side. It has been "
            "noted; please try again later."
        ),
    ),
}
_OTHER = (N_("Something went wrong"), N_("This page cannot be shown."))


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_page(
    request: Request, status: int, detail: str | None = None, headers: dict[str, str] | None = None
) -> HTMLResponse:
    """The site's page for `status` in the reader's language."""
    language = deps.language(request)
    template = "404.html" if status == 404 else "error.html"
    title, message = _MESSAGES.get(status, _OTHER)
    context = {"status": status, "title": title, "message": message, "detail": detail}
    response = render(request, template, context, language, status_code=status)
    response.headers.update(headers or {})
    return response


def _detail(exc: HTTPException) -> str | None:
    """The exception's own words, when they say more than the status's name."""
    detail = str(exc.detail) if exc.detail else ""
    return detail if detail and detail != _reason(exc.status_code) else None


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


async def http_error(request: Request, exc: Exception) -> Response:
    """HTTPException: a redirect stays one, API paths answer JSON, pages answer a page."""
    assert isinstance(exc, HTTPException)
    if exc.status_code < 400:  # a redirect raised as an exception ("sign in first")
        return await http_exception_handler(request, exc)
    if is_api(request.url.path):
        code = {404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, f"http_{exc.status_code}"
        )
        return ApiError(exc.status_code, code, str(exc.detail), headers=exc.headers).response()
    headers = dict(exc.headers or {})
    return await run_in_threadpool(error_page, request, exc.status_code, _detail(exc), headers)


async def invalid_request(request: Request, exc: Exception) -> Response:
    """A parameter a page cannot take: a page saying so (the API's shape under /api/)."""
    assert isinstance(exc, RequestValidationError)
    error = invalid(exc.errors())
    if is_api(request.url.path):
        return error.response()
    return await run_in_threadpool(error_page, request, 422, error.message)


EXCEPTION_HANDLERS: dict[Any, Any] = {
    HTTPException: http_error,
    RequestValidationError: invalid_request,
}


def server_error(request: Request) -> Response:
    """The 500 answer: JSON under /api/, else the site's page; plain text when even the page
    cannot be made."""
    if is_api(request.url.path):
        message = "the server failed to answer; the error is logged"
        return ApiError(500, "internal_error", message).response()
    if not hasattr(request.state, "viewer"):
        request.state.viewer = None  # not looked up now: the database may be what failed
    try:
        return error_page(request, 500)
    except Exception:
        log.exception("the error page itself failed")
        return Response("500 Internal Server Error", 500, media_type="text/plain")


class ServerErrorPage:
    """A 500 page for an exception no handler took (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            if not started:
                response = await run_in_threadpool(server_error, Request(scope, receive))
                await response(scope, receive, send)
            raise
