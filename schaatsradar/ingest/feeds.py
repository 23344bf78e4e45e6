"""RSS and Atom feeds (feedparser). Items that carry only a summary get their linked page's
main text (trafilatura), because a teaser is not the story."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from schaatsradar.errors import BAD_FEED, EMPTY_TEXT, NO_DATE_LINE, InputRejected, SchaatsradarError
from schaatsradar.ingest.pages import fragment_text, page_text
from schaatsradar.ingest.seedformat import parse_date
from schaatsradar.ingest.types import RawArticle, Rejection

FetchPage = Callable[[str], bytes]


def looks_like_feed(head: bytes) -> bool:
    sample = head.lstrip()[:500].lower()
    return (
        sample.startswith(b"<?xml")
        and (b"<rss" in sample or b"<feed" in sample or b"<rdf" in sample)
    ) or sample.startswith((b"<rss", b"<feed"))


def read_feed(
    content: bytes,
    location: str,
    today: dt.date,
    fetch_page: FetchPage | None,
    source_key: str | None = None,
) -> Iterator[RawArticle | Rejection]:
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "not a feed")
        yield Rejection(location, BAD_FEED, f"invalid feed XML: {reason}")
        return
    for index, entry in enumerate(parsed.entries, start=1):
        origin = entry.get("link") or f"{location}#item{index}"
        try:
            yield _entry_article(entry, origin, today, fetch_page, source_key)
        except SchaatsradarError as error:
            yield Rejection(origin, error.code, error.message)


def _entry_article(
    entry: Any, origin: str, today: dt.date, fetch_page: FetchPage | None, source_key: str | None
) -> RawArticle:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        raise InputRejected("feed item has no publication date", NO_DATE_LINE)
    published, precision = parse_date(time.strftime("%Y-%m-%d", stamp), today)
    text = _entry_text(entry, fetch_page)
    if not text:
        raise InputRejected("feed item has no text", EMPTY_TEXT)
    return RawArticle(
        origin=origin,
        text=text,
        published=published,
        date_precision=precision,
        title=(entry.get("title") or "").strip() or None,
        url=entry.get("link"),
        source_key=source_key,
    )


def _entry_text(entry: Any, fetch_page: FetchPage | None) -> str:
    contents = entry.get("content") or []
    if contents:
        return fragment_text(contents[0].get("value", ""))
    summary = fragment_text(entry.get("summary", ""))
    link = entry.get("link")
    if link and fetch_page is not None:
        try:
            full = page_text(fetch_page(link), link)
        except SchaatsradarError:
            full = None  # the page is gone or not an article: the summary is all there is
        if full and len(full) > len(summary):
            return full
    return summary
