"""RSS and Atom feeds (feedparser). Items that carry only a summary get their linked page's
main text (trafilatura), because a teaser is not the story."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from schaatsradar.errors import (
    BAD_FEED,
    EMPTY_TEXT,
    ITEM_FAILED,
    NO_DATE_LINE,
    InputRejected,
    SchaatsradarError,
)
from schaatsradar.ingest.pages import fragment_text, page_text
from schaatsradar.ingest.seedformat import parse_date
from schaatsradar.ingest.types import RawArticle, Rejection, failure_reason

FetchPage = Callable[[str], bytes]
# A numeric character reference: feedparser raises on those to surrogates or past U+10FFFF
# (`&#xD800;`), failing the whole feed for one title.
CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
REPLACEMENT_REF = b"&#xFFFD;"


def _no_impossible_refs(content: bytes) -> bytes:
    """References to characters that cannot exist become U+FFFD, as undecodable bytes do."""

    def fix(match: re.Match[bytes]) -> bytes:
        code = int(match[1], 16) if match[1] else int(match[2])
        return REPLACEMENT_REF if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF else match[0]

    return CHAR_REF.sub(fix, content)


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
    try:
        parsed = feedparser.parse(_no_impossible_refs(content))
    except Exception as error:  # isolation: a parser failure fails this feed alone
        yield Rejection(location, BAD_FEED, f"invalid feed: {failure_reason(error)}")
        return
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "not a feed")
        yield Rejection(location, BAD_FEED, f"invalid feed XML: {reason}")
        return
    for index, entry in enumerate(parsed.entries, start=1):
        origin = f"{location}#item{index}"
        try:
            origin = entry.get("link") or origin
            article = _entry_article(entry, origin, today, fetch_page, source_key)
        except SchaatsradarError as error:
            yield Rejection(origin, error.code, error.message)
        except Exception as error:  # isolation: the item fails alone
            yield Rejection(origin, ITEM_FAILED, failure_reason(error))
        else:
            yield article


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
