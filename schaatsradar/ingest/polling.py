"""`refresh_source()`: poll one registered feed politely, ingest what is new.

Conditional requests (ETag / Last-Modified) make an unchanged feed cost one 304. A failing
source waits twice as long after each failure, up to a cap, so a dead site is not hammered.

A source can only fail itself: whatever goes wrong while one source is read is counted as that
source's failure, with the reason, and the poll goes on to the next. Items of a feed that are
refused are named in the source's last error, while its good items are stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from schaatsradar.errors import ITEM_FAILED, SchaatsradarError
from schaatsradar.ingest.feeds import looks_like_feed, read_feed
from schaatsradar.ingest.fetch import Fetcher, check_url_allowed
from schaatsradar.ingest.pages import read_page
from schaatsradar.ingest.pipeline import ingest
from schaatsradar.ingest.text_safety import printable
from schaatsradar.ingest.types import IngestReport, RawArticle, Rejection, failure_reason
from schaatsradar.ingest.urls import source_key_for
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import sources as stored_sources


@dataclass
class PollResult:
    source: str
    status: str  # "new content", "not modified", "failed"
    report: IngestReport = field(default_factory=IngestReport)
    error: str | None = None


def add_source(store: Store, url: str, settings: Settings, now: dt.datetime) -> tuple[int, bool]:
    """Register a feed or page URL for polling; refuses URLs it would never fetch."""
    check_url_allowed(url, settings)
    key = source_key_for(url) or url
    with store.write() as conn:
        return stored_sources.add_feed(conn, key, url, now)


def next_poll(now: dt.datetime, failures: int, settings: Settings) -> dt.datetime:
    minutes = min(settings.poll_interval_minutes * 2**failures, settings.poll_max_backoff_minutes)
    return now + dt.timedelta(minutes=minutes)


def refresh_source(
    store: Store,
    fetcher: Fetcher,
    source: stored_sources.PolledSource,
    settings: Settings,
    now: dt.datetime,
) -> PollResult:
    try:
        result = fetcher.get(source.feed_url, source.etag, source.last_modified)
    except SchaatsradarError as error:
        return _failed(store, source, settings, now, f"{error.code} {error.message}")
    report = IngestReport()
    if not result.not_modified:
        report = ingest(
            store, _items(result.content, result.content_type, source, fetcher, now), settings, now
        )
    with store.write() as conn:
        stored_sources.record_success(
            conn,
            source.id,
            now,
            next_poll(now, 0, settings),
            result.etag,
            result.last_modified,
            rejected_summary(report.rejected),
        )
    return PollResult(
        source.feed_url, "not modified" if result.not_modified else "new content", report
    )


def _failed(
    store: Store,
    source: stored_sources.PolledSource,
    settings: Settings,
    now: dt.datetime,
    reason: str,
) -> PollResult:
    with store.write() as conn:
        stored_sources.record_failure(
            conn, source.id, now, next_poll(now, source.error_count + 1, settings), reason
        )
    return PollResult(source.feed_url, "failed", error=reason)


def rejected_summary(rejected: list[Rejection]) -> str | None:
    """The refused items of one poll as the source's last error: how many, and the first."""
    if not rejected:
        return None
    first = rejected[0]
    more = f" (and {len(rejected) - 1} more)" if len(rejected) > 1 else ""
    count = f"{len(rejected)} item{'s' if len(rejected) > 1 else ''} refused"
    return f"{count}: {first.code} {first.reason} at {first.origin}{more}"


def _items(
    content: bytes,
    content_type: str,
    source: stored_sources.PolledSource,
    fetcher: Fetcher,
    now: dt.datetime,
) -> list[RawArticle | Rejection]:
    today = now.date()
    if "xml" in content_type or "rss" in content_type or looks_like_feed(content[:1000]):
        return list(
            read_feed(
                content, source.feed_url, today, lambda url: fetcher.get(url).content, source.key
            )
        )
    try:
        return [read_page(content, source.feed_url, source.feed_url, today, source.key)]
    except SchaatsradarError as error:
        return [Rejection(source.feed_url, error.code, error.message)]
    except Exception as error:  # isolation: the page fails alone
        return [Rejection(source.feed_url, ITEM_FAILED, failure_reason(error))]


def poll_due(store: Store, settings: Settings, now: dt.datetime) -> list[PollResult]:
    """Every due source, each on its own: one that breaks is recorded as failed, with the
    reason, and the rest are still polled."""
    with store.read() as conn:
        due = stored_sources.due_feeds(conn, now)
    results = []
    with Fetcher(settings) as fetcher:
        for source in due:
            try:
                results.append(refresh_source(store, fetcher, source, settings, now))
            except Exception as error:  # isolation: this source fails alone
                reason = printable(f"{ITEM_FAILED} {failure_reason(error)}")
                results.append(_failed(store, source, settings, now, reason))
    return results
