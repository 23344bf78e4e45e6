"""One JSON object (a JSON Lines row, later an API post) to a RawArticle."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schaatsradar.errors import BAD_URL, EMPTY_TEXT, MISSING_FIELD, WRONG_TYPE, InputRejected
from schaatsradar.ingest.seedformat import parse_date
from schaatsradar.ingest.types import RawArticle
from schaatsradar.ingest.urls import canonical_url

REQUIRED = ("date", "text")
OPTIONAL_TEXT = ("url", "title", "source")


def raw_from_record(
    record: Any, origin: str, today: dt.date, source_key: str | None = None
) -> RawArticle:
    if not isinstance(record, dict):
        raise InputRejected(f"expected a JSON object, got {type(record).__name__}", WRONG_TYPE)
    for name in REQUIRED:
        if record.get(name) is None:
            raise InputRejected(f"missing field {name!r}", MISSING_FIELD)
    for name in (*REQUIRED, *OPTIONAL_TEXT):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputRejected(
                f"field {name!r} must be a string, got {type(value).__name__}", WRONG_TYPE
            )
    demo = record.get("demo", False)
    if not isinstance(demo, bool):
        raise InputRejected(f"field 'demo' must be true or false, got {demo!r}", WRONG_TYPE)
    url = record.get("url")
    if url and canonical_url(url) is None:
        raise InputRejected(f"field 'url' is not an http(s) URL: {url!r}", BAD_URL)
    text = record["text"].strip()
    if not text:
        raise InputRejected("empty text", EMPTY_TEXT)
    published, precision = parse_date(record["date"].strip()[:10], today)
    return RawArticle(
        origin=origin,
        text=text,
        published=published,
        date_precision=precision,
        title=(record.get("title") or "").strip() or None,
        url=url or None,
        source_key=record.get("source") or source_key,
        demo=demo,
    )
