"""Destinations readers may give for webhooks and push: public http(s) only, unless the
operator allowed a private network (a receiver on the same machine, for example)."""

from __future__ import annotations

import re

import pytest

from schaatsradar.alerts.destinations import check_destination
from schaatsradar.settings import Settings


def test_loopback_is_refused_by_default_and_allowed_when_configured():
    with pytest.raises(ValueError, match="address not allowed"):
        check_destination("http://127.0.0.1:8080/hook", Settings())
    check_destination(
        "http://127.0.0.1:8080/hook", Settings(allow_private_networks=["127.0.0.1/32"])
    )


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://10.1.2.3/hook", "10.1.2.3"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),  # cloud metadata
        ("http://[::1]:9000/hook", "::1"),
        ("http://192.168.1.20/hook", "192.168.1.20"),
        ("http://0.0.0.0:8000/hook", "0.0.0.0"),
    ],
)
def test_private_link_local_and_reserved_addresses_are_refused(url, address):
    with pytest.raises(ValueError, match="address not allowed"):
        check_destination(url, Settings())


def test_allowing_one_network_does_not_open_another():
    settings = Settings(allow_private_networks=["127.0.0.1/32"])
    with pytest.raises(ValueError, match="address not allowed"):
        check_destination("http://10.0.0.5/hook", settings)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("file:///etc/passwd", "not file://"),
        ("ftp://example.org/hook", "not ftp://"),
        ("javascript:alert(1)", "not javascript://"),
        ("example.org/hook", "a URL without a scheme"),
        ("https:///hook", "names no host"),
        ("https://example.org:99999/hook", "not a valid URL"),
    ],
)
def test_urls_that_are_not_http_are_refused_with_the_reason(url, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        check_destination(url, Settings())


def test_a_public_address_is_accepted():
    check_destination("https://93.184.215.14/hooks/skating?token=x", Settings())


@pytest.mark.parametrize(
    "host",
    [
        "[64:ff9b::7f00:1]",  # NAT64 of 127.0.0.1
        "[64:ff9b::a9fe:a9fe]",  # NAT64 of the cloud metadata address
        "[::127.0.0.1]",  # IPv4-compatible
        "[2002:7f00:1::1]",  # 6to4 of 127.0.0.1
        "[2002:a00:1::1]",  # 6to4 of 10.0.0.1
        "[::ffff:10.0.0.1]",  # IPv4-mapped
        "[fec0::1]",  # site-local
        "[ff0e::1]",  # IPv6 multicast
        "239.1.2.3",  # IPv4 multicast
        "[64:ff9b:1::a00:1]",  # local-use NAT64
    ],
)
def test_addresses_python_calls_global_that_lead_inside_are_refused(host):
    with pytest.raises(ValueError, match="address not allowed"):
        check_destination(f"https://{host}/hook", Settings())


@pytest.mark.parametrize(
    "host", ["[64:ff9b::5db8:d70e]", "[2002:5db8:d70e::1]", "[::ffff:93.184.215.14]"]
)
def test_ipv6_forms_of_a_public_ipv4_address_stay_allowed(host):
    check_destination(f"https://{host}/hook", Settings())


def test_a_refusal_does_not_say_where_an_internal_name_resolves():
    with pytest.raises(ValueError) as refused:
        check_destination("http://localhost:8080/hook", Settings())
    assert "address not allowed" in str(refused.value)
    assert "127.0.0.1" not in str(refused.value) and "::1" not in str(refused.value)
