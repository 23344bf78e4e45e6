"""The types one article passes through on its way in: RawArticle -> PreparedArticle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "month"]


@dataclass(frozen=True)
class RawArticle:
    """What a reader found: text and date, before cleaning or deduplication."""

    origin: str  # where it came from, for reports: "path:line" or a URL
    text: str
    published: dt.date
    date_precision: DatePrecision = "day"
    title: str | None = None
    url: str | None = None
    source_key: str | None = None
    demo: bool = False


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a stable code and a plain reason."""

    origin: str
    code: str
    reason: str


def failure_reason(error: BaseException) -> str:
    """A plain reason for an error nobody raised on purpose: its kind and first words."""
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    message = str(error).splitlines()[0] if str(error) else ""
    return f"unexpected {type(error).__name__}: {message[:200]}".rstrip(": ")


@dataclass(frozen=True)
class TextFile:
    """A text file found but not read yet: a big ingest reads these in its worker processes,
    where decoding and parsing cost no time in the process that writes to the database."""

    path: str
    source_key: str | None  # the --source override, if any


@dataclass(frozen=True)
class PreparedArticle:
    """A cleaned, fingerprinted article, ready to be checked against the store."""

    raw: RawArticle
    url: str | None
    source_key: str
    title: str
    clean_text: str
    language: str
    text_hash: str
    signature: bytes
    band_keys: tuple[int, ...]
    boundary_paragraphs: tuple[int, ...]
    search_terms: tuple[str, str]  # the store's index text for title and body, computed here
    facts: dict[str, Any] | None = None  # extraction contract for clean_text, when extracted
    # PostgreSQL's search lexemes of search_terms (`pg_search.article_lexemes`), when the
    # store is PostgreSQL: made here, in the worker processes, rather than by the writer
    search_lexemes: tuple[str, str] | None = None


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def merge(self, other: IngestReport) -> None:
        self.new += other.new
        self.duplicate += other.duplicate
        self.near_duplicate += other.near_duplicate
        self.rejected.extend(other.rejected)
