"""From what the user names (files, folders, URLs) to a stream of RawArticles and Rejections.

Every problem is isolated to its item: a bad file, line or feed becomes a Rejection with a
location and the batch goes on. That holds for errors nobody foresaw too (a JSON line nested
100,000 deep, a parser's own bug): they fail their line, file or URL, never the run.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from schaatsradar.errors import (
    BAD_JSON,
    ITEM_FAILED,
    NOT_FOUND,
    TOO_LARGE,
    UNDECODABLE,
    InputRejected,
    SchaatsradarError,
)
from schaatsradar.ingest.decode import decode_text
from schaatsradar.ingest.feeds import looks_like_feed, read_feed
from schaatsradar.ingest.fetch import Fetcher
from schaatsradar.ingest.pages import looks_like_html, read_page
from schaatsradar.ingest.records import raw_from_record
from schaatsradar.ingest.seedformat import parse_seed_text
from schaatsradar.ingest.types import RawArticle, Rejection, TextFile, failure_reason
from schaatsradar.settings import Settings

Item = RawArticle | Rejection | TextFile
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# An archive exported as compressed JSON Lines is read as it is (a million articles take a
# fifth of the disk): `news.jsonl.gz`.
GZIP_JSONL_ENDINGS = (".jsonl.gz", ".ndjson.gz")
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt", ""}
FOLDER_SUFFIXES = JSONL_SUFFIXES | FEED_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES


@dataclass
class ReadContext:
    settings: Settings
    today: dt.date
    source_key: str | None = None
    defer_text_files: bool = False  # hand .txt files over unread (see TextFile)
    _fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def fetch_page(self, url: str) -> bytes:
        return self.fetcher.get(url).content

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.client.close()


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def expand_targets(targets: list[str]) -> tuple[list[str], list[Rejection]]:
    """Folders become the article files below them (sorted); missing paths are rejected."""
    found: list[str] = []
    missing: list[Rejection] = []
    for target in targets:
        path = Path(target)
        if is_url(target) or path.is_file():
            found.append(target)
        elif path.is_dir():
            found.extend(_article_files(path))
        else:
            missing.append(Rejection(target, NOT_FOUND, "no such file, folder or URL"))
    return found, missing


def _article_files(folder: Path) -> list[str]:
    """Article files below `folder`, sorted, skipping hidden files and folders."""
    files: list[str] = []
    for root, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        files.extend(
            os.path.join(root, name)
            for name in names
            if not name.startswith(".")
            and (
                os.path.splitext(name)[1].lower() in FOLDER_SUFFIXES
                or name.lower().endswith(GZIP_JSONL_ENDINGS)
            )
        )
    return sorted(files)


def read_target(target: str, ctx: ReadContext) -> Iterator[Item]:
    try:
        if is_url(target):
            yield from _read_url(target, ctx)
        else:
            yield from _read_file(Path(target), ctx)
    except SchaatsradarError as error:
        yield Rejection(target, error.code, error.message)
    except OSError as error:
        yield Rejection(target, UNDECODABLE, f"cannot read: {error.strerror or error}")
    except Exception as error:  # isolation: whatever else breaks fails this target alone
        yield Rejection(target, ITEM_FAILED, failure_reason(error))


def _read_url(url: str, ctx: ReadContext) -> Iterator[Item]:
    result = ctx.fetcher.get(url)
    kind = result.content_type.lower()
    if "xml" in kind or "rss" in kind or "atom" in kind or looks_like_feed(result.content[:1000]):
        yield from read_feed(result.content, url, ctx.today, ctx.fetch_page, ctx.source_key)
    else:
        yield read_page(result.content, url, result.url, ctx.today, ctx.source_key)


def read_text_file(item: TextFile, settings: Settings, today: dt.date) -> list[Item]:
    """Read a deferred text file, as `read_target` would have (in a worker process)."""
    ctx = ReadContext(settings, today, item.source_key)
    try:
        return list(read_target(item.path, ctx))
    finally:
        ctx.close()


def _read_file(path: Path, ctx: ReadContext) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if ctx.defer_text_files and suffix in TEXT_SUFFIXES:
        yield TextFile(str(path), ctx.source_key)
        return
    source_key = ctx.source_key or path.parent.name or "files"
    if suffix in JSONL_SUFFIXES or path.name.lower().endswith(GZIP_JSONL_ENDINGS):
        yield from _read_jsonl(path, ctx, source_key)
        return
    size = path.stat().st_size
    if size > ctx.settings.max_file_bytes:
        raise InputRejected(
            f"file too large ({size / 1e6:.1f} MB; the limit is "
            f"{ctx.settings.max_file_bytes / 1e6:.1f} MB, SCHAATSRADAR_MAX_FILE_BYTES)",
            TOO_LARGE,
        )
    data = path.read_bytes()
    head = data[:4096]
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(head)):
        yield from read_feed(data, str(path), ctx.today, ctx.fetch_page, ctx.source_key)
    elif suffix in HTML_SUFFIXES or looks_like_html(head):
        yield read_page(data, str(path), None, ctx.today, ctx.source_key)
    else:
        published, precision, text = parse_seed_text(decode_text(data), ctx.today)
        yield RawArticle(f"{path}:1", text, published, precision, source_key=source_key)


def _read_jsonl(path: Path, ctx: ReadContext, source_key: str) -> Iterator[Item]:
    limit = ctx.settings.max_line_bytes
    with _opened_lines(path) as stream:
        number = 0
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            origin = f"{path}:{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield Rejection(origin, TOO_LARGE, f"line longer than {limit} bytes")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(decode_text(line))
                raw = raw_from_record(record, origin, ctx.today, ctx.source_key)
                if raw.source_key is None and raw.url is None:
                    raw = replace(raw, source_key=source_key)
                yield raw
            except json.JSONDecodeError as error:
                yield Rejection(
                    origin, BAD_JSON, f"invalid JSON: {error.msg} at column {error.colno}"
                )
            except SchaatsradarError as error:
                yield Rejection(origin, error.code, error.message)
            except RecursionError as error:
                yield Rejection(origin, BAD_JSON, f"invalid JSON: {failure_reason(error)}")
            except Exception as error:  # isolation: the line fails alone
                yield Rejection(origin, ITEM_FAILED, failure_reason(error))


def _opened_lines(path: Path) -> BinaryIO:
    """The file's bytes, decompressed as they are read when it is gzipped."""
    if path.name.lower().endswith(GZIP_JSONL_ENDINGS):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return
