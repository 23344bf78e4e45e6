"""Polling the official result lists a newsroom registered (`schaatsradar official add URL`):
each is fetched when due, politely (ETag and Last-Modified kept between polls, a minimum
interval per host, doubling back-off after failures), and imported in one transaction.

A list can only fail itself: whatever goes wrong while one is fetched, read or imported (a
500, a body that is no JSON or nests too deeply to read, any error nobody expected) is
recorded as that source's failure, with the reason, and the poll goes on to the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schaatsradar.errors import ITEM_FAILED, SchaatsradarError
from schaatsradar.ingest.fetch import check_url_allowed
from schaatsradar.ingest.polling import next_poll
from schaatsradar.ingest.text_safety import printable
from schaatsradar.ingest.types import failure_reason
from schaatsradar.knowledge.book import Outcome, import_official
from schaatsradar.knowledge.official import parse_official
from schaatsradar.knowledge.official_fetch import OfficialPoller
from schaatsradar.settings import Settings
from schaatsradar.store import Store
from schaatsradar.store import sources as stored_sources


@dataclass
class OfficialPoll:
    url: str
    status: str  # "imported", "not modified", "failed"
    outcome: Outcome | None = None
    error: str | None = None


def add_official(store: Store, url: str, settings: Settings, now: dt.datetime) -> bool:
    """Registers `url`; False when it was registered already. A URL the poller would never
    fetch (not http(s), or resolving to a private address) is refused now with FetchError,
    not stored to fail at every poll."""
    check_url_allowed(url, settings)
    with store.write() as conn:
        _, created = stored_sources.add_feed(
            conn, f"{stored_sources.OFFICIAL_PREFIX}{url}", url, now
        )
    return created


def poll_official(store: Store, settings: Settings, now: dt.datetime) -> list[OfficialPoll]:
    with store.read() as conn:
        due = stored_sources.due_feeds(conn, now, official=True)
    polls = []
    with OfficialPoller(settings) as poller:
        for source in due:
            try:
                download = poller.fetch(source.feed_url, source.etag, source.last_modified)
                outcome = None
                if not download.not_modified:
                    data = parse_official(download.payload, source.feed_url)
                    with store.write() as conn:
                        outcome = import_official(conn, data, now)
            except Exception as error:  # isolation: this list fails alone
                reason = printable(
                    f"{error.code} {error.message}"
                    if isinstance(error, SchaatsradarError)
                    else f"{ITEM_FAILED} {failure_reason(error)}"
                )
                with store.write() as conn:
                    stored_sources.record_failure(
                        conn,
                        source.id,
                        now,
                        next_poll(now, source.error_count + 1, settings),
                        reason,
                    )
                polls.append(OfficialPoll(source.feed_url, "failed", error=reason))
                continue
            with store.write() as conn:
                stored_sources.record_success(
                    conn,
                    source.id,
                    now,
                    next_poll(now, 0, settings),
                    download.etag,
                    download.last_modified,
                )
            status = "not modified" if download.not_modified else "imported"
            polls.append(OfficialPoll(source.feed_url, status, outcome))
    return polls
