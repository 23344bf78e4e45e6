"""Polling an official results URL over real HTTP on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from schaatsradar import errors
from schaatsradar.knowledge.official import parse_official
from schaatsradar.knowledge.official_fetch import OfficialPoller
from schaatsradar.settings import Settings

EVENT = (Path(__file__).parent / "fixtures" / "isu_event_inzell.json").read_text()
MODIFIED = "Sun, 25 Jan 2026 18:00:00 GMT"


@pytest.fixture
def settings() -> Settings:
    return Settings(
        allow_private_networks=["127.0.0.0/8", "::1/128"],
        http_timeout=0.5,
        official_min_interval_seconds=0.4,
    )


def test_an_unchanged_result_list_costs_one_304(settings: Settings, httpserver: HTTPServer):
    httpserver.expect_ordered_request("/events/2026_GER_0001").respond_with_data(
        EVENT,
        content_type="application/json",
        headers={"ETag": '"r1"', "Last-Modified": MODIFIED},
    )
    httpserver.expect_ordered_request(
        "/events/2026_GER_0001", headers={"If-None-Match": '"r1"', "If-Modified-Since": MODIFIED}
    ).respond_with_data("", status=304)
    url = httpserver.url_for("/events/2026_GER_0001")
    with OfficialPoller(settings) as poller:
        first = poller.fetch(url)
        second = poller.fetch(url, first.etag, first.last_modified)
    assert not first.not_modified and (first.etag, first.last_modified) == ('"r1"', MODIFIED)
    data = parse_official(first.payload, first.url)
    assert data.ok and data.results[0].athlete == "Jutta Leerdam"
    assert data.results[0].source == url
    assert second.not_modified and second.payload is None
    assert (second.etag, second.last_modified) == ('"r1"', MODIFIED)  # kept for the next poll
    httpserver.check_assertions()


def test_requests_to_one_host_keep_the_least_interval(settings: Settings, httpserver: HTTPServer):
    arrivals: list[float] = []

    def answer(_request: Request) -> Response:
        arrivals.append(time.monotonic())
        return Response('{"count": 0, "results": []}', content_type="application/json")

    httpserver.expect_request("/events/").respond_with_handler(answer)
    httpserver.expect_request("/records/").respond_with_handler(answer)
    with OfficialPoller(settings) as poller:
        for path in ("/events/", "/records/", "/events/"):
            poller.fetch(httpserver.url_for(path))
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert len(arrivals) == 3
    assert all(gap >= 0.35 for gap in gaps), gaps


def test_a_slow_server_times_out(settings: Settings):
    def slow(_request: Request) -> Response:
        time.sleep(1.0)  # the settings give up after 0.5 s
        return Response("{}", content_type="application/json")

    # A server of its own, threaded, so the shared one is not kept busy by the sleeping handler.
    with HTTPServer(host="127.0.0.1", threaded=True) as server:
        server.expect_request("/slow").respond_with_handler(slow)
        with OfficialPoller(settings) as poller, pytest.raises(errors.FetchError) as caught:
            poller.fetch(server.url_for("/slow"))
    assert caught.value.code == errors.TIMEOUT


def test_an_oversized_answer_is_refused(settings: Settings, httpserver: HTTPServer):
    httpserver.expect_request("/big").respond_with_data(
        '{"results": [' + "0," * 5000 + "0]}", content_type="application/json"
    )
    small = settings.model_copy(update={"max_fetch_bytes": 1000})
    with OfficialPoller(small) as poller, pytest.raises(errors.FetchError) as caught:
        poller.fetch(httpserver.url_for("/big"))
    assert caught.value.code == errors.RESPONSE_TOO_LARGE


def test_private_addresses_are_refused_unless_allowed(settings: Settings, httpserver: HTTPServer):
    httpserver.expect_request("/events/").respond_with_data("{}", content_type="application/json")
    strict = settings.model_copy(update={"allow_private_networks": []})
    with OfficialPoller(strict) as poller, pytest.raises(errors.FetchError) as caught:
        poller.fetch(httpserver.url_for("/events/"))
    assert caught.value.code == errors.PRIVATE_ADDRESS
    assert httpserver.log == []  # refused before anything was sent


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (200, "<html>Onderhoud</html>", errors.BAD_JSON),
        (500, '{"detail": "error"}', errors.HTTP_STATUS),
        (429, '{"detail": "slow down"}', errors.HTTP_STATUS),
    ],
)
def test_an_answer_that_is_not_official_json_is_an_error(
    settings: Settings, httpserver: HTTPServer, status: int, body: str, code: str
):
    httpserver.expect_request("/events/").respond_with_data(body, status=status)
    url = httpserver.url_for("/events/")
    with OfficialPoller(settings) as poller, pytest.raises(errors.SchaatsradarError) as caught:
        poller.fetch(url)
    assert caught.value.code == code and url in caught.value.message
