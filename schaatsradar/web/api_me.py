"""The reader's own API: who they are (`/api/v1/me`), what they follow, where their alerts go,
and their personal feed (`/api/v1/feed`).

Its rules differ from the public API's (`api_http.ApiRoute`), so it has a route class of its
own rather than exceptions in that one:

- every route needs a reader: a personal token (`Authorization: Bearer srp_…`) or a session
  cookie; a cookie-authenticated write must also send the session's X-CSRF-Token. Nothing
  here accepts or needs the service's API token, and a personal token writes no articles;
- answers are `Cache-Control: private, no-store` and carry no CORS headers: scripts on other
  sites get nothing, with or without the reader's cookies;
- errors have the public API's shape, `{"error": {"code", "message", "problems"}}`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from schaatsradar.accounts import errors, operations, tokens, trust
from schaatsradar.accounts.errors import AccountError
from schaatsradar.alerts.kinds import EventKind, kinds_of
from schaatsradar.personal.feed import personal_feed
from schaatsradar.settings import Settings
from schaatsradar.store import Store, personal
from schaatsradar.store import accounts as stored
from schaatsradar.store.accounts import Account, ChannelRow, FollowRow
from schaatsradar.web import deps
from schaatsradar.web.api_http import SAFE, ApiError, invalid
from schaatsradar.web.api_models import ErrorBody, Out, Problem
from schaatsradar.web.following import because, subject_name
from schaatsradar.web.pages import reader_today
from schaatsradar.web.sessions import CSRF_HEADER, SESSION_COOKIE, utc_now

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "Vary": "Authorization, Cookie"}
personal_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="personalToken",
    description="A reader's personal token (`srp_…`), made at /mijn/tokens; or sign in.",
)


class PersonalRoute(APIRoute):
    """Errors in the API's shape, and private, uncached answers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                response = await handler(request)
            except ApiError as error:
                response = error.response()
            except RequestValidationError as error:
                response = invalid(error.errors()).response()
            except HTTPException as error:
                response = _from_http_exception(error).response()
            response.headers.update(PRIVATE_HEADERS)
            return response

        return handle


def _from_http_exception(error: HTTPException) -> ApiError:
    if error.status_code == 400:  # FastAPI's word for a body it cannot decode, as in api_http
        message = "the body cannot be read: send JSON in UTF-8"
        return ApiError(
            422, "invalid_request", message, [Problem(location="body", message=message)]
        )
    return ApiError(error.status_code, f"http_{error.status_code}", str(error.detail))


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


router = APIRouter(
    tags=["me"],
    route_class=PersonalRoute,
    responses={
        401: _error("No personal token or session, or an unknown or revoked one"),
        403: _error("A write with a session cookie but without its X-CSRF-Token"),
        422: _error("A parameter or the body is invalid; `problems` lists each"),
    },
)
NOT_YOURS: dict[int | str, dict[str, Any]] = {404: _error("You have nothing with this id")}


# -- who is asking ----------------------------------------------------------------------------


def reader(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(personal_bearer)],
) -> Account:
    """The reader a personal token or a session cookie names; 401 otherwise."""
    store: Store = request.app.state.store
    header = request.headers.get("authorization", "")
    if header:
        token = credentials.credentials.strip() if credentials else ""
        account = operations.personal_token_owner(store, token) if token else None
        if account is None:
            raise ApiError(
                401,
                "invalid_token",
                "send 'Authorization: Bearer <personal token>' with a live token from /mijn/tokens",
                headers={"WWW-Authenticate": 'Bearer realm="schaatsradar", error="invalid_token"'},
            )
        return account
    session = operations.session_of(store, request.cookies.get(SESSION_COOKIE, ""), utc_now())
    if session is None:
        raise ApiError(
            401,
            "unauthorized",
            "sign in, or send 'Authorization: Bearer <personal token>' (make one at /mijn/tokens)",
            headers={"WWW-Authenticate": 'Bearer realm="schaatsradar"'},
        )
    presented = request.headers.get(CSRF_HEADER, "")
    if request.method not in SAFE and not (
        presented and tokens.same(session.csrf_token, presented)
    ):
        raise ApiError(
            403,
            "csrf",
            "a write with a session cookie needs the page's CSRF token in X-CSRF-Token",
        )
    return session.account


ReaderDep = Annotated[Account, Depends(reader)]
StoreDep = Annotated[Store, Depends(deps.store)]
TodayDep = Annotated[dt.date, Depends(reader_today)]


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def refused(error: AccountError) -> ApiError:
    if error.code == errors.NOT_FOUND:
        return ApiError(404, "not_found", error.message)
    location = f"body.{error.field}" if error.field else "body"
    problems = [Problem(location=location, message=error.message)]
    if error.code == errors.EMAIL_TAKEN:
        return ApiError(409, "conflict", error.message, problems)
    return ApiError(422, "invalid_request", f"{location}: {error.message}", problems)


