"""The account pages that mailed links open, and the reader's own password and account:

- `/account/bevestigen?t=…` confirms a new account and signs in; `/account/adres-bevestigen?t=…`
  confirms an e-mail address for alerts. The link shows a page with one button that posts:
  mail scanners that fetch links confirm nothing;
- `/account/wachtwoord-vergeten` mails a reset link (the same answer whether the address has
  an account or not), `/account/nieuw-wachtwoord?t=…` sets the new password;
- `/mijn/instellingen/wachtwoord` (current password needed; other sessions end) and
  `/mijn/instellingen/verwijderen` (the account and everything of it).

Forms without a session check Origin, like signing in; the rest the session's CSRF token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from schaatsradar.accounts import trust
from schaatsradar.accounts.errors import AccountError
from schaatsradar.web import deps
from schaatsradar.web.account_pages import PRIVATE, _settings_page, log, message_page, problem
from schaatsradar.web.deps import Language
from schaatsradar.web.i18n import N_, translate
from schaatsradar.web.rendering import render
from schaatsradar.web.sessions import (
    SESSION_COOKIE,
    FormDep,
    SettingsDep,
    StoreDep,
    ViewerDep,
    check_csrf,
    check_same_origin,
    clear_session_cookie,
    set_session_cookie,
    utc_now,
)

router = APIRouter(include_in_schema=False)
LanguageDep = Annotated[Language, Depends(deps.language)]
TokenQuery = Annotated[str, Query(max_length=2000)]


def _link_page(
    request: Request,
    language: Language,
    action: str,
    token: str,
    title: str,
    button: str,
    password: bool = False,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "action": action,
        "token": token,
        "title": translate(language, title),
        "button": translate(language, button),
        "password": password,
        "error": error,
    }
    page = render(request, "account_link.html", context, language, status_code=status_code)
    page.headers.update(PRIVATE)  # it holds the link's token: kept by no cache
    return page


# -- confirming an account --------------------------------------------------------------------


@router.get("/account/bevestigen", response_class=HTMLResponse)
def activate_page(request: Request, language: LanguageDep, t: TokenQuery = "") -> HTMLResponse:
    title, button = N_("Confirm your account"), N_("Confirm and sign in")
    return _link_page(request, language, "/account/bevestigen", t, title, button)


@router.post("/account/bevestigen", response_model=None)
def activate(
    request: Request, form: FormDep, store: StoreDep, config: SettingsDep, language: LanguageDep
) -> Response:
    check_same_origin(request, config)
    try:
        session = trust.activate(store, config, form.get("t"), utc_now())
    except AccountError as error:
        title, button = N_("Confirm your account"), N_("Confirm and sign in")
        message = problem(error, language)
        return _link_page(
            request, language, "/account/bevestigen", "", title, button, False, message, 400
        )
    response = RedirectResponse("/mijn", 303, headers=PRIVATE)
    set_session_cookie(response, request, session, config)
    return response


# -- confirming an e-mail address for alerts --------------------------------------------------


@router.get("/account/adres-bevestigen", response_class=HTMLResponse)
def confirm_address_page(
    request: Request, language: LanguageDep, t: TokenQuery = ""
) -> HTMLResponse:
    title, button = N_("Alerts to this e-mail address?"), N_("Yes, send alerts here")
    return _link_page(request, language, "/account/adres-bevestigen", t, title, button)


@router.post("/account/adres-bevestigen", response_class=HTMLResponse)
def confirm_address(
    request: Request, form: FormDep, store: StoreDep, config: SettingsDep, language: LanguageDep
) -> HTMLResponse:
    check_same_origin(request, config)
    try:
        address = trust.confirm_channel(store, config, form.get("t"), utc_now())
    except AccountError as error:
        return message_page(
            request, language, N_("Alerts to this e-mail address?"), problem(error, language)
        )
    text = translate(language, N_("Confirmed: alerts may now go to %(email)s.")) % {
        "email": address
    }
    return message_page(request, language, N_("Address confirmed"), text)


@router.post("/mijn/instellingen/kanalen/{channel_id}/bevestiging", response_model=None)
def resend_confirmation(
    channel_id: deps.RowIdPath,
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    config: SettingsDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    try:
        outgoing = trust.resend_channel_confirmation(
            store, config, viewer.user_id, channel_id, utc_now()
        )
    except AccountError as error:
        return _settings_page(request, viewer, store, language, 404, error=problem(error, language))
    sent = trust.send(store, config, outgoing, utc_now())
    return _settings_page(request, viewer, store, language, confirming=(outgoing.to, sent.ok))


# -- forgotten password -----------------------------------------------------------------------


@router.get("/account/wachtwoord-vergeten", response_class=HTMLResponse)
def forgot_page(request: Request, language: LanguageDep) -> HTMLResponse:
    return render(request, "account_forgot.html", {}, language)


@router.post("/account/wachtwoord-vergeten", response_class=HTMLResponse)
def forgot(
    request: Request, form: FormDep, store: StoreDep, config: SettingsDep, language: LanguageDep
) -> HTMLResponse:
    check_same_origin(request, config)
    outgoing = trust.request_reset(store, config, form.get("email"), utc_now())
    if outgoing is not None:
        sent = trust.send(store, config, outgoing, utc_now())
        if not sent.ok:
            log.warning("password reset mail not sent: %s", sent.error)
    text = translate(
        language,
        N_(
            "If there is an account with this address, we sent it an e-mail with a link to "
            "choose a new password. The link works once, for a short while."
        ),
    )
    return message_page(request, language, N_("Check your e-mail"), text)


@router.get("/account/nieuw-wachtwoord", response_class=HTMLResponse)
def reset_page(
    request: Request,
    store: StoreDep,
    config: SettingsDep,
    language: LanguageDep,
    t: TokenQuery = "",
) -> HTMLResponse:
    title, button = N_("Choose a new password"), N_("Save the new password")
    try:
        trust.check_reset_link(store, config, t, utc_now())
    except AccountError as error:
        return message_page(request, language, title, problem(error, language))
    return _link_page(request, language, "/account/nieuw-wachtwoord", t, title, button, True)


@router.post("/account/nieuw-wachtwoord", response_model=None)
def reset(
    request: Request, form: FormDep, store: StoreDep, config: SettingsDep, language: LanguageDep
) -> Response:
    check_same_origin(request, config)
    token = form.get("t")
    try:
        session = trust.reset_password(store, config, token, form.get("password"), utc_now())
    except AccountError as error:
        title, button = N_("Choose a new password"), N_("Save the new password")
        message = problem(error, language)
        return _link_page(
            request, language, "/account/nieuw-wachtwoord", token, title, button, True, message, 400
        )
    response = RedirectResponse("/mijn", 303, headers=PRIVATE)
    set_session_cookie(response, request, session, config)
    return response


# -- the reader's password and account --------------------------------------------------------


@router.post("/mijn/instellingen/wachtwoord", response_model=None)
def change_password(
    request: Request, viewer: ViewerDep, form: FormDep, store: StoreDep, language: LanguageDep
) -> Response:
    check_csrf(request, viewer, form)
    try:
        trust.change_password(
            store,
            viewer.user_id,
            form.get("current_password"),
            form.get("new_password"),
            request.cookies.get(SESSION_COOKIE, ""),
        )
    except AccountError as error:
        return _settings_page(request, viewer, store, language, 400, error=problem(error, language))
    return RedirectResponse("/mijn/instellingen?opgeslagen=1", 303, headers=PRIVATE)


@router.post("/mijn/instellingen/verwijderen", response_model=None)
def delete_account(
    request: Request,
    viewer: ViewerDep,
    form: FormDep,
    store: StoreDep,
    config: SettingsDep,
    language: LanguageDep,
) -> Response:
    check_csrf(request, viewer, form)
    try:
        trust.delete_account(store, viewer.user_id, form.get("password"))
    except AccountError as error:
        return _settings_page(request, viewer, store, language, 400, error=problem(error, language))
    text = translate(language, N_("Your account and everything in it are gone."))
    response = message_page(request, language, N_("Account deleted"), text)
    clear_session_cookie(response, request, config)
    response.headers.update(PRIVATE)
    return response
