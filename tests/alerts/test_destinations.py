"""Destinations readers may give for webhooks and push: public http(s) only, unless the
operator allowed a private network (a receiver on the same machine, for example)."""

from __future__ import annotations

import re

import pytest

from schaatsradar.alerts.destinations import check_destination
from schaatsradar.settings import Settings


def test_loopback_is_refused_by_default_and_allowed_when_configured():
    with pytest.raises(ValueError, match=r"non-public address 127\.0\.0\.1"):
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
    with pytest.raises(ValueError, match=f"non-public address {re.escape(address)}"):
        check_destination(url, Settings())


def test_allowing_one_network_does_not_open_another():
    settings = Settings(allow_private_networks=["127.0.0.1/32"])
    with pytest.raises(ValueError, match=r"non-public address 10\.0\.0\.5"):
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
