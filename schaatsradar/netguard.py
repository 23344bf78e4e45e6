"""Which network addresses the service may open connections to.

Anything a user can name (a feed URL, a webhook URL, a push endpoint) could point at the
server's own admin ports or the cloud metadata service. Only public addresses are reachable,
plus the networks an operator lists in `SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS`. The fetcher
checks every request with `check_host`; alert destinations are checked with it when saved,
and the alert sender checks each address it connects to with `address_allowed`.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from schaatsradar.settings import Network

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class HostRefused(ValueError):
    """A host we may not connect to; the message says why and is safe to show."""


class UnresolvableHost(HostRefused):
    """The host has no address (or no valid name)."""


class PrivateAddress(HostRefused):
    """The host resolves to an address outside the public internet and the allowed networks."""


def address_allowed(address: IPAddress, allowed_networks: Iterable[Network]) -> bool:
    """True for a public address, or one inside a network the operator allowed."""
    return address.is_global or any(address in network for network in allowed_networks)


def check_host(host: str, port: int, allowed_networks: Iterable[Network]) -> None:
    """Raise HostRefused unless every address `host` resolves to is allowed. Blocks on DNS."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise UnresolvableHost(f"cannot resolve {host!r}: {error}") from None
    allowed = list(allowed_networks)
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address_allowed(address, allowed):
            raise PrivateAddress(
                f"refused: {host} resolves to the non-public address {address} "
                "(allow it with SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS)"
            )
