"""Which network addresses the service may open connections to.

Anything a user can name (a feed URL, a webhook URL, a push endpoint, an official list) could
point at the server's own admin ports or the cloud metadata service. Only public addresses are
reachable, plus the networks an operator lists in `SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS`.

Two checks, one rule (`address_allowed`): `check_host` when a URL is saved or requested (so a
bad one is refused with a clear message), and `vet_address` on the very address a connection
goes to (the fetcher's `PinnedBackend`, the alert sender's socket factory), so a name that
resolves to a public address first and to 127.0.0.1 a moment later gains nothing.

`ip.is_global` alone is not the rule: Python calls NAT64 (64:ff9b::/96), 6to4 (2002::/16),
IPv4-compatible (::a.b.c.d), site-local (fec0::/10) and multicast addresses global, though
each can lead to a private host. Addresses that carry an IPv4 address are judged by it.

Refusal messages name the host as given, never the address it resolved to: a reader must not
learn how internal names resolve by trying them.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpcore

from schaatsradar.settings import Network

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[IPAddress]]
SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)

NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052: the last 32 bits are an IPv4 address
NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # RFC 8215: local translators, any layout
V4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # RFC 4291's deprecated ::a.b.c.d
REFUSED_MESSAGE = "address not allowed"


class HostRefused(ValueError):
    """A host we may not connect to; the message says why and is safe to show."""


class UnresolvableHost(HostRefused):
    """The host has no address (or no valid name)."""


class PrivateAddress(HostRefused):
    """The host resolves to an address outside the public internet and the allowed networks."""


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries to (v4-mapped, NAT64, 6to4, v4-compatible)."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64 or address in V4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _public(address: IPAddress) -> bool:
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return False
    if isinstance(address, ipaddress.IPv6Address) and (
        address.is_site_local or address in NAT64_LOCAL
    ):
        return False
    return address.is_global


def address_allowed(address: IPAddress, allowed_networks: Iterable[Network]) -> bool:
    """True for a public address, or one inside a network the operator allowed. An IPv6
    address that carries an IPv4 one is public only if that IPv4 address is; it is inside an
    allowed network as itself, or (v4-mapped: the same host) as its IPv4 address."""
    same_host = [address]
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        same_host.append(address.ipv4_mapped)
    for network in allowed_networks:
        if any(one.version == network.version and one in network for one in same_host):
            return True
    return _public(embedded_ipv4(address) or address)


def vet_address(address: IPAddress, allowed_networks: Iterable[Network], host: str) -> None:
    """Raise PrivateAddress (naming `host` only) unless a connection may go to `address`."""
    if not address_allowed(address, allowed_networks):
        raise PrivateAddress(
            f"refused: {REFUSED_MESSAGE} for {host} "
            "(an operator can allow networks with SCHAATSRADAR_ALLOW_PRIVATE_NETWORKS)"
        )


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to, as the operating system says. Blocks on DNS."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        raise UnresolvableHost(f"cannot resolve {host!r}") from None
    found: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in found:
            found.append(address)
    if not found:
        raise UnresolvableHost(f"cannot resolve {host!r}")
    return found


def check_host(
    host: str, port: int, allowed_networks: Iterable[Network], resolve: Resolver = system_resolver
) -> list[IPAddress]:
    """Every address `host` resolves to; raise HostRefused unless all of them are allowed."""
    addresses = resolve(host, port)
    allowed = list(allowed_networks)
    for address in addresses:
        vet_address(address, allowed, host)
    return addresses


class PinnedBackend(httpcore.SyncBackend):
    """httpcore's network backend with the name resolved by us and every address vetted: the
    connection goes to an address that was checked, not to whatever the name says a moment
    later (DNS rebinding). TLS still names the host (httpcore sends the origin's SNI)."""

    def __init__(self, allowed_networks: Iterable[Network], resolve: Resolver = system_resolver):
        self.allowed = list(allowed_networks)
        self.resolve = resolve

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in check_host(host, port, self.allowed, self.resolve):
            try:
                return super().connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None  # check_host returns at least one address or raises
        raise failure
