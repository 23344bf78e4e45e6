"""The private Atom feed (`/mijn/atom?token=…`): a reader's personal feed for feed readers,
which carry no cookies, opened by a feed token only (a read-only token of its own: the URL
ends up in feed readers, proxies and logs, so it opens no API and changes nothing)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from feedgen.feed import FeedGenerator
from markupsafe import escape

from schaatsradar.accounts import operations
from schaatsradar.personal.feed import personal_feed
from schaatsradar.store import feed_reads
from schaatsradar.web import deps
from schaatsradar.web.deps import Language
from schaatsradar.web.feeds import article_entry
from schaatsradar.web.following import because
from schaatsradar.web.i18n import translate
from schaatsradar.web.pages import reader_today
from schaatsradar.web.sessions import StoreDep

router = APIRouter(include_in_schema=False)
TodayDep = Annotated[dt.date, Depends(reader_today)]
FEED_SIZE = 50
ATOM_TAG = "tag:schaatsradar,2026:/mijn/"
PRIVATE = {"Cache-Control": "private, no-store"}


@router.api_route("/mijn/atom", methods=["GET", "HEAD"], response_model=None)
def private_atom(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    token: str = Query("", max_length=200),
) -> Response:
    """The reader's personal feed, opened by a personal token in the URL. Marked private so
    neither the site's page cache nor a shared proxy keeps one reader's feed for another."""
    account = operations.personal_token_owner(store, token, scope="feed")
    if account is None:
        return Response(
            "unknown or revoked feed token: make a feed address at /mijn/tokens",
            401,
            media_type="text/plain; charset=utf-8",
            headers={**PRIVATE, "WWW-Authenticate": 'Bearer realm="schaatsradar"'},
        )
    language: Language = "en" if account.language == "en" else "nl"
    with store.read() as conn:
        found = personal_feed(conn, account.id, today, limit=FEED_SIZE)
        leads = {e.article_id: str(escape(because(e.reasons, language))) for e in found}
        items = feed_reads.entries(conn, [e.article_id for e in found], leads)
    base_url = deps.site_base(request)
    body = _atom(account.id, items, base_url, str(deps.public_url(request)), language)
    return Response(
        body,
        media_type="application/atom+xml; charset=utf-8",
        headers={"Cache-Control": "private, no-cache", "X-Robots-Tag": "noindex"},
    )


def _atom(
    user_id: int,
    items: list[feed_reads.FeedEntry],
    base_url: str,
    self_url: str,
    language: Language,
) -> bytes:
    """Atom 1.0, entries in the ranked order given; the feed's id is the reader's own."""
    generator = FeedGenerator()
    generator.id(f"{ATOM_TAG}{user_id}")
    generator.title(translate(language, "Schaatsradar: my news"))
    generator.link(href=base_url + "/mijn", rel="alternate", type="text/html")
    generator.link(href=self_url, rel="self", type="application/atom+xml")
    generator.author(name="Schaatsradar")
    generator.language(language)
    stamps = [_utc(item.changed_at) for item in items]
    generator.updated(max(stamps, default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC)))
    for item in items:
        article_entry(generator, item, base_url)
    return bytes(generator.atom_str(pretty=True))


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
