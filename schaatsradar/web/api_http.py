"""HTTP rules every JSON API route follows, applied in one place (the route class) so no
endpoint can forget one:

- writes (any method but GET, HEAD and OPTIONS) need a valid API token, checked before the
  request body is even read;
- every error is `{"error": {"code", "message", "problems"}}`, FastAPI's own validation
  errors included;
- every successful GET carries a strong ETag, and `If-None-Match` with it gets a 304;
- reads are open to scripts on any origin (CORS); writes are not, so a browser page on another
  site cannot post with a reader's token.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.routing import BaseRoute

from schaatsradar.store import Store
from schaatsradar.store import tokens as stored_tokens
from schaatsradar.web.api_models import ErrorBody, ErrorDetail, Problem

READS = frozenset({"GET", "HEAD"})
SAFE = READS | {"OPTIONS"}
CACHE_CONTROL = "no-cache"  # keep a copy, but ask each time: the ETag makes asking cheap
CORS_READ = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Link",
}
CORS_PREFLIGHT = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Language, If-None-Match",
    "Access-Control-Max-Age": "86400",
}
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiToken",
    description="A token from `schaatsradar token create NAME`; needed for every write.",
)
_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
}


class ApiError(Exception):
    """An answer other than success, with a stable `code` and a message naming the problem."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        problems: Sequence[Problem] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.problems = list(problems)
        self.headers = dict(headers or {})

    def response(self) -> JSONResponse:
        body = ErrorBody(
            error=ErrorDetail(code=self.code, message=self.message, problems=self.problems)
        )
        return JSONResponse(body.model_dump(), status_code=self.status, headers=self.headers)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", what)


def invalid(errors: Iterable[Mapping[str, Any]]) -> ApiError:
    """422 for pydantic's errors, each named by where it is (`query.distance`, `body.text`)."""
    problems = [
        Problem(location=".".join(str(part) for part in error.get("loc", ())), message=_msg(error))
        for error in errors
    ]
    first = problems[0] if problems else Problem(location="request", message="invalid")
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return ApiError(
        422, "invalid_request", f"{first.location}: {first.message}{more}", problems=problems
    )


def _msg(error: Mapping[str, Any]) -> str:
    return str(error.get("msg", "invalid"))


def authenticate(request: Request) -> stored_tokens.TokenHolder:
    """The holder of the request's bearer token, or a 401 saying what is missing."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="schaatsradar"'}
    if scheme.casefold() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "unauthorized",
            "writing needs an API token: send 'Authorization: Bearer <token>' "
            "(an operator creates one with `schaatsradar token create NAME`)",
            headers=challenge,
        )
    store: Store = request.app.state.store
    with store.read() as conn:
        holder = stored_tokens.holder(conn, token.strip())
    if holder is None:
        raise ApiError(
            401,
            "invalid_token",
            "the API token is unknown or revoked",
            headers={"WWW-Authenticate": 'Bearer realm="schaatsradar", error="invalid_token"'},
        )
    return holder


class ApiRoute(APIRoute):
    """A FastAPI route with the rules above wrapped around its handler."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                if request.method not in SAFE:
                    await run_in_threadpool(authenticate, request)
                response = await handler(request)
            except ApiError as error:
                response = error.response()
            except RequestValidationError as error:
                response = invalid(error.errors()).response()
            except HTTPException as error:
                response = _from_http_exception(error).response()
            return _finish(request, response)

        return handle


def _from_http_exception(error: HTTPException) -> ApiError:
    if error.status_code == 400:  # FastAPI's word for a body it cannot decode
        message = "the body cannot be read: send JSON in UTF-8"
        return ApiError(
            422, "invalid_request", message, [Problem(location="body", message=message)]
        )
    code = _STATUS_CODES.get(error.status_code, f"http_{error.status_code}")
    return ApiError(error.status_code, code, str(error.detail))


def _finish(request: Request, response: Response) -> Response:
    if request.method not in READS:
        return response
    response.headers.update(CORS_READ)
    if response.status_code != 200 or not hasattr(response, "body"):
        return response
    etag = '"' + hashlib.sha256(bytes(response.body)).hexdigest()[:32] + '"'
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = CACHE_CONTROL
    if _matches(request.headers.get("if-none-match"), etag):
        kept = {k: v for k, v in response.headers.items() if k.lower() in _KEPT_ON_304}
        return Response(status_code=304, headers=kept)
    return response


_KEPT_ON_304 = {"etag", "cache-control", "link", "vary", *(h.lower() for h in CORS_READ)}
_TAG = re.compile(r'\s*(?:W/)?("[^"]*")\s*')


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison, as RFC 9110 asks for If-None-Match."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(
        (found := _TAG.fullmatch(part)) is not None and found.group(1) == etag
        for part in if_none_match.split(",")
    )


# -- requests no endpoint takes ---------------------------------------------------------------


def methods_at(routes: Iterable[BaseRoute], path: str) -> set[str]:
    """Methods the API answers at `path` (relative to the API's prefix)."""
    found: set[str] = set()
    for route in routes:
        catch_all = getattr(route, "path", "") == "/{path:path}"
        if isinstance(route, APIRoute) and not catch_all and route.path_regex.match(path):
            found |= route.methods or set()
    return found


def unmatched(request: Request, path: str, methods: set[str]) -> Response:
    """CORS preflight for reads, a JSON 404 for unknown paths, a JSON 405 for wrong methods."""
    if not methods:
        raise not_found(f"no API endpoint at {request.url.path}; see /api/v1/docs")
    allowed = ", ".join(sorted(methods | {"OPTIONS"}))
    if request.method == "OPTIONS":
        asked = request.headers.get("access-control-request-method", "").upper()
        cors = CORS_PREFLIGHT if asked in READS and asked in methods else {}
        return Response(status_code=204, headers={"Allow": allowed, **cors})
    raise ApiError(
        405,
        "method_not_allowed",
        f"{request.method} is not allowed at {request.url.path}; allowed: {allowed}",
        headers={"Allow": allowed},
    )
