"""A reader's own pages: registering, signing in and out, the personal feed (`/mijn`), alert
settings (`/mijn/instellingen`), personal tokens (`/mijn/tokens`) and the private Atom feed
(`/mijn/atom?token=…`, for feed readers, which carry no cookies).

Handlers parse the form, call the operation in `accounts.operations`, and render; every
change needs the session's CSRF token (signing in and registering: a same-site Origin)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from schaatsradar.accounts import errors, operations, trust, validation
from schaatsradar.accounts.errors import AccountError, SignInPaused
from schaatsradar.alerts.kinds import kinds_of
from schaatsradar.personal.feed import personal_feed
from schaatsradar.settings import Settings
from schaatsradar.store import accounts as stored
from schaatsradar.store import personal
from schaatsradar.web import deps
from schaatsradar.web.deps import Language
from schaatsradar.web.following import because, subject_name
from schaatsradar.web.i18n import N_, translate
from schaatsradar.web.pages import reader_today
from schaatsradar.web.rendering import LANGUAGE_COOKIE_SECONDS, render
from schaatsradar.web.sessions import (
    SESSION_COOKIE,
    Form,
    FormDep,
    SettingsDep,
    StoreDep,
    Viewer,
    ViewerDep,
    check_csrf,
    check_same_origin,
    clear_session_cookie,
    current_viewer,
    local_path,
    set_session_cookie,
    utc_now,
)

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)
LanguageDep = Annotated[Language, Depends(deps.language)]
TodayDep = Annotated[dt.date, Depends(reader_today)]
FEED_SIZE = 50
PRIVATE = {"Cache-Control": "private, no-store"}

EVENT_NAMES = {
    "article.published": N_("New articles"),
    "result.recorded": N_("Results"),
    "record.set": N_("Records"),
    "race.upcoming": N_("Races about to start"),
}
CHANNEL_NAMES = {
    "stream": N_("Open pages (live)"),
    "webhook": N_("Webhook"),
    "email": N_("E-mail"),
    "push": N_("Browser notifications"),
}
PROBLEMS = {
    errors.EMAIL_INVALID: N_("Enter an e-mail address like name@example.org."),
    errors.EMAIL_TAKEN: N_("There is already an account with this e-mail address."),
    errors.PASSWORD_TOO_SHORT: N_("The password needs at least %(num)d characters."),
    errors.PASSWORD_TOO_LONG: N_("The password may have at most %(num)d characters."),
    errors.PASSWORD_IS_EMAIL: N_("The password may not be your e-mail address."),
    errors.WRONG_CREDENTIALS: N_("Wrong e-mail address or password."),
    errors.BAD_CLOCK_TIME: N_("Give times as HH:MM, e.g. 07:30."),
    errors.BAD_SPOILER_MODE: N_("Choose one of the spoiler modes."),
    errors.BAD_FOLLOW: N_("There is nothing like that to follow."),
    errors.BAD_CHANNEL: N_("Alerts cannot be sent there: %(reason)s"),
    errors.BAD_EVENTS: N_("Choose events from the list."),
    errors.NOT_FOUND: N_("That is not one of yours."),
    errors.BAD_LANGUAGE: N_("Choose Dutch or English."),
    errors.BAD_TIMEZONE: N_("Unknown time zone; use a name like Europe/Amsterdam."),
    errors.BAD_TOKEN_NAME: N_("Give the token a name of 1 to %(num)d characters."),
    errors.QUIET_HOURS_HALF: N_("Quiet hours need both a start and an end, or neither."),
    errors.TOO_MANY_CHANNELS: N_("You have the most channels allowed (%(num)d); remove one first."),
    errors.CHANNEL_EXISTS: N_("You have this channel already."),
    errors.BAD_TOKEN_SCOPE: N_("Choose a feed token or an API token."),
    errors.BAD_LINK: N_("This link does not work (any more). Ask for a new one."),
    errors.WRONG_PASSWORD: N_("Your current password is not right."),
    errors.SIGN_IN_PAUSED: N_(
        "Too many failed attempts to sign in. Try again in %(num)d minutes, or choose a new "
        'password via "Forgot your password?".'
    ),
}
_PROBLEM_VALUES = {
    errors.PASSWORD_TOO_SHORT: validation.MIN_PASSWORD,
    errors.PASSWORD_TOO_LONG: validation.MAX_PASSWORD,
    errors.BAD_TOKEN_NAME: validation.MAX_TOKEN_NAME,
}


def problem(error: AccountError, language: Language, config: Settings | None = None) -> str:
    """The error in the reader's words (the operation's own message is English)."""
    if error.code not in PROBLEMS:
        return error.message
    text = translate(language, PROBLEMS[error.code])
    if error.code == errors.BAD_CHANNEL:
        return text % {"reason": error.message}
    if isinstance(error, SignInPaused):
        return text % {"num": -(-error.retry_after // 60)}
    if error.code == errors.TOO_MANY_CHANNELS and config is not None:
        return text % {"num": config.max_channels_per_reader}
    if error.code in _PROBLEM_VALUES:
        return text % {"num": _PROBLEM_VALUES[error.code]}
    return text


# -- registering, signing in and out ----------------------------------------------------------


@router.get("/account/registreren", response_class=HTMLResponse)
def register_page(
    request: Request, language: LanguageDep, next: str = Query("", max_length=500)
) -> HTMLResponse:
    return _account_form(request, "account_register.html", language, local_path(next))


@router.post("/account/registreren", response_class=HTMLResponse)
def register(
    request: Request,
    form: FormDep,
    store: StoreDep,
    config: SettingsDep,
    language: LanguageDep,
) -> Response:
    """Both a new address and one with an account get the same page ("check your mail"):
    the new one a confirmation link, the existing owner a note that someone tried."""
    check_same_origin(request, config)
    email = form.get("email")
    try:
        outgoing = trust.register(store, config, email, form.get("password"), utc_now(), language)
    except AccountError as error:
        back = local_path(form.get("next"))
        message = problem(error, language)
        return _account_form(request, "account_register.html", language, back, email, message, 400)
    sent = trust.send(store, config, outgoing, utc_now())
    if not sent.ok:  # the page cannot say so: it would tell which addresses have accounts
        log.warning("registration mail not sent: %s", sent.error)
    text = translate(
        language,
        N_(
            "We sent an e-mail to %(email)s. Follow the link in it to confirm your account "
            "and sign in. Nothing arrived? Look in your spam folder, or register again."
        ),
    ) % {"email": outgoing.to}
    return message_page(request, language, N_("Check your e-mail"), text)


@router.get("/account/inloggen", response_class=HTMLResponse)
def sign_in_page(
    request: Request, language: LanguageDep, next: str = Query("", max_length=500)
) -> HTMLResponse:
    return _account_form(request, "account_sign_in.html", language, local_path(next))


@router.post("/account/inloggen", response_class=HTMLResponse)
def sign_in(
    request: Request,
    form: FormDep,
    store: StoreDep,
    config: SettingsDep,
    language: LanguageDep,
) -> Response:
    client = request.client.host if request.client else ""

    def session() -> operations.Session:
        return trust.limited_sign_in(
            store, config, form.get("email"), form.get("password"), client, utc_now()
        )

    return _signing_in(request, form, config, language, "account_sign_in.html", session)


def message_page(request: Request, language: Language, title: str, text: str) -> HTMLResponse:
    """A page that only says something (translated `title`, `text` already in words)."""
    context = {"title": translate(language, title), "text": text}
    page = render(request, "account_message.html", context, language)
    page.headers.update(PRIVATE)  # it may name the reader's address
    return page


def _account_form(
    request: Request,
    template: str,
    language: Language,
    back: str,
    email: str = "",
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The register or sign-in form, empty or again with what went wrong."""
    context = {"next": back, "email": email, "error": error}
    return render(request, template, context, language, status_code=status_code)


