"""Who is asking, for the HTML pages: the reader behind the session cookie, and the checks a
request that changes something must pass.

- The session cookie is HttpOnly and SameSite=Lax, and Secure when the request came over
  TLS (by the connection, or by the proxy's X-Forwarded-Proto when `trusted_proxy` says the
  proxy in front is ours).
- Every form or htmx request that changes something sends the session's CSRF token back
  (hidden field `csrf_token` or header X-CSRF-Token). Signing in and registering happen before
  there is a session, so those check that Origin (or Referer) is this site instead.
- Pages ask `current_viewer` at most once per request; anonymous requests, which the public
  page cache serves, never touch the database for it (they carry no session cookie).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response

from schaatsradar.accounts import operations, tokens
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import accounts as stored
from schaatsradar.web import deps

SESSION_COOKIE = "sr_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
MAX_FORM_BYTES = 64 * 1024
SIGN_IN_PAGE = "/account/inloggen"
_UNRESOLVED = object()


def utc_now() -> dt.datetime:
    """Stored times are naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Viewer:
    """The signed-in reader of this request, as every page needs them."""

    user_id: int
    email: str
    language: str
    csrf_token: str
    follows: frozenset[tuple[str, str]]

    def follows_subject(self, kind: str, value: str) -> bool:
        return (kind, value) in self.follows


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def current_viewer(request: Request) -> Viewer | None:
    """The reader whose live session cookie came with the request (looked up once)."""
    known = getattr(request.state, "viewer", _UNRESOLVED)
    if known is not _UNRESOLVED:
        return known  # type: ignore[return-value]
    viewer = None
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        store: Store = request.app.state.store
        with store.read() as conn:
            session = stored.session_by_token(conn, tokens.digest(token), utc_now())
            if session is not None:
                follows = stored.follows(conn, session.account.id)
                viewer = Viewer(
                    session.account.id,
                    session.account.email,
                    session.account.language,
                    session.csrf_token,
                    frozenset((f.kind, f.value) for f in follows),
                )
    request.state.viewer = viewer
    return viewer


def signed_in(request: Request) -> Viewer:
    """Dependency for pages only a reader sees: anyone else is sent to sign in first."""
    viewer = current_viewer(request)
    if viewer is None:
        raise HTTPException(
            303, "sign in first", headers={"Location": sign_in_url(request.url.path)}
        )
    return viewer


def sign_in_url(next_path: str) -> str:
    return f"{SIGN_IN_PAGE}?{urlencode({'next': next_path})}"


def local_path(text: str | None, fallback: str = "/mijn") -> str:
    """`text` if it is a path on this site (so ?next= cannot send a reader elsewhere)."""
    if not text or not text.startswith("/") or text.startswith(("//", "/\\")):
        return fallback
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        return fallback
    return text


# -- transport --------------------------------------------------------------------------------


def came_over_tls(request: Request, config: Settings) -> bool:
    if request.url.scheme == "https":
        return True
    if config.trusted_proxy:
        forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip()
        return forwarded.casefold() == "https"
    return False


def set_session_cookie(
    response: Response, request: Request, session: operations.Session, config: Settings
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=config.session_days * 24 * 3600,
        path="/",
        httponly=True,
        samesite="lax",
        secure=came_over_tls(request, config),
    )


def clear_session_cookie(response: Response, request: Request, config: Settings) -> None:
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="lax",
        secure=came_over_tls(request, config),
    )


# -- forms and CSRF ---------------------------------------------------------------------------


class Form:
    """An `application/x-www-form-urlencoded` body (the site's forms send nothing else)."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields

    def get(self, name: str, default: str = "") -> str:
        values = self.fields.get(name)
        return values[0] if values else default

    def all(self, name: str) -> list[str]:
        return list(self.fields.get(name, []))


async def read_form(request: Request) -> Form:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().casefold()
    if content_type != "application/x-www-form-urlencoded":
        return Form({})
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, "form too large")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the form is not UTF-8") from None
    return Form(parse_qs(text, keep_blank_values=True, max_num_fields=200))


FormDep = Annotated[Form, Depends(read_form)]


def check_csrf(request: Request, viewer: Viewer, form: Form | None = None) -> None:
    """403 unless the request carries this session's CSRF token (header or form field)."""
    presented = request.headers.get(CSRF_HEADER) or (form.get(CSRF_FIELD) if form else "")
    if not presented or not tokens.same(viewer.csrf_token, presented):
        raise HTTPException(403, "the form's security token is missing or out of date")


def check_same_origin(request: Request, config: Settings) -> None:
    """403 unless Origin (or, lacking it, Referer) names this site: the check for forms sent
    before there is a session to hold a CSRF token (signing in, registering)."""
    claimed = request.headers.get("origin") or request.headers.get("referer") or ""
    parts = urlsplit(claimed) if claimed and claimed != "null" else None
    host = request.headers.get("host", "")
    if config.trusted_proxy:
        host = request.headers.get("x-forwarded-host", host).split(",")[0].strip()
    expected_scheme = "https" if came_over_tls(request, config) else parts and parts.scheme
    if (
        parts is None
        or not host
        or parts.netloc.casefold() != host.casefold()
        or parts.scheme not in ("http", "https")
        or parts.scheme != expected_scheme
    ):
        raise HTTPException(403, "this form must be sent from this site's own page")


ViewerDep = Annotated[Viewer, Depends(signed_in)]
SettingsDep = Annotated[Settings, Depends(settings)]
StoreDep = Annotated[Store, Depends(deps.store)]
