"""What `schaatsradar serve` writes to its log holds no secrets: the private feed's token (in
the query, as feed readers send it), tokens in paths and bearer tokens stay out, while the
rest of the request line stays useful."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.web.running_server import Served, running_server

FEED_TOKEN = "srp_Zk3vQm9XbT7wLq2Rj5Hn8Yc4Ud6Fs1Ga0PeKo"
LINK_TOKEN = "Q7mZ2xKv9RbT4wLp8Jn3Hc6Yd1Fs5Ge0"
MAILED_TOKEN = "eyJ1IjogNDJ9.aGk5Zm9vYmFy.Zk3vQm9X"  # as a confirmation or reset link has it


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with running_server(tmp_path_factory.mktemp("log")) as server:
        yield server


def wait_for(served: Served, needle: str) -> str:
    deadline = time.monotonic() + 10
    while needle not in (log := served.logged()):
        assert time.monotonic() < deadline, f"{needle!r} never logged:\n{log}"
        time.sleep(0.05)
    return log


def test_the_private_feed_token_is_not_in_the_access_log(served: Served):
    httpx.get(f"{served.url}/mijn/atom?token={FEED_TOKEN}&lang=en")
    log = wait_for(served, "/mijn/atom")
    assert FEED_TOKEN not in log
    assert "/mijn/atom?token=[hidden]&lang=en" in log


def test_tokens_in_paths_and_other_secret_parameters_are_hidden(served: Served):
    httpx.get(f"{served.url}/account/bevestigen/{LINK_TOKEN}")
    httpx.get(f"{served.url}/account/bevestigen?t={MAILED_TOKEN}")
    httpx.get(f"{served.url}/api/v1/articles?api_key=s3cret-value&limit=2")
    httpx.get(f"{served.url}/api/v1/me", headers={"Authorization": f"Bearer {FEED_TOKEN}"})
    log = wait_for(served, "limit=2")
    assert LINK_TOKEN not in log and "s3cret-value" not in log and FEED_TOKEN not in log
    assert MAILED_TOKEN not in log and "/account/bevestigen?t=[hidden]" in log
    assert "/account/bevestigen/[hidden]" in log
    assert "api_key=[hidden]&limit=2" in log


def test_ordinary_request_lines_are_logged_as_they_came(served: Served):
    httpx.get(f"{served.url}/schaatsers/jutta-leerdam?lang=en")
    assert '"GET /schaatsers/jutta-leerdam?lang=en HTTP/1.1"' in wait_for(served, "jutta")
