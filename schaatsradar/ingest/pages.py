"""Single HTML pages: main text, title and date with trafilatura."""

from __future__ import annotations

import datetime as dt
from typing import Any

import trafilatura

from schaatsradar.errors import NO_ARTICLE_IN_PAGE, NO_DATE_IN_PAGE, InputRejected
from schaatsradar.ingest.seedformat import parse_date
from schaatsradar.ingest.types import RawArticle

MIN_ARTICLE_CHARS = 120


def looks_like_html(head: bytes) -> bool:
    sample = head.lstrip()[:200].lower()
    return sample.startswith((b"<!doctype html", b"<html")) or b"<body" in head[:4096].lower()


def _paragraphs(extracted: str) -> str:
    """trafilatura puts one paragraph per line; the rest of Schaatsradar separates them by a
    blank line."""
    return "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's content), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    wrapped = f"<html><body><article>{fragment}</article></body></html>"
    extracted = trafilatura.extract(wrapped, favor_recall=True, include_comments=False)
    return _paragraphs(extracted or "")


def page_text(html: bytes | str, url: str | None = None) -> str | None:
    extracted = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    return _paragraphs(extracted) if extracted else None


def read_page(
    html: bytes | str, origin: str, url: str | None, today: dt.date, source_key: str | None = None
) -> RawArticle:
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    document: dict[str, Any] = {}
    if isinstance(extracted, dict):
        document = extracted
    elif extracted is not None:
        document = extracted.as_dict()
    text = _paragraphs(document.get("text") or "")
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputRejected("no article text found in the page", NO_ARTICLE_IN_PAGE)
    if not document.get("date"):
        raise InputRejected("the page carries no publication date in its metadata", NO_DATE_IN_PAGE)
    published, precision = parse_date(str(document["date"])[:10], today)
    return RawArticle(
        origin=origin,
        text=text,
        published=published,
        date_precision=precision,
        title=(document.get("title") or "").strip() or None,
        url=url or document.get("url"),
        source_key=source_key,
    )
