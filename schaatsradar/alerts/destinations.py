"""Where a reader may send alerts: a webhook URL or a push service endpoint is checked when
it is saved, so a reader cannot point the server at its own network.

The rule is the fetcher's (`schaatsradar.netguard`): http(s) only, and every address the host
resolves to must be public unless its network is in `allow_private_networks`. The sender checks
the addresses again when it connects (`webhook.guarded_socket_factory`), so DNS that changes
after this check gains nothing. This check resolves the host, so it blocks: call it from a
thread (a plain `def` FastAPI route), not from the event loop.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from schaatsradar.netguard import check_host
from schaatsradar.settings import Settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def check_destination(url: str, settings: Settings) -> None:
    """Raise ValueError, naming the problem, unless alerts may be sent to `url`."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ValueError(f"not a valid URL: {error}") from None
    if parts.scheme not in DEFAULT_PORTS:
        shown = f"{parts.scheme}://" if parts.scheme else "a URL without a scheme"
        raise ValueError(f"alerts go to http:// or https:// addresses only, not {shown}")
    if not parts.hostname:
        raise ValueError("the URL names no host")
    # HostRefused is a ValueError whose message names the host and the refused address.
    check_host(parts.hostname, port or DEFAULT_PORTS[parts.scheme], settings.allow_private_networks)
