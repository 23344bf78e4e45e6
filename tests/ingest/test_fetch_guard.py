"""The feed and page fetcher connects only where the check allowed: the address a name
resolved to when vetted is the address the connection goes to (DNS rebinding), and IPv6 forms
that lead into private networks are refused at connect, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import ipaddress

import pytest
from pytest_httpserver import HTTPServer

from schaatsradar import errors
from schaatsradar.errors import FetchError
from schaatsradar.ingest.fetch import Fetcher
from schaatsradar.netguard import IPAddress
from schaatsradar.settings import Settings

PUBLIC = ipaddress.ip_address("93.184.215.14")
LOOPBACK = ipaddress.ip_address("127.0.0.1")


class Rebinding:
    """A DNS server we control: `localhost` is public the first time it is asked, then
    127.0.0.1 (the rebinding attack), and every answer is recorded."""

    def __init__(self, *answers: IPAddress) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[IPAddress]:
        self.asked.append(host)
        return [self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]]


def test_a_name_that_turns_private_after_the_check_is_not_fetched(httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data("<rss/>", content_type="text/xml")
    resolver = Rebinding(PUBLIC, LOOPBACK)
    url = f"http://localhost:{httpserver.port}/feed"
    with (
        Fetcher(Settings(http_timeout=2.0), resolve=resolver) as fetcher,
        pytest.raises(FetchError) as refused,
    ):
        fetcher.get(url)
    assert refused.value.code == errors.PRIVATE_ADDRESS
    assert "address not allowed" in refused.value.message
    assert "127.0.0.1" not in refused.value.message
    assert httpserver.log == []  # the server never heard from us
    assert len(resolver.asked) == 2  # once for the check, once for the connection


def test_the_connection_goes_to_the_address_that_was_vetted(httpserver: HTTPServer):
    """A name our resolver says is 127.0.0.1 (allowed here) is fetched from there, whatever
    the system's DNS would say about it."""
    httpserver.expect_request("/feed").respond_with_data("<rss/>", content_type="text/xml")
    allowed = Settings(allow_private_networks=["127.0.0.1/32"], http_timeout=2.0)
    with Fetcher(allowed, resolve=Rebinding(LOOPBACK)) as fetcher:
        answer = fetcher.get(f"http://feeds.schaatsradar.invalid:{httpserver.port}/feed")
    assert answer.content == b"<rss/>"
    [(request, _)] = httpserver.log
    assert request.headers["Host"] == f"feeds.schaatsradar.invalid:{httpserver.port}"


@pytest.mark.parametrize(
    "host",
    ["[64:ff9b::7f00:1]", "[::127.0.0.1]", "[2002:7f00:1::1]", "[fec0::1]", "[ff02::1]"],
)
def test_ipv6_forms_of_private_addresses_are_refused_at_connect(host: str):
    with Fetcher(Settings(http_timeout=2.0)) as fetcher, pytest.raises(FetchError) as refused:
        fetcher.get(f"http://{host}:8080/feed")
    assert refused.value.code == errors.PRIVATE_ADDRESS
