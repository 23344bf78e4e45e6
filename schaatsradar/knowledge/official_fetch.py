"""Official result JSON from a file or a configured URL, fetched politely.

The ISU results API and SpeedSkatingResults.com are run by small organisations, and a results
service polls them all season; each poll must cost them little. So: conditional requests
(ETag / Last-Modified), so an unchanged list costs one 304; a least interval between two
requests to one host; and the timeouts, size cap and private-network guard every Schaatsradar
request has (`ingest.fetch`). Reading JSON is all this module does with the answer: turning it
into facts is `official`, storing them is `store/`.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from schaatsradar.errors import BAD_JSON, NOT_FOUND, TOO_LARGE, UNDECODABLE, InputRejected
from schaatsradar.ingest.fetch import Fetcher
from schaatsradar.settings import Settings


@dataclass(frozen=True)
class OfficialDownload:
    """One poll's answer. Keep `etag` and `last_modified` for the next poll of `url`."""

    url: str
    payload: Any  # the parsed JSON; None when not modified
    etag: str | None
    last_modified: str | None
    not_modified: bool


def decode_json(content: bytes, origin: str) -> Any:
    """Parsed JSON, or an error that says where the text stops being JSON."""
    try:
        return json.loads(content)
    except UnicodeDecodeError as error:
        raise InputRejected(f"{origin}: not UTF-8 JSON ({error.reason})", UNDECODABLE) from None
    except json.JSONDecodeError as error:
        raise InputRejected(
            f"{origin}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})",
            BAD_JSON,
        ) from None


def read_official_file(path: Path, settings: Settings) -> Any:
    """The JSON in a saved API answer; the size cap is checked before anything is read."""
    if not path.is_file():
        raise InputRejected(f"{path}: no such file", NOT_FOUND)
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise InputRejected(
            f"{path}: {size} bytes exceeds the {settings.max_file_bytes}-byte limit", TOO_LARGE
        )
    return decode_json(path.read_bytes(), str(path))


class OfficialPoller:
    """Fetches official JSON URLs for one run, one host at a time at most every
    `official_min_interval_seconds`; use as a context manager."""

    def __init__(self, settings: Settings) -> None:
        self.min_interval = settings.official_min_interval_seconds
        self.fetcher = Fetcher(settings)
        self.last_request: dict[str, float] = {}  # host -> time.monotonic() of the last answer

    def __enter__(self) -> OfficialPoller:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.fetcher.client.close()

    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> OfficialDownload:
        """The JSON at `url`, or `not_modified` when the validators of the last poll still
        hold. Raises FetchError (timeout, HTTP error, too large, refused address) or
        InputRejected (not JSON)."""
        host = (urlsplit(url).hostname or "").lower()
        self._wait_for_turn(host)
        try:
            answer = self.fetcher.get(url, etag, last_modified)
        finally:
            self.last_request[host] = time.monotonic()
        if answer.not_modified:
            return OfficialDownload(
                answer.url, None, answer.etag or etag, answer.last_modified or last_modified, True
            )
        payload = decode_json(answer.content, answer.url)
        return OfficialDownload(answer.url, payload, answer.etag, answer.last_modified, False)

    def _wait_for_turn(self, host: str) -> None:
        last = self.last_request.get(host)
        if last is None:
            return
        wait = last + self.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
