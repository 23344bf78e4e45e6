"""Following from any page: `POST /volgen` and `POST /ontvolgen` with `kind` and `value`.

An htmx request (HX-Request: true) gets the new button back as a fragment to swap in; a plain
form post is sent back to the page it came from (`next`). Also here: how a followed thing is
named on a page in the reader's language, and the "because you follow …" line of the
personal feed, shared by `/mijn`, the private Atom feed and `/api/v1/feed`."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from babel.lists import format_list
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from schaatsradar.accounts import operations
from schaatsradar.accounts.errors import AccountError
from schaatsradar.personal.feed import Reason, label
from schaatsradar.store import personal
from schaatsradar.web import format
from schaatsradar.web.deps import Language
from schaatsradar.web.deps import language as language_of
from schaatsradar.web.i18n import translate
from schaatsradar.web.names import competition as competition_name
from schaatsradar.web.names import country as country_name
from schaatsradar.web.rendering import render
from schaatsradar.web.sessions import (
    FormDep,
    StoreDep,
    check_csrf,
    current_viewer,
    local_path,
    sign_in_url,
    utc_now,
)

router = APIRouter(include_in_schema=False)
FRAGMENT = "_follow_button.html"


def subject_name(
    kind: str, value: str, labels: Mapping[tuple[str, str], str], language: Language
) -> str:
    """ "Jutta Leerdam", "Nederland", "1.000 m": a followed thing as the page names it."""
    if kind == "country":
        return country_name(value, language)
    if kind == "distance":
        return format.distance(value, language)
    if kind == "competition":
        return competition_name(label(kind, value, labels), language)
    return label(kind, value, labels)


def reason_names(reasons: Iterable[Reason], language: Language) -> list[str]:
    return [subject_name(r.kind, r.value, {(r.kind, r.value): r.label}, language) for r in reasons]


def because(reasons: Iterable[Reason], language: Language) -> str:
    """ "omdat je Jutta Leerdam en Nederland volgt" / "because you follow …"."""
    names = format_list(reason_names(reasons, language), locale=language)
    return translate(language, "because you follow %(names)s") % {"names": names}


@router.post("/volgen", response_model=None)
def follow(request: Request, form: FormDep, store: StoreDep) -> Response:
    return _change(request, form, store, following=True)


@router.post("/ontvolgen", response_model=None)
def unfollow(request: Request, form: FormDep, store: StoreDep) -> Response:
    return _change(request, form, store, following=False)


def _change(request: Request, form: FormDep, store: StoreDep, following: bool) -> Response:
    htmx = request.headers.get("hx-request") == "true"
    back = local_path(form.get("next"), "/")
    viewer = current_viewer(request)
    if viewer is None:
        login = sign_in_url(back)
        if htmx:  # htmx follows HX-Redirect; a plain fetch sees the 401 and posts the form
            return Response("sign in first", 401, headers={"HX-Redirect": login})
        return RedirectResponse(login, 303)
    check_csrf(request, viewer, form)
    try:
        if following:
            done = operations.follow(
                store, viewer.user_id, form.get("kind"), form.get("value"), utc_now()
            )
            subject = (done.kind, done.value)
            follows = viewer.follows | {subject}
        else:
            subject = operations.unfollow(
                store, viewer.user_id, form.get("kind"), form.get("value")
            )
            follows = viewer.follows - {subject}
    except AccountError as error:
        return Response(error.message, 400, media_type="text/plain; charset=utf-8")
    if not htmx:
        return RedirectResponse(back, 303)
    request.state.viewer = dataclasses.replace(viewer, follows=frozenset(follows))
    return button(request, store, *subject, back)


def button(request: Request, store: StoreDep, kind: str, value: str, back: str) -> Response:
    """The follow button of (kind, value) as a fragment, for htmx to swap in."""
    language = language_of(request)
    with store.read() as conn:
        labels = personal.subject_labels(conn, {(kind, value)})
    context = {
        "follow_kind": kind,
        "follow_value": value,
        "follow_label": subject_name(kind, value, labels, language),
        "follow_next": back,
    }
    response = render(request, FRAGMENT, context, language)
    response.headers["Vary"] += ", HX-Request"
    return response
