"""HTTP for feeds and pages: timeouts, a size cap, and no requests into private networks.

Every request (redirects included) is checked before it is sent: the host must resolve only to
public addresses unless its network is allowed in settings. Without that, a feed URL submitted
through the API could make the server read its own admin endpoints or the cloud metadata
service. The connection itself goes to an address we resolved and vetted
(`netguard.PinnedBackend`), so a name that answers public for the check and 127.0.0.1 for the
connection (DNS rebinding) is refused too. Proxies from the environment are not used: a proxy
would resolve the name itself, past our check.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from schaatsradar import __version__
from schaatsradar.errors import (
    BAD_URL,
    HTTP_STATUS,
    NETWORK,
    PRIVATE_ADDRESS,
    RESPONSE_TOO_LARGE,
    TIMEOUT,
    FetchError,
)
from schaatsradar.netguard import (
    PinnedBackend,
    PrivateAddress,
    Resolver,
    UnresolvableHost,
    check_host,
    system_resolver,
)
from schaatsradar.settings import Settings

MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url_allowed(url: str, settings: Settings, resolve: Resolver = system_resolver) -> None:
    """Raise FetchError unless `url` is http(s) and resolves only to allowed addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError(f"not a valid URL: {url!r}", BAD_URL) from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}", BAD_URL)
    default_port = 443 if parts.scheme == "https" else 80
    try:
        check_host(parts.hostname, port or default_port, settings.allow_private_networks, resolve)
    except UnresolvableHost as error:
        raise FetchError(str(error), NETWORK) from None
    except PrivateAddress as error:
        raise FetchError(str(error), PRIVATE_ADDRESS) from None


class PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport, its connections opened by `PinnedBackend` (httpx has no option
    for a network backend; its pool, httpcore's, has)."""

    def __init__(self, backend: PinnedBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=backend
        )


class Fetcher:
    """One connection pool for a run; use as a context manager. `resolve` answers DNS for
    both the check and the connection (the system's resolver unless a test brings its own)."""

    def __init__(self, settings: Settings, resolve: Resolver = system_resolver) -> None:
        self.settings = settings
        self.resolve = resolve
        self.client = httpx.Client(
            timeout=settings.http_timeout,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": settings.user_agent or f"Schaatsradar/{__version__}"},
            event_hooks={"request": [self._check_request]},
            transport=PinnedTransport(PinnedBackend(settings.allow_private_networks, resolve)),
            trust_env=False,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.client.close()

    def _check_request(self, request: httpx.Request) -> None:
        check_url_allowed(str(request.url), self.settings, self.resolve)

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code >= 400:
                    raise FetchError(
                        f"HTTP {response.status_code} {response.reason_phrase} for {url}",
                        HTTP_STATUS,
                    )
                content = b"" if response.status_code == 304 else self._read_capped(response, url)
                return FetchResult(
                    url=str(response.url),
                    status=response.status_code,
                    content=content,
                    content_type=response.headers.get("content-type", ""),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException:
            raise FetchError(
                f"timed out after {self.settings.http_timeout:g} s: {url}", TIMEOUT
            ) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects: {url}", NETWORK) from None
        except httpx.HTTPError as error:
            raise FetchError(f"request failed for {url}: {error}", NETWORK) from None
        except UnresolvableHost as error:  # from the connection, which resolves again
            raise FetchError(str(error), NETWORK) from None
        except PrivateAddress as error:
            raise FetchError(str(error), PRIVATE_ADDRESS) from None

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        limit = self.settings.max_fetch_bytes
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(
                f"response of {declared} bytes exceeds the {limit}-byte limit: {url}",
                RESPONSE_TOO_LARGE,
            )
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > limit:
                raise FetchError(
                    f"response exceeds the {limit}-byte limit: {url}", RESPONSE_TOO_LARGE
                )
        return bytes(body)