def utc(moment: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; answers say so (RFC 3339 wants the offset)."""
    return moment.replace(tzinfo=dt.UTC)


def language_of(account: Account) -> deps.Language:
    return "en" if account.language == "en" else "nl"


# -- /me --------------------------------------------------------------------------------------

SpoilerMode = Literal["off", "hide", "hold"]


class MeOut(Out):
    id: int
    email: str
    language: Literal["nl", "en"]
    timezone: str
    spoiler_mode: SpoilerMode
    spoiler_release: str | None = Field(description="HH:MM, local: when held alerts go out")
    quiet_start: str | None = Field(description="HH:MM, local: e-mail waits from here …")
    quiet_end: str | None = Field(description="… until here, then leaves as one digest")


class MePatch(BaseModel):
    """Only the fields sent change; send null to clear a time."""

    model_config = ConfigDict(extra="forbid")

    language: Literal["nl", "en"] | None = None
    timezone: str | None = Field(default=None, max_length=64)
    spoiler_mode: SpoilerMode | None = None
    spoiler_release: str | None = Field(default=None, max_length=5, examples=["07:00"])
    quiet_start: str | None = Field(default=None, max_length=5, examples=["22:00"])
    quiet_end: str | None = Field(default=None, max_length=5, examples=["07:00"])


def _me(account: Account) -> MeOut:
    return MeOut.copied(account, language=language_of(account))


@router.get("/me")
def me(account: ReaderDep) -> MeOut:
    """Who the token or session belongs to, and their alert settings."""
    return _me(account)


@router.patch("/me")
def change_me(account: ReaderDep, store: StoreDep, changes: MePatch) -> MeOut:
    """Change alert settings: language, time zone, spoiler-safe mode, e-mail quiet hours."""
    sent = changes.model_dump(exclude_unset=True)
    if "timezone" in sent and sent["timezone"] is None:
        del sent["timezone"]
    try:
        return _me(operations.change_preferences(store, account.id, sent))
    except AccountError as error:
        raise refused(error) from None


# -- /me/follows ------------------------------------------------------------------------------

FollowKind = Literal["skater", "country", "distance", "competition"]


class FollowIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FollowKind
    value: (
        Annotated[str, Field(min_length=1, max_length=255)]
        | Annotated[int, Field(ge=1, le=2**31 - 1)]
    ) = Field(
        description="A skater's slug (as /api/v1/skaters gives it) or id, a competition's id "
        "or slug (as /api/v1/competitions gives them), an IOC country code, or a distance "
        "(`500m`)",
        examples=["NED", "jutta-leerdam", 12],
    )


class FollowOut(Out):
    id: int
    kind: FollowKind
    value: str = Field(
        description="As stored: a skater's or competition's id, a country, a distance"
    )
    slug: str | None = Field(description="The skater's or competition's slug; null otherwise")
    label: str
    created_at: dt.datetime


class FollowList(Out):
    items: list[FollowOut]


def _follows_out(store: Store, account: Account, rows: list[FollowRow]) -> list[FollowOut]:
    with store.read() as conn:
        subjects = {(f.kind, f.value) for f in rows}
        labels = personal.subject_labels(conn, subjects)
        slugs = personal.subject_slugs(conn, subjects)
    language = language_of(account)
    return [
        FollowOut.copied(
            f,
            slug=slugs.get((f.kind, f.value)),
            label=subject_name(f.kind, f.value, labels, language),
            created_at=utc(f.created_at),
        )
        for f in rows
    ]


@router.get("/me/follows")
def my_follows(account: ReaderDep, store: StoreDep) -> FollowList:
    with store.read() as conn:
        rows = stored.follows(conn, account.id)
    return FollowList(items=_follows_out(store, account, rows))


@router.post("/me/follows", status_code=201)
def add_follow(account: ReaderDep, store: StoreDep, follow: FollowIn) -> FollowOut:
    """Follow something (following it again returns the same follow): a skater by the slug
    the skater lists give, a competition by its id, a country, a distance."""
    try:
        row = operations.follow(store, account.id, follow.kind, str(follow.value), utc_now())
    except AccountError as error:
        raise refused(error) from None
    return _follows_out(store, account, [row])[0]


@router.delete("/me/follows/{follow_id}", status_code=204, responses=NOT_YOURS)
def remove_follow(account: ReaderDep, store: StoreDep, follow_id: deps.RowIdPath) -> Response:
    try:
        operations.unfollow_by_id(store, account.id, follow_id)
    except AccountError as error:
        raise refused(error) from None
    return Response(status_code=204)


# -- /me/channels -----------------------------------------------------------------------------


class ChannelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["webhook", "email", "push"]
    target: str = Field(
        min_length=1,
        max_length=2048,
        description="Webhook URL, e-mail address, or the push service's endpoint",
    )
    events: list[EventKind] | None = Field(default=None, description="Default: every kind")
    keys: dict[str, str] | None = Field(
        default=None, description="Push only: the browser's `p256dh` and `auth`"
    )


class ChannelPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    events: list[EventKind] | None = None
    enabled: bool | None = None


class ChannelOut(Out):
    id: int
    kind: Literal["webhook", "email", "push", "stream"]
    target: str
    events: list[EventKind]
    enabled: bool
    disabled_reason: str | None
    created_at: dt.datetime
    confirmed: bool = Field(
        description=(
            "Whether alerts may go here: an e-mail address is confirmed by the link mailed to "
            "it when the channel is made; other kinds are confirmed at once"
        )
    )


class ChannelCreated(ChannelOut):
    secret: str | None = Field(
        description="Webhooks: the signing secret (Standard Webhooks), shown in this answer only"
    )


class ChannelList(Out):
    items: list[ChannelOut]


def _channel_out(row: ChannelRow) -> ChannelOut:
    return ChannelOut.copied(
        row,
        events=kinds_of(row.event_mask),
        created_at=utc(row.created_at),
        confirmed=row.confirmed_at is not None,
    )


@router.get("/me/channels")
def my_channels(account: ReaderDep, store: StoreDep) -> ChannelList:
    """Where alerts go; webhook secrets are never shown again after creation."""
    with store.read() as conn:
        rows = stored.channels(conn, account.id)
    return ChannelList(items=[_channel_out(row) for row in rows])


@router.post("/me/channels", status_code=201)
def add_channel(
    account: ReaderDep,
    store: StoreDep,
    config: Annotated[Settings, Depends(settings)],
    channel: ChannelIn,
) -> ChannelCreated:
    try:
        added = operations.add_channel(
            store,
            config,
            account.id,
            channel.kind,
            channel.target,
            list(channel.events) if channel.events is not None else None,
            utc_now(),
            keys=channel.keys,
        )
    except AccountError as error:
        raise refused(error) from None
    if added.channel.confirmed_at is None:  # an e-mail address confirms before any alert
        asking = trust.channel_confirmation(store, config, account.id, added.channel, utc_now())
        trust.send(store, config, asking, utc_now())
    return ChannelCreated.copied(
        added.channel,
        events=kinds_of(added.channel.event_mask),
        created_at=utc(added.channel.created_at),
        confirmed=added.channel.confirmed_at is not None,
        secret=added.secret,
    )


@router.patch("/me/channels/{channel_id}", responses=NOT_YOURS)
def change_channel(
    account: ReaderDep,
    store: StoreDep,
    channel_id: deps.RowIdPath,
    changes: ChannelPatch,
) -> ChannelOut:
    try:
        row = operations.change_channel(
            store,
            account.id,
            channel_id,
            events=list(changes.events) if changes.events is not None else None,
            enabled=changes.enabled,
        )
    except AccountError as error:
        raise refused(error) from None
    return _channel_out(row)


@router.delete("/me/channels/{channel_id}", status_code=204, responses=NOT_YOURS)
def remove_channel(account: ReaderDep, store: StoreDep, channel_id: deps.RowIdPath) -> Response:
    try:
        operations.remove_channel(store, account.id, channel_id)
    except AccountError as error:
        raise refused(error) from None
    return Response(status_code=204)


# -- /feed ------------------------------------------------------------------------------------


class ReasonOut(Out):
    kind: FollowKind
    value: str
    label: str
    weight: int = Field(
        description="What the article says of it: 3 a record, 2 a result, 1 a mention"
    )


class FeedItemOut(Out):
    article_id: int
    title: str
    published: dt.date
    url: str = Field(description="The article's page on this site")
    source_url: str | None
    score: float
    sources: int
    reasons: list[ReasonOut]
    because: str = Field(description="Why it is here, in the reader's language")


class FeedOut(Out):
    items: list[FeedItemOut]


@router.get("/feed")
def my_feed(
    account: ReaderDep,
    store: StoreDep,
    today: TodayDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> FeedOut:
    """The reader's news, ranked: records before results before mentions,
    fresh before old, one entry per story, each with the followed things behind it."""
    language = language_of(account)
    with store.read() as conn:
        entries = personal_feed(conn, account.id, today, limit)
    return FeedOut(
        items=[
            FeedItemOut(
                article_id=e.article_id,
                title=e.title,
                published=e.published,
                url=f"/artikel/{e.article_id}",
                source_url=e.url,
                score=e.score,
                sources=e.sources,
                reasons=[
                    ReasonOut(
                        kind=r.kind,  # type: ignore[arg-type]
                        value=r.value,
                        label=subject_name(r.kind, r.value, {(r.kind, r.value): r.label}, language),
                        weight=r.weight,
                    )
                    for r in e.reasons
                ],
                because=because(e.reasons, language),
            )
            for e in entries
        ]
    )
