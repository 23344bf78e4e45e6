"""A calendar file from disk or from an http(s) URL, as bytes for `calendar_import`.

A URL is fetched like every Schaatsradar request (`ingest.fetch`): timeouts, the size cap and
the private-network guard; a file is refused before reading when it is larger than the cap.
"""

from __future__ import annotations

from pathlib import Path

from schaatsradar.errors import NOT_FOUND, TOO_LARGE, InputRejected
from schaatsradar.ingest.fetch import Fetcher
from schaatsradar.ingest.readers import is_url
from schaatsradar.settings import Settings


def read_calendar_source(target: str, settings: Settings) -> tuple[bytes, str]:
    """The bytes of `target` and the name to report problems by (the final URL after
    redirects, or the path)."""
    if is_url(target):
        with Fetcher(settings) as fetcher:
            answer = fetcher.get(target)
        return answer.content, answer.url
    path = Path(target)
    if not path.is_file():
        raise InputRejected(f"{path}: no such file", NOT_FOUND)
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise InputRejected(
            f"{path}: {size} bytes exceeds the {settings.max_file_bytes}-byte limit", TOO_LARGE
        )
    return path.read_bytes(), str(path)
