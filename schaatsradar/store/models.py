"""Tables as SQLAlchemy 2 models. Migrations in `migrations/versions` create them; this module
is what queries are written against. Search-index structures that differ per database (FTS5,
tsvector) live in the migrations and in `dialect.py`, not here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Source(Base):
    """A publisher of articles; those with a feed_url are polled by `schaatsradar poll`."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    feed_url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Article(Base):
    """One stored story. `original_text` is kept verbatim; `clean_text` is what readers and
    search see. `cluster_id` is the id of the first article of its near-duplicate cluster."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(5))
    language: Mapped[str] = mapped_column(String(8), index=True)
    original_text: Mapped[str] = mapped_column(Text)
    clean_text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(32), unique=True)
    cluster_id: Mapped[int] = mapped_column(Integer, index=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    boundary_paragraphs: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(Text)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ArticleAlias(Base):
    """The same story seen again (another URL or another source): skipped as an article but
    remembered, so "also published by N sources" counts it and the URL is known next time."""

    __tablename__ = "article_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    origin: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime)


class MinhashBand(Base):
    """Locality-sensitive hashing bands of each article's MinHash: articles sharing a band
    key are near-duplicate candidates. Kept in SQL so both databases find them by index."""

    __tablename__ = "minhash_bands"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 (SQLAlchemy reads it as is)

    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)


class BoundaryParagraph(Base):
    """How many articles of a source start or end with a paragraph: promo recurs, news not."""

    __tablename__ = "boundary_paragraphs"

    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    paragraph_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_count: Mapped[int] = mapped_column(Integer, default=0)


class ArticleFacts(Base):
    """What extraction found in an article's clean text (the extraction contract's shape;
    evidence spans index that text). `extractor` names the version, so a new extractor can
    re-process only what an older one wrote."""

    __tablename__ = "article_facts"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    extractor: Mapped[str] = mapped_column(String(64), index=True)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    extracted_at: Mapped[dt.datetime] = mapped_column(DateTime)
