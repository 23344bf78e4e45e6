"""One settings object for the whole service, read from the environment once and passed in.

Every field is documented in the README's configuration table; a test fails when one is not,
so the docs cannot drift from the code.
"""

from __future__ import annotations

import ipaddress
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
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
            "Comma-separated CIDR ranges that feeds, pages and alert destinations (webhooks, "
            "push services) may resolve to although they are private or loopback "
            "(e.g. 127.0.0.1/32); everything private is refused otherwise"
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
    delivery_timeout: float = Field(
        default=10.0,
        gt=0,
        description="Seconds a webhook receiver or push service has to answer one alert",
    )
    smtp_host: str = Field(default="127.0.0.1", description="SMTP server that sends alert e-mail")
    smtp_port: int = Field(default=25, gt=0, lt=65536, description="Port of the SMTP server")
    smtp_username: str | None = Field(
        default=None, description="SMTP login name (none: send without logging in)"
    )
    smtp_password: SecretStr | None = Field(
        default=None, description="SMTP password (never logged or shown)"
    )
    smtp_starttls: bool = Field(
        default=False, description="Upgrade the SMTP connection with STARTTLS before sending"
    )
    smtp_timeout: float = Field(
        default=30.0, gt=0, description="Seconds before an SMTP conversation gives up"
    )
    mail_from: str = Field(
        default="Schaatsradar <alerts@schaatsradar.invalid>",
        description="From address of alert e-mail; its domain also ends every Message-ID",
    )
    vapid_subject: str = Field(
        default="mailto:alerts@schaatsradar.invalid",
        description="Contact (mailto: or https:) push services see in our VAPID signature",
    )

    site_url: str = Field(
        default="http://127.0.0.1:8000",
        description="The site's public address, for links in alerts (no trailing slash)",
    )
    worker_batch: int = Field(
        default=500, gt=0, description="Alerts one worker claims and sends per round"
    )
    worker_poll_seconds: float = Field(
        default=0.1, gt=0, description="Seconds an idle worker waits before looking for alerts"
    )
    worker_lease_seconds: float = Field(
        default=60.0,
        gt=0,
        description="Seconds a claimed alert is its worker's; then (worker killed) it is due again",
    )
    alert_retry_base_seconds: float = Field(
        default=5.0, gt=0, description="First wait before resending a failed alert (doubles)"
    )
    alert_retry_max_seconds: float = Field(
        default=3600.0,
        gt=0,
        le=7 * 24 * 3600,
        description=(
            "Longest wait between two attempts at one alert: caps the back-off and a "
            "receiver's Retry-After (in seconds or as a date), however long it asks for"
        ),
    )
    alert_dead_after_hours: float = Field(
        default=24.0, gt=0, description="Hours of failures after which an alert is given up (dead)"
    )
    background_nice: int = Field(
        default=10,
        ge=0,
        le=19,
        description=(
            "Niceness that ingest, poll, reconcile, official poll and the worker raise "
            "themselves to, so the site's requests get the cores first (0: unchanged)"
        ),
    )
    stream_threads: int = Field(
        default=4,
        ge=1,
        description=(
            "Threads open live pages (/api/v1/stream) share for their database polls, apart "
            "from the rest of the site's"
        ),
    )

    session_days: int = Field(
        default=30, gt=0, description="Days a sign-in lasts before the reader signs in again"
    )
    trusted_proxy: bool = Field(
        default=False,
        description=(
            "Trust X-Forwarded-Proto and X-Forwarded-Host from the proxy in front (on: TLS "
            "ends there, so session cookies get Secure from its header)"
        ),
    )

    # -- accounts a reader can trust (issue 14) --------------------------------------------
    max_channels_per_reader: int = Field(
        default=10,
        ge=1,
        description="Alert channels (webhooks, e-mail addresses, browsers) one reader may have",
    )
    confirm_link_hours: float = Field(
        default=48.0,
        gt=0,
        description="Hours a mailed link that confirms an account or an e-mail channel works",
    )
    reset_link_minutes: float = Field(
        default=60.0, gt=0, description="Minutes a mailed password-reset link works (once)"
    )
    sign_in_failures_per_account: int = Field(
        default=10,
        ge=1,
        description="Failed sign-ins to one address within the window before it is paused",
    )
    sign_in_failures_per_client: int = Field(
        default=30,
        ge=1,
        description="Failed sign-ins from one client address within the window before it waits",
    )
    sign_in_window_seconds: int = Field(
        default=900, gt=0, description="Seconds over which failed sign-ins are counted"
    )
    account_mails_per_address: int = Field(
        default=5,
        ge=1,
        description="Account e-mails (confirmations, resets) one address gets within the window",
    )
    max_concurrent_password_hashes: int = Field(
        default=2,
        ge=1,
        description="Password hashes (64 MiB each) computed at once; more sign-ins wait their turn",
    )

    # -- Limits on what one request may cost (the README's "Limits" lists them) ---------------
    max_body_bytes: int = Field(
        default=64 * 1024,
        gt=0,
        description=(
            "Largest request body of a form or a JSON write (/api/v1/me, sources, merges, "
            "account pages); a larger one is refused with 413 before it is read"
        ),
    )
    max_article_post_bytes: int = Field(
        default=2_000_000,
        gt=0,
        description="Largest body of POST /api/v1/articles (one whole article), in bytes",
    )
    max_header_bytes: int = Field(
        default=16 * 1024,
        gt=0,
        description="Largest request line plus headers `serve` accepts, in bytes (else 431/400)",
    )
    keep_alive_seconds: int = Field(
        default=5,
        gt=0,
        description="Seconds `serve` keeps an idle keep-alive connection open",
    )

    @field_validator("allow_private_networks", mode="before")
    @classmethod
    def _split_networks(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