def _signing_in(
    request: Request,
    form: Form,
    config: Settings,
    language: Language,
    template: str,
    open_session: Callable[[], operations.Session],
) -> Response:
    """A same-site form post that opens a session: to where the reader was going with the
    session cookie set, or the form again (400) saying what was wrong."""
    check_same_origin(request, config)
    back = local_path(form.get("next"))
    try:
        session = open_session()
    except AccountError as error:
        email = form.get("email")
        paused = isinstance(error, SignInPaused)
        answer = _account_form(
            request,
            template,
            language,
            back,
            email,
            problem(error, language),
            429 if paused else 400,
        )
        if paused:
            answer.headers["Retry-After"] = str(error.retry_after)  # type: ignore[attr-defined]
        return answer
    response = RedirectResponse(back, 303, headers=PRIVATE)
    set_session_cookie(response, request, session, config)
    return response


@router.post("/account/uitloggen")
def sign_out(request: Request, form: FormDep, store: StoreDep, config: SettingsDep) -> Response:
    viewer = current_viewer(request)
    if viewer is not None:
        check_csrf(request, viewer, form)
        operations.sign_out(store, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/", 303, headers=PRIVATE)
    clear_session_cookie(response, request, config)
    return response


# -- /mijn: the personal feed -----------------------------------------------------------------


@router.get("/mijn", response_class=HTMLResponse)
def my_feed(
    request: Request, viewer: ViewerDep, store: StoreDep, language: LanguageDep, today: TodayDep
) -> HTMLResponse:
    with store.read() as conn:
        entries = personal_feed(conn, viewer.user_id, today, limit=FEED_SIZE)
        follows = stored.follows(conn, viewer.user_id)
        labels = personal.subject_labels(conn, {(f.kind, f.value) for f in follows})
    context = {
        "entries": [(entry, because(entry.reasons, language)) for entry in entries],
        "follows": [(f, subject_name(f.kind, f.value, labels, language)) for f in follows],
    }
    return render(request, "mijn.html", context, language)


# -- /mijn/instellingen: channels and alert preferences ---------------------------------------


def _settings_page(
    request: Request,
    viewer: Viewer,
    store: StoreDep,
    language: Language,
    status_code: int = 200,
    **extra: Any,
) -> HTMLResponse:
    with store.read() as conn:
        account = stored.user_by_id(conn, viewer.user_id)
        channels = stored.channels(conn, viewer.user_id)
    context = {
        "account": account,
        "channels": [(c, kinds_of(c.event_mask)) for c in channels],
        "event_names": EVENT_NAMES,
        "channel_names": CHANNEL_NAMES,
        "error": None,
        "saved": request.query_params.get("opgeslagen") == "1",
        "new_secret": None,
        "confirming": None,
        **extra,
    }
    return render(request, "mijn_settings.html", context, language, status_code=status_code)


def _saved() -> RedirectResponse:
    return RedirectResponse("/mijn/instellingen?opgeslagen=1", 303, headers=PRIVATE)


@router.get("/mijn/instellingen", response_class=HTMLResponse)
def settings_page(
    request: Request, viewer: ViewerDep, store: StoreDep, language: LanguageDep
) -> HTMLResponse:
    return _settings_page(request, viewer, store, language)


@router.post("/mijn/instellingen/voorkeuren", response_model=None)
def save_preferences(
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    fields = ("language", "timezone", "spoiler_mode", "spoiler_release", "quiet_start", "quiet_end")
    changes = {name: form.get(name) for name in fields if name in form.fields}
    try:
        account = operations.change_preferences(store, viewer.user_id, changes)
    except AccountError as error:
        return _settings_page(request, viewer, store, language, 400, error=problem(error, language))
    response = _saved()
    # The site follows the account's language from now on.
    response.set_cookie(
        "lang", account.language, max_age=LANGUAGE_COOKIE_SECONDS, samesite="lax", httponly=True
    )
    return response


@router.post("/mijn/instellingen/kanalen", response_model=None)
def add_channel(
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    config: SettingsDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    try:
        added = operations.add_channel(
            store,
            config,
            viewer.user_id,
            form.get("kind"),
            form.get("target"),
            form.all("events"),
            utc_now(),
        )
    except AccountError as error:
        message = problem(error, language, config)
        return _settings_page(request, viewer, store, language, 400, error=message)
    if added.channel.confirmed_at is None:  # an e-mail address: it confirms before alerts
        outgoing = trust.channel_confirmation(
            store, config, viewer.user_id, added.channel, utc_now()
        )
        return _settings_page(
            request,
            viewer,
            store,
            language,
            confirming=(outgoing.to, trust.send(store, config, outgoing, utc_now()).ok),
        )
    if added.secret is None:
        return _saved()
    # A webhook's secret is shown on this answer only; nothing stores it readable for pages.
    return _settings_page(
        request, viewer, store, language, new_secret=(added.channel, added.secret)
    )


@router.post("/mijn/instellingen/kanalen/{channel_id}", response_model=None)
def change_channel(
    channel_id: deps.RowIdPath,
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    try:
        operations.change_channel(
            store,
            viewer.user_id,
            channel_id,
            events=form.all("events"),
            enabled=form.get("enabled") == "on",
        )
    except AccountError as error:
        return _settings_page(request, viewer, store, language, 400, error=problem(error, language))
    return _saved()


@router.post("/mijn/instellingen/kanalen/{channel_id}/verwijderen", response_model=None)
def remove_channel(
    channel_id: deps.RowIdPath,
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    try:
        operations.remove_channel(store, viewer.user_id, channel_id)
    except AccountError as error:
        return _settings_page(request, viewer, store, language, 400, error=problem(error, language))
    return _saved()


@router.post("/mijn/instellingen/push", response_model=None)
async def save_push_subscription(request: Request, viewer: ViewerDep) -> Response:
    """What static/push.js posts: the browser's subscription, {endpoint, keys: {p256dh,
    auth}}, with the CSRF token in X-CSRF-Token."""
    check_csrf(request, viewer)
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "send the subscription as JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("endpoint"), str):
        raise HTTPException(400, "a subscription has an endpoint and keys")
    return await _save_push(request, viewer, body["endpoint"], body.get("keys"))


async def _save_push(request: Request, viewer: Viewer, endpoint: str, keys: Any) -> Response:
    try:
        added = await run_in_threadpool(
            operations.add_channel,
            request.app.state.store,
            request.app.state.settings,
            viewer.user_id,
            "push",
            endpoint,
            None,
            utc_now(),
            keys if isinstance(keys, dict) else None,
        )
    except AccountError as error:
        return JSONResponse({"error": error.message, "code": error.code}, 400, headers=PRIVATE)
    return JSONResponse({"id": added.channel.id}, 201, headers=PRIVATE)


# -- /mijn/tokens -----------------------------------------------------------------------------


def _tokens_page(
    request: Request,
    viewer: Viewer,
    store: StoreDep,
    language: Language,
    status_code: int = 200,
    **extra: Any,
) -> HTMLResponse:
    with store.read() as conn:
        tokens = stored.personal_tokens(conn, viewer.user_id)
    base_url = deps.site_base(request)
    context = {
        "tokens": tokens,
        "issued": None,
        "scope": None,
        "error": None,
        "base_url": base_url,
        **extra,
    }
    return render(request, "mijn_tokens.html", context, language, status_code=status_code)


@router.get("/mijn/tokens", response_class=HTMLResponse)
def tokens_page(
    request: Request, viewer: ViewerDep, store: StoreDep, language: LanguageDep
) -> HTMLResponse:
    return _tokens_page(request, viewer, store, language)


@router.post("/mijn/tokens", response_class=HTMLResponse)
def create_token(
    request: Request, viewer: ViewerDep, form: FormDep, store: StoreDep, language: LanguageDep
) -> HTMLResponse:
    check_csrf(request, viewer, form)
    try:
        issued = operations.issue_personal_token(
            store, viewer.user_id, form.get("name"), utc_now(), form.get("scope", "api")
        )  # a form without `scope` (scripts) asks for an API token, as before
    except AccountError as error:
        return _tokens_page(request, viewer, store, language, 400, error=problem(error, language))
    scope = form.get("scope", "api")
    return _tokens_page(request, viewer, store, language, issued=issued, scope=scope)


@router.post("/mijn/tokens/{token_id}/intrekken", response_model=None)
def revoke_token(
    token_id: deps.RowIdPath,
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    try:
        operations.revoke_personal_token(store, viewer.user_id, token_id, utc_now())
    except AccountError as error:
        return _tokens_page(request, viewer, store, language, 404, error=problem(error, language))
    return RedirectResponse("/mijn/tokens", 303, headers=PRIVATE)
