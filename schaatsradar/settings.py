"""One settings object for the whole service, read from the environment once and passed in.

Every field is documented in the README's configuration table; a test fails when one is not,
so the docs cannot drift from the code.
"""

from __future__ import annotations

import ipaddress
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class Settings(BaseSettings):
    """Configuration, from `SCHAATSRADAR_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="SCHAATSRADAR_", frozen=True)

    database_url: str = Field(
        default="sqlite:///./schaatsradar.db",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db",
    )
    http_timeout: float = Field(
        default=10.0, gt=0, description="Seconds before any feed or page request gives up"
    )
    max_fetch_bytes: int = Field(
        default=5_000_000, gt=0, description="Largest feed or page body downloaded, in bytes"
    )
    max_file_bytes: int = Field(
        default=10_000_000,
        gt=0,
        description="Largest single-article file (text, HTML, feed) read from disk, in bytes",
    )
    max_line_bytes: int = Field(
        default=2_000_000, gt=0, description="Largest JSON Lines record, in bytes"
    )
    allow_private_networks: Annotated[list[Network], NoDecode] = Field(
        default_factory=list,
        description=(
            "Comma-separated CIDR ranges that feeds and pages may resolve to although they "
            "are private or loopback (e.g. 127.0.0.1/32); everything private is refused otherwise"
        ),
    )
    response_cache: bool = Field(
        default=True,
        description=(
            "Keep public page and API answers in memory until the next content-changing "
            "commit (off: every request is rendered anew)"
        ),
    )
    user_agent: str = Field(
        default="Schaatsradar/0.1 (+https://schaatsradar.invalid/bot)",
        description="User-Agent sent with every request",
    )
    near_duplicate_threshold: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="Estimated Jaccard similarity above which two stories are one cluster",
    )
    boilerplate_min_articles: int = Field(
        default=3,
        ge=2,
        description="A head or tail paragraph seen in this many articles of one source is promo",
    )
    poll_interval_minutes: float = Field(
        default=15.0, gt=0, description="Minutes between two polls of a healthy source"
    )
    poll_max_backoff_minutes: float = Field(
        default=24 * 60.0,
        gt=0,
        description="Longest wait before retrying a failing source (doubles per failure)",
    )
    ingest_workers: int = Field(
        default=2, ge=1, description="Processes that clean and fingerprint articles on big ingests"
    )
    parallel_after: int = Field(
        default=2000,
        ge=0,
        description="Articles an ingest handles in-process before it starts worker processes",
    )
    extract_on_ingest: bool = Field(
        default=True, description="Extract skaters, results and records from every new article"
    )
    ingest_batch_size: int = Field(
        default=500, gt=0, description="Articles committed together in one transaction"
    )
    official_min_interval_seconds: float = Field(
        default=5.0,
        ge=0,
        description="Least seconds between two requests to one host for official results",
    )

    @field_validator("allow_private_networks", mode="before")
    @classmethod
    def _split_networks(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
