"""Templates rendered in the reader's language: one Jinja environment per language, with
the gettext catalogue and the formatting filters of that language installed, so a template
never needs to know which language it is in."""

from __future__ import annotations

import functools
import gc
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from schaatsradar.web import format
from schaatsradar.web.deps import Language
from schaatsradar.web.i18n import LANGUAGES, translations
from schaatsradar.web.sessions import current_viewer

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600
# Filters whose answer depends only on their arguments and the language, and which Babel makes
# slow (a date or number format is ~0.1 ms): a results table repeats a few hundred values.
_PURE_FILTERS = ("race_time", "day", "day_range", "distance", "gender", "country", "level")
# Query parameters that belong to one response only, never to a link to the page.
_TRANSIENT_PARAMETERS = {"lang", "partial"}


@functools.cache
def environment(language: Language) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(format.filters(language))
    for name in _PURE_FILTERS:
        env.filters[name] = functools.lru_cache(maxsize=8192)(env.filters[name])
    # A results table's country and time cells, made by their macros once per value and
    # language: a big meet's page repeats a few countries and times over hundreds of lines.
    env.filters["country_cell"] = _kept_macro(env, "country_code")
    env.filters["time_cell"] = _kept_macro(env, "time")
    env.filters["http_url"] = http_url
    env.filters["web_urls"] = web_urls
    env.filters["host"] = lambda url: urlsplit(url).hostname or url
    env.globals["lang"] = language
    return env


def _kept_macro(env: Environment, name: str) -> Any:
    """The `macros.html` macro `name` (of one value) as a filter that keeps what it made
    (the macro's own output, so a cell is the same whichever way it is written)."""

    @functools.lru_cache(maxsize=8192)
    def kept(value: Any) -> Any:
        return getattr(env.get_template("macros.html").module, name)(value)

    return kept


def settle_memory() -> None:
    """Compile every template, then move what start-up made (modules, Babel's locale data,
    templates, the app) out of the garbage collector's sight (`gc.freeze`): a page of a
    thousand results allocates enough objects to set off full collections, and each
    walked all of that for nothing: a quarter of a big meet page's time."""
    for language in LANGUAGES:
        env = environment(language)
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
    gc.collect()  # what is garbage now is freed, not kept forever
    gc.freeze()


def http_url(url: str | None) -> str | None:
    """The URL when it is a web address a link may point to (never `javascript:` and kin)."""
    return url if url and url.casefold().startswith(("https://", "http://")) else None


def web_urls(text: str | None) -> list[str]:
    """The web addresses in a source field, which may list several separated by ";"."""
    return [url for part in (text or "").split(";") if (url := http_url(part.strip()))]


def page_url(request: Request, **changes: str | None) -> str:
    """This page's path and query with `changes` applied (None removes a parameter)."""
    params = {k: v for k, v in request.query_params.items() if k not in _TRANSIENT_PARAMETERS}
    params.update({k: v for k, v in changes.items() if v is not None})
    for key in [k for k, v in changes.items() if v is None]:
        params.pop(key, None)
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


@dataclass(frozen=True)
class Alternate:
    """The same list in another format (Atom, iCal): a `<link rel="alternate">` in the page's
    head and in its `Link` header, so browsers and feed readers find it."""

    href: str
    media_type: str
    title: str


ATOM = "application/atom+xml"
ICAL = "text/calendar"


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any],
    language: Language,
    status_code: int = 200,
    alternates: Sequence[Alternate] = (),
) -> HTMLResponse:
    other = next(code for code in LANGUAGES if code != language)
    template_context = {
        **context,
        "other_lang": other,
        "switch_url": page_url(request, lang=other),
        "path": request.url.path,
        "alternates": alternates,
        "viewer": (viewer := current_viewer(request)),
    }
    page = environment(language).get_template(template).render(template_context)
    response = HTMLResponse(page, status_code=status_code)
    response.headers["Vary"] = "Accept-Language, Cookie"
    if viewer is not None:  # the page names the reader and holds their CSRF token
        response.headers["Cache-Control"] = "private, no-store"
    if alternates:
        response.headers["Link"] = ", ".join(
            f'<{a.href}>; rel="alternate"; type="{a.media_type}"' for a in alternates
        )
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        # The choice sticks: the next page without ?lang is in the same language.
        response.set_cookie(
            "lang", asked, max_age=LANGUAGE_COOKIE_SECONDS, samesite="lax", httponly=True
        )
    return response
