"""Canonical URLs (one story, one URL) and the publisher key derived from them."""

from __future__ import annotations

from urllib.parse import urlsplit

import courlan


def canonical_url(url: str | None) -> str | None:
    """Lower-cased host, no tracking parameters, no fragment (courlan's strict normalisation)."""
    if not url:
        return None
    url = url.strip()
    if urlsplit(url).scheme not in {"http", "https"}:
        return None
    return courlan.normalize_url(url, strict=True)


def source_key_for(url: str | None) -> str | None:
    """The publisher behind a URL: its host without `www.`."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None
